"""Practice cases (issue 15): each case's route holds in the real engine, and a
broken case stops the build with a message naming it."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import checks
from checks import cases, practice

ROOT = Path(__file__).resolve().parent.parent
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


def copy_project(target: Path) -> Path:
    """What `mkdocs build` reads, copied; no git, no site, no caches."""
    for name in ("docs", "overrides", "checks"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def test_a_case_whose_answers_lead_elsewhere_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    data = project / "checks" / "cases.py"
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
