"""One stylesheet instead of several: each extra stylesheet is a request the
browser must finish before it paints (Lighthouse counted four on every page).
The sources stay as they are in docs/; the site gets their concatenation, in
order, under a name that changes with its content."""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath

BUNDLE_STEM = "mdx"


def bundle(docs_dir: Path, sources: list[str]) -> tuple[str, str]:
    """(site-relative name, text) of the bundle of ``sources`` (paths in docs_dir)."""
    if not sources:
        raise ValueError("no stylesheets to bundle")
    folders = {PurePosixPath(source).parent for source in sources}
    if len(folders) != 1:
        # url() in a stylesheet is relative to its own folder: keep them together.
        raise ValueError(f"extra_css must share one folder to be bundled, got {sorted(map(str, folders))}")
    parts = []
    for source in sources:
        path = docs_dir / source
        if not path.is_file():
            raise FileNotFoundError(f"extra_css names {source}, which is not in {docs_dir}")
        parts.append(f"/* {source} */\n{path.read_text(encoding='utf-8').rstrip()}\n")
    text = "\n".join(parts)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return f"{folders.pop()}/{BUNDLE_STEM}-{digest}.css", text
