"""The practice cases' pages, written from ``practice.cases`` at build time.

A page asks for a case with ``<!-- mdx:case <id> -->`` on its own line
(``docs/oefenen/<id>.md`` holds only that), and for the overview of all cases
with ``<!-- mdx:cases -->``: two kinds of the one marker grammar
(``sitebuild.markers``), expanded in the Markdown, before it is rendered, so
each case's title becomes the page's title and heading.

Question and outcome texts come from the check itself, never from the case:
a case only holds answer ids and the reasons for them.

"Doe de check met deze casus" links to the page that carries the case's
check (found by its ``<!-- mdx:check <name> -->`` marker) with
``?casus=<id>`` (``Query.CASE``); the check page then fetches
``oefenen/<id>/casus.json`` (``CASE_DATA``, written here too) to show the
situation beside the check.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable, Mapping, Sequence
from html import escape

import checks
from checks.dom import CASE_DATA, Attr, Css, Query
from checks.render import scheme_id
from practice import Case

from . import markers



def json_path(case_id: str) -> str:
    """Site-relative path of the case's text for the check page."""
    return CASE_DATA.format(case=case_id)


def _named(pages: Iterable[tuple[str, str]], kind: str) -> Iterable[tuple[str, str]]:
    """(name, url) of every ``kind`` marker, from (url, markdown) pairs; a
    marker the grammar refuses raises ``markers.MarkerError``."""
    for url, markdown in pages:
        for marker in markers.find(markdown, url, markdown=True):
            if marker.kind == kind and marker.name is not None:
                yield marker.name, url


