"""Every link in every check's data leads to a built page of the site, and to
an anchor on it where it names one; rendered from the check's page, the
relative link points at the same address."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path

import pytest

import checks
from checks.render import page_link

LINKS = [
    pytest.param(name, outcome.id, link.path, id=f"{name}-{outcome.id}-{link.path}")
    for name in checks.names()
    for outcome in checks.get(name).outcomes.values()
    for link in outcome.links
]


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(value for key, value in attrs if key == "id" and value)


def test_the_checks_link_somewhere() -> None:
    assert len(LINKS) >= 9


@pytest.mark.parametrize(("name", "outcome_id", "path"), LINKS)
def test_every_link_of_a_check_resolves_to_a_page_and_anchor(site_dir: Path, name: str, outcome_id: str, path: str) -> None:
    check = checks.get(name)
    address, _, anchor = path.partition("#")
    page = site_dir / address.strip("/") / "index.html"
    assert page.is_file(), f"{name} {outcome_id}: {path} is not a page of the site"
    if anchor:
        parser = _Ids()
        parser.feed(page.read_text(encoding="utf-8"))
        assert anchor in parser.ids, f"{name} {outcome_id}: {address} has no #{anchor}"
    # From the check's page, the relative link lands on the same address.
    relative = page_link(check, path).partition("#")[0]
    resolved = posixpath.normpath(posixpath.join(check.page, relative))
    assert resolved.rstrip("/") == address.rstrip("/") or (resolved == "/" and address == "/")
