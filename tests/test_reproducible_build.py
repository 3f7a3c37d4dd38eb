"""The same sources build the same site: two strict builds, each from its own
empty runtime cache, give byte-identical files, the Python memory snapshot
included. A file that changes between builds makes every returning visitor
download it again after each deploy."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from sitebuild import runtime

ROOT = Path(__file__).resolve().parent.parent


def build(site: Path, cache: Path) -> None:
    environment = {**os.environ, runtime.CACHE_ENV: str(cache), "NO_MKDOCS_2_WARNING": "1"}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT, env=environment, capture_output=True, text=True, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    # The cache was empty, so this build compiled and snapshotted on its own.
    assert sorted(p.suffix for p in cache.iterdir()) == [".bin", ".whl", ".zip"]


def digests(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_two_builds_from_empty_caches_give_the_same_files(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    build(first / "site", first / "cache")
    build(second / "site", second / "cache")
    one, two = digests(first / "site"), digests(second / "site")
    assert sorted(one) == sorted(two)
    differ = sorted(name for name in one if one[name] != two[name])
    assert differ == [], f"these files differ between two builds of the same sources: {differ}"
    assert any(name.startswith(f"{runtime.RUNTIME_DIR}/{runtime.SNAPSHOT_NAME}-") for name in one)
