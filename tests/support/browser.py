"""Headless Chromium for the browser tests: the system Chromium, driven by
Playwright (its own browser download does not work on these machines)."""

from __future__ import annotations

import contextlib
import datetime
import difflib
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Locator, Page, Request, Response, Route, expect

import checks
from checks.engine import Check, Outcome, Question
from checks.render import caption, record_text
from tests.support.site import page_file, redirect_target

# Without these, Chromium phones home at start-up; on a closed network that
# means refused connections that have nothing to do with the site.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    """The system Chromium; CHROMIUM may name another binary."""
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser"):
        if candidate and (path := shutil.which(candidate)):
            return path
    raise RuntimeError(
        "No Chromium found: install the Debian package 'chromium' (`make test` does this) "
        "or set CHROMIUM to a Chromium binary."
    )


@dataclass
class PageWatch:
    """Everything a page did that the tests judge: requests, console errors,
    uncaught exceptions and Content-Security-Policy violations."""

    origin: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # The requests of pages and their workers, without the service worker's
    # own (its precache fetches every file of the site by design).
    page_requests: list[str] = field(default_factory=list)
    # Requests that got no response: "url (reason)".
    failed: list[str] = field(default_factory=list)
    # Responses with an HTTP error status, so "Failed to load resource" names its URL.
    bad_responses: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, context: BrowserContext, origin: str) -> PageWatch:
        """A watch on everything ``context`` does from now on."""
        watch = cls(origin=origin)
        watch.attach(context)
        return watch

    def attach(self, context: BrowserContext) -> None:
        context.on("request", self._on_request)
        context.on("console", self._on_console)
        context.on("weberror", lambda error: self.errors.append(f"uncaught: {error.error}"))
        context.on("requestfailed", lambda request: self.failed.append(f"{request.url} ({request.failure})"))
        context.on("response", self._on_response)

    def _on_request(self, request: Request) -> None:
        self.requests.append(request.url)
        if request.service_worker is None:
            self.page_requests.append(request.url)

    def _on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.bad_responses.append(f"{response.status} {response.url}")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def foreign_requests(self) -> list[str]:
        """Requests to any origin but the site's own (data: and blob: stay on the device)."""
        own = urlsplit(self.origin)
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob")
            and (urlsplit(url).scheme, urlsplit(url).netloc) != (own.scheme, own.netloc)
        ]

    def csp_violations(self) -> list[str]:
        return [error for error in self.errors if "Content Security Policy" in error]


def storage_written(page: Page) -> dict[str, object]:
    """What the page keeps on the device: Web Storage, cookies, IndexedDB databases."""
    return page.evaluate(
        """async () => ({
            localStorage: localStorage.length,
            sessionStorage: sessionStorage.length,
            cookies: document.cookie,
            indexedDB: (await indexedDB.databases()).map((db) => db.name),
        })"""
    )


# --- Driving the checks like a user (browser tests of the checks) -----------------

# Pyodide starts in about five seconds on a cold profile; this only guards a hang.
READY_TIMEOUT_MS = 90_000
# One step of a check once Python runs (a request to the worker and a re-render).
STEP_TIMEOUT_MS = 15_000
# The words the page uses while Python loads (mdx-check.mjs).
NOT_READY_MESSAGE = "Even geduld: de check wordt geladen."
# The words the page must use when Python cannot start (mdx-check.mjs).
FAILED_MESSAGE = "De stap-voor-stap check kan in deze browser niet starten."
# Once a runtime file has failed, saying so takes no more than loading the
# rest of the runtime would.
FAILED_TIMEOUT_MS = 30_000


def new_watched_context(browser: Browser, origin: str, **options: Any) -> tuple[BrowserContext, PageWatch]:
    """A fresh profile like the ``context`` fixture, with options (no JavaScript,
    no service worker...), recorded by its own PageWatch. The caller closes it."""
    context = browser.new_context(locale="nl-NL", **options)
    watch = PageWatch.of(context, origin)
    return context, watch


