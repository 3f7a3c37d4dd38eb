"""The versions the checks follow, as a table for the "Over deze site" page.

Rendered from ``checks`` itself, so the page says exactly what each summary
says (``inhoudsversie`` and ``Basis``) and cannot drift from it.
"""

from __future__ import annotations

from html import escape

import checks
from checks.dom import Attr


def table_html() -> str:
    rows = "".join(
        "<tr>"
        f"<td>{escape(check.title)}</td>"
        f"<td>{escape(check.version)}</td>"
        f"<td>{escape(check.basis)}</td>"
        "</tr>"
        for check in (checks.get(name) for name in checks.names())
    )
    return (
        # No class: the theme styles only tables without one.
        f'<table {Attr.VERSIONS}="">'
        "<caption>Versies van de checks op deze site</caption>"
        '<thead><tr><th scope="col">Check</th><th scope="col">Inhoudsversie</th>'
        '<th scope="col">Gebaseerd op</th></tr></thead>'
        f"<tbody>{rows}</tbody>"
        "</table>"
    )
