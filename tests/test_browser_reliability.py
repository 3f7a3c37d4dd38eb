"""The checks under hurried, real use (issue 12): double submits, the last
question, Vorige and the browser's Back, a blocked runtime, "Snel weg" from
inside a check. Each test here failed on the code before its fix."""

from __future__ import annotations

import datetime
from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect

import checks
from checks.render import scheme_id
from tests.support.browser import (
    CHROMIUM_ARGS,
    FAILED_MESSAGE,
    HeldWasm,
    PageWatch,
    assert_summary,
    check_root,
    chromium_path,
    choose,
    NOT_READY_MESSAGE,
    new_watched_context,
    page_url,
    press_volgende,
    wait_for_node,
    wait_for_python,
    walk,
)

pytestmark = [pytest.mark.browser, pytest.mark.long]



def volgende(page: Page, name: str):
    return check_root(page, name).get_by_role("button", name="Volgende", exact=True)


def shown_node(page: Page, name: str) -> str | None:
    return check_root(page, name).get_attribute("data-node") or check_root(page, name).locator(
        "form[data-question]"
    ).get_attribute("data-question")


# --- A submit answers the question on screen, once --------------------------------


def walk_from(page: Page, name: str, answers: tuple[str, ...], start: int) -> None:
    """Answer from position ``start`` on, each question checked to be the one expected."""
    check = checks.get(name)
    for position in range(start, len(answers)):
        wait_for_node(page, check, check.step(list(answers[:position])).id)
        choose(page, name, answers[position])
        press_volgende(page, name)
    wait_for_node(page, check, check.step(list(answers)).id)


def test_a_second_click_while_python_loads_answers_nothing_more(
    held_wasm: tuple[Page, PageWatch, HeldWasm], base_url: str
) -> None:
    page, watch, wasm = held_wasm
    check = checks.get("afwegingskader")
    before = datetime.date.today()
    with wasm.asked(page):
        page.goto(page_url(base_url, "afwegingskader/"))
    expect(check_root(page, "afwegingskader")).to_have_attribute("data-python", "loading")
    choose(page, "afwegingskader", "ja")
    press_volgende(page, "afwegingskader")
    expect(check_root(page, "afwegingskader").get_by_role("status")).to_have_text(NOT_READY_MESSAGE)
    press_volgende(page, "afwegingskader")  # impatient: it still says "Even geduld"

    wasm.release()
    wait_for_python(page, "afwegingskader")
    wait_for_node(page, check, "afweging-2")
    expect(check_root(page, "afwegingskader")).to_have_attribute("data-node", "afweging-2")

    answers = ("ja", "nee", "ja", "ja", "ja")
    walk_from(page, "afwegingskader", answers, 1)
    assert_summary(page, check, answers, before)
    assert watch.errors == []


@pytest.fixture(scope="module")
def ready_tab(browser: Browser, base_url: str) -> Iterator[tuple[Page, PageWatch]]:
    """One profile and tab for the tests that need Python ready: it starts once.
    No service worker: these tests judge the check in the tab, not the offline
    copy (tests/test_browser_offline_*.py), whose install would only compete
    for the CPU."""
    context, watch = new_watched_context(browser, base_url, service_workers="block")
    yield context.new_page(), watch
    context.close()


def open_check(tab: tuple[Page, PageWatch], base_url: str, name: str) -> Page:
    page, watch = tab
    page.goto(page_url(base_url, checks.get(name).page))
    wait_for_python(page, name)
    watch.errors.clear()
    return page


SUBMIT_TWICE_IN_ONE_TASK = """(name) => {
  const form = document.querySelector(`[data-check="${name}"] form[data-question]`);
  const button = form.querySelector("button[type=submit]");
  form.requestSubmit(button);
  form.requestSubmit(button);
}"""


@pytest.mark.parametrize("how", ["double-click", "enter-twice", "two-submits-at-once"])
def test_two_quick_submits_answer_the_question_shown_once(
    ready_tab: tuple[Page, PageWatch], base_url: str, how: str
) -> None:
    check = checks.get("afwegingskader")
    page = open_check(ready_tab, base_url, "afwegingskader")
    before = datetime.date.today()
    choose(page, "afwegingskader", "ja")
    if how == "double-click":
        volgende(page, "afwegingskader").dblclick()
    elif how == "enter-twice":
        volgende(page, "afwegingskader").focus()
        page.keyboard.press("Enter")
        page.keyboard.press("Enter")
    else:
        page.evaluate(SUBMIT_TWICE_IN_ONE_TASK, "afwegingskader")
    wait_for_node(page, check, "afweging-2")
    # The worker answers in order: a second step, had it been asked for,
    # would show before the next real one, and the record would say so.
    expect(check_root(page, "afwegingskader").locator(".mdx-check__error-summary:visible")).to_have_count(0)

    answers = ("ja", "nee", "ja", "ja", "ja")
    walk_from(page, "afwegingskader", answers, 1)
    assert_summary(page, check, answers, before)
    assert ready_tab[1].errors == []


