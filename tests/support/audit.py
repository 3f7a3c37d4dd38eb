"""The audit of every built page (tests/test_a11y.py, tests/test_a11y_more.py):
axe-core at 320 px and at 1280 px, reflow at 320 px and at 200% zoom, the Tab
walk at 1280 px, and at 320 px on one page of each kind, all on one load of
the page.

One load serves every audit: a page is opened at 320 x 640 CSS px in a
context with a device pixel ratio of 2, which also makes 640 x 400 CSS px a
1280 x 800 window at 200% zoom (tests/support/reflow.py), and 1280 x 800 CSS px
a desktop (nothing in the site depends on the pixel ratio: no resolution media
query, no devicePixelRatio). The theme follows a change of the viewport as it
follows a visitor turning a phone or resizing a window. The Tab walk, which
moves focus and scrolls, comes last; the narrow one loads its page again, so
it starts from the page as it opens at 320 px.
"""

from __future__ import annotations

from typing import Iterable

from playwright.sync_api import Browser, Page

from tests.support import axe, focus
from tests.support.pages import new_context, open_all_details, open_page
from tests.support.reflow import DESKTOP, NARROW, ZOOM_200, ZOOM_FACTOR, reflow_problem

# What each test of the audit judges: its failures are kept apart, so that a
# failure of one cannot make another pass or fail.
CONCERNS = (
    "axe-core violations (WCAG 2.2 A/AA) at 320 px",
    "axe-core violations (WCAG 2.2 A/AA) at 1280 px",
    "pages that scroll sideways at 320 px or 200% zoom",
    "keyboard focus problems at 1280 px",
    "keyboard focus problems at 320 px",
)

# At 320 px the header, the menu drawer and the search differ from the desktop;
# the content's own controls are the same as there. So the narrow walk takes
# one page of each kind: cards, a section with sub-pages, a check, collapsed
# answers, a table, and the 404 page.
NARROW_TAB_PAGES = ("", "meldcode/stap-1/", "kindcheck/", "veelgestelde-vragen/", "over/", "404.html")


def audit_pages(browser: Browser, base_url: str, pages: Iterable[str]) -> dict[str, list[str]]:
    """Every audit of each page (relative to the site's root); the failures
    of each concern, by ``CONCERNS``."""
    failures: dict[str, list[str]] = {concern: [] for concern in CONCERNS}
    axe_narrow, axe_desktop, reflow, keyboard_desktop, keyboard_narrow = failures.values()
    context = new_context(browser, NARROW, ZOOM_FACTOR)
    focus.install(context)
    try:
        page = context.new_page()
        for relative in pages:
            where = f"/{relative}"
            page.set_viewport_size(NARROW)
            open_page(page, base_url + relative)
            open_all_details(page)
            axe_audit(page, where, axe_narrow)
            if problem := reflow_problem(page, where, "320 px"):
                reflow.append(problem)
            page.set_viewport_size(ZOOM_200)
            if problem := reflow_problem(page, where, "200% zoom"):
                reflow.append(problem)
            page.set_viewport_size(DESKTOP)
            axe_audit(page, where, axe_desktop)
            tab_audit(page, where, keyboard_desktop)
            if relative in NARROW_TAB_PAGES:
                page.set_viewport_size(NARROW)
                open_page(page, base_url + relative)
                open_all_details(page)
                tab_audit(page, where, keyboard_narrow)
    finally:
        context.close()
    return failures


def axe_audit(page: Page, where: str, failures: list[str]) -> None:
    if found := axe.violations(page):
        failures.append(axe.describe(where, found))


def tab_audit(page: Page, where: str, failures: list[str]) -> None:
    problems, count = focus.tab_order_problems(page, where)
    if count < 5:
        problems.append(f"only {count} Tab stops")
    if problems:
        failures.append(f"{where}:\n  " + "\n  ".join(problems))
