"""The Tab walk over a page, for tests/support/audit.py (WCAG 2.1.1, 2.4.3, 2.4.7,
2.4.11): from the top, the skip link first, every control reached once, in
document order, each with a visible focus ring, on screen and not covered.

Each stop is judged in the page itself when the key comes up
(tests/support/focus.js, an init script of the context), so a walk costs its
key presses and a single read of the log, not a round trip per stop. A stop
that looks off screen or covered at that moment is walked to once more and
judged after the theme has reacted (it does so to some focus changes a frame
later: the search field opens its panel), as a user would see it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page

FOCUS_SCRIPT = Path(__file__).with_name("focus.js")


def install(context: BrowserContext) -> None:
    """The walk's judge in every page the context opens from now on."""
    context.add_init_script(path=str(FOCUS_SCRIPT))


def press_tab(page: Page, times: int = 1) -> None:
    # Playwright's press, as a user's key: one round trip per press. (Two
    # Input.dispatchKeyEvent calls through a CDP session cost more here.)
    for _ in range(times):
        page.keyboard.press("Tab")


def tab_through(page: Page, expected: int) -> list[dict[str, Any]]:
    """Press Tab from the top of the page until focus leaves the page or comes
    round again (at most twice the expected stops and 20 more); the state of
    each stop."""
    limit = expected * 2 + 20
    page.evaluate("() => __mdxFocus.reset()")
    # Presses in batches, the log read after each: the first batch as many as
    # the page should need, with some to spare. Presses after the end of the
    # walk do nothing (focus.js), so focus ends where the walk ended.
    pressed, batch = 0, expected + expected // 4 + 2
    while True:
        batch = min(batch, limit - pressed)
        press_tab(page, batch)
        pressed += batch
        log = page.evaluate("() => __mdxFocus.log()")
        if log["over"] or pressed >= limit:
            break
        batch = 8
    stops: list[dict[str, Any]] = []
    seen: set[str] = set()
    for state in log["stops"]:
        if state is None or state["id"] in seen:
            break
        seen.add(state["id"])
        stops.append(state)
    return stops


def settle(page: Page, stops: list[dict[str, Any]]) -> None:
    """Judge again, as the user sees it once the theme has reacted, each stop
    that looked off screen or covered the moment focus got there: focus the
    stop before it, Tab to it once more and let the page settle."""
    for index, stop in enumerate(stops):
        if stop["onScreen"] and not stop["covered"]:
            continue
        if index == 0:
            page.evaluate("() => __mdxFocus.reset()")
        else:
            page.evaluate("(id) => __mdxFocus.focus(id)", stops[index - 1]["id"])
        press_tab(page)
        again = page.evaluate("() => __mdxFocus.settled()")
        if again is None or again["id"] != stop["id"]:
            stop["covered"] = f"(could not be judged again: Tab from the stop before went elsewhere) {stop['covered']}"
            continue
        stop.update(onScreen=again["onScreen"], covered=again["covered"], ring=again["ring"])


def tab_order_problems(page: Page, where: str) -> tuple[list[str], int]:
    """What is wrong with the Tab order of the page as it is now, and the
    number of stops. The page's context needs ``install``."""
    stops = tab_through(page, len(page.evaluate("() => __mdxFocus.expected()")))
    # What should have been reached, with focus where the walk left it.
    expected = page.evaluate("() => __mdxFocus.expected()")
    settle(page, stops)
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
    for element in expected:
        if element["id"] not in reached:
            problems.append(f"never reached by Tab: {element['name']}")
    return problems, len(stops)
