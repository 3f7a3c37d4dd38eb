"""Shared fixtures: one strict build of the site per test session, served on
localhost, and the system Chromium."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from tests.support.browser import CHROMIUM_ARGS, HeldWasm, PageWatch, chromium_path, new_watched_context
from tests.support.static_server import serving

ROOT = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Browser tests share two cores with a Chromium, a Pyodide and a service
    # worker each; only they get a second try (pytest-rerunfailures).
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.flaky(reruns=1))


def build_site(target: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per run with --strict; a failed build fails every
    test that needs it. With pytest-xdist the workers share the run's
    temporary folder: the first to get here builds, the others wait for it
    and use the same files (the tests only read them)."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    target, failed = root / "site", root / "site-build-failed.txt"
    with open(root / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not target.is_dir() and not failed.exists():
            result = build_site(target)
            if result.returncode != 0:
                failed.write_text(result.stderr, encoding="utf-8")
    if failed.exists():
        pytest.fail(f"mkdocs build --strict failed:\n{failed.read_text(encoding='utf-8')}", pytrace=False)
    return target


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    with serving(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    browser = playwright_instance.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh profile per test: no cache, no service worker, no storage."""
    context = browser.new_context(locale="nl-NL")
    yield context
    context.close()


@pytest.fixture
def watch(context: BrowserContext, base_url: str) -> PageWatch:
    watch = PageWatch(origin=base_url)
    watch.attach(context)
    return watch


@pytest.fixture
def page(context: BrowserContext, watch: PageWatch) -> Page:
    """A page whose requests and errors are recorded in ``watch``."""
    return context.new_page()


@pytest.fixture
def held_wasm(browser: Browser, base_url: str) -> Iterator[tuple[Page, PageWatch, HeldWasm]]:
    """A fresh profile whose WebAssembly requests wait until the test lets
    them through or aborts them. No service worker, so its precache cannot
    serve the wasm around the hold."""
    context, watch = new_watched_context(browser, base_url, service_workers="block")
    wasm = HeldWasm()
    context.route("**/*.wasm", wasm.handle)
    yield context.new_page(), watch, wasm
    context.close()
