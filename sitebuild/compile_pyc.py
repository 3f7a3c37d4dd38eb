"""Compile the Python sources in a zip to bytecode: runs INSIDE Pyodide.

``compile_python.mjs`` (Node) starts Pyodide, runs this file and calls
``compile_archive`` for each job, because a ``.pyc`` belongs to the
interpreter that reads it (Python 3.14 in the browser), and the build
machine's own Python may be another version. The build's CPython never
imports it: it finds the stdlib zip on Pyodide's ``sys.path``.
"""

import base64
import hashlib
import importlib.util
import site
import sys
import warnings
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

# The standard library is compiled as `python -OO` would (no docstrings, no
# asserts): the memory snapshot the browser downloads holds every module
# Pyodide and the checks import, and their docstrings made 9 % of it
# (BENCHMARKS.md). Our own code keeps its asserts and docstrings.
OPTIMIZE = {"stdlib": 2}
OPTIMIZE_OWN_CODE = 0
DATE = (1980, 1, 1, 0, 0, 0)


def location(root):
    if root == "stdlib":
        zips = [p for p in sys.path if p.endswith(".zip")]
        if len(zips) != 1:
            raise RuntimeError(f"expected one stdlib zip on sys.path, found {zips}")
        return zips[0]
    if root == "site":
        # Where loadPackage unpacks a wheel.
        return site.getsitepackages()[0]
    raise ValueError(f"unknown root {root!r}")


def cached_name(name):
    """Where the import system looks for NAME.py's bytecode: __pycache__/NAME.<tag>.pyc."""
    folder, _, file = name.rpartition("/")
    prefix = f"{folder}/" if folder else ""
    return f"{prefix}__pycache__/{file[: -len('.py')]}.{sys.implementation.cache_tag}.pyc"


def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"{name},sha256={digest},{len(data)}"


def wheel_record(entries):
    """The wheel's RECORD for ``entries`` (it lists every file, itself without a hash)."""
    [record] = [name for name in entries if name.endswith(".dist-info/RECORD")]
    lines = [record_line(name, data) for name, data in entries.items() if name != record]
    return record, "\n".join([*lines, f"{record},,"]).encode("utf-8") + b"\n"


def archive_order(name):
    """Sorted, with the wheel's .dist-info last (the wheel format asks for it) and RECORD at the very end."""
    dist_info = name.split("/", 1)[0].endswith(".dist-info")
    return (dist_info, name.endswith(".dist-info/RECORD"), name)


def compile_archive(source, target, root, layout):
    if layout not in ("sourceless", "wheel"):
        raise ValueError(f"unknown layout {layout!r}")
    base = location(root)
    entries = {}

    def add(name, data):
        if name in entries:
            raise ValueError(f"{source}: {name} would be written twice")
        entries[name] = data

    with zipfile.ZipFile(source) as archive:
        for info in archive.infolist():
            name = info.filename
            data = archive.read(info)
            if not name.endswith(".py"):
                add(name, data)
                continue
            # A SyntaxWarning in our own code is a bug to fix, not to ship.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore" if root == "stdlib" else "error")
                code = compile(data, f"{base}/{name}", "exec", dont_inherit=True, optimize=OPTIMIZE.get(root, OPTIMIZE_OWN_CODE))
            pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
            if layout == "sourceless":
                add(name + "c", pyc)
            else:
                add(name, data)
                add(cached_name(name), pyc)

    if layout == "wheel":
        record, lines = wheel_record(entries)
        entries[record] = lines

    with zipfile.ZipFile(target, "w") as out:
        for name in sorted(entries, key=archive_order):
            info = zipfile.ZipInfo(name, date_time=DATE)
            if name.endswith("/"):
                info.external_attr = (0o40755 << 16) | 0x10
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
            out.writestr(info, entries[name], compresslevel=9)
    return len(entries)
