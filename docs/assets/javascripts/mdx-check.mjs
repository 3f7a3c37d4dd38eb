/**
 * One interactive check, enhanced from the markup the build wrote: the first
 * question is already on the page; Python (in a worker) renders each next step.
 *
 * Answers live in this object only: never in storage, cookies, the URL or
 * history state. So the steps of a check are no history entries either: an
 * entry would outlive the answers (a reload empties the page's memory but
 * keeps its entries, which then lead nowhere) and would survive "Snel weg"'s
 * location.replace, bringing this page back with one Back. "Vorige" goes back
 * one question; the browser's Back and Forward go from page to page.
 */
import { Action, Attr, Css, Part, PythonState } from "./mdx-dom.mjs";

const NOT_READY = "Even geduld: de check wordt geladen.";
const FAILED =
  "De stap-voor-stap check kan in deze browser niet starten. " +
  "Gebruik het schema hieronder: daarin staat dezelfde check, met alle vragen en uitkomsten.";
const TO_SCHEME = "Ga in het schema naar deze vraag.";
const COPIED = "Het verslag is gekopieerd. Plak het in het dossier.";
const COPY_FALLBACK = "Kopiëren lukt niet automatisch. Selecteer de tekst hieronder en kopieer die zelf.";

export class MdxCheck {
  /**
   * Every answer given on the way to the step shown and, after "Vorige", the
   * answers given beyond it: going back shows them checked, until a different
   * answer changes the way.
   * @type {string[]}
   */
  #given = [];
  /** How many of the answers given lead to the step shown (or asked for). */
  #depth = 0;
  #renderToken = 0;
  /**
   * A step is on its way (asked of Python, not yet shown). Until it shows,
   * the question on screen is still the one a submit would answer, but it has
   * been answered already: a second submit (a double-click, Enter pressed
   * twice, an impatient click during "Even geduld") must not answer it again.
   */
  #inFlight = false;
  /** The question the build put on the page. @type {string | undefined} */
  #first;

  /**
   * @param {HTMLElement} root the check's container (`Attr.CHECK`)
   * @param {import("./mdx-python.mjs").PythonWorker} python
   * @param {AbortSignal} signal aborted when the page is left (instant navigation)
   */
  constructor(root, python, signal) {
    this.root = root;
    this.name = root.getAttribute(Attr.CHECK);
    this.python = python;
    this.step = MdxCheck.#part(root, Part.STEP);
    this.status = MdxCheck.#part(root, Part.STATUS);
    if (!this.step || !this.status) throw new Error(`Check '${this.name}' lacks its step or status element`);

    this.#first = this.step.querySelector(`form[${Attr.QUESTION}]`)?.getAttribute(Attr.QUESTION) ?? undefined;
    root.addEventListener("submit", (event) => this.#onSubmit(event), { signal });
    root.addEventListener("click", (event) => this.#onClick(event), { signal });

    root.setAttribute(Attr.PYTHON, PythonState.LOADING);
    python.ready.then(
      () => root.setAttribute(Attr.PYTHON, PythonState.READY),
      () => this.#fail(),
    );
  }

  /**
   * The page's parts are found by `Attr.PART` (written by checks/render.py),
   * never by class: classes are for the styles.
   * @param {ParentNode} scope
   * @param {string} name
   * @returns {HTMLElement | null}
   */
  static #part(scope, name) {
    return scope.querySelector(`[${Attr.PART}="${name}"]`);
  }

  /** @param {number} depth how many of the answers given count from now on */
  #show(depth) {
    this.#depth = depth;
    this.#render();
  }

  /** @param {SubmitEvent} event */
  #onSubmit(event) {
    const form = /** @type {HTMLFormElement} */ (event.target);
    if (!form.matches(`form[${Attr.QUESTION}]`)) return;
    event.preventDefault();
    if (this.#inFlight || !form.isConnected) return;
    const choice = /** @type {HTMLInputElement | null} */ (form.querySelector("input[type=radio]:checked"));
    if (!choice) return this.#showMissingAnswer(form);
    if (this.#given[this.#depth] !== choice.value) {
      this.#given = [...this.#given.slice(0, this.#depth), choice.value];
    }
    this.#show(this.#depth + 1);
  }

