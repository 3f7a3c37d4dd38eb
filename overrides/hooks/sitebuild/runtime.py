"""Put the Python runtime into the built site: Pyodide from the pinned npm
package, the ``checks`` package as a zip, and a pyodide-lock.json naming that
zip with its sha256 so Pyodide verifies it before installing it.

Why a plain zip and not ``pyodide build``: that command downloads a
cross-build environment, which these machines cannot reach. ``checks`` is pure
standard-library Python, so a zip of its sources is all Pyodide needs.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path

RUNTIME_DIR = "assets/pyodide"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
PACKAGE_NAME = "meldcodewijzer-checks"
# Zip entries get a fixed date so the same sources always give the same bytes
# (and so the same sha256 and the same service-worker cache version).
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def pyodide_dir(project_root: Path) -> Path:
    source = project_root / "node_modules" / "pyodide"
    missing = [name for name in (*PYODIDE_FILES, "pyodide-lock.json") if not (source / name).is_file()]
    if missing:
        raise FileNotFoundError(
            f"Pyodide runtime files missing in {source}: {', '.join(missing)}. "
            "Run `make deps` (npm ci) first."
        )
    return source


def package_sources(project_root: Path) -> list[Path]:
    package = project_root / "checks"
    return sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)


def build_checks_zip(project_root: Path) -> bytes:
    """The ``checks`` package as zip bytes, laid out for site-packages."""
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in package_sources(project_root):
            info = zipfile.ZipInfo(path.relative_to(project_root).as_posix(), date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return target.getvalue()


def lock_file(pyodide_lock: dict, file_name: str, sha256: str) -> dict:
    """A lock file holding only the checks package, with the runtime's own ``info``."""
    return {
        "info": pyodide_lock["info"],
        "packages": {
            PACKAGE_NAME: {
                "name": PACKAGE_NAME,
                "version": "0.0.0",
                "file_name": file_name,
                "install_dir": "site",
                "sha256": sha256,
                "package_type": "package",
                "imports": ["checks"],
                "depends": [],
                "unvendored_tests": False,
            }
        },
    }


def install(site_dir: Path, project_root: Path) -> Path:
    """Copy the runtime and the checks package into ``site_dir``; returns the runtime folder."""
    source = pyodide_dir(project_root)
    target = site_dir / RUNTIME_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copyfile(source / name, target / name)

    data = build_checks_zip(project_root)
    sha256 = hashlib.sha256(data).hexdigest()
    file_name = f"{PACKAGE_NAME}-{sha256[:12]}.zip"
    for stale in target.glob(f"{PACKAGE_NAME}-*.zip"):
        stale.unlink()
    (target / file_name).write_bytes(data)

    runtime_lock = json.loads((source / "pyodide-lock.json").read_text(encoding="utf-8"))
    lock = lock_file(runtime_lock, file_name, sha256)
    (target / "pyodide-lock.json").write_text(json.dumps(lock, indent=1), encoding="utf-8")
    return target
