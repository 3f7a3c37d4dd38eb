"""The checks in real headless Chromium, used as a professional uses them:
every path clicked through, the error state, Vorige, links within the page.
(The keyboard walk through each check is in tests/test_keyboard.py.)

The walk through every path is also the accessibility audit of the checks:
each question, its error state (Volgende without a choice) and each outcome
is checked by axe-core at 1280 px and for reflow at 200% zoom and at 320 px,
on the first path that shows it; so are the copy fallback and the scheme
that replaces a check whose Python failed. The error state is judged there
too (the focused error summary and its link), for every question: the first
comes from the build, the others from Python. One walk, not one per concern.

The paths come from ``checks.get(name).paths()``, so a new question or outcome
is tested (and audited) here without touching this file. The expected outcome
and summary come from CPython; the page gets them from Pyodide in a Web Worker.
"""

from __future__ import annotations

import datetime
import json
from typing import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

import checks
from checks.engine import Check, Outcome, Question
from checks.render import caption
from tests.support import axe
from tests.support.browser import (
    check_page,
    PageWatch,
    active_element,
    answer,
    assert_summary,
    check_root,
    history_entries,
    instant_navigation_on_this_port,
    new_watched_context,
    page_url,
    press_volgende,
    summary_lines,
    wait_for_node,
    wait_for_python,
    walk,
)
from tests.support.reflow import DESKTOP, ZOOM_FACTOR, reflow_problems

pytestmark = [pytest.mark.browser, pytest.mark.long]

# What the page says once the summary is on the clipboard (mdx-check.mjs).
COPIED = "Het verslag is gekopieerd. Plak het in het dossier."

PATHS = [
    pytest.param(name, answers, outcome.id, id=f"{name}-{'-'.join(answers)}")
    for name in checks.names()
    for answers, outcome in checks.get(name).paths()
]


def first_met(check: Check) -> dict[tuple[str, ...], list[str]]:
    """For each path (in the order of ``paths()``), the steps first met on it:
    the walk audits each question, its error state and each outcome once, on
    the first path that shows it, whatever ran before."""
    seen: set[str] = set()
    met: dict[tuple[str, ...], list[str]] = {}
    for answers, outcome in check.paths():
        nodes = [check.step(list(answers[:depth])).id for depth in range(len(answers))] + [outcome.id]
        met[tuple(answers)] = [node for node in nodes if node not in seen]
        seen.update(nodes)
    return met


def audit_state(page: Page, where: str, problems: list[str]) -> None:
    """axe-core (WCAG 2.2 A/AA) at 1280 px and reflow at 200% zoom and at 320 px,
    for the page as it is now."""
    if found := axe.violations(page):
        problems.append(axe.describe(where, found))
    problems.extend(reflow_problems(page, where))


def assert_focused_error_summary(page: Page, check: Check, question: Question, form: Locator) -> None:
    """Volgende without a choice, just pressed: the error summary shows, has
    focus, and names the question; the field says what is wrong."""
    base = f"mdx-{check.name}-{question.id}"
    summary = form.locator(".mdx-check__error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Er is een probleem")
    focused = active_element(page)
    assert focused is not None and focused["id"] == f"{base}-error-summary", f"{check.name} {question.id}: {focused}"
    expect(form.locator(".mdx-check__field-error")).to_be_visible()
    described = form.locator("fieldset").get_attribute("aria-describedby").split()
    assert f"{base}-error" in described and f"{base}-help" in described, f"{check.name} {question.id}: {described}"


def follow_the_error_link(page: Page, check: Check, question: Question, form: Locator, url: str) -> None:
    """The error summary's link moves focus to the first answer, within the
    page: no new URL, and the same question is still shown (nothing was submitted)."""
    base = f"mdx-{check.name}-{question.id}"
    first_radio = f"{base}-{question.answers[0].id}"
    link = form.locator(".mdx-check__error-summary").get_by_role("link", name=f"Kies een antwoord bij {question.label}.")
    assert link.get_attribute("href").endswith(f"#{first_radio}")  # the theme makes hrefs absolute

    link.click()

    assert active_element(page)["id"] == first_radio, f"{check.name} {question.id}: the link moves focus to the first radio"
    assert page.url == url, "following the error link leaves the URL alone"
    expect(check_root(page, check.name).locator("form[data-question]")).to_have_attribute("data-question", question.id)


