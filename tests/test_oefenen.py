"""Practice cases (issue 15): each case's route holds in the real engine, and a
broken case stops the build with a message naming it."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from html import escape
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, Page, expect

import checks
import practice
from practice import cases
from tests.support import axe
from tests.support.dom import Attr, Css, selector
from tests.support.browser import PageWatch, storage_written, wait_for_python
from tests.support.case_pages import case_address, context_without_offline_copy, open_case  # noqa: F401 - a fixture
from tests.support.site import copy_project, nav_addresses, page_file

CASES = {case.id: case for case in cases.CASES}


# --- The data against the engine ----------------------------------------------


@pytest.mark.parametrize("case", cases.CASES, ids=list(CASES))
def test_every_case_leads_to_its_outcome_in_the_engine(case: practice.Case) -> None:
    check = checks.get(case.check)
    end = check.step(list(case.answers))
    assert end.id in check.outcomes, f"{case.id}: the answers stop at question {end.id}"
    assert end.id == case.outcome
    # One reason per question asked on the way.
    assert len(check.trail(list(case.answers))) == len(case.route)


def test_the_cases_are_valid_as_a_whole() -> None:
    assert practice.errors(cases.CASES) == []
    assert len(cases.CASES) >= 9


def test_the_cases_cover_every_check_on_this_branch_and_several_sectors() -> None:
    assert {case.check for case in cases.CASES} >= {"kindcheck", "afwegingskader"}
    assert len({case.sector for case in cases.CASES}) >= 8
    # One where the help works, one where it does not.
    assert {"hulp-afronden", "opnieuw-melden"} <= {case.outcome for case in cases.CASES}


def test_the_cases_cover_the_route_check_and_the_acute_branch() -> None:
    """The situations issue 15 asks for that need the route check (issue 11) and
    the afwegingskader's acute branch (issue 10)."""
    outcomes = {(case.check, case.outcome) for case in cases.CASES}
    assert ("route", "direct-veilig-thuis") in outcomes, "eergerelateerd geweld"
    assert outcomes & {("route", o) for o in ("meldplicht-onderwijs", "meldplicht-kinderopvang", "melden-igj", "collega-anders")}, "a colleague as suspect"
    assert any(c.check == "afwegingskader" and c.answers[:2] == ("ja", "ja") for c in cases.CASES), "the talk skipped: acute"


# --- The validator on broken copies --------------------------------------------

SCHOOL = CASES["school-moe-en-te-laat"]
GP = CASES["huisarts-vader-drinkt"]


def broken(case: practice.Case, **changes: object) -> list[str]:
    return practice.errors([*[c for c in cases.CASES if c.id != case.id], dataclasses.replace(case, **changes)])


def steps(*answers: str) -> tuple[practice.Step, ...]:
    return tuple(practice.Step(answer, "Omdat het zo is.") for answer in answers)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"outcome": "hulp"}, "lead to 'afsluiten', not to the stated outcome 'hulp'"),
        ({"check": "route-check"}, "names unknown check 'route-check'"),
        ({"route": steps("misschien")}, "answer 1 'misschien' is not offered at 'afweging-1'"),
        ({"route": steps("nee", "ja")}, "answer 2 ('ja') is one too many"),
        ({"route": steps("ja", "nee")}, "the route stops at question 'afweging-3'"),
        ({"id": "school moe"}, "case id 'school moe' must be lower-case"),
        ({"situation": ()}, "situation needs at least one text"),
        ({"route": (practice.Step("nee", " "),)}, "the reason for answer 1 ('nee') is empty"),
    ],
    ids=["outcome", "check", "answer", "too-many", "incomplete", "id", "situation", "reason"],
)
def test_the_validator_names_the_case_at_fault(changes: dict[str, object], expected: str) -> None:
    found = broken(SCHOOL, **changes)
    assert len(found) == 1, found
    assert expected in found[0]
    assert repr(changes.get("id", SCHOOL.id)) in found[0], "the message must name the case"
    with pytest.raises(practice.CaseDefinitionError, match="Practice cases are not well defined"):
        practice.validate([dataclasses.replace(SCHOOL, **changes)])


def test_the_validator_reports_every_problem_at_once() -> None:
    found = practice.errors([dataclasses.replace(SCHOOL, outcome="melden"), dataclasses.replace(GP, check="nope"), GP])
    assert any("school-moe-en-te-laat" in e and "'melden'" in e for e in found)
    assert any("huisarts-vader-drinkt" in e and "unknown check 'nope'" in e for e in found)
    assert any("'huisarts-vader-drinkt' is used more than once" in e for e in found)


def test_a_case_is_data_not_a_string_of_lists() -> None:
    with pytest.raises(TypeError, match="trailing comma"):
        dataclasses.replace(SCHOOL, discussion="Een vraag?")


# --- The build stops on a broken case -------------------------------------------




