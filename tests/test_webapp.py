"""Installable (issue 15): a valid web app manifest linked from every page,
its icons made at build time from one source image, at the sizes it names."""

from __future__ import annotations

import json
import re
import struct
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.support.png import SIGNATURE
from tests.support.site import ROOT, config, content_pages

MANIFEST = "manifest.webmanifest"
SOURCE = ROOT / "branding" / "app-icon.png"
LINK = re.compile(r'<link rel="manifest" href="(?P<href>[^"]+)">')


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which must come first."""
    assert data.startswith(SIGNATURE), "not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def png_mode(data: bytes) -> int:
    """The PNG colour type: 6 is RGBA, 2 is RGB."""
    return data[25]


@pytest.fixture(scope="module")
def manifest(site_dir: Path) -> dict:
    return json.loads((site_dir / MANIFEST).read_text(encoding="utf-8"))


def test_the_manifest_has_the_fields_an_install_needs(manifest: dict) -> None:
    assert manifest["name"] == "Meldcodewijzer"
    assert manifest["short_name"] and len(manifest["short_name"]) <= 12, "fits under a home-screen icon"
    assert manifest["lang"] == "nl"
    assert manifest["display"] == "standalone"
    # Relative to the manifest at the site's root: the app is the site, under any base path.
    assert manifest["start_url"] == manifest["scope"] == "./"
    for colour in ("theme_color", "background_color"):
        assert re.fullmatch(r"#[0-9a-f]{6}", manifest[colour]), colour
    css = (ROOT / "docs" / "assets" / "stylesheets" / "mdx.css").read_text(encoding="utf-8")
    primary = re.search(r"--md-primary-fg-color:\s*(#[0-9a-fA-F]{6});", css)
    assert primary and primary[1].lower() == manifest["theme_color"], "the theme colour is the site's primary colour"


def test_every_icon_exists_at_the_size_it_says(site_dir: Path, manifest: dict) -> None:
    icons = manifest["icons"]
    purposes = {(icon["sizes"], icon.get("purpose", "any")) for icon in icons}
    assert {("192x192", "any"), ("512x512", "any")} <= purposes
    assert any(purpose == "maskable" for _, purpose in purposes)
    for icon in icons:
        assert not urlsplit(icon["src"]).netloc and not icon["src"].startswith("/"), "relative to the manifest"
        data = (site_dir / icon["src"]).read_bytes()
        width, height = (int(n) for n in icon["sizes"].split("x"))
        assert png_size(data) == (width, height), icon["src"]
        assert icon["type"] == "image/png"
        # The "any" icons have rounded corners; the maskable one is full-bleed.
        assert png_mode(data) == 6, f"{icon['src']}: RGBA expected"


def test_every_page_links_the_manifest_and_nothing_else_is_added(site_dir: Path) -> None:
    pages = content_pages(site_dir) + [site_dir / "404.html"]
    assert len(pages) > 20
    site_path = urlsplit(config().site_url or "/").path
    for path in pages:
        html = path.read_text(encoding="utf-8")
        links = LINK.findall(html)
        assert len(links) == 1, f"{path.relative_to(site_dir)}: {len(links)} manifest links"
        address = "/" + path.parent.relative_to(site_dir).as_posix().strip(".") + "/"
        target = urljoin(address.replace("//", "/"), links[0])
        if path.name == "404.html":
            target = links[0].removeprefix(site_path.rstrip("/"))
        assert target == "/" + MANIFEST, f"{path.relative_to(site_dir)} links {links[0]}"
        # No icon links: nothing else to fetch on pages that do not install anything.
        assert "assets/icons/" not in html
        assert 'rel="apple-touch-icon"' not in html


def test_the_icons_are_made_from_one_source_image_in_the_repository() -> None:
    pngs = subprocess.run(["git", "ls-files", "*.png"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert pngs == ["branding/app-icon.png"], "icons are made at build time, not committed"
    assert png_size(SOURCE.read_bytes()) == (512, 512)


def test_the_icon_maker_rounds_the_any_icons_and_keeps_the_maskable_one_full() -> None:
    from PIL import Image
    import io
    from sitebuild import webapp

    source = SOURCE.read_bytes()
    rounded = Image.open(io.BytesIO(webapp.icon_png(source, 192, "any")))
    full = Image.open(io.BytesIO(webapp.icon_png(source, 512, "maskable")))
    assert rounded.size == (192, 192) and full.size == (512, 512)
    assert rounded.getpixel((0, 0))[3] == 0, "a rounded corner is transparent"
    assert full.getpixel((0, 0))[3] == 255, "a maskable icon fills its square"
    with pytest.raises(ValueError, match="unknown icon purpose"):
        webapp.icon_png(source, 192, "monochroom")
    small = io.BytesIO()
    Image.new("RGB", (100, 100)).save(small, format="PNG")
    with pytest.raises(ValueError, match="512x512"):
        webapp.icon_png(small.getvalue(), 192, "any")


def test_without_pillow_the_build_says_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitebuild import webapp

    monkeypatch.setitem(sys.modules, "PIL", None)
    with pytest.raises(RuntimeError, match="Pillow is needed"):
        webapp.icon_png(SOURCE.read_bytes(), 192, "any")
