"""The built runtime in the browser: the checks zip is verified against the
sha256 in the lock data before Python installs it, and a runtime that cannot
start ends in ``data-python="failed"``, never in a page that waits forever."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser, expect
from sitebuild import runtime

from tests.support.browser import READY_TIMEOUT_MS, new_watched_context
from tests.support.static_server import serving

pytestmark = pytest.mark.browser


def rewritten(data: bytes) -> bytes:
    """The same zip with one source file changed: still a valid zip, another sha256."""
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
    [package] = (copy / runtime.RUNTIME_DIR).glob(f"{runtime.PACKAGE_NAME}-*.zip")
    package.write_bytes(rewritten(package.read_bytes()))
    with serving(copy) as url:
        yield url


def test_a_checks_zip_that_does_not_match_its_sha256_is_refused(browser: Browser, tampered_site: str) -> None:
    # No service worker: it would serve the same files, and outlive the test.
    context, watch = new_watched_context(browser, tampered_site, service_workers="block")
    try:
        page = context.new_page()
        page.goto(tampered_site + "kindcheck/")
        expect(page.locator('[data-check="kindcheck"]')).to_have_attribute(
            "data-python", "failed", timeout=READY_TIMEOUT_MS
        )
    finally:
        context.close()


def test_a_missing_standard_library_fails_instead_of_hanging(browser: Browser, base_url: str) -> None:
    context, watch = new_watched_context(browser, base_url, service_workers="block")
    try:
        context.route(f"**/{runtime.RUNTIME_DIR}/{runtime.STDLIB_NAME}-*.zip", lambda route: route.abort())
        page = context.new_page()
        page.goto(base_url + "kindcheck/")
        expect(page.locator('[data-check="kindcheck"]')).to_have_attribute(
            "data-python", "failed", timeout=READY_TIMEOUT_MS
        )
    finally:
        context.close()
