"""HTML and text for the checks: used at build time (static first question,
scheme, explanation) and in the browser worker (each next step), so both always
show the same markup.

Rendering goes model -> plain data (``view``) -> small renderers. Every string
from the model is escaped here; callers insert the result as trusted HTML.
Every word a reader sees around the data (headings, the record's layout)
is written here, once.
"""

from __future__ import annotations

import datetime
import posixpath
from html import escape
from typing import Any, Sequence

from .engine import EMERGENCY_NUMBER, VEILIG_THUIS, Answer, Check, Outcome, Question

EMERGENCY_LINES = (
    f"Is er direct gevaar? Bel {EMERGENCY_NUMBER}.",
    f"Veilig Thuis: bel {VEILIG_THUIS}.",
)

# Headings shared by the outcome on screen, the scheme and the record.
NEXT_STEPS = "Wat doe je nu?"
MORE = "Meer uitleg"
RECORD = "Verslag voor het dossier"
REASON = "Reden"
OUTCOME = "Uitkomst"
FOLLOW_UP = "Afgesproken vervolg"
# Lines of the record to fill in, in this order.
FOLLOW_UP_FIELDS = ("Wat:", "Wie:", "Wanneer:")
SIGN_OFF_FIELDS = ("Ingevuld door (functie):", "Overlegd met (functie):")
REPORTED_FIELD = "Datum melding / adviesvraag:"
GROUNDS = "Onderbouwing:"
RECORD_NOTE = (
    "Kopieer dit verslag naar het dossier van je cliënt en vul het aan. "
    "Zet feiten en interpretaties apart: wat je zelf zag of hoorde, en wat je daaruit afleidt. "
    "Er staan geen namen in. Deze site heeft niets opgeslagen of verstuurd."
)

# Month names are written out here rather than taken from the locale: the
# browser (Pyodide) has no Dutch locale and the output must be deterministic.
_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)


def format_date(date: datetime.date) -> str:
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def record_text(check: Check, answers: Sequence[str], date: datetime.date) -> str:
    """The record of a finished check for the client's dossier, as plain text:
    what was asked and answered, the outcome and its reason, and lines to fill
    in. Written about the case, never to the reader."""
    if not isinstance(date, datetime.date):
        raise ValueError(f"De datum moet een datetime.date zijn, geen {type(date).__name__}.")
    steps, outcome, reason = check.finish(answers)
    lines = [
        RECORD,
        f"Check: {check.title}",
        f"Inhoudsversie: {check.version}",
        f"Basis: {check.basis}",
        f"Datum: {format_date(date)}",
        "",
    ]
    for question, answer in steps:
        lines += [f"{question.label}: {question.recorded or question.text}", f"Antwoord: {answer.label}", GROUNDS, ""]
    lines.append(f"{OUTCOME}: {outcome.title}")
    if reason:
        lines.append(f"{REASON}: {reason}")
    lines += list(outcome.record)
    lines += ["", FOLLOW_UP, *FOLLOW_UP_FIELDS, "", *SIGN_OFF_FIELDS]
    if outcome.reported:
        lines.append(REPORTED_FIELD)
    return "\n".join(lines)


def page_link(check: Check, path: str) -> str:
    """A site-relative address (``/collega/#onderwijs``) as a link from the
    check's page, so the site works in any folder of any host."""
    target, hash_mark, fragment = path.partition("#")
    relative = posixpath.relpath(target, check.page)
    if target.endswith("/") and relative != ".":
        relative += "/"
    elif relative == ".":
        relative = "./"
    return relative + hash_mark + fragment


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


def _notice(question: Question) -> str:
    # Prominent and first: an urgent notice must not wait behind the question.
    if not question.notice:
        return ""
    return f'<div class="mdx-check__urgent mdx-check__notice" role="note"><p><strong>{escape(question.notice)}</strong></p></div>'


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
        f"{_notice(question)}"
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


def _links(check: Check, outcome: Outcome, heading: str) -> str:
    if not outcome.links:
        return ""
    items = "".join(
        f'<li><a href="{escape(page_link(check, link.path))}">{escape(link.text)}</a></li>' for link in outcome.links
    )
    return f'<{heading} class="mdx-check__links-title">{MORE}</{heading}><ul class="mdx-check__links">{items}</ul>'


