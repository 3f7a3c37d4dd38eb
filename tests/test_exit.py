"""Safe to open (issue 5): "Snel weg" on every page, after GOV.UK's "Exit this
page". The neutral site is the one deliberate way off the site: every test
intercepts that navigation and answers it with a tiny local page, so nothing
reaches the network."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

import checks

from tests.support.browser import HeldWasm, PageWatch
from tests.support.site import config, content_pages, copy_project, nav_addresses

pytestmark = [pytest.mark.browser, pytest.mark.long]

EXIT_URL = config().extra["exit_url"]
EXIT_HOST = urlsplit(EXIT_URL).netloc
NEUTRAL_PAGE = "<!doctype html><html lang=nl><title>Weer</title><h1>Het weer</h1></html>"


def _fulfil(route: Route) -> None:
    route.fulfill(status=200, content_type="text/html; charset=utf-8", body=NEUTRAL_PAGE)


# The tests below share one profile (tests/conftest.py's shared_profile), each
# in a tab of its own (its own history) with its own route to the neutral
# site: the site writes nothing to a profile, so no test can pass or fail on
# another's account, and the site's files (Python's too) are warm after the
# first test. They judge the page in the tab (its keys, its links, its
# history), not the offline copy.
@pytest.fixture
def tab(shared_tab: Page) -> Page:
    return shared_tab


@pytest.fixture
def watch(shared_watch: PageWatch) -> PageWatch:
    return shared_watch


def intercept_neutral_site(target: Page | BrowserContext) -> list[str]:
    """Intercepts every request to the neutral site; returns the URLs asked for."""
    asked: list[str] = []

    def handle(route: Route) -> None:
        # The neutral site must not learn where the visitor came from: a
        # request that says so is recorded as such, and fails the comparison.
        referer = route.request.headers.get("referer")
        asked.append(route.request.url if referer is None else f"{route.request.url} (Referer: {referer})")
        _fulfil(route)

    target.route(re.compile(rf"^https?://{re.escape(EXIT_HOST)}/.*"), handle)
    return asked


@pytest.fixture
def neutral(tab: Page) -> list[str]:
    """The neutral site, for the test's tab: the URLs it asked for."""
    return intercept_neutral_site(tab)


@pytest.fixture
def held_python(tab: Page) -> Iterator[None]:
    """For a test on a check page that does not need Python: its WebAssembly
    is held back, so the check stays loading, as on a slow link, and Python's
    start costs no CPU. "Snel weg" does not depend on Python (the leaving
    tests below leave from a check whose Python runs)."""
    wasm = HeldWasm()
    tab.route("**/*.wasm", wasm.handle)
    yield
    for route in wasm.held:  # answered, so Playwright has no route pending at the close
        route.abort()


def left_the_site(page: Page) -> None:
    page.wait_for_url(re.compile(rf"^https?://{re.escape(EXIT_HOST)}/"), timeout=5000)
    assert page.locator("h1").inner_text() == "Het weer"


def open_page(page: Page, base_url: str, address: str = "/signalen/") -> None:
    page.goto(urljoin(base_url, address.lstrip("/")))
    # The module is loaded once the page is; wait until its listeners are in place.
    page.wait_for_function("() => document.querySelector('[data-mdx-exit]') !== null")
    page.wait_for_load_state("load")


def test_the_exit_url_is_a_neutral_https_site() -> None:
    assert EXIT_URL.startswith("https://")
    assert "meldcode" not in EXIT_URL and "veilig" not in EXIT_URL


def test_every_page_has_the_control_as_a_real_link(site_dir: Path) -> None:
    pages = content_pages(site_dir)
    assert len(pages) >= len(nav_addresses())
    missing = []
    for path in pages:
        html = path.read_text(encoding="utf-8")
        link = re.search(r'<a class="mdx-exit__link" href="(?P<href>[^"]+)"[^>]*>Snel weg</a>', html)
        if not link or link["href"] != EXIT_URL or 'aria-describedby="mdx-exit-uitleg"' not in link[0]:
            missing.append(str(path.relative_to(site_dir)))
    assert not missing, f"no working Snel weg link on: {missing}"


def test_clicking_leaves_the_site_and_back_does_not_return(
    tab: Page, base_url: str, neutral: list[str], watch: PageWatch
) -> None:
    page = tab
    open_page(page, base_url, "/")
    open_page(page, base_url, "/signalen/")
    page.get_by_role("link", name="Snel weg").click()
    left_the_site(page)
    assert neutral == [EXIT_URL]
    # location.replace: the page that was left is gone from this tab's history.
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url == base_url, f"Back returned to {page.url}, not to the page before"
    assert not watch.csp_violations()


