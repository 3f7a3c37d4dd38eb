"""Content a professional can trust (issue 10): every content page names its
public sources, the new pages sit at their published addresses with the
anchors other pages link to, and the errors found on the live pages stay gone.

These tests read the strict build (no browser needed)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.support.dom import Css
from tests.support.html import is_foreign
from tests.support.site import content_pages, nav_addresses, page_file

# Pages without a "Bronnen" section, and why:
# - "/" is the entry page: it only points to topics, each of which lists its sources;
# - the check pages restate their check (checks/), whose basis and version /over/ lists;
#   "/waar-begin-ik/" (issue 11) is a route check of the same kind;
# - "/over/" is itself the overview of every source and where they disagree;
# - "/toegankelijkheid/", "/veilig-gebruik/" and "/trainers/" describe the site itself,
#   not facts from outside it;
# - the practice cases under "/oefenen/" are fictional; their routes come from
#   the checks, whose pages carry the sources.
WITHOUT_SOURCES_UNDER = ("/oefenen/",)
WITHOUT_SOURCES = {
    "/",
    "/kindcheck/",
    "/afwegingskader/",
    "/waar-begin-ik/",
    "/over/",
    "/toegankelijkheid/",
    "/veilig-gebruik/",
    "/trainers/",
}

# The shared address contract: other pages and the route check link here.
NEW_PAGES = {
    "/vormen-van-geweld/": [
        "partnergeweld",
        "kindermishandeling",
        "ouderenmishandeling",
        "seksueel-geweld",
        "eergerelateerd-geweld",
        "vrouwelijke-genitale-verminking",
        "mensenhandel",
    ],
    "/collega/": ["onderwijs", "kinderopvang", "zorg-en-jeugdhulp", "andere-sectoren", "tussen-kinderen"],
}
NEW_SECTIONS = {
    "/na-de-melding/": ["wat-doet-veilig-thuis", "een-melding-voorbereiden"],
    "/hulp-en-contact/": ["centrum-seksueel-geweld", "de-kindertelefoon", "politie", "vertrouwensinspecteurs", "chat"],
}

# Pages that explain skipping the conversation with the client (step 3, and again
# before a melding in step 5): the basismodel allows two grounds, not one.
SKIP_CONVERSATION_PAGES = ["/meldcode/", "/meldcode/stap-3/", "/meldcode/stap-5/"]
SAFETY_GROUND = re.compile(r"veiligheid\b.{0,80}\bin gevaar", re.IGNORECASE)
CONTACT_GROUND = re.compile(r"\bcontact\b.{0,40}\bverbr(eekt|eken)\b", re.IGNORECASE)
# The old one-ground sentence in its wordings ("alleen als ... veiligheid in gevaar",
# "behalve als dat iemands veiligheid in gevaar brengt"), judged per sentence.
ONE_GROUND = re.compile(r"\b(alleen|behalve)\b.*\bveiligheid in gevaar\b", re.IGNORECASE)

ALWAYS_OPEN = re.compile(r"gratis,? dag en nacht|dag en nacht gratis", re.IGNORECASE)
OFFICE_HOURS = re.compile(r"buiten kantooruren", re.IGNORECASE)


@dataclass
class Section:
    title: str
    links: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


class _Article(HTMLParser):
    """The page's own content: its h2 sections with their links, and its text.

    Reading stops at the "last updated" line and the site-wide help block, which
    close every article and are not the page's own text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[Section] = []
        self.text: list[str] = []
        self._depth = 0  # >0 while inside the article
        self._done = False
        self._in_h2 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        classes = values.get("class", "").split()
        if self._done:
            return
        if Css.HELP in classes or Css.UPDATED in classes:
            self._done = True
            return
        if tag == "article" and "md-content__inner" in classes:
            self._depth = 1
            return
        if not self._depth:
            return
        if tag == "h2":
            self._in_h2 = True
            self.sections.append(Section(title=""))
        elif tag == "a" and self.sections and values.get("href"):
            self.sections[-1].links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data: str) -> None:
        if self._done or not self._depth:
            return
        self.text.append(data)
        if self._in_h2:
            self.sections[-1].title += data
        elif self.sections:
            self.sections[-1].text.append(data)


def read_article(site_dir: Path, address: str) -> _Article:
    path = page_file(site_dir, address)
    assert path.is_file(), f"{address} is not built ({path} missing)"
    article = _Article()
    article.feed(path.read_text(encoding="utf-8"))
    article.close()
    assert article.sections or article.text, f"{address}: no article content found"
    return article


def sentences(text: str) -> list[str]:
    flat = re.sub(r"\s+", " ", text)
    return [part.strip() for part in re.split(r"(?<=[.!?:;])\s", flat) if part.strip()]


