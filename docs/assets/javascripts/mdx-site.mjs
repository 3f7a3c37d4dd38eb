/**
 * Site entry module, on every page. Content pages pay for nothing more than
 * this file: the check code and Python load only where a check is on the page.
 */
import { Attr, Css, Query, View } from "./mdx-dom.mjs";
import "./mdx-offline.mjs";

// The site's root, for the files a practice case needs (mdx-case-aside.mjs).
const ROOT = new URL("../../", import.meta.url);

let mounted = new AbortController();

/**
 * A practice case beside its check (`?casus=`) and the projector view
 * (`?weergave=presentatie`): their code loads only when the address asks.
 * @param {AbortSignal} signal
 */
async function mountCase(signal) {
  const params = new URLSearchParams(location.search);
  const caseId = params.get(Query.CASE);
  const presenting = params.get(Query.VIEW) === View.PRESENTATION;
  const check = document.querySelector(`[${Attr.CHECK}]`);
  if (caseId !== null && check) {
    const { MdxCaseAside } = await import("./mdx-case-aside.mjs");
    if (!signal.aborted) await new MdxCaseAside(/** @type {HTMLElement} */ (check), ROOT, presenting).show(caseId);
  }
  // <html> outlives the theme's instant page swaps, and so would the mode.
  if (presenting || document.documentElement.classList.contains(Css.PRESENTING)) {
    const { MdxPresentation } = await import("./mdx-presentation.mjs");
    if (signal.aborted) return;
    if (presenting) new MdxPresentation(signal).start();
    else MdxPresentation.stop();
  }
}

async function mountChecks() {
  mounted.abort();
  mounted = new AbortController();
  const { signal } = mounted;
  await mountCase(signal);
  const roots = [...document.querySelectorAll(`[${Attr.CHECK}]`)];
  if (roots.length === 0 || signal.aborted) return;
  const [{ MdxCheck }, { sharedPythonWorker }] = await Promise.all([
    import("./mdx-check.mjs"),
    import("./mdx-python.mjs"),
  ]);
  const python = sharedPythonWorker();
  if (signal.aborted) return;
  for (const root of roots) new MdxCheck(root, python, signal);
}

/**
 * Links within the page (skip link, table of contents, the scheme's "ga naar")
 * are left to the browser. The theme's instant navigation fetches and swaps
 * the whole page for the first link it handles, even one to an anchor on the
 * same page, which would wipe a check's answers; it leaves alone any link with
 * a `target`, and `_self` changes nothing else.
 */
function keepInPageLinksInPage() {
  // The theme has made every href absolute by now, so compare the parts.
  for (const link of document.querySelectorAll("a[href]:not([target])")) {
    if (link.hash && link.origin === location.origin && link.pathname === location.pathname) link.target = "_self";
  }
}

// With instant navigation the theme swaps pages without a load: document$
// emits for each one. Without the theme's script, mount once.
function onPage() {
  // The page on screen, for the popstate gate (sitebuild/inline/history.js).
  window.mdxHistory?.shown(location.pathname);
  keepInPageLinksInPage();
  void mountChecks();
}

if (window.document$) window.document$.subscribe(onPage);
else onPage();
