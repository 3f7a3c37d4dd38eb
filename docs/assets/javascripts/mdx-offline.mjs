/**
 * The site's offline copy. Registers the service worker (built as sw.js by
 * sitebuild/service_worker.py) and runs the "download the
 * checks" button of docs/_snippets/offline-download.md: the worker keeps
 * pages and schemes after any visit, but Python (~10× the rest) only after a
 * check page or when the visitor asks for it here.
 */
import { Attr, PythonState, SERVICE_WORKER } from "./mdx-dom.mjs";

const ROOT = new URL("../../", import.meta.url);

const TEXT = {
  busy: "Bezig met downloaden. Laat deze pagina open tot dit klaar is.",
  done: "Klaar. De checks werken nu ook zonder internet, in deze browser.",
  ready: "De checks staan al klaar voor gebruik zonder internet, in deze browser.",
  failed: "Downloaden is niet gelukt. Controleer je internetverbinding en probeer het opnieuw.",
  unsupported: "Deze browser kan de checks niet bewaren. Zonder internet kun je wel het schema op de pagina van elke check gebruiken.",
};

function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(new URL(SERVICE_WORKER, ROOT), { scope: ROOT.pathname }).then(
    // Ask for a new build on every page load (one small conditional request):
    // the browser's own check after a navigation can come much later.
    // Offline the check fails, as it should: the stored build goes on.
    // (A browser that blocks service workers may resolve with nothing.)
    (registration) => registration?.update().catch(() => {}),
    (error) => console.info("Meldcodewijzer: no offline copy (service worker not registered):", error),
  );
}

/**
 * One question to the active service worker, answered over its own channel.
 * @param {object} message
 * @returns {Promise<any>}
 */
async function ask(message) {
  const registration = await navigator.serviceWorker.ready;
  const channel = new MessageChannel();
  const answer = new Promise((resolve) => {
    channel.port1.onmessage = ({ data }) => resolve(data);
  });
  registration.active.postMessage(message, [channel.port2]);
  return answer;
}

/** The button that stores the checks' runtime for offline use (`Attr.OFFLINE_DOWNLOAD`). */
export class OfflineDownload {
  /** @param {HTMLElement} root the element holding the button and its status */
  constructor(root) {
    this.button = root.querySelector(`[${Attr.OFFLINE_DOWNLOAD}]`);
    this.status = root.querySelector(`[${Attr.OFFLINE_STATUS}]`);
    if (!this.button || !this.status) throw new Error("offline download: the snippet lost its button or status");
    if (!("serviceWorker" in navigator)) {
      this.status.textContent = TEXT.unsupported;
      return;
    }
    this.button.hidden = false;
    this.button.addEventListener("click", () => void this.download());
    void ask({ type: "mdx-runtime-status" }).then(({ complete }) => {
      if (complete && this.status.textContent === "") this.status.textContent = TEXT.ready;
    });
  }

  async download() {
    this.button.disabled = true;
    this.status.textContent = TEXT.busy;
    try {
      const { ok, message } = await ask({ type: "mdx-cache-runtime" });
      if (!ok) throw new Error(message);
      this.status.textContent = TEXT.done;
    } catch (error) {
      console.info("Meldcodewijzer: the checks could not be stored for offline use:", error);
      this.status.textContent = TEXT.failed;
    } finally {
      this.button.disabled = false;
    }
  }
}

/**
 * The check's Python state once it is no longer loading (mdx-check.mjs).
 * @param {Element} check a check's container, with `Attr.PYTHON`
 * @returns {Promise<string | null>} `PythonState.READY` or `PythonState.FAILED`
 */
function pythonSettled(check) {
  const state = () => check.getAttribute(Attr.PYTHON);
  return new Promise((resolve) => {
    if (state() !== PythonState.LOADING) return resolve(state());
    const observer = new MutationObserver(() => {
      if (state() === PythonState.LOADING) return;
      observer.disconnect();
      resolve(state());
    });
    observer.observe(check, { attributes: true, attributeFilter: [Attr.PYTHON] });
  });
}

/**
 * On a check page, once Python runs, have the service worker store the
 * runtime for offline use. The page's worker may have started before the
 * service worker took control (a first visit), so its downloads did not pass
 * through it; the browser's HTTP cache still holds them, so storing them
 * now costs a revalidation, not a second download.
 * @param {Element} check a check's container, with `Attr.PYTHON` (mdx-check.mjs)
 */
async function storeRuntimeOnceReady(check) {
  if (!("serviceWorker" in navigator) || (await pythonSettled(check)) !== PythonState.READY) return;
  const { ok, message } = await ask({ type: "mdx-cache-runtime" });
  if (!ok) console.info("Meldcodewijzer: the checks are not stored for offline use:", message);
}

function onPage() {
  for (const root of document.querySelectorAll(`[${Attr.OFFLINE}]`)) new OfflineDownload(root);
  const check = document.querySelector(`[${Attr.PYTHON}]`);
  if (check) void storeRuntimeOnceReady(check);
}

// On a check page, the offline copy of the pages (~0.7 MB) waits until Python
// has started: on a slow link it would share the bandwidth with Python's
// download (BENCHMARKS.md, real link). It waits no longer than this, so a
// visitor on a very slow link who leaves early still gets the offline copy.
const OFFLINE_COPY_WAITS_AT_MOST_MS = 10_000;
const firstCheck = document.querySelector(`[${Attr.PYTHON}]`);
if (firstCheck) {
  const waited = new Promise((resolve) => setTimeout(resolve, OFFLINE_COPY_WAITS_AT_MOST_MS));
  void Promise.race([pythonSettled(firstCheck), waited]).then(registerServiceWorker);
} else {
  registerServiceWorker();
}
if (window.document$) window.document$.subscribe(onPage);
else onPage();
