"""The DOM contract: every attribute and class name that more than one layer
of the site shares, written once; and the few parts of an address that the
build writes and the browser modules read (query parameters, the worker's
script, a practice case's data).

Who uses it:

- the HTML writers import it: ``checks/render.py`` (at build time and in the
  browser's Python), ``sitebuild`` (case pages, the addresses overview, the
  versions table, print addresses) and the theme's partials (the hook gives
  templates this module as ``dom``);
- the browser modules import the same names from ``mdx-dom.mjs``, which the
  build writes from this module (``sitebuild/dommodule.py``);
- the tests import it (``tests/support/dom.py``), and one of them holds the
  stylesheets to it: a ``data-`` attribute or ``mdx-`` class in the CSS that
  is missing here fails it, and so does a name here that nothing writes or
  reads.

Browser code finds elements through the ``data-`` attributes (``Attr``), as
govuk-frontend's ``data-module`` does; classes (``Css``) are for the styles
(and a mode switched on ``<html>``). Markdown cannot import this module, so
the few names written in pages and snippets by hand are checked against it in
the built site.
"""

from __future__ import annotations

from enum import StrEnum


class Attr(StrEnum):
    """``data-`` attributes: how scripts (and tests) find and mark elements."""

    # A check's container (checks/render.py); value: the check's name.
    CHECK = "data-check"
    # On the container: whether Python runs, a ``PythonState``.
    PYTHON = "data-python"
    # On the container: the question or outcome on screen (mdx-check.mjs).
    NODE = "data-node"
    # A part of the check that the script needs, a ``Part``.
    PART = "data-check-part"
    # A question's form, or its place in the scheme; value: the question's id.
    QUESTION = "data-question"
    # An outcome, on screen or in the scheme (and a case's outcome); value: its id.
    OUTCOME = "data-outcome"
    # What a check's button does, an ``Action``.
    ACTION = "data-action"
    # The error summary's link; value: the id of the radio it focuses.
    FOCUS = "data-focus"
    # A check's static scheme and its explanation; value: the check's name.
    SCHEME = "data-check-scheme"
    EXPLANATION = "data-check-explanation"
    # A practice case's page (sitebuild/casepages.py): the case, the check it
    # practises, the answers it expects.
    CASE = "data-case"
    CASE_CHECK = "data-case-check"
    CASE_ANSWERS = "data-answers"
    # "Doe de check met deze casus" (the projector view keeps its mode on it).
    CASE_LINK = "data-case-link"
    # What the projector view shows one at a time, and a group of such parts.
    SLIDE = "data-slide"
    SLIDES = "data-slides"
    # "Snel weg": the link and its spoken status (overrides/partials/mdx-exit.html).
    EXIT = "data-mdx-exit"
    EXIT_STATUS = "data-mdx-exit-status"
    # The offline download (docs/_snippets/offline-download.md): the block,
    # its button, its status and the size the build writes in.
    OFFLINE = "data-mdx-offline"
    OFFLINE_DOWNLOAD = "data-mdx-offline-download"
    OFFLINE_STATUS = "data-mdx-offline-status"
    OFFLINE_SIZE = "data-mdx-offline-size"
    # The table of content versions (sitebuild/versions.py).
    VERSIONS = "data-mdx-versions"
    # A link's address as printed on paper (sitebuild/printlinks.py, mdx-print.css).
    PRINT_HREF = "data-print-href"
    # The early start's script element: the worker's address (sitebuild/inline/python-early.js).
    WORKER = "data-worker"


class Part(StrEnum):
    """Values of ``Attr.PART``."""

    STEP = "step"
    STATUS = "status"
    FALLBACK = "fallback"
    FOCUS = "focus"
    ERROR_SUMMARY = "error-summary"
    FIELD_ERROR = "field-error"
    SUMMARY = "summary"
    COPY_FALLBACK = "copy-fallback"


class PythonState(StrEnum):
    """Values of ``Attr.PYTHON``."""

    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


class Action(StrEnum):
    """Values of ``Attr.ACTION``."""

    BACK = "back"
    RESTART = "restart"
    COPY = "copy"
    PRINT = "print"


# The values an attribute may take, where they are a fixed set.
VALUES: dict[Attr, type[StrEnum]] = {Attr.PART: Part, Attr.PYTHON: PythonState, Attr.ACTION: Action}


