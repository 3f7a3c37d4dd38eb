"""The site's few inline scripts, kept as real JavaScript files in ``inline/``.

Templates write them into a page with ``{{ mdx_inline_script("NAME") }}``
(the hook registers the function); ``sitebuild.csp`` hashes every inline
script of the built pages, so the policy follows any edit here.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

SCRIPTS = Path(__file__).with_name("inline")


def script(name: str) -> Markup:
    """The body of ``inline/NAME.js``, ready to go between <script> tags."""
    path = SCRIPTS / f"{name}.js"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in SCRIPTS.glob("*.js")))
        raise ValueError(f"No inline script {name!r} in {SCRIPTS} (known: {known})")
    text = path.read_text(encoding="utf-8").strip()
    if "</script" in text.lower():
        raise ValueError(f"{path} contains '</script', which would end the inline script early")
    return Markup(text)
