"""WCAG 1.4.10 Reflow in the browser tests: does the page, as it is now, fit
320 CSS px and a 1280 px window at 200% zoom without scrolling sideways?
Shared by the page audit (tests/support/audit.py) and the walk through every
state of the checks (tests/test_browser_checks.py)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

DESKTOP = {"width": 1280, "height": 800}
# WCAG 1.4.10 Reflow: 320 CSS px wide.
NARROW = {"width": 320, "height": 640}
# A 1280 x 800 window zoomed to 200%. Browser zoom makes each CSS px two
# device px, so the page lays out in a 640 x 400 CSS px viewport with a device
# pixel ratio of 2: exactly what Playwright's viewport plus device_scale_factor
# gives (media queries, layout and rem sizes all see what they see at 200%).
# CSS `zoom` on the body would not do: the viewport and media queries would
# stay at 1280 px, so the layout the zoomed reader gets is never tested.
ZOOM_200 = {"width": 640, "height": 400}
ZOOM_FACTOR = 2


def horizontal_overflow(page: Page) -> dict[str, Any] | None:
    """None when the page fits the width of its viewport: the page does not
    scroll sideways and nothing of the content sticks out of the screen
    (which a container with overflow hidden would otherwise cut off unseen).
    Content in its own scrolling box (a wide table) is left to axe, which
    fails such a box when the keyboard cannot scroll it."""
    return page.evaluate(
        """() => {
            const root = document.documentElement;
            const width = root.clientWidth;
            const inScroller = (el) => {
                for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                    const x = getComputedStyle(p).overflowX;
                    if (x === "auto" || x === "scroll") return true;
                }
                return false;
            };
            const culprits = [...document.querySelectorAll(".md-content *")]
                .filter((el) => {
                    const rect = el.getBoundingClientRect();
                    return rect.width > 1 && (rect.right > width + 1 || rect.left < -1)
                        && el.checkVisibility({visibilityProperty: true}) && !inScroller(el);
                })
                .slice(0, 8)
                .map((el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
                     + (el.classList.length ? "." + [...el.classList].join(".") : "")
                     + ` left=${Math.round(el.getBoundingClientRect().left)}`
                     + ` right=${Math.round(el.getBoundingClientRect().right)}`);
            if (root.scrollWidth <= width && culprits.length === 0) return null;
            return {scrollWidth: root.scrollWidth, clientWidth: width, culprits};
        }"""
    )


def reflow_problem(page: Page, where: str, label: str) -> str | None:
    """Sideways scrolling of the page as it is now, at its current viewport
    (``label`` names it in the report)."""
    if overflow := horizontal_overflow(page):
        return f"{where} at {label}: {overflow}"
    return None


def reflow_problems(page: Page, where: str) -> list[str]:
    """Sideways scrolling of the page as it is now, at 200% zoom and at 320 px
    (the viewport is put back afterwards). 200% zoom needs a context with
    ``device_scale_factor=ZOOM_FACTOR``."""
    before = page.viewport_size
    problems = []
    for label, viewport in (("200% zoom", ZOOM_200), ("320 px", NARROW)):
        page.set_viewport_size(viewport)
        if problem := reflow_problem(page, where, label):
            problems.append(problem)
    if before:
        page.set_viewport_size(before)
    return problems
