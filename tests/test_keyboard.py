"""The keyboard, in real headless Chromium (WCAG 2.1.1, 2.4.3, 2.4.7): each
check done by keyboard alone, the one keyboard walk through the checks (Tab,
Space, the arrow keys, Enter; the error summary; the outcome's links and
buttons in order).

The Tab walk through every page (the skip link first, every control reached
once, in order, with a visible focus ring, on screen) shares each page's load
with axe-core: tests/test_a11y.py at 1280 px, tests/test_a11y_narrow.py at 320 px.
"""

from __future__ import annotations

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
from tests.support.pages import new_context, open_page
from tests.support.reflow import DESKTOP

pytestmark = pytest.mark.browser


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
    watch = PageWatch.of(context, base_url)
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
