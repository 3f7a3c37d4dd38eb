"""Serve a folder the way a plain static host does, for `make serve`, the
browser tests and the benchmark. `python -m tests.support.static_server --help`."""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import sys
import threading
from pathlib import Path
from typing import Iterator


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """A plain static host: files as they are, the right types for the runtime."""

    # Pyodide compiles its wasm while it streams in, which needs this type.
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
    }

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that drops a connection it no longer needs (a cancelled
        # fetch, a closed tab) is normal traffic, not a server fault worth a
        # traceback in the test output; anything else is still reported.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


def make_server(directory: Path, host: str = "127.0.0.1", port: int = 0) -> http.server.ThreadingHTTPServer:
    if not (directory / "index.html").is_file():
        raise FileNotFoundError(f"{directory} holds no built site (index.html missing): run `make build`")
    handler = functools.partial(StaticHandler, directory=str(directory))
    return _Server((host, port), handler)


@contextlib.contextmanager
def serving(directory: Path, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve ``directory`` on a free port in a background thread; yields the base URL."""
    server = make_server(directory, host)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the built site on localhost.")
    parser.add_argument("--directory", type=Path, default=Path("site"))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server = make_server(args.directory, args.host, args.port)
    print(f"Meldcodewijzer: http://{args.host}:{args.port}/ (Ctrl+C stops)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
