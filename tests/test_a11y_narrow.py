"""Accessibility to WCAG 2.2 AA in real headless Chromium, on a small screen:
every built page at 320 CSS px (a phone) and in a 1280 px window at 200% zoom.

- axe-core (tests/support/axe.py) at 320 px, with collapsed answers opened.
- Reflow (WCAG 1.4.10): no horizontal scrolling at 320 px and at 200% zoom.
- Tab through one page of each kind at 320 px (tests/support/focus.py): the
  skip link first, every control reached once, in document order, each with a
  visible focus ring and on screen.

The same at 1280 px is in tests/test_a11y.py; see there for the rest.
Pages come from the built site: a new page is covered without touching this file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.support import axe, focus
from tests.support.pages import assert_no_failures, new_context, open_all_details, open_page, pages_to_audit
from tests.support.reflow import NARROW, ZOOM_200, ZOOM_FACTOR, reflow_problem

pytestmark = pytest.mark.browser

# At 320 px the header, the menu drawer and the search differ from the desktop;
# the content's own controls are the same as there. So the narrow walk takes
# one page of each kind: cards, a section with sub-pages, a check, collapsed
# answers, a table, and the 404 page.
NARROW_TAB_PAGES = ("", "meldcode/stap-1/", "kindcheck/", "veelgestelde-vragen/", "over/", "404.html")


@pytest.fixture(scope="module")
def every_page_small(browser: Browser, site_dir: Path, base_url: str) -> dict[str, list[str]]:
    """One load of each page for its audits on a small screen, in a context
    with a device pixel ratio of 2: 320 x 640 CSS px is a phone, 640 x 400 CSS
    px is a 1280 x 800 window at 200% zoom (tests/support/reflow.py). axe-core
    and reflow at 320 px, then reflow at 200% zoom; the pages of the narrow
    Tab walk are loaded again at 320 px for it, so it starts from the page as
    it opens. The failures of each audit are kept apart, one test judges
    each: a failure of one cannot make another pass or fail (an error on the
    way fails them all)."""
    pages = pages_to_audit(site_dir)
    assert len(pages) >= 15, pages
    walked = [relative for relative in pages if relative in NARROW_TAB_PAGES]
    assert len(walked) == len(NARROW_TAB_PAGES), f"NARROW_TAB_PAGES names pages that are gone: {walked}"
    failures: dict[str, list[str]] = {"axe": [], "reflow": [], "keyboard": []}
    context = new_context(browser, NARROW, ZOOM_FACTOR)
    focus.install(context)
    try:
        page = context.new_page()
        for relative in pages:
            where = f"/{relative}"
            page.set_viewport_size(NARROW)
            open_page(page, base_url + relative)
            open_all_details(page)
            if found := axe.violations(page):
                failures["axe"].append(axe.describe(where, found))
            if problem := reflow_problem(page, where, "320 px"):
                failures["reflow"].append(problem)
            page.set_viewport_size(ZOOM_200)
            if problem := reflow_problem(page, where, "200% zoom"):
                failures["reflow"].append(problem)
            if relative in NARROW_TAB_PAGES:
                page.set_viewport_size(NARROW)
                open_page(page, base_url + relative)
                open_all_details(page)
                problems, count = focus.tab_order_problems(page, where)
                if count < 5:
                    problems.append(f"only {count} Tab stops")
                if problems:
                    failures["keyboard"].append(f"{where}:\n  " + "\n  ".join(problems))
    finally:
        context.close()
    return failures


def test_axe_finds_nothing_on_any_page_at_320px(every_page_small: dict[str, list[str]]) -> None:
    assert_no_failures(every_page_small["axe"], "axe-core violations (WCAG 2.2 A/AA) at 320 px")


def test_no_page_scrolls_sideways_at_200_percent_zoom_or_320px(every_page_small: dict[str, list[str]]) -> None:
    assert_no_failures(every_page_small["reflow"], "pages that scroll sideways")


def test_tab_reaches_every_control_in_order_with_a_visible_focus_at_320px(every_page_small: dict[str, list[str]]) -> None:
    assert_no_failures(every_page_small["keyboard"], "keyboard focus problems at 320 px")
