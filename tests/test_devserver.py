"""`mkdocs serve` (the writers' preview, `make dev`) builds without the
Content-Security-Policy and the service worker: its live-reload script is
inline, and an offline copy of a preview would only get in the way. The hook
learns it is serving from the config MkDocs passes, not from a flag it keeps."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from sitebuild import devserver
from tests.support.site import ROOT, copy_project


@pytest.mark.parametrize(
    ("site_url", "dev_addr", "expected"),
    [
        ("http://127.0.0.1:8000/", ("127.0.0.1", 8000), True),
        ("http://127.0.0.1:8000/meldcode/", ("127.0.0.1", 8000), True),
        ("https://meldcodewijzer.nl/", ("127.0.0.1", 8000), False),
        ("http://127.0.0.1:8001/", ("127.0.0.1", 8000), False),
        ("https://127.0.0.1:8000/", ("127.0.0.1", 8000), False),
        (None, ("127.0.0.1", 8000), False),
    ],
)
def test_the_dev_server_is_known_by_its_own_address(site_url: str | None, dev_addr: tuple[str, int], expected: bool) -> None:
    assert devserver.serving(site_url, dev_addr) is expected


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_mkdocs_serve_writes_no_policy_and_no_service_worker(tmp_path: Path) -> None:
    copy_project(tmp_path)
    # The runtime's sources and its cache (keyed by content, so sharing is safe).
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    (tmp_path / ".cache").symlink_to(ROOT / ".cache", target_is_directory=True)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert server.poll() is None, f"mkdocs serve stopped:\n{server.stderr.read() if server.stderr else ''}"
            try:
                status, html = _get(base)
                break
            except OSError:
                assert time.monotonic() < deadline, "mkdocs serve did not answer within 180 s"
                # Waiting for a server to listen: poll, nothing to wait on.
                time.sleep(0.2)
        assert status == 200 and "<h1" in html
        assert "Content-Security-Policy" not in html
        assert _get(base + "sw.js")[0] == 404
    finally:
        server.terminate()
        server.wait(timeout=30)
