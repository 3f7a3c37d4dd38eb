"""HTML for the checks: used at build time (static first question, scheme) and
in the browser worker (each next step), so both always show the same markup.

Rendering goes model -> plain data (``view``) -> small renderers. Every string
from the model is escaped here; callers insert the result as trusted HTML.
"""

from __future__ import annotations

import datetime
from html import escape
from typing import Any, Sequence

from .engine import Check, Outcome, Question

EMERGENCY_LINES = (
    "Is er direct gevaar? Bel 112.",
    "Veilig Thuis is dag en nacht gratis bereikbaar op 0800-2000.",
)


def form_id(check: Check, node_id: str) -> str:
    """Id prefix of the interactive form's elements for one question."""
    return f"mdx-{check.name}-{node_id}"


def scheme_id(check: Check, node_id: str) -> str:
    """Anchor of a node in the static scheme."""
    if node_id in check.outcomes:
        return f"schema-{check.name}-uitkomst-{node_id}"
    return f"schema-{check.name}-{node_id}"


def caption(check: Check, question: Question) -> str:
    """'Vraag 2 van 3' where every path asks the same questions, else 'Afweging 2'."""
    if check.total_questions == len(check.questions):
        return f"{question.label} van {check.total_questions}"
    return question.label


def _items(items: Sequence[str], css: str) -> str:
    lis = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f'<ul class="{css}">{lis}</ul>'


def _help(question: Question, element_id: str) -> str:
    parts = [f'<div class="mdx-check__help" id="{element_id}">']
    parts.append(f"<p>{escape(question.help)}</p>")
    if question.considerations:
        parts.append(f'<p class="mdx-check__help-title">{escape(question.considerations_title)}</p>')
        parts.append(_items(question.considerations, "mdx-check__considerations"))
    parts.append("</div>")
    return "".join(parts)


def question_html(check: Check, question: Question, *, can_go_back: bool) -> str:
    """One question as a GOV.UK-style form: fieldset, legend, radios, Volgende."""
    base = form_id(check, question.id)
    first_radio = f"{base}-{question.answers[0].id}"
    radios = "".join(
        '<div class="mdx-check__radio">'
        f'<input type="radio" id="{base}-{answer.id}" name="{base}" value="{escape(answer.id)}">'
        f'<label for="{base}-{answer.id}">{escape(answer.label)}</label>'
        "</div>"
        for answer in question.answers
    )
    back = (
        '<button type="button" class="md-button mdx-check__button" data-action="back">Vorige</button>'
        if can_go_back
        else ""
    )
    # method="dialog" outside a <dialog> submits nowhere: without the script an
    # answer never ends up in the address bar of a reload.
    return (
        f'<form class="mdx-check__form" data-question="{question.id}" method="dialog" novalidate>'
        f'<div class="mdx-check__error-summary" id="{base}-error-summary" tabindex="-1" hidden data-check-part="error-summary">'
        '<h3 class="mdx-check__error-title">Er is een probleem</h3>'
        f'<ul><li><a href="#{first_radio}" data-focus="{first_radio}">'
        f"Kies een antwoord bij {escape(question.label)}.</a></li></ul>"
        "</div>"
        f'<fieldset class="mdx-check__fieldset" aria-describedby="{base}-help">'
        f'<legend class="mdx-check__legend" tabindex="-1" data-check-part="focus">'
        f'<span class="mdx-check__caption">{escape(caption(check, question))}</span> '
        f'<span class="mdx-check__question">{escape(question.text)}</span>'
        "</legend>"
        f"{_help(question, base + '-help')}"
        f'<p class="mdx-check__field-error" id="{base}-error" hidden data-check-part="field-error">'
        '<span class="mdx-visually-hidden">Fout: </span>Kies een antwoord.</p>'
        f'<div class="mdx-check__radios">{radios}</div>'
        "</fieldset>"
        '<div class="mdx-check__actions">'
        '<button type="submit" class="md-button md-button--primary mdx-check__button">Volgende</button>'
        f"{back}"
        "</div>"
        "</form>"
    )


def _emergency() -> str:
    lines = "".join(f"<p>{escape(line)}</p>" for line in EMERGENCY_LINES)
    return f'<div class="mdx-check__urgent" role="note">{lines}</div>'


def _outcome_body(outcome: Outcome, heading: str) -> str:
    parts = [f"<p>{escape(outcome.summary)}</p>"]
    if outcome.urgent:
        parts.append(_emergency())
    parts.append(f"<{heading}>Wat doe je nu?</{heading}>")
    parts.append(_items(outcome.next_steps, "mdx-check__next-steps"))
    parts.append(f"<{heading}>Wat leg je vast in het dossier?</{heading}>")
    parts.append(_items(outcome.record, "mdx-check__record"))
    return "".join(parts)