class HeldWasm:
    """Holds a profile's WebAssembly requests (``context.route("**/*.wasm",
    held.handle)``) until the test lets them through or aborts them; once
    released, later requests go straight through."""

    def __init__(self) -> None:
        self.held: list[Route] = []
        self.released = False
        # Routes held so far, including those the test took from ``held``.
        self.count = 0

    def handle(self, route: Route) -> None:
        if self.released:
            route.continue_()
        else:
            self.held.append(route)
            self.count += 1

    @contextlib.contextmanager
    def asked(self, page: Page, timeout: float = FAILED_TIMEOUT_MS) -> Iterator[None]:
        """Around what makes the page (or its worker) ask for the wasm: returns
        once that request is held. Playwright reports a request, then hands its
        route to the handler; both are sent together, so one round trip after
        the request has the route in ``held``."""
        before = self.count
        with page.context.expect_event("request", predicate=_is_wasm, timeout=timeout):
            yield
        page.evaluate("() => 0")
        assert self.count > before, "the page asked for the WebAssembly runtime, but no route was held"

    def release(self) -> None:
        self.released = True
        for route in self.held:
            route.continue_()


def _is_wasm(request: Request) -> bool:
    return urlsplit(request.url).path.endswith(".wasm")


def page_url(base_url: str, relative: str) -> str:
    return base_url + relative.lstrip("/")


def check_root(page: Page, name: str) -> Locator:
    return page.locator(f'[data-check="{name}"]')


def assert_failed_in_dutch(page: Page, name: str) -> None:
    """The check says in Dutch that it cannot start and points to the scheme."""
    root = check_root(page, name)
    expect(root).to_have_attribute("data-python", "failed", timeout=FAILED_TIMEOUT_MS)
    status = root.get_by_role("status")
    expect(status).to_contain_text(FAILED_MESSAGE)
    expect(status).to_contain_text("schema")
    expect(status).not_to_contain_text("Even geduld")
    # The question stays in view; the buttons that need Python go.
    expect(root.locator(".mdx-check__step form[data-question]")).to_be_visible()
    expect(root.get_by_role("button", name="Volgende")).to_be_hidden()
    expect(root.locator(".mdx-check__fallback")).to_be_visible()
    expect(page.locator(f'[data-check-scheme="{name}"]')).to_be_visible()


def python_state(page: Page, name: str) -> str | None:
    return check_root(page, name).get_attribute("data-python")


def wait_for_python(page: Page, name: str, timeout: float = READY_TIMEOUT_MS) -> None:
    """Wait until the check's Python has started or failed; fail unless it started."""
    page.wait_for_function(
        """(name) => {
            const root = document.querySelector(`[data-check="${name}"]`);
            return root !== null && root.dataset.python !== "loading";
        }""",
        arg=name,
        timeout=timeout,
    )
    state = python_state(page, name)
    status = check_root(page, name).locator(".mdx-check__status").text_content()
    assert state == "ready", f"{name}: Python is {state!r}, status {status!r}"


def node_locator(page: Page, check: Check, node_id: str) -> Locator:
    """The step as shown in the check's container: a question's form or the outcome."""
    root = check_root(page, check.name)
    if node_id in check.questions:
        return root.locator(f'form.mdx-check__form[data-question="{node_id}"]')
    return root.locator(f'.mdx-check__step [data-outcome="{node_id}"]')


def wait_for_node(page: Page, check: Check, node_id: str, timeout: float = STEP_TIMEOUT_MS) -> Locator:
    locator = node_locator(page, check, node_id)
    locator.wait_for(state="visible", timeout=timeout)
    return locator


def check_page(name: str) -> str:
    """The check's page relative to the site's root, e.g. "waar-begin-ik/"."""
    return checks.get(name).page.lstrip("/")


def choose(page: Page, name: str, answer_id: str) -> None:
    """Pick an answer by its visible label, as a user does: the label the
    question on screen gives this answer id."""
    root = check_root(page, name)
    question_id = root.locator("form[data-question]").get_attribute("data-question")
    answer = checks.get(name).questions[question_id].answer(answer_id)
    assert answer is not None, f"{name} {question_id} offers no answer {answer_id!r}"
    root.get_by_label(answer.label, exact=True).check()


def press_volgende(page: Page, name: str) -> None:
    check_root(page, name).get_by_role("button", name="Volgende", exact=True).click()


def answer(page: Page, name: str, answer_id: str) -> None:
    choose(page, name, answer_id)
    press_volgende(page, name)


