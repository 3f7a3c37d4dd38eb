"""Put the Python runtime into the built site: Pyodide from the pinned npm
package, its standard library compiled to bytecode, the ``checks``
distribution as a wheel (with its bytecode) and the lock data that lists it,
the memory snapshot, and a small module that tells the browser's worker which
files to load.

Why compile: the npm package's ``python_stdlib.zip`` holds only ``.py``
sources, so every page load compiled the ~200 modules Pyodide imports at
start-up; shipping ``.pyc`` files cuts ``loadPyodide()`` by about two thirds
(figures in BENCHMARKS.md). The bytecode belongs to Pyodide's Python (3.14),
not to the build machine's, so ``compile_python.mjs`` compiles inside Pyodide,
in Node. The compiled zips are cached under ``.cache/pyodide/``, keyed by
everything that goes into them, so only the first build pays (about 10 s);
so are the pure wheel and the lock data (about 1 s of every build).

Why a memory snapshot: restoring Python's memory, saved once at build time
by ``snapshot_python.mjs`` right after start-up, skips that start-up in the
browser (~0.4 s of a ~1 s start; BENCHMARKS.md). The image is taken after
``checks.browser`` is imported and every view asked once, so restoring it
leaves nothing to import either; and after Python forgot the stdlib zip
(``snapshot_prepare.py``), so the browser restores it next to an empty zip and
fetches the whole one (``ON_DEMAND_PREFIX``) only on a missed import. The
image is 31 MB; ``pack_snapshot`` stores its static part XOR the wasm's
initial memory (``wasm.py``) and drops the pages of zeros, and the rest ships
gzipped (~3 MB), inflated by the browser's own ``DecompressionStream``. Its
name ends in ``.bin``, not ``.gz``: some hosts send ``.gz`` files with
``Content-Encoding: gzip``, and the browser would then inflate it before the
worker does. Pyodide's snapshot API is undocumented, so the worker starts
Python the normal way whenever restoring fails or the browser cannot inflate.

Why a wheel for ``checks``: it is a real distribution
(``checks/pyproject.toml``), built by ``python -m build`` with hatchling as a
pure wheel; a fixed ``SOURCE_DATE_EPOCH`` makes the same sources give the
same bytes. The compiler adds each module's ``__pycache__`` bytecode and
rewrites the ``RECORD``; ``pyodide lockfile add-wheels`` then lists the wheel,
with its sha256, in the lock data the worker gives ``loadPyodide``. After a
normal start the worker installs it with ``loadPackage`` (the documented way;
Pyodide checks the sha256). After a snapshot restore it skips the package
loader (~0.1 s): the modules are in the image, and the worker only writes the
wheel (fetched with the same sha256 as ``integrity``) to ``CHECKS_PATH``, on
the image's ``sys.path``. pyodide-lock needs Python >= 3.12, so the project's
environment is on 3.12 (the Makefile). ``pyodide build`` is not used: it
downloads a cross-build environment, which these machines cannot reach, and
``pyodide py-compile`` needs a CPython 3.14 host.
"""

from __future__ import annotations

import gzip
import io
import hashlib
import json
import logging
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from importlib import metadata
from pathlib import Path

import checks as check_definitions

from . import wasm

log = logging.getLogger("mkdocs.hooks.meldcodewijzer")

