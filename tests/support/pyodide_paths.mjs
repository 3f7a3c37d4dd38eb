// Runs the `checks` package inside Pyodide (the runtime the browser uses) and
// prints, as JSON on stdout, the Pyodide Python version and for every check
// each complete path with its outcome and dossier summary.
// tests/test_pyodide.py compares that with CPython.
//
// Usage (from the project root): node tests/support/pyodide_paths.mjs
// Offline: loadPyodide() finds its wasm and stdlib beside itself in
// node_modules/pyodide.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CHECKS_DIR = join(ROOT, "checks");
const TARGET = "/home/pyodide/checks";
// Fixed, so the summaries can be compared with CPython's.
const SUMMARY_DATE = [2026, 11, 22];

function fail(message) {
  process.stderr.write(`pyodide_paths: ${message}\n`);
  process.exit(2);
}

async function load() {
  let pyodideModule;
  try {
    pyodideModule = await import("pyodide");
  } catch (error) {
    fail(`cannot import the npm package "pyodide" (run \`make deps\` or \`npm ci\`): ${error.message}`);
  }
  // Python's own print output goes to stderr so stdout holds only the JSON.
  const write = (line) => process.stderr.write(`${line}\n`);
  return pyodideModule.loadPyodide({ stdout: write, stderr: write });
}

function copyChecks(pyodide) {
  pyodide.FS.mkdirTree(TARGET);
  for (const entry of readdirSync(CHECKS_DIR, { withFileTypes: true })) {
    // Every file of the package; caches are CPython's, not part of it.
    if (entry.isFile() && !entry.name.endsWith(".pyc")) {
      pyodide.FS.writeFile(`${TARGET}/${entry.name}`, readFileSync(join(CHECKS_DIR, entry.name)));
    }
  }
}

const ENUMERATE = `
import datetime, json, sys, warnings
sys.path.insert(0, "/home/pyodide")
# A deprecation on Python 3.14 should fail here, not later in the browser.
warnings.simplefilter("error")
import checks
from checks.render import record_text

date = datetime.date(${SUMMARY_DATE.join(", ")})
result = {"python_version": sys.version, "checks": {}}
for name in checks.names():
    check = checks.get(name)
    result["checks"][name] = {
        "total_questions": check.total_questions,
        "paths": [
            {"answers": list(answers), "outcome": outcome.id, "summary": record_text(check, answers, date)}
            for answers, outcome in check.paths()
        ],
    }
json.dumps(result, ensure_ascii=False)
`;

const pyodide = await load();
copyChecks(pyodide);
process.stdout.write(pyodide.runPython(ENUMERATE) + "\n");
