"""The keyboard, in real headless Chromium (WCAG 2.1.1, 2.4.3, 2.4.7, 2.4.11):

- Tab through every page from the top: the skip link first, every control
  reached once, in document order, each with a visible focus ring and on
  screen (at 1280 px every page, at 320 px one page of each kind).
- Each check done by keyboard alone: the one keyboard walk through the checks
  (Tab, Space, the arrow keys, Enter; the error summary; the outcome's links
  and buttons in order).

Pages come from the built site: a new page is covered without touching this file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from playwright.sync_api import Browser, Page

import checks
from checks.engine import Question
from checks.render import form_id
from tests.support.browser import (
    PageWatch,
    check_page as page_of_check,
    check_root,
    instant_navigation_on_this_port,
    page_url,
    wait_for_node,
    wait_for_python,
)
from tests.support.pages import assert_no_failures, new_context, open_all_details, open_page, pages_to_audit
from tests.support.reflow import DESKTOP, NARROW

pytestmark = pytest.mark.browser


# What has focus now, judged as a sighted keyboard user would: is there a
# focus ring, is the element on screen and not covered, does it come after the
# previous stop in the document (no positive tabindex, no jumps back)?
FOCUS_STATE = """async () => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    if (!el.__mdxId) el.__mdxId = "f" + (window.__mdxFocusCount = (window.__mdxFocusCount ?? 0) + 1);
    const measure = () => {
        const rect = el.getBoundingClientRect();
        const onScreen = rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0
            && rect.left < innerWidth && rect.top < innerHeight
            && el.checkVisibility({opacityProperty: true, visibilityProperty: true});
        let covered = null;
        if (onScreen) {
            const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
            const y = Math.min(Math.max(rect.top + rect.height / 2, 0), innerHeight - 1);
            const hit = document.elementFromPoint(x, y);
            if (hit && !el.contains(hit) && !hit.contains(el)
                && !(el.labels && [...el.labels].some((label) => label.contains(hit)))) {
                covered = hit.tagName.toLowerCase() + "." + [...hit.classList].join(".");
            }
        }
        return {onScreen, covered};
    };
    let place = measure();
    if (!place.onScreen || place.covered) {
        // The theme reacts to some focus changes a frame later (the search
        // field opens its panel): judge what the user sees once it has.
        for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
        place = measure();
    }
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2)
        || (style.boxShadow !== "none" && style.boxShadow !== "");
    const previous = window.__mdxPrevious;
    const follows = !previous || previous === el
        || Boolean(previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    window.__mdxPrevious = el;
    const text = (el.getAttribute("aria-label") || el.textContent || el.value || "").trim().replace(/\\s+/g, " ");
    return {
        id: el.__mdxId,
        name: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
            + (el.classList.length ? "." + [...el.classList].filter((c) => c !== "focus-visible").join(".") : "")
            + (text ? ` "${text.slice(0, 40)}"` : ""),
        skip: el.classList.contains("md-skip"),
        ring, follows, ...place,
    };
}"""

# Every control a keyboard user should be able to reach on the page as it is.
TAB_STOPS = """() => {
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]";
    const groups = new Set();
    return [...document.querySelectorAll(selector)].filter((el) => {
        if (el.tabIndex < 0 || el.disabled || el.closest("[inert]")) return false;
        const rect = el.getBoundingClientRect();
        if (!(rect.width > 0 && rect.height > 0)) return false;
        if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
        if (el.type === "radio") {
            if (groups.has(el.name)) return false;
            groups.add(el.name);
        }
        return true;
    }).map((el) => {
        const text = (el.getAttribute("aria-label") || el.textContent || "").trim().replace(/\\s+/g, " ");
        return {id: el.__mdxId ?? null, name: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
            + (el.classList.length ? "." + [...el.classList].filter((c) => c !== "focus-visible").join(".") : "")
            + (text ? ` "${text.slice(0, 40)}"` : "")};
    });
}"""


def tab_through(page: Page, limit: int) -> list[dict[str, Any] | None]:
    """Press Tab from the top of the page until focus leaves the page or comes
    round again; the state of each stop."""
    page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); window.__mdxPrevious = null; }")
    stops: list[dict[str, Any] | None] = []
    seen: set[str] = set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None or state["id"] in seen:
            break
        seen.add(state["id"])
        stops.append(state)
    return stops


def judge_tab_order(page: Page, where: str, failures: list[str]) -> int:
    expected = page.evaluate(TAB_STOPS)
    stops = tab_through(page, limit=len(expected) * 2 + 20)
    problems = []
    # The theme writes its skip link on every page with headings: all but the 404 page.
    if page.locator("a.md-skip").count() or not where.endswith("404.html"):
        if not stops or not stops[0]["skip"]:
            problems.append(f"the first Tab stop is {stops[0]['name'] if stops else 'nothing'}, not the skip link")
    for stop in stops:
        if not stop["onScreen"]:
            problems.append(f"focus is not visible on screen: {stop['name']}")
        elif stop["covered"]:
            problems.append(f"focus is covered by {stop['covered']}: {stop['name']}")
        if not stop["ring"]:
            problems.append(f"no focus ring (outline or box-shadow): {stop['name']}")
        if not stop["follows"]:
            problems.append(f"focus jumps back in the document to: {stop['name']}")
    reached = {stop["id"] for stop in stops}
    for element in page.evaluate(TAB_STOPS):
        if element["id"] not in reached:
            problems.append(f"never reached by Tab: {element['name']}")
    if problems:
        failures.append(f"{where}:\n  " + "\n  ".join(problems))
    return len(stops)


# At 320 px the header, the menu drawer and the search differ from the desktop;
# the content's own controls are the same as there. So the narrow walk takes
# one page of each kind: cards, a section with sub-pages, a check, collapsed
# answers, a table, and the 404 page.
NARROW_TAB_PAGES = ("", "meldcode/stap-1/", "kindcheck/", "veelgestelde-vragen/", "over/", "404.html")


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["desktop-every-page", "320px"])
def test_tab_reaches_every_control_in_order_with_a_visible_focus(
    browser: Browser, site_dir: Path, base_url: str, viewport: dict[str, int]
) -> None:
    pages = pages_to_audit(site_dir)
    if viewport is NARROW:
        pages = [relative for relative in pages if relative in NARROW_TAB_PAGES]
        assert len(pages) == len(NARROW_TAB_PAGES), f"NARROW_TAB_PAGES names pages that are gone: {pages}"
    context = new_context(browser, viewport)
    failures: list[str] = []
    try:
        page = context.new_page()
        for relative in pages:
            open_page(page, base_url + relative)
            open_all_details(page)
            count = judge_tab_order(page, f"/{relative}", failures)
            assert count >= 5, f"/{relative}: only {count} Tab stops"
    finally:
        context.close()
    assert_no_failures(failures, f"keyboard focus problems at {viewport['width']} px")


def focused(page: Page) -> dict[str, Any]:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {tag: el.tagName.toLowerCase(), id: el.id, classes: [...el.classList],
                    text: (el.textContent || "").trim(), value: el.value ?? null, checked: el.checked ?? null,
                    ring: style.outlineStyle !== "none" || style.boxShadow !== "none",
                    inContent: el.closest(".md-content") !== null};
        }"""
    )


