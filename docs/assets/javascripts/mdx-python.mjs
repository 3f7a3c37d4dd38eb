/**
 * The page's side of the Python worker: request ids, one promise per request,
 * and a `ready` promise that settles once Python has started or failed.
 */
import { WORKER_SCRIPT } from "./mdx-dom.mjs";

// The site's root: this module is assets/javascripts/mdx-python.mjs.
const ROOT = new URL("../../", import.meta.url);

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

  /**
   * @param {URL} workerUrl
   * @param {EarlyWorker} [early] a worker the page's head started already
   */
  constructor(workerUrl, early) {
    /** Settles when Python is ready (or could not start). @type {Promise<void>} */
    this.ready = new Promise((resolve, reject) => {
      this.#markReady = resolve;
      this.#markFailed = reject;
    });
    // Only one handler may report a failure; keep the promise from being
    // reported as unhandled when nobody awaits it yet.
    this.ready.catch(() => {});
    try {
      this.#worker = early?.worker ?? new Worker(workerUrl, { type: "module" });
    } catch (error) {
      this.#fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    // Synchronous from here on, so no event can slip between the head's
    // listeners and these.
    if (early) {
      early.release();
      for (const event of early.events) this.#handle(event);
    }
    this.#worker.addEventListener("message", (event) => this.#handle(event));
    this.#worker.addEventListener("error", (event) => this.#handle(event));
  }

  /** @param {MessageEvent | ErrorEvent} event */
  #handle(event) {
    if (event.type === "message") return this.#receive(event.data);
    // A worker script that fails to load or parse only raises `error` here.
    event.preventDefault();
    this.#fail(new Error(event.message || "The Python worker could not start"));
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

  /**
   * One message of the protocol in mdx-check-worker.mjs.
   * @param {{type: string, id?: number, ok?: boolean, view?: object, message?: string}} data
   */
  #receive(data) {
    switch (data.type) {
      case "ready":
        return this.#markReady();
      case "failed":
        return this.#fail(new Error(data.message));
      case "reply": {
        const pending = this.#pending.get(data.id);
        if (!pending) throw new Error(`Python worker: a reply to request ${data.id}, which is not waiting`);
        this.#pending.delete(data.id);
        return pending.resolve({ ok: data.ok, view: data.view, message: data.message });
      }
      default:
        throw new Error(`Python worker: unknown message type '${data.type}'`);
    }
  }

  /** @param {Error} error */
  #fail(error) {
    if (this.#failure) return;
    this.#failure = error;
    // Handled: the page says so in Dutch and offers the scheme instead.
    console.warn("Meldcodewijzer: Python could not start:", error);
    this.#markFailed(error);
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
    this.#worker?.terminate();
  }
}

/**
 * What the head of a check page leaves in `window.mdxEarlyPython`
 * (overrides/partials/mdx-python-early.html, sitebuild/inline/python-early.js).
 * @typedef {{worker: Worker, events: Array<MessageEvent | ErrorEvent>, release: () => void}} EarlyWorker
 */

/** @type {PythonWorker | undefined} one per page, kept across instant navigation */
let shared;

/**
 * The page's Python worker: the one the head started, or a new one (after
 * instant navigation from a content page, the head's script never ran).
 * @returns {PythonWorker}
 */
export function sharedPythonWorker() {
  if (!shared) {
    const early = window.mdxEarlyPython;
    delete window.mdxEarlyPython;
    shared = new PythonWorker(new URL(WORKER_SCRIPT, ROOT), early);
  }
  return shared;
}
