// The Tab walk's eyes in the page (tests/support/focus.py), loaded as an init
// script into every document of the walk's browser context.
//
// Each Tab press is judged where it lands, as a sighted keyboard user would
// see it: is there a focus ring, is the element on screen and not covered,
// does it come after the previous stop in the document (no positive tabindex,
// no jumps back)? The judgement is taken on the key's keyup, after the
// browser has moved focus and scrolled to it, and kept in a log that the test
// reads once after all its presses (not one round trip per press).
(() => {
    "use strict";

    const ids = new WeakMap();
    const byId = new Map();
    const log = [];
    const logged = new Set();
    let previous = null;
    // Once focus has left the page or come round again, the walk is over:
    // further presses of the same batch change nothing.
    let over = false;

    /** A stable id for an element, shared with the list of expected stops. */
    const idOf = (el) => {
        if (!ids.has(el)) {
            const id = "f" + (byId.size + 1);
            ids.set(el, id);
            byId.set(id, el);
        }
        return ids.get(el);
    };

    const nameOf = (el, text) =>
        el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
        + (el.classList.length ? "." + [...el.classList].filter((c) => c !== "focus-visible").join(".") : "")
        + (text ? ` "${text.slice(0, 40)}"` : "");

    /** Where the element is: on screen at all, and if so, covered by what. */
    const place = (el) => {
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

    const hasRing = (el) => {
        const style = getComputedStyle(el);
        return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2)
            || (style.boxShadow !== "none" && style.boxShadow !== "");
    };

    const focused = () => {
        const el = document.activeElement;
        return !el || el === document.body || el === document.documentElement ? null : el;
    };

    /** The state of the stop that has focus now (null: focus left the page). */
    const stop = () => {
        const el = focused();
        if (!el) return null;
        const follows = !previous || previous === el
            || Boolean(previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        previous = el;
        const text = (el.getAttribute("aria-label") || el.textContent || el.value || "").trim().replace(/\s+/g, " ");
        return {
            id: idOf(el), name: nameOf(el, text), skip: el.classList.contains("md-skip"),
            ring: hasRing(el), follows, ...place(el),
        };
    };

    addEventListener("keydown", (event) => {
        if (over && event.key === "Tab") {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);
    addEventListener("keyup", (event) => {
        if (event.key !== "Tab") return;
        if (over) {
            event.stopImmediatePropagation();
            return;
        }
        const state = stop();
        log.push(state);
        over = state === null || logged.has(state.id);
        if (state) logged.add(state.id);
    }, true);

    Object.defineProperty(window, "__mdxFocus", {value: Object.freeze({
        /** Start a walk: nothing focused, at the top, an empty log. */
        reset() {
            document.activeElement?.blur();
            scrollTo(0, 0);
            previous = null;
            log.length = 0;
            logged.clear();
            over = false;
        },
        /** The stops logged since the reset, and whether the walk is over. */
        log: () => ({stops: log, over}),
        /** Focus the stop with this id again, from a script, to Tab on from it. */
        focus(id) {
            byId.get(id).focus();
            over = false;
        },
        /** The place of the stop that has focus, judged once the theme has
            reacted to the focus change: it reacts to some a frame later (the
            search field opens its panel). */
        async settled() {
            const el = focused();
            if (!el) return null;
            let where = place(el);
            if (!where.onScreen || where.covered) {
                for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
                where = place(el);
            }
            return {id: idOf(el), ring: hasRing(el), ...where};
        },
        /** Every control a keyboard user should be able to reach on the page as it is. */
        expected() {
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
                const text = (el.getAttribute("aria-label") || el.textContent || "").trim().replace(/\s+/g, " ");
                return {id: ids.get(el) ?? null, name: nameOf(el, text)};
            });
        },
    })});
})();