  /** @param {MouseEvent} event */
  #onClick(event) {
    const target = /** @type {HTMLElement} */ (event.target);
    // The second click of a double-click acts on whatever is under the
    // pointer by then, perhaps the next step's button: it is never meant.
    if (event.detail > 1 && target.closest("button")) {
      event.preventDefault();
      return;
    }
    const link = target.closest(`a[${Attr.FOCUS}]`);
    if (link) {
      // The error summary's link moves focus to the radio without a hash in
      // the URL (which would add a history entry and scroll the theme).
      event.preventDefault();
      event.stopPropagation();
      document.getElementById(link.getAttribute(Attr.FOCUS))?.focus();
      return;
    }
    const button = target.closest(`button[${Attr.ACTION}]`);
    if (!button || this.#inFlight) return;
    const action = button.getAttribute(Attr.ACTION);
    if (action === Action.BACK) this.#show(Math.max(0, this.#depth - 1));
    else if (action === Action.RESTART) {
      this.#given = [];
      this.#show(0);
    } else if (action === Action.COPY) this.#copy();
    else if (action === Action.PRINT) window.print();
    else throw new Error(`Unknown check action '${action}'`);
  }

  /** @param {HTMLFormElement} form */
  #showMissingAnswer(form) {
    const summary = MdxCheck.#part(form, Part.ERROR_SUMMARY);
    const message = MdxCheck.#part(form, Part.FIELD_ERROR);
    form.classList.add(Css.CHECK_FORM_ERROR);
    summary.hidden = false;
    message.hidden = false;
    const fieldset = form.querySelector("fieldset");
    const described = new Set((fieldset.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean));
    described.add(message.id);
    fieldset.setAttribute("aria-describedby", [...described].join(" "));
    summary.focus();
  }

  async #render() {
    const token = ++this.#renderToken;
    this.#inFlight = true;
    const answers = this.#given.slice(0, this.#depth);
    const waiting = setTimeout(() => (this.status.textContent = NOT_READY), 150);
    let reply;
    try {
      reply = await this.python.request({ check: this.name, answers, date: MdxCheck.#today() });
    } catch {
      if (token === this.#renderToken) this.#fail();
      return;
    } finally {
      clearTimeout(waiting);
      if (token === this.#renderToken) this.#inFlight = false;
    }
    if (token !== this.#renderToken) return; // a newer step was asked for meanwhile
    if (!reply.ok) {
      this.status.textContent = reply.message;
      return;
    }
    this.status.textContent = "";
    this.step.innerHTML = reply.view.html;
    this.root.setAttribute(Attr.NODE, reply.view.node);
    // The answer given here before, if any: Vorige shows what was chosen.
    const given = this.#given[this.#depth];
    for (const radio of this.step.querySelectorAll("input[type=radio]")) {
      if (/** @type {HTMLInputElement} */ (radio).value === given) /** @type {HTMLInputElement} */ (radio).checked = true;
    }
    MdxCheck.#part(this.step, Part.FOCUS)?.focus();
  }

  async #copy() {
    const summary = MdxCheck.#part(this.step, Part.SUMMARY)?.textContent ?? "";
    try {
      if (!navigator.clipboard) throw new Error("Clipboard API unavailable");
      await navigator.clipboard.writeText(summary);
      this.status.textContent = COPIED;
    } catch {
      const fallback = MdxCheck.#part(this.step, Part.COPY_FALLBACK);
      fallback.hidden = false;
      const text = /** @type {HTMLTextAreaElement} */ (fallback.querySelector("textarea"));
      text.focus();
      text.select();
      this.status.textContent = COPY_FALLBACK;
    }
  }

  /**
   * Python cannot run here. The step on screen stays, with the answer chosen
   * (only the buttons that need Python go), and the status points to the
   * same place in the static scheme, where the check goes on without Python.
   */
  #fail() {
    this.root.setAttribute(Attr.PYTHON, PythonState.FAILED);
    this.status.textContent = `${FAILED} `;
    const node = this.root.getAttribute(Attr.NODE) ?? this.step.querySelector(`[${Attr.QUESTION}]`)?.getAttribute(Attr.QUESTION);
    const scheme = document.querySelector(`[${Attr.SCHEME}="${this.name}"]`);
    const place = node && scheme?.querySelector(`[${Attr.QUESTION}="${node}"], [${Attr.OUTCOME}="${node}"]`);
    if (place?.id) {
      const link = document.createElement("a");
      link.href = `#${place.id}`;
      link.textContent = TO_SCHEME;
      this.status.append(link);
    }
    // The build's links below lead on from the first question only.
    const fallback = MdxCheck.#part(this.root, Part.FALLBACK);
    if (fallback && node !== this.#first) fallback.hidden = true;
  }

  /** The local date as YYYY-MM-DD (toISOString would give the UTC date). */
  static #today() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }
}