RUNTIME_DIR = "assets/pyodide"
# Copied as they are. The stock stdlib is not: the compiled one replaces it.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
STOCK_STDLIB = "python_stdlib.zip"
STDLIB_NAME = "python_stdlib"
# Fetched only when a page needs it: by the normal start (when the snapshot
# cannot be restored) or by an import the snapshot cannot serve. A check page
# does not load it, so the offline copy does not hold it until then.
ON_DEMAND_PREFIX = f"{RUNTIME_DIR}/{STDLIB_NAME}-"
# What the worker restores the snapshot next to: the image holds every module
# the checks use and has forgotten the stdlib zip (snapshot_prepare.py).
EMPTY_STDLIB_NAME = "python_stdlib_empty"
# The checks' distribution: checks/pyproject.toml names it, the lock data
# lists the wheel under it, and the fallback start loads it by that name.
CHECKS_PROJECT = "checks"
PACKAGE_NAME = "meldcodewijzer-checks"
# Where the snapshot path writes the checks wheel in Pyodide's file system:
# on the snapshot's sys.path (a pure wheel is a zip zipimport reads).
CHECKS_PATH = f"/lib/{PACKAGE_NAME}.whl"
# The wheel's file dates (the earliest a zip can hold): the same sources
# always give the same wheel, byte for byte.
SOURCE_DATE_EPOCH = "315532800"
# The worker imports this module: the stdlib's file name and the lock data,
# so it needs no lock file fetch of its own.
MANIFEST = "mdx-runtime.mjs"
COMPILER = Path(__file__).with_name("compile_python.mjs")
# The Python program the compiler runs inside Pyodide.
COMPILE_PROGRAM = Path(__file__).with_name("compile_pyc.py")
SNAPSHOTTER = Path(__file__).with_name("snapshot_python.mjs")
# The browser's code that installs the checks (the snapshot script runs it
# too) and that reads the snapshot's format: both go into its cache key.
BROWSER_JS = Path(__file__).parents[1] / "docs" / "assets" / "javascripts"
SNAPSHOT_CODE = (
    BROWSER_JS / "mdx-python-checks.mjs",
    BROWSER_JS / "mdx-snapshot.mjs",
    Path(__file__).with_name("snapshot_prepare.py"),
    Path(__file__).with_name("wasm.py"),
)
SNAPSHOT_NAME = "python_snapshot"
# The pure wheel and the lock data, cached like the compiled files.
PURE_WHEEL_DIR = "pure-wheel"
LOCK_NAME = "pyodide-lock"
CACHE_DIR = Path(".cache") / "pyodide"
# Another cache folder (absolute, or relative to the project): the test that
# builds twice from an empty cache gives each build its own.
CACHE_ENV = "MDX_CACHE_DIR"
# Older compiled zips kept per kind (a checks edit makes a new one each build).
CACHE_KEEP = 8
# Compiling the whole stdlib takes about 10 s; this only guards against a hang.
COMPILE_TIMEOUT_SECONDS = 600


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


def _run(command: list[str], what: str, hint: str, **options: object) -> None:
    """Run a build tool; a hang or a failure stops the build with its output."""
    try:
        completed = subprocess.run(
            command, capture_output=True, text=True, timeout=COMPILE_TIMEOUT_SECONDS, check=False, **options
        )
    except subprocess.TimeoutExpired as error:
        raise RuntimeBuildError(f"{what} did not finish in {COMPILE_TIMEOUT_SECONDS} s") from error
    if completed.returncode != 0:
        raise RuntimeBuildError(
            f"{what} failed (exit {completed.returncode}{hint}):\n{(completed.stderr or completed.stdout).strip()}"
        )


def _run_python(args: list[str], what: str, env: dict[str, str] | None = None) -> None:
    """Run a tool of this Python's environment (``python -m ...``); a failure names the fix."""
    _run([sys.executable, *args], what, "; `make deps` installs the tools, on Python >= 3.12", env=env)


def build_checks_wheel(project_root: Path) -> tuple[str, bytes]:
    """The ``checks`` distribution as a pure-Python wheel of its sources:
    (file name, bytes), built from ``checks/pyproject.toml`` by the pinned
    ``build`` and ``hatchling`` (no download: ``--no-isolation``)."""
    project = project_root / CHECKS_PROJECT
    if not (project / "pyproject.toml").is_file():
        raise RuntimeBuildError(f"{project / 'pyproject.toml'} is missing: it describes the checks' wheel")
    with tempfile.TemporaryDirectory(prefix="mdx-wheel-") as scratch:
        _run_python(
            ["-m", "build", "--wheel", "--no-isolation", "--outdir", scratch, str(project)],
            f"Building the checks' wheel from {project}",
            env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH},
        )
        wheels = list(Path(scratch).glob("*.whl"))
        if len(wheels) != 1:
            raise RuntimeBuildError(f"Building the checks' wheel gave {len(wheels)} wheels, not one")
        return wheels[0].name, wheels[0].read_bytes()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _tool_versions(*distributions: str) -> bytes:
    return " ".join(f"{name}=={metadata.version(name)}" for name in distributions).encode()


