"""Accessibility to WCAG 2.2 AA in real headless Chromium: the audit of every
built page (tests/support/audit.py) over the half of the pages that
tests/test_a11y.py leaves; a file of its own so that pytest-xdist can give
the two halves to two workers. See there for what is audited.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.support.audit import CONCERNS, audit_pages
from tests.support.pages import assert_no_failures, pages_to_audit

pytestmark = [pytest.mark.browser, pytest.mark.long]


@pytest.fixture(scope="module")
def second_half(browser: Browser, site_dir: Path, base_url: str) -> dict[str, list[str]]:
    """The audit of the other half of the pages, once for all its tests (each
    judges its own concern: a failure of one cannot make another pass or fail)."""
    return audit_pages(browser, base_url, pages_to_audit(site_dir)[1::2])


@pytest.mark.parametrize("concern", CONCERNS)
def test_every_page_passes(second_half: dict[str, list[str]], concern: str) -> None:
    assert_no_failures(second_half[concern], f"{concern}, second half of the pages")
