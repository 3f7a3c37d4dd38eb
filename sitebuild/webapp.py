"""The web app manifest and its icons, so "Add to home screen" gives an icon
that opens the site full-screen (and offline, through the service worker).

Every icon is made at build time from one source image,
``branding/app-icon.png`` (512 px, square, full-bleed, its drawing inside the
central circle that a maskable icon keeps). The "any" icons crop the margin
and round the corners; the maskable one is the source itself, which the
device cuts to its own shape. Addresses in the manifest are relative to the
manifest, which sits at the site's root, so the app works under any base path.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MANIFEST_PATH = "manifest.webmanifest"
SOURCE_SIZE = 512
# The maskable safe zone is a circle of 80% of the width: cropping 10% a side
# keeps the drawing whole in the "any" icons, and bigger.
ANY_CROP = 0.1
ANY_CORNER_RADIUS = 0.18


@dataclass(frozen=True)
class Icon:
    path: str  # site-relative
    size: int
    purpose: str  # "any" or "maskable"


ICONS = (
    Icon("assets/icons/icon-192.png", 192, "any"),
    Icon("assets/icons/icon-512.png", 512, "any"),
    Icon("assets/icons/icon-maskable-512.png", 512, "maskable"),
)


def _pillow() -> Any:
    try:
        from PIL import Image, ImageDraw
    except ImportError:
        raise RuntimeError(
            "Pillow is needed to make the app icons (sitebuild/webapp.py): "
            "it is pinned in requirements.txt; run `make deps` to install it"
        ) from None
    return Image, ImageDraw


def icon_png(source: bytes, size: int, purpose: str) -> bytes:
    """One icon as PNG bytes, from the source image's bytes."""
    Image, ImageDraw = _pillow()
    image = Image.open(io.BytesIO(source))
    if image.size != (SOURCE_SIZE, SOURCE_SIZE):
        raise ValueError(f"the app icon's source must be {SOURCE_SIZE}x{SOURCE_SIZE} px, not {image.size}")
    image = image.convert("RGBA")
    if purpose == "any":
        margin = round(SOURCE_SIZE * ANY_CROP)
        image = image.crop((margin, margin, SOURCE_SIZE - margin, SOURCE_SIZE - margin))
        mask = Image.new("L", image.size, 0)
        radius = round(image.size[0] * ANY_CORNER_RADIUS)
        ImageDraw.Draw(mask).rounded_rectangle((0, 0, *image.size), radius=radius, fill=255)
        image.putalpha(mask)
    elif purpose != "maskable":
        raise ValueError(f"unknown icon purpose {purpose!r}")
    image = image.resize((size, size), Image.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def manifest(*, name: str, short_name: str, description: str, app: Mapping[str, str]) -> str:
    """The manifest's JSON; ``app`` is mkdocs.yml's ``extra.app`` (the colours)."""
    return json.dumps(
        {
            "name": name,
            "short_name": short_name,
            "description": description,
            "lang": "nl",
            "dir": "ltr",
            "id": "./",
            "start_url": "./",
            "scope": "./",
            "display": "standalone",
            "theme_color": app["theme_color"],
            "background_color": app["background_color"],
            "icons": [
                {"src": icon.path, "sizes": f"{icon.size}x{icon.size}", "type": "image/png", "purpose": icon.purpose}
                for icon in ICONS
            ],
        },
        ensure_ascii=False,
        indent=1,
    )


def files(source: Path, *, name: str, description: str, app: Mapping[str, str]) -> dict[str, bytes | str]:
    """Site-relative path -> content of the manifest and every icon."""
    if not source.is_file():
        raise FileNotFoundError(f"the app icon's source {source} is missing")
    data = source.read_bytes()
    result: dict[str, bytes | str] = {icon.path: icon_png(data, icon.size, icon.purpose) for icon in ICONS}
    result[MANIFEST_PATH] = manifest(name=name, short_name=app["short_name"], description=description, app=app)
    return result