def test_a_case_whose_answers_lead_elsewhere_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    data = project / "practice" / "cases.py"
    source = data.read_text(encoding="utf-8")
    # The help-works case claims the outcome of the help-fails case.
    needle = 'outcome="hulp-afronden"'
    assert source.count(needle) == 1
    data.write_text(source.replace(needle, 'outcome="opnieuw-melden"'), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode != 0, "the build must stop"
    assert "consultatiebureau-hulp-werkt" in result.stderr
    assert "not to the stated outcome 'opnieuw-melden'" in result.stderr
    assert "Traceback" not in result.stderr, "a clear error, not a stack trace"


# --- The built pages --------------------------------------------------------------

CASE_ROOT = re.compile(
    rf'<div class="{Css.CASE}" {Attr.CASE}="(?P<case>[^"]+)" {Attr.CASE_CHECK}="(?P<check>[^"]+)" '
    rf'{Attr.CASE_ANSWERS}="(?P<answers>[^"]*)" {Attr.OUTCOME}="(?P<outcome>[^"]+)">'
)


@pytest.mark.parametrize("case", cases.CASES, ids=list(CASES))
def test_each_case_page_carries_its_route_and_the_engine_agrees(site_dir: Path, case: practice.Case) -> None:
    html = page_file(site_dir, case_address(case.id)).read_text(encoding="utf-8")
    found = CASE_ROOT.findall(html)
    assert len(found) == 1, f"{case.id}: expected one case root, found {len(found)}"
    case_id, check_name, answers, outcome = found[0]
    assert case_id == case.id
    # The page, not the data, is what a trainer sees: check it against the engine.
    assert checks.get(check_name).step(answers.split(",")).id == outcome
    assert (check_name, answers.split(","), outcome) == (case.check, list(case.answers), case.outcome)
    # Every question on the route, in the check's own words, and the outcome's title.
    check = checks.get(case.check)
    for question, answer in check.trail(list(case.answers)):
        assert escape(question.text) in html, f"{case.id}: {question.id} is not quoted from the check"
    assert escape(check.outcomes[case.outcome].title) in html
    # Folded away until opened; nothing pre-filled in the link to the check.
    assert re.search(r"<details(?![^>]*\bopen\b)[^>]*>", html)
    assert f'?casus={case.id}"' in html and "answers=" not in html.split(Attr.CASE_LINK)[1][:200]
    assert (site_dir / "oefenen" / case.id / "casus.json").is_file()


def test_the_overview_links_every_case_and_is_in_the_nav(site_dir: Path) -> None:
    html = page_file(site_dir, "/oefenen/").read_text(encoding="utf-8")
    for case in cases.CASES:
        assert f'href="{case.id}/"' in html, f"/oefenen/ does not link {case.id}"
    addresses = nav_addresses()
    assert "/oefenen/" in addresses
    assert abs(addresses.index("/oefenen/") - addresses.index("/trainers/")) == 1, "Oefenen sits next to Voor trainers"
    assert [a for a in addresses if a.startswith("/oefenen/") and a != "/oefenen/"] == [case_address(c.id) for c in cases.CASES]


def test_a_case_page_does_not_start_python(site_dir: Path) -> None:
    html = page_file(site_dir, case_address(cases.CASES[0].id)).read_text(encoding="utf-8")
    assert "mdx-check-worker" not in html, "a case page names a check but runs none"


def test_a_case_without_a_page_or_on_two_pages_is_reported() -> None:
    from sitebuild import casepages

    first, second = cases.CASES[:2]
    pages = casepages.case_urls([("oefenen/a/", f"<!-- mdx:case {second.id} -->\n"), ("oefenen/b/", f"x\n<!-- mdx:case {second.id} -->\n")])
    errors = casepages.wiring_errors(cases.CASES[:2], pages, {"afwegingskader": "afwegingskader/", "kindcheck": "kindcheck/"})
    assert errors[0].startswith(f"case {first.id!r} has no page")
    assert errors[1] == f"case {second.id!r} is shown on more than one page: oefenen/a/, oefenen/b/"
    errors = casepages.wiring_errors(cases.CASES[:1], {cases.CASES[0].id: ["x/"]}, {})
    assert errors == [f"case {cases.CASES[0].id!r}: no page carries <!-- mdx:check afwegingskader -->, so 'Doe de check' has nowhere to go"]


# --- In the browser ---------------------------------------------------------------
# (Each case through its check: tests/test_oefenen_walk.py, a file of its own
# so that pytest-xdist can run it beside these.)


@pytest.mark.browser
def test_an_unknown_case_says_so_in_dutch(page: Page, watch: PageWatch, base_url: str) -> None:
    for query in ("?casus=bestaat-niet", "?casus=%3Cscript%3E"):
        page.goto(urljoin(base_url, "kindcheck/") + query)
        aside = page.locator(f"aside.{Css.CASE_ASIDE}")
        expect(aside).to_contain_text("Deze casus bestaat niet")
        expect(aside.get_by_role("link", name="Kies een casus op de pagina Oefenen")).to_be_visible()
    # A case of the other check points back to its own page.
    case = next(c for c in cases.CASES if c.check == "afwegingskader")
    page.goto(urljoin(base_url, "kindcheck/") + f"?casus={case.id}")
    expect(page.locator(f"aside.{Css.CASE_ASIDE}")).to_contain_text("hoort bij een andere check")


@pytest.mark.browser
def test_the_answers_are_folded_away_and_open_by_keyboard(page: Page, base_url: str) -> None:
    case = cases.CASES[1]
    open_case(page, base_url, case)
    details = page.locator(f".{Css.CASE_DETAILS}")
    assert details.evaluate("d => d.open") is False
    expect(details.locator(f".{Css.CASE_STEPS}")).to_be_hidden()
    page.get_by_role("link", name="Doe de check met deze casus").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    assert details.evaluate("d => d.open") is True
    expect(details.locator(f".{Css.CASE_STEPS}")).to_be_visible()
    expect(details).to_contain_text(checks.get(case.check).outcomes[case.outcome].title)


@pytest.mark.browser
def test_axe_finds_nothing_on_a_case_page_and_in_the_projector_view(browser: Browser, base_url: str) -> None:
    # As tests/test_a11y.py audits: settled states (no transitions mid-way), no offline cache.
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 800}, reduced_motion="reduce", service_workers="block"
    )
    page = context.new_page()
    failures: list[str] = []

    def audit(where: str) -> None:
        if found := axe.violations(page):
            failures.append(axe.describe(where, found))

    case = next(c for c in cases.CASES if c.check == "kindcheck")
    open_case(page, base_url, case)
    audit("case page")
    page.locator(f".{Css.CASE_DETAILS} > summary").click()
    audit("case page, answers open")
    open_case(page, base_url, case, "?weergave=presentatie")
    page.locator(f".{Css.PRESENTATION_BAR}").wait_for()
    for part in range(len(case.discussion) + 2):
        audit(f"projector view, part {part + 1}")
        page.keyboard.press("ArrowRight")
    page.goto(urljoin(base_url, "kindcheck/") + f"?casus={case.id}&weergave=presentatie")
    page.locator(f"aside.{Css.CASE_ASIDE} h3").wait_for()
    wait_for_python(page, case.check)
    audit("check beside the case, projector view")
    page.goto(urljoin(base_url, "kindcheck/") + "?casus=bestaat-niet")
    page.locator(f"aside.{Css.CASE_ASIDE} h3").wait_for()
    audit("check with an unknown case")
    context.close()
    assert not failures, "\n".join(failures)


