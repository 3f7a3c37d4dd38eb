"""Accessibility to WCAG 2.2 AA in real headless Chromium.

Every built page (half of them here, the other half in
tests/test_a11y_more.py, so that pytest-xdist can give the halves to two
workers), each on one load (tests/support/audit.py):

- axe-core (tests/support/axe.py) at 1280 px and at 320 px, with collapsed
  answers opened.
- Reflow (WCAG 1.4.10): no horizontal scrolling at 320 CSS px and at 200% zoom.
- Tab through the page from the top (WCAG 2.1.1, 2.4.3, 2.4.7, 2.4.11): the
  skip link first, every control reached once, in document order, each with a
  visible focus ring and on screen (tests/support/focus.py), at 1280 px, and
  at 320 px on one page of each kind.

And axe-core over the theme's widgets: search with results, "Terug naar
boven", the menu drawer at 320 px, a tooltip.

Every state of the checks (each question, its error state, each outcome, the
copy fallback, the scheme that replaces a failed check) gets the same axe and
reflow audit during the one walk through every path, in
tests/test_browser_checks.py. Each check done by keyboard alone is in
tests/test_keyboard.py.

Pages come from the built site: a new page is covered without touching this file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.support.audit import CONCERNS, NARROW_TAB_PAGES, audit_pages, axe_audit
from tests.support.pages import assert_no_failures, new_context, open_page, pages_to_audit
from tests.support.reflow import DESKTOP, NARROW

pytestmark = [pytest.mark.browser, pytest.mark.long]


# --- Helpers ----------------------------------------------------------------------


def search(page: Page, query: str) -> None:
    """Type in the theme's search once its index is loaded; wait for results."""
    page.wait_for_function(
        """() => {
            const meta = document.querySelector(".md-search-result__meta");
            return meta !== null && meta.textContent.trim() !== "" && !/initiali/i.test(meta.textContent);
        }"""
    )
    # Key by key, as a user types: the theme does not always search on a
    # single input event (Playwright's fill).
    page.locator(".md-search__input").press_sequentially(query)
    page.locator(".md-search-result__item").first.wait_for(state="visible")


# --- 1. Every page: axe-core, reflow, the Tab walk -----------------------------------


@pytest.fixture(scope="module")
def first_half(browser: Browser, site_dir: Path, base_url: str) -> dict[str, list[str]]:
    """The audit of half of the pages, once for all its tests (each judges
    its own concern: a failure of one cannot make another pass or fail)."""
    pages = pages_to_audit(site_dir)
    assert len(pages) >= 15, pages
    assert set(NARROW_TAB_PAGES) <= set(pages), f"NARROW_TAB_PAGES names pages that are gone: {NARROW_TAB_PAGES}"
    return audit_pages(browser, base_url, pages[0::2])


@pytest.mark.parametrize("concern", CONCERNS)
def test_every_page_passes(first_half: dict[str, list[str]], concern: str) -> None:
    assert_no_failures(first_half[concern], f"{concern}, first half of the pages")


def test_axe_finds_nothing_in_the_theme_widgets(browser: Browser, base_url: str) -> None:
    """The parts of the theme that only appear on use: search results, the
    "Terug naar boven" button, a tooltip, the menu drawer on a small screen."""
    failures: list[str] = []
    context = new_context(browser, DESKTOP)
    try:
        page = context.new_page()
        open_page(page, f"{base_url}signalen/")

        page.locator(".md-search__input").click()
        search(page, "melding")
        axe_audit(page, "search with results", failures)
        page.locator(".md-search__input").press("Escape")

        page.mouse.wheel(0, 4000)
        # The theme shows the button on the way back up, once it has seen the way down.
        page.wait_for_function("() => scrollY >= Math.min(4000, document.documentElement.scrollHeight - innerHeight) - 1")
        page.mouse.wheel(0, -400)
        top = page.locator(".md-top")
        top.wait_for(state="visible")
        axe_audit(page, '"Terug naar boven" shown', failures)

        abbr = page.locator(".md-content abbr").first
        abbr.scroll_into_view_if_needed()
        # The theme's tooltips feature is off: the browser shows the title
        # itself, so there is nothing in the page to wait for.
        abbr.hover()
        axe_audit(page, "tooltip of an abbreviation", failures)
    finally:
        context.close()

    context = new_context(browser, NARROW)
    try:
        page = context.new_page()
        open_page(page, f"{base_url}meldcode/stap-1/")
        page.locator('label.md-header__button[for="__search"]').click()
        search(page, "melding")
        axe_audit(page, "search with results at 320 px", failures)
        page.locator(".md-search__input").press("Escape")

        page.locator('label.md-header__button[for="__drawer"]').click()
        page.locator(".md-sidebar--primary .md-nav__link").first.wait_for(state="visible")
        axe_audit(page, "menu drawer open at 320 px", failures)
        # The drawer as the keyboard sees it (the whole menu as one list).
        open_page(page, f"{base_url}meldcode/stap-1/")
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("() => Boolean(document.activeElement.closest('.md-sidebar--primary'))"):
                break
        else:
            pytest.fail("Tab never reached the menu at 320 px")
        axe_audit(page, "menu drawer used by keyboard at 320 px", failures)
    finally:
        context.close()
    assert_no_failures(failures, "axe-core violations in the theme's widgets")
