/**
 * Module Web Worker that runs the checks in Python (Pyodide), off the main
 * thread so the page stays responsive while the runtime loads.
 *
 * Protocol (after Pyodide's web worker docs): the page posts
 * `{id, request}`. Every message back has one `type`:
 *   `{type: "ready"}`               once, when Python has started;
 *   `{type: "failed", message}`     once, when it cannot start (and again,
 *                                   with the `id`, for each request);
 *   `{type: "reply", id, ok, ...}`  per request: `ok: true` with the `view`,
 *                                   or `ok: false` with the checks' Dutch
 *                                   `message` (an answer they do not accept).
 * Errors travel as data, never as exceptions. Requests that arrive before
 * Python is ready wait for it: none are lost.
 *
 * Start-up (figures in BENCHMARKS.md): the build ships the standard library
 * compiled to bytecode, the checks as a wheel (with their bytecode), and a
 * gzipped image of Python's memory taken right after start-up with the
 * checks imported (and every view asked once). Restoring that image skips
 * Python's own start and needs no standard library: it is restored next to
 * an empty zip, and the whole one is fetched only on a missed import. It uses
 * undocumented Pyodide API, so when it fails Python starts the normal way
 * and installs the wheel with `loadPackage`. `mdx-runtime.mjs` names this
 * build's files and holds the lock data (with the wheel's sha256).
 */
import { loadPyodide } from "../pyodide/pyodide.mjs";
import { checks, emptyStdLib, lockFile, snapshot, stdLib } from "../pyodide/mdx-runtime.mjs";
import { checksWheel, installChecks, loadChecks } from "./mdx-python-checks.mjs";
import { isPython, readSnapshot } from "./mdx-snapshot.mjs";

const RUNTIME = new URL("../pyodide/", import.meta.url);
// The JavaScript module the restored image imports on a missed import
// (WORKER_MODULE in sitebuild/snapshot_prepare.py).
const WORKER_MODULE = "mdx_worker";
// Start-up milestones for the benchmark (tests/bench.py) and the tests.
performance.mark("mdx:worker-start");

/** The checks cannot be had: a second start attempt would fail the same way. */
class StartError extends Error {}

/**
 * Pyodide only logs a failed WebAssembly instantiation (a blocked or missing
 * pyodide.asm.wasm) and then waits forever. Report it instead: the returned
 * function starts an attempt and gives it a promise that rejects when
 * WebAssembly fails during that attempt. (A failure while restoring the
 * snapshot is not final: the normal start gets its own attempt, and fails
 * the same way if the wasm itself is the problem.) An attempt may also pass
 * `onInstance`, run on the new instance before Pyodide goes on.
 * @returns {(onInstance?: (instance: WebAssembly.Instance) => Promise<void>) => Promise<never>}
 */
function watchWasmStart() {
  /** @type {(error: Error) => void} */
  let failAttempt = () => {};
  /** @type {((instance: WebAssembly.Instance) => Promise<void>) | undefined} */
  let onAttemptInstance;
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    if (typeof original !== "function") continue;
    WebAssembly[name] = function (...args) {
      const onInstance = onAttemptInstance;
      const result = original.apply(this, args).then(async (output) => {
        await onInstance?.(output instanceof WebAssembly.Instance ? output : output.instance);
        return output;
      });
      result.catch((error) => failAttempt(new Error(`WebAssembly could not start: ${error?.message ?? error}`)));
      return result;
    };
  }
  return (onInstance) => {
    onAttemptInstance = onInstance;
    const failed = new Promise((_, reject) => {
      failAttempt = reject;
    });
    failed.catch(() => {}); // raced in startPython; never unhandled on its own
    return failed;
  };
}

/**
 * The memory image, fetched and inflated while Pyodide's own files load.
 * Undefined where the browser has no `DecompressionStream` (it then starts
 * Python the normal way).
 * @returns {Promise<import("./mdx-snapshot.mjs").Snapshot> | undefined}
 */
function fetchSnapshot() {
  if (typeof DecompressionStream !== "function") return undefined;
  const image = fetch(new URL(snapshot, RUNTIME)).then((response) => {
    if (!response.ok) throw new Error(`${snapshot}: HTTP ${response.status}`);
    return readSnapshot(response);
  });
  image.catch(() => {}); // reported through loadPyodide, which awaits it
  return image;
}

/**
 * What the restored image calls when an import misses (snapshot_prepare.py,
 * `StdlibOnMiss`): the whole standard library, fetched synchronously (a
 * worker may) and written where the empty zip was.
 * @param {{FS: {writeFile: (path: string, data: Uint8Array) => void}}} pyodide
 */
function stdlibOnMiss(pyodide) {
  return {
    load_stdlib(path) {
      const request = new XMLHttpRequest();
      request.open("GET", new URL(stdLib, RUNTIME).href, false);
      request.responseType = "arraybuffer";
      request.send();
      if (request.status !== 200) throw new Error(`${stdLib}: HTTP ${request.status}`);
      pyodide.FS.writeFile(path, new Uint8Array(request.response));
    },
  };
}

