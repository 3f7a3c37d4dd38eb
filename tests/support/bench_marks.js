// Runs in every page before its own scripts (tests/bench.py): stamps, on the
// page's clock (0 = navigation start), when the first question shows and when
// Python is ready. `dom` holds the DOM contract's names (checks/dom.py).
(dom) => {
  const marks = (window.__mdxMarks = {});
  const question = () => {
    const legend = document.querySelector(`[${dom.check}] .${dom.legend}`);
    if (legend && legend.checkVisibility() && legend.getClientRects().length > 0) {
      marks.question = performance.now();
    } else if (document.readyState !== "complete" || document.querySelector(`[${dom.check}]`)) {
      requestAnimationFrame(question);
    }
  };
  requestAnimationFrame(question);
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(url, options) {
      if (String(url).includes(dom.worker) && marks.worker === undefined) marks.worker = performance.now();
      super(url, options);
    }
  };
  new MutationObserver(() => {
    const root = document.querySelector(`[${dom.check}]`);
    const state = root?.getAttribute(dom.python);
    if ((state === dom.ready || state === dom.failed) && marks.python === undefined) {
      marks.python = performance.now();
      marks.state = state;
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: [dom.python] });
}
