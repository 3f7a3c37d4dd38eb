"""What no visitor uses is not shipped (issue 13): no source maps, no search
language files beyond the site's own, one stylesheet of ours instead of
several; and the theme's search dialog has an accessible name."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config import load_config
from sitebuild import slim

from tests.support.site import is_redirect

ROOT = Path(__file__).resolve().parent.parent
STYLESHEET_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)"')


def test_no_source_maps_and_nothing_points_to_one(site_dir: Path) -> None:
    assert sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.map")) == []
    pointing = [
        p.relative_to(site_dir).as_posix()
        for p in [*site_dir.rglob("*.js"), *site_dir.rglob("*.css")]
        if b"sourceMappingURL=" in p.read_bytes()[-300:]
    ]
    assert pointing == []


def test_the_search_ships_only_the_files_its_languages_load(site_dir: Path) -> None:
    assert slim.search_languages(site_dir) == ["nl"]
    lunr = site_dir / slim.LUNR_DIR
    shipped = sorted(p.relative_to(lunr).as_posix() for p in lunr.rglob("*") if p.is_file())
    assert shipped == ["min/lunr.nl.min.js", "min/lunr.stemmer.support.min.js"]


def test_every_page_links_one_stylesheet_of_ours_holding_all_the_sources(site_dir: Path) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    sources = [str(source) for source in config.extra_css]
    assert len(sources) > 1
    pages = sorted(site_dir.rglob("index.html"))
    linked = {
        page.relative_to(site_dir).as_posix(): [href for href in STYLESHEET_LINK.findall(page.read_text(encoding="utf-8")) if "/mdx" in href or href.startswith("mdx")]
        for page in pages
        if not is_redirect(page.read_text(encoding="utf-8"))
    }
    assert {page: len(hrefs) for page, hrefs in linked.items() if len(hrefs) != 1} == {}
    names = {hrefs[0].rsplit("/", 1)[1] for hrefs in linked.values()}
    assert len(names) == 1, names
    bundle = site_dir / Path(sources[0]).parent / names.pop()
    text = bundle.read_text(encoding="utf-8")
    positions = [text.index((ROOT / "docs" / source).read_text(encoding="utf-8").strip()) for source in sources]
    assert positions == sorted(positions), "the bundle keeps the order of extra_css"
    assert [s for s in sources if (site_dir / s).exists()] == [], "the sources are not shipped beside the bundle"


def test_the_search_dialog_has_an_accessible_name(site_dir: Path) -> None:
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'role="dialog" aria-label="Zoeken"' in html
    assert not slim.SEARCH_DIALOG.search(html)