@pytest.mark.parametrize("name", checks.names())
def test_the_walk_audits_every_question_its_error_state_and_every_outcome(name: str) -> None:
    check = checks.get(name)
    met = first_met(check)
    audited = [node for nodes in met.values() for node in nodes]
    assert sorted(audited) == sorted([*check.questions, *check.outcomes])


# --- Every path -------------------------------------------------------------------


# What a check's tab shows: an outcome, its first question untouched (Python
# ready, nothing chosen, no error, nothing said: as after "Opnieuw beginnen",
# which forgets every answer), or something else.
SHOWN = """(name) => {
    const root = document.querySelector(`[data-check="${name}"]`);
    if (!root || root.dataset.python !== "ready") return "other";
    if (root.querySelectorAll(".mdx-check__step [data-outcome]").length === 1) return "outcome";
    const form = root.querySelector(".mdx-check__step form[data-question]");
    const untouched = form && !form.querySelector("input:checked")
        && [...root.querySelectorAll(".mdx-check__error-summary")].every((el) => el.hidden)
        && root.querySelector(".mdx-check__status").textContent === "";
    return untouched ? `untouched ${form.dataset.question}` : "other";
}"""


class CheckTabs:
    """One tab per check in one profile for all paths: Python starts once per
    check, and "Opnieuw beginnen" leads from each outcome to the next path."""

    def __init__(self, context: BrowserContext, watch: PageWatch, base_url: str) -> None:
        self.context = context
        self.watch = watch
        self.base_url = base_url
        self.pages: dict[str, Page] = {}

    def discard(self, name: str) -> None:
        """Close the check's tab: the next test opens it afresh."""
        if page := self.pages.pop(name, None):
            page.close()

    def at_start(self, name: str) -> Page:
        """The check's tab, showing its first question with Python ready."""
        check = checks.get(name)
        page = self.pages.get(name)
        if page is not None:
            # A tab behind another gets no animation frames: what waits for
            # one (focus, the theme, Playwright's own checks) would stall.
            page.bring_to_front()
        shown = page.evaluate(SHOWN, name) if page is not None else None
        if shown == "outcome":
            check_root(page, name).get_by_role("button", name="Opnieuw beginnen", exact=True).click()
            wait_for_node(page, check, check.start)
            assert "mdx-check__legend" in active_element(page)["classes"], "focus after Opnieuw beginnen"
        elif shown != f"untouched {check.start}":
            # The first path, or a tab left mid-way by a failed test: start afresh.
            if page is not None:
                page.close()
            page = self.pages[name] = self.context.new_page()
            page.goto(page_url(self.base_url, check_page(name)))
        wait_for_python(page, name)
        wait_for_node(page, check, check.start)
        return page


@pytest.fixture(scope="module")
def check_tabs(browser: Browser, base_url: str) -> Iterator[CheckTabs]:
    """The profile of the audited walk: a 1280 px window, device scale 2 (so
    a 640 px viewport is that window at 200% zoom, see tests/support/reflow.py),
    axe-core in every page. With reduced motion the theme turns its transitions
    off, so axe sees settled states. The offline copy is left out (its install
    would only compete for the CPU; tests/test_browser_offline_*.py cover it).

    The one-at-a-time tests below use it too, so Python's files are warm: the
    site writes nothing to the profile (no storage, no cookies, no service
    worker), a test gets a tab only freshly loaded, after "Opnieuw beginnen"
    from an outcome, or with its first question untouched (``at_start``), and
    each test counts errors and requests from its own start: no test can pass
    or fail on another's account."""
    context, watch = new_watched_context(
        browser,
        base_url,
        viewport=DESKTOP,
        device_scale_factor=ZOOM_FACTOR,
        reduced_motion="reduce",
        service_workers="block",
    )
    axe.install(context)
    yield CheckTabs(context, watch, base_url)
    context.close()


