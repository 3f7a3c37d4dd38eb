"""One DOM contract (checks/dom.py) between the HTML writers, the browser
modules, the stylesheets and the tests: every name the site shares is
written there once, and each layer is held to it here."""

from __future__ import annotations

import datetime
import json
import re
import subprocess
from pathlib import Path

import pytest

import checks
from checks.render import view
from sitebuild import dommodule
from tests.support import dom
from tests.support.site import ROOT

JAVASCRIPTS = ROOT / "docs" / "assets" / "javascripts"
STYLESHEETS = sorted((ROOT / "docs" / "assets" / "stylesheets").glob("*.css"))
GROUPS = dom.groups()
# A contract name in a browser module: Attr.CHECK, Css.EXIT_LEAVING, ...
REFERENCE = re.compile(rf"\b({'|'.join(GROUPS)})\.([A-Z][A-Z0-9_]*)\b")
# What may be a name the site owns, written out in a browser module: not a
# file's name (mdx-exit.mjs), nor the theme's data-md-*.
LITERAL = re.compile(r"\b(?:data-(?!md-)[a-z][a-z0-9-]*|mdx-[a-z0-9_-]+)(?![a-z0-9_-])(?!\.[a-z])")


def _modules() -> list[Path]:
    return sorted(JAVASCRIPTS.glob("*.mjs"))


def _references() -> set[tuple[str, str]]:
    return {match for path in _modules() for match in REFERENCE.findall(path.read_text(encoding="utf-8"))}


def _views() -> list[str]:
    """Every step of every check as the browser's Python renders it."""
    today = datetime.date(2026, 1, 1)
    html = []
    for name in checks.names():
        check = checks.get(name)
        for answers, _ in check.paths():
            html += [view(check, list(answers[:depth]), today)["html"] for depth in range(len(answers) + 1)]
    return html


def _written(site_dir: Path) -> tuple[set[str], set[tuple[str, str]]]:
    """The site's own names in every built page and every rendered step."""
    names: set[str] = set()
    values: set[tuple[str, str]] = set()
    pages = [path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("*.html"))]
    for html in pages + _views():
        found, with_values = dom.names_in_html(html)
        names |= found
        values |= with_values
    return names, values


def test_the_browser_gets_the_contract_as_a_module(site_dir: Path) -> None:
    """The built mdx-dom.mjs is the contract, name for name, as Node reads it."""
    built = site_dir / dommodule.PATH
    script = f"import({json.dumps(built.as_uri())}).then((m) => console.log(JSON.stringify(m)))"
    result = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60, check=True)
    exported = json.loads(result.stdout)
    expected = {name: {member.name: member.value for member in group} for name, group in GROUPS.items()}
    expected |= dom.constants()
    assert exported == expected


def test_the_service_worker_keeps_the_contract_module(site_dir: Path) -> None:
    assert f'"{dommodule.PATH}"' in (site_dir / "sw.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", _modules(), ids=lambda path: path.name)
def test_a_browser_module_names_only_what_the_contract_holds(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    unknown = sorted(f"{group}.{name}" for group, name in REFERENCE.findall(text) if name not in GROUPS[group].__members__)
    assert not unknown, f"{path.name} uses names the contract lacks: {unknown}"
    found = set(LITERAL.findall(text))
    literal = sorted(found & dom.contract_names())
    assert not literal, f"{path.name} writes out names the contract holds; import them from mdx-dom.mjs: {literal}"
    attributes = sorted(name for name in found if name.startswith("data-"))
    assert not attributes, f"{path.name} uses attributes the contract (checks/dom.py) lacks: {attributes}"


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: path.name)
def test_a_stylesheet_uses_only_contract_names(path: Path) -> None:
    names, values = dom.names_in_css(path.read_text(encoding="utf-8"))
    assert names, f"{path.name}: no names found; the reader is broken"
    unknown = sorted(names - dom.contract_names())
    assert not unknown, f"{path.name} styles names the contract (checks/dom.py) lacks: {unknown}"
    for attribute, value in sorted(values):
        allowed = dom.allowed_values(attribute)
        assert allowed is None or value in allowed, f"{path.name}: [{attribute}={value!r}] is not one of {sorted(allowed or ())}"


def test_the_pages_write_only_contract_names(site_dir: Path) -> None:
    """Built pages (partials, Markdown and snippets included) and every step
    the browser's Python renders."""
    names, values = _written(site_dir)
    unknown = sorted(names - dom.contract_names())
    assert not unknown, f"the site writes names the contract (checks/dom.py) lacks: {unknown}"
    for attribute, value in sorted(values):
        allowed = dom.allowed_values(attribute)
        assert allowed is None or value in allowed, f"[{attribute}={value!r}] is not one of {sorted(allowed or ())}"


def test_every_contract_name_is_written_or_read(site_dir: Path) -> None:
    """A name only the stylesheets know is dead; so is one nobody knows."""
    written, written_values = _written(site_dir)
    references = _references()
    read = {GROUPS[group][name].value for group, name in references if name in GROUPS[group].__members__}
    unused = sorted(dom.contract_names() - written - read)
    assert not unused, f"contract names no page writes and no browser module reads: {unused}"
    for attribute, group in dom.VALUES.items():
        used = {value for name, value in written_values if name == attribute}
        used |= {GROUPS[g][name].value for g, name in references if g == group.__name__ and name in group.__members__}
        unused_values = sorted({member.value for member in group} - used)
        assert not unused_values, f"values of {attribute} no page writes and no browser module reads: {unused_values}"
