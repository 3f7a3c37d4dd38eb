"""Write ``sw.js``: the service worker with this build's files and their hashes.

Three lists, each mapping a site-relative URL to its sha256 (as a Subresource
Integrity string): the core (every page, stylesheet, script and image, stored
on the first visit to any page), the Python runtime (``assets/pyodide/``,
stored only from a check page or on request), and the runtime's files a check
page does not load (the whole standard library: ``runtime.ON_DEMAND_PREFIX``),
stored only when a page fetches them. The worker stores a file only
when its bytes match, and a new build copies every unchanged file from the
old cache, so a deploy costs a returning visitor only what changed.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Iterator, NamedTuple

from checks.dom import SERVICE_WORKER, Attr

from . import integrity, runtime

TEMPLATE = Path(__file__).with_name("service-worker.js")
WORKER_NAME = SERVICE_WORKER
# The worker script itself is never stored; the gzipped sitemap is for
# crawlers only (the theme's instant navigation reads sitemap.xml, so that stays).
SKIPPED = {WORKER_NAME, "sitemap.xml.gz"}
# Source maps serve only a developer's tools: no reason to download them to every phone.
SKIPPED_SUFFIXES = (".map",)
RUNTIME_PREFIX = runtime.RUNTIME_DIR + "/"
PLACEHOLDERS = ("__MDX_VERSION__", "__MDX_CORE__", "__MDX_RUNTIME__", "__MDX_ON_DEMAND__")


def cached_files(site_dir: Path) -> Iterator[tuple[str, Path]]:
    """(site-relative path, file) for every file the worker may keep, sorted."""
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(site_dir).as_posix()
        if relative not in SKIPPED and not relative.endswith(SKIPPED_SUFFIXES):
            yield relative, path


def url_of(relative: str) -> str:
    """The site-relative URL a visitor uses: a folder's index.html is the folder."""
    if relative == "index.html":
        return "./"
    if relative.endswith("/index.html"):
        return relative[: -len("index.html")]
    return relative


class Manifests(NamedTuple):
    """Each kept file's URL and integrity, by when the worker stores it."""

    core: dict[str, str]
    runtime: dict[str, str]
    on_demand: dict[str, str]


def manifests(site_dir: Path) -> Manifests:
    found = Manifests({}, {}, {})
    for relative, path in cached_files(site_dir):
        if relative.startswith(runtime.ON_DEMAND_PREFIX):
            target = found.on_demand
        elif relative.startswith(RUNTIME_PREFIX):
            target = found.runtime
        else:
            target = found.core
        target[url_of(relative)] = integrity.sha256(path.read_bytes())
    return found


def runtime_bytes(site_dir: Path) -> int:
    """What "download the checks for offline use" downloads at most (no compression)."""
    return sum(
        path.stat().st_size
        for relative, path in cached_files(site_dir)
        if relative.startswith(RUNTIME_PREFIX) and not relative.startswith(runtime.ON_DEMAND_PREFIX)
    )


# Where docs/_snippets/offline-download.md says how much the download is.
DOWNLOAD_SIZE = re.compile(rf"(<span {Attr.OFFLINE_SIZE}>)[^<]*(</span>)")


def download_size_text(size: int) -> str:
    return f"ongeveer {max(1, round(size / 1_000_000))} MB"


def write_download_size(site_dir: Path) -> int:
    """Say in each page with the download button how much it downloads
    (known only now: the runtime is in the site). Returns how many pages."""
    text = download_size_text(runtime_bytes(site_dir))
    pages = 0
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        filled, count = DOWNLOAD_SIZE.subn(lambda m: m[1] + text + m[2], html)
        if count:
            page.write_text(filled, encoding="utf-8")
            pages += 1
    return pages


def version(lists: Manifests) -> str:
    """Changes whenever any kept file's name or bytes change."""
    listing = json.dumps(list(lists), sort_keys=True).encode("utf-8")
    return hashlib.sha256(listing).hexdigest()[:16]


def render(lists: Manifests) -> str:
    source = TEMPLATE.read_text(encoding="utf-8")
    for placeholder in PLACEHOLDERS:
        if placeholder not in source:
            raise ValueError(f"{TEMPLATE} lost its placeholder {placeholder}")
    return (
        source.replace("__MDX_VERSION__", version(lists))
        .replace("__MDX_CORE__", json.dumps(lists.core, indent=1, sort_keys=True))
        .replace("__MDX_RUNTIME__", json.dumps(lists.runtime, indent=1, sort_keys=True))
        .replace("__MDX_ON_DEMAND__", json.dumps(lists.on_demand, indent=1, sort_keys=True))
    )


def write(site_dir: Path) -> tuple[int, int]:
    """Write sw.js into ``site_dir``; returns how many core and runtime files it lists."""
    lists = manifests(site_dir)
    (site_dir / WORKER_NAME).write_text(render(lists), encoding="utf-8")
    return len(lists.core), len(lists.runtime) + len(lists.on_demand)
