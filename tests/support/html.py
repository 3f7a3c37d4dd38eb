"""Small readers over built HTML, on the standard library's parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Elements and attributes through which a page makes the browser fetch something.
FETCHING_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "source": ("src", "srcset"),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
# <link> fetches for these relations only (canonical, prev and next are just addresses).
FETCHING_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "preconnect", "manifest", "apple-touch-icon", "dns-prefetch"}


@dataclass
class PageFacts(HTMLParser):
    """What the site tests want to know about one built page."""

    lang: str | None = None
    h1_count: int = 0
    fetched: list[str] = field(default_factory=list)
    classes: set[str] = field(default_factory=set)
    text: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.lang = values.get("lang")
        if tag == "h1":
            self.h1_count += 1
        self.classes.update(values.get("class", "").split())
        for name in FETCHING_ATTRIBUTES.get(tag, ()):
            if values.get(name):
                self.fetched.extend(part.strip().split(" ")[0] for part in values[name].split(","))
        if tag == "link" and FETCHING_LINK_RELS & set(values.get("rel", "").lower().split()):
            self.fetched.append(values.get("href", ""))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read_page(path: Path) -> PageFacts:
    facts = PageFacts()
    facts.feed(path.read_text(encoding="utf-8"))
    facts.close()
    return facts


def is_foreign(url: str) -> bool:
    """An address on another host: absolute (http:, https:) or protocol-relative."""
    lowered = url.strip().lower()
    return lowered.startswith(("http:", "https:", "//"))
