"""MkDocs glue for Meldcodewijzer. Thin on purpose: each hook hands its work to
plain Python in ``sitebuild`` (and ``checks``), which a successor to MkDocs can
call the same way."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

PROJECT_ROOT = Path(__file__).resolve().parents[2]
if str(PROJECT_ROOT) not in sys.path:  # `checks` lives at the project root
    sys.path.insert(0, str(PROJECT_ROOT))

from sitebuild import addresses, csp, markers, printlinks, runtime, service_worker, slim, stylesheets  # noqa: E402

log = logging.getLogger("mkdocs.hooks.meldcodewijzer")

# `mkdocs serve` injects an inline live-reload script and rebuilds constantly:
# the policy and the offline cache would only get in a writer's way there.
_serving = False


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # The theme folder holds this build code too; it is no part of the site.
    for file in [f for f in files if f.src_uri.startswith("hooks/")]:
        files.remove(file)
    # The extra stylesheets become one file; the pages link only that one.
    sources = [str(source) for source in config.extra_css]
    name, text = stylesheets.bundle(Path(config.docs_dir), sources)
    for file in [f for f in files if f.src_uri in sources]:
        files.remove(file)
    files.append(File.generated(config, name, content=text))
    config.extra_css = [name]
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not markers.has_markers(html):
        return None
    log.debug("Rendering checks into %s", page.file.src_uri)
    return markers.expand(html)


# The overview needs the whole nav, which only this event is given (after
# every page's content is rendered, so every title is known).
def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any] | None:
    if page.content is None or not addresses.has_marker(page.content):
        return None
    pages = [(item.title or "", item.url) for item in nav.pages]
    topics = addresses.topics(pages, site_url=config.site_url, here=page.url)
    log.debug("Writing %d addresses with QR codes into %s", len(topics), page.file.src_uri)
    page.content = addresses.expand(page.content, topics)
    return None


# Runs after every other post-build step (redirect pages included), because the
# policy hashes every inline script and the service worker lists every file.
@event_priority(-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    runtime.install(site_dir, PROJECT_ROOT)
    linked = printlinks.apply(site_dir, addresses.base_url(config.site_url))
    log.debug("Print addresses written into the links of %d pages", linked)
    removed = slim.prune(site_dir)
    log.debug("Left out of the site, used by no visitor: %s", ", ".join(removed))
    slim.label_search_dialog(site_dir)
    sized = service_worker.write_download_size(site_dir)
    log.debug("Size of the offline download written into %d pages", sized)
    if _serving:
        log.info("mkdocs serve: no Content-Security-Policy and no service worker")
        return
    pages = csp.apply(site_dir)
    log.info("Content-Security-Policy written into %d pages", pages)
    core, python = service_worker.write(site_dir)
    log.info("Service worker: %d files stored on the first visit, %d Python files on demand", core, python)
