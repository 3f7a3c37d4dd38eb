"""Honest about itself (issue 5): /over/ states the privacy promise and the
versions the checks follow, rendered from ``checks`` at build time so the page
says exactly what every summary says; /veilig-gebruik/ says what "Snel weg"
can and cannot do."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
from sitebuild import markers, versions

import checks
from checks.render import record_text
from tests.support.dom import Attr
from tests.support.html import read_page
from tests.support.site import ROOT, page_file


class _Tables(HTMLParser):
    """The rows of the table marked data-mdx-versions, as lists of cell texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.caption = ""
        self._inside = False
        self._cell: list[str] | None = None
        self._in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table" and any(name == Attr.VERSIONS for name, _ in attrs):
            self._inside = True
        elif self._inside and tag == "tr":
            self.rows.append([])
        elif self._inside and tag in ("td", "th"):
            self._cell = []
        elif self._inside and tag == "caption":
            self._in_caption = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._inside = False
        elif tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "caption":
            self._in_caption = False

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        elif self._in_caption:
            self.caption += data


def version_rows(html: str) -> list[list[str]]:
    parser = _Tables()
    parser.feed(html)
    return parser.rows


def over_html(site_dir: Path) -> str:
    return page_file(site_dir, "/over/").read_text(encoding="utf-8")


def section(html: str, heading_id: str) -> str:
    """The text of a page from the h2 with this id up to the next h2."""
    start = html.index(f'id="{heading_id}"')
    end = html.find("<h2", start)
    return re.sub(r"<[^>]+>", " ", html[start : end if end != -1 else None])


def test_over_shows_the_version_of_every_check_from_checks(site_dir: Path) -> None:
    rows = version_rows(over_html(site_dir))
    assert rows[0] == ["Check", "Inhoudsversie", "Gebaseerd op"]
    expected = [[c.title, c.version, c.basis] for c in (checks.get(n) for n in checks.names())]
    assert rows[1:] == expected


@pytest.mark.parametrize("name", checks.names())
def test_the_version_on_over_is_the_one_in_every_summary(site_dir: Path, name: str) -> None:
    check = checks.get(name)
    answers, _ = next(iter(check.paths()))
    summary = record_text(check, list(answers), datetime.date(2026, 11, 22))
    row = next(r for r in version_rows(over_html(site_dir)) if r[0] == check.title)
    assert f"Inhoudsversie: {row[1]}" in summary.splitlines()
    assert f"Basis: {row[2]}" in summary


def test_a_new_version_in_checks_reaches_over_without_editing_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """The page holds the marker, never a copy that could drift: change a
    check's version and the expanded page says the new one."""
    original = checks.get

    def bumped(name: str) -> object:
        check = original(name)
        if name != "kindcheck":
            return check
        return SimpleNamespace(title=check.title, version="2099.01", basis=check.basis)

    monkeypatch.setattr(checks, "get", bumped)
    page = (ROOT / "docs" / "over.md").read_text(encoding="utf-8")
    rows = version_rows(markers.expand(page, "over/"))
    assert [row for row in rows if row[0] == original("kindcheck").title] == [
        [original("kindcheck").title, "2099.01", original("kindcheck").basis]
    ]


def test_over_names_the_meldcode_and_afwegingskader_version(site_dir: Path) -> None:
    text = " ".join(read_page(page_file(site_dir, "/over/")).text)
    assert "basismodel" in text and "1 januari 2019" in text
    assert "afwegingskader" in text.lower()


def test_over_has_the_privacy_statement(site_dir: Path) -> None:
    privacy = section(over_html(site_dir), "privacy").lower()
    for promise in ("geen cookies", "geen analytics", "niets van andere sites", "je antwoorden verlaten de pagina niet"):
        assert promise in privacy, f"the privacy statement does not say: {promise}"


def test_veilig_gebruik_is_honest_about_the_button(site_dir: Path) -> None:
    text = " ".join(read_page(page_file(site_dir, "/veilig-gebruik/")).text)
    lowered = text.lower()
    assert "Snel weg" in text and "drie keer op Shift" in text
    assert "wist je geschiedenis niet" in lowered
    assert "privévenster" in lowered
    assert "ander apparaat" in lowered
    assert "wis je geschiedenis" in lowered
    assert "geen cookies" in lowered and "geen statistieken" in lowered
    # The offline copy is storage too; the page must not hide it.
    assert "kopie van de pagina's" in lowered


def test_the_versions_marker_expands_to_the_table() -> None:
    html = "<p>voor</p>\n<!-- mdx:versions -->\n<p>na</p>"
    expanded = markers.expand(html, "over/")
    assert "<!--" not in expanded
    assert versions.table_html() in expanded
    assert "<caption>" in versions.table_html()
