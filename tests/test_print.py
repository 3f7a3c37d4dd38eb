"""Every page prints as content only (issue 5): no navigation chrome, the
target of each link after its text, and the checks' scheme and summary in one
piece. Judged by Chromium in print media."""

from __future__ import annotations

import datetime
import json
import re
from urllib.parse import urljoin, urlsplit

from typing import Iterator

import pytest
from playwright.sync_api import Page

import checks
from checks.render import outcome_html, record_text
from tests.support.browser import HeldWasm
from tests.support.dom import Attr, Css, Part, selector
from tests.support.site import config

pytestmark = pytest.mark.browser

CHROME = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-search",
    ".md-footer",
    ".md-top",
    f".{Css.EXIT}",
    ".md-content .headerlink",
]


@pytest.fixture
def page(shared_tab: Page) -> Iterator[Page]:
    """A tab of tests/conftest.py's shared_profile: media, viewport and the
    outcome put in place all belong to the tab, and printing is about the
    stylesheet, not the offline copy.
    On a check page Python stays loading: its WebAssembly is held back (never
    answered), so its start costs no CPU. Printing is about the stylesheet,
    which treats a loading check as a ready one (only data-python="failed"
    changes it, and a held request never fails)."""
    wasm = HeldWasm()
    shared_tab.route("**/*.wasm", wasm.handle)
    yield shared_tab
    for route in wasm.held:  # answered, so Playwright has no route pending at the close
        route.abort()


def open_for_print(page: Page, base_url: str, address: str) -> None:
    page.goto(urljoin(base_url, address.lstrip("/")))
    page.wait_for_load_state("load")
    page.emulate_media(media="print")


def after(page: Page, selector: str) -> str:
    return page.eval_on_selector(selector, "el => getComputedStyle(el, '::after').content")


@pytest.mark.parametrize("address", ["/", "/kindcheck/", "/trainers/"])
def test_print_shows_no_navigation_chrome(page: Page, base_url: str, address: str) -> None:
    page.goto(urljoin(base_url, address.lstrip("/")))
    page.wait_for_load_state("load")
    on_screen = [s for s in CHROME[:3] + [f".{Css.EXIT}"] if page.locator(s).first.is_visible()]
    assert on_screen == CHROME[:3] + [f".{Css.EXIT}"], "the chrome should be there on screen"
    page.emulate_media(media="print")
    shown = [s for s in CHROME if page.locator(s).count() and any(el.is_visible() for el in page.locator(s).all())]
    assert not shown, f"printed on {address}: {shown}"
    assert page.locator("article h1").is_visible()


def test_links_print_their_address(page: Page, base_url: str) -> None:
    open_for_print(page, base_url, "/kindcheck/")
    host = urlsplit(config().site_url or "").netloc
    # A link to another page of the site: host and path, not the server the page came from.
    internal = after(page, "article a[href$='meldcode/stap-2/']")
    assert internal == f'" ({host}/meldcode/stap-2/)"', internal
    # The help block (a template, not Markdown) too.
    help_link = after(page, f".{Css.HELP} a[href$='hulp-en-contact/']")
    assert help_link == f'" ({host}/hulp-en-contact/)"', help_link
    # Anchors on the page and phone numbers print nothing extra.
    assert after(page, f".{Css.HELP} a[href^='tel:']") in ("none", "normal")


def test_links_elsewhere_print_their_full_address(page: Page, base_url: str) -> None:
    open_for_print(page, base_url, "/hulp-en-contact/")
    external = page.eval_on_selector_all(
        "article a[href^='http']:not([href*='127.0.0.1'])",
        "links => links.map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])",
    )
    assert external, "no links to other sites on /hulp-en-contact/ to judge"
    for href, content in external:
        assert content == json.dumps(f" ({href})"), (href, content)


def test_the_scheme_prints_without_breaking_a_question(page: Page, base_url: str) -> None:
    open_for_print(page, base_url, "/kindcheck/")
    nodes = page.eval_on_selector_all(
        f".{Css.SCHEME_NODE}", "nodes => nodes.map(n => getComputedStyle(n).breakInside)"
    )
    assert nodes and set(nodes) == {"avoid"}, nodes


def test_the_summary_prints_whole_and_wraps(page: Page, base_url: str) -> None:
    """The outcome as the check shows it (the same renderer), put in place
    without waiting for Python: printing is about the stylesheet."""
    check = checks.get("afwegingskader")
    answers, outcome = max(check.paths(), key=lambda path: len(path[0]))
    summary = record_text(check, list(answers), datetime.date(2026, 11, 22))
    html = outcome_html(check, outcome, check.finish(answers)[2], summary)
    page.set_viewport_size({"width": 800, "height": 900})
    page.goto(urljoin(base_url, "afwegingskader/"))
    page.wait_for_load_state("load")
    page.eval_on_selector(selector(Attr.PART, Part.STEP), "(step, html) => { step.innerHTML = html; }", html)
    page.emulate_media(media="print")
    facts = page.eval_on_selector(
        selector(Attr.PART, Part.SUMMARY),
        """el => ({
            whiteSpace: getComputedStyle(el).whiteSpace,
            breakInside: getComputedStyle(el).breakInside,
            overflows: el.scrollWidth > el.clientWidth + 1,
            text: el.textContent,
        })""",
    )
    assert facts["whiteSpace"] == "pre-wrap"
    assert facts["breakInside"] == "avoid"
    assert not facts["overflows"], "the summary runs off the paper"
    assert facts["text"] == summary
    assert not page.locator(f".{Css.CHECK_ACTIONS}").first.is_visible(), "buttons are no use on paper"


def pdf_pages(pdf: bytes) -> int:
    """The number of pages in a PDF Chromium made (its page objects)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


@pytest.mark.parametrize("name", checks.names())
def test_printing_an_outcome_prints_the_outcome_and_record_on_at_most_two_pages(page: Page, base_url: str, name: str) -> None:
    """The longest path's outcome, as the check shows it (the same renderer),
    put in place without waiting for Python: printing is about the stylesheet."""
    check = checks.get(name)
    answers, outcome = max(check.paths(), key=lambda path: (len(path[0]), len(path[1].next_steps)))
    record = record_text(check, list(answers), datetime.date(2026, 11, 22))
    page.goto(urljoin(base_url, check.page.lstrip("/")))
    page.wait_for_load_state("load")
    whole_page = pdf_pages(page.pdf(format="A4"))
    page.eval_on_selector(
        selector(Attr.PART, Part.STEP), "(step, html) => { step.innerHTML = html; }",
        outcome_html(check, outcome, check.finish(answers)[2], record),
    )
    pages = pdf_pages(page.pdf(format="A4"))
    assert 1 <= pages <= 2, f"{name}: the outcome prints on {pages} pages"
    assert whole_page > pages, "without an outcome the whole page prints"
    page.emulate_media(media="print")
    assert page.locator(selector(Attr.PART, Part.SUMMARY)).is_visible()
    assert page.locator(f".{Css.CHECK_OUTCOME_TITLE}").is_visible()
    for hidden in ("article h1", selector(Attr.SCHEME), f".{Css.HELP}", f".{Css.CHECK_RECORD_NOTE}"):
        assert not page.locator(hidden).first.is_visible(), f"{name}: {hidden} is printed"
