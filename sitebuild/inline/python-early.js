// Starts the checks' Python worker from the top of a check page's head,
// inlined by partials/mdx-python-early.html: Python's start-up is the
// longest wait on the page (BENCHMARKS.md). Until mdx-python.mjs takes the
// worker over, its messages and errors are kept, so none is lost. The
// worker's address comes from the script element's data-worker attribute,
// so this text (and its hash in the Content-Security-Policy) is the same on
// every page.
(() => {
  try {
    const worker = new Worker(document.currentScript.dataset.worker, { type: "module" });
    const events = [];
    const keep = (event) => {
      events.push(event);
      if (event.type === "error") event.preventDefault();
    };
    worker.addEventListener("message", keep);
    worker.addEventListener("error", keep);
    window.mdxEarlyPython = {
      worker,
      events,
      release() {
        worker.removeEventListener("message", keep);
        worker.removeEventListener("error", keep);
      },
    };
  } catch (error) {
    console.info("Meldcodewijzer: Python starts with the check instead:", error);
  }
})();
