"""Meldcodewijzer's decision checks: each check is data, run by one small engine.

    >>> import checks
    >>> check = checks.get("kindcheck")
    >>> check.step(["ja", "nee"]).id
    'geen-kinderen'

Standard library only: the same package runs in the browser under Pyodide.
"""

from __future__ import annotations

from . import afwegingskader, kindcheck, route
from .engine import Answer, Check, CheckDefinitionError, Link, Outcome, Question

__all__ = ["Answer", "Check", "CheckDefinitionError", "Link", "Outcome", "Question", "get", "names"]

# In the order of use: the route comes before the meldcode starts, the
# kindcheck belongs to step 1, the afwegingskader to steps 4 and 5.
_CHECKS: dict[str, Check] = {c.name: c for c in (route.CHECK, kindcheck.CHECK, afwegingskader.CHECK)}


def names() -> tuple[str, ...]:
    """The names of all checks, in meldcode order."""
    return tuple(_CHECKS)


def get(name: str) -> Check:
    """The check with this name; ValueError (listing the known names) otherwise."""
    check = _CHECKS.get(name) if isinstance(name, str) else None
    if check is None:
        raise ValueError(f"Onbekende check {name!r}. Kies uit: {', '.join(_CHECKS)}.")
    return check