def _outcome_body(check: Check, outcome: Outcome, reasons: Sequence[str], heading: str) -> str:
    parts = [f"<p>{escape(outcome.summary)}</p>"]
    if len(reasons) == 1:
        parts.append(f'<p class="mdx-check__reason"><strong>{REASON}:</strong> {escape(reasons[0])}</p>')
    elif reasons:
        parts.append(f'<p class="mdx-check__reason"><strong>{REASON}, afhankelijk van de weg ernaartoe:</strong></p>')
        parts.append(_items(reasons, "mdx-check__reasons"))
    if outcome.urgent:
        parts.append(_emergency())
    parts.append(f"<{heading}>{NEXT_STEPS}</{heading}>")
    parts.append(_items(outcome.next_steps, "mdx-check__next-steps"))
    parts.append(_links(check, outcome, heading))
    return "".join(parts)


def outcome_html(check: Check, outcome: Outcome, reason: str, record: str) -> str:
    """The outcome that replaces the question, with the record for the dossier."""
    base = f"mdx-{check.name}-samenvatting"
    return (
        f'<div class="mdx-check__outcome" data-outcome="{outcome.id}">'
        f'<h3 class="mdx-check__outcome-title" tabindex="-1" data-check-part="focus">'
        f'<span class="mdx-check__caption">{OUTCOME}</span> {escape(outcome.title)}</h3>'
        f"{_outcome_body(check, outcome, (reason,) if reason else (), 'h4')}"
        f'<h4 id="{base}-titel">{RECORD}</h4>'
        f'<p class="mdx-check__record-note">{escape(RECORD_NOTE)}</p>'
        # A <pre> has no role that may carry a name (ARIA prohibits
        # aria-labelledby there, so screen readers may drop it): as a figure the
        # record is announced with its heading.
        f'<pre class="mdx-check__summary" id="{base}" role="figure" aria-labelledby="{base}-titel" data-check-part="summary">'
        f"{escape(record)}</pre>"
        f'<div class="mdx-check__copy-fallback" hidden data-check-part="copy-fallback">'
        f'<label for="{base}-tekst">Kopiëren lukt niet automatisch in deze browser. '
        "Selecteer de tekst hieronder en kopieer die zelf (Ctrl+C of Cmd+C).</label>"
        f'<textarea id="{base}-tekst" class="mdx-check__summary-text" readonly rows="8">{escape(record)}</textarea>'
        "</div>"
        '<div class="mdx-check__actions">'
        '<button type="button" class="md-button md-button--primary mdx-check__button" data-action="copy">Kopieer verslag</button>'
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
        f"{_notice(q)}"
        f'<h3 class="mdx-scheme__title">{escape(q.label)}: {escape(q.text)}</h3>'
        f"{_help(q, scheme_id(check, q.id) + '-uitleg')}"
        f"{_answer_links(check, q)}"
        "</div>"
        for q in check.questions.values()
    )
    outcomes = "".join(
        f'<div class="mdx-scheme__node mdx-scheme__outcome" id="{scheme_id(check, o.id)}" data-outcome="{o.id}">'
        f'<h4 class="mdx-scheme__title">{OUTCOME}: {escape(o.title)}</h4>'
        f"{_outcome_body(check, o, _scheme_reasons(check, o), 'h5')}"
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


def _destination(check: Check, answer: Answer) -> str:
    target = check.node(answer.leads_to)
    if isinstance(target, Question):
        return f"ga naar {target.label}."
    reason = f" {answer.reason}" if answer.reason else ""
    return f"{OUTCOME.lower()} {target.title}.{reason}"


def explanation_html(check: Check) -> str:
    """Each question of the check explained in prose, from the same data the
    check runs on: its text, help, the questions to weigh and where each
    answer leads. A page that shows this cannot contradict its check."""
    parts = []
    for q in check.questions.values():
        base = f"uitleg-{check.name}-{q.id}"
        answers = "".join(
            f"<li><strong>{escape(a.label)}</strong>: {escape(_destination(check, a))}</li>" for a in q.answers
        )
        parts.append(
            f'<div class="mdx-explanation__question" id="{base}">'
            f'<h3>{escape(q.label)}: {escape(q.text)}</h3>'
            f"{_notice(q)}"
            f"{_help(q, base + '-hulp')}"
            f'<ul class="mdx-explanation__answers">{answers}</ul>'
            "</div>"
        )
    return f'<div class="mdx-explanation" data-check-explanation="{check.name}">{"".join(parts)}</div>'


def _scheme_reasons(check: Check, outcome: Outcome) -> tuple[str, ...]:
    """On paper every path shows at once: the outcome's reasons, one per way in."""
    return tuple(dict.fromkeys(
        answer.reason for q in check.questions.values() for answer in q.answers
        if answer.leads_to == outcome.id and answer.reason
    ))


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
    _, outcome, reason = check.finish(answers)
    record = record_text(check, answers, today)
    return {
        "kind": "outcome",
        "node": outcome.id,
        "outcome": outcome.id,
        "summary": record,
        "html": outcome_html(check, outcome, reason, record),
    }
