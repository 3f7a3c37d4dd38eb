"""Accessibility to WCAG 2.2 AA in real headless Chromium.

- axe-core (tests/support/axe.py) over every built page, at desktop and at
  320 px width, with collapsed answers opened; over the theme's widgets
  (search with results, "Terug naar boven", the menu drawer, a tooltip).
- Reflow: no horizontal scrolling at 320 CSS px and at 200% zoom, on every page.

Every state of the checks (each question, its error state, each outcome, the
copy fallback, the scheme that replaces a failed check) gets the same axe and
reflow audit during the one walk through every path, in
tests/test_browser_checks.py. The keyboard is in tests/test_keyboard.py.

Pages come from the built site: a new page is covered without touching this file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.support import axe
from tests.support.pages import assert_no_failures, new_context, open_all_details, open_page, pages_to_audit
from tests.support.reflow import DESKTOP, NARROW, ZOOM_200, ZOOM_FACTOR, reflow_problems

pytestmark = pytest.mark.browser


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


def audit(page: Page, where: str, failures: list[str]) -> None:
    found = axe.violations(page)
    if found:
        failures.append(axe.describe(where, found))


# --- 1. axe-core over every page ----------------------------------------------------


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["desktop", "320px"])
def test_axe_finds_nothing_on_any_page(browser: Browser, site_dir: Path, base_url: str, viewport: dict[str, int]) -> None:
    pages = pages_to_audit(site_dir)
    assert len(pages) >= 15, pages
    context = new_context(browser, viewport)
    try:
        page = context.new_page()
        failures: list[str] = []
        for relative in pages:
            open_page(page, base_url + relative)
            open_all_details(page)
            audit(page, f"/{relative}", failures)
    finally:
        context.close()
    assert_no_failures(failures, f"axe-core violations (WCAG 2.2 A/AA) at {viewport['width']} px")


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
        audit(page, "search with results", failures)
        page.locator(".md-search__input").press("Escape")

        page.mouse.wheel(0, 4000)
        # The theme shows the button on the way back up, once it has seen the way down.
        page.wait_for_function("() => scrollY >= Math.min(4000, document.documentElement.scrollHeight - innerHeight) - 1")
        page.mouse.wheel(0, -400)
        top = page.locator(".md-top")
        top.wait_for(state="visible")
        audit(page, '"Terug naar boven" shown', failures)

        abbr = page.locator(".md-content abbr").first
        abbr.scroll_into_view_if_needed()
        # The theme's tooltips feature is off: the browser shows the title
        # itself, so there is nothing in the page to wait for.
        abbr.hover()
        audit(page, "tooltip of an abbreviation", failures)
    finally:
        context.close()

    context = new_context(browser, NARROW)
    try:
        page = context.new_page()
        open_page(page, f"{base_url}meldcode/stap-1/")
        page.locator('label.md-header__button[for="__search"]').click()
        search(page, "melding")
        audit(page, "search with results at 320 px", failures)
        page.locator(".md-search__input").press("Escape")

        page.locator('label.md-header__button[for="__drawer"]').click()
        page.locator(".md-sidebar--primary .md-nav__link").first.wait_for(state="visible")
        audit(page, "menu drawer open at 320 px", failures)
        # The drawer as the keyboard sees it (the whole menu as one list).
        open_page(page, f"{base_url}meldcode/stap-1/")
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("() => Boolean(document.activeElement.closest('.md-sidebar--primary'))"):
                break
        else:
            pytest.fail("Tab never reached the menu at 320 px")
        audit(page, "menu drawer used by keyboard at 320 px", failures)
    finally:
        context.close()
    assert_no_failures(failures, "axe-core violations in the theme's widgets")

# --- 2. Reflow: 320 px and 200% zoom -------------------------------------------------

def test_no_page_scrolls_sideways_at_200_percent_zoom_or_320px(browser: Browser, site_dir: Path, base_url: str) -> None:
    """Every page at 200% zoom, then at 320 px (a phone at device scale 2)."""
    context = new_context(browser, ZOOM_200, ZOOM_FACTOR)
    failures: list[str] = []
    try:
        page = context.new_page()
        for relative in pages_to_audit(site_dir):
            open_page(page, base_url + relative)
            open_all_details(page)
            failures.extend(reflow_problems(page, f"/{relative}"))
    finally:
        context.close()
    assert_no_failures(failures, "pages that scroll sideways")
