"""A static host as the site meets it on the internet, for the offline tests
and the benchmark: gzip for text and ``.wasm`` (as Netlify, GitHub Pages and
nginx with ``gzip_types`` do), a log of the bytes each response sent
(headers and body), a folder that can be switched to another build while it
runs (a deploy), and optionally a shared bottleneck: a token bucket over all
connections at a fixed rate, plus a fixed delay before each response."""

from __future__ import annotations

import contextlib
import gzip
import http.server
import io
import shutil
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Iterator
from urllib.parse import urlsplit

from tests.support.static_server import StaticHandler

GZIP_SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".map", ".wasm"}
CHUNK = 16 * 1024


@dataclass
class Sent:
    path: str
    referer: str
    # The browser's update check of the service worker script, or its import.
    service_worker_script: bool
    status: int
    size: int


class Bottleneck:
    """One link shared by every connection: bytes leave in order at ``rate``."""

    def __init__(self, bits_per_second: float, latency_s: float) -> None:
        self.bytes_per_second = bits_per_second / 8
        self.latency_s = latency_s
        self._lock = threading.Lock()
        self._free_at = time.monotonic()

    def send(self, size: int) -> None:
        with self._lock:
            start = max(time.monotonic(), self._free_at)
            self._free_at = start + size / self.bytes_per_second
            done = self._free_at
        time.sleep(max(0.0, done - time.monotonic()))


@dataclass
class Host:
    directory: Path
    bottleneck: Bottleneck | None = None
    log: list[Sent] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    # Notified on every new entry of the log (wait_for).
    logged: threading.Condition = field(init=False)
    _gzipped: dict[tuple[Path, int, int], bytes] = field(default_factory=dict)
    # Set by go_down: from then on every connection closes unanswered.
    down: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self.logged = threading.Condition(self.lock)

    def go_down(self) -> None:
        """Answer nothing from now on, as a host that cannot be reached. The
        port stays taken, so no other server can answer in its place."""
        self.down.set()

    def deploy(self, directory: Path) -> None:
        """Serve another build from now on, as a host does after an upload."""
        with self.lock:
            self.directory = directory

    def current(self) -> Path:
        with self.lock:
            return self.directory

    def gzipped(self, path: Path) -> bytes:
        stat = path.stat()
        key = (path, stat.st_mtime_ns, stat.st_size)
        with self.lock:
            body = self._gzipped.get(key)
        if body is None:
            body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            with self.lock:
                self._gzipped[key] = body
        return body

    def sent(self, since: int = 0) -> list[Sent]:
        with self.lock:
            return list(self.log[since:])

    def wait_for(self, path: str, since: int = 0, timeout_s: float = 60) -> None:
        """Wait until the log, from entry ``since`` on, holds a response for
        ``path``. The host logs a response once its connection closes, a
        moment after the browser has it."""
        with self.logged:
            if not self.logged.wait_for(lambda: any(s.path == path for s in self.log[since:]), timeout_s):
                raise AssertionError(f"nothing asked for {path}: {self.log[since:]}")


class _CountingWriter(io.RawIOBase):
    def __init__(self, target: BinaryIO) -> None:
        self.target = target
        self.count = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:  # type: ignore[override]
        written = self.target.write(data)
        size = len(data) if written is None else written
        self.count += size
        return size

    def flush(self) -> None:
        self.target.flush()

    def close(self) -> None:
        super().close()
        self.target.close()


class _HostHandler(StaticHandler):
    host: Host

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile)  # type: ignore[assignment]

    def handle_one_request(self) -> None:
        if self.host.down.is_set():
            self.close_connection = True
            return
        self.wfile.count = 0  # type: ignore[attr-defined]
        self._status = 0
        super().handle_one_request()
        if getattr(self, "command", None) and self.wfile.count:  # type: ignore[attr-defined]
            entry = Sent(
                path=urlsplit(self.path).path,
                referer=self.headers.get("Referer", ""),
                service_worker_script=self.headers.get("Service-Worker") == "script",
                status=self._status,
                size=self.wfile.count,  # type: ignore[attr-defined]
            )
            with self.host.logged:
                self.host.log.append(entry)
                self.host.logged.notify_all()

    def send_response(self, code: int, message: str | None = None) -> None:
        self._status = code
        super().send_response(code, message)

    def copyfile(self, source: Any, outputfile: Any) -> None:
        bottleneck = self.host.bottleneck
        if bottleneck is None:
            shutil.copyfileobj(source, outputfile)
            return
        while chunk := source.read(CHUNK):
            bottleneck.send(len(chunk))
            outputfile.write(chunk)

    def send_head(self) -> Any:
        if self.host.bottleneck is not None:
            time.sleep(self.host.bottleneck.latency_s)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the folder's URL
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.suffix in GZIP_SUFFIXES and path.is_file()):
            return super().send_head()
        body = self.host.gzipped(path)
        modified = self.date_time_string(int(path.stat().st_mtime))
        if self.headers.get("If-Modified-Since") == modified:
            self.send_response(304)
            self.end_headers()
            return None
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", modified)
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser closed at the end of a run drops its connections: not a failure.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def hosting(directory: Path, bottleneck: Bottleneck | None = None) -> Iterator[tuple[str, Host]]:
    """Serve ``directory`` on a free port; yields the base URL and the Host
    (its byte log, and ``deploy`` to switch to another build)."""
    host = Host(directory=directory, bottleneck=bottleneck)
    handler = type("Handler", (_HostHandler,), {"host": host})

    def make(*args: Any, **kwargs: Any) -> http.server.BaseHTTPRequestHandler:
        return handler(*args, directory=str(host.current()), **kwargs)

    server = _QuietServer(("127.0.0.1", 0), make)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", host
    finally:
        server.shutdown()
        server.server_close()
