"""Dutch forwarding pages for the short and old addresses.

mkdocs-redirects writes an English page ("Redirecting...", ``lang="en"``)
whose script appends the visitor's fragment to a target that may have its own
(``/privacy/#x`` became ``/over/#privacy#x``). After it has run, each of its
pages is rewritten: Dutch, ``lang="nl"``, the same target (read from the
page's canonical link), the meta refresh kept for browsers without
JavaScript, and the script in ``redirect.js``.
"""

from __future__ import annotations

import re
from html import escape, unescape
from pathlib import Path

from mkdocs_redirects.plugin import get_html_path

# The file's comments explain it; the pages need only the code.
SCRIPT = "\n".join(
    line
    for line in Path(__file__).with_name("redirect.js").read_text(encoding="utf-8").splitlines()
    if not line.lstrip().startswith("//")
)
CANONICAL = re.compile(r'<link rel="canonical" href="(?P<href>[^"]+)"')

PAGE = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Deze pagina is verhuisd – Meldcodewijzer</title>
<link rel="canonical" href="{url}">
<script>{script}</script>
<meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
<p>Deze pagina staat op een nieuw adres. Je gaat vanzelf verder.</p>
<p>Gebeurt er niets? Ga dan naar <a href="{url}">de nieuwe pagina</a>.</p>
</body>
</html>
"""


def page(url: str) -> str:
    """The forwarding page for a target ``url`` (relative to the page)."""
    return PAGE.format(url=escape(url, quote=True), script=SCRIPT)


def rewrite(site_dir: Path, redirect_maps: dict[str, str], *, use_directory_urls: bool) -> int:
    """Rewrite each page mkdocs-redirects wrote; returns how many."""
    for old in redirect_maps:
        path = site_dir / get_html_path(old, use_directory_urls)
        match = CANONICAL.search(path.read_text(encoding="utf-8"))
        if match is None:
            raise ValueError(f"{path}: the redirect page has no canonical link to forward to")
        path.write_text(page(unescape(match["href"])), encoding="utf-8")
    return len(redirect_maps)
