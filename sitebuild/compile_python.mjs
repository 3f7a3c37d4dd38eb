// Compile the Python sources in a zip to bytecode, inside Pyodide itself: the
// .pyc format belongs to the interpreter that reads it (Python 3.14 in the
// browser), and the build machine's own Python may be another version.
//
// Called by sitebuild/runtime.py from the project root; not meant to be run by hand.
//
//   node compile_python.mjs JOB.json
//
// JOB.json: {
//   "bootStdlib": null | "path of a (compiled) stdlib zip to start Pyodide with",
//   "archives": [{"source": "in.zip", "target": "out.zip",
//                 "root": "stdlib" | "/absolute/path.zip",
//                 "layout": "sourceless" | "beside"}]
// }
//
// root: where the archive's files live at run time, which becomes each code
//   object's file name: the stdlib zip on sys.path, or the path the archive
//   itself will have on sys.path.
// layout: "sourceless" replaces each .py with its .pyc (what zipimport reads
//   from the stdlib zip); "beside" keeps each .py and adds NAME.pyc next to it
//   (zipimport reads the .pyc, tracebacks show the lines of the .py).
//
// The .pyc files are unchecked-hash pycs: valid whatever the files' dates.
// The zips are written with fixed dates and sorted entries, so the same input
// gives the same bytes. Any error exits non-zero with the reason on stderr.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// runtime.py runs this script from the project root.
const PYODIDE = join(process.cwd(), "node_modules", "pyodide", "pyodide.mjs");

const COMPILE = `
import importlib.util
import sys
import warnings
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

# optimize=2 (no docstrings, no asserts) saved 13 % of the zip and no time:
# BENCHMARKS.md. Keep the standard library behaving as CPython's does.
OPTIMIZE = 0
DATE = (1980, 1, 1, 0, 0, 0)


def location(root):
    if root == "stdlib":
        zips = [p for p in sys.path if p.endswith(".zip")]
        if len(zips) != 1:
            raise RuntimeError(f"expected one stdlib zip on sys.path, found {zips}")
        return zips[0]
    if root.startswith("/"):
        return root
    raise ValueError(f"unknown root {root!r}")


def compile_archive(source, target, root, layout):
    if layout not in ("sourceless", "beside"):
        raise ValueError(f"unknown layout {layout!r}")
    base = location(root)
    entries = {}

    def add(name, data):
        if name in entries:
            raise ValueError(f"{source}: {name} would be written twice")
        entries[name] = data

    with zipfile.ZipFile(source) as archive:
        for info in archive.infolist():
            name = info.filename
            data = archive.read(info)
            if not name.endswith(".py"):
                add(name, data)
                continue
            # A SyntaxWarning in our own code is a bug to fix, not to ship.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore" if root == "stdlib" else "error")
                code = compile(data, f"{base}/{name}", "exec", dont_inherit=True, optimize=OPTIMIZE)
            pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
            if layout == "sourceless":
                add(name + "c", pyc)
            else:
                add(name, data)
                add(name + "c", pyc)

    with zipfile.ZipFile(target, "w") as out:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=DATE)
            if name.endswith("/"):
                info.external_attr = (0o40755 << 16) | 0x10
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
            out.writestr(info, entries[name], compresslevel=9)
    return len(entries)
`;

function fail(message) {
  process.stderr.write(`compile_python: ${message}\n`);
  process.exit(2);
}

const [jobPath] = process.argv.slice(2);
if (!jobPath) fail("usage: node compile_python.mjs JOB.json");
const job = JSON.parse(readFileSync(jobPath, "utf-8"));
if (!Array.isArray(job.archives) || job.archives.length === 0) fail(`${jobPath}: no archives to compile`);

let loadPyodide;
try {
  ({ loadPyodide } = await import(PYODIDE));
} catch (error) {
  fail(`cannot load ${PYODIDE} (run \`make deps\`): ${error.message}`);
}
const write = (line) => process.stderr.write(`${line}\n`);
const pyodide = await loadPyodide({
  ...(job.bootStdlib ? { stdLibURL: job.bootStdlib } : {}),
  stdout: write,
  stderr: write,
});
pyodide.runPython(COMPILE);
const compileArchive = pyodide.globals.get("compile_archive");

pyodide.FS.mkdirTree("/build");
for (const [index, { source, target, root, layout }] of job.archives.entries()) {
  const inside = `/build/${index}`;
  pyodide.FS.writeFile(`${inside}.in.zip`, readFileSync(source));
  try {
    compileArchive(`${inside}.in.zip`, `${inside}.out.zip`, root, layout);
  } catch (error) {
    fail(`${source}: ${error.message}`);
  }
  writeFileSync(target, pyodide.FS.readFile(`${inside}.out.zip`));
}
