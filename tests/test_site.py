"""The reference site as built: every topic at its address, Dutch, strict,
private by construction (issue 2)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from tests.support.dom import Css
from tests.support.html import is_foreign, read_page
from tests.support.site import content_pages, nav_addresses, page_file

ROOT = Path(__file__).resolve().parent.parent


# Every topic is in the nav (mkdocs.yml); tests/published-addresses.txt keeps
# each address alive after it leaves the nav (test_training.py).
@pytest.mark.parametrize("address", nav_addresses())
def test_every_topic_has_its_address(site_dir: Path, address: str) -> None:
    path = page_file(site_dir, address)
    assert path.is_file(), f"{address} is not built ({path} missing)"
    # The article only: the nav and the help block alone hold over 300 words.
    article = re.search(r"<article\b.*?</article>", path.read_text(encoding="utf-8"), re.DOTALL)
    assert article, f"{address} has no article"
    words = len(re.sub(r"<[^>]+>", " ", article[0]).split())
    assert words > 300, f"{address} holds only {words} words: is the content there?"


def test_pages_are_dutch_with_one_h1_and_a_help_block(site_dir: Path) -> None:
    problems = []
    for path in content_pages(site_dir):
        facts = read_page(path)
        name = path.relative_to(site_dir).as_posix()
        text = " ".join(facts.text)
        if facts.lang != "nl":
            problems.append(f"{name}: lang={facts.lang!r}")
        if facts.h1_count != 1:
            problems.append(f"{name}: {facts.h1_count} h1 elements")
        if Css.HELP not in facts.classes or "112" not in text or "0800-2000" not in text:
            problems.append(f"{name}: no help block with 112 and 0800-2000")
    assert not problems, "\n".join(problems)


def test_no_page_fetches_from_another_host(site_dir: Path) -> None:
    foreign = [
        f"{path.relative_to(site_dir)}: {url}"
        for path in sorted(site_dir.rglob("*.html"))
        for url in read_page(path).fetched
        if is_foreign(url)
    ]
    assert not foreign, "Assets from another host:\n" + "\n".join(foreign)


def test_no_stylesheet_imports_from_another_host(site_dir: Path) -> None:
    pattern = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s]+)""", re.IGNORECASE)
    foreign = [
        f"{path.relative_to(site_dir)}: {match}"
        for path in sorted(site_dir.rglob("*.css"))
        for match in pattern.findall(path.read_text(encoding="utf-8"))
    ]
    assert not foreign, "Stylesheets load from another host:\n" + "\n".join(foreign)


def test_search_is_dutch(site_dir: Path) -> None:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    assert any("kindcheck" in doc["location"] for doc in index["docs"])


def test_glossary_terms_show_as_tooltips_on_other_pages(site_dir: Path) -> None:
    html = page_file(site_dir, "/hulp-en-contact/").read_text(encoding="utf-8")
    assert re.search(r"<abbr title=\"[^\"]+\">", html), "no abbreviation tooltips on /hulp-en-contact/"


# --- The build is strict: a broken link or anchor stops it ------------------


def build_with_page(tmp_path: Path, markdown: str) -> None:
    """Build the real site plus one extra page into tmp_path."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "signalen.md").write_text(
        (docs / "signalen.md").read_text(encoding="utf-8") + "\n\n" + markdown + "\n", encoding="utf-8"
    )
    config = load_config(
        str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(tmp_path / "site"), strict=True
    )
    build(config)


def test_strict_build_stops_on_a_broken_link_and_on_a_missing_anchor(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """One build with both mistakes: each is reported on its own, and
    strict mode stops on them (MkDocs counts them in its abort)."""
    with pytest.raises(Abort, match="2 warnings"):
        build_with_page(tmp_path, "[kapot](bestaat-niet.md)\n\n[kapot](kindcheck.md#bestaat-niet)")
    warned = [record.getMessage() for record in caplog.records if record.levelname == "WARNING"]
    assert any("'bestaat-niet.md'" in message for message in warned), warned
    assert any("'#bestaat-niet'" in message and "kindcheck.md" in message for message in warned), warned


def test_strict_build_passes_on_a_good_link(tmp_path: Path) -> None:
    build_with_page(tmp_path, "[de kindcheck](kindcheck.md)")
    assert (tmp_path / "site" / "signalen" / "index.html").is_file()


def test_not_found_page_is_dutch_and_offers_a_way_on(site_dir: Path) -> None:
    facts = read_page(site_dir / "404.html")
    text = " ".join(facts.text)
    assert facts.lang == "nl" and facts.h1_count == 1
    assert "Pagina niet gevonden" in text and "Not found" not in text
    assert Css.HELP in facts.classes and "0800-2000" in text


def test_the_themes_own_words_are_dutch(site_dir: Path) -> None:
    """The footer line and the landmarks' names (read out by screen readers)."""
    english = re.compile(r'Made with|aria-label="(?:Header|Footer)"')
    found = [
        f"{path.relative_to(site_dir)}: {match[0]}"
        for path in content_pages(site_dir)
        if (match := english.search(path.read_text(encoding="utf-8")))
    ]
    assert found == [], found
