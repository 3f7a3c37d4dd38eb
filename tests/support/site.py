"""What the tests need to know about the site's configuration and built files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urljoin, urlsplit

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parents[2]
PUBLISHED_ADDRESSES = ROOT / "tests" / "published-addresses.txt"
# Forwarding pages (sitebuild/redirects.py) say where to go in a meta refresh.
REFRESH = re.compile(r"""<meta\s+http-equiv=["']?refresh["']?\s+content=["']?\d+;\s*url=(?P<url>[^"'>]+)""", re.IGNORECASE)
CANONICAL = re.compile(r'<link rel="canonical" href="(?P<href>[^"]+)"')


# What `mkdocs build` reads from the project (besides mkdocs.yml).
BUILD_INPUTS = ("docs", "overrides", "checks", "practice", "sitebuild", "branding")


def copy_project(target: Path) -> Path:
    """A copy of what `mkdocs build` reads, in ``target``: no git, no site, no
    caches (the runtime cache is the project's own, found through node_modules)."""
    for name in BUILD_INPUTS:
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def config() -> MkDocsConfig:
    """mkdocs.yml as MkDocs reads it (SITE_URL applied)."""
    return load_config(str(ROOT / "mkdocs.yml"))


def _walk(items: Any) -> Iterator[str]:
    for item in items:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for value in item.values():
                yield from (_walk(value) if isinstance(value, list) else [value])


def _address(source: str) -> str:
    stem = source.removesuffix(".md")
    stem = stem.removesuffix("index").rstrip("/")
    return "/" + (stem + "/" if stem else "")


def nav_addresses() -> list[str]:
    """The address of every page in the nav, in nav order: "signalen.md" -> "/signalen/"."""
    return [_address(source) for source in _walk(config().nav or [])]


def nav_groups() -> list[tuple[str | None, list[str]]]:
    """The nav's top level as (section title, addresses of its pages), in nav
    order; a page outside any section is (None, [its address])."""
    groups: list[tuple[str | None, list[str]]] = []
    for item in config().nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            groups.append((next(iter(item)), [_address(source) for source in _walk(value)]))
        else:
            groups.append((None, [_address(value)]))
    return groups


def published_addresses() -> list[str]:
    lines = PUBLISHED_ADDRESSES.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def page_file(site_dir: Path, address: str) -> Path:
    return site_dir / address.strip("/") / "index.html"


def redirect_target(html: str, relative: str = "") -> str | None:
    """For a forwarding page (an old or short address) at ``relative``, the
    site-relative page it forwards to, without its #fragment; None for a real page."""
    match = REFRESH.search(html)
    if match is None:
        return None
    return urlsplit(urljoin(f"https://site.invalid/{relative}", match["url"])).path.lstrip("/")


def is_redirect(html: str) -> bool:
    return redirect_target(html) is not None


def site_pages(site_dir: Path, *, redirects: bool = True) -> list[str]:
    """Every page of the built site as a URL relative to its root ("" is the
    home page), in order; without forwarding pages when ``redirects`` is False."""
    pages = []
    for path in sorted(site_dir.rglob("index.html")):
        if not redirects and is_redirect(path.read_text(encoding="utf-8")):
            continue
        folder = path.parent.relative_to(site_dir).as_posix()
        pages.append("" if folder == "." else folder + "/")
    return pages


def content_pages(site_dir: Path) -> list[Path]:
    """Every built page with content: forwarding pages and the 404 page left out."""
    return [page_file(site_dir, "/" + relative) for relative in site_pages(site_dir, redirects=False)]


def canonical(html: str) -> str | None:
    match = CANONICAL.search(html)
    return match["href"] if match else None
