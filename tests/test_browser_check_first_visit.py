"""A first visit to a check page on a slow link: the offline copy of the
pages (the service worker's install, ~0.7 MB) waits until Python has started,
so it does not share the bandwidth with Python's download, but no longer than
ten seconds (docs/assets/javascripts/mdx-offline.mjs)."""

from __future__ import annotations

from typing import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route

from tests.support.browser import check_page, new_watched_context, python_state, wait_for_python

pytestmark = pytest.mark.browser

# Counts the page's calls to register a service worker, as they happen.
COUNT_REGISTRATIONS = """
window.mdxRegistrations = 0;
const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
navigator.serviceWorker.register = (...args) => {
  window.mdxRegistrations += 1;
  return register(...args);
};
"""
REGISTRATIONS = "window.mdxRegistrations"
WAITS_AT_MOST_MS = 10_000
# Any fixed instant: the clock starts there and stands still a second later.
CLOCK_STARTS = "2026-01-01T00:00:00Z"
CLOCK_STOPS = "2026-01-01T00:00:01Z"


@pytest.fixture
def held_check_page(browser: Browser, base_url: str) -> Iterator[tuple[BrowserContext, Page, list[Route]]]:
    """A check page whose Python cannot start yet: pyodide.asm.wasm is held
    until the test lets it go; the page is loaded up to its check code."""
    context, _watch = new_watched_context(browser, base_url)
    held: list[Route] = []
    context.add_init_script(COUNT_REGISTRATIONS)
    context.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    page = context.new_page()
    # The page's clock stands still until the test moves it.
    page.clock.install(time=CLOCK_STARTS)
    page.clock.pause_at(CLOCK_STOPS)
    # mdx-site.mjs imports mdx-offline.mjs before it asks for mdx-check.mjs: once
    # that arrives, mdx-offline.mjs has made its choice.
    with page.expect_response("**/mdx-check.mjs"):
        page.goto(base_url + check_page("kindcheck"))
    try:
        yield context, page, held
    finally:
        for route in held:
            route.abort()
        context.close()


def test_the_offline_copy_waits_until_python_runs(held_check_page: tuple[BrowserContext, Page, list[Route]]) -> None:
    _context, page, held = held_check_page
    assert python_state(page, "kindcheck") == "loading"
    assert page.evaluate(REGISTRATIONS) == 0
    while held:
        held.pop().continue_()
    wait_for_python(page, "kindcheck")
    page.wait_for_function(f"{REGISTRATIONS} === 1")


def test_the_offline_copy_waits_no_longer_than_ten_seconds(held_check_page: tuple[BrowserContext, Page, list[Route]]) -> None:
    _context, page, _held = held_check_page
    page.clock.run_for(WAITS_AT_MOST_MS - 1)
    assert page.evaluate(REGISTRATIONS) == 0
    page.clock.run_for(1)
    page.wait_for_function(f"{REGISTRATIONS} === 1")
    assert python_state(page, "kindcheck") == "loading"
