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

from .dom import Action, Attr, Css, Part, PythonState
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
    parts = [f'<div class="{Css.CHECK_HELP}" id="{element_id}">']
    parts.append(f"<p>{escape(question.help)}</p>")
    if question.considerations:
        parts.append(f'<p class="{Css.CHECK_HELP_TITLE}">{escape(question.considerations_title)}</p>')
        parts.append(_items(question.considerations, Css.CHECK_CONSIDERATIONS))
    parts.append("</div>")
    return "".join(parts)


def _notice(question: Question) -> str:
    # Prominent and first: an urgent notice must not wait behind the question.
    if not question.notice:
        return ""
    return f'<div class="{Css.CHECK_URGENT} {Css.CHECK_NOTICE}" role="note"><p><strong>{escape(question.notice)}</strong></p></div>'


def question_html(check: Check, question: Question, *, can_go_back: bool) -> str:
    """One question as a GOV.UK-style form: fieldset, legend, radios, Volgende."""
    base = form_id(check, question.id)
    first_radio = f"{base}-{question.answers[0].id}"
    radios = "".join(
        f'<div class="{Css.CHECK_RADIO}">'
        f'<input type="radio" id="{base}-{answer.id}" name="{base}" value="{escape(answer.id)}">'
        f'<label for="{base}-{answer.id}">{escape(answer.label)}</label>'
        "</div>"
        for answer in question.answers
    )
    back = (
        f'<button type="button" class="md-button {Css.CHECK_BUTTON}" {Attr.ACTION}="{Action.BACK}">Vorige</button>'
        if can_go_back
        else ""
    )
    # method="dialog" outside a <dialog> submits nowhere: without the script an
    # answer never ends up in the address bar of a reload.
    return (
        f'<form class="{Css.CHECK_FORM}" {Attr.QUESTION}="{question.id}" method="dialog" novalidate>'
        f'<div class="{Css.CHECK_ERROR_SUMMARY}" id="{base}-error-summary" tabindex="-1" hidden {Attr.PART}="{Part.ERROR_SUMMARY}">'
        f'<h3 class="{Css.CHECK_ERROR_TITLE}">Er is een probleem</h3>'
        f'<ul><li><a href="#{first_radio}" {Attr.FOCUS}="{first_radio}">'
        f"Kies een antwoord bij {escape(question.label)}.</a></li></ul>"
        "</div>"
        f"{_notice(question)}"
        f'<fieldset class="{Css.CHECK_FIELDSET}" aria-describedby="{base}-help">'
        f'<legend class="{Css.CHECK_LEGEND}" tabindex="-1" {Attr.PART}="{Part.FOCUS}">'
        f'<span class="{Css.CHECK_CAPTION}">{escape(caption(check, question))}</span> '
        f'<span class="{Css.CHECK_QUESTION}">{escape(question.text)}</span>'
        "</legend>"
        f"{_help(question, base + '-help')}"
        f'<p class="{Css.CHECK_FIELD_ERROR}" id="{base}-error" hidden {Attr.PART}="{Part.FIELD_ERROR}">'
        f'<span class="{Css.VISUALLY_HIDDEN}">Fout: </span>Kies een antwoord.</p>'
        f'<div class="{Css.CHECK_RADIOS}">{radios}</div>'
        "</fieldset>"
        f'<div class="{Css.CHECK_ACTIONS}">'
        f'<button type="submit" class="md-button md-button--primary {Css.CHECK_BUTTON}">Volgende</button>'
        f"{back}"
        "</div>"
        "</form>"
    )


def _emergency() -> str:
    lines = "".join(f"<p>{escape(line)}</p>" for line in EMERGENCY_LINES)
    return f'<div class="{Css.CHECK_URGENT}" role="note">{lines}</div>'


def _links(check: Check, outcome: Outcome, heading: str) -> str:
    if not outcome.links:
        return ""
    items = "".join(
        f'<li><a href="{escape(page_link(check, link.path))}">{escape(link.text)}</a></li>' for link in outcome.links
    )
    return f'<{heading} class="{Css.CHECK_LINKS_TITLE}">{MORE}</{heading}><ul class="{Css.CHECK_LINKS}">{items}</ul>'


def _outcome_body(check: Check, outcome: Outcome, reasons: Sequence[str], heading: str) -> str:
    parts = [f"<p>{escape(outcome.summary)}</p>"]
    if len(reasons) == 1:
        parts.append(f'<p class="{Css.CHECK_REASON}"><strong>{REASON}:</strong> {escape(reasons[0])}</p>')
    elif reasons:
        parts.append(f'<p class="{Css.CHECK_REASON}"><strong>{REASON}, afhankelijk van de weg ernaartoe:</strong></p>')
        parts.append(_items(reasons, Css.CHECK_REASONS))
    if outcome.urgent:
        parts.append(_emergency())
    parts.append(f"<{heading}>{NEXT_STEPS}</{heading}>")
    parts.append(_items(outcome.next_steps, Css.CHECK_NEXT_STEPS))
    parts.append(_links(check, outcome, heading))
    return "".join(parts)


