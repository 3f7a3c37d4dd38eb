"""The checks give the same paths and summaries under Pyodide (the browser's
Python 3.14) as under CPython.

Runs tests/support/pyodide_paths.mjs with Node. Node and node_modules/pyodide
are required: `make test` installs them, so their absence is a failure with
instructions, never a skip.
"""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import checks
from checks.render import record_text

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tests" / "support" / "pyodide_paths.mjs"
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide" / "package.json"
# Must match SUMMARY_DATE in the script.
SUMMARY_DATE = datetime.date(2026, 11, 22)
# Loading Pyodide takes a few seconds; this only guards against a hang.
TIMEOUT_SECONDS = 180


@pytest.fixture(scope="module")
def pyodide_result() -> dict[str, Any]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is not installed: the Pyodide test needs `node` (>= 18). Install it, then run `make test`.")
    if not PYODIDE_PACKAGE.is_file():
        pytest.fail(f"{PYODIDE_PACKAGE.parent} is missing: run `make deps` (or `npm ci`) to install Pyodide.")
    completed = subprocess.run(
        [node, str(SCRIPT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    if completed.returncode != 0:
        pytest.fail(f"{SCRIPT.name} failed (exit {completed.returncode}):\n{completed.stderr}")
    result: dict[str, Any] = json.loads(completed.stdout)
    return result


def cpython_paths(name: str) -> list[dict[str, Any]]:
    check = checks.get(name)
    return [
        {"answers": list(answers), "outcome": outcome.id, "summary": record_text(check, answers, SUMMARY_DATE)}
        for answers, outcome in check.paths()
    ]


def test_pyodide_runs_python_3_14(pyodide_result: dict[str, Any]) -> None:
    assert pyodide_result["python_version"].startswith("3.14"), pyodide_result["python_version"]


def test_pyodide_knows_the_same_checks(pyodide_result: dict[str, Any]) -> None:
    assert list(pyodide_result["checks"]) == list(checks.names())


@pytest.mark.parametrize("name", checks.names())
def test_pyodide_paths_match_cpython(pyodide_result: dict[str, Any], name: str) -> None:
    in_browser = pyodide_result["checks"][name]
    expected = cpython_paths(name)
    assert [(p["answers"], p["outcome"]) for p in in_browser["paths"]] == [
        (p["answers"], p["outcome"]) for p in expected
    ]
    assert in_browser["total_questions"] == checks.get(name).total_questions


@pytest.mark.parametrize("name", checks.names())
def test_pyodide_summaries_match_cpython(pyodide_result: dict[str, Any], name: str) -> None:
    in_browser = pyodide_result["checks"][name]["paths"]
    for got, want in zip(in_browser, cpython_paths(name)):
        assert got["summary"].split("\n") == want["summary"].split("\n"), ",".join(want["answers"])