@pytest.mark.usefixtures("held_python")
def test_pressing_shift_three_times_leaves_the_site(tab: Page, base_url: str, neutral: list[str]) -> None:
    page = tab
    open_page(page, base_url, "/kindcheck/")
    for _ in range(3):
        page.keyboard.press("Shift")
    left_the_site(page)
    assert neutral == [EXIT_URL]


# The third press, sent from inside the page so the page's state can be read
# in the same task, before the navigation replaces it.
THIRD_PRESS_AND_LOOK = """() => {
  document.dispatchEvent(new KeyboardEvent("keydown", { key: "Shift", bubbles: true }));
  document.dispatchEvent(new KeyboardEvent("keyup", { key: "Shift", bubbles: true }));
  const status = document.querySelector("[data-mdx-exit-status]");
  return {
    leaving: document.documentElement.classList.contains("mdx-exit--leaving"),
    said: status.textContent,
    content: getComputedStyle(document.querySelector(".md-content")).visibility,
    status: getComputedStyle(status).visibility,
  };
}"""


@pytest.mark.usefixtures("held_python")
def test_each_shift_press_is_announced_and_leaving_hides_the_page(
    tab: Page, base_url: str, neutral: list[str]
) -> None:
    page = tab
    open_page(page, base_url, "/kindcheck/")
    status = page.locator("[data-mdx-exit-status]")
    assert status.get_attribute("aria-live") == "assertive"
    page.keyboard.press("Shift")
    assert "nog 2 keer" in (status.text_content() or "")
    page.keyboard.press("Shift")
    assert "nog 1 keer" in (status.text_content() or "")
    looks = page.evaluate(THIRD_PRESS_AND_LOOK)
    assert looks == {"leaving": True, "said": "Pagina wordt verlaten.", "content": "hidden", "status": "visible"}
    left_the_site(page)


@pytest.fixture
def clock_tab(browser: Browser) -> Iterator[Page]:
    """A profile of its own: Playwright installs a page's clock in its whole
    profile. No service worker, as in tests/conftest.py's ``shared_profile``."""
    context = browser.new_context(locale="nl-NL", service_workers="block")
    yield context.new_page()
    context.close()


def test_slow_presses_or_capital_letters_do_not_leave(clock_tab: Page, base_url: str) -> None:
    page = clock_tab
    neutral = intercept_neutral_site(page)
    # The page's own clock, stopped: only run_for() moves it, so the gap
    # allowed between presses passes at once and nothing else does.
    page.clock.install()
    open_page(page, base_url, "/signalen/")
    page.clock.pause_at(page.evaluate("() => Date.now()") + 1000)
    status = page.locator("[data-mdx-exit-status]")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(status).to_contain_text("nog 1 keer")
    page.clock.run_for(1001)  # longer than the gap allowed between presses
    expect(status).to_have_text("")
    page.keyboard.press("Shift")
    expect(status).to_contain_text("nog 2 keer")  # counting starts again
    # Typing capitals holds Shift with another key: that is no press of Shift
    # alone, and it ends the count.
    page.get_by_role("link", name="Snel weg").focus()
    for letter in "ABC":
        page.keyboard.press(f"Shift+{letter}")
        expect(status).to_have_text("")
    assert page.evaluate("() => document.documentElement.classList.contains('mdx-exit--leaving')") is False
    assert neutral == []
    assert urlsplit(page.url).netloc == urlsplit(base_url).netloc


def test_it_is_the_first_control_after_the_skip_link(tab: Page, base_url: str) -> None:
    page = tab
    open_page(page, base_url, "/signalen/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Snel weg"
    description = page.evaluate(
        "document.getElementById(document.activeElement.getAttribute('aria-describedby')).textContent"
    )
    assert "Shift" in description and "weersite" in description


@pytest.mark.usefixtures("held_python")
def test_it_stays_in_view_while_scrolling(tab: Page, base_url: str) -> None:
    page = tab
    open_page(page, base_url, "/afwegingskader/")
    page.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)")
    page.wait_for_function("() => window.scrollY > 1000")
    box = page.get_by_role("link", name="Snel weg").bounding_box()
    assert box is not None and 0 <= box["y"] < 60, box


def serve_sitemap_for_this_server(page: Page, base_url: str, site_dir: Path) -> None:
    """The theme only navigates instantly to pages in sitemap.xml, which holds
    site_url's addresses; it maps their scheme and host to this server but not
    the port. Serve a sitemap with this server's addresses, as on the real host."""
    site_url = config().site_url or ""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8").replace(site_url, base_url)
    page.route(
        re.compile(r".*/sitemap\.xml$"),
        lambda route: route.fulfill(status=200, content_type="application/xml", body=sitemap),
    )