def walk(
    page: Page,
    check: Check,
    answers: tuple[str, ...] | list[str],
    visit: Callable[[Question | Outcome, Locator], None] | None = None,
) -> Locator:
    """Click through ``answers`` from the first question (which must be shown);
    asserts each question on the way (its caption, text and exact answer labels)
    and returns the outcome's element. ``visit(node, shown)`` is called at each
    step as it shows, before it is answered (the accessibility audit)."""
    for position in range(len(answers) + 1):
        node = check.step(list(answers[:position]))
        shown = wait_for_node(page, check, node.id)
        if visit is not None:
            visit(node, shown)
        if isinstance(node, Question):
            legend = shown.locator("legend")
            shown_caption = legend.locator(".mdx-check__caption").inner_text()
            assert shown_caption == caption(check, node), f"{check.name} {node.id}: caption {shown_caption!r}"
            shown_text = legend.locator(".mdx-check__question").inner_text()
            assert shown_text == node.text, f"{check.name} {node.id}: question {shown_text!r}"
            labels = shown.locator(".mdx-check__radio label").all_inner_texts()
            assert labels == [a.label for a in node.answers], f"{check.name} {node.id}: {labels}"
            answer(page, check.name, answers[position])
    return shown


def active_element(page: Page) -> dict[str, Any] | None:
    """What has focus: id, tag, classes and text of document.activeElement (None for the body)."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            return {id: el.id, tag: el.tagName.toLowerCase(), classes: [...el.classList],
                    text: el.textContent.trim(), type: el.getAttribute("type"), value: el.value ?? null,
                    inCheck: el.closest("[data-check]")?.dataset.check ?? null};
        }"""
    )


def history_entries(page: Page) -> list[dict[str, Any]]:
    """The tab's history as the Navigation API sees it: each entry's URL and state."""
    return page.evaluate("() => navigation.entries().map((e) => ({url: e.url, state: e.getState() ?? null}))")


def wait_for_service_worker(page: Page, timeout: float = READY_TIMEOUT_MS) -> None:
    """Wait until the service worker has installed (so precached everything)
    and controls this page, reloading once if it did not claim the page."""
    # page.evaluate has no timeout of its own: the race is the deadline.
    page.evaluate(
        """(timeout) => Promise.race([
            navigator.serviceWorker.ready,
            new Promise((_, reject) => setTimeout(() => reject(new Error("no service worker got ready")), timeout)),
        ]).then(() => undefined)""",
        timeout,
    )
    try:
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=10_000)
    except Exception:  # noqa: BLE001 - Playwright's TimeoutError; one reload, then fail below
        page.reload()
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=timeout)


def cached_urls(page: Page) -> dict[str, list[str]]:
    """Cache Storage: each cache's name and the URLs it holds."""
    return page.evaluate(
        """async () => {
            const out = {};
            for (const name of await caches.keys()) {
                out[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
            }
            return out;
        }"""
    )


def instant_navigation_on_this_port(context: BrowserContext, base_url: str) -> None:
    """Let the theme's instant navigation work on the test server.

    The theme navigates instantly only to URLs listed in sitemap.xml, which
    names the production host (site_url). It maps those URLs onto the current
    protocol and hostname but keeps their port, so on a test server's random
    port no link would qualify. Serve the sitemap as the production host
    would see it: with this server's origin in every <loc>."""

    def rewrite(route: Any) -> None:
        response = route.fetch()
        body = re.sub(r"<loc>https?://[^/<]+/", f"<loc>{base_url}", response.text())
        route.fulfill(response=response, body=body)

    context.route(base_url + "sitemap.xml", rewrite)


def open_site_page(page: Page, base_url: str, site_dir: Path, relative: str) -> Any:
    """Load a page of the site as a visitor does; a redirect stub is followed to
    its target. Returns the response of the first document."""
    response = page.goto(page_url(base_url, relative))
    target = redirect_target(page_file(site_dir, "/" + relative).read_text(encoding="utf-8"), relative)
    if target is not None:
        page.wait_for_url(lambda url: urlsplit(url).path == "/" + target)
    page.wait_for_load_state("load")
    return response


def summary_lines(page: Page, name: str) -> list[str]:
    """The samenvatting voor het dossier as shown, line by line."""
    return check_root(page, name).locator(".mdx-check__summary").text_content().split("\n")


def assert_summary(page: Page, check: Check, answers: Any, before: datetime.date) -> None:
    """The summary shown equals CPython's ``check.summary(answers, today)`` line
    by line (or the one for ``before``, when the path was clicked across midnight)."""
    shown = summary_lines(page, check.name)
    today = datetime.date.today()
    if before != today and shown == record_text(check, list(answers), before).split("\n"):
        return
    expected = record_text(check, list(answers), today).split("\n")
    # Not rewritten by pytest (a support module): say what differs.
    diff = "\n".join(difflib.unified_diff(expected, shown, "CPython record_text()", "shown in the page", lineterm=""))
    assert shown == expected, f"{check.name} {list(answers)}: the summary differs\n{diff}"
