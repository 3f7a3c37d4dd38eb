/**
 * "Snel weg": leave the site at once, after GOV.UK's "Exit this page".
 *
 * The control is a plain link to a neutral site (overrides/partials/mdx-exit.html),
 * so it works without this module. The module makes leaving instant and
 * quieter: the page is hidden at once and replaced with location.replace, so
 * Back does not return to it. Pressing Shift three times in quick succession
 * does the same from anywhere on the page. It needs nothing else of the site:
 * not the theme's script, not the checks' Python.
 */
import { Attr, Css } from "./mdx-dom.mjs";

const PRESSES = 3;
/** A press must follow the one before within this time, or counting starts again. */
const PRESS_GAP_MS = 1000;
/** The longest leaving waits for the step back to this page's first entry. */
const TRAVERSE_LIMIT_MS = 300;

const link = () => /** @type {HTMLAnchorElement | null} */ (document.querySelector(`[${Attr.EXIT}]`));
const status = () => document.querySelector(`[${Attr.EXIT_STATUS}]`);

/** @param {string} text */
function say(text) {
  const region = status();
  if (region) region.textContent = text;
}

/**
 * This page may own more history entries than the one on screen: every link
 * within the page (skip link, table of contents, the scheme's "ga naar")
 * adds one. location.replace swaps only the current entry, so one Back
 * would bring this page back. Step back to this page's first entry first:
 * replacing that one leaves the page before this one behind Back. Where the
 * Navigation API is missing, only the current entry is replaced (see
 * /veilig-gebruik/).
 * @returns {Promise<void>}
 */
async function backToThisPagesFirstEntry() {
  const navigation = window.navigation;
  const current = navigation?.currentEntry;
  if (!current) return;
  const entries = navigation.entries();
  let first = current.index;
  while (first > 0 && entries[first - 1].sameDocument) first -= 1;
  if (first === current.index) return;
  try {
    // A same-document traversal commits within a few milliseconds; never let
    // leaving wait on it for long.
    await Promise.race([
      navigation.traverseTo(entries[first].key).committed,
      new Promise((resolve) => window.setTimeout(resolve, TRAVERSE_LIMIT_MS)),
    ]);
  } catch {
    // Replacing the current entry still takes the visitor away.
  }
}

let leaving = false;

async function leave() {
  const target = link()?.href;
  if (!target || leaving) return;
  leaving = true;
  document.documentElement.classList.add(Css.EXIT_LEAVING);
  say("Pagina wordt verlaten.");
  await backToThisPagesFirstEntry();
  window.location.replace(target);
}

let presses = 0;
/** @type {number | undefined} */
let timer;
/** Shift went down on its own, not as part of a shortcut or a capital letter. */
let shiftAlone = false;

function reset() {
  presses = 0;
  window.clearTimeout(timer);
  timer = undefined;
}

document.addEventListener(
  "click",
  (event) => {
    if (!(event.target instanceof Element) || !event.target.closest(`[${Attr.EXIT}]`)) return;
    event.preventDefault();
    void leave();
  },
  { capture: true },
);

document.addEventListener(
  "keydown",
  (event) => {
    if (event.key === "Shift") {
      if (!event.repeat) shiftAlone = true;
      return;
    }
    shiftAlone = false;
    if (presses > 0) {
      reset();
      say("");
    }
  },
  { capture: true },
);

document.addEventListener(
  "keyup",
  (event) => {
    if (event.key !== "Shift" || !shiftAlone) return;
    shiftAlone = false;
    presses += 1;
    window.clearTimeout(timer);
    if (presses >= PRESSES) {
      reset();
      void leave();
      return;
    }
    const left = PRESSES - presses;
    say(`Shift: druk nog ${left} keer om deze site te verlaten.`);
    timer = window.setTimeout(() => {
      reset();
      say("");
    }, PRESS_GAP_MS);
  },
  { capture: true },
);

// Coming back to a page kept in the browser's memory: show it again.
window.addEventListener("pageshow", (event) => {
  if (!event.persisted) return;
  leaving = false;
  document.documentElement.classList.remove(Css.EXIT_LEAVING);
  reset();
  say("");
});

// With instant navigation the theme swaps pages without a load; the control
// itself stays, and a count from the previous page does not carry over.
if (window.document$) window.document$.subscribe(() => reset());
