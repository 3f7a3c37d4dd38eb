"""Is this build for ``mkdocs serve``, the writers' live preview?

MkDocs tells only ``on_startup`` which command runs, and a hook would have to
keep that in a module-level flag. The build's own config says it as well:
``mkdocs serve`` sets ``site_url`` to the address it serves from,
``http://HOST:PORT/PATH`` with HOST and PORT from ``dev_addr``, which a real
build never has (it needs the public address, for the sitemap and the QR
codes).
"""

from __future__ import annotations

from urllib.parse import urlsplit


def serving(site_url: str | None, dev_addr: tuple[str, int]) -> bool:
    """True when ``site_url`` is the development server's own address."""
    host, port = dev_addr
    parts = urlsplit(site_url or "")
    return parts.scheme == "http" and parts.netloc == f"{host}:{port}"
