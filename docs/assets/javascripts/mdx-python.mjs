/**
 * The page's side of the Python worker: request ids, one promise per request,
 * and a `ready` promise that settles once Python has started or failed.
 */
export class PythonWorker {
  /** @type {Worker} */
  #worker;
  /** @type {Map<number, {resolve: (reply: object) => void, reject: (error: Error) => void}>} */
  #pending = new Map();
  #nextId = 1;
  /** @type {Error | null} */
  #failure = null;
  /** @type {() => void} */
  #markReady;
  /** @type {(error: Error) => void} */
  #markFailed;

  /** @param {URL} workerUrl */
  constructor(workerUrl) {
    /** Settles when Python is ready (or could not start). @type {Promise<void>} */
    this.ready = new Promise((resolve, reject) => {
      this.#markReady = resolve;
      this.#markFailed = reject;
    });
    // Only one handler may report a failure; keep the promise from being
    // reported as unhandled when nobody awaits it yet.
    this.ready.catch(() => {});
    try {
      this.#worker = new Worker(workerUrl, { type: "module" });
    } catch (error) {
      this.#fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this.#worker.addEventListener("message", ({ data }) => this.#receive(data));
    // A worker script that fails to load or parse only raises `error` here.
    this.#worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.#fail(new Error(event.message || "The Python worker could not start"));
    });
  }

  /**
   * Ask Python for the view after these answers. Posted at once: the worker
   * holds requests until Python is ready.
   * @param {{check: string, answers: string[], date: string}} request
   * @returns {Promise<{ok: boolean, view?: object, message?: string}>}
   */
  request(request) {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, request });
    });
  }

  #receive(data) {
    if (data.type === "ready") return this.#markReady();
    if (data.type === "failed") return this.#fail(new Error(data.message));
    const pending = this.#pending.get(data.id);
    if (!pending) return;
    this.#pending.delete(data.id);
    if (data.failed) pending.reject(new Error(data.message));
    else pending.resolve(data);
  }

  /** @param {Error} error */
  #fail(error) {
    if (this.#failure) return;
    this.#failure = error;
    console.error("Meldcodewijzer: Python could not start:", error);
    this.#markFailed(error);
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
    this.#worker?.terminate();
  }
}
