"""Helpers for the offline tests: waiting for the moment the service worker
says it stored Python (no polling). A host that goes unreachable mid-test is
tests.support.host.Host.go_down."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import BrowserContext, Page


# How long storing Python may take once it runs (a revalidation of ~10 MB
# from the HTTP cache); only guards a hang.
RUNTIME_STORED_TIMEOUT_MS = 60_000

# Keeps the service worker's answer to the page's request to store Python:
# an init script (runtime_stored.js), so a test awaits that answer instead of
# asking the cache again and again.
RUNTIME_STORED_SCRIPT = Path(__file__).with_name("runtime_stored.js")


def relay_runtime_stored(context: BrowserContext) -> None:
    """In every page the context opens from now on, keep the service worker's
    answer to the page's request to store Python (see wait_until_runtime_stored)."""
    context.add_init_script(path=str(RUNTIME_STORED_SCRIPT))


def wait_until_runtime_stored(page: Page, timeout: float = RUNTIME_STORED_TIMEOUT_MS) -> object:
    """Wait until the service worker answered this page's request to store
    Python (sent once the check's Python runs) and return that answer,
    ``{"ok": True}`` when every runtime file is stored. Needs relay_runtime_stored."""
    # page.evaluate has no timeout of its own: the race is the deadline.
    return page.evaluate(
        """(timeout) => Promise.race([
            window.__mdxRuntimeStored,
            new Promise((resolve) => setTimeout(() => resolve(`no answer within ${timeout} ms`), timeout)),
        ])""",
        timeout,
    )
