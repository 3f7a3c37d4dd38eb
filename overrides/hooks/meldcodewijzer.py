"""MkDocs glue for Meldcodewijzer. Thin on purpose: each hook hands its work to
plain Python in ``sitebuild`` (and ``checks``, ``practice``), which a successor
to MkDocs can call the same way.

The packages live at the project root, so MkDocs runs as ``python -m mkdocs``
from there (as the Makefile does), which puts the root on ``sys.path``."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import practice
from checks import dom
from checks.engine import EMERGENCY_NUMBER, VEILIG_THUIS_NUMBER
from practice import cases
from sitebuild import (
    addresses,
    casepages,
    csp,
    devserver,
    dommodule,
    inline,
    markers,
    printlinks,
    redirects,
    runtime,
    service_worker,
    slim,
    stylesheets,
    webapp,
)

log = logging.getLogger("mkdocs.hooks.meldcodewijzer")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Before anything is built: a practice case that teaches a route its check
    # does not take must stop the build, naming the case.
    try:
        practice.validate(cases.CASES)
    except practice.CaseDefinitionError as error:
        raise PluginError(str(error)) from None
    # "Snel weg" on every page needs somewhere neutral to go.
    exit_url = config.extra.get("exit_url")
    if not isinstance(exit_url, str) or not exit_url.startswith("https://"):
        raise PluginError(f"mkdocs.yml: extra.exit_url must be an https:// address for 'Snel weg' (got {exit_url!r})")
    # The help block on every page calls the numbers the checks name.
    config.extra["numbers"] = {"emergency": EMERGENCY_NUMBER, "veilig_thuis": VEILIG_THUIS_NUMBER}
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    case_pages, _ = _case_wiring(files)
    for case in cases.CASES:
        text = casepages.case_json(case, case_pages[case.id])
        files.append(File.generated(config, casepages.json_path(case.id), content=text))
    app = webapp.files(
        Path(config.config_file_path).parent / "branding" / "app-icon.png",
        name=config.site_name,
        description=config.site_description or "",
        app=config.extra["app"],
    )
    for path, content in app.items():
        files.append(File.generated(config, path, content=content))
    # The DOM contract for the browser modules, written from checks/dom.py.
    files.append(File.generated(config, dommodule.PATH, content=dommodule.text()))
    # The extra stylesheets become one file; the pages link only that one.
    sources = [str(source) for source in config.extra_css]
    name, text = stylesheets.bundle(Path(config.docs_dir), sources)
    for file in [f for f in files if f.src_uri in sources]:
        files.remove(file)
    files.append(File.generated(config, name, content=text))
    config.extra_css = [name]
    return files


def _case_wiring(files: Files) -> tuple[dict[str, str], dict[str, str]]:
    """Case id -> its page's url, and check name -> its page's url; a case
    without a page, or a marker the grammar refuses, stops the build."""
    pages = [(file.url, file.content_string) for file in files.documentation_pages()]
    try:
        found, check_pages = casepages.case_urls(pages), casepages.check_urls(pages)
    except markers.MarkerError as error:
        raise PluginError(str(error)) from None
    errors = casepages.wiring_errors(cases.CASES, found, check_pages)
    if errors:
        raise PluginError("Practice case pages are not wired up:\n" + "\n".join(f"- {e}" for e in errors))
    return {case_id: urls[0] for case_id, urls in found.items()}, check_pages


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    case_pages, check_pages = _case_wiring(files)
    try:
        return casepages.expand(markdown, here=page.url, cases=cases.CASES, check_pages=check_pages, case_pages=case_pages)
    except markers.MarkerError as error:
        raise PluginError(str(error)) from None


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    # Inline scripts are real files (sitebuild/inline/); templates include them by name.
    env.globals["mdx_inline_script"] = inline.script
    # The DOM contract: partials write its names, never their own.
    env.globals["dom"] = dom
    return env


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    try:
        # The head's early start of Python (partials/mdx-python-early.html) asks this.
        page.meta["mdx_checks"] = markers.checks_on(html, page.url)
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
    sections = [_nav_section(item) for item in nav.items]
    groups = addresses.groups(sections, site_url=config.site_url, here=page.url)
    log.debug("Writing %d groups of addresses with QR codes into %s", len(groups), page.file.src_uri)
    page.content = addresses.expand(page.content, groups)
    return None


def _nav_section(item: Any) -> tuple[str | None, list[tuple[str, str]]]:
    """A top-level nav item as (section title, its pages), or (None, [the page])."""
    if not item.is_section:
        return None, [(item.title or "", item.url)] if item.is_page else []
    pages: list[tuple[str, str]] = []
    todo = list(item.children)
    while todo:
        child = todo.pop(0)
        if child.is_section:
            todo[:0] = child.children
        elif child.is_page:
            pages.append((child.title or "", child.url))
    return item.title, pages


# Runs after every other post-build step (redirect pages included), because the
# policy hashes every inline script and the service worker lists every file.
@event_priority(-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    runtime.install(site_dir, Path(config.config_file_path).parent)
    redirect_maps = config.plugins["redirects"].config["redirect_maps"]
    redirects.rewrite(site_dir, redirect_maps, use_directory_urls=config.use_directory_urls)
    linked = printlinks.apply(site_dir, addresses.base_url(config.site_url))
    log.debug("Print addresses written into the links of %d pages", linked)
    removed = slim.prune(site_dir)
    log.debug("Left out of the site, used by no visitor: %s", ", ".join(removed))
    slim.label_search_dialog(site_dir)
    sized = service_worker.write_download_size(site_dir)
    log.debug("Size of the offline download written into %d pages", sized)
    # `mkdocs serve` injects an inline live-reload script and rebuilds constantly:
    # the policy and the offline cache would only get in a writer's way there.
    if devserver.serving(config.site_url, tuple(config.dev_addr)):
        log.info("mkdocs serve: no Content-Security-Policy and no service worker")
        return
    pages = csp.apply(site_dir)
    log.info("Content-Security-Policy written into %d pages", pages)
    core, python = service_worker.write(site_dir)
    log.info("Service worker: %d files stored on the first visit, %d Python files on demand", core, python)