@pytest.mark.browser
def test_the_projector_view_shows_one_part_at_a_time_by_keyboard(page: Page, watch: PageWatch, base_url: str) -> None:
    case = cases.CASES[0]
    open_case(page, base_url, case, "?weergave=presentatie")
    status = page.get_by_role("status")
    parts = 1 + len(case.discussion) + 1  # the situation, each question, the route
    expect(status).to_have_text(f"Deel 1 van {parts}")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator("#situatie")).to_be_visible()
    expect(page.locator("#vragen")).to_be_hidden()
    page.keyboard.press("ArrowRight")
    expect(status).to_have_text(f"Deel 2 van {parts}")
    expect(page.locator(f".{Css.CASE_DISCUSSION} li:visible")).to_have_text([case.discussion[0]])
    expect(page.locator("#situatie")).to_be_hidden()
    page.keyboard.press("PageDown")
    expect(page.locator(f".{Css.CASE_DISCUSSION} li:visible")).to_have_text([case.discussion[1]])
    page.keyboard.press("End")
    expect(status).to_have_text(f"Deel {parts} van {parts}")
    expect(page.locator("#route")).to_be_visible()
    page.keyboard.press("PageUp")
    expect(status).to_have_text(f"Deel {parts - 1} van {parts}")
    # The large type really is larger than the normal view's.
    font_size = f"() => parseFloat(getComputedStyle(document.querySelector('{selector(Attr.CASE)} p')).fontSize)"
    presenting = page.evaluate(font_size)
    # The check keeps the mode; stopping ends it.
    href = page.get_by_role("link", name="Doe de check met deze casus").get_attribute("href") or ""
    assert "weergave=presentatie" in href and f"casus={case.id}" in href
    page.get_by_role("link", name="Stop presentatie").click()
    page.wait_for_url(re.compile(rf"/oefenen/{case.id}/$"))
    expect(page.locator(".md-header")).to_be_visible()
    expect(page.locator("#vragen")).to_be_visible()
    normal = page.evaluate(font_size)
    assert presenting >= 1.5 * normal, (presenting, normal)
    assert storage_written(page) == {"localStorage": 0, "sessionStorage": 0, "cookies": "", "indexedDB": []}
    assert not watch.errors, watch.errors
