"""The practice cases' pages in the browser (tests/test_oefenen*.py)."""

from __future__ import annotations

from typing import Iterator
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

import practice
from tests.support.dom import Attr, selector


def case_address(case_id: str) -> str:
    return f"/oefenen/{case_id}/"


def open_case(page: Page, base_url: str, case: practice.Case, query: str = "") -> None:
    page.goto(urljoin(base_url, case_address(case.id).lstrip("/")) + query)
    page.locator(selector(Attr.CASE, case.id)).wait_for()


@pytest.fixture(name="context")
def context_without_offline_copy(browser: Browser) -> Iterator[BrowserContext]:
    """Replaces conftest.py's ``context`` in a module that imports it: a fresh
    profile per test, without the offline copy. Nothing about the cases
    depends on it, and its install (every page of the site, in each profile)
    only costs CPU; tests/test_browser_offline_*.py cover it."""
    context = browser.new_context(locale="nl-NL", service_workers="block")
    yield context
    context.close()
