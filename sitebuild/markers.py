"""The one grammar of the markers pages use to ask for generated content.

A marker is an HTML comment on its own line: ``<!-- mdx:KIND -->`` or
``<!-- mdx:KIND NAME -->``. ``KINDS`` is the table of every kind: which name
it takes (a check's, a practice case's, or none), when it is expanded and
into what. Anything else that starts with ``<!-- mdx:`` (a typo, a missing or
extra name, an unknown check or case) is a ``MarkerError`` naming the page
and the marker, so the build stops.

Kinds expand at one of three stages:

- ``MARKDOWN``: before the page is rendered, so the text can carry the page's
  title (the practice cases, ``sitebuild.casepages``, which passes the
  renderers, since they need the whole site's wiring);
- ``HTML``: from the page's own HTML, by the renderer in the table;
- ``NAV``: once the whole site's navigation is known (``addresses``,
  ``sitebuild.addresses``); here it is only judged.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

import checks
from practice import cases
from checks.render import check_html, explanation_html, scheme_html

from . import versions

# Every comment that claims to be a marker; the grammar below judges the rest.
MARKER = re.compile(r"<!--\s*mdx:(?P<body>.*?)-->", re.DOTALL)
# In Markdown only a marker on a line of its own is one (not an example of one
# in running text or code); what is left still meets the HTML stage.
_MARKDOWN_MARKER = re.compile(rf"^[ \t]*{MARKER.pattern}[ \t]*$", re.DOTALL | re.MULTILINE)
_BODY = re.compile(r"(?P<kind>[a-z-]+)(?:\s+(?P<name>[a-z0-9-]+))?")


class MarkerError(ValueError):
    """A marker that is unknown or malformed; the message names page and marker."""


class Stage(enum.Enum):
    MARKDOWN = "markdown"
    HTML = "html"
    NAV = "nav"


@dataclass(frozen=True)
class Names:
    """What a kind's name names, and where the known ones come from."""

    what: str
    known: Callable[[], tuple[str, ...]]


CHECK = Names("check", checks.names)
CASE = Names("case", lambda: tuple(case.id for case in cases.CASES))


@dataclass(frozen=True)
class Kind:
    """What a marker kind takes, when it is expanded and (at the HTML stage) into what."""

    takes: Names | None = None
    stage: Stage = Stage.HTML
    render: Callable[[checks.Check], str] | Callable[[], str] | None = None
    # A check's content holds links relative to its own page, so it may
    # only appear there.
    on_check_page: bool = False

    def __post_init__(self) -> None:
        if (self.render is not None) != (self.stage is Stage.HTML):
            raise ValueError("a kind has a renderer here exactly when it expands at the HTML stage")


KINDS: dict[str, Kind] = {
    "check": Kind(takes=CHECK, render=check_html, on_check_page=True),
    "scheme": Kind(takes=CHECK, render=scheme_html, on_check_page=True),
    "explanation": Kind(takes=CHECK, render=explanation_html, on_check_page=True),
    "versions": Kind(render=versions.table_html),
    "addresses": Kind(stage=Stage.NAV),
    "case": Kind(takes=CASE, stage=Stage.MARKDOWN),
    "cases": Kind(stage=Stage.MARKDOWN),
}


@dataclass(frozen=True)
class Marker:
    """One marker, judged: its kind and name are known and fit each other."""

    kind: str
    name: str | None
    text: str


def kind_pattern(kind: str) -> re.Pattern[str]:
    """The exact marker of a kind that takes no name (for a later stage)."""
    assert KINDS[kind].takes is None, kind
    return re.compile(rf"<!--\s*mdx:{re.escape(kind)}\s*-->")


def _judge(match: re.Match[str], page: str) -> Marker:
    text = match[0].strip()
    where = f"page {page!r}, marker {text!r}"
    body = _BODY.fullmatch(match["body"].strip())
    kind = KINDS.get(body["kind"]) if body else None
    if body is None or kind is None:
        raise MarkerError(f"Unknown marker in {where}; known kinds: {', '.join(KINDS)}")
    name = body["name"]
    if kind.takes is None:
        if name is not None:
            raise MarkerError(f"Marker 'mdx:{body['kind']}' takes no name, in {where}")
        return Marker(body["kind"], None, text)
    known = kind.takes.known()
    if name is None:
        raise MarkerError(f"Marker without a {kind.takes.what} name in {where}; {kind.takes.what}s: {', '.join(known)}")
    if name not in known:
        raise MarkerError(f"Unknown {kind.takes.what} {name!r} in {where}; {kind.takes.what}s: {', '.join(known)}")
    if kind.on_check_page:
        check = checks.get(name)
        if "/" + page.lstrip("/") != check.page:
            raise MarkerError(f"The {check.name} belongs on {check.page} (its links are relative to it), not in {where}")
    return Marker(body["kind"], name, text)


def find(text: str, page: str, *, markdown: bool = False) -> Iterator[Marker]:
    """Every marker in a page's HTML (or Markdown), judged."""
    pattern = _MARKDOWN_MARKER if markdown else MARKER
    return (_judge(match, page) for match in pattern.finditer(text))


def checks_on(html: str, page: str) -> tuple[str, ...]:
    """The names in this page's interactive-check markers (``mdx:check NAME``),
    so the page's head can start Python before the check's own code loads."""
    return tuple(marker.name for marker in find(html, page) if marker.kind == "check" and marker.name)


def expand_markdown(markdown: str, page: str, render: Mapping[str, Callable[[str | None], str]]) -> str:
    """The Markdown stage: each marker of a ``MARKDOWN`` kind replaced by
    ``render[kind](name)``; every other marker judged and left for later."""
    missing = {kind for kind, spec in KINDS.items() if spec.stage is Stage.MARKDOWN} - set(render)
    if missing:
        raise ValueError(f"No renderer for the Markdown-stage marker kinds {sorted(missing)}")

    def one(match: re.Match[str]) -> str:
        marker = _judge(match, page)
        if KINDS[marker.kind].stage is not Stage.MARKDOWN:
            return match[0]
        return render[marker.kind](marker.name)

    return _MARKDOWN_MARKER.sub(one, markdown)


def _expand_html(match: re.Match[str], page: str) -> str:
    marker = _judge(match, page)
    kind = KINDS[marker.kind]
    if kind.stage is Stage.MARKDOWN:
        raise MarkerError(f"Marker {marker.text!r} in page {page!r} must stand on a line of its own")
    if kind.render is None:
        return match[0]
    if marker.name is None:
        return kind.render()  # type: ignore[call-arg]
    return kind.render(checks.get(marker.name))  # type: ignore[call-arg]


def expand(html: str, page: str) -> str:
    """Every HTML-stage marker in a page's HTML expanded (a later stage's
    checked and left). ``page`` is the page's site-relative address, e.g.
    ``kindcheck/``."""
    return MARKER.sub(lambda match: _expand_html(match, page), html)
