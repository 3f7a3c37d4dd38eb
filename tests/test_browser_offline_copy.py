"""The offline copy as a visitor meets it on a real host (tests/support/host.py):
what a first visit costs, what works offline after which visit, and what a
deploy does to a visitor who comes back or still has a page of the old build
open. A deploy is simulated by switching the host to another folder: a copy
of the built site with pages and runtime files changed and sw.js written
again by the build's own code."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sitebuild import runtime, service_worker

import checks
import checks.engine
from tests.support.browser import (
    answer,
    assert_failed_in_dutch,
    new_watched_context,
    wait_for_node,
    wait_for_python,
)
from tests.support.deploys import deployed, mark_page, uploaded
from tests.support.host import Host, hosting
from tests.support.offline import relay_runtime_stored, wait_until_runtime_stored

pytestmark = [pytest.mark.browser, pytest.mark.long]

FIRST_VISIT_BUDGET = 2_000_000
RUNTIME_PATH = "/" + service_worker.RUNTIME_PREFIX
SERVICE_WORKER_TIMEOUT_MS = 60_000


# --- Browser helpers --------------------------------------------------------------------


@pytest.fixture
def fresh(browser: Browser, site_dir: Path) -> Iterator[tuple[BrowserContext, Page, str, Host]]:
    with hosting(site_dir) as (url, host):
        context, _ = new_watched_context(browser, url)
        relay_runtime_stored(context)
        try:
            yield context, context.new_page(), url, host
        finally:
            context.close()


@pytest.fixture
def after_a_check_page(fresh, site_dir: Path) -> tuple[BrowserContext, Page, str, Host]:
    """``fresh`` after a first visit to the kindcheck: the service worker
    controls the page, Python runs, and every Python file is stored."""
    context, page, url, host = fresh
    page.goto(url + "kindcheck/")
    wait_until_controlled(page)
    wait_for_python(page, "kindcheck")
    # Python is stored once it runs (mdx-offline.mjs); the service worker answers when it is.
    assert wait_until_runtime_stored(page) == {"ok": True}
    assert_runtime_cached(page, site_dir)
    return fresh


def wait_until_controlled(page: Page) -> None:
    """The service worker has stored the core and controls this page."""
    # page.evaluate has no timeout of its own: the race is the deadline.
    page.evaluate(
        """(timeout) => Promise.race([
            navigator.serviceWorker.ready,
            new Promise((_, reject) => setTimeout(() => reject(new Error("no service worker got ready")), timeout)),
        ]).then(() => undefined)""",
        SERVICE_WORKER_TIMEOUT_MS,
    )
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=SERVICE_WORKER_TIMEOUT_MS)


def cached(page: Page) -> dict[str, list[str]]:
    return page.evaluate(
        """async () => {
            const out = {};
            for (const name of await caches.keys()) {
                out[name] = (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname);
            }
            return out;
        }"""
    )


def runtime_paths(site: Path) -> set[str]:
    python = service_worker.manifests(site).runtime
    return {"/" + path for path in python}


def assert_runtime_cached(page: Page, site: Path) -> None:
    """Every Python file of this build is in the active worker's cache."""
    stored = page.evaluate(
        """async (paths) => {
            const names = (await caches.keys()).filter((name) => name.startsWith("mdx-"));
            for (const name of names) {
                const cache = await caches.open(name);
                const found = await Promise.all(paths.map((path) => cache.match(path, { ignoreVary: true })));
                if (found.every(Boolean)) return true;
            }
            return false;
        }""",
        sorted(runtime_paths(site)),
    )
    assert stored, "not every Python file of this build is in the service worker's cache"


def wait_until_no_worker(page: Page) -> str:
    """Once the install has begun: wait until it ends. Returns "no worker" when
    it failed (the installing worker became redundant) and nothing else is
    registered, otherwise the state it reached."""
    return page.evaluate(
        """async (timeout) => {
            const registration = await navigator.serviceWorker.getRegistration();
            const noneOther = () => registration === undefined || (registration.waiting === null && registration.active === null);
            const worker = registration?.installing;
            if (!worker) return noneOther() ? "no worker" : "a worker took over";
            const ended = new Promise((resolve) => {
                const check = () => {
                    if (worker.state === "redundant") resolve(noneOther() ? "no worker" : "another worker");
                    else if (worker.state !== "installing") resolve(worker.state);
                };
                worker.addEventListener("statechange", check);
                check();
            });
            // page.evaluate has no timeout of its own: this is the deadline.
            const late = new Promise((resolve) => setTimeout(() => resolve(`still ${worker.state}`), timeout));
            return Promise.race([ended, late]);
        }""",
        SERVICE_WORKER_TIMEOUT_MS,
    )


