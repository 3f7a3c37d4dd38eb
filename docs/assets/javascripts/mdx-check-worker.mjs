/**
 * Module Web Worker that runs the checks in Python (Pyodide), off the main
 * thread so the page stays responsive while the runtime loads.
 *
 * Protocol (after Pyodide's web worker docs): the page posts
 * `{id, request}`; the worker answers `{id, ok: true, view}` or
 * `{id, ok: false, message}` — errors travel as data, never as exceptions.
 * Once at start it posts `{type: "ready"}` or `{type: "failed", message}`.
 * Requests that arrive before Python is ready wait for it: none are lost.
 *
 * Start-up (figures in BENCHMARKS.md): the build ships the standard library
 * and the checks compiled to bytecode, and `mdx-runtime.mjs` names the stdlib
 * file and holds the lock data, fetched together with Pyodide's own module.
 */
import { loadPyodide } from "../pyodide/pyodide.mjs";
import { lockFile, stdLib } from "../pyodide/mdx-runtime.mjs";

const RUNTIME = new URL("../pyodide/", import.meta.url);
// Start-up milestones for the benchmark (tests/bench.py reads them).
performance.mark("mdx:worker-start");

/**
 * Pyodide only logs a failed WebAssembly instantiation (a blocked or missing
 * pyodide.asm.wasm) and then waits forever. Report it instead.
 * @returns {Promise<never>}
 */
function wasmFailure() {
  return new Promise((_, reject) => {
    for (const name of ["instantiateStreaming", "instantiate"]) {
      const original = WebAssembly[name];
      if (typeof original !== "function") continue;
      WebAssembly[name] = function (...args) {
        const result = original.apply(this, args);
        result.catch((error) => reject(new Error(`WebAssembly could not start: ${error?.message ?? error}`)));
        return result;
      };
    }
  });
}

/** @returns {Promise<(requestJson: string) => string>} */
async function startPython() {
  if (typeof WebAssembly !== "object") {
    throw new Error("WebAssembly is not available in this browser");
  }
  const pyodide = await Promise.race([
    wasmFailure(),
    loadPyodide({
      indexURL: RUNTIME.href,
      stdLibURL: new URL(stdLib, RUNTIME).href,
      lockFileContents: lockFile,
      packageBaseUrl: RUNTIME.href,
      packages: ["meldcodewijzer-checks"],
      // The checks print nothing; anything Python prints is a developer message.
      stdout: (line) => console.debug("[python]", line),
      stderr: (line) => console.warn("[python]", line),
    }),
  ]);
  performance.mark("mdx:pyodide-loaded");
  const handle = pyodide.pyimport("checks.browser").handle;
  performance.mark("mdx:checks-imported");
  return handle;
}

const python = startPython();
python.then(
  () => postMessage({ type: "ready" }),
  (error) => postMessage({ type: "failed", message: String(error?.message ?? error) }),
);

self.addEventListener("message", async ({ data }) => {
  const { id, request } = data;
  try {
    const handle = await python;
    postMessage({ id, ...JSON.parse(handle(JSON.stringify(request))) });
  } catch (error) {
    postMessage({ id, ok: false, failed: true, message: String(error?.message ?? error) });
  }
});
