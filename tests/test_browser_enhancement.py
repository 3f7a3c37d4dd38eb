"""Progressive enhancement: the check without JavaScript, when Python cannot
start, before Python is ready, and after the theme's instant navigation."""

from __future__ import annotations

import re
from typing import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

import checks
from checks.render import scheme_id
from tests.support.browser import (
    check_page,
    READY_TIMEOUT_MS,
    HeldWasm,
    PageWatch,
    assert_failed_in_dutch,
    check_root,
    choose,
    instant_navigation_on_this_port,
    NOT_READY_MESSAGE,
    new_watched_context,
    page_url,
    press_volgende,
    wait_for_node,
    wait_for_python,
    walk,
)

pytestmark = pytest.mark.browser



def any_path(name: str) -> tuple[tuple[str, ...], str]:
    answers, outcome = next(iter(checks.get(name).paths()))
    return answers, outcome.id


# --- Without JavaScript: the build's markup is the check ----------------------------


@pytest.fixture(scope="module")
def no_js_profile(browser: Browser) -> Iterator[BrowserContext]:
    """One profile without JavaScript for the tests below, each in a tab of
    its own with its own watch: without scripts a page can keep nothing in
    the profile, so no test can pass or fail on another's account."""
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    yield context
    context.close()


@pytest.fixture
def no_js(no_js_profile: BrowserContext, base_url: str) -> Iterator[tuple[Page, PageWatch]]:
    watch = PageWatch.of(no_js_profile, base_url)
    page = no_js_profile.new_page()
    yield page, watch
    page.close()


@pytest.mark.parametrize("name", checks.names())
def test_without_javascript_the_first_question_and_the_scheme_are_the_check(
    no_js: tuple[Page, PageWatch], base_url: str, name: str
) -> None:
    page, watch = no_js
    check = checks.get(name)
    first = check.questions[check.start]
    page.goto(page_url(base_url, check_page(name)))
    expect(page.locator("html")).to_have_class(re.compile(r"\bno-js\b"))  # no script ran
    root = check_root(page, name)

    # The first question, as the build rendered it.
    form = root.locator(f'form[data-question="{first.id}"]')
    expect(form.locator("legend")).to_contain_text(first.text)
    for answer in first.answers:
        expect(form.get_by_label(answer.label, exact=True)).to_be_attached()

    # Links that say where each answer leads, into the scheme.
    fallback = root.locator(".mdx-check__fallback")
    expect(fallback).to_be_visible()
    links = fallback.get_by_role("link")
    expect(links).to_have_count(len(first.answers))
    scheme = page.locator(f'[data-check-scheme="{name}"]')
    expect(scheme).to_be_visible()
    for answer in first.answers:
        item = fallback.locator("li").filter(has_text=answer.label)
        target = scheme_id(check, answer.leads_to)
        assert item.get_by_role("link").get_attribute("href") == f"#{target}"
        expect(scheme.locator(f"#{target}")).to_be_attached()

    # The scheme holds every question and every outcome.
    for question in check.questions.values():
        node = scheme.locator(f"#{scheme_id(check, question.id)}")
        expect(node).to_contain_text(question.text)
        items = node.locator(".mdx-scheme__answers li")
        expect(items).to_have_count(len(question.answers))
        for position, answer in enumerate(question.answers):
            target = scheme_id(check, answer.leads_to)
            expect(items.nth(position)).to_contain_text(answer.label)
            assert items.nth(position).get_by_role("link").get_attribute("href") == f"#{target}"
            expect(scheme.locator(f"#{target}")).to_have_count(1)
    outcomes = scheme.locator("[data-outcome]")
    assert sorted(outcomes.evaluate_all("(els) => els.map((el) => el.dataset.outcome)")) == sorted(check.outcomes)
    for outcome in check.outcomes.values():
        expect(scheme.locator(f'[data-outcome="{outcome.id}"]')).to_contain_text(outcome.title)

    # Following the link for the first answer lands on that node of the scheme.
    links.first.click()
    target = scheme_id(check, first.answers[0].leads_to)
    assert page.url.endswith(f"#{target}")
    expect(scheme.locator(f"#{target}")).to_be_in_viewport()
    assert watch.foreign_requests() == []


# --- When Python cannot start ------------------------------------------------------


@pytest.mark.parametrize("name", checks.names())
def test_blocked_webassembly_fails_in_plain_dutch(browser: Browser, base_url: str, name: str) -> None:
    context, watch = new_watched_context(browser, base_url, service_workers="block")
    try:
        context.route("**/*.wasm", lambda route: route.abort())
        page = context.new_page()
        page.goto(page_url(base_url, check_page(name)))
        assert_failed_in_dutch(page, name)
        assert watch.csp_violations() == []
    finally:
        context.close()