def update_and_wait_for_new_worker(page: Page) -> None:
    """Ask the browser to check for a new sw.js (as it does on navigation) and
    wait until the new build's worker has installed and waits."""
    state = page.evaluate(
        """async (timeout) => {
            let seen = "no answer from update()";
            const settled = (async () => {
                const registration = await navigator.serviceWorker.getRegistration();
                // update() settles once a new worker, if any, is installing.
                await registration.update();
                const worker = registration.waiting ?? registration.installing;
                if (worker === null) return "no new worker";
                return new Promise((resolve) => {
                    const check = () => {
                        seen = `still ${worker.state}`;
                        if (["installed", "redundant"].includes(worker.state)) resolve(worker.state);
                    };
                    worker.addEventListener("statechange", check);
                    check();
                });
            })();
            // page.evaluate has no timeout of its own: this is the deadline.
            const late = new Promise((resolve) => setTimeout(() => resolve(seen), timeout));
            return Promise.race([settled, late]);
        }""",
        SERVICE_WORKER_TIMEOUT_MS,
    )
    assert state == "installed", f"the new build's service worker: {state}"


def answer_through(page: Page, check: checks.engine.Check, answers: list[str], start: int = 0) -> None:
    """Answer from question ``start`` on, as a user does, and wait for the step after the last answer."""
    for position in range(start, len(answers)):
        wait_for_node(page, check, check.step(answers[:position]).id)
        answer(page, check.name, answers[position])
    wait_for_node(page, check, check.step(answers).id)


def build_shown(page: Page) -> str:
    expect(page.locator("h1").first).to_be_visible()
    return page.locator("h1").first.get_attribute("data-build") or "A"


# --- A first visit ----------------------------------------------------------------------


def test_a_first_content_page_moves_at_most_2_mb_and_no_python_then_pages_and_schemes_work_offline(fresh) -> None:
    # One profile for both: what the first visit moved is judged before
    # anything else happens in it.
    context, page, url, host = fresh
    page.goto(url + "signalen/")
    wait_until_controlled(page)
    sent = host.sent()
    python = sorted({s.path for s in sent if s.path.startswith(RUNTIME_PATH)})
    assert python == [], "a content page's visit downloaded Python files"
    total = sum(s.size for s in sent)
    assert total <= FIRST_VISIT_BUDGET, f"{total} bytes for one content page, its service worker included"
    # ...and it did store what other pages need.
    [paths] = cached(page).values()
    assert {"/kindcheck/", "/afwegingskader/", "/"} <= set(paths)

    # After that one content page, offline: another page, and each check's scheme.
    context.set_offline(True)
    response = page.goto(url)
    assert response is not None and response.ok and response.from_service_worker
    expect(page.locator("h1").first).to_be_visible()
    for name in checks.names():
        page.goto(url + checks.get(name).page.lstrip("/"))
        # Without Python the check says so in Dutch and points to its scheme.
        assert_failed_in_dutch(page, name)


# Each check offline after a first visit to a check page: the end of
# tests/test_browser_offline_privacy.py's walk (the download button below
# stores Python the same way, from this host, and goes offline after it).


def test_the_download_button_stores_the_checks_for_offline_use(fresh, site_dir: Path) -> None:
    context, page, url, host = fresh
    page.goto(url + "veilig-gebruik/")
    wait_until_controlled(page)
    assert not any(s.path.startswith(RUNTIME_PATH) for s in host.sent())
    offer = page.locator("[data-mdx-offline]")
    expect(offer).to_contain_text(service_worker.download_size_text(service_worker.runtime_bytes(site_dir)))
    offer.get_by_role("button", name="Download de checks voor gebruik zonder internet").click()
    expect(offer.get_by_role("status")).to_contain_text("Klaar", timeout=SERVICE_WORKER_TIMEOUT_MS)
    context.set_offline(True)
    page.goto(url + "afwegingskader/")
    wait_for_python(page, "afwegingskader")


# --- Deploys ----------------------------------------------------------------------------


