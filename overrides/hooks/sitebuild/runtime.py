"""Put the Python runtime into the built site: Pyodide from the pinned npm
package, its standard library and the ``checks`` package compiled to bytecode,
and a small module that tells the browser's worker which files to load.

Why compile: the npm package's ``python_stdlib.zip`` holds only ``.py``
sources, so every page load compiled the ~200 modules Pyodide imports at
start-up; shipping ``.pyc`` files cuts ``loadPyodide()`` by about two thirds
(figures in BENCHMARKS.md). The bytecode belongs to Pyodide's Python (3.14),
not to the build machine's, so ``compile_python.mjs`` compiles inside Pyodide,
in Node. The compiled zips are cached under ``.cache/pyodide/``, keyed by
everything that goes into them, so only the first build pays (about 10 s).

Why a plain zip for ``checks`` and not ``pyodide build``: that command
downloads a cross-build environment, which these machines cannot reach.
``checks`` is pure standard-library Python, so its sources and their ``.pyc``
are all Pyodide needs. Pyodide checks the zip against the sha256 in the lock
data before installing it.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import shutil
import subprocess
import tempfile
import time
import zipfile
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.meldcodewijzer")

RUNTIME_DIR = "assets/pyodide"
# Copied as they are. The stock stdlib is not: the compiled one replaces it.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
STOCK_STDLIB = "python_stdlib.zip"
STDLIB_NAME = "python_stdlib"
PACKAGE_NAME = "meldcodewijzer-checks"
# The worker imports this module: the stdlib's file name and the lock data,
# so it needs no lock file fetch of its own.
MANIFEST = "mdx-runtime.mjs"
COMPILER = Path(__file__).with_name("compile_python.mjs")
CACHE_DIR = Path(".cache") / "pyodide"
# Older compiled zips kept per kind (a checks edit makes a new one each build).
CACHE_KEEP = 8
# Compiling the whole stdlib takes about 10 s; this only guards against a hang.
COMPILE_TIMEOUT_SECONDS = 600
# Zip entries get a fixed date so the same sources always give the same bytes
# (and so the same sha256 and the same service-worker cache version).
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class RuntimeBuildError(RuntimeError):
    """The runtime could not be built; the message says what to do."""


def pyodide_dir(project_root: Path) -> Path:
    source = project_root / "node_modules" / "pyodide"
    needed = (*PYODIDE_FILES, STOCK_STDLIB, "pyodide-lock.json", "package.json")
    missing = [name for name in needed if not (source / name).is_file()]
    if missing:
        raise FileNotFoundError(
            f"Pyodide runtime files missing in {source}: {', '.join(missing)}. "
            "Run `make deps` (npm ci) first."
        )
    return source


def pyodide_version(source: Path) -> str:
    version = json.loads((source / "package.json").read_text(encoding="utf-8")).get("version")
    if not isinstance(version, str) or not version:
        raise RuntimeBuildError(f"{source / 'package.json'} names no version")
    return version


def package_sources(project_root: Path) -> list[Path]:
    package = project_root / "checks"
    sources = sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)
    if not sources:
        raise RuntimeBuildError(f"No Python sources in {package}")
    return sources


def build_checks_zip(project_root: Path) -> bytes:
    """The ``checks`` sources as zip bytes, laid out for site-packages."""
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in package_sources(project_root):
            info = zipfile.ZipInfo(path.relative_to(project_root).as_posix(), date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return target.getvalue()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def cache_key(version: str, source: bytes) -> str:
    """What a compiled zip depends on: the Pyodide version, the compiler
    script, and the zip it was compiled from."""
    digest = hashlib.sha256()
    for part in (version.encode("utf-8"), COMPILER.read_bytes(), source):
        digest.update(_sha256(part).encode("ascii"))
    return digest.hexdigest()[:16]


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise RuntimeBuildError(
            "Node.js is needed to compile the Python runtime (node >= 18): install it, then run `make build`."
        )
    return node


def run_compiler(jobs: list[dict[str, str]], boot_stdlib: Path | None, project_root: Path) -> None:
    """Compile each job's ``source`` zip into its ``target`` inside Pyodide (Node)."""
    with tempfile.TemporaryDirectory(prefix="mdx-compile-") as scratch:
        job_file = Path(scratch) / "job.json"
        job_file.write_text(
            json.dumps({"bootStdlib": str(boot_stdlib) if boot_stdlib else None, "archives": jobs}),
            encoding="utf-8",
        )
        try:
            completed = subprocess.run(
                [_node(), str(COMPILER), str(job_file)],
                cwd=project_root,
                capture_output=True,
                text=True,
                timeout=COMPILE_TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise RuntimeBuildError(f"{COMPILER.name} did not finish in {COMPILE_TIMEOUT_SECONDS} s") from error
    if completed.returncode != 0:
        raise RuntimeBuildError(f"{COMPILER.name} failed (exit {completed.returncode}):\n{completed.stderr.strip()}")
    for job in jobs:
        if not Path(job["target"]).is_file():
            raise RuntimeBuildError(f"{COMPILER.name} wrote no {job['target']}")


def compiled_archives(project_root: Path, source: Path, checks_zip: bytes) -> tuple[Path, Path]:
    """The compiled stdlib and checks zips, from the cache or compiled now."""
    version = pyodide_version(source)
    stock = (source / STOCK_STDLIB).read_bytes()
    cache = project_root / CACHE_DIR
    cache.mkdir(parents=True, exist_ok=True)
    stdlib = cache / f"{STDLIB_NAME}-{version}-{cache_key(version, stock)}.zip"
    checks = cache / f"{PACKAGE_NAME}-{version}-{cache_key(version, checks_zip)}.zip"

    wanted = [
        (stdlib, stock, "stdlib", "sourceless"),
        (checks, checks_zip, "site-packages", "pycache"),
    ]
    missing = [job for job in wanted if not job[0].is_file()]
    if not missing:
        log.debug("Compiled Python runtime from the cache %s", cache)
        return stdlib, checks

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mdx-compile-", dir=cache) as scratch:
        jobs = []
        for index, (path, data, root, layout) in enumerate(missing):
            source_zip = Path(scratch) / f"{index}.source.zip"
            source_zip.write_bytes(data)
            jobs.append({"source": str(source_zip), "target": str(Path(scratch) / path.name), "root": root, "layout": layout})
        # A compiled stdlib boots Pyodide in Node in a third of the time.
        run_compiler(jobs, stdlib if stdlib.is_file() else None, project_root)
        for (path, *_), job in zip(missing, jobs):
            os.replace(job["target"], path)  # atomic: a parallel build sees all or nothing
    prune(cache)
    log.info(
        "Compiled %s to Python bytecode in %.1f s (cached in %s)",
        " and ".join(path.name for path, *_ in missing),
        time.monotonic() - started,
        CACHE_DIR,
    )
    return stdlib, checks


def prune(cache: Path) -> None:
    """Keep the newest few compiled zips of each kind."""
    for stem in (STDLIB_NAME, PACKAGE_NAME):
        found = sorted(cache.glob(f"{stem}-*.zip"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in found[CACHE_KEEP:]:
            stale.unlink(missing_ok=True)


def lock_data(pyodide_lock: dict, file_name: str, sha256: str) -> dict:
    """Lock data holding only the checks package, with the runtime's own ``info``."""
    if "info" not in pyodide_lock:
        raise RuntimeBuildError("Pyodide's pyodide-lock.json has no 'info'")
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


def manifest(stdlib_name: str, lock: dict) -> str:
    return (
        "// Written by the build (overrides/hooks/sitebuild/runtime.py): this build's\n"
        "// Python runtime files, for assets/javascripts/mdx-check-worker.mjs.\n"
        f"export const stdLib = {json.dumps(stdlib_name)};\n"
        f"export const lockFile = {json.dumps(lock, indent=1)};\n"
    )


def _write_hashed(target: Path, stem: str, data: bytes) -> tuple[str, str]:
    """Write ``data`` as ``stem-<sha256 prefix>.zip``, removing older builds' copies."""
    sha256 = _sha256(data)
    name = f"{stem}-{sha256[:12]}.zip"
    for stale in target.glob(f"{stem}-*.zip"):
        if stale.name != name:
            stale.unlink()
    (target / name).write_bytes(data)
    return name, sha256


def install(site_dir: Path, project_root: Path) -> Path:
    """Copy the runtime and the compiled Python into ``site_dir``; returns the runtime folder."""
    source = pyodide_dir(project_root)
    target = site_dir / RUNTIME_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copyfile(source / name, target / name)

    stdlib, checks = compiled_archives(project_root, source, build_checks_zip(project_root))
    stdlib_name, _ = _write_hashed(target, STDLIB_NAME, stdlib.read_bytes())
    checks_name, checks_sha256 = _write_hashed(target, PACKAGE_NAME, checks.read_bytes())

    runtime_lock = json.loads((source / "pyodide-lock.json").read_text(encoding="utf-8"))
    lock = lock_data(runtime_lock, checks_name, checks_sha256)
    (target / MANIFEST).write_text(manifest(stdlib_name, lock), encoding="utf-8")
    return target
