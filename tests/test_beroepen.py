"""The "Per beroep" pages (issue 10): every profession page is in the nav, built
at its address, ends with its public sources and leads to the general steps;
the overview leads to every profession page. No browser needed."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.support.html import is_foreign
from tests.support.site import ROOT, nav_addresses, page_file

DOCS = ROOT / "docs"
SECTION = DOCS / "beroepen"
OVERVIEW = "/beroepen/"
GENERAL_STEPS = "/meldcode/"


def address_of(source: Path) -> str:
    """docs/beroepen/ggz.md -> /beroepen/ggz/; docs/beroepen/index.md -> /beroepen/."""
    stem = source.relative_to(DOCS).with_suffix("").as_posix().removesuffix("index").rstrip("/")
    return f"/{stem}/"


SOURCES = sorted(SECTION.glob("*.md"))
ADDRESSES = [address_of(source) for source in SOURCES]
PROFESSIONS = [address for address in ADDRESSES if address != OVERVIEW]


@dataclass
class Section:
    heading: str
    heading_id: str
    links: list[str] = field(default_factory=list)
    # Headings written in the page's Markdown get a toc permalink; those the
    # theme adds (the help block) do not.
    from_markdown: bool = False


class ArticleReader(HTMLParser):
    """The links in the page's article, grouped by the h2 they follow."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections = [Section("", "")]
        self._article_depth = 0
        self._in_h2 = False
        self._in_permalink = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "article":
            self._article_depth += 1
        if not self._article_depth:
            return
        if tag == "h2":
            self._in_h2 = True
            self.sections.append(Section("", values.get("id", "")))
        elif tag == "a" and self._in_h2 and "headerlink" in values.get("class", "").split():
            # The toc permalink ("¶") is not part of the heading's text.
            self._in_permalink = True
            self.sections[-1].from_markdown = True
        elif tag == "a" and not self._in_h2 and values.get("href"):
            self.sections[-1].links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._article_depth -= 1
        elif tag == "h2":
            self._in_h2 = False
        elif tag == "a":
            self._in_permalink = False

    def handle_data(self, data: str) -> None:
        if self._in_h2 and not self._in_permalink:
            self.sections[-1].heading += data

    def all_links(self) -> list[str]:
        return [href for section in self.sections for href in section.links]

    def content_sections(self) -> list[Section]:
        return [section for section in self.sections if section.from_markdown]


def read(site_dir: Path, address: str) -> ArticleReader:
    path = page_file(site_dir, address)
    assert path.is_file(), f"{address} is not built ({path} missing)"
    reader = ArticleReader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader


def internal_targets(address: str, links: list[str]) -> set[str]:
    """Site addresses (path only) the links lead to, resolved against the page's own address."""
    targets = set()
    for href in links:
        if is_foreign(href) or href.startswith(("mailto:", "tel:")):
            continue
        path = urlsplit(urljoin("http://site" + address, href)).path
        targets.add(path if path.endswith("/") else path + "/")
    return targets


def test_the_section_holds_an_overview_and_the_profession_pages() -> None:
    assert OVERVIEW in ADDRESSES, "docs/beroepen/index.md is missing"
    assert len(PROFESSIONS) >= 10, f"issue 10 asks for at least ten professions, found {PROFESSIONS}"


@pytest.mark.parametrize("address", ADDRESSES)
def test_every_page_is_in_the_nav(address: str) -> None:
    assert address in nav_addresses(), f"{address} is not in the nav of mkdocs.yml"


def test_the_overview_comes_first_in_the_section() -> None:
    in_nav = [address for address in nav_addresses() if address.startswith(OVERVIEW)]
    assert in_nav and in_nav[0] == OVERVIEW, f"the overview must open the section, nav has {in_nav}"


@pytest.mark.parametrize("address", ADDRESSES)
def test_every_page_ends_with_its_public_sources(site_dir: Path, address: str) -> None:
    sections = read(site_dir, address).content_sections()
    headings = [section.heading.strip() for section in sections]
    assert "Bronnen" in headings, f"{address} has no h2 'Bronnen' (h2s: {headings})"
    sources = sections[headings.index("Bronnen")]
    assert sources is sections[-1], f"{address}: 'Bronnen' must be the page's last section, not {headings[-1]!r}"
    external = [href for href in sources.links if is_foreign(href)]
    assert external, f"{address}: the Bronnen section names no public source (no external link)"


@pytest.mark.parametrize("address", ADDRESSES)
def test_every_page_links_to_the_general_steps(site_dir: Path, address: str) -> None:
    targets = internal_targets(address, read(site_dir, address).all_links())
    assert GENERAL_STEPS in targets, f"{address} does not link to the general steps ({GENERAL_STEPS})"


def test_the_overview_links_every_profession_page(site_dir: Path) -> None:
    targets = internal_targets(OVERVIEW, read(site_dir, OVERVIEW).all_links())
    missing = [address for address in PROFESSIONS if address not in targets]
    assert not missing, f"the overview does not link to {missing}"


def test_every_profession_page_has_the_same_sections(site_dir: Path) -> None:
    """A reader who knows one profession page finds the same parts on the next."""
    outlines = {address: [s.heading_id for s in read(site_dir, address).content_sections()] for address in PROFESSIONS}
    first = PROFESSIONS[0]
    different = {address: ids for address, ids in outlines.items() if ids != outlines[first]}
    assert not different, f"sections differ from {first} {outlines[first]}: {different}"
