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
//                 "root": "stdlib" | "site",
//                 "layout": "sourceless" | "wheel"}]
// }
//
// root: where the archive's files live at run time, which becomes each code
//   object's file name: the stdlib zip on sys.path, or site-packages (where
//   loadPackage unpacks a wheel).
// layout: "sourceless" replaces each .py with its .pyc (what zipimport reads
//   from the stdlib zip); "wheel" keeps each .py, adds its
//   __pycache__/NAME.cpython-314.pyc (what the import system reads once the
//   wheel is unpacked) and rewrites the wheel's RECORD to list them.
//
// The .pyc files are unchecked-hash pycs: valid whatever the files' dates.
// The zips are written with fixed dates and sorted entries, so the same input
// gives the same bytes. Any error exits non-zero with the reason on stderr.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// runtime.py runs this script from the project root.
const PYODIDE = join(process.cwd(), "node_modules", "pyodide", "pyodide.mjs");

// The program itself is a real Python file beside this one.
const PROGRAM = join(dirname(fileURLToPath(import.meta.url)), "compile_pyc.py");

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
  // CPython's `-X no_debug_ranges`: the bytecode keeps its line numbers but
  // not the columns tracebacks underline. The column tables were 8 % of the
  // memory snapshot every visitor downloads (BENCHMARKS.md).
  env: { PYTHONNODEBUGRANGES: "1" },
  stdout: write,
  stderr: write,
});
pyodide.runPython(readFileSync(PROGRAM, "utf-8"), { filename: PROGRAM });
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