def answer_while_python_loads(page: Page, wasm: HeldWasm, base_url: str) -> None:
    """Answer the kindcheck's first question while the wasm is held back."""
    with wasm.asked(page):
        page.goto(page_url(base_url, "kindcheck/"))
    assert check_root(page, "kindcheck").get_attribute("data-python") == "loading"
    choose(page, "kindcheck", "ja")
    press_volgende(page, "kindcheck")
    # While Python loads, the page says so instead of doing nothing.
    expect(check_root(page, "kindcheck").get_by_role("status")).to_have_text(NOT_READY_MESSAGE)


def test_an_answer_given_before_a_failure_does_not_hang(
    held_wasm: tuple[Page, PageWatch, HeldWasm], base_url: str
) -> None:
    page, watch, wasm = held_wasm
    answer_while_python_loads(page, wasm, base_url)

    # The start from the snapshot, then the normal start: each asks for the wasm.
    with wasm.asked(page):
        wasm.held[0].abort()
    wasm.held[1].abort()
    assert_failed_in_dutch(page, "kindcheck")
    assert watch.csp_violations() == []


def test_an_answer_given_before_python_is_ready_is_kept(
    held_wasm: tuple[Page, PageWatch, HeldWasm], base_url: str
) -> None:
    page, watch, wasm = held_wasm
    check = checks.get("kindcheck")
    answer_while_python_loads(page, wasm, base_url)

    wasm.release()
    wait_for_node(page, check, check.step(["ja"]).id, timeout=READY_TIMEOUT_MS)
    wait_for_python(page, "kindcheck")
    expect(check_root(page, "kindcheck").locator(".mdx-check__status")).to_have_text("")
    assert watch.errors == []


# --- Instant navigation -------------------------------------------------------------


def wait_for_site_script(page: Page) -> None:
    """Wait until mdx-site.mjs has run on the page: it marks the in-page links,
    then mounts whatever check the page holds."""
    page.wait_for_function("() => document.querySelector('a[target=\"_self\"]') !== null")


def wait_for_offline_copy(page: Page) -> None:
    """Wait until the service worker is active: it comes after everything a
    page starts by itself."""
    page.evaluate("() => { navigator.serviceWorker.ready.then(() => { window.mdxTestReady = true; }); }")
    page.wait_for_function("() => window.mdxTestReady === true")


def test_content_pages_start_no_python(page: Page, watch: PageWatch, base_url: str) -> None:
    page.goto(page_url(base_url, "signalen/"))
    # Give a wrongly started worker every chance to show up.
    wait_for_site_script(page)
    wait_for_offline_copy(page)
    assert [url for url in watch.page_requests if "/assets/pyodide/" in url] == []
    assert [url for url in watch.page_requests if "mdx-check" in url or "mdx-python" in url] == []
    assert [worker.url for worker in page.workers if "mdx-check" in worker.url] == []
    assert watch.errors == []


def test_instant_navigation_to_the_checks(context: BrowserContext, page: Page, watch: PageWatch, base_url: str) -> None:
    instant_navigation_on_this_port(context, base_url)
    page.goto(page_url(base_url, "signalen/"))
    wait_for_site_script(page)
    assert [url for url in watch.page_requests if "/assets/pyodide/" in url] == []
    # Survives only if the theme swaps the page instead of loading it.
    page.evaluate("() => { window.mdxSamePage = true; }")
    nav = page.locator(".md-sidebar--primary nav")

    for name in ("kindcheck", "afwegingskader"):
        nav.get_by_role("link", name=checks.get(name).title, exact=True).click()
        page.wait_for_url(page_url(base_url, check_page(name)))
        expect(page.locator("h1")).to_contain_text(checks.get(name).title)
        assert page.evaluate("() => window.mdxSamePage === true"), "instant navigation reloaded the page"
        wait_for_python(page, name)
        answers, outcome = any_path(name)
        shown = walk(page, checks.get(name), answers)
        expect(shown).to_have_attribute("data-outcome", outcome)
        assert page.url == page_url(base_url, check_page(name))

    # One Python worker served both checks.
    assert len([worker for worker in page.workers if "mdx-check-worker" in worker.url]) == 1

    # Back leaves the afwegingskader for the kindcheck page (the steps of a
    # check are no history entries).
    page.go_back()
    page.wait_for_url(page_url(base_url, "kindcheck/"))
    expect(page.locator("h1")).to_contain_text("Kindcheck")
    wait_for_python(page, "kindcheck")
    assert page.evaluate("() => window.mdxSamePage === true")
    assert watch.errors == []
    assert watch.foreign_requests() == []
