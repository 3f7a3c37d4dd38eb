"""A Content-Security-Policy meta tag for every built page.

Material's templates carry small inline scripts. Instead of 'unsafe-inline'
the policy lists the SHA-256 of each one. With instant navigation the policy of
the first page loaded stays in force while later pages' scripts run, so every
page gets the same policy: the union of all inline scripts of the site.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from . import integrity

# Executable inline scripts only: a JSON data block (Material's __config) never runs.
INLINE_SCRIPT = re.compile(
    r"<script(?P<attrs>(?![^>]*\ssrc=)[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE
)
DATA_TYPE = re.compile(r"""\stype=["']?application/(ld\+)?json""", re.IGNORECASE)
# After the charset declaration, which must stay within a page's first 1024 bytes.
ANCHORS = (re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE), re.compile(r"<head[^>]*>", re.IGNORECASE))
EXISTING = re.compile(r"""http-equiv=["']?content-security-policy""", re.IGNORECASE)

BASE_POLICY = {
    "default-src": ["'self'"],
    # The theme draws its icons as data: SVG images in its stylesheet.
    "img-src": ["'self'", "data:"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


def inline_scripts(html: str) -> list[str]:
    return [m["body"] for m in INLINE_SCRIPT.finditer(html) if not DATA_TYPE.search(m["attrs"])]


def script_hash(body: str) -> str:
    return f"'{integrity.sha256(body.encode('utf-8'))}'"


def policy(scripts: Iterable[str]) -> str:
    directives = {name: list(sources) for name, sources in BASE_POLICY.items()}
    directives["script-src"] += sorted({script_hash(body) for body in scripts})
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def insert_meta(html: str, content: str, *, source: str) -> str:
    if EXISTING.search(html):
        raise ValueError(f"{source} already has a Content-Security-Policy meta tag")
    anchor = next((m for m in (a.search(html) for a in ANCHORS) if m), None)
    if anchor is None:
        raise ValueError(f"{source} has no <head>: cannot place the Content-Security-Policy")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    return html[: anchor.end()] + meta + html[anchor.end() :]


def apply(site_dir: Path) -> int:
    """Write the site-wide policy into every HTML file; returns how many."""
    pages = sorted(site_dir.rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    content = policy(body for html in texts.values() for body in inline_scripts(html))
    for page, html in texts.items():
        page.write_text(insert_meta(html, content, source=str(page)), encoding="utf-8")
    return len(pages)