def outcome_html(check: Check, outcome: Outcome, reason: str, record: str) -> str:
    """The outcome that replaces the question, with the record for the dossier."""
    base = f"mdx-{check.name}-samenvatting"
    return (
        f'<div class="{Css.CHECK_OUTCOME}" {Attr.OUTCOME}="{outcome.id}">'
        f'<h3 class="{Css.CHECK_OUTCOME_TITLE}" tabindex="-1" {Attr.PART}="{Part.FOCUS}">'
        f'<span class="{Css.CHECK_CAPTION}">{OUTCOME}</span> {escape(outcome.title)}</h3>'
        f"{_outcome_body(check, outcome, (reason,) if reason else (), 'h4')}"
        f'<h4 id="{base}-titel">{RECORD}</h4>'
        f'<p class="{Css.CHECK_RECORD_NOTE}">{escape(RECORD_NOTE)}</p>'
        # A <pre> has no role that may carry a name (ARIA prohibits
        # aria-labelledby there, so screen readers may drop it): as a figure the
        # record is announced with its heading.
        f'<pre class="{Css.CHECK_SUMMARY}" id="{base}" role="figure" aria-labelledby="{base}-titel" {Attr.PART}="{Part.SUMMARY}">'
        f"{escape(record)}</pre>"
        f'<div class="{Css.CHECK_COPY_FALLBACK}" hidden {Attr.PART}="{Part.COPY_FALLBACK}">'
        f'<label for="{base}-tekst">Kopiëren lukt niet automatisch in deze browser. '
        "Selecteer de tekst hieronder en kopieer die zelf (Ctrl+C of Cmd+C).</label>"
        f'<textarea id="{base}-tekst" class="{Css.CHECK_SUMMARY_TEXT}" readonly rows="8">{escape(record)}</textarea>'
        "</div>"
        f'<div class="{Css.CHECK_ACTIONS}">'
        f'<button type="button" class="md-button md-button--primary {Css.CHECK_BUTTON}" {Attr.ACTION}="{Action.COPY}">Kopieer verslag</button>'
        f'<button type="button" class="md-button {Css.CHECK_BUTTON}" {Attr.ACTION}="{Action.PRINT}">Afdrukken</button>'
        f'<button type="button" class="md-button {Css.CHECK_BUTTON}" {Attr.ACTION}="{Action.BACK}">Vorige</button>'
        f'<button type="button" class="md-button {Css.CHECK_BUTTON}" {Attr.ACTION}="{Action.RESTART}">Opnieuw beginnen</button>'
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
    return f'<ul class="{Css.SCHEME_ANSWERS}">{"".join(items)}</ul>'


def check_html(check: Check) -> str:
    """The check's container as the build writes it: the first question, usable
    before any script runs, and links into the scheme for browsers without it."""
    first = check.node(check.start)
    assert isinstance(first, Question)
    return (
        f'<div class="{Css.CHECK}" {Attr.CHECK}="{check.name}" {Attr.PYTHON}="{PythonState.LOADING}">'
        f'<div class="{Css.CHECK_STEP}" {Attr.PART}="{Part.STEP}">{question_html(check, first, can_go_back=False)}</div>'
        f'<div class="{Css.CHECK_STATUS}" role="status" aria-live="polite" {Attr.PART}="{Part.STATUS}"></div>'
        f'<div class="{Css.CHECK_FALLBACK}" {Attr.PART}="{Part.FALLBACK}">'
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
        f'<div class="{Css.SCHEME_NODE}" id="{scheme_id(check, q.id)}" {Attr.QUESTION}="{q.id}">'
        f"{_notice(q)}"
        f'<h3 class="{Css.SCHEME_TITLE}">{escape(q.label)}: {escape(q.text)}</h3>'
        f"{_help(q, scheme_id(check, q.id) + '-uitleg')}"
        f"{_answer_links(check, q)}"
        "</div>"
        for q in check.questions.values()
    )
    outcomes = "".join(
        f'<div class="{Css.SCHEME_NODE} {Css.SCHEME_OUTCOME}" id="{scheme_id(check, o.id)}" {Attr.OUTCOME}="{o.id}">'
        f'<h4 class="{Css.SCHEME_TITLE}">{OUTCOME}: {escape(o.title)}</h4>'
        f"{_outcome_body(check, o, _scheme_reasons(check, o), 'h5')}"
        "</div>"
        for o in check.outcomes.values()
    )
    return (
        f'<section class="{Css.SCHEME}" {Attr.SCHEME}="{check.name}" '
        f'aria-label="Schema {escape(check.title)}">'
        f'<p class="{Css.SCHEME_META}">{escape(check.title)}, inhoudsversie {escape(check.version)}. '
        f"Gebaseerd op: {escape(check.basis)}.</p>"
        f"{questions}"
        f'<h3 class="{Css.SCHEME_TITLE}">Uitkomsten</h3>'
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
            f'<div class="{Css.EXPLANATION_QUESTION}" id="{base}">'
            f'<h3>{escape(q.label)}: {escape(q.text)}</h3>'
            f"{_notice(q)}"
            f"{_help(q, base + '-hulp')}"
            f'<ul class="{Css.EXPLANATION_ANSWERS}">{answers}</ul>'
            "</div>"
        )
    return f'<div class="{Css.EXPLANATION}" {Attr.EXPLANATION}="{check.name}">{"".join(parts)}</div>'


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
