"""The one grammar of the markers pages use to ask for generated content.

A marker is an HTML comment on its own line: ``<!-- mdx:KIND -->`` or
``<!-- mdx:KIND NAME -->``. ``KINDS`` is the table of every kind: whether it
takes a check's name, and what it becomes. Anything else that starts with
``<!-- mdx:`` (a typo, a missing or extra name, an unknown check) is a
``MarkerError`` naming the page and the marker, so the build stops.

Most kinds expand here, from the page's own HTML; ``addresses`` needs the
whole site's navigation and is expanded later (``sitebuild.addresses``), so
here it is only checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import checks
from checks.render import check_html, explanation_html, scheme_html

from . import versions

# Every comment that claims to be a marker; the grammar below judges the rest.
MARKER = re.compile(r"<!--\s*mdx:(?P<body>.*?)-->", re.DOTALL)
_BODY = re.compile(r"(?P<kind>[a-z-]+)(?:\s+(?P<name>[a-z0-9-]+))?")


class MarkerError(ValueError):
    """A marker that is unknown or malformed; the message names page and marker."""


@dataclass(frozen=True)
class Kind:
    """What a marker kind takes and what it becomes (None: expanded later)."""

    takes_name: bool
    render: Callable[[checks.Check], str] | Callable[[], str] | None
    # A check's content holds links relative to its own page, so it may
    # only appear there.
    on_check_page: bool = False


KINDS: dict[str, Kind] = {
    "check": Kind(takes_name=True, render=check_html, on_check_page=True),
    "scheme": Kind(takes_name=True, render=scheme_html, on_check_page=True),
    "explanation": Kind(takes_name=True, render=explanation_html, on_check_page=True),
    "versions": Kind(takes_name=False, render=versions.table_html),
    "addresses": Kind(takes_name=False, render=None),
}


def kind_pattern(kind: str) -> re.Pattern[str]:
    """The exact marker of a kind that takes no name (for a later stage)."""
    assert not KINDS[kind].takes_name, kind
    return re.compile(rf"<!--\s*mdx:{re.escape(kind)}\s*-->")


def _expand_one(match: re.Match[str], page: str) -> str:
    marker = match[0]
    where = f"page {page!r}, marker {marker!r}"
    body = _BODY.fullmatch(match["body"].strip())
    kind = KINDS.get(body["kind"]) if body else None
    if body is None or kind is None:
        raise MarkerError(f"Unknown marker in {where}; known kinds: {', '.join(KINDS)}")
    name = body["name"]
    if kind.takes_name and name is None:
        raise MarkerError(f"Marker without a check name in {where}; checks: {', '.join(checks.names())}")
    if not kind.takes_name and name is not None:
        raise MarkerError(f"Marker 'mdx:{body['kind']}' takes no name, in {where}")
    if kind.render is None:
        return marker
    if not kind.takes_name:
        return kind.render()  # type: ignore[call-arg]
    try:
        check = checks.get(name)
    except ValueError as error:
        raise MarkerError(f"{error} In {where}.") from None
    if kind.on_check_page and "/" + page.lstrip("/") != check.page:
        raise MarkerError(f"The {check.name} belongs on {check.page} (its links are relative to it), not in {where}")
    return kind.render(check)  # type: ignore[call-arg]


def checks_on(html: str) -> tuple[str, ...]:
    """The names in this page's interactive-check markers (``mdx:check NAME``),
    so the page's head can start Python before the check's own code loads."""
    bodies = (_BODY.fullmatch(match["body"].strip()) for match in MARKER.finditer(html))
    return tuple(body["name"] for body in bodies if body and body["kind"] == "check" and body["name"])


def expand(html: str, page: str) -> str:
    """Every marker in a page's HTML expanded (or, for a later stage, checked).
    ``page`` is the page's site-relative address, e.g. ``kindcheck/``."""
    return MARKER.sub(lambda match: _expand_one(match, page), html)
