"""Headless Chromium for the browser tests: the system Chromium, driven by
Playwright (its own browser download does not work on these machines)."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request

# Without these, Chromium phones home at start-up; on a closed network that
# means refused connections that have nothing to do with the site.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    """The system Chromium; CHROMIUM may name another binary."""
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser"):
        if candidate and (path := shutil.which(candidate)):
            return path
    raise RuntimeError(
        "No Chromium found: install the Debian package 'chromium' (`make test` does this) "
        "or set CHROMIUM to a Chromium binary."
    )


@dataclass
class PageWatch:
    """Everything a page did that the tests judge: requests, console errors,
    uncaught exceptions and Content-Security-Policy violations."""

    origin: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.on("request", self._on_request)
        context.on("console", self._on_console)
        context.on("weberror", lambda error: self.errors.append(f"uncaught: {error.error}"))

    def _on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def foreign_requests(self) -> list[str]:
        """Requests to any origin but the site's own (data: and blob: stay on the device)."""
        own = urlsplit(self.origin)
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob")
            and (urlsplit(url).scheme, urlsplit(url).netloc) != (own.scheme, own.netloc)
        ]

    def csp_violations(self) -> list[str]:
        return [error for error in self.errors if "Content Security Policy" in error]


def storage_written(page: Page) -> dict[str, object]:
    """What the page keeps on the device: Web Storage, cookies, IndexedDB databases."""
    return page.evaluate(
        """async () => ({
            localStorage: localStorage.length,
            sessionStorage: sessionStorage.length,
            cookies: document.cookie,
            indexedDB: (await indexedDB.databases()).map((db) => db.name),
        })"""
    )
