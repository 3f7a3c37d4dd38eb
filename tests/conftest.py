"""Shared fixtures: one strict build of the site per test session, served on
localhost, and the system Chromium."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from tests.support.browser import CHROMIUM_ARGS, HeldWasm, PageWatch, chromium_path, new_watched_context
from tests.support.static_server import serving

ROOT = Path(__file__).resolve().parent.parent
SITE_LOCK = "site.lock"
SITE = "site"
SITE_BUILD_FAILED = "site-build-failed.txt"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Browser tests share two cores with a Chromium, a Pyodide and a service
    # worker each; only they get a second try (pytest-rerunfailures).
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.flaky(reruns=1))
    # pytest-xdist hands out whole files in the order of their first test
    # (with --no-loadscope-reorder, pyproject.toml; by default it puts the
    # files with the most tests first, whatever they cost).
    # Files that never need the built site go first: they run while the site
    # is built in the background (pytest_sessionstart). Then the long files,
    # so that the short ones fill in at the end and the workers finish
    # together.
    needs_site = {item.path for item in items if "site_dir" in item.fixturenames}
    long = {item.path for item in items if item.get_closest_marker("long")}
    items.sort(key=lambda item: (item.path in needs_site, item.path not in long))


def build_command(target: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)]


def build_site(target: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        build_command(target),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def shared_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The run's temporary folder that every pytest-xdist worker shares."""
    root = tmp_path_factory.getbasetemp()
    return root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root


@dataclass
class BackgroundBuild:
    """The site's build, started once per run by the main process and holding
    the run's site lock until it has finished."""

    process: subprocess.Popen[str]
    waiter: threading.Thread


BACKGROUND_BUILD = pytest.StashKey[BackgroundBuild]()


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    """Start the strict build before pytest-xdist starts its workers (hence
    tryfirst), so it runs beside the tests that need no site."""
    config = session.config
    if os.environ.get("PYTEST_XDIST_WORKER") or config.option.collectonly:
        return
    root = shared_root(config._tmp_path_factory)  # noqa: SLF001 - the tmp_path_factory fixture's own object
    lock = open(root / SITE_LOCK, "w")  # noqa: SIM115 - released by the waiter thread
    fcntl.flock(lock, fcntl.LOCK_EX)
    process = subprocess.Popen(
        build_command(root / SITE),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        # Its own process group, so ending it ends the Node tools it runs too.
        start_new_session=True,
    )
    waiter = threading.Thread(target=_finish_build, args=(process, root, lock), daemon=True)
    waiter.start()
    config.stash[BACKGROUND_BUILD] = BackgroundBuild(process, waiter)


def _finish_build(process: subprocess.Popen[str], root: Path, lock: IO[str]) -> None:
    _, errors = process.communicate()
    if process.returncode != 0:
        (root / SITE_BUILD_FAILED).write_text(errors or f"exit {process.returncode}", encoding="utf-8")
    lock.close()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A run that needed no site (one pure test file) does not wait for it."""
    build = session.config.stash.get(BACKGROUND_BUILD, None)
    if build is None:
        return
    if build.process.poll() is None:
        os.killpg(build.process.pid, signal.SIGTERM)
    build.waiter.join()


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per run with --strict; a failed build fails every
    test that needs it. The main process builds it in the background at the
    start of the run and holds the lock until it is done; the workers of
    pytest-xdist wait for the lock and use the same files (the tests only
    read them). Whoever finds no build done makes one."""
    root = shared_root(tmp_path_factory)
    target, failed = root / SITE, root / SITE_BUILD_FAILED
    with open(root / SITE_LOCK, "w") as lock:
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
    return PageWatch.of(context, base_url)


@pytest.fixture(scope="module")
def shared_profile(browser: Browser) -> Iterator[BrowserContext]:
    """One profile for a whole test file, for files whose tests cannot pass or
    fail on another's account (each such file says why): each test gets a tab
    of its own (``shared_tab``) and a watch that attaches once the tabs of
    earlier tests are closed (``shared_watch``); the site writes nothing to a
    profile. A fresh profile costs about a CPU-second before its first page
    (README, on the tests). No service worker: its install would only compete
    for the CPU (tests/test_browser_offline_*.py cover it)."""
    context = browser.new_context(locale="nl-NL", service_workers="block")
    yield context
    context.close()


@pytest.fixture
def shared_tab(shared_profile: BrowserContext) -> Iterator[Page]:
    page = shared_profile.new_page()
    yield page
    page.close()


@pytest.fixture
def shared_watch(shared_profile: BrowserContext, base_url: str) -> PageWatch:
    return PageWatch.of(shared_profile, base_url)


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