def test_an_open_page_of_the_old_build_keeps_working_and_a_reload_gets_the_new_one(
    after_a_check_page, site_dir: Path, tmp_path: Path
) -> None:
    context, page, url, host = after_a_check_page
    second = deployed(site_dir, tmp_path / "second", pages=["kindcheck", "afwegingskader", "signalen"], new_runtime=True)
    kindcheck = checks.get("kindcheck")
    answer_through(page, kindcheck, ["ja"])

    host.deploy(second)
    update_and_wait_for_new_worker(page)
    # The open page goes on with its own build: its check, and a link to
    # another page of that build (whose Python the server no longer has).
    answer_through(page, kindcheck, ["ja", "nee"], start=1)
    page.get_by_role("link", name="Afwegingskader").first.click()
    page.wait_for_url(url + "afwegingskader/")
    assert build_shown(page) == "A"
    wait_for_python(page, "afwegingskader")
    answer_through(page, checks.get("afwegingskader"), ["ja"])

    # A reload (the only page of the old build) gets the new build,
    # Python included, and offline works after it.
    page.reload()
    expect(page.locator('h1[data-build="B"]')).to_be_visible(timeout=SERVICE_WORKER_TIMEOUT_MS)
    wait_for_python(page, "afwegingskader")
    assert wait_until_runtime_stored(page) == {"ok": True}
    assert_runtime_cached(page, second)
    context.set_offline(True)
    page.goto(url + "kindcheck/")
    assert build_shown(page) == "B"
    wait_for_python(page, "kindcheck")
    answer_through(page, kindcheck, ["nee"])
    page.goto(url + "signalen/")
    assert build_shown(page) == "B"
    names = list(cached(page))
    assert len(names) == 1, f"the old build's cache is left behind: {names}"


def test_a_deploy_that_changes_one_page_costs_that_page_and_the_service_worker(
    after_a_check_page, site_dir: Path, tmp_path: Path
) -> None:
    context, page, url, host = after_a_check_page
    second = deployed(site_dir, tmp_path / "second", pages=["signalen"])
    page.goto(url + "signalen/")
    since = len(host.sent())
    host.deploy(second)
    update_and_wait_for_new_worker(page)
    # The host logs a response once its connection closes, a moment
    # after the browser has it.
    host.wait_for("/signalen/", since)
    # Not even a revalidation of what did not change.
    asked = sorted({s.path for s in host.sent(since)})
    assert asked == ["/signalen/", "/sw.js"]
    # The new build's cache holds the runtime too (copied, not downloaded).
    page.reload()
    expect(page.locator('h1[data-build="B"]')).to_be_visible(timeout=SERVICE_WORKER_TIMEOUT_MS)
    # The new worker serves this page, so its install has finished, and the
    # install copies the runtime when the old cache held it.
    assert_runtime_cached(page, second)


def test_files_that_do_not_match_the_build_are_never_stored(browser: Browser, site_dir: Path, tmp_path: Path) -> None:
    # A half-uploaded deploy: sw.js and most files are new, two are not.
    broken = deployed(site_dir, tmp_path / "broken", pages=[])
    mark_page(broken, "signalen", "half-uploaded")
    loader = broken / runtime.RUNTIME_DIR / "pyodide.asm.mjs"
    loader.write_bytes(loader.read_bytes() + b"\n// half-uploaded\n")
    uploaded(site_dir, broken)
    with hosting(broken) as (url, host):
        context, _ = new_watched_context(browser, url)
        try:
            page = context.new_page()
            page.goto(url)
            host.wait_for("/signalen/")
            # The install fails on the page that does not match: no worker takes over.
            assert wait_until_no_worker(page) == "no worker", "a worker installed from a half-uploaded deploy"
            assert "/signalen/" in {s.path for s in host.sent()}, "the install never asked for the page"
            stored = [path for paths in cached(page).values() for path in paths]
            assert "/signalen/" not in stored
        finally:
            context.close()
    # With the pages right, a Python file that does not match is neither used nor stored.
    shutil.copyfile(site_dir / "signalen" / "index.html", broken / "signalen" / "index.html")
    with hosting(broken) as (url, host):
        context, watch = new_watched_context(browser, url)
        try:
            page = context.new_page()
            page.goto(url)
            wait_until_controlled(page)
            page.goto(url + "kindcheck/")
            assert_failed_in_dutch(page, "kindcheck")
            stored = [path for paths in cached(page).values() for path in paths]
            assert f"{RUNTIME_PATH}pyodide.asm.mjs" not in stored
        finally:
            context.close()
