"""A deploy, simulated: a copy of a built site as the next build would be,
with pages and runtime files changed and sw.js written again by the build's
own code. Shared by the offline tests and the benchmark."""

from __future__ import annotations

import gzip
import os
import shutil
import time
from pathlib import Path

from sitebuild import runtime, service_worker


def rewrite_runtime(site: Path) -> None:
    """Give the snapshot other bytes (same image, other gzip level) under its
    new hashed name, as a new build of the checks would."""
    folder = site / runtime.RUNTIME_DIR
    [old] = folder.glob(f"{runtime.SNAPSHOT_NAME}-*.bin")
    data = gzip.compress(gzip.decompress(old.read_bytes()), compresslevel=6, mtime=0)
    name = runtime._write_hashed(folder, runtime.SNAPSHOT_NAME, data, suffix=".bin")
    manifest = folder / runtime.MANIFEST
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(old.name, name), encoding="utf-8")


def mark_page(site: Path, relative: str, build: str) -> None:
    page = site / relative / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("<h1", f'<h1 data-build="{build}"', 1), encoding="utf-8")


def deployed(site_dir: Path, target: Path, *, pages: list[str], new_runtime: bool = False, build: str = "B") -> Path:
    """A copy of the site as the next build would be, sw.js included."""
    shutil.copytree(site_dir, target)
    (target / service_worker.WORKER_NAME).unlink()
    for relative in pages:
        mark_page(target, relative, build)
    if new_runtime:
        check_code = target / "assets" / "javascripts" / "mdx-check.mjs"
        check_code.write_text(check_code.read_text(encoding="utf-8") + f"\n// build {build}\n", encoding="utf-8")
        rewrite_runtime(target)
    service_worker.write(target)
    uploaded(site_dir, target)
    return target


def uploaded(before: Path, after: Path) -> None:
    """Date every new or changed file after the old build, as an upload does
    (the host's Last-Modified; a build and its copy can fall in one second)."""
    later = time.time() + 60
    for path in after.rglob("*"):
        old = before / path.relative_to(after)
        if path.is_file() and (not old.is_file() or old.read_bytes() != path.read_bytes()):
            os.utime(path, (later, later))