@pytest.mark.parametrize(("name", "answers", "outcome"), PATHS)
def test_every_path_clicks_through_to_its_outcome_and_summary(
    check_tabs: CheckTabs, name: str, answers: tuple[str, ...], outcome: str
) -> None:
    check = checks.get(name)
    page = check_tabs.at_start(name)
    url = page.url
    before = datetime.date.today()
    errors = len(check_tabs.watch.errors)
    to_audit = first_met(check)[answers]
    audited: list[str] = []
    problems: list[str] = []

    def visit(node: Question | Outcome, shown: Locator) -> None:
        if node.id not in to_audit:
            return
        audited.append(node.id)
        if isinstance(node, Question):
            expect(shown.locator(".mdx-check__error-summary")).to_be_hidden()
        audit_state(page, f"{name}: {node.id}", problems)
        if isinstance(node, Question):
            press_volgende(page, name)
            assert_focused_error_summary(page, check, node, shown)
            audit_state(page, f"{name}: {node.id}, Volgende without a choice", problems)
            follow_the_error_link(page, check, node, shown, url)

    shown = walk(page, check, answers, visit)

    expect(shown).to_have_attribute("data-outcome", outcome)
    expect(check_root(page, name)).to_have_attribute("data-node", outcome)
    title = shown.locator(".mdx-check__outcome-title")
    expect(title).to_contain_text(check.outcomes[outcome].title)
    assert "mdx-check__outcome-title" in active_element(page)["classes"], "focus moves to the outcome"
    assert_summary(page, check, answers, before)
    for button in ("Kopieer verslag", "Afdrukken", "Vorige", "Opnieuw beginnen"):
        expect(shown.get_by_role("button", name=button, exact=True)).to_be_visible()
    assert page.url == url, "the URL never changes"
    assert check_tabs.watch.errors[errors:] == [], check_tabs.watch.bad_responses
    assert audited == to_audit, "the walk skipped a step it had to audit"
    assert not problems, "accessibility problems:\n" + "\n".join(problems)


# --- One at a time: Vorige, the clipboard, the history ---------------------------


def test_vorige_moves_back_one_question_and_the_url_and_history_stay(check_tabs: CheckTabs, base_url: str) -> None:
    # The walk's tab, from its first question again ("Opnieuw beginnen" after
    # an outcome, or a fresh load): the test counts the history entries and
    # the errors from here, so what the tab did before cannot count.
    check = checks.get("kindcheck")
    page = check_tabs.at_start("kindcheck")
    url = page.url
    before = datetime.date.today()
    errors = len(check_tabs.watch.errors)
    entries = len(history_entries(page))

    def shows(node_id: str) -> None:
        """This step, alone in the container, with focus on its legend or title."""
        wait_for_node(page, check, node_id)
        expect(check_root(page, "kindcheck").locator("form[data-question], [data-outcome]")).to_have_count(1)
        target = "mdx-check__legend" if node_id in check.questions else "mdx-check__outcome-title"
        element = active_element(page)
        assert element is not None and target in element["classes"], f"focus at {node_id}: {element}"
        if node_id in check.questions:
            assert caption(check, check.questions[node_id]) in element["text"]
        assert page.url == url, f"URL changed at {node_id}: {page.url}"

    def vorige() -> None:
        check_root(page, "kindcheck").get_by_role("button", name="Vorige", exact=True).click()

    answer(page, "kindcheck", "ja")
    shows("vraag-2")
    answer(page, "kindcheck", "ja")
    shows("vraag-3")
    vorige()
    shows("vraag-2")
    vorige()
    shows("vraag-1")
    expect(check_root(page, "kindcheck").get_by_role("button", name="Vorige")).to_have_count(0)
    answer(page, "kindcheck", "ja")
    shows("vraag-2")
    answer(page, "kindcheck", "ja")
    shows("vraag-3")
    answer(page, "kindcheck", "nee")
    shows("volg-meldcode")
    vorige()
    shows("vraag-3")

    # A different answer after going back replaces the rest of the way.
    vorige()
    shows("vraag-2")
    answer(page, "kindcheck", "nee")
    shows("geen-kinderen")
    assert_summary(page, check, ["ja", "nee"], before)

    # "Kopieer verslag" puts exactly the summary on the clipboard. The
    # permission is taken back at once: no other test of the profile gets it.
    check_tabs.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    try:
        check_root(page, "kindcheck").get_by_role("button", name="Kopieer verslag", exact=True).click()
        expect(check_root(page, "kindcheck").locator(".mdx-check__status")).to_have_text(COPIED)
        assert page.evaluate("() => navigator.clipboard.readText()") == "\n".join(summary_lines(page, "kindcheck"))
    finally:
        check_tabs.context.clear_permissions()

    check_root(page, "kindcheck").get_by_role("button", name="Opnieuw beginnen", exact=True).click()
    shows("vraag-1")

    # The steps are no history entries: they would outlive the answers (a
    # reload) and survive "Snel weg"; and no state holds an answer.
    history = history_entries(page)
    assert len(history) == entries, history
    states = json.dumps([entry["state"] for entry in history])
    answer_ids = {a.id for q in check.questions.values() for a in q.answers}
    assert not any(f'"{answer_id}"' in states for answer_id in answer_ids), states
    assert check_tabs.watch.errors[errors:] == []