def test_a_double_click_on_the_last_question_shows_the_outcome(
    ready_tab: tuple[Page, PageWatch], base_url: str
) -> None:
    check = checks.get("kindcheck")
    page = open_check(ready_tab, base_url, "kindcheck")
    before = datetime.date.today()
    walk_from(page, "kindcheck", ("ja", "ja"), 0)
    wait_for_node(page, check, "vraag-3")
    choose(page, "kindcheck", "ja")
    volgende(page, "kindcheck").dblclick()
    outcome = check.step(["ja", "ja", "ja"]).id
    wait_for_node(page, check, outcome)
    expect(check_root(page, "kindcheck").locator(".mdx-check__status")).to_have_text("")
    assert_summary(page, check, ("ja", "ja", "ja"), before)

    # Starting again, clicked twice in a hurry, is one step.
    entries = page.evaluate("() => navigation.entries().length")
    check_root(page, "kindcheck").get_by_role("button", name="Opnieuw beginnen", exact=True).dblclick()
    wait_for_node(page, check, check.start)
    # Another step through Python: anything the second click set off shows by then.
    walk_from(page, "kindcheck", ("ja",), 0)
    # The steps of a check are no history entries at all (README).
    assert page.evaluate("() => navigation.entries().length") == entries
    assert ready_tab[1].errors == []


# --- Vorige, Back, Forward and a reload ----------------------------------------------


def checked(page: Page, name: str) -> str | None:
    """The value of the radio checked in the question shown, or None."""
    return page.evaluate(
        """(name) => document.querySelector(`[data-check="${name}"] form[data-question] input:checked`)?.value ?? null""",
        name,
    )


def test_vorige_shows_the_answer_given(ready_tab: tuple[Page, PageWatch], base_url: str) -> None:
    check = checks.get("kindcheck")
    page = open_check(ready_tab, base_url, "kindcheck")
    url = page.url
    entries = page.evaluate("() => navigation.entries().length")
    walk_from(page, "kindcheck", ("ja", "nee"), 0)  # to the outcome geen-kinderen
    vorige = check_root(page, "kindcheck").get_by_role("button", name="Vorige", exact=True)
    vorige.click()
    wait_for_node(page, check, "vraag-2")
    assert checked(page, "kindcheck") == "nee"
    vorige.click()
    wait_for_node(page, check, "vraag-1")
    assert checked(page, "kindcheck") == "ja"
    press_volgende(page, "kindcheck")
    wait_for_node(page, check, "vraag-2")
    assert checked(page, "kindcheck") == "nee", "the answer given stays until another is chosen"
    assert page.url == url
    assert page.evaluate("() => navigation.entries().length") == entries, "a step adds no history entry"
    assert ready_tab[1].errors == []


@pytest.fixture(scope="module")
def bfcache_browser(playwright_instance: Playwright) -> Iterator[Browser]:
    """Chromium with its back/forward cache, as visitors have it (Playwright
    turns the cache off by default)."""
    browser = playwright_instance.chromium.launch(
        executable_path=chromium_path(), args=CHROMIUM_ARGS, ignore_default_args=["--disable-back-forward-cache"]
    )
    yield browser
    browser.close()


def traverse(page: Page, direction: str) -> None:
    """Back or Forward as the browser's buttons do it. Playwright's own
    go_back/go_forward ask the browser for its history list, which fails
    now and then while a page is being restored from the back/forward cache
    ("Not attached to an active page"); the page's own history call does not."""
    page.evaluate(f"() => {{ setTimeout(() => history.{direction}(), 0); }}")