def address_of(site_dir: Path, path: Path) -> str:
    parent = path.parent.relative_to(site_dir).as_posix()
    return "/" if parent == "." else f"/{parent}/"


# --- Every content page names its sources ------------------------------------


def content_addresses() -> list[str]:
    return [
        address
        for address in nav_addresses()
        if address not in WITHOUT_SOURCES and not address.startswith(WITHOUT_SOURCES_UNDER)
    ]


def test_the_exemptions_are_few_and_the_rest_is_data_driven() -> None:
    addresses = content_addresses()
    assert len(addresses) >= 15, addresses
    assert "/vormen-van-geweld/" in addresses and "/collega/" in addresses


@pytest.mark.parametrize("address", content_addresses())
def test_a_content_page_ends_with_its_sources(site_dir: Path, address: str) -> None:
    article = read_article(site_dir, address)
    # The theme's permalink ("¶") sits inside every heading.
    titles = [section.title.replace("\N{PILCROW SIGN}", "").strip() for section in article.sections]
    assert "Bronnen" in titles, f"{address} has no h2 'Bronnen' (h2s: {titles})"
    assert titles[-1] == "Bronnen", f"{address}: 'Bronnen' must be the last section, not {titles[-1]!r}"
    external = [href for href in article.sections[-1].links if is_foreign(href)]
    assert external, f"{address}: the Bronnen section links to no public source"
    checked = re.sub(r"\s+", " ", "".join(article.sections[-1].text))
    assert re.search(r"\b\d{1,2} \w+ 20\d\d\b", checked), f"{address}: Bronnen does not say when the sources were checked"


# --- The new pages and sections are where the contract says -----------------


@pytest.mark.parametrize("address", sorted(NEW_PAGES))
def test_a_new_page_is_in_the_nav_at_its_address(site_dir: Path, address: str) -> None:
    assert address in nav_addresses(), f"{address} is not in the nav"
    html = page_file(site_dir, address).read_text(encoding="utf-8")
    missing = [anchor for anchor in NEW_PAGES[address] if f'id="{anchor}"' not in html]
    assert not missing, f"{address} lacks the sections {missing}"


@pytest.mark.parametrize("address", sorted(NEW_SECTIONS))
def test_a_page_has_its_new_sections(site_dir: Path, address: str) -> None:
    html = page_file(site_dir, address).read_text(encoding="utf-8")
    missing = [anchor for anchor in NEW_SECTIONS[address] if f'id="{anchor}"' not in html]
    assert not missing, f"{address} lacks the sections {missing}"


def test_the_collega_page_has_its_title(site_dir: Path) -> None:
    html = page_file(site_dir, "/collega/").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>Als een collega de pleger is", html)


# --- The errors found on the live pages stay gone -----------------------------


@pytest.mark.parametrize("address", SKIP_CONVERSATION_PAGES)
def test_skipping_the_conversation_names_both_grounds(site_dir: Path, address: str) -> None:
    text = " ".join(read_article(site_dir, address).text)
    assert SAFETY_GROUND.search(text), f"{address} does not name the safety ground"
    assert CONTACT_GROUND.search(text), f"{address} does not name the ground 'the client breaks off contact'"


def test_no_page_keeps_the_one_ground_sentence(site_dir: Path) -> None:
    found = []
    for path in content_pages(site_dir):
        address = address_of(site_dir, path)
        article = _Article()
        article.feed(path.read_text(encoding="utf-8"))
        found += [f"{address}: {s}" for s in sentences(" ".join(article.text)) if ONE_GROUND.search(s)]
    assert not found, "the conversation may also be skipped when the client would break off contact:\n" + "\n".join(found)


def test_always_open_is_never_said_without_the_office_hours_caveat(site_dir: Path) -> None:
    problems = []
    for path in sorted(site_dir.rglob("*.html")):
        text = re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))
        if ALWAYS_OPEN.search(text) and not OFFICE_HOURS.search(text):
            problems.append(path.relative_to(site_dir).as_posix())
    assert not problems, "'gratis, dag en nacht' without 'buiten kantooruren' on: " + ", ".join(problems)


def test_the_bruise_sentence_has_its_counterpart(site_dir: Path) -> None:
    text = re.sub(r"\s+", " ", " ".join(read_article(site_dir, "/signalen/").text))
    assert re.search(r"baby[^.]*nog niet zelf[^.]*(alarmsignaal|in actie)", text), "signalen: no warning about a bruised baby"
    for group in ("Baby en peuter", "Schoolkind", "Tiener", "Volwassene", "Oudere", "ouder of verzorger"):
        assert group in text, f"signalen: no signals for {group!r}"