@pytest.mark.parametrize("name", checks.names())
def test_the_copy_fallback_and_the_scheme_after_a_failure_pass_axe(check_tabs: CheckTabs, name: str) -> None:
    """The two states no path shows: the summary to select by hand (a browser
    without clipboard access) and the scheme's links that replace the buttons
    when Python cannot start (the same markup, switched by data-python)."""
    check = checks.get(name)
    page = check_tabs.at_start(name)
    problems: list[str] = []
    try:
        answers, outcome = next(iter(check.paths()))
        shown = walk(page, check, answers)
        page.evaluate("() => Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true})")
        shown.get_by_role("button", name="Kopieer verslag", exact=True).click()
        expect(shown.locator(".mdx-check__copy-fallback")).to_be_visible()
        audit_state(page, f"{name}: copy fallback at {outcome.id}", problems)

        check_root(page, name).evaluate("(root) => { root.dataset.python = 'failed'; }")
        expect(check_root(page, name).locator(".mdx-check__fallback")).to_be_visible()
        audit_state(page, f"{name}: Python failed, scheme shown", problems)
    finally:
        # Neither state leads on: the next test starts from a fresh tab.
        check_tabs.discard(name)
    assert not problems, "accessibility problems:\n" + "\n".join(problems)


# --- Links within the page keep the answers --------------------------------------


def test_links_within_the_page_keep_the_answers_given(check_tabs: CheckTabs, base_url: str) -> None:
    """The skip link, the table of contents and the scheme's links jump within
    the page; the theme's instant navigation must not reload it and wipe the check."""
    # A tab of its own in the walk's profile (Python's files are warm there);
    # the requests are counted from its first load on.
    page = check_tabs.context.new_page()
    requests = len(check_tabs.watch.page_requests)
    try:
        # Page.route takes what BrowserContext.route takes: the sitemap is
        # rewritten for this tab only, and Playwright turns the HTTP cache off
        # only where a route is set, so the walk's tabs keep theirs.
        instant_navigation_on_this_port(page, base_url)  # type: ignore[arg-type]
        check = checks.get("kindcheck")
        page.goto(page_url(base_url, "kindcheck/"))
        wait_for_python(page, "kindcheck")
        answer(page, "kindcheck", "ja")
        wait_for_node(page, check, "vraag-2")
        root = check_root(page, "kindcheck").element_handle()

        page.locator(".md-sidebar--secondary a", has_text="Het hele schema").click()
        page.wait_for_function("() => location.hash === '#het-hele-schema'")
        page.locator("[data-check-scheme] a").first.click()
        page.wait_for_function("() => location.hash.startsWith('#schema-')")
        page.go_back()
        page.wait_for_function("() => location.hash === '#het-hele-schema'")
        # The theme swaps a page only after fetching it: the page was fetched once, by the first load.
        fetched = [url for url in check_tabs.watch.page_requests[requests:] if urlsplit(url).path == "/kindcheck/"]
        assert fetched == [page_url(base_url, "kindcheck/")], "the theme fetched the page again to swap it"

        assert page.evaluate("root => root.isConnected", root), "the page was reloaded: the check lost its answers"
        wait_for_node(page, check, "vraag-2")
    finally:
        page.close()
