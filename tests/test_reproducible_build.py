"""The same sources build the same site: a strict build from an empty runtime
cache gives byte-identical files to the run's own build (made from the
project's cache, whatever it holds: on a fresh clone it was empty too), the
Python memory snapshot included. A file that changes between builds makes
every returning visitor download it again after each deploy."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import runtime

ROOT = Path(__file__).resolve().parent.parent
# A build from an empty cache: tens of seconds of CPU, best started early.
pytestmark = pytest.mark.long


def build(site: Path, cache: Path) -> None:
    environment = {**os.environ, runtime.CACHE_ENV: str(cache), "NO_MKDOCS_2_WARNING": "1"}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT, env=environment, capture_output=True, text=True, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    # The cache was empty, so this build compiled, snapshotted and locked on its own.
    made = {
        pattern: len(list(cache.glob(pattern)))
        for pattern in (
            f"{runtime.STDLIB_NAME}-*.zip",
            f"{runtime.PACKAGE_NAME}-*.whl",
            f"{runtime.SNAPSHOT_NAME}-*.bin",
            f"{runtime.PURE_WHEEL_DIR}-*",
            f"{runtime.LOCK_NAME}-*.json",
        )
    }
    assert set(made.values()) == {1} and len(list(cache.iterdir())) == len(made), sorted(cache.iterdir())


def digests(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_a_build_from_an_empty_cache_gives_the_same_files(tmp_path: Path, site_dir: Path) -> None:
    build(tmp_path / "site", tmp_path / "cache")
    one, two = digests(site_dir), digests(tmp_path / "site")
    assert sorted(one) == sorted(two)
    differ = sorted(name for name in one if one[name] != two[name])
    assert differ == [], f"these files differ between two builds of the same sources: {differ}"
    assert any(name.startswith(f"{runtime.RUNTIME_DIR}/{runtime.SNAPSHOT_NAME}-") for name in one)
