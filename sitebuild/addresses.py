"""The trainers' overview: every topic with its short address and a QR code.

A page asks for it with ``<!-- mdx:addresses -->`` on its own line. Topics
come in groups, one per section of the nav (the pages outside any section
form the first group), and on paper each group starts on a new sheet
(mdx-print.css), so a handout can be printed for one part of a training. The QR
codes are made at build time with segno and written into the page as inline
SVG: no image files, no network, nothing for the browser to fetch. Each code
holds the topic's full address (the site's ``site_url`` plus the page's path),
so a phone camera opens the page itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Iterable, Sequence
from urllib.parse import urljoin, urlsplit

import segno

from checks.dom import Css

from . import markers

MARKER = markers.kind_pattern("addresses")
# Medium error correction: survives a smudged print and keeps the codes small.
QR_ERROR = "m"
SVG_OPEN = re.compile(r"^<svg\b")


@dataclass(frozen=True)
class Topic:
    title: str
    path: str  # site-relative, e.g. "signalen/"; "" for the home page
    url: str  # absolute, what the QR code holds
    href: str  # the link from the page that shows the overview

    @property
    def address(self) -> str:
        """The address as people type it: host and path, without https://."""
        parts = urlsplit(self.url)
        return parts.netloc + parts.path


# The group of the pages that sit in no section of the nav.
LOOSE_GROUP = "Onderwerpen"


@dataclass(frozen=True)
class Group:
    title: str
    topics: tuple[Topic, ...]

    @property
    def id(self) -> str:
        return "qr-" + (re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-") or "groep")


def has_marker(html: str) -> bool:
    return MARKER.search(html) is not None


def base_url(site_url: str | None) -> str:
    """``site_url`` with a trailing slash; QR codes need an absolute address."""
    if not site_url or not urlsplit(site_url).scheme or not urlsplit(site_url).netloc:
        raise ValueError(
            f"site_url must be an absolute address such as https://meldcodewijzer.nl/ "
            f"to make QR codes (got {site_url!r}); set it in mkdocs.yml or with SITE_URL"
        )
    return site_url if site_url.endswith("/") else site_url + "/"


def qr_svg(url: str, label: str) -> str:
    """One QR code as inline SVG, scalable (viewBox only), with a Dutch label.

    Colours are presentation attributes, not ``style``: the site's
    Content-Security-Policy blocks inline styles.
    """
    code = segno.make_qr(url, error=QR_ERROR)
    svg = code.svg_inline(omitsize=True, svgclass=Css.QR, lineclass=None, dark="#000", light="#fff")
    attributes = f'<svg role="img" aria-label="{escape(label)}" focusable="false" shape-rendering="crispEdges"'
    return SVG_OPEN.sub(attributes, svg, count=1)


def _items(topics: Iterable[Topic]) -> str:
    items = []
    for topic in topics:
        path = "/" + topic.path
        items.append(
            f'<li class="{Css.ADDRESSES_ITEM}">'
            f"{qr_svg(topic.url, f'QR-code voor {path}')}"
            f'<p class="{Css.ADDRESSES_TITLE}"><a href="{escape(topic.href)}">{escape(topic.title)}</a></p>'
            f'<p class="{Css.ADDRESSES_ADDRESS}">{escape(topic.address)}</p>'
            "</li>"
        )
    return "".join(items)


def render(groups: Iterable[Group]) -> str:
    sections = []
    for group in groups:
        sections.append(
            f'<section class="{Css.ADDRESSES_GROUP}" aria-labelledby="{group.id}">'
            f'<h3 id="{group.id}" class="{Css.ADDRESSES_HEADING}">{escape(group.title)}</h3>'
            f'<ol class="{Css.ADDRESSES}" aria-labelledby="{group.id}">{_items(group.topics)}</ol>'
            "</section>"
        )
    return "".join(sections)


def topics(pages: Iterable[tuple[str, str]], *, site_url: str | None, here: str) -> list[Topic]:
    """Topics from (title, site-relative url) pairs in nav order; ``here`` (the
    url of the page showing the overview) is left out and links are made relative to it."""
    base = base_url(site_url)
    depth = here.count("/")  # "trainers/" is one folder deep
    result = []
    for title, path in pages:
        if path == here:
            continue
        href = "../" * depth + path if depth else (path or "./")
        result.append(Topic(title=title, path=path, url=urljoin(base, path), href=href or "./"))
    return result


def groups(
    sections: Sequence[tuple[str | None, Sequence[tuple[str, str]]]], *, site_url: str | None, here: str
) -> list[Group]:
    """Groups from (section title or None, [(title, url)...]) in nav order: the
    pages outside any section first, as one group, then one group per section."""
    loose = [page for title, pages in sections if title is None for page in pages]
    named = [(title, pages) for title, pages in sections if title is not None]
    result = []
    for title, pages in [(LOOSE_GROUP, loose), *named]:
        found = topics(pages, site_url=site_url, here=here)
        if found:
            result.append(Group(title=title, topics=tuple(found)))
    return result


def expand(html: str, group_list: list[Group]) -> str:
    if not group_list:
        raise ValueError("mdx:addresses: there are no topics to list (is the nav empty?)")
    return MARKER.sub(lambda _: render(group_list), html)
