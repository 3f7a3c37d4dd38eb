"""Expand check markers in rendered page HTML.

Pages say where a check goes with an HTML comment on its own line:
``<!-- mdx:check kindcheck -->`` (the interactive check) or
``<!-- mdx:scheme kindcheck -->`` (the full static scheme).
``<!-- mdx:versions -->`` (no name) is the table of all checks' versions.
"""

from __future__ import annotations

import re

import checks
from checks.render import check_html, scheme_html

from . import versions

MARKER = re.compile(r"<!--\s*mdx:(?P<kind>[\w-]+)\s+(?P<name>[\w-]+)\s*-->")
RENDERERS = {"check": check_html, "scheme": scheme_html}
# Markers without a name: about all checks at once.
VERSIONS_MARKER = re.compile(r"<!--\s*mdx:versions\s*-->")


def has_markers(html: str) -> bool:
    return MARKER.search(html) is not None or VERSIONS_MARKER.search(html) is not None


def _render(match: re.Match[str]) -> str:
    kind, name = match["kind"], match["name"]
    renderer = RENDERERS.get(kind)
    if renderer is None:
        known = ", ".join(sorted(RENDERERS))
        raise ValueError(f"Unknown marker 'mdx:{kind}' (known: {known}) in {match[0]!r}")
    return renderer(checks.get(name))  # an unknown check name raises, listing the known ones


def expand(html: str) -> str:
    html = VERSIONS_MARKER.sub(lambda _: versions.table_html(), html)
    return MARKER.sub(_render, html)
