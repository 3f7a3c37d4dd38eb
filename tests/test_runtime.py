"""The Python runtime the build puts into the site (sitebuild/runtime.py):
the standard library and the checks compiled to bytecode inside Pyodide, the
memory snapshot, the checks zip with its integrity, and the module the worker
imports. The last tests start Pyodide in Node from exactly those files, with
the worker's own modules, both from the snapshot and the normal way.

Node and node_modules/pyodide are required (`make deps`): their absence fails.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

import checks
from sitebuild import runtime, wasm

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
BROWSER_JS = ROOT / "docs" / "assets" / "javascripts"
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
def built(tmp_path_factory: pytest.TempPathFactory, node: str) -> Path:
    """The runtime folder of a site, built the way the hook builds it."""
    site = tmp_path_factory.mktemp("site")
    return runtime.install(site, ROOT)


def manifest(runtime_dir: Path) -> dict[str, Any]:
    """The values mdx-runtime.mjs exports (it is JavaScript holding JSON literals)."""
    text = (runtime_dir / runtime.MANIFEST).read_text(encoding="utf-8")
    values = {}
    for name in ("stdLib", "emptyStdLib", "snapshot", "checks", "lockFile"):
        found = re.search(rf"^export const {name} = (.*?);$", text, re.MULTILINE | re.DOTALL)
        assert found, f"mdx-runtime.mjs exports no {name}:\n{text}"
        values[name] = json.loads(found.group(1))
    return values


def pyc_flags(data: bytes) -> int:
    return int.from_bytes(data[4:8], "little")


# --- The files ------------------------------------------------------------------------


def test_the_runtime_folder_holds_exactly_what_the_worker_loads(built: Path) -> None:
    names = sorted(p.name for p in built.iterdir())
    data = manifest(built)
    shipped = [data["stdLib"], data["emptyStdLib"], data["snapshot"], data["checks"]["file"]]
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


def test_the_checks_zip_holds_each_source_with_its_bytecode_beside_it(built: Path) -> None:
    with zipfile.ZipFile(built / manifest(built)["checks"]["file"]) as archive:
        names = set(archive.namelist())
        sources = {p.relative_to(ROOT).as_posix() for p in runtime.package_sources(ROOT)}
        assert names == sources | {name + "c" for name in sources}
        assert {pyc_flags(archive.read(name + "c")) for name in sources} == {UNCHECKED_HASH}


def test_the_checks_entry_carries_the_zips_integrity_and_its_place(built: Path) -> None:
    entry = manifest(built)["checks"]
    digest = base64.b64encode(hashlib.sha256((built / entry["file"]).read_bytes()).digest()).decode()
    assert entry["integrity"] == f"sha256-{digest}"
    assert entry["path"] == runtime.CHECKS_PATH


def test_the_worker_learns_the_check_names_from_the_build(built: Path) -> None:
    assert manifest(built)["checks"]["names"] == list(checks.names())


def test_the_lock_data_is_pyodides_own_without_packages(built: Path) -> None:
    lock = manifest(built)["lockFile"]
    stock_lock = json.loads((PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert lock == {"info": stock_lock["info"], "packages": {}}


def test_file_names_carry_their_content_hash(built: Path) -> None:
    data = manifest(built)
    for name in (data["stdLib"], data["checks"]["file"], data["snapshot"]):
        prefix = re.fullmatch(r".+-([0-9a-f]{12})\.(zip|bin)", name)
        assert prefix, name
        assert hashlib.sha256((built / name).read_bytes()).hexdigest().startswith(prefix.group(1))


def test_the_snapshot_is_gzip_under_a_name_no_host_decodes_for_the_browser(built: Path) -> None:
    name = manifest(built)["snapshot"]
    assert name.endswith(".bin") and ".gz" not in name
    assert (built / name).read_bytes()[:2] == b"\x1f\x8b"


def test_a_rebuild_into_the_same_site_leaves_no_stale_files(built: Path, tmp_path: Path) -> None:
    target = tmp_path / runtime.RUNTIME_DIR
    target.mkdir(parents=True)
    (target / f"{runtime.PACKAGE_NAME}-000000000000.zip").write_bytes(b"old")
    (target / f"{runtime.STDLIB_NAME}-000000000000.zip").write_bytes(b"old")
    (target / f"{runtime.SNAPSHOT_NAME}-000000000000.bin").write_bytes(b"old")
    runtime.install(tmp_path, ROOT)
    assert sorted(p.name for p in target.iterdir()) == sorted(p.name for p in built.iterdir())


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
    checks_key = runtime.cache_key(version, runtime.build_checks_zip(ROOT))
    assert f"{runtime.STDLIB_NAME}-{version}-{stock_key}.zip" in cached
    assert f"{runtime.PACKAGE_NAME}-{version}-{checks_key}.zip" in cached
    assert any(name.startswith(f"{runtime.SNAPSHOT_NAME}-{version}-") for name in cached)


def test_a_syntax_error_fails_the_build_loudly(tmp_path: Path, node: str) -> None:
    source = tmp_path / "bad.zip"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("checks/broken.py", "def broken(:\n")
    job = {"source": str(source), "target": str(tmp_path / "out.zip"), "root": runtime.CHECKS_PATH, "layout": "beside"}
    with pytest.raises(runtime.RuntimeBuildError, match="SyntaxError"):
        runtime.run_compiler([job], None, ROOT)


def test_a_missing_pyodide_is_reported_with_the_fix(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="make deps"):
        runtime.install(tmp_path / "site", tmp_path)


# --- Pyodide in Node, from the built files ---------------------------------------------

# Starts Pyodide the way the worker does, with the worker's own modules: the
# compiled stdlib and the lock data, then either the snapshot restored or a
# normal start; then the checks zip put on sys.path. Normal starts get a zip
# whose sources cannot run, so the import must come from the bytecode beside
# them (all but browser.py, whose source lines the traceback test reads).
# Answers one request and reports where things came from.
NODE_SCRIPT = """
import { pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";
const [pyodideModule, runtimeDir, jsDir, mode] = process.argv.slice(1);
const { loadPyodide } = await import(pathToFileURL(pyodideModule).href);
const { stdLib, emptyStdLib, snapshot, checks, lockFile } = await import(pathToFileURL(`${runtimeDir}/mdx-runtime.mjs`).href);
const { installChecks } = await import(pathToFileURL(`${jsDir}/mdx-python-checks.mjs`).href);
const { isPython, readSnapshot } = await import(pathToFileURL(`${jsDir}/mdx-snapshot.mjs`).href);
const write = (line) => process.stderr.write(line + "\\n");
const options = { stdLibURL: `${runtimeDir}/${stdLib}`, lockFileContents: lockFile, stdout: write, stderr: write };
if (mode === "snapshot") {
  const file = readSnapshot(new Response(readFileSync(`${runtimeDir}/${snapshot}`)));
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async (...args) => {
    const output = await instantiate(...args);
    const instance = output instanceof WebAssembly.Instance ? output : output.instance;
    if (isPython(instance)) (await file).completeFrom(instance);
    return output;
  };
  options._loadSnapshot = file.then((snapshotFile) => snapshotFile.image);
  options.stdLibURL = `${runtimeDir}/${emptyStdLib}`;
}
const pyodide = await loadPyodide(options);
let stdlibLoads = 0;
pyodide.registerJsModule("mdx_worker", { load_stdlib(path) { stdlibLoads += 1; pyodide.FS.writeFile(path, readFileSync(`${runtimeDir}/${stdLib}`)); } });
const restored = pyodide.runPython("import sys; 'checks.browser' in sys.modules");
let zip = readFileSync(`${runtimeDir}/${checks.file}`);
if (mode === "normal") {
  pyodide.FS.writeFile("/tmp/in.zip", zip);
  pyodide.runPython(`
import zipfile
with zipfile.ZipFile("/tmp/in.zip") as source, zipfile.ZipFile("/tmp/out.zip", "w") as out:
    for info in source.infolist():
        data = source.read(info)
        poison = info.filename.endswith(".py") and info.filename != "checks/browser.py"
        out.writestr(info, b"raise RuntimeError('imported from source')\\\\n" if poison else data)
`);
  zip = pyodide.FS.readFile("/tmp/out.zip");
}
installChecks(pyodide, checks.path, zip);
// Every view of every check, as the build asked them before the snapshot.
const views = mode === "snapshot" ? pyodide.pyimport("snapshot_prepare").warm_up() : 0;
const stdlibLoadsForViews = stdlibLoads;
const result = pyodide.runPython(`
import inspect, json, sys
import checks.browser
reply = json.loads(checks.browser.handle(json.dumps({"check": "kindcheck", "answers": ["ja"], "date": "2026-11-22"})))
json.dumps({
    "version": sys.version,
    "json_file": sys.modules["json"].__file__,
    "checks_file": checks.__file__,
    "first_source_line": inspect.getsourcelines(checks.browser.handle)[0][0],
    "names": list(checks.names()),
    "reply_ok": reply["ok"],
    "reply_node": reply["view"]["node"],
})
`);
// Modules the image does not hold: the whole stdlib zip comes for the first.
const missed = mode === "snapshot" ? ["wave", "colorsys"].map((name) => pyodide.pyimport(name).__name__) : [];
process.stdout.write(JSON.stringify({ restored, views, stdlibLoadsForViews, missed, stdlibLoads, ...JSON.parse(result) }) + "\\n");
"""


@pytest.fixture(scope="module", params=["normal", "snapshot"])
def in_node(request: pytest.FixtureRequest, built: Path, node: str) -> dict[str, Any]:
    completed = subprocess.run(
        [node, "--input-type=module", "-e", NODE_SCRIPT, str(PYODIDE / "pyodide.mjs"), str(built), str(BROWSER_JS), request.param],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=NODE_TIMEOUT_SECONDS,
        check=False,
    )
    if completed.returncode != 0:
        pytest.fail(f"Pyodide in Node could not use the built runtime ({request.param} start):\n{completed.stderr}")
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result | {"mode": request.param}


def test_pyodide_starts_on_the_compiled_stdlib(in_node: dict[str, Any]) -> None:
    assert in_node["version"].startswith("3.14")
    assert in_node["json_file"].endswith("json/__init__.pyc")


def test_only_the_snapshot_arrives_with_the_checks_imported(in_node: dict[str, Any]) -> None:
    assert in_node["restored"] is (in_node["mode"] == "snapshot")


@pytest.mark.parametrize("in_node", ["snapshot"], indirect=True)
def test_the_restored_image_answers_every_view_without_the_stdlib_zip(in_node: dict[str, Any]) -> None:
    assert in_node["views"] > sum(len(list(checks.get(name).paths())) for name in checks.names())
    assert in_node["stdlibLoadsForViews"] == 0


@pytest.mark.parametrize("in_node", ["snapshot"], indirect=True)
def test_an_import_the_image_cannot_serve_fetches_the_whole_stdlib_once(in_node: dict[str, Any]) -> None:
    assert in_node["missed"] == ["wave", "colorsys"]
    assert in_node["stdlibLoads"] == 1


def test_pyodide_imports_the_checks_from_their_bytecode_in_the_zip(in_node: dict[str, Any]) -> None:
    assert in_node["checks_file"] == f"{runtime.CHECKS_PATH}/checks/__init__.pyc"
    assert in_node["names"] == list(checks.names())


def test_a_traceback_can_show_the_checks_sources(in_node: dict[str, Any]) -> None:
    assert in_node["first_source_line"].startswith("def handle(")


def test_pyodide_answers_a_request_from_the_built_runtime(in_node: dict[str, Any]) -> None:
    assert in_node["reply_ok"] is True
    assert in_node["reply_node"] == checks.get("kindcheck").step(["ja"]).id
