"""The one marker grammar: every marker a page may use expands, anything
unknown or malformed stops the build with the page and the marker named; and
the check pages' explanations come from the check data."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

import checks
from practice import cases
from checks.render import explanation_html, scheme_html
from sitebuild import inline, markers, versions
from tests.support.dom import WORKER_SCRIPT, Attr, Part
from tests.support.site import copy_project



def test_every_kind_expands_on_its_page() -> None:
    html = "<p>a</p>\n<!-- mdx:explanation kindcheck -->\n<!-- mdx:scheme kindcheck -->\n<!-- mdx:versions -->\n"
    expanded = markers.expand(html, "kindcheck/")
    assert "<!--" not in expanded
    assert explanation_html(checks.get("kindcheck")) in expanded
    assert scheme_html(checks.get("kindcheck")) in expanded
    assert versions.table_html() in expanded


def test_the_addresses_marker_is_left_for_its_later_stage() -> None:
    html = "<!-- mdx:addresses -->"
    assert markers.expand(html, "trainers/") == html


@pytest.mark.parametrize(
    ("marker", "says"),
    [
        ("<!-- mdx:version -->", "Unknown marker"),
        ("<!-- mdx:adresses -->", "Unknown marker"),
        ("<!-- mdx:Check kindcheck -->", "Unknown marker"),
        ("<!-- mdx:check -->", "without a check name"),
        ("<!-- mdx:scheme -->", "without a check name"),
        ("<!-- mdx:versions kindcheck -->", "takes no name"),
        ("<!-- mdx:addresses trainers -->", "takes no name"),
        ("<!-- mdx:check kindchek -->", "Unknown check 'kindchek'"),
        ("<!-- mdx:case -->", "without a case name"),
        ("<!-- mdx:case onbekend -->", "Unknown case 'onbekend'"),
        ("<!-- mdx:cases alle -->", "takes no name"),
        ("<!-- mdx:casus school-moe-en-te-laat -->", "Unknown marker"),
        ("<!-- mdx:check route -->", "belongs on /waar-begin-ik/"),
    ],
)
def test_an_unknown_or_malformed_marker_names_page_and_marker(marker: str, says: str) -> None:
    with pytest.raises(markers.MarkerError) as caught:
        markers.expand(f"<p>tekst</p>\n{marker}\n", "kindcheck/")
    message = str(caught.value)
    assert says in message
    assert "'kindcheck/'" in message and repr(marker) in message


@pytest.mark.parametrize(
    ("page", "marker", "typo", "says"),
    [
        ("over.md", "<!-- mdx:versions -->", "<!-- mdx:version -->", "Unknown marker in page 'over/', marker '<!-- mdx:version -->'"),
        (
            "oefenen/school-moe-en-te-laat.md",
            "<!-- mdx:case school-moe-en-te-laat -->",
            "<!-- mdx:case school-moe-en-te-lat -->",
            "Unknown case 'school-moe-en-te-lat' in page 'oefenen/school-moe-en-te-laat/'",
        ),
        ("oefenen/index.md", "<!-- mdx:cases -->", "<!-- mdx:case -->", "Marker without a case name in page 'oefenen/'"),
    ],
)
def test_a_bad_marker_fails_the_strict_build(tmp_path: Path, page: str, marker: str, typo: str, says: str) -> None:
    """A copy of the project with one typo in a page: the build stops and says where."""
    copy_project(tmp_path)
    source = tmp_path / "docs" / page
    text = source.read_text(encoding="utf-8")
    assert marker in text
    source.write_text(text.replace(marker, typo), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode != 0
    assert says in result.stderr


def test_case_markers_expand_in_the_markdown_and_leave_the_rest() -> None:
    case = cases.CASES[0]
    markdown = f"<!-- mdx:case {case.id} -->\n\n<!-- mdx:cases -->\n\n<!-- mdx:versions -->\n`<!-- mdx:case x -->` in text\n"
    render = {"case": lambda name: f"CASE {name}", "cases": lambda name: f"ALL {name}"}
    expanded = markers.expand_markdown(markdown, f"oefenen/{case.id}/", render)
    assert expanded == f"CASE {case.id}\n\nALL None\n\n<!-- mdx:versions -->\n`<!-- mdx:case x -->` in text\n"


@pytest.mark.parametrize(
    ("marker", "says"),
    [
        ("<!-- mdx:case -->", "without a case name"),
        ("<!-- mdx:case onbekend -->", "Unknown case 'onbekend'"),
        ("<!-- mdx:cases alle -->", "takes no name"),
        ("<!-- mdx:kase school-moe-en-te-laat -->", "Unknown marker"),
        ("<!-- mdx:check -->", "without a check name"),
    ],
)
def test_a_bad_marker_in_the_markdown_names_page_and_marker(marker: str, says: str) -> None:
    render = {"case": lambda name: "", "cases": lambda name: ""}
    with pytest.raises(markers.MarkerError) as caught:
        markers.expand_markdown(f"Tekst\n\n{marker}\n", "oefenen/", render)
    assert says in str(caught.value)
    assert "'oefenen/'" in str(caught.value) and repr(marker) in str(caught.value)


def test_a_case_marker_inside_running_text_stops_the_build() -> None:
    with pytest.raises(markers.MarkerError, match="must stand on a line of its own"):
        markers.expand(f"<p>Zie <!-- mdx:case {cases.CASES[0].id} --> hier.</p>", "oefenen/")


def test_the_explanation_follows_the_check_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """Change a question's text in a copy of the data: the page's explanation follows."""
    check = checks.get("kindcheck")
    question = check.questions["vraag-2"]
    changed_question = dataclasses.replace(question, text="Heeft je cliënt een kind in huis, of een kind op komst?")
    changed = dataclasses.replace(
        check,
        questions=[changed_question if q.id == question.id else q for q in check.questions.values()],
        outcomes=list(check.outcomes.values()),
    )
    monkeypatch.setitem(checks._CHECKS, "kindcheck", changed)
    page = markers.expand("<!-- mdx:explanation kindcheck -->", "kindcheck/")
    assert "Heeft je cliënt een kind in huis, of een kind op komst?" in page
    assert question.text not in page


def test_the_built_check_pages_explain_every_question_from_the_data(site_dir: Path) -> None:
    for name in ("kindcheck", "afwegingskader"):
        check = checks.get(name)
        html = (site_dir / check.page.strip("/") / "index.html").read_text(encoding="utf-8")
        assert f'{Attr.EXPLANATION}="{name}"' in html
        for question in check.questions.values():
            assert f'id="uitleg-{name}-{question.id}"' in html


def test_the_hook_learns_which_checks_a_page_holds_from_its_markers() -> None:
    html = "<p>x</p>\n<!-- mdx:check route -->\n<!-- mdx:scheme route -->\n<!-- mdx:versions -->\n"
    assert markers.checks_on(html, "waar-begin-ik/") == ("route",)
    assert markers.checks_on("<p>Geen check hier.</p>", "over/") == ()


def test_a_page_starts_python_early_exactly_when_it_holds_a_check(site_dir: Path) -> None:
    for page in sorted(site_dir.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        has_check = f'{Attr.PART}="{Part.STEP}"' in html
        starts = f"<script {Attr.WORKER}=" in html and WORKER_SCRIPT in html
        assert starts == has_check, page.relative_to(site_dir)


def test_an_unknown_inline_script_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="'nope'.*known: history, python-early"):
        inline.script("nope")
