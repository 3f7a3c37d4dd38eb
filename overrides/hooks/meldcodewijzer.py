"""MkDocs glue for Meldcodewijzer. Thin on purpose: each hook hands its work to
plain Python in ``sitebuild`` (and ``checks``), which a successor to MkDocs can
call the same way.

Both packages live at the project root, so MkDocs runs as ``python -m mkdocs``
from there (as the Makefile does), which puts the root on ``sys.path``."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from checks.engine import EMERGENCY_NUMBER, VEILIG_THUIS_NUMBER
from sitebuild import addresses, csp, markers, printlinks, runtime, service_worker

log = logging.getLogger("mkdocs.hooks.meldcodewijzer")

# `mkdocs serve` injects an inline live-reload script and rebuilds constantly:
# the policy and the offline cache would only get in a writer's way there.
_serving = False


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The help block on every page calls the numbers the checks name.
    config.extra["numbers"] = {"emergency": EMERGENCY_NUMBER, "veilig_thuis": VEILIG_THUIS_NUMBER}
    return config


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    try:
        return markers.expand(html, page.url)
    except markers.MarkerError as error:
        raise PluginError(str(error)) from None


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
    runtime.install(site_dir, Path(config.config_file_path).parent)
    linked = printlinks.apply(site_dir, addresses.base_url(config.site_url))
    log.debug("Print addresses written into the links of %d pages", linked)
    if _serving:
        log.info("mkdocs serve: no Content-Security-Policy and no service worker")
        return
    pages = csp.apply(site_dir)
    log.info("Content-Security-Policy written into %d pages", pages)
    files_cached = service_worker.write(site_dir)
    log.info("Service worker precaches %d files", files_cached)
