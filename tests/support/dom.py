"""The DOM contract (``checks/dom.py``) for the tests: the names the site
writes and its scripts read, and the readers that hold pages, stylesheets
and browser modules to it."""

from __future__ import annotations

import re
from enum import StrEnum
from html.parser import HTMLParser

from checks import dom as _contract
from checks.dom import CASE_DATA, VALUES, WORKER_SCRIPT, Action, Attr, Css, Part, PythonState, Query, View

__all__ = [
    "CASE_DATA", "VALUES", "WORKER_SCRIPT", "Action", "Attr", "Css", "Part", "PythonState", "Query", "View",
    "allowed_values", "constants", "contract_names", "groups", "names_in_css", "names_in_html", "selector",
]

# The theme's own attributes (Material's data-md-*) are not ours to list.
THEME_ATTRIBUTE = re.compile(r"data-md-")


def selector(attribute: Attr, value: str | None = None) -> str:
    """``[data-x]`` or ``[data-x="value"]``."""
    return f"[{attribute}]" if value is None else f'[{attribute}="{value}"]'


def groups() -> dict[str, type[StrEnum]]:
    """Every group of names the contract module defines, by its name."""
    found = {name: value for name, value in vars(_contract).items() if isinstance(value, type) and issubclass(value, StrEnum)}
    found.pop("StrEnum", None)
    return found


def constants() -> dict[str, str]:
    """The contract's plain strings (addresses), by name."""
    return {name: value for name, value in vars(_contract).items() if name.isupper() and type(value) is str}


def contract_names() -> set[str]:
    """Every attribute and class the contract holds."""
    return {member.value for group in (Attr, Css) for member in group}


class _Names(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.names: set[str] = set()
        self.values: set[tuple[str, str]] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "class":
                self.names.update(c for c in (value or "").split() if c.startswith("mdx-"))
            elif name.startswith("data-") and not THEME_ATTRIBUTE.match(name):
                self.names.add(name)
                self.values.add((name, value or ""))


def names_in_html(html: str) -> tuple[set[str], set[tuple[str, str]]]:
    """The site's own names in a page: ``mdx-`` classes and ``data-``
    attributes (the theme's left out), and each attribute with its value."""
    parser = _Names()
    parser.feed(html)
    parser.close()
    return parser.names, parser.values


_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CLASS = re.compile(r"\.(mdx-[A-Za-z0-9_-]+)")
_ATTRIBUTE = re.compile(r"""\[\s*(data-[a-z0-9-]+)\s*(?:[~|^$*]?=\s*["']?([^"'\]]*)["']?\s*)?\]""")


def names_in_css(css: str) -> tuple[set[str], set[tuple[str, str]]]:
    """The site's own names in a stylesheet's selectors: ``mdx-`` classes and
    ``data-`` attributes (the theme's left out), and attributes compared
    with a value, with that value."""
    css = _COMMENT.sub("", css)
    # Only selectors, not declarations (a url() or a custom property could look alike).
    selectors = " ".join(re.findall(r"([^{}]*)\{", css))
    names = set(_CLASS.findall(selectors))
    values = set()
    for name, value in _ATTRIBUTE.findall(selectors):
        if THEME_ATTRIBUTE.match(name):
            continue
        names.add(name)
        if value:
            values.add((name, value))
    return names, values


def allowed_values(attribute: str) -> set[str] | None:
    """The values an attribute may take, where the contract fixes them."""
    group: type[StrEnum] | None = VALUES.get(Attr(attribute)) if attribute in {a.value for a in Attr} else None
    return None if group is None else {member.value for member in group}