def _project_sources(project: Path) -> bytes:
    """Every file of a project folder (its name and bytes), bytecode left out."""
    digest = hashlib.sha256()
    for path in sorted(project.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(project).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


def checks_wheel(project_root: Path) -> tuple[str, bytes]:
    """``build_checks_wheel``, kept in the cache under a key of its sources
    and tools: a build that changed no check skips two seconds of ``build``."""
    project = project_root / CHECKS_PROJECT
    key = _sha256(_project_sources(project) + SOURCE_DATE_EPOCH.encode() + _tool_versions("build", "hatchling"))[:16]
    folder = cache_dir(project_root) / f"{PURE_WHEEL_DIR}-{key}"
    found = list(folder.glob("*.whl")) if folder.is_dir() else []
    if len(found) == 1:
        return found[0].name, found[0].read_bytes()
    name, data = build_checks_wheel(project_root)
    folder.mkdir(parents=True, exist_ok=True)
    scratch = folder / f".{name}.partial"
    scratch.write_bytes(data)
    os.replace(scratch, folder / name)  # atomic: a parallel build sees all or nothing
    return name, data


def cache_key(version: str, source: bytes, *tools: Path) -> str:
    """What a cached file depends on: the Pyodide version, the scripts that
    made it (the compiler's by default), and what it was made from."""
    digest = hashlib.sha256()
    scripts = tools or (COMPILER, COMPILE_PROGRAM)
    for part in (version.encode("utf-8"), *(script.read_bytes() for script in scripts), source):
        digest.update(_sha256(part).encode("ascii"))
    return digest.hexdigest()[:16]


def cache_dir(project_root: Path) -> Path:
    """Where compiled zips and snapshots are kept between builds."""
    return project_root / os.environ.get(CACHE_ENV, CACHE_DIR)


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise RuntimeBuildError(
            "Node.js is needed to compile the Python runtime (node >= 18): install it, then run `make build`."
        )
    return node


def _run_node(script: Path, args: list[str], project_root: Path) -> None:
    _run([_node(), str(script), *args], script.name, "", cwd=project_root)


def run_compiler(jobs: list[dict[str, str]], boot_stdlib: Path | None, project_root: Path) -> None:
    """Compile each job's ``source`` zip into its ``target`` inside Pyodide (Node)."""
    with tempfile.TemporaryDirectory(prefix="mdx-compile-") as scratch:
        job_file = Path(scratch) / "job.json"
        job_file.write_text(
            json.dumps({"bootStdlib": str(boot_stdlib) if boot_stdlib else None, "archives": jobs}),
            encoding="utf-8",
        )
        _run_node(COMPILER, [str(job_file)], project_root)
    for job in jobs:
        if not Path(job["target"]).is_file():
            raise RuntimeBuildError(f"{COMPILER.name} wrote no {job['target']}")


def compiled_archives(project_root: Path, source: Path, checks_wheel: bytes) -> tuple[Path, Path]:
    """The compiled stdlib zip and checks wheel, from the cache or compiled now."""
    version = pyodide_version(source)
    stock = (source / STOCK_STDLIB).read_bytes()
    cache = cache_dir(project_root)
    cache.mkdir(parents=True, exist_ok=True)
    stdlib = cache / f"{STDLIB_NAME}-{version}-{cache_key(version, stock)}.zip"
    checks = cache / f"{PACKAGE_NAME}-{version}-{cache_key(version, checks_wheel)}.whl"

    wanted = [
        (stdlib, stock, "stdlib", "sourceless"),
        (checks, checks_wheel, "site", "wheel"),
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
        cache,
    )
    return stdlib, checks


def memory_snapshot(project_root: Path, source: Path, stdlib: Path, checks: Path) -> Path:
    """The gzipped memory image of Pyodide started with ``stdlib`` and with
    ``checks.browser`` imported from ``checks``, from the cache or made now."""
    version = pyodide_version(source)
    cache = cache_dir(project_root)
    # The two archives' cache names are keys of everything that went into
    # them; the image also holds the checks wheel's place on sys.path.
    inputs = "\n".join((stdlib.name, checks.name, CHECKS_PATH)).encode()
    inputs += b"".join(path.read_bytes() for path in SNAPSHOT_CODE)
    snapshot = cache / f"{SNAPSHOT_NAME}-{version}-{cache_key(version, inputs, SNAPSHOTTER)}.bin"
    if snapshot.is_file():
        return snapshot
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mdx-snapshot-", dir=cache) as scratch:
        image = Path(scratch) / "image.bin"
        _run_node(SNAPSHOTTER, [str(stdlib), str(checks), CHECKS_PATH, str(image)], project_root)
        if not image.is_file() or image.stat().st_size == 0:
            raise RuntimeBuildError(f"{SNAPSHOTTER.name} wrote no memory image")
        packed = Path(scratch) / snapshot.name
        initial = wasm.initial_memory((source / "pyodide.asm.wasm").read_bytes())
        packed.write_bytes(pack_snapshot(image.read_bytes(), initial))
        os.replace(packed, snapshot)
    prune(cache)
    log.info("Made the Python memory snapshot in %.1f s (cached in %s)", time.monotonic() - started, cache)
    return snapshot


SNAPSHOT_PAGE = 64 * 1024  # WebAssembly's page size
# Pyodide's image starts with its own header; this word says where the
# memory starts (Pyodide's API.makeSnapshot).
HEAP_START_WORD = 1


def pack_snapshot(image: bytes, initial: bytes) -> bytes:
    """The memory image, smaller: its first bytes XOR the module's initial
    memory (``initial``, which the browser has once it has instantiated the
    wasm), then without its pages of zeros, gzipped. The format is described
    (and read) in ``docs/assets/javascripts/mdx-snapshot.mjs``."""
    (heap_start,) = struct.unpack_from("<I", image, 4 * HEAP_START_WORD)
    xor_length = min(len(initial), len(image) - heap_start)
    end = heap_start + xor_length
    region = int.from_bytes(image[heap_start:end], "little") ^ int.from_bytes(initial[:xor_length], "little")
    image = image[:heap_start] + region.to_bytes(xor_length, "little") + image[end:]
    runs: list[tuple[int, int]] = []
    for offset in range(0, len(image), SNAPSHOT_PAGE):
        page = image[offset : offset + SNAPSHOT_PAGE]
        if page.count(0) != len(page):
            if runs and runs[-1][0] + runs[-1][1] == offset:
                runs[-1] = (runs[-1][0], runs[-1][1] + len(page))
            else:
                runs.append((offset, len(page)))
    header = struct.pack(
        f"<IIII{2 * len(runs)}I", len(image), heap_start, xor_length, len(runs), *(n for run in runs for n in run)
    )
    body = b"".join(image[offset : offset + size] for offset, size in runs)
    # mtime=0: the same image always gives the same bytes.
    return gzip.compress(header + body, compresslevel=9, mtime=0)


def prune(cache: Path) -> None:
    """Keep the newest few cached files of each kind."""
    patterns = (f"{STDLIB_NAME}-*.zip", f"{PACKAGE_NAME}-*.whl", f"{SNAPSHOT_NAME}-*.bin", f"{LOCK_NAME}-*.json", f"{PURE_WHEEL_DIR}-*")
    for pattern in patterns:
        found = sorted(cache.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in found[CACHE_KEEP:]:
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink(missing_ok=True)


def cached_lock_data(project_root: Path, pyodide_lock: dict, runtime_dir: Path, wheel: Path) -> dict:
    """``lock_data``, kept in the cache under a key of everything it is made
    from: the runtime's lock info, the wheel, its place and the tools."""
    inputs = json.dumps(pyodide_lock.get("info"), sort_keys=True).encode() + wheel.read_bytes()
    inputs += wheel.relative_to(runtime_dir).as_posix().encode() + _tool_versions("pyodide-lock", "pyodide-cli")
    cached = cache_dir(project_root) / f"{LOCK_NAME}-{_sha256(inputs)[:16]}.json"
    if cached.is_file():
        return json.loads(cached.read_text(encoding="utf-8"))
    lock = lock_data(pyodide_lock, runtime_dir, wheel)
    cached.parent.mkdir(parents=True, exist_ok=True)
    scratch = cached.with_suffix(".partial")
    scratch.write_text(json.dumps(lock), encoding="utf-8")
    os.replace(scratch, cached)
    return lock


def lock_data(pyodide_lock: dict, runtime_dir: Path, wheel: Path) -> dict:
    """The site's lock data: the runtime's own ``info`` and one package, the
    checks wheel, added by ``pyodide lockfile add-wheels`` (its sha256 and
    its file name relative to ``runtime_dir``). None of Pyodide's own
    packages: the site ships none. Given inline, it keeps Pyodide from
    fetching a ``pyodide-lock.json``."""
    if "info" not in pyodide_lock:
        raise RuntimeBuildError("Pyodide's pyodide-lock.json has no 'info'")
    with tempfile.TemporaryDirectory(prefix="mdx-lock-") as scratch:
        given = Path(scratch) / "pyodide-lock.json"
        given.write_text(json.dumps({"info": pyodide_lock["info"], "packages": {}}), encoding="utf-8")
        written = Path(scratch) / "pyodide-lock-new.json"
        _run_python(
            ["-m", "pyodide_cli", "lockfile", "add-wheels", "--input", str(given), "--output", str(written),
             "--base-path", str(runtime_dir), str(wheel)],
            "pyodide lockfile add-wheels",
        )
        lock: dict = json.loads(written.read_text(encoding="utf-8"))
    if PACKAGE_NAME not in lock.get("packages", {}):
        raise RuntimeBuildError(f"pyodide lockfile add-wheels did not list {PACKAGE_NAME}: {lock}")
    return lock


def empty_zip() -> bytes:
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w"):
        pass
    return target.getvalue()


def manifest(stdlib_name: str, empty_stdlib_name: str, snapshot_name: str, checks: dict[str, str], lock: dict) -> str:
    return (
        "// Written by the build (sitebuild/runtime.py): this build's\n"
        "// Python runtime files, for assets/javascripts/mdx-check-worker.mjs.\n"
        f"export const stdLib = {json.dumps(stdlib_name)};\n"
        f"export const emptyStdLib = {json.dumps(empty_stdlib_name)};\n"
        f"export const snapshot = {json.dumps(snapshot_name)};\n"
        f"export const checks = {json.dumps(checks)};\n"
        f"export const lockFile = {json.dumps(lock, indent=1)};\n"
    )


def _write_hashed(target: Path, stem: str, data: bytes, suffix: str = ".zip") -> str:
    """Write ``data`` as ``stem-<sha256 prefix><suffix>``, removing older builds' copies."""
    name = f"{stem}-{_sha256(data)[:12]}{suffix}"
    for stale in target.glob(f"{stem}-*{suffix}"):
        if stale.name != name:
            stale.unlink()
    (target / name).write_bytes(data)
    return name


def _write_wheel(target: Path, name: str, data: bytes) -> Path:
    """Write the wheel as ``<PACKAGE_NAME>-<sha256 prefix>/<name>``, removing
    older builds' copies. The folder carries the hash (a new wheel gets a new
    address, so no cache serves an old one); the file keeps the name the
    wheel format and Pyodide's package loader read."""
    folder = target / f"{PACKAGE_NAME}-{_sha256(data)[:12]}"
    for stale in target.glob(f"{PACKAGE_NAME}-*"):
        if stale == folder:
            continue
        if stale.is_dir():
            shutil.rmtree(stale)
        else:
            stale.unlink()
    folder.mkdir(exist_ok=True)
    for stale in folder.iterdir():
        if stale.name != name:
            stale.unlink()
    (folder / name).write_bytes(data)
    return folder / name


def install(site_dir: Path, project_root: Path) -> Path:
    """Copy the runtime and the compiled Python into ``site_dir``; returns the runtime folder."""
    source = pyodide_dir(project_root)
    target = site_dir / RUNTIME_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copyfile(source / name, target / name)

    wheel_name, pure_wheel = checks_wheel(project_root)
    stdlib, checks = compiled_archives(project_root, source, pure_wheel)
    stdlib_name = _write_hashed(target, STDLIB_NAME, stdlib.read_bytes())
    empty_stdlib_name = _write_hashed(target, EMPTY_STDLIB_NAME, empty_zip())
    snapshot = memory_snapshot(project_root, source, stdlib, checks)
    snapshot_name = _write_hashed(target, SNAPSHOT_NAME, snapshot.read_bytes(), suffix=".bin")
    wheel = _write_wheel(target, wheel_name, checks.read_bytes())

    runtime_lock = json.loads((source / "pyodide-lock.json").read_text(encoding="utf-8"))
    checks_entry = {
        # Its file and sha256 are in the lock data, under this name.
        "package": PACKAGE_NAME,
        "path": CHECKS_PATH,
        # The worker's start-up probe asks one of these, so it names no check itself.
        "names": list(check_definitions.names()),
    }
    manifest_text = manifest(stdlib_name, empty_stdlib_name, snapshot_name, checks_entry, cached_lock_data(project_root, runtime_lock, target, wheel))
    (target / MANIFEST).write_text(manifest_text, encoding="utf-8")
    return target