# One path per check that uses every kind of key: Space, the arrow keys (to
# the second and third answer), and Enter.
KEYBOARD_PATHS = {
    "route": ("nee", "collega", "zorg-jeugd"),
    "kindcheck": ("ja", "ja", "nee"),
    "afwegingskader": ("ja", "nee", "ja", "ja", "nog-niet"),
}


@pytest.fixture
def keyboard_tab(browser: Browser, base_url: str) -> Iterator[tuple[Page, PageWatch]]:
    """A fresh profile at 1280 px with the theme's instant navigation working
    on this port (as on the real host), so a link within the page that the
    theme took for a page change would swap the check away."""
    context = new_context(browser, DESKTOP)
    watch = PageWatch(origin=base_url)
    watch.attach(context)
    instant_navigation_on_this_port(context, base_url)
    yield context.new_page(), watch
    context.close()


@pytest.mark.parametrize("name", checks.names())
def test_the_check_can_be_done_by_keyboard_alone(keyboard_tab: tuple[Page, PageWatch], base_url: str, name: str) -> None:
    page, watch = keyboard_tab
    check = checks.get(name)
    answers = KEYBOARD_PATHS[name]
    assert check.step(list(answers)).id in check.outcomes, f"KEYBOARD_PATHS[{name!r}] must end in an outcome"
    open_page(page, page_url(base_url, page_of_check(name)))
    wait_for_python(page, name)
    root = check_root(page, name).element_handle()

    # From the top of the page: the skip link passes the header and the menu,
    # then Tab on to the first answer.
    page.keyboard.press("Tab")
    assert "md-skip" in focused(page)["classes"], focused(page)
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash !== ''")  # the theme follows the link a moment later
    # A link within the page jumps; it never reloads or swaps the page (which
    # would start the check again).
    assert page.evaluate("(root) => root.isConnected", root), "the skip link replaced the check"
    page.keyboard.press("Tab")
    assert focused(page)["inContent"], f"after the skip link, Tab goes to {focused(page)}"
    first = f"{form_id(check, check.start)}-{check.questions[check.start].answers[0].id}"
    for _ in range(60):
        if focused(page)["id"] == first:
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail(f"Tab never reached the first answer of the {name}")

    # Volgende without a choice: the error summary takes focus; its link leads
    # back to the first answer.
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Volgende", focused(page)
    page.keyboard.press("Enter")
    summary = check_root(page, name).locator(".mdx-check__error-summary")
    summary.wait_for(state="visible")
    assert "mdx-check__error-summary" in focused(page)["classes"], focused(page)
    page.keyboard.press("Tab")
    assert focused(page)["tag"] == "a" and focused(page)["text"].startswith("Kies een antwoord"), focused(page)
    page.keyboard.press("Enter")
    assert focused(page)["id"] == first, focused(page)

    for depth, answer in enumerate(answers):
        node = check.step(list(answers[:depth]))
        assert isinstance(node, Question)
        if depth > 0:
            # The new question has focus on its legend; Tab goes to the answers.
            assert "mdx-check__legend" in focused(page)["classes"], focused(page)
            page.keyboard.press("Tab")
        position = [a.id for a in node.answers].index(answer)
        assert focused(page)["id"] == f"{form_id(check, node.id)}-{node.answers[0].id}", focused(page)
        if position == 0:
            page.keyboard.press("Space")
        for _ in range(position):
            page.keyboard.press("ArrowDown")
        now = focused(page)
        assert now["value"] == answer and now["checked"] and now["ring"], now
        page.keyboard.press("Tab")
        assert focused(page)["text"] == "Volgende" and focused(page)["ring"], focused(page)
        page.keyboard.press("Enter")
        wait_for_node(page, check, check.step(list(answers[: depth + 1])).id)

    outcome = check.step(list(answers))
    shown = wait_for_node(page, check, outcome.id)
    assert "mdx-check__outcome-title" in focused(page)["classes"], focused(page)
    # The outcome's links to the pages that explain it come first, in order.
    for link in outcome.links:
        page.keyboard.press("Tab")
        assert focused(page)["text"] == link.text and focused(page)["ring"], focused(page)
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Kopieer verslag" and focused(page)["ring"], focused(page)
    for button in ("Afdrukken", "Vorige", "Opnieuw beginnen"):
        page.keyboard.press("Tab")
        assert focused(page)["text"] == button and focused(page)["ring"], focused(page)
    # And back to the start by keyboard.
    page.keyboard.press("Enter")
    wait_for_node(page, check, check.start)
    assert "mdx-check__legend" in focused(page)["classes"], focused(page)
    assert shown.count() == 0
    assert watch.errors == [], watch.bad_responses
