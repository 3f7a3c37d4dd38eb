// Starts the BUILT Python runtime in Node the way the browser's worker does,
// and sends requests to checks.browser.handle: what ships, not stock Pyodide.
// tests/support/pyodide_runtime.py runs it; tests/test_pyodide.py holds the
// assertions.
//
//   node pyodide_runtime.mjs SITE_DIR MODE REQUESTS.json [--break-sources] [--import NAME]...
//
// SITE_DIR: a built site. Everything comes from it: Pyodide and the compiled
//   standard library (assets/pyodide/), the lock data and file names
//   (mdx-runtime.mjs), the checks wheel as packaged, the memory snapshot, and
//   the worker's own modules that read the snapshot and install the checks
//   (assets/javascripts/).
// MODE: "snapshot" restores the memory image, completed from the wasm's
//   initial memory, next to the empty stdlib zip, and puts the wheel on
//   sys.path (the worker's first attempt); "fallback" starts Python the normal way and
//   installs the wheel with loadPackage (the worker's second attempt).
// REQUESTS.json: a JSON array of requests, each answered in order.
// --break-sources (fallback only): once the wheel is installed, overwrite
//   every source but browser.py with a NUL byte, which no compiler accepts:
//   the import must then come from the wheel's bytecode.
// --import NAME (snapshot only): after the requests, import NAME, which the
//   image may not hold; the whole stdlib zip is then fetched, as the worker's
//   `load_stdlib` does, and the result counts how often that happened.
//
// Prints one JSON object on stdout (Python's own output goes to stderr),
// with the start's two steps timed.
// Any failure exits non-zero with the reason on stderr.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

function fail(message) {
  process.stderr.write(`pyodide_runtime: ${message}\n`);
  process.exit(2);
}

const [siteDir, mode, requestsPath, ...flags] = process.argv.slice(2);
if (!requestsPath || !["snapshot", "fallback"].includes(mode)) {
  fail("usage: node pyodide_runtime.mjs SITE_DIR snapshot|fallback REQUESTS.json [--break-sources]");
}
const breakSources = flags.includes("--break-sources");
const imports = flags.flatMap((flag, at) => (flag === "--import" ? [flags[at + 1]] : []));
if (imports.length > 0 && mode !== "snapshot") fail("--import goes with the snapshot start");
if (breakSources && mode !== "fallback") fail("--break-sources goes with the fallback start");

const runtimeDir = join(siteDir, "assets", "pyodide");
const scriptsDir = join(siteDir, "assets", "javascripts");
const load = (path) => import(pathToFileURL(path).href);
const { loadPyodide } = await load(join(runtimeDir, "pyodide.mjs"));
const { checks, emptyStdLib, lockFile, snapshot, stdLib } = await load(join(runtimeDir, "mdx-runtime.mjs"));
const { checksWheel, installChecks, loadChecks } = await load(join(scriptsDir, "mdx-python-checks.mjs"));
const { isPython, readSnapshot } = await load(join(scriptsDir, "mdx-snapshot.mjs"));
const requests = JSON.parse(readFileSync(requestsPath, "utf-8"));

/**
 * The wheel's bytes, refused unless they match the lock data's sha256, as
 * the browser's `fetch` with `integrity` does (Pyodide in Node checks no
 * integrity itself).
 * @returns {Uint8Array}
 */
function verifiedWheel() {
  const { file, integrity } = checksWheel(lockFile, checks.package);
  const bytes = readFileSync(join(runtimeDir, file));
  const actual = `sha256-${createHash("sha256").update(bytes).digest("base64")}`;
  if (actual !== integrity) fail(`${file} does not match the lock data: ${actual} != ${integrity}`);
  return bytes;
}

/** The names of the checks' modules Python holds now. */
function checksModules(sys) {
  return [...sys.modules.keys()].filter((name) => name === "checks" || name.startsWith("checks."));
}

async function main() {
  const write = (line) => process.stderr.write(`${line}\n`);
  // Node prints console.debug (the package loader's messages) on stdout, which
  // is for the result only.
  console.debug = (...parts) => write(parts.join(" "));
  // The worker's loadPyodide options, with folders for its URLs.
  const options = {
    indexURL: `${runtimeDir}/`,
    stdLibURL: join(runtimeDir, stdLib),
    lockFileContents: lockFile,
    packageBaseUrl: `${runtimeDir}/`,
    stdout: write,
    stderr: write,
  };
  if (mode === "snapshot") {
    // As the worker does: the image is completed from Python's module once it
    // is instantiated, and restored next to the empty stdlib zip.
    const file = readSnapshot(new Response(readFileSync(join(runtimeDir, snapshot))));
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = async (...args) => {
      const output = await instantiate(...args);
      const instance = output instanceof WebAssembly.Instance ? output : output.instance;
      if (isPython(instance)) (await file).completeFrom(instance);
      return output;
    };
    options._loadSnapshot = file.then((snapshotFile) => snapshotFile.image);
    options.stdLibURL = join(runtimeDir, emptyStdLib);
  }
  const started = performance.now();
  const pyodide = await loadPyodide(options);
  const loaded = performance.now();

  let stdlibLoads = 0;
  if (mode === "snapshot") {
    pyodide.registerJsModule("mdx_worker", {
      load_stdlib(path) {
        stdlibLoads += 1;
        pyodide.FS.writeFile(path, readFileSync(join(runtimeDir, stdLib)));
      },
    });
  }
  const sys = pyodide.pyimport("sys");
  const modulesAtStart = checksModules(sys);
  // A deprecation or a syntax warning under Python 3.14 fails here, not later in a browser.
  pyodide.pyimport("warnings").simplefilter("error");

  if (mode === "snapshot") {
    installChecks(pyodide, checks.path, verifiedWheel());
  } else {
    verifiedWheel();
    await loadChecks(pyodide, checks.package);
    if (breakSources) {
      const site = pyodide.pyimport("site").getsitepackages().get(0);
      const folder = `${site}/checks`;
      for (const name of pyodide.FS.readdir(folder)) {
        if (name.endsWith(".py") && name !== "browser.py") pyodide.FS.writeFile(`${folder}/${name}`, "\0");
      }
    }
  }

  const browser = pyodide.pyimport("checks.browser");
  const ready = performance.now();
  const replies = requests.map((request) => JSON.parse(browser.handle(JSON.stringify(request))));
  const stdlibLoadsForRequests = stdlibLoads;
  const imported = imports.map((name) => pyodide.pyimport(name).__name__);
  const shipped = pyodide.pyimport("checks");
  const result = {
    restored: modulesAtStart.includes("checks.browser"),
    modulesAtStart,
    modules: checksModules(sys),
    pythonVersion: sys.version,
    jsonFile: pyodide.pyimport("json").__file__,
    checksFile: shipped.__file__,
    names: shipped.names().toJs(),
    handleSource: pyodide.pyimport("inspect").getsource(browser.handle),
    replies,
    stdlibLoadsForRequests,
    imported,
    stdlibLoads,
    // For BENCHMARKS.md, not asserted: loadPyodide (with the restore), then the checks in and imported.
    milliseconds: { loadPyodide: Math.round(loaded - started), checks: Math.round(ready - loaded) },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

// Python's errors carry their traceback in the message; Node's own report
// would print a line of the minified runtime instead.
await main().catch((error) => fail(error?.message ?? String(error)));
