"""Offline after the first visit, and nothing leaves the device: no request to
another host, nothing in storage or the URL, no CSP violation, over every page
of the site and a path through each check.

One walk judges both. The first visit (a check page, its whole path) is
online with the host up; then the host stops answering, so every page and
every check after it must come from the service worker, while the browser
stays online: whatever a page would send only when online is still sent,
and seen. No code of the site reads navigator.onLine, so it is the host,
not the browser's state, that decides what the service worker must answer.
At the end the browser goes offline too and clicks through each check
(the browser's offline mode for pages: tests/test_browser_offline_copy.py)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import Error as PlaywrightError

from sitebuild import service_worker

import checks
from tests.support.browser import (
    check_page,
    PageWatch,
    assert_summary,
    cached_urls,
    history_entries,
    new_watched_context,
    open_site_page,
    page_url,
    storage_written,
    wait_for_python,
    wait_for_service_worker,
    walk,
)
from tests.support.host import hosting
from tests.support.offline import relay_runtime_stored, wait_until_runtime_stored
from tests.support.site import site_pages

pytestmark = [pytest.mark.browser, pytest.mark.long]

NOTHING_STORED = {"localStorage": 0, "sessionStorage": 0, "cookies": "", "indexedDB": []}


def longest_path(name: str) -> tuple[tuple[str, ...], str]:
    answers, outcome = max(checks.get(name).paths(), key=lambda path: len(path[0]))
    return answers, outcome.id


def do_check(page: Page, base_url: str, name: str) -> Any:
    """Open the check and click its longest path to the outcome and summary;
    returns the response of the check's page."""
    response = page.goto(page_url(base_url, check_page(name)))
    before = datetime.date.today()
    wait_for_python(page, name)
    answers, outcome = longest_path(name)
    shown = walk(page, checks.get(name), answers)
    expect(shown).to_have_attribute("data-outcome", outcome)
    assert_summary(page, checks.get(name), answers, before)
    return response


def assert_answers_stay_out_of_the_url_and_history(page: Page, base_url: str, name: str, visits: int) -> None:
    """After the ``visits``-th visit to the check's page in this tab, each a whole path."""
    url = page_url(base_url, check_page(name))
    # The answers are not in the address bar, nor in any history entry.
    assert page.url == url
    # The Navigation API names no address for an entry of another origin.
    entries = [entry for entry in history_entries(page) if entry["url"] is not None]
    # The steps add no entries (README, "The checks in the browser"): one per visit.
    assert len([e for e in entries if e["url"] == url]) == visits, entries
    with_query = [entry["url"] for entry in entries if urlsplit(entry["url"]).query]
    assert with_query == [], f"history entries with a query string: {with_query}"
    assert {entry["url"] for entry in entries if entry["url"].startswith(url)} == {url}, entries
    # The Navigation API's state of each entry, and history.state of this one
    # (a separate store that navigation.entries() does not show).
    states = json.dumps([entry["state"] for entry in entries] + [page.evaluate("() => history.state")])
    answer_ids = {a.id for q in checks.get(name).questions.values() for a in q.answers}
    assert not any(f'"{answer}"' in states for answer in answer_ids), states


def test_every_page_and_each_check_work_offline_after_a_check_page_and_nothing_leaves_the_device(
    browser: Browser, site_dir: Path
) -> None:
    pages = site_pages(site_dir)
    check_pages = {check_page(name): name for name in checks.names()}
    assert len(pages) > 10 and set(check_pages) <= set(pages)

    with hosting(site_dir) as (base_url, host):
        context, watch = new_watched_context(browser, base_url)
        try:
            relay_runtime_stored(context)
            page = context.new_page()
            walk_every_page(page, watch, base_url, site_dir, pages, check_pages, host.go_down)
        finally:
            context.close()


