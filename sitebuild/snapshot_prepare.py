"""Readies Python for the memory snapshot: runs INSIDE Pyodide, in Node,
called by ``snapshot_python.mjs`` after the checks are imported, and stays
in the image the browser restores.

Three steps, each measured in BENCHMARKS.md:

``warm_up`` asks every view of every check once (and the errors a visitor
can cause), so every module the checks import at run time is already in the
image.

``detach_stdlib`` makes the image forget the standard-library zip. Python's
zip importer keeps an index of the zip it imported from; an image holding that
index must be restored next to that very zip (4.4 MB). Without it, the browser
restores the image next to an empty zip and downloads nothing more. A module
the image does not hold is still found: ``StdlibOnMiss``, last on
``sys.meta_path``, then asks the worker for the whole zip, once.
"""

from __future__ import annotations

import gc
import importlib.machinery
import json
import sys
import zipimport

# The worker registers this JavaScript module after the restore (Pyodide's
# registerJsModule); its load_stdlib(path) writes the whole standard-library
# zip to path, synchronously.
WORKER_MODULE = "mdx_worker"
# Any fixed date: the page sends today's.
WARM_UP_DATE = "2026-01-01"


def warm_up() -> int:
    """Ask every view the page can ask; returns how many requests were made."""
    from checks import get, names
    from checks.browser import handle

    requests = [
        "not json",
        json.dumps({"check": "no-such-check", "answers": [], "date": WARM_UP_DATE}),
        json.dumps({"check": names()[0], "answers": ["no-such-answer"], "date": WARM_UP_DATE}),
    ]
    for name in names():
        for answers, _outcome in get(name).paths():
            for step in range(len(answers) + 1):
                requests.append(json.dumps({"check": name, "answers": list(answers[:step]), "date": WARM_UP_DATE}))
    for request in requests:
        handle(request)
    return len(requests)


def stdlib_archive() -> str:
    zips = [entry for entry in sys.path if entry.endswith(".zip") and "/python" in entry]
    if len(zips) != 1:
        raise RuntimeError(f"expected one standard-library zip on sys.path, found {zips}")
    return zips[0]


def forget_archive(archive: str) -> None:
    """Drop every index Python keeps of ``archive``: the next import reads it again."""
    # zipimport's own cache of the zip's index (CPython's only record of its
    # offsets); the importers cached per path entry hold no more than that.
    zipimport._zip_directory_cache.pop(archive, None)
    for entry in [entry for entry in sys.path_importer_cache if entry == archive or entry.startswith(archive + "/")]:
        del sys.path_importer_cache[entry]


class StdlibOnMiss:
    """Meta path finder, last in line: when no other finder has a module,
    have the worker write the whole standard-library zip over the empty one,
    then look again. It loads at most once: afterwards a miss is a real one."""

    def __init__(self, archive: str) -> None:
        self.archive = archive
        self.loaded = False

    def find_spec(self, fullname: str, path=None, target=None):
        if self.loaded:
            return None
        self.loaded = True
        worker = importlib.import_module(WORKER_MODULE)
        worker.load_stdlib(self.archive)
        forget_archive(self.archive)
        return importlib.machinery.PathFinder.find_spec(fullname, path, target)


def detach_stdlib() -> str:
    """Forget the standard-library zip; returns its path."""
    archive = stdlib_archive()
    forget_archive(archive)
    sys.meta_path.append(StdlibOnMiss(archive))
    return archive


def release_garbage() -> None:
    gc.collect()
    sys._clear_internal_caches()
