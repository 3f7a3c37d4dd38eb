// Chooses an answer, clicks "Volgende" and times until the next step is in
// the page and the frame after it has started; restarts at each outcome
// (tests/bench.py). `dom` holds the DOM contract's names (checks/dom.py).
async ([count, seed, dom]) => {
  let state = seed;
  const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const root = document.querySelector(`[${dom.check}]`);
  const nextNode = () =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no next step within 10 s")), 10000);
      const observer = new MutationObserver(() => {
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      });
      observer.observe(root, { attributes: true, attributeFilter: [dom.node] });
    });
  const times = [];
  while (times.length < count) {
    const form = root.querySelector(`.${dom.form}`);
    if (!form) {
      const restarted = nextNode();
      root.querySelector(`[${dom.action}="${dom.restart}"]`).click();
      await restarted;
      continue;
    }
    const radios = form.querySelectorAll("input[type=radio]");
    radios[Math.floor(random() * radios.length)].checked = true;
    const button = form.querySelector("button[type=submit]");
    if (button.textContent.trim() !== "Volgende") throw new Error(`unexpected button ${button.textContent}`);
    const next = nextNode();
    const start = performance.now();
    button.click();
    await next;
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    times.push(performance.now() - start);
  }
  return times;
}
