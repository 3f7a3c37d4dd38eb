/**
 * The projector view (`?weergave=presentatie`): large type, no navigation
 * chrome (mdx-case.css, switched by a class on <html>), and on a case page
 * one part at a time: the situation, each question for the group, the route.
 * Arrow keys, Page Up/Down (what presentation clickers send), Home and End
 * move between parts. Nothing is stored: leaving the address ends it.
 */
import { Attr, Css, Query, View } from "./mdx-dom.mjs";

const NEXT = new Set(["ArrowRight", "ArrowDown", "PageDown"]);
const PREVIOUS = new Set(["ArrowLeft", "ArrowUp", "PageUp"]);

export class MdxPresentation {
  /** @param {AbortSignal} signal ends the key handling when the page is swapped */
  constructor(signal) {
    this.signal = signal;
    this.slides = /** @type {HTMLElement[]} */ ([...document.querySelectorAll(`[${Attr.SLIDE}]`)]);
    this.groups = /** @type {HTMLElement[]} */ ([...document.querySelectorAll(`[${Attr.SLIDES}]`)]);
    this.current = 0;
    this.bar = document.createElement("div");
    this.status = document.createElement("p");
  }

  /** The normal view; the theme keeps <html> across instant page swaps. */
  static stop() {
    document.documentElement.classList.remove(Css.PRESENTING);
  }

  start() {
    document.documentElement.classList.add(Css.PRESENTING);
    this.keepModeOnCaseLinks();
    this.renderBar();
    if (this.slides.length === 0) return;
    document.addEventListener("keydown", (event) => this.onKey(event), { signal: this.signal });
    this.show(0);
  }

  /** "Doe de check met deze casus" opens the check in the projector view too. */
  keepModeOnCaseLinks() {
    for (const link of /** @type {NodeListOf<HTMLAnchorElement>} */ (document.querySelectorAll(`a[${Attr.CASE_LINK}]`))) {
      const url = new URL(link.href);
      url.searchParams.set(Query.VIEW, View.PRESENTATION);
      link.href = url.href;
    }
  }

  renderBar() {
    this.bar.className = Css.PRESENTATION_BAR;
    this.bar.setAttribute("role", "group");
    this.bar.setAttribute("aria-label", "Presentatie");
    const stop = document.createElement("a");
    const url = new URL(location.href);
    url.searchParams.delete(Query.VIEW);
    stop.href = url.href;
    stop.className = `md-button ${Css.PRESENTATION_STOP}`;
    stop.textContent = "Stop presentatie";
    const parts = [];
    if (this.slides.length > 0) {
      this.status.className = Css.PRESENTATION_STATUS;
      this.status.setAttribute("role", "status");
      parts.push(this.button("Vorige", -1), this.status, this.button("Volgende", 1));
    }
    this.bar.replaceChildren(...parts, stop);
    // The theme's article (Material marks its parts with data-md-component).
    const content = document.querySelector('[data-md-component="content"] > article') ?? document.body;
    content.prepend(this.bar);
  }

  /** @param {string} label @param {number} step */
  button(label, step) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = `md-button ${Css.PRESENTATION_BUTTON}`;
    button.textContent = label;
    button.addEventListener("click", () => this.show(this.current + step), { signal: this.signal });
    return button;
  }

  /** @param {KeyboardEvent} event */
  onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // Radios and text fields use the arrow keys themselves.
    const target = /** @type {HTMLElement} */ (event.target);
    if (target.closest?.(`input, textarea, select, [${Attr.CHECK}]`)) return;
    let index = null;
    if (NEXT.has(event.key)) index = this.current + 1;
    else if (PREVIOUS.has(event.key)) index = this.current - 1;
    else if (event.key === "Home") index = 0;
    else if (event.key === "End") index = this.slides.length - 1;
    if (index === null) return;
    event.preventDefault();
    this.show(index);
  }

  /** @param {number} index */
  show(index) {
    this.current = Math.max(0, Math.min(index, this.slides.length - 1));
    const slide = this.slides[this.current];
    for (const other of this.slides) other.hidden = other !== slide;
    for (const group of this.groups) group.hidden = !group.contains(slide);
    this.status.textContent = `Deel ${this.current + 1} van ${this.slides.length}`;
  }
}
