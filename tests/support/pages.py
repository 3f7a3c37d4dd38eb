"""Opening the built site's pages in a fresh profile, for the accessibility
and keyboard tests (tests/support/audit.py, tests/test_a11y.py,
tests/test_keyboard.py)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page

from tests.support import axe
from tests.support.site import site_pages


def pages_to_audit(site_dir: Path) -> list[str]:
    """Every page with content, relative to the site's root, plus the 404 page."""
    return [*site_pages(site_dir, redirects=False), "404.html"]


def new_context(browser: Browser, viewport: dict[str, int], scale: float = 1) -> BrowserContext:
    """A fresh profile. With reduced motion the theme turns its transitions off
    (its own stylesheet does so), so every check sees a settled state: the end
    state of a transition is the same, only the frames on the way are skipped
    (a heading fading in, the search overlay fading out). axe-core is loaded
    into every page it opens."""
    context = browser.new_context(
        locale="nl-NL",
        viewport=viewport,
        device_scale_factor=scale,
        reduced_motion="reduce",
        # The offline cache plays no part here; its install would only compete
        # for the CPU (tests/test_browser_* cover it).
        service_workers="block",
    )
    axe.install(context)
    return context


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")


def open_all_details(page: Page) -> None:
    """Collapsed answers (<details>) are part of the page: open them so their
    content is audited and measured too."""
    page.evaluate("() => document.querySelectorAll('details:not([open])').forEach((d) => (d.open = true))")


def assert_no_failures(failures: list[str], what: str) -> None:
    assert not failures, f"{what}:\n" + "\n".join(failures)