/**
 * The checks wheel for the snapshot path, fetched beside the image; the
 * browser checks its sha256 against the lock data's.
 * @returns {Promise<Uint8Array>}
 */
async function fetchChecks() {
  const { file, integrity } = checksWheel(lockFile, checks.package);
  try {
    const response = await fetch(new URL(file, RUNTIME), { integrity });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new StartError(`The checks could not be loaded (${file}): ${error?.message ?? error}`);
  }
}

/**
 * The wheel on the restored image's `sys.path` (its modules are in the image).
 * @param {Promise<Uint8Array>} wheel
 * @returns {(pyodide: object) => Promise<void>}
 */
function checksFromWheel(wheel) {
  return async (pyodide) => installChecks(pyodide, checks.path, await wheel);
}

/**
 * After a normal start: Pyodide's package loader installs the wheel. A
 * failure is final (the wheel is missing or does not match its sha256).
 * @param {object} pyodide
 */
async function checksFromPackage(pyodide) {
  try {
    await loadChecks(pyodide, checks.package);
  } catch (error) {
    throw new StartError(error?.message ?? String(error));
  }
}

/**
 * @param {Promise<never>} wasmFailed
 * @param {(pyodide: object) => Promise<void>} putChecks puts the checks into the started Python
 * @param {object} [restore] extra `loadPyodide` options
 * @returns {Promise<(requestJson: string) => string>}
 */
async function startPython(wasmFailed, putChecks, restore = {}) {
  const pyodide = await Promise.race([
    wasmFailed,
    loadPyodide({
      indexURL: RUNTIME.href,
      stdLibURL: new URL(stdLib, RUNTIME).href,
      lockFileContents: lockFile,
      // The lock data's file names are relative to the runtime folder.
      packageBaseUrl: RUNTIME.href,
      // The checks print nothing; anything Python prints is a developer message.
      stdout: (line) => console.debug("[python]", line),
      stderr: (line) => console.warn("[python]", line),
      ...restore,
    }),
  ]);
  performance.mark("mdx:pyodide-loaded");
  if (restore._loadSnapshot) pyodide.registerJsModule(WORKER_MODULE, stdlibOnMiss(pyodide));
  await putChecks(pyodide);
  const handle = pyodide.pyimport("checks.browser").handle;
  performance.mark("mdx:checks-imported");
  // One real request before reporting ready: a restored image that imports
  // fine but cannot run fails here, and Python then starts the normal way.
  const probe = JSON.parse(handle(JSON.stringify({ check: checks.names[0], answers: [], date: "2026-01-01" })));
  if (probe.ok !== true) throw new Error(`The checks do not answer: ${probe.message ?? JSON.stringify(probe)}`);
  return handle;
}

/** @returns {Promise<(requestJson: string) => string>} */
async function start() {
  if (typeof WebAssembly !== "object") {
    throw new Error("WebAssembly is not available in this browser");
  }
  const wasmAttempt = watchWasmStart();
  const snapshotFile = fetchSnapshot();
  if (snapshotFile) {
    const wheel = fetchChecks();
    wheel.catch(() => {}); // awaited (and reported) once Python is there
    try {
      const image = snapshotFile.then((file) => file.image);
      image.catch(() => {}); // reported through loadPyodide, which awaits it
      // Only Python's module: failing another (Pyodide's own small one, kept
      // for every later start) would break the normal start too.
      const completeImage = async (instance) => {
        if (isPython(instance)) (await snapshotFile).completeFrom(instance);
      };
      const handle = await startPython(wasmAttempt(completeImage), checksFromWheel(wheel), {
        _loadSnapshot: image,
        // The image holds every module the checks use: no stdlib to download.
        stdLibURL: new URL(emptyStdLib, RUNTIME).href,
      });
      performance.mark("mdx:snapshot-restored");
      return handle;
    } catch (error) {
      if (error instanceof StartError) throw error;
      performance.mark("mdx:snapshot-failed");
      console.warn("Meldcodewijzer: the Python snapshot could not be restored; starting Python the normal way:", error);
    }
  }
  return startPython(wasmAttempt(), checksFromPackage);
}

const python = start();
python.then(
  () => postMessage({ type: "ready" }),
  (error) => postMessage({ type: "failed", message: String(error?.message ?? error) }),
);

self.addEventListener("message", async ({ data }) => {
  const { id, request } = data;
  try {
    const handle = await python;
    const { ok, view, message } = JSON.parse(handle(JSON.stringify(request)));
    postMessage({ type: "reply", id, ok, view, message });
  } catch (error) {
    postMessage({ type: "failed", id, message: String(error?.message ?? error) });
  }
});