def test_it_works_after_instant_navigation(tab: Page, base_url: str, site_dir: Path, neutral: list[str]) -> None:
    page = tab
    serve_sitemap_for_this_server(page, base_url, site_dir)
    open_page(page, base_url, "/")
    page.wait_for_function("() => window.document$ !== undefined")
    page.evaluate("window.mdxSameDocument = true")
    page.locator(".md-content a[href$='signalen/']").first.click()
    page.wait_for_url(urljoin(base_url, "signalen/"))
    page.wait_for_function("() => document.querySelector('h1')?.textContent.includes('Signalen')")
    # Instant navigation swapped the content without loading a new document.
    assert page.evaluate("window.mdxSameDocument") is True
    for _ in range(3):
        page.keyboard.press("Shift")
    left_the_site(page)


@pytest.fixture
def no_script_context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    yield context
    context.close()


def test_the_link_works_without_javascript(no_script_context: BrowserContext, base_url: str) -> None:
    no_script_context.route(re.compile(rf"^https?://{re.escape(EXIT_HOST)}/.*"), _fulfil)
    page = no_script_context.new_page()
    page.goto(urljoin(base_url, "kindcheck/"))
    page.get_by_role("link", name="Snel weg").click()
    left_the_site(page)


def test_it_works_when_the_checks_python_cannot_load(tab: Page, base_url: str, neutral: list[str]) -> None:
    page = tab
    page.route(re.compile(r".*/assets/pyodide/.*"), lambda route: route.abort())
    page.route(re.compile(r".*/mdx-(python|check|check-worker)\.mjs$"), lambda route: route.abort())
    open_page(page, base_url, "/afwegingskader/")
    for _ in range(3):
        page.keyboard.press("Shift")
    left_the_site(page)


# --- From inside a check: Back never shows the page that was left -----------------


def press_shift_three_times(page: Page) -> None:
    for _ in range(3):
        page.keyboard.press("Shift")


def press_enter_on_the_link(page: Page) -> None:
    page.get_by_role("link", name="Snel weg").focus()
    page.keyboard.press("Enter")


def click_the_link(page: Page) -> None:
    page.get_by_role("link", name="Snel weg").click()


@pytest.mark.parametrize("in_page_link", [False, True], ids=["", "after-an-in-page-link"])
@pytest.mark.parametrize("how", [click_the_link, press_enter_on_the_link, press_shift_three_times], ids=lambda f: f.__name__)
def test_leaving_from_a_check_in_its_third_question_back_does_not_return(
    tab: Page, base_url: str, how: Any, in_page_link: bool
) -> None:
    page = tab
    # Playwright turns a tab's HTTP cache off once a route is set there, so
    # the route to the neutral site comes just before leaving: Python's files
    # come from the profile's cache. Until then, any request to the neutral
    # site is recorded all the same (a listener, no route), and fails the test.
    early = []
    page.on("request", lambda request: early.append(request.url) if urlsplit(request.url).netloc == EXIT_HOST else None)
    open_page(page, base_url, "/")
    open_page(page, base_url, "/afwegingskader/")
    root = page.locator('[data-check="afwegingskader"]')
    page.wait_for_function("() => document.querySelector('[data-check]').dataset.python === 'ready'", timeout=90_000)
    for question in ("afweging-1", "afweging-2"):
        root.locator(f'form[data-question="{question}"]').get_by_label("Ja", exact=True).check()
        root.get_by_role("button", name="Volgende", exact=True).click()
    third = checks.get("afwegingskader").step(["ja", "ja"]).id
    root.locator(f'form[data-question="{third}"]').wait_for()
    if in_page_link:
        # A link within the page (here the table of contents) adds an entry of this page.
        page.locator(".md-sidebar--secondary a[href$='#het-hele-schema']").click()
        page.wait_for_function("() => location.hash === '#het-hele-schema'")
    assert early == [], f"asked for the neutral site before leaving: {early}"
    neutral = intercept_neutral_site(page)

    how(page)

    left_the_site(page)
    assert neutral == [EXIT_URL]
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url == base_url, f"Back returned to {page.url}, not to the page before"


def test_a_build_without_an_exit_address_stops_and_says_why(tmp_path: Path) -> None:
    copy_project(tmp_path)
    settings = tmp_path / "mkdocs.yml"
    settings.write_text(re.sub(r"(?m)^  exit_url: .*\n", "", settings.read_text(encoding="utf-8")), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode != 0
    assert "extra.exit_url must be an https:// address" in result.stderr
