"""Write ``sw.js``: the service worker with this build's file list and version."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterator

TEMPLATE = Path(__file__).with_name("service-worker.js")
WORKER_NAME = "sw.js"
# The worker script itself is never precached; the gzipped sitemap is for
# crawlers only (the theme's instant navigation reads sitemap.xml, so that stays).
SKIPPED = {WORKER_NAME, "sitemap.xml.gz"}
# Source maps serve only a developer's tools: no reason to download them to every phone.
SKIPPED_SUFFIXES = (".map",)


def cached_files(site_dir: Path) -> Iterator[tuple[str, Path]]:
    """(site-relative path, file) for every file the worker keeps, sorted."""
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(site_dir).as_posix()
        if relative not in SKIPPED and not relative.endswith(SKIPPED_SUFFIXES):
            yield relative, path


def precache_urls(site_dir: Path) -> list[str]:
    """Site-relative URLs of every kept file, a folder's index.html as the folder."""
    urls = []
    for relative, _ in cached_files(site_dir):
        if relative == "index.html":
            urls.append("./")
        elif relative.endswith("/index.html"):
            urls.append(relative[: -len("index.html")])
        else:
            urls.append(relative)
    return urls


def version(site_dir: Path) -> str:
    """Changes whenever any kept file's name or bytes change."""
    digest = hashlib.sha256()
    for relative, path in cached_files(site_dir):
        digest.update(relative.encode("utf-8"))
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def render(urls: list[str], build_version: str) -> str:
    source = TEMPLATE.read_text(encoding="utf-8")
    for placeholder in ("__MDX_VERSION__", "__MDX_PRECACHE__"):
        if placeholder not in source:
            raise ValueError(f"{TEMPLATE} lost its placeholder {placeholder}")
    return source.replace("__MDX_VERSION__", build_version).replace(
        "__MDX_PRECACHE__", json.dumps(urls, indent=1)
    )


def write(site_dir: Path) -> int:
    """Write sw.js into ``site_dir``; returns the number of precached files."""
    urls = precache_urls(site_dir)
    (site_dir / WORKER_NAME).write_text(render(urls, version(site_dir)), encoding="utf-8")
    return len(urls)
