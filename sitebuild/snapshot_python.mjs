// Start Pyodide once with the compiled standard library, import the checks,
// and save its memory: the browser's worker restores this image instead of
// starting Python from nothing, which skips ~200 module imports and the wasm
// functions they run (figures in BENCHMARKS.md).
//
// Called by sitebuild/runtime.py from the project root; not meant to be run by hand.
//
//   node snapshot_python.mjs STDLIB.zip CHECKS.zip CHECKS_PATH OUT.bin
//
// The image holds Python's state only: the browser must start it with the
// very same stdlib and checks zips (zipimport keeps their indexes in memory)
// and the same Pyodide build, which is why runtime.py keys its cache on all
// three. It also keeps this process's hash seed, `random` seed and time zone
// names; the checks use none of them (the page sends the date).
// `_makeSnapshot` is undocumented Pyodide API; the worker falls back to a
// normal start when restoring fails. Any error exits non-zero with the
// reason on stderr.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// runtime.py runs this script from the project root.
const ROOT = process.cwd();
const PYODIDE = join(ROOT, "node_modules", "pyodide", "pyodide.mjs");
const INSTALL = join(ROOT, "docs", "assets", "javascripts", "mdx-python-checks.mjs");

function fail(message) {
  process.stderr.write(`snapshot_python: ${message}\n`);
  process.exit(2);
}

const [stdlib, checksZip, checksPath, target] = process.argv.slice(2);
if (!target) fail("usage: node snapshot_python.mjs STDLIB.zip CHECKS.zip CHECKS_PATH OUT.bin");
readFileSync(stdlib); // a missing stdlib fails here, with its path
const checks = readFileSync(checksZip);

let loadPyodide, installChecks;
try {
  ({ loadPyodide } = await import(PYODIDE));
  ({ installChecks } = await import(pathToFileURL(INSTALL).href));
} catch (error) {
  fail(`cannot load ${PYODIDE} (run \`make deps\`) or ${INSTALL}: ${error.message}`);
}
const write = (line) => process.stderr.write(`${line}\n`);
try {
  const pyodide = await loadPyodide({ stdLibURL: stdlib, _makeSnapshot: true, stdout: write, stderr: write });
  installChecks(pyodide, checksPath, checks);
  writeFileSync(target, pyodide.makeMemorySnapshot());
} catch (error) {
  fail(error.stack ?? String(error));
}
