"""The Python runtime the build puts into the site (sitebuild/runtime.py):
the standard library compiled to bytecode inside Pyodide, the checks as a
reproducible wheel (with their bytecode) listed in the lock data by
``pyodide lockfile add-wheels``, the memory snapshot, and the module the
worker imports. tests/test_pyodide.py starts Pyodide in Node from the built
site and runs the checks there.

Node and node_modules/pyodide are required (`make deps`): their absence fails.
"""

from __future__ import annotations

import base64
import csv
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

import checks
from sitebuild import runtime, wasm
from tests.support.pyodide_runtime import manifest, wheel_path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
NODE_TIMEOUT_SECONDS = 180
# Pyc header flags: bit 0 = hash-based, bit 1 = check the source.
UNCHECKED_HASH = 0b01


@pytest.fixture(scope="module")
def node() -> str:
    path = shutil.which("node")
    if path is None:
        pytest.fail("Node.js is not installed: the runtime build needs `node` (>= 18). Install it, then `make deps`.")
    if not (PYODIDE / "package.json").is_file():
        pytest.fail(f"{PYODIDE} is missing: run `make deps` (or `npm ci`).")
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, node: str, site_dir: Path) -> Path:
    """The runtime folder of a site, built the way the hook builds it. After
    the run's own build (``site_dir``): on a fresh clone the stdlib is then
    compiled once, not a second time beside that build."""
    site = tmp_path_factory.mktemp("site")
    return runtime.install(site, ROOT)


def pyc_flags(data: bytes) -> int:
    return int.from_bytes(data[4:8], "little")


# --- The files ------------------------------------------------------------------------


def test_the_runtime_folder_holds_exactly_what_the_worker_loads(built: Path) -> None:
    names = sorted(p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file())
    data = manifest(built)
    wheel = data["lockFile"]["packages"][runtime.PACKAGE_NAME]["file_name"]
    shipped = [data["stdLib"], data["emptyStdLib"], data["snapshot"], wheel]
    assert names == sorted([*runtime.PYODIDE_FILES, runtime.MANIFEST, *shipped])
    # The stock, uncompiled stdlib is not shipped beside the compiled one.
    assert runtime.STOCK_STDLIB not in names


def test_the_stdlib_holds_bytecode_for_every_stock_module_and_no_source(built: Path) -> None:
    stdlib = built / manifest(built)["stdLib"]
    with zipfile.ZipFile(PYODIDE / runtime.STOCK_STDLIB) as stock:
        stock_sources = {n for n in stock.namelist() if n.endswith(".py")}
        stock_others = {n for n in stock.namelist() if not n.endswith(".py")}
    with zipfile.ZipFile(stdlib) as compiled:
        names = set(compiled.namelist())
        assert {n for n in names if n.endswith(".py")} == set()
        assert {n for n in names if n.endswith(".pyc")} == {n + "c" for n in stock_sources}
        assert names - {n + "c" for n in stock_sources} == stock_others
        headers = {compiled.read(n)[:8] for n in names if n.endswith(".pyc")}
    # One interpreter's magic number, and valid whatever the files' dates.
    assert len({h[:4] for h in headers}) == 1
    assert {pyc_flags(h) for h in headers} == {UNCHECKED_HASH}


# The package's own modules: what the wheel must ship, and nothing else (no
# build-only module, no tests).
PACKAGE_SOURCES = sorted(
    f"checks/{p.relative_to(ROOT / runtime.CHECKS_PROJECT).as_posix()}"
    for p in (ROOT / runtime.CHECKS_PROJECT).rglob("*.py")
    if "__pycache__" not in p.parts
)
DIST_INFO = "meldcodewijzer_checks-1.0.0.dist-info"