class Css(StrEnum):
    """Classes, for the styles. Prefixed ``mdx-`` so they never meet the theme's ``md-``."""

    VISUALLY_HIDDEN = "mdx-visually-hidden"
    NO_PRINT = "mdx-no-print"
    HELP = "mdx-help"
    HELP_TITLE = "mdx-help__title"
    HELP_LIST = "mdx-help__list"
    UPDATED = "mdx-updated"
    OFFLINE = "mdx-offline"
    # "Snel weg"; LEAVING goes on <html> while the page is left.
    EXIT = "mdx-exit"
    EXIT_LINK = "mdx-exit__link"
    EXIT_STATUS = "mdx-exit__status"
    EXIT_LEAVING = "mdx-exit--leaving"
    # An interactive check (checks/render.py).
    CHECK = "mdx-check"
    CHECK_STEP = "mdx-check__step"
    CHECK_STATUS = "mdx-check__status"
    CHECK_FALLBACK = "mdx-check__fallback"
    CHECK_FORM = "mdx-check__form"
    CHECK_FORM_ERROR = "mdx-check__form--error"
    CHECK_ERROR_SUMMARY = "mdx-check__error-summary"
    CHECK_ERROR_TITLE = "mdx-check__error-title"
    CHECK_FIELDSET = "mdx-check__fieldset"
    CHECK_LEGEND = "mdx-check__legend"
    CHECK_CAPTION = "mdx-check__caption"
    CHECK_QUESTION = "mdx-check__question"
    CHECK_HELP = "mdx-check__help"
    CHECK_HELP_TITLE = "mdx-check__help-title"
    CHECK_CONSIDERATIONS = "mdx-check__considerations"
    CHECK_FIELD_ERROR = "mdx-check__field-error"
    CHECK_RADIOS = "mdx-check__radios"
    CHECK_RADIO = "mdx-check__radio"
    CHECK_ACTIONS = "mdx-check__actions"
    CHECK_BUTTON = "mdx-check__button"
    CHECK_URGENT = "mdx-check__urgent"
    CHECK_NOTICE = "mdx-check__notice"
    CHECK_OUTCOME = "mdx-check__outcome"
    CHECK_OUTCOME_TITLE = "mdx-check__outcome-title"
    CHECK_REASON = "mdx-check__reason"
    CHECK_REASONS = "mdx-check__reasons"
    CHECK_NEXT_STEPS = "mdx-check__next-steps"
    CHECK_LINKS = "mdx-check__links"
    CHECK_LINKS_TITLE = "mdx-check__links-title"
    CHECK_RECORD_NOTE = "mdx-check__record-note"
    CHECK_SUMMARY = "mdx-check__summary"
    CHECK_COPY_FALLBACK = "mdx-check__copy-fallback"
    CHECK_SUMMARY_TEXT = "mdx-check__summary-text"
    # A check's static scheme and its explanation.
    SCHEME = "mdx-scheme"
    SCHEME_META = "mdx-scheme__meta"
    SCHEME_NODE = "mdx-scheme__node"
    SCHEME_OUTCOME = "mdx-scheme__outcome"
    SCHEME_TITLE = "mdx-scheme__title"
    SCHEME_ANSWERS = "mdx-scheme__answers"
    EXPLANATION = "mdx-explanation"
    EXPLANATION_QUESTION = "mdx-explanation__question"
    EXPLANATION_ANSWERS = "mdx-explanation__answers"
    # A practice case's page and the list of cases (sitebuild/casepages.py).
    CASE = "mdx-case"
    CASE_META = "mdx-case__meta"
    CASE_PART = "mdx-case__part"
    CASE_DISCUSSION = "mdx-case__discussion"
    CASE_ACTIONS = "mdx-case__actions"
    CASE_ROUTE = "mdx-case__route"
    CASE_DETAILS = "mdx-case__details"
    CASE_STEPS = "mdx-case__steps"
    CASE_STEP = "mdx-case__step"
    CASE_QUESTION = "mdx-case__question"
    CASE_LABEL = "mdx-case__label"
    CASE_ANSWER = "mdx-case__answer"
    CASE_OUTCOME = "mdx-case__outcome"
    CASES = "mdx-cases"
    CASES_ITEM = "mdx-cases__item"
    CASES_META = "mdx-cases__meta"
    # A case beside its check (mdx-case-aside.mjs).
    CASE_BESIDE = "mdx-case-beside"
    CASE_ASIDE = "mdx-case-aside"
    CASE_ASIDE_META = "mdx-case-aside__meta"
    CASE_ASIDE_PROBLEM = "mdx-case-aside--problem"
    # The projector view (mdx-presentation.mjs); PRESENTING goes on <html>.
    PRESENTING = "mdx-presentatie"
    PRESENTATION_BAR = "mdx-presentation__bar"
    PRESENTATION_STATUS = "mdx-presentation__status"
    PRESENTATION_BUTTON = "mdx-presentation__button"
    PRESENTATION_STOP = "mdx-presentation__stop"
    # Every topic's address with a QR code, on /trainers/ (sitebuild/addresses.py).
    ADDRESSES = "mdx-addresses"
    ADDRESSES_GROUP = "mdx-addresses__group"
    ADDRESSES_HEADING = "mdx-addresses__heading"
    ADDRESSES_ITEM = "mdx-addresses__item"
    ADDRESSES_TITLE = "mdx-addresses__title"
    ADDRESSES_ADDRESS = "mdx-addresses__address"
    QR = "mdx-qr"


class Query(StrEnum):
    """Query parameters of a page's address that the browser modules read."""

    # ?casus=<id>: a practice case beside its check (mdx-case-aside.mjs).
    CASE = "casus"
    # ?weergave=presentatie: the projector view (mdx-presentation.mjs).
    VIEW = "weergave"


class View(StrEnum):
    """Values of ``Query.VIEW``."""

    PRESENTATION = "presentatie"


# The module Web Worker that runs the checks' Python, site-relative: the
# early start in a check page's head and mdx-python.mjs both start it from here.
WORKER_SCRIPT = "assets/javascripts/mdx-check-worker.mjs"
# The service worker the build writes (sitebuild/service_worker.py) and
# mdx-offline.mjs registers, site-relative.
SERVICE_WORKER = "sw.js"
# A practice case's text for the check page, site-relative; ``{case}`` is its id.
CASE_DATA = "oefenen/{case}/casus.json"