def test_back_after_a_reload_leaves_at_the_first_press_and_forward_shows_what_the_reload_showed(
    bfcache_browser: Browser, base_url: str
) -> None:
    """A reload starts the check again (its answers lived in the page's memory
    only); from there Back and Forward move between pages, without dead
    presses, and Forward brings the page back as it was left."""
    check = checks.get("kindcheck")
    context, watch = new_watched_context(bfcache_browser, base_url)
    signalen, kindcheck = page_url(base_url, "signalen/"), page_url(base_url, "kindcheck/")
    try:
        page = context.new_page()
        page.goto(signalen)
        page.goto(kindcheck)
        wait_for_python(page, "kindcheck")
        walk_from(page, "kindcheck", ("ja", "ja"), 0)

        page.reload()
        wait_for_python(page, "kindcheck")
        wait_for_node(page, check, "vraag-1")
        assert checked(page, "kindcheck") is None, "no answer survives a reload"

        # A page restored from the back/forward cache fires no load event.
        traverse(page, "back")
        page.wait_for_url(signalen, wait_until="commit")
        traverse(page, "forward")
        page.wait_for_url(kindcheck, wait_until="commit")
        wait_for_node(page, check, "vraag-1")
        assert checked(page, "kindcheck") is None

        walk_from(page, "kindcheck", ("ja", "ja"), 0)
        traverse(page, "back")
        page.wait_for_url(signalen, wait_until="commit")
        traverse(page, "forward")
        page.wait_for_url(kindcheck, wait_until="commit")
        wait_for_node(page, check, "vraag-3")
        assert watch.errors == []
    finally:
        context.close()


# --- WebAssembly blocked ---------------------------------------------------------------


def test_blocked_webassembly_keeps_the_question_and_points_into_the_scheme(
    held_wasm: tuple[Page, PageWatch, HeldWasm], base_url: str
) -> None:
    page, watch, wasm = held_wasm
    check = checks.get("afwegingskader")
    with wasm.asked(page):
        page.goto(page_url(base_url, "afwegingskader/"))
    choose(page, "afwegingskader", "ja")
    press_volgende(page, "afwegingskader")
    expect(check_root(page, "afwegingskader").get_by_role("status")).to_have_text(NOT_READY_MESSAGE)

    # Blocked: the start from the snapshot, then the normal start.
    with wasm.asked(page):
        wasm.held.pop().abort()
    wasm.held.pop().abort()

    root = check_root(page, "afwegingskader")
    expect(root).to_have_attribute("data-python", "failed", timeout=30_000)
    status = root.get_by_role("status")
    expect(status).to_contain_text(FAILED_MESSAGE)
    # What the visitor chose stays in view.
    form = wait_for_node(page, check, check.start)
    expect(form.get_by_label("Ja", exact=True)).to_be_checked()
    # The way on: the scheme, at the question on screen.
    link = status.get_by_role("link")
    target = scheme_id(check, check.start)
    assert link.get_attribute("href") == f"#{target}"
    link.click()
    expect(page.locator(f"#{target}")).to_be_in_viewport()
    assert [e for e in watch.errors if "uncaught" in e or "Failed to fetch" in e] == [], watch.errors


# --- 320 px wide, text at 200 % ------------------------------------------------------


DOUBLE_THE_TEXT = """() => {
  const root = document.documentElement;
  root.style.fontSize = `${parseFloat(getComputedStyle(root).fontSize) * 2}px`;
}"""

OVERFLOW = """() => {
  const root = document.scrollingElement;
  const wide = [...document.querySelectorAll(".md-content *")]
    .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5 && el.getClientRects().length)
    .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`);
  return { scroll: root.scrollWidth - root.clientWidth, wide: wide.slice(0, 5) };
}"""


def test_at_320_px_with_text_at_200_percent_nothing_sticks_out_or_covers(
    ready_tab: tuple[Page, PageWatch], base_url: str
) -> None:
    check = checks.get("kindcheck")
    page = ready_tab[0]
    page.set_viewport_size({"width": 320, "height": 640})
    try:
        page = open_check(ready_tab, base_url, "kindcheck")
        page.evaluate(DOUBLE_THE_TEXT)
        walk_from(page, "kindcheck", ("ja", "ja", "ja"), 0)
        wait_for_node(page, check, "advies-veilig-thuis")
        expect(check_root(page, "kindcheck").get_by_role("button", name="Kopieer verslag")).to_be_visible()
        overflow = page.evaluate(OVERFLOW)
        assert overflow == {"scroll": 0, "wide": []}, overflow

        exit_box = page.get_by_role("link", name="Snel weg").bounding_box()
        search_box = page.locator("label.md-header__button[for='__search']").bounding_box()
        assert exit_box and search_box
        apart = (
            exit_box["x"] >= search_box["x"] + search_box["width"]
            or search_box["x"] >= exit_box["x"] + exit_box["width"]
            or exit_box["y"] >= search_box["y"] + search_box["height"]
            or search_box["y"] >= exit_box["y"] + exit_box["height"]
        )
        assert apart, f"Snel weg {exit_box} covers the search button {search_box}"
    finally:
        page.set_viewport_size({"width": 1280, "height": 720})