def check_urls(pages: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Check name -> url of the page with its interactive check, from (url, markdown) pairs."""
    found: dict[str, str] = {}
    for name, url in _named(pages, "check"):
        found.setdefault(name, url)
    return found


def case_urls(pages: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Case id -> urls of the pages that show it, from (url, markdown) pairs."""
    found: dict[str, list[str]] = {}
    for case_id, url in _named(pages, "case"):
        found.setdefault(case_id, []).append(url)
    return found


def wiring_errors(cases: Sequence[Case], pages: Mapping[str, list[str]], check_pages: Mapping[str, str]) -> list[str]:
    """Each case on exactly one page, each check with a page. (A page naming an
    unknown case is the marker grammar's to refuse.)"""
    errors = [f"case {case.id!r} has no page: add docs/oefenen/{case.id}.md with <!-- mdx:case {case.id} -->" for case in cases if case.id not in pages]
    errors += [f"case {case_id!r} is shown on more than one page: {', '.join(urls)}" for case_id, urls in pages.items() if len(urls) > 1]
    errors += [
        f"case {case.id!r}: no page carries <!-- mdx:check {case.check} -->, so 'Doe de check' has nowhere to go"
        for case in cases
        if case.check not in check_pages
    ]
    return errors


def relative(target: str, here: str) -> str:
    """The link from the page at url ``here`` to site-relative url ``target`` (both "a/b/" style)."""
    link = posixpath.relpath("/" + target, "/" + here)
    return link + "/" if target.endswith("/") and not link.endswith("/") else link


def check_link(case: Case, here: str, check_url: str) -> str:
    return f"{relative(check_url, here)}?{Query.CASE}={case.id}"


def _route_html(case: Case, here: str, check_url: str) -> str:
    check = checks.get(case.check)
    steps = []
    for (question, answer), step in zip(check.trail(list(case.answers)), case.route):
        steps.append(
            f'<li class="{Css.CASE_STEP}">'
            f'<p class="{Css.CASE_QUESTION}"><span class="{Css.CASE_LABEL}">{escape(question.label)}</span> '
            f"{escape(question.text)}</p>"
            f'<p class="{Css.CASE_ANSWER}"><strong>Antwoord: {escape(answer.label)}.</strong> {escape(step.why)}</p>'
            "</li>"
        )
    outcome = check.outcomes[case.outcome]
    scheme = f"{relative(check_url, here)}#{scheme_id(check, outcome.id)}"
    return (
        f'<details class="{Css.CASE_DETAILS}">'
        "<summary>Toon de antwoorden en de uitkomst</summary>"
        f'<ol class="{Css.CASE_STEPS}">{"".join(steps)}</ol>'
        f'<p class="{Css.CASE_OUTCOME}"><strong>Uitkomst: {escape(outcome.title)}.</strong> {escape(outcome.summary)}</p>'
        f'<p><a href="{escape(scheme)}">Lees in het schema van de check wat je bij deze uitkomst doet</a></p>'
        "</details>"
    )


def case_markdown(case: Case, here: str, check_url: str) -> str:
    """The whole case page: a Markdown title, then one block of HTML.

    Elements marked ``Attr.SLIDE`` are what the projector view
    (mdx-presentation.mjs) shows one at a time.
    """
    check = checks.get(case.check)
    situation = "".join(f"<p>{escape(text)}</p>" for text in case.situation)
    # value: the projector view hides the other items, which would renumber the list.
    questions = "".join(f'<li value="{n}" {Attr.SLIDE}="">{escape(text)}</li>' for n, text in enumerate(case.discussion, 1))
    attributes = (
        f'{Attr.CASE}="{escape(case.id)}" {Attr.CASE_CHECK}="{escape(case.check)}" '
        f'{Attr.CASE_ANSWERS}="{escape(",".join(case.answers))}" {Attr.OUTCOME}="{escape(case.outcome)}"'
    )
    html = (
        f'<div class="{Css.CASE}" {attributes}>'
        f'<p class="{Css.CASE_META}">{escape(case.sector)} · check: {escape(check.title)}</p>'
        f'<section class="{Css.CASE_PART}" {Attr.SLIDE}="" aria-labelledby="situatie">'
        f'<h2 id="situatie">De situatie</h2>{situation}</section>'
        f'<section class="{Css.CASE_PART}" {Attr.SLIDES}="" aria-labelledby="vragen">'
        f'<h2 id="vragen">Vragen voor de groep</h2><ol class="{Css.CASE_DISCUSSION}">{questions}</ol></section>'
        f'<p class="{Css.CASE_ACTIONS}"><a class="md-button md-button--primary" {Attr.CASE_LINK}="" '
        f'href="{escape(check_link(case, here, check_url))}">Doe de check met deze casus</a></p>'
        f'<section class="{Css.CASE_PART} {Css.CASE_ROUTE}" {Attr.SLIDE}="" aria-labelledby="route">'
        '<h2 id="route">De route door de check</h2>'
        "<p>Bespreek eerst de vragen. Open daarna de antwoorden, of doe zelf de check en vergelijk.</p>"
        f"{_route_html(case, here, check_url)}</section>"
        "</div>"
    )
    return f"# {case.title}\n\n{html}\n"


def overview_html(cases: Sequence[Case], here: str, urls: Mapping[str, str]) -> str:
    """The list on /oefenen/: each case with its sector and check."""
    items = []
    for case in cases:
        check = checks.get(case.check)
        items.append(
            f'<li class="{Css.CASES_ITEM}">'
            f'<a href="{escape(relative(urls[case.id], here))}">{escape(case.title)}</a>'
            f'<span class="{Css.CASES_META}">{escape(case.sector)} · {escape(check.title)}</span>'
            "</li>"
        )
    return f'<ul class="{Css.CASES}">{"".join(items)}</ul>'


def case_json(case: Case, case_url: str) -> str:
    """What the check page shows beside the check: the situation and the discussion questions."""
    return json.dumps(
        {
            "id": case.id,
            "title": case.title,
            "sector": case.sector,
            "check": case.check,
            "situation": list(case.situation),
            "discussion": list(case.discussion),
            "page": case_url,  # site-relative
        },
        ensure_ascii=False,
        indent=1,
    )


def expand(markdown: str, *, here: str, cases: Sequence[Case], check_pages: Mapping[str, str], case_pages: Mapping[str, str]) -> str:
    """Both kinds of case marker in one page's Markdown, expanded (the grammar
    has judged every marker on the page by then)."""
    by_id = {case.id: case for case in cases}

    def one_case(case_id: str | None) -> str:
        case = by_id[str(case_id)]
        return case_markdown(case, here, check_pages[case.check])

    return markers.expand_markdown(
        markdown, here, {"case": one_case, "cases": lambda _: overview_html(cases, here, case_pages)}
    )
