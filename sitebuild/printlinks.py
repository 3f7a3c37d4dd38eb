"""Give every link its address for print, in ``data-print-href``.

On paper a link is just underlined text, so the print stylesheet writes the
target after it. It cannot use ``href``: a link to another page of this site is
relative (``../kindcheck/``), and the theme's instant navigation even rewrites
those to the address the page happens to be served from. So the build writes
the address a reader can type: ``meldcodewijzer.nl/kindcheck/`` for a page of
this site (from ``site_url``), the full address for a page elsewhere.

Runs over the built files, so links from templates (the help block) get it too.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from checks.dom import Attr

# An opening <a> tag with a double-quoted href (as Markdown and the theme write them).
LINK = re.compile(r"<a\b[^>]*?\shref=\"(?P<href>[^\"]*)\"[^>]*>")
# Left alone: anchors on the same page, and links whose text already says it all (tel:, mailto:).
SKIPPED_PREFIXES = ("#", "tel:", "mailto:", "javascript:", "data:")
ATTRIBUTE = Attr.PRINT_HREF


def printable(url: str) -> str:
    """Host and path, as people type it: without https://."""
    parts = urlsplit(url)
    return parts.netloc + parts.path + ("#" + parts.fragment if parts.fragment else "")


def target(href: str, *, here: str, site_url: str) -> str | None:
    """What to print for a link on the page at ``here`` (absolute), or None."""
    if not href or href.startswith(SKIPPED_PREFIXES):
        return None
    url = urljoin(here, unescape(href))
    if url.startswith(site_url):
        return printable(url)
    if urlsplit(url).scheme in ("http", "https"):
        return href
    return None


def annotate(html: str, *, page_url: str, site_url: str) -> str:
    """Add ``data-print-href`` to each link; ``page_url`` is the page's
    site-relative url ("kindcheck/"), ``site_url`` absolute with a trailing slash."""
    here = urljoin(site_url, page_url)

    def add(match: re.Match[str]) -> str:
        tag = match[0]
        if ATTRIBUTE in tag:
            return tag
        text = target(match["href"], here=here, site_url=site_url)
        if text is None:
            return tag
        return tag[:-1] + f' {ATTRIBUTE}="{text}">'

    return LINK.sub(add, html)


def page_url(site_dir: Path, path: Path) -> str:
    relative = path.relative_to(site_dir).as_posix()
    return relative[: -len("index.html")] if relative.endswith("index.html") else relative


def apply(site_dir: Path, site_url: str) -> int:
    """Annotate every built HTML file; returns how many."""
    pages = sorted(site_dir.rglob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        path.write_text(annotate(html, page_url=page_url(site_dir, path), site_url=site_url), encoding="utf-8")
    return len(pages)