def walk_every_page(
    page: Page,
    watch: PageWatch,
    base_url: str,
    site_dir: Path,
    pages: list[str],
    check_pages: dict[str, str],
    go_down: Callable[[], None],
) -> None:
    # --- The first visit, online: a check page, whose whole path it clicks.
    # Pages are stored after a visit to any page, Python after a check page
    # (tests/test_browser_offline_copy.py has the first visit to a content page).
    do_check(page, base_url, "kindcheck")
    assert_answers_stay_out_of_the_url_and_history(page, base_url, "kindcheck", visits=1)
    assert storage_written(page) == NOTHING_STORED, "kindcheck/, first visit"
    # Python is stored once it runs (mdx-offline.mjs); the service worker answers when it is.
    assert wait_until_runtime_stored(page) == {"ok": True}, "the service worker did not store Python after a check page"
    wait_for_service_worker(page)
    runtime_files = sorted(base_url + path for path in service_worker.manifests(site_dir).runtime)
    stored = page.evaluate(
        """async (urls) => {
            const [name] = await caches.keys();
            const cache = await caches.open(name);
            return (await Promise.all(urls.map((url) => cache.match(url, { ignoreVary: true })))).map(Boolean);
        }""",
        runtime_files,
    )
    missing = [url for url, found in zip(runtime_files, stored) if not found]
    assert missing == [], "the service worker did not store Python after a check page"
    version = [name for name in cached_urls(page) if name.startswith("mdx-")]
    assert len(version) == 1, f"one cache per build, got {version}"

    # --- From here on the host answers nothing: the service worker must.
    go_down()
    # The host is really gone: a request no service worker sees gets no answer.
    with pytest.raises(PlaywrightError):
        page.request.get(base_url, timeout=10_000)
    failed_before = len(watch.failed)

    for relative in pages:
        seen = len(watch.page_requests)
        name = check_pages.get(relative)
        if name is None:
            response = open_site_page(page, base_url, site_dir, relative)
        else:
            # A whole path; Python has started before the next page, so none
            # of its requests can be mistaken for the next page's.
            response = do_check(page, base_url, name)
            # The first visit was the kindcheck's.
            assert_answers_stay_out_of_the_url_and_history(page, base_url, name, visits=2 if name == "kindcheck" else 1)
        assert response is not None and response.ok, f"{relative or '/'} offline: {response and response.status}"
        assert response.from_service_worker, f"{relative or '/'} did not come from the service worker"
        expect(page.locator("h1").first).to_be_visible()
        expect(page.locator(".mdx-help")).to_be_visible()
        if name is None:
            python = [u for u in watch.page_requests[seen:] if "/assets/pyodide/" in u or "mdx-check-worker" in u]
            assert python == [], f"content page {relative or '/'} loaded Python"
        assert storage_written(page) == NOTHING_STORED, relative
        assert urlsplit(page.url).query == "", page.url

    # Requests cut short by leaving a page are no failures; anything else is
    # a file the service worker did not keep.
    failed = sorted({f.split(" ")[0] for f in watch.failed[failed_before:] if "ERR_ABORTED" not in f})
    assert failed == [], "requests failed without the host: the service worker does not keep these"

    # The service worker's cache holds the site's own files, nothing else.
    own = urlsplit(base_url).netloc
    for name, urls in cached_urls(page).items():
        assert name.startswith("mdx-"), name
        strange = [u for u in urls if urlsplit(u).netloc != own or urlsplit(u).query or urlsplit(u).fragment]
        assert strange == [], f"cache {name} holds {strange}"

    assert watch.foreign_requests() == []
    assert watch.csp_violations() == []
    assert watch.errors == []
    # Every request stayed on this origin (the canonical link to the
    # production host is markup, never a request: it must not show up here).
    assert all(url.startswith(base_url) for url in watch.requests if not url.startswith(("data:", "blob:")))

    # --- And with the browser itself offline (navigator.onLine false), as a
    # visitor without a connection: each check, its shortest path. The cache
    # holds what the first visit stored and nothing more (the host has
    # answered nothing since), so this is each check offline after one check page.
    page.context.set_offline(True)
    assert page.evaluate("() => navigator.onLine") is False
    for name in checks.names():
        response = page.goto(page_url(base_url, check_page(name)))
        assert response is not None and response.ok and response.from_service_worker, name
        wait_for_python(page, name)
        answers, _ = min(checks.get(name).paths(), key=lambda path: len(path[0]))
        walk(page, checks.get(name), answers)
    failed = sorted({f.split(" ")[0] for f in watch.failed[failed_before:] if "ERR_ABORTED" not in f})
    assert failed == [], "requests failed offline: the service worker does not keep these"
    assert watch.errors == []
