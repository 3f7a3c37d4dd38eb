"""Helpers for the offline tests: a host that can go unreachable mid-test, and
waiting for the moment the service worker says it stored Python (no polling)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path
from typing import Callable, Iterator

from playwright.sync_api import BrowserContext, Page

from tests.support.static_server import StaticHandler

# How long storing Python may take once it runs (a revalidation of ~10 MB
# from the HTTP cache); only guards a hang.
RUNTIME_STORED_TIMEOUT_MS = 60_000

# mdx-offline.mjs asks the service worker over a MessageChannel to store
# Python ({type: "mdx-cache-runtime"}) and is answered once every file is in
# the cache. This passes the answer on unchanged and keeps it, so a test can
# await that answer instead of asking the cache again and again.
_RELAY_RUNTIME_STORED = """(() => {
    // Init scripts also run where there is no service worker API (a worker's scope).
    if (typeof ServiceWorker === "undefined") return;
    const post = ServiceWorker.prototype.postMessage;
    let answered;
    window.__mdxRuntimeStored = new Promise((resolve) => { answered = resolve; });
    ServiceWorker.prototype.postMessage = function (message, transfer) {
        if (message?.type !== "mdx-cache-runtime" || !transfer?.length) return post.call(this, message, transfer);
        const [pagePort] = transfer;
        const relay = new MessageChannel();
        relay.port1.onmessage = ({ data }) => { pagePort.postMessage(data); answered(data); };
        return post.call(this, message, [relay.port2]);
    };
})();"""


def relay_runtime_stored(context: BrowserContext) -> None:
    """In every page the context opens from now on, keep the service worker's
    answer to the page's request to store Python (see wait_until_runtime_stored)."""
    context.add_init_script(_RELAY_RUNTIME_STORED)


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


class _Handler(StaticHandler):
    server: "_SwitchableServer"

    def handle_one_request(self) -> None:
        if self.server.down.is_set():
            # As a host that cannot be reached: the connection closes unanswered.
            self.close_connection = True
            return
        super().handle_one_request()


class _SwitchableServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.down = threading.Event()

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # dropped connections are the point once the host is down


@contextlib.contextmanager
def host_that_goes_down(directory: Path) -> Iterator[tuple[str, Callable[[], None]]]:
    """Serve ``directory`` like tests.support.static_server; yields the base URL
    and a function after which every connection closes unanswered. The port
    stays taken, so no other server can answer in its place."""
    server = _SwitchableServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", server.down.set
    finally:
        server.shutdown()
        server.server_close()
