"""Practice cases (issue 15) in the browser: each case page prints on one A4
and leads to its check, which walks the case's route beside the case. (A
file of its own: the longest browser test of tests/test_oefenen.py, which
pytest-xdist can now run beside the rest.)"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

import checks
import practice
from practice import cases
from tests.support.browser import PageWatch, check_root, storage_written, wait_for_python, walk
from tests.support.case_pages import context_without_offline_copy, open_case  # noqa: F401 - a fixture
from tests.support.dom import Attr, Css


def assert_prints_on_one_a4_without_the_answers(page: Page, case: practice.Case) -> None:
    pdf = page.pdf(format="A4")
    sheets = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert sheets == 1, f"{case.id} prints on {sheets} sheets of A4"
    page.emulate_media(media="print")
    expect(page.locator(f".{Css.CASE_ROUTE}")).to_be_hidden()
    expect(page.locator("#vragen")).to_be_visible()
    page.emulate_media(media="null")  # page.pdf() prints with screen styles while "screen" is emulated


@pytest.mark.browser
@pytest.mark.long
def test_each_case_prints_on_one_a4_and_walks_through_its_check_beside_the_case(
    page: Page, watch: PageWatch, base_url: str
) -> None:
    # One visit to each case page for both: its print, then its link to the check.
    for case in cases.CASES:
        check = checks.get(case.check)
        open_case(page, base_url, case)
        assert_prints_on_one_a4_without_the_answers(page, case)
        page.get_by_role("link", name="Doe de check met deze casus", exact=True).click()
        page.wait_for_url(re.compile(rf"\?casus={re.escape(case.id)}$"))
        aside = page.locator(f"aside.{Css.CASE_ASIDE}")
        expect(aside.get_by_role("heading", level=3)).to_have_text(f"Casus: {case.title}")
        expect(aside).to_contain_text(case.situation[0])
        wait_for_python(page, case.check)
        # Nothing pre-filled: the check starts at its first question.
        assert check_root(page, case.check).locator("input:checked").count() == 0
        shown = walk(page, check, case.answers)
        assert shown.get_attribute(Attr.OUTCOME) == case.outcome, case.id
    assert storage_written(page) == {"localStorage": 0, "sessionStorage": 0, "cookies": "", "indexedDB": []}
    assert not watch.foreign_requests(), watch.foreign_requests()
    assert not watch.errors, watch.errors
