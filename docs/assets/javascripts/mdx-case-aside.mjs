/**
 * A practice case beside the check it practises: `/kindcheck/?casus=<id>`
 * fetches `oefenen/<id>/casus.json` (written by the build, from this site)
 * and shows the situation and the discussion questions next to the check.
 * Nothing is pre-filled and nothing is stored: the address is the only state.
 */
import { Attr, CASE_DATA, Css, Query, View } from "./mdx-dom.mjs";

const CASE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class MdxCaseAside {
  /**
   * @param {HTMLElement} checkRoot the check's container (`Attr.CHECK`)
   * @param {URL} siteRoot the site's base address
   * @param {boolean} presenting keep the projector view on links back to the case
   */
  constructor(checkRoot, siteRoot, presenting) {
    this.checkRoot = checkRoot;
    this.siteRoot = siteRoot;
    this.presenting = presenting;
    this.aside = document.createElement("aside");
    this.aside.className = Css.CASE_ASIDE;
    this.aside.id = "mdx-casus";
    this.aside.setAttribute("aria-labelledby", "mdx-casus-titel");
  }

  /**
   * Puts the aside beside the check, filled with the case or with a Dutch
   * message saying why it cannot be shown.
   * @param {string} caseId the value of `?casus=`
   */
  async show(caseId) {
    const beside = document.createElement("div");
    beside.className = Css.CASE_BESIDE;
    this.checkRoot.before(beside);
    beside.append(this.aside, this.checkRoot);
    if (!CASE_ID.test(caseId)) {
      this.problem("Deze casus bestaat niet. Kijk of het adres goed is overgenomen.");
      return;
    }
    let data;
    try {
      const response = await fetch(new URL(CASE_DATA.replace("{case}", caseId), this.siteRoot));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      data = await response.json();
    } catch (error) {
      console.info("Meldcodewijzer: case not loaded:", error);
      this.problem("Deze casus bestaat niet, of hij kon niet worden geladen. Kijk of het adres goed is overgenomen.");
      return;
    }
    if (data.check !== this.checkRoot.getAttribute(Attr.CHECK)) {
      this.problem("Deze casus hoort bij een andere check.", data);
      return;
    }
    this.fill(data);
  }

  /** @param {{title: string, sector: string, situation: string[], discussion: string[], page: string}} data */
  fill(data) {
    this.aside.replaceChildren(
      this.element("h3", `Casus: ${data.title}`, { id: "mdx-casus-titel" }),
      this.element("p", data.sector, { className: Css.CASE_ASIDE_META }),
      ...data.situation.map((text) => this.element("p", text)),
      this.element("h4", "Vragen voor de groep"),
      this.list(data.discussion),
      this.backLink(data),
    );
  }

  /**
   * @param {string} message
   * @param {{title: string, page: string} | undefined} data
   */
  problem(message, data) {
    this.aside.classList.add(Css.CASE_ASIDE_PROBLEM);
    const parts = [this.element("h3", "Casus niet gevonden", { id: "mdx-casus-titel" }), this.element("p", message)];
    if (data) parts.push(this.backLink(data));
    else parts.push(this.link("Kies een casus op de pagina Oefenen", new URL("oefenen/", this.siteRoot)));
    this.aside.replaceChildren(...parts);
  }

  /** @param {{title: string, page: string}} data */
  backLink(data) {
    const url = new URL(data.page, this.siteRoot);
    if (this.presenting) url.searchParams.set(Query.VIEW, View.PRESENTATION);
    return this.link(`Terug naar de casus "${data.title}"`, url);
  }

  /** @param {string} text @param {URL} url */
  link(text, url) {
    const paragraph = document.createElement("p");
    paragraph.append(this.element("a", text, { href: url.href }));
    return paragraph;
  }

  /** @param {string[]} items */
  list(items) {
    const list = document.createElement("ol");
    list.append(...items.map((text) => this.element("li", text)));
    return list;
  }

  /**
   * @param {string} tag
   * @param {string} text always set as text, never as HTML
   * @param {Record<string, string>} [properties]
   */
  element(tag, text, properties = {}) {
    const element = document.createElement(tag);
    element.textContent = text;
    Object.assign(element, properties);
    return element;
  }
}
