"""Python's side of ``pyodide_runtime.mjs``: start a built site's Python runtime
in Node and get the replies of ``checks.browser.handle``; and read the values
the build's ``mdx-runtime.mjs`` exports.

Node and node_modules/pyodide are required (`make deps`): their absence is a
failure with instructions, never a skip.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

from sitebuild import runtime

SCRIPT = Path(__file__).with_suffix(".mjs")
ROOT = Path(__file__).resolve().parents[2]
# Pyodide starts in a few seconds; this only guards against a hang.
TIMEOUT_SECONDS = 180


def node() -> str:
    path = shutil.which("node")
    if path is None:
        pytest.fail("Node.js is not installed: the Pyodide tests need `node` (>= 18). Install it, then `make test`.")
    if not (ROOT / "node_modules" / "pyodide" / "package.json").is_file():
        pytest.fail("node_modules/pyodide is missing: run `make deps` (or `npm ci`).")
    return path


def start(
    site_dir: Path, mode: str, requests: list[Any], *, break_sources: bool = False, imports: tuple[str, ...] = ()
) -> dict[str, Any]:
    """Start the site's runtime (``mode``: "snapshot" or "fallback"), send
    ``requests`` to ``checks.browser.handle``, then import ``imports``; what
    the script reports."""
    with tempfile.TemporaryDirectory(prefix="mdx-requests-") as scratch:
        given = Path(scratch) / "requests.json"
        given.write_text(json.dumps(requests), encoding="utf-8")
        flags = ["--break-sources"] if break_sources else []
        for name in imports:
            flags += ["--import", name]
        completed = subprocess.run(
            [node(), str(SCRIPT), str(site_dir), mode, str(given), *flags],
            cwd=ROOT,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    if completed.returncode != 0:
        pytest.fail(f"The built runtime did not start in Node ({mode}):\n{completed.stderr}")
    result: dict[str, Any] = json.loads(completed.stdout)
    return result


def manifest(runtime_dir: Path) -> dict[str, Any]:
    """The values mdx-runtime.mjs exports (it is JavaScript holding JSON literals)."""
    text = (runtime_dir / runtime.MANIFEST).read_text(encoding="utf-8")
    values = {}
    for name in ("stdLib", "emptyStdLib", "snapshot", "checks", "lockFile"):
        found = re.search(rf"^export const {name} = (.*?);$", text, re.MULTILINE | re.DOTALL)
        assert found, f"mdx-runtime.mjs exports no {name}:\n{text}"
        values[name] = json.loads(found.group(1))
    return values


def wheel_path(runtime_dir: Path) -> Path:
    """The checks wheel, where the lock data says it is."""
    lock = manifest(runtime_dir)["lockFile"]
    return runtime_dir / lock["packages"][runtime.PACKAGE_NAME]["file_name"]
