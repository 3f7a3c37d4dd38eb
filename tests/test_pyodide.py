"""The checks as they ship, in the runtime as it ships: the built site's
Pyodide (Python 3.14), its compiled standard library, the checks wheel and the
memory snapshot, started in Node (tests/support/pyodide_runtime.mjs) the way
the browser's worker starts them: restored from the snapshot, and the normal
way (the fallback) with the wheel installed by ``loadPackage``. Every step of
every path of every check, and requests the checks refuse, must get the same
reply there as from CPython's ``checks.browser.handle``.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

import checks
from checks.browser import handle
from sitebuild import runtime
from tests.support import pyodide_runtime

DATE = "2026-11-22"
MODES = ("snapshot", "fallback")
# Where loadPackage unpacks a wheel in Pyodide.
SITE_PACKAGES = "/lib/python3.14/site-packages"


def requests() -> list[Any]:
    """Each question and outcome of every path (every prefix of every path,
    once), then requests the checks must refuse with a Dutch message."""
    seen: dict[tuple[str, tuple[str, ...]], None] = {}
    for name in checks.names():
        for answers, _ in checks.get(name).paths():
            for end in range(len(answers) + 1):
                seen.setdefault((name, answers[:end]))
    walked = [{"check": name, "answers": list(answers), "date": DATE} for name, answers in seen]
    refused = [
        {"check": "kindcheck", "answers": ["geen-antwoord"], "date": DATE},
        {"check": "onbekend", "answers": [], "date": DATE},
        {"check": "kindcheck", "answers": [], "date": "gisteren"},
        ["geen", "object"],
    ]
    return walked + refused


REQUESTS = requests()


@pytest.fixture(scope="module")
def runtime_dir(site_dir: Path) -> Path:
    return site_dir / runtime.RUNTIME_DIR


@pytest.fixture(scope="module", params=MODES)
def started(request: pytest.FixtureRequest, site_dir: Path) -> dict[str, Any]:
    return pyodide_runtime.start(site_dir, request.param, REQUESTS) | {"mode": request.param}


def shipped_modules(runtime_dir: Path) -> set[str]:
    with zipfile.ZipFile(pyodide_runtime.wheel_path(runtime_dir)) as wheel:
        sources = [name.removesuffix(".py") for name in wheel.namelist() if name.endswith(".py")]
    return {source.removesuffix("/__init__").replace("/", ".") for source in sources}


def test_the_runtime_is_python_3_14(started: dict[str, Any]) -> None:
    assert started["pythonVersion"].startswith("3.14"), started["pythonVersion"]


def test_python_starts_on_the_compiled_stdlib(started: dict[str, Any]) -> None:
    assert started["jsonFile"].endswith("json/__init__.pyc")


def test_only_the_snapshot_arrives_with_the_checks_imported(started: dict[str, Any], runtime_dir: Path) -> None:
    if started["mode"] == "snapshot":
        # Every module the wheel ships is in the image: nothing is compiled in the browser.
        assert set(started["modulesAtStart"]) == shipped_modules(runtime_dir)
    else:
        assert started["modulesAtStart"] == []
    assert started["restored"] is (started["mode"] == "snapshot")


def test_the_checks_come_from_the_wheel(started: dict[str, Any], runtime_dir: Path) -> None:
    # The snapshot path reads the wheel from sys.path; the fallback unpacks it.
    home = runtime.CHECKS_PATH if started["mode"] == "snapshot" else SITE_PACKAGES
    assert started["checksFile"] == f"{home}/checks/__init__.py"
    # What runs is what the wheel ships, nothing more (no build-only module).
    assert set(started["modules"]) == shipped_modules(runtime_dir)
    assert started["names"] == list(checks.names())


def test_every_step_of_every_path_gets_cpythons_reply(started: dict[str, Any]) -> None:
    assert len(started["replies"]) == len(REQUESTS)
    for request, reply in zip(REQUESTS, started["replies"]):
        assert reply == json.loads(handle(json.dumps(request))), request


def test_the_refused_requests_are_refused_in_dutch(started: dict[str, Any]) -> None:
    refused = [reply for reply in started["replies"] if not reply["ok"]]
    assert len(refused) == 4
    assert all(reply["message"] and "Traceback" not in reply["message"] for reply in refused)


def test_a_traceback_can_show_the_checks_sources(started: dict[str, Any]) -> None:
    assert started["handleSource"].startswith("def handle(")


def test_the_fallback_imports_the_checks_from_the_wheels_bytecode(site_dir: Path) -> None:
    # Every installed source but browser.py is made uncompilable first.
    some = REQUESTS[:3] + REQUESTS[-4:]
    started = pyodide_runtime.start(site_dir, "fallback", some, break_sources=True)
    assert started["replies"] == [json.loads(handle(json.dumps(request))) for request in some]


@pytest.fixture(scope="module")
def restored_then_imports(site_dir: Path) -> dict[str, Any]:
    """The restored image answers every request, then imports two modules it
    does not hold (``wave`` and ``colorsys``: nothing at start-up needs them)."""
    return pyodide_runtime.start(site_dir, "snapshot", REQUESTS, imports=("wave", "colorsys"))


def test_the_restored_image_answers_every_request_without_the_stdlib_zip(restored_then_imports: dict[str, Any]) -> None:
    # It runs next to an empty zip (sitebuild/snapshot_prepare.py): the build
    # asked every view before it took the image.
    assert restored_then_imports["stdlibLoadsForRequests"] == 0
    assert len(restored_then_imports["replies"]) == len(REQUESTS)


def test_an_import_the_image_lacks_fetches_the_whole_stdlib_once(restored_then_imports: dict[str, Any]) -> None:
    assert restored_then_imports["imported"] == ["wave", "colorsys"]
    assert restored_then_imports["stdlibLoads"] == 1
