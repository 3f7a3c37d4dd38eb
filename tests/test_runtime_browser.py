"""The built runtime in the browser: the head of a check page starts the one
worker; Python starts from the memory snapshot, and the normal way when the
snapshot cannot be restored; the checks wheel is verified against the lock
data's sha256 before Python gets it, on both paths; and a runtime that cannot start ends in
``data-python="failed"``, never in a page that waits forever."""

from __future__ import annotations

import gzip
import io
import shutil
import zipfile
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page
from sitebuild import runtime

import checks
from tests.support.browser import assert_failed_in_dutch, new_watched_context, wait_for_python, walk
from tests.support.dom import WORKER_SCRIPT
from tests.support.static_server import serving

pytestmark = pytest.mark.browser


def rewritten(data: bytes) -> bytes:
    """The same wheel with one source file changed: still a valid zip, another sha256."""
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with source, zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "checks/__init__.py":
                content += b"\n# changed after the build\n"
            out.writestr(info, content)
    return target.getvalue()


@pytest.fixture
def tampered_site(site_dir: Path, tmp_path: Path) -> Iterator[str]:
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    [package] = (copy / runtime.RUNTIME_DIR).glob(f"{runtime.PACKAGE_NAME}-*/*.whl")
    package.write_bytes(rewritten(package.read_bytes()))
    with serving(copy) as url:
        yield url


@pytest.mark.parametrize("start", ["snapshot", "fallback"])
def test_a_checks_wheel_that_does_not_match_its_sha256_is_refused(
    browser: Browser, tampered_site: str, start: str
) -> None:
    # No service worker: it would serve the same files, and outlive the test.
    context, watch = new_watched_context(browser, tampered_site, service_workers="block")
    warnings: list[str] = []
    try:
        if start == "fallback":
            # Without the image the worker starts Python the normal way: loadPackage checks the wheel.
            context.route(f"**/{runtime.RUNTIME_DIR}/{runtime.SNAPSHOT_NAME}-*.bin", lambda route: route.abort())
        page = context.new_page()
        page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
        page.goto(tampered_site + "kindcheck/")
        assert_failed_in_dutch(page, "kindcheck")
    finally:
        context.close()
    # The reason is the wheel, on the path under test.
    [reason] = [text for text in warnings if "Python could not start" in text]
    assert runtime.PACKAGE_NAME in reason, reason
    assert any("snapshot could not be restored" in text for text in warnings) is (start == "fallback"), warnings


def test_a_missing_standard_library_fails_instead_of_hanging(browser: Browser, base_url: str) -> None:
    # The snapshot alone holds every module the checks use (so it starts even
    # without the stdlib file); without both, Python cannot start at all.
    context, watch = new_watched_context(browser, base_url, service_workers="block")
    try:
        context.route(f"**/{runtime.RUNTIME_DIR}/{runtime.STDLIB_NAME}-*.zip", lambda route: route.abort())
        context.route(f"**/{runtime.RUNTIME_DIR}/{runtime.SNAPSHOT_NAME}-*.bin", lambda route: route.abort())
        page = context.new_page()
        page.goto(base_url + "kindcheck/")
        assert_failed_in_dutch(page, "kindcheck")
    finally:
        context.close()


# --- Start-up: the head's worker and the snapshot ------------------------------------------

# Records, for each worker the page creates, whether the theme's script had run yet.
RECORD_WORKERS = """
window.__workersCreated = [];
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(url, options) {
    super(url, options);
    window.__workersCreated.push({url: String(url), themeLoaded: "document$" in window});
  }
};
"""


def check_worker_marks(page: Page) -> list[str]:
    [worker] = [w for w in page.workers if w.url.endswith(WORKER_SCRIPT)]
    marks: list[str] = worker.evaluate("() => performance.getEntriesByType('mark').map((mark) => mark.name)")
    return marks


def test_a_check_page_starts_one_worker_from_its_head_before_the_theme(browser: Browser, base_url: str) -> None:
    context, watch = new_watched_context(browser, base_url, service_workers="block")
    try:
        context.add_init_script(RECORD_WORKERS)
        page = context.new_page()
        page.goto(base_url + "kindcheck/")
        wait_for_python(page, "kindcheck")
        created = [w for w in page.evaluate("() => window.__workersCreated") if w["url"].endswith(WORKER_SCRIPT)]
        assert created == [{"url": created[0]["url"], "themeLoaded": False}]
        # The check took the head's worker over; nothing is left on window.
        assert page.evaluate("() => 'mdxEarlyPython' in window") is False
        walk(page, checks.get("kindcheck"), ["ja", "nee"])
    finally:
        context.close()
    assert watch.errors == []


def test_python_starts_from_the_snapshot(browser: Browser, base_url: str) -> None:
    context, watch = new_watched_context(browser, base_url, service_workers="block")
    try:
        page = context.new_page()
        page.goto(base_url + "afwegingskader/")
        wait_for_python(page, "afwegingskader")
        marks = check_worker_marks(page)
        assert "mdx:snapshot-restored" in marks and "mdx:snapshot-failed" not in marks
    finally:
        context.close()
    assert watch.errors == []


SNAPSHOT_FAULTS = {
    "missing": lambda route: route.abort(),
    "not a snapshot": lambda route: route.fulfill(status=200, body=gzip.compress(b"not a memory image")),
    "not gzip": lambda route: route.fulfill(status=200, body=b"plain bytes"),
}


@pytest.mark.parametrize("fault", SNAPSHOT_FAULTS)
def test_a_snapshot_that_cannot_be_restored_falls_back_to_a_normal_start(
    browser: Browser, base_url: str, fault: str
) -> None:
    context, watch = new_watched_context(browser, base_url, service_workers="block")
    warnings: list[str] = []
    try:
        context.route(f"**/{runtime.RUNTIME_DIR}/{runtime.SNAPSHOT_NAME}-*.bin", SNAPSHOT_FAULTS[fault])
        page = context.new_page()
        page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
        page.goto(base_url + "kindcheck/")
        wait_for_python(page, "kindcheck")
        marks = check_worker_marks(page)
        assert "mdx:snapshot-failed" in marks and "mdx:snapshot-restored" not in marks
        walk(page, checks.get("kindcheck"), ["ja", "ja", "ja"])
    finally:
        context.close()
    assert any("snapshot could not be restored" in text for text in warnings), warnings
    # The blocked request is the test's own doing; nothing else may go wrong.
    assert [e for e in watch.errors if runtime.SNAPSHOT_NAME not in e] == []
