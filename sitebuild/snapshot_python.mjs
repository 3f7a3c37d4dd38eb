// Start Pyodide once with the compiled standard library, import the checks,
// and save its memory: the browser's worker restores this image instead of
// starting Python from nothing, which skips ~200 module imports and the wasm
// functions they run (figures in BENCHMARKS.md).
//
// Called by sitebuild/runtime.py from the project root; not meant to be run by hand.
//
//   node snapshot_python.mjs STDLIB.zip CHECKS.whl CHECKS_PATH OUT.bin
//
// Before the image is taken, snapshot_prepare.py (run inside Pyodide) asks
// every view of every check once and makes Python forget the stdlib zip: the
// browser restores the image next to an empty zip and fetches the whole one
// only if an import misses. The image holds Python's state only: the browser
// must start it with the very same checks zip (zipimport keeps its index in
// memory) and the same Pyodide build, which is why runtime.py keys its cache
// on them.
//
// The same inputs must give the same image, byte for byte: a new image makes
// every returning visitor download it again. So while the image is made,
// Python's hash seed is fixed (PYTHONHASHSEED), the entropy Emscripten draws
// from node:crypto (which seeds `random` and anything else that asks
// os.urandom) is a fixed stream, and the clocks stand still at a fixed
// instant. The image therefore carries a known hash seed and `random` state,
// the same for every visitor; the checks use neither (the page sends the date).
// `_makeSnapshot` is undocumented Pyodide API; the worker falls back to a
// normal start when restoring fails. Any error exits non-zero with the
// reason on stderr.

import nodeCrypto from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// runtime.py runs this script from the project root.
const ROOT = process.cwd();
const PYODIDE = join(ROOT, "node_modules", "pyodide", "pyodide.mjs");
const INSTALL = join(ROOT, "docs", "assets", "javascripts", "mdx-python-checks.mjs");
const PREPARE = join(ROOT, "sitebuild", "snapshot_prepare.py");
// Where the prepare module goes in Pyodide's file system; it stays imported.
const PREPARE_DIR = "/lib/mdx-snapshot";

function fail(message) {
  process.stderr.write(`snapshot_python: ${message}\n`);
  process.exit(2);
}

const [stdlib, checksZip, checksPath, target] = process.argv.slice(2);
if (!target) fail("usage: node snapshot_python.mjs STDLIB.zip CHECKS.whl CHECKS_PATH OUT.bin");
readFileSync(stdlib); // a missing stdlib fails here, with its path
const checks = readFileSync(checksZip);
const prepare = readFileSync(PREPARE);

let loadPyodide, installChecks;
try {
  ({ loadPyodide } = await import(PYODIDE));
  ({ installChecks } = await import(pathToFileURL(INSTALL).href));
} catch (error) {
  fail(`cannot load ${PYODIDE} (run \`make deps\`) or ${INSTALL}: ${error.message}`);
}
// 2026-01-01T00:00:00Z: any fixed instant will do.
const FIXED_TIME_MS = 1767225600000;

/**
 * Make this process's clocks and entropy repeatable. Emscripten reads the
 * wall clock through Date.now, the monotonic one through performance.now,
 * and random bytes through node:crypto's randomFillSync (looked up at each
 * call, so replacing the export is enough).
 */
function freezeTheWorld() {
  // Emscripten names the program after this script's path on this machine
  // (process.argv[1]) and puts that in the environment and Python's argv:
  // the image would change with the folder the project lies in. A browser
  // has "./this.program" there; so does the image.
  process.argv[1] = "./this.program";
  Date.now = () => FIXED_TIME_MS;
  let ticks = 0;
  // Monotonic must not stand still (a wait loop would never end): it moves
  // one microsecond per reading, the same in every run.
  performance.now = () => (ticks += 0.001);
  let counter = 0n;
  nodeCrypto.randomFillSync = (view, offset = 0, size) => {
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    const end = size === undefined ? bytes.length : offset + size;
    for (let at = offset; at < end; ) {
      const block = nodeCrypto.createHash("sha256").update(`mdx-snapshot-entropy-${counter++}`).digest();
      const take = Math.min(block.length, end - at);
      bytes.set(block.subarray(0, take), at);
      at += take;
    }
    return view;
  };
}

/**
 * Fill the memory malloc holds free with zeros. Start-up frees what it only
 * needed for a while (bytecode read from the zip, for one), and those bytes
 * would otherwise go into the image: zeros compress to nothing (~0.6 MB
 * freed, 4 % of the file; BENCHMARKS.md). Takes every free block it can get
 * below the current break, largest first, clears it, then frees them all.
 */
function zeroFreeMemory(module) {
  const top = module._sbrk(0);
  const taken = [];
  for (let size = 1 << 20; size >= 16; size >>= 1) {
    for (;;) {
      const at = module._malloc(size);
      if (at === 0) break;
      if (at + size > top) {
        module._free(at); // beyond the break: no free block of this size is left
        break;
      }
      module.HEAPU8.fill(0, at, at + size);
      taken.push(at);
    }
  }
  for (const at of taken) module._free(at);
}

const write = (line) => process.stderr.write(`${line}\n`);
try {
  freezeTheWorld();
  const pyodide = await loadPyodide({
    stdLibURL: stdlib,
    _makeSnapshot: true,
    env: { PYTHONHASHSEED: "0" },
    stdout: write,
    stderr: write,
  });
  installChecks(pyodide, checksPath, checks);
  pyodide.FS.mkdirTree(PREPARE_DIR);
  pyodide.FS.writeFile(`${PREPARE_DIR}/snapshot_prepare.py`, prepare);
  const sys = pyodide.pyimport("sys");
  const path = sys.path;
  path.insert(0, PREPARE_DIR);
  const snapshotPrepare = pyodide.pyimport("snapshot_prepare");
  path.remove(PREPARE_DIR);
  snapshotPrepare.warm_up();
  snapshotPrepare.detach_stdlib();
  snapshotPrepare.release_garbage();
  // A proxy still held from JavaScript would be in the image.
  for (const proxy of [sys, path, snapshotPrepare]) proxy.destroy();
  zeroFreeMemory(pyodide._module);
  writeFileSync(target, pyodide.makeMemorySnapshot());
} catch (error) {
  fail(error.stack ?? String(error));
}