def outcome_html(check: Check, outcome: Outcome, summary: str) -> str:
    """The outcome that replaces the question, with the record for the dossier."""
    base = f"mdx-{check.name}-samenvatting"
    return (
        f'<div class="mdx-check__outcome" data-outcome="{outcome.id}">'
        f'<h3 class="mdx-check__outcome-title" tabindex="-1" data-check-part="focus">'
        f'<span class="mdx-check__caption">Uitkomst</span> {escape(outcome.title)}</h3>'
        f"{_outcome_body(outcome, 'h4')}"
        f'<h4 id="{base}-titel">Samenvatting voor het dossier</h4>'
        "<p>Plak deze tekst in het dossier van je cliënt. "
        "Er staan geen namen in; vul zelf aan wat nodig is.</p>"
        # A <pre> has no role that may carry a name (ARIA prohibits
        # aria-labelledby there, so screen readers may drop it): as a figure the
        # summary is announced with its heading.
        f'<pre class="mdx-check__summary" id="{base}" role="figure" aria-labelledby="{base}-titel" data-check-part="summary">'
        f"{escape(summary)}</pre>"
        f'<div class="mdx-check__copy-fallback" hidden data-check-part="copy-fallback">'
        f'<label for="{base}-tekst">Kopiëren lukt niet automatisch in deze browser. '
        "Selecteer de tekst hieronder en kopieer die zelf (Ctrl+C of Cmd+C).</label>"
        f'<textarea id="{base}-tekst" class="mdx-check__summary-text" readonly rows="8">{escape(summary)}</textarea>'
        "</div>"
        '<div class="mdx-check__actions">'
        '<button type="button" class="md-button md-button--primary mdx-check__button" data-action="copy">Kopieer samenvatting</button>'
        '<button type="button" class="md-button mdx-check__button" data-action="print">Afdrukken</button>'
        '<button type="button" class="md-button mdx-check__button" data-action="back">Vorige</button>'
        '<button type="button" class="md-button mdx-check__button" data-action="restart">Opnieuw beginnen</button>'
        "</div>"
        "</div>"
    )


def _answer_links(check: Check, question: Question) -> str:
    items = []
    for answer in question.answers:
        target = check.node(answer.leads_to)
        name = target.label if isinstance(target, Question) else f"Uitkomst: {target.title}"
        items.append(
            f"<li><strong>{escape(answer.label)}</strong>: ga naar "
            f'<a href="#{scheme_id(check, target.id)}">{escape(name)}</a></li>'
        )
    return f'<ul class="mdx-scheme__answers">{"".join(items)}</ul>'


def check_html(check: Check) -> str:
    """The check's container as the build writes it: the first question, usable
    before any script runs, and links into the scheme for browsers without it."""
    first = check.node(check.start)
    assert isinstance(first, Question)
    return (
        f'<div class="mdx-check" data-check="{check.name}" data-python="loading">'
        f'<div class="mdx-check__step" data-check-part="step">{question_html(check, first, can_go_back=False)}</div>'
        '<div class="mdx-check__status" role="status" aria-live="polite" data-check-part="status"></div>'
        '<div class="mdx-check__fallback" data-check-part="fallback">'
        "<p><strong>De stap-voor-stap check werkt niet in deze browser.</strong> "
        "Gebruik het schema hieronder: dat is dezelfde check op papier. "
        "Kies je antwoord op de eerste vraag:</p>"
        f"{_answer_links(check, first)}"
        "</div>"
        "</div>"
    )


def scheme_html(check: Check) -> str:
    """The whole check as a static, printable scheme: it is the check without JavaScript."""
    questions = "".join(
        f'<div class="mdx-scheme__node" id="{scheme_id(check, q.id)}" data-question="{q.id}">'
        f'<h3 class="mdx-scheme__title">{escape(q.label)}: {escape(q.text)}</h3>'
        f"{_help(q, scheme_id(check, q.id) + '-uitleg')}"
        f"{_answer_links(check, q)}"
        "</div>"
        for q in check.questions.values()
    )
    outcomes = "".join(
        f'<div class="mdx-scheme__node mdx-scheme__outcome" id="{scheme_id(check, o.id)}" data-outcome="{o.id}">'
        f'<h4 class="mdx-scheme__title">Uitkomst: {escape(o.title)}</h4>'
        f"{_outcome_body(o, 'h5')}"
        "</div>"
        for o in check.outcomes.values()
    )
    return (
        f'<section class="mdx-scheme" data-check-scheme="{check.name}" '
        f'aria-label="Schema {escape(check.title)}">'
        f'<p class="mdx-scheme__meta">{escape(check.title)}, inhoudsversie {escape(check.version)}. '
        f"Gebaseerd op: {escape(check.basis)}.</p>"
        f"{questions}"
        '<h3 class="mdx-scheme__title">Uitkomsten</h3>'
        f"{outcomes}"
        "</section>"
    )


def view(check: Check, answers: Sequence[str], today: datetime.date) -> dict[str, Any]:
    """Plain data for the browser: the next step as HTML. Raises ValueError
    (with a Dutch message) for answers the check does not accept."""
    node = check.step(answers)
    if isinstance(node, Question):
        return {
            "kind": "question",
            "node": node.id,
            "outcome": None,
            "html": question_html(check, node, can_go_back=len(answers) > 0),
        }
    summary = check.summary(answers, today)
    return {
        "kind": "outcome",
        "node": node.id,
        "outcome": node.id,
        "summary": summary,
        "html": outcome_html(check, node, summary),
    }
