"""Leave out of the built site what no visitor uses (issue 13): the search's
language files for languages the site does not search in, and source maps
(with the comments that point to them). And give the theme's search dialog
the accessible name it lacks."""

from __future__ import annotations

import json
import re
from pathlib import Path

LUNR_DIR = "assets/javascripts/lunr"
SEARCH_INDEX = "search/search_index.json"
SOURCE_MAP_COMMENT = re.compile(rb"\n?(//# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$")
# Material's search overlay: role="dialog" and no name (Lighthouse, axe "aria-dialog-name").
SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")(?![^>]*aria-label)')
SEARCH_DIALOG_NAME = "Zoeken"


def search_languages(site_dir: Path) -> list[str]:
    index = site_dir / SEARCH_INDEX
    if not index.is_file():
        return []
    languages = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", [])
    return [language for language in languages if isinstance(language, str)]


def lunr_files_needed(languages: list[str]) -> set[str]:
    """What the theme's search worker imports for these languages (its
    `importScripts` list): the stemmer support and one file per language but
    English, a segmenter for Japanese, Hindi and Thai, `lunr.multi` for more
    than one."""
    needed: set[str] = set()
    for language in languages:
        if language == "ja":
            needed.add("tinyseg.js")
        if language in ("hi", "th"):
            needed.add("wordcut.js")
        if language != "en":
            needed.add(f"min/lunr.{language}.min.js")
    if needed or len(languages) > 1:
        needed.add("min/lunr.stemmer.support.min.js")
    if len(languages) > 1:
        needed.add("min/lunr.multi.min.js")
    return needed


def prune(site_dir: Path) -> list[str]:
    """Remove unused search languages and source maps; returns what went, site-relative."""
    removed = []
    lunr = site_dir / LUNR_DIR
    if lunr.is_dir():
        needed = lunr_files_needed(search_languages(site_dir))
        for path in sorted(p for p in lunr.rglob("*") if p.is_file()):
            if path.relative_to(lunr).as_posix() not in needed:
                path.unlink()
                removed.append(path.relative_to(site_dir).as_posix())
    for path in sorted(site_dir.rglob("*.map")):
        path.unlink()
        removed.append(path.relative_to(site_dir).as_posix())
    for path in sorted([*site_dir.rglob("*.js"), *site_dir.rglob("*.css")]):
        data = path.read_bytes()
        stripped = SOURCE_MAP_COMMENT.sub(b"\n", data)
        if stripped != data:
            path.write_bytes(stripped)
    return removed


def label_search_dialog(site_dir: Path) -> int:
    """Name the theme's search dialog in every page; returns how many pages."""
    pages = 0
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        labelled, count = SEARCH_DIALOG.subn(rf'\1 aria-label="{SEARCH_DIALOG_NAME}"', html)
        if count:
            page.write_text(labelled, encoding="utf-8")
            pages += 1
    return pages
