"""The Python runtime the build puts into the site (sitebuild/runtime.py):
the standard library and the checks compiled to bytecode inside Pyodide, the
lock data naming the checks zip with its sha256, and the module the worker
imports. The last tests start Pyodide in Node from exactly those files.

Node and node_modules/pyodide are required (`make deps`): their absence fails.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sitebuild import runtime

import checks

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
WORKER = ROOT / "docs" / "assets" / "javascripts" / "mdx-check-worker.mjs"
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
    stdlib = re.search(r"^export const stdLib = (\".*\");$", text, re.MULTILINE)
    lock = re.search(r"^export const lockFile = (\{.*\});$", text, re.MULTILINE | re.DOTALL)
    assert stdlib and lock, text
    return {"stdLib": json.loads(stdlib.group(1)), "lockFile": json.loads(lock.group(1))}


def pyc_flags(data: bytes) -> int:
    return int.from_bytes(data[4:8], "little")


# --- The files ------------------------------------------------------------------------


def test_the_runtime_folder_holds_exactly_what_the_worker_loads(built: Path) -> None:
    names = sorted(p.name for p in built.iterdir())
    data = manifest(built)
    checks_file = data["lockFile"]["packages"][runtime.PACKAGE_NAME]["file_name"]
    assert names == sorted([*runtime.PYODIDE_FILES, runtime.MANIFEST, data["stdLib"], checks_file])
    # The stock, uncompiled stdlib is not shipped beside the compiled one.
    assert runtime.STOCK_STDLIB not in names


def test_the_worker_imports_the_runtime_module_and_passes_its_values() -> None:
    source = WORKER.read_text(encoding="utf-8")
    assert f'from "../pyodide/{runtime.MANIFEST}"' in source
    for option in ("stdLibURL:", "lockFileContents: lockFile", "packageBaseUrl:"):
        assert option in source


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


def test_the_checks_zip_holds_sources_and_their_bytecode(built: Path) -> None:
    entry = manifest(built)["lockFile"]["packages"][runtime.PACKAGE_NAME]
    with zipfile.ZipFile(built / entry["file_name"]) as archive:
        names = set(archive.namelist())
        sources = {p.relative_to(ROOT).as_posix() for p in runtime.package_sources(ROOT)}
        assert sources <= names
        bytecode = {n for n in names if n.endswith(".pyc")}
        assert {re.sub(r"__pycache__/(\w+)\.cpython-\d+\.pyc$", r"\1.py", n) for n in bytecode} == sources
        assert names == sources | bytecode
        assert {pyc_flags(archive.read(n)) for n in bytecode} == {UNCHECKED_HASH}


def test_the_lock_names_the_checks_zip_with_its_sha256(built: Path) -> None:
    lock = manifest(built)["lockFile"]
    stock_lock = json.loads((PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert lock["info"] == stock_lock["info"]
    assert list(lock["packages"]) == [runtime.PACKAGE_NAME]
    entry = lock["packages"][runtime.PACKAGE_NAME]
    data = (built / entry["file_name"]).read_bytes()
    assert entry["sha256"] == hashlib.sha256(data).hexdigest()
    assert entry["imports"] == ["checks"]
    assert entry["install_dir"] == "site"


def test_file_names_carry_their_content_hash(built: Path) -> None:
    data = manifest(built)
    for name in (data["stdLib"], data["lockFile"]["packages"][runtime.PACKAGE_NAME]["file_name"]):
        prefix = re.fullmatch(r".+-([0-9a-f]{12})\.zip", name)
        assert prefix, name
        assert hashlib.sha256((built / name).read_bytes()).hexdigest().startswith(prefix.group(1))


def test_a_second_build_gives_the_same_bytes(built: Path, tmp_path: Path) -> None:
    again = runtime.install(tmp_path, ROOT)
    for path in built.iterdir():
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_rebuild_into_the_same_site_leaves_no_stale_zips(built: Path, tmp_path: Path) -> None:
    target = tmp_path / runtime.RUNTIME_DIR
    target.mkdir(parents=True)
    (target / f"{runtime.PACKAGE_NAME}-000000000000.zip").write_bytes(b"old")
    (target / f"{runtime.STDLIB_NAME}-000000000000.zip").write_bytes(b"old")
    runtime.install(tmp_path, ROOT)
    assert sorted(p.name for p in target.iterdir()) == sorted(p.name for p in built.iterdir())


# --- The cache and errors ---------------------------------------------------------------


def test_the_cache_key_follows_version_compiler_and_source() -> None:
    key = runtime.cache_key("314.0.7", b"source")
    assert key == runtime.cache_key("314.0.7", b"source")
    assert key != runtime.cache_key("314.0.8", b"source")
    assert key != runtime.cache_key("314.0.7", b"other source")


def test_the_compiled_zips_are_cached(built: Path) -> None:
    version = runtime.pyodide_version(PYODIDE)
    cached = sorted(p.name for p in (ROOT / runtime.CACHE_DIR).glob(f"*-{version}-*.zip"))
    stock_key = runtime.cache_key(version, (PYODIDE / runtime.STOCK_STDLIB).read_bytes())
    checks_key = runtime.cache_key(version, runtime.build_checks_zip(ROOT))
    assert f"{runtime.STDLIB_NAME}-{version}-{stock_key}.zip" in cached
    assert f"{runtime.PACKAGE_NAME}-{version}-{checks_key}.zip" in cached


def test_a_syntax_error_fails_the_build_loudly(tmp_path: Path, node: str) -> None:
    source = tmp_path / "bad.zip"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("checks/broken.py", "def broken(:\n")
    job = {"source": str(source), "target": str(tmp_path / "out.zip"), "root": "site-packages", "layout": "pycache"}
    with pytest.raises(runtime.RuntimeBuildError, match="SyntaxError"):
        runtime.run_compiler([job], None, ROOT)


def test_a_missing_pyodide_is_reported_with_the_fix(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="make deps"):
        runtime.install(tmp_path / "site", tmp_path)


# --- Pyodide in Node, from the built files ---------------------------------------------

# Starts Pyodide the way the worker does (its own stdlib, the lock data inline,
# the checks package), then answers one request and reports where modules came from.
NODE_SCRIPT = """
import { pathToFileURL } from "node:url";
const [pyodideModule, runtimeDir] = process.argv.slice(1);
const { loadPyodide } = await import(pathToFileURL(pyodideModule).href);
const { stdLib, lockFile } = await import(pathToFileURL(`${runtimeDir}/mdx-runtime.mjs`).href);
const pyodide = await loadPyodide({
  stdLibURL: `${runtimeDir}/${stdLib}`,
  lockFileContents: lockFile,
  packageBaseUrl: `${runtimeDir}/`,
  packages: ["meldcodewijzer-checks"],
  stdout: (line) => process.stderr.write(line + "\\n"),
  stderr: (line) => process.stderr.write(line + "\\n"),
});
const result = pyodide.runPython(`
import json, os, site, sys
package = os.path.join(site.getsitepackages()[0], "checks")
# Sources that cannot run: the import must come from the bytecode beside them.
for name in os.listdir(package):
    if name.endswith(".py"):
        with open(os.path.join(package, name), "w") as source:
            source.write("raise RuntimeError('imported from source')\\\\n")
import checks.browser
reply = json.loads(checks.browser.handle(json.dumps({"check": "kindcheck", "answers": ["ja"], "date": "2026-11-22"})))
json.dumps({
    "version": sys.version,
    "json_file": sys.modules["json"].__file__,
    "checks_cached": checks.__cached__,
    "names": list(checks.names()),
    "reply_ok": reply["ok"],
    "reply_node": reply["view"]["node"],
})
`);
process.stdout.write(result + "\\n");
"""


@pytest.fixture(scope="module")
def in_node(built: Path, node: str) -> dict[str, Any]:
    completed = subprocess.run(
        [node, "--input-type=module", "-e", NODE_SCRIPT, str(PYODIDE / "pyodide.mjs"), str(built)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=NODE_TIMEOUT_SECONDS,
        check=False,
    )
    if completed.returncode != 0:
        pytest.fail(f"Pyodide in Node could not use the built runtime:\n{completed.stderr}")
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def test_pyodide_starts_on_the_compiled_stdlib(in_node: dict[str, Any]) -> None:
    assert in_node["version"].startswith("3.14")
    assert in_node["json_file"].endswith("json/__init__.pyc")


def test_pyodide_imports_the_checks_from_their_bytecode(in_node: dict[str, Any]) -> None:
    assert in_node["checks_cached"].endswith("__init__.cpython-314.pyc")
    assert in_node["names"] == list(checks.names())


def test_pyodide_answers_a_request_from_the_built_runtime(in_node: dict[str, Any]) -> None:
    assert in_node["reply_ok"] is True
    assert in_node["reply_node"] == checks.get("kindcheck").step(["ja"]).id