def wheel_files(wheel: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(wheel) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_wheel_holds_each_source_with_its_bytecode_in_pycache(built: Path) -> None:
    files = wheel_files(wheel_path(built))
    # Where the import system looks once loadPackage has unpacked the wheel.
    bytecode = [
        f"{folder}/__pycache__/{stem}.cpython-314.pyc"
        for folder, _, stem in (name.removesuffix(".py").rpartition("/") for name in PACKAGE_SOURCES)
    ]
    metadata = [f"{DIST_INFO}/{name}" for name in ("METADATA", "WHEEL", "RECORD")]
    assert sorted(files) == sorted([*PACKAGE_SOURCES, *bytecode, *metadata])
    assert "checks/cases.py" not in files and "checks/practice.py" not in files
    assert {pyc_flags(files[name]) for name in bytecode} == {UNCHECKED_HASH}
    for source in PACKAGE_SOURCES:
        assert files[source] == (ROOT / runtime.CHECKS_PROJECT / source.removeprefix("checks/")).read_bytes()


def test_the_wheel_is_a_valid_pure_wheel_whose_record_lists_every_file(built: Path) -> None:
    wheel = wheel_path(built)
    assert wheel.name == "meldcodewijzer_checks-1.0.0-py3-none-any.whl"
    files = wheel_files(wheel)
    assert "Root-Is-Purelib: true" in files[f"{DIST_INFO}/WHEEL"].decode()
    assert "Name: meldcodewijzer-checks" in files[f"{DIST_INFO}/METADATA"].decode()
    record = {row[0]: row[1:] for row in csv.reader(io.StringIO(files[f"{DIST_INFO}/RECORD"].decode()))}
    assert sorted(record) == sorted(files)
    for name, data in files.items():
        if name.endswith("/RECORD"):
            assert record[name] == ["", ""]
            continue
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert record[name] == [f"sha256={digest}", str(len(data))], name
    # The wheel format asks for the .dist-info last; RECORD closes it.
    with zipfile.ZipFile(wheel) as archive:
        order = archive.namelist()
    assert order[-1] == f"{DIST_INFO}/RECORD"
    assert all(name.startswith(DIST_INFO) for name in order[-3:])


def test_the_lock_lists_the_wheel_with_its_sha256(built: Path) -> None:
    lock = manifest(built)["lockFile"]
    stock_lock = json.loads((PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert lock["info"] == stock_lock["info"]
    # Only the checks: the site ships none of Pyodide's own packages.
    assert list(lock["packages"]) == [runtime.PACKAGE_NAME]
    entry = lock["packages"][runtime.PACKAGE_NAME]
    wheel = wheel_path(built)
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert (entry["name"], entry["version"], entry["imports"], entry["depends"]) == (
        runtime.PACKAGE_NAME, "1.0.0", ["checks"], [],
    )
    assert (entry["install_dir"], entry["package_type"]) == ("site", "package")


def test_the_worker_learns_the_package_its_place_and_the_check_names_from_the_build(built: Path) -> None:
    assert manifest(built)["checks"] == {
        "package": runtime.PACKAGE_NAME,
        "path": runtime.CHECKS_PATH,
        "names": list(checks.names()),
    }


def test_file_names_carry_their_content_hash(built: Path) -> None:
    data = manifest(built)
    for name in (data["stdLib"], data["snapshot"]):
        prefix = re.fullmatch(r".+-([0-9a-f]{12})\.(zip|bin)", name)
        assert prefix, name
        assert hashlib.sha256((built / name).read_bytes()).hexdigest().startswith(prefix.group(1))
    # The wheel keeps its own name (the loader reads it); its folder carries the hash.
    wheel = wheel_path(built)
    folder = re.fullmatch(rf"{runtime.PACKAGE_NAME}-([0-9a-f]{{12}})", wheel.parent.name)
    assert folder and wheel.parent.parent == built, wheel
    assert hashlib.sha256(wheel.read_bytes()).hexdigest().startswith(folder.group(1))


def test_two_builds_of_the_wheel_give_the_same_bytes(tmp_path: Path) -> None:
    # The second build's sources are the same bytes with other dates and modes.
    copy = tmp_path / runtime.CHECKS_PROJECT
    shutil.copytree(ROOT / runtime.CHECKS_PROJECT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    for path in copy.iterdir():
        os.utime(path, (2_000_000_000, 2_000_000_000))
        path.chmod(0o664)
    first_name, first = runtime.build_checks_wheel(ROOT)
    second_name, second = runtime.build_checks_wheel(tmp_path)
    assert first_name == second_name
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()
    with zipfile.ZipFile(io.BytesIO(first)) as wheel:
        # SOURCE_DATE_EPOCH: the date the build fixes, not the backend's default.
        assert {info.date_time for info in wheel.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_the_wheel_is_built_again_when_a_source_changes_and_else_taken_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / runtime.CHECKS_PROJECT, tmp_path / runtime.CHECKS_PROJECT, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setenv(runtime.CACHE_ENV, str(tmp_path / "cache"))
    built: list[Path] = []
    real_build = runtime.build_checks_wheel
    monkeypatch.setattr(runtime, "build_checks_wheel", lambda root: built.append(root) or real_build(root))

    first = runtime.checks_wheel(tmp_path)
    assert runtime.checks_wheel(tmp_path) == first and len(built) == 1, "the unchanged sources were built again"
    assert first == real_build(ROOT), "the cached wheel is not the one the sources give"

    engine = tmp_path / runtime.CHECKS_PROJECT / "engine.py"
    engine.write_text(engine.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    changed = runtime.checks_wheel(tmp_path)
    assert len(built) == 2 and changed[1] != first[1], "a changed source gave the cached wheel"


def test_the_snapshot_is_gzip_under_a_name_no_host_decodes_for_the_browser(built: Path) -> None:
    name = manifest(built)["snapshot"]
    assert name.endswith(".bin") and ".gz" not in name
    assert (built / name).read_bytes()[:2] == b"\x1f\x8b"


def test_the_snapshot_holds_no_path_of_the_build_machine(built: Path) -> None:
    """Else the same sources give another image in another folder (a CI
    checkout, a colleague's clone), and every returning visitor downloads it
    again. Only the static part is stored XOR the wasm's memory; the heap,
    where such strings live, is in the gzip as it is."""
    image = gzip.decompress((built / manifest(built)["snapshot"]).read_bytes())
    places = (ROOT, runtime.cache_dir(ROOT).resolve(), Path(sys.executable).parent)
    held = [str(place) for place in places if str(place).encode() in image]
    assert held == [], f"the snapshot holds paths of the build machine: {held}"


def test_a_rebuild_into_the_same_site_leaves_no_stale_files(built: Path, tmp_path: Path) -> None:
    target = tmp_path / runtime.RUNTIME_DIR
    (target / f"{runtime.PACKAGE_NAME}-000000000000").mkdir(parents=True)
    (target / f"{runtime.PACKAGE_NAME}-000000000000" / "old-1.0-py3-none-any.whl").write_bytes(b"old")
    (target / f"{runtime.PACKAGE_NAME}-000000000000.zip").write_bytes(b"old")
    (target / f"{runtime.STDLIB_NAME}-000000000000.zip").write_bytes(b"old")
    (target / f"{runtime.SNAPSHOT_NAME}-000000000000.bin").write_bytes(b"old")
    runtime.install(tmp_path, ROOT)

    def listing(folder: Path) -> list[str]:
        return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))

    assert listing(target) == listing(built)


# --- The snapshot's format, read by the browser's own code -------------------------------

# Packs in Python (the build), unpacks with mdx-snapshot.mjs in Node (the browser's code).
UNPACKER = ROOT / "tests" / "support" / "unpack_snapshot.mjs"
PAGE = runtime.SNAPSHOT_PAGE
HEADER = 128  # where Pyodide's image header says the memory starts


def pyodide_image(memory: bytes) -> bytes:
    header = bytearray(HEADER)
    struct.pack_into("<I", header, 4 * runtime.HEAP_START_WORD, HEADER)
    return bytes(header) + memory


def unpack_in_node(node: str, packed: bytes, initial: bytes, tmp_path: Path) -> dict[str, Any]:
    (tmp_path / "packed.bin").write_bytes(packed)
    (tmp_path / "initial.bin").write_bytes(initial)
    completed = subprocess.run(
        [node, str(UNPACKER), str(tmp_path / "packed.bin"), str(tmp_path / "initial.bin")],
        capture_output=True, text=True, timeout=NODE_TIMEOUT_SECONDS, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    result: dict[str, Any] = json.loads(completed.stdout)
    return result


def test_the_browser_reads_back_exactly_the_image_the_build_packed(node: str, tmp_path: Path) -> None:
    # The module's initial memory: three pages of static data.
    initial = bytes(range(251)) * (3 * PAGE // 251)
    # Python's memory: the static data with a few bytes changed, runs of zero
    # pages, a lone zero byte inside data, and a last page that is short.
    static = bytearray(initial)
    static[10:20] = b"\xff" * 10
    memory = b"".join((
        bytes(static), bytes(2 * PAGE), b"\x07" * PAGE + b"\x00" + b"\x09" * (PAGE - 1), bytes(3 * PAGE), b"\x05" * 100,
    ))
    image = pyodide_image(memory)
    packed = runtime.pack_snapshot(image, initial)
    # The zero pages are gone, and so are the static pages nobody changed
    # (without the XOR, only four pages would go).
    assert len(gzip.decompress(packed)) < len(image) - 5 * PAGE
    assert unpack_in_node(node, packed, initial, tmp_path) == {"length": len(image), "sha256": hashlib.sha256(image).hexdigest()}


def test_a_snapshot_cut_short_is_refused_by_the_browser(node: str, tmp_path: Path) -> None:
    image = pyodide_image(b"\x01" * PAGE * 2)
    truncated = gzip.compress(gzip.decompress(runtime.pack_snapshot(image, b""))[:-10])
    assert unpack_in_node(node, truncated, b"", tmp_path)["error"] == "SnapshotFormatError"


def test_the_initial_memory_is_the_wasm_data_segments_at_their_offsets() -> None:
    # A module with one memory and two active data segments (hand-assembled).
    def segment(offset: int, data: bytes) -> bytes:
        return b"\x00\x41" + bytes([offset]) + b"\x0b" + bytes([len(data)]) + data

    segments = segment(4, b"abc") + segment(10, b"xy")
    data_section = b"\x0b" + bytes([len(segments) + 1]) + b"\x02" + segments
    memory_section = b"\x05\x03\x01\x00\x01"
    module = b"\x00asm\x01\x00\x00\x00" + memory_section + data_section
    assert wasm.initial_memory(module) == b"\x00" * 4 + b"abc" + b"\x00" * 3 + b"xy"
    with pytest.raises(wasm.WasmFormatError):
        wasm.initial_memory(b"not wasm")


# --- The cache and errors ---------------------------------------------------------------


def test_the_cache_key_follows_version_script_and_source() -> None:
    key = runtime.cache_key("314.0.7", b"source")
    assert key == runtime.cache_key("314.0.7", b"source")
    assert key != runtime.cache_key("314.0.8", b"source")
    assert key != runtime.cache_key("314.0.7", b"other source")
    assert key != runtime.cache_key("314.0.7", b"source", runtime.SNAPSHOTTER)


def test_the_compiled_zips_and_the_snapshot_are_cached(built: Path) -> None:
    version = runtime.pyodide_version(PYODIDE)
    cached = sorted(p.name for p in runtime.cache_dir(ROOT).glob(f"*-{version}-*"))
    stock_key = runtime.cache_key(version, (PYODIDE / runtime.STOCK_STDLIB).read_bytes())
    checks_key = runtime.cache_key(version, runtime.build_checks_wheel(ROOT)[1])
    assert f"{runtime.STDLIB_NAME}-{version}-{stock_key}.zip" in cached
    assert f"{runtime.PACKAGE_NAME}-{version}-{checks_key}.whl" in cached
    assert any(name.startswith(f"{runtime.SNAPSHOT_NAME}-{version}-") for name in cached)
    # The lock data the build wrote is the one pyodide-lock makes for this wheel.
    source_lock = json.loads((PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))
    wheel = wheel_path(built)
    assert runtime.cached_lock_data(ROOT, source_lock, built, wheel) == runtime.lock_data(source_lock, built, wheel)


def test_a_syntax_error_fails_the_build_loudly(tmp_path: Path, node: str) -> None:
    source = tmp_path / "bad-1.0-py3-none-any.whl"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("checks/broken.py", "def broken(:\n")
        archive.writestr("bad-1.0.dist-info/RECORD", "")
    job = {"source": str(source), "target": str(tmp_path / "out.whl"), "root": "site", "layout": "wheel"}
    with pytest.raises(runtime.RuntimeBuildError, match="SyntaxError"):
        runtime.run_compiler([job], None, ROOT)


def test_a_missing_pyodide_is_reported_with_the_fix(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="make deps"):
        runtime.install(tmp_path / "site", tmp_path)


def test_a_checks_project_without_its_pyproject_is_reported(tmp_path: Path) -> None:
    (tmp_path / runtime.CHECKS_PROJECT).mkdir()
    with pytest.raises(runtime.RuntimeBuildError, match="describes the checks' wheel"):
        runtime.build_checks_wheel(tmp_path)
