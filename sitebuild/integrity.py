"""The one way this build writes a file's hash for the browser: a Subresource
Integrity string, as ``fetch(…, {integrity})``, the service worker and the
Content-Security-Policy's script hashes all read it."""

from __future__ import annotations

import base64
import hashlib


def sha256(data: bytes) -> str:
    """``sha256-<base64 digest>``."""
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")
