/**
 * Module Web Worker that runs the checks in Python (Pyodide), off the main
 * thread so the page stays responsive while the runtime loads.
 *
 * Protocol (after Pyodide's web worker docs): the page posts
 * `{id, request}`; the worker answers `{id, ok: true, view}` or
 * `{id, ok: false, message}` — errors travel as data, never as exceptions.
 * Once at start it posts `{type: "ready"}` or `{type: "failed", message}`.
 * Requests that arrive before Python is ready wait for it: none are lost.
 */
import { loadPyodide } from "../pyodide/pyodide.mjs";

const RUNTIME = new URL("../pyodide/", import.meta.url);

/** @returns {Promise<(requestJson: string) => string>} */
async function startPython() {
  if (typeof WebAssembly !== "object") {
    throw new Error("WebAssembly is not available in this browser");
  }
  const pyodide = await loadPyodide({
    indexURL: RUNTIME.href,
    lockFileURL: new URL("pyodide-lock.json", RUNTIME).href,
    packages: ["meldcodewijzer-checks"],
    // The checks print nothing; anything Python prints is a developer message.
    stdout: (line) => console.debug("[python]", line),
    stderr: (line) => console.warn("[python]", line),
  });
  return pyodide.pyimport("checks.browser").handle;
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
