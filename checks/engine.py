"""The small engine that runs a decision check defined as data.

A check is a directed acyclic graph: questions whose answers lead to another
question or to an outcome. The check modules (``kindcheck``, ``afwegingskader``,
``route``) only hold data; everything that walks or validates lives here, and
everything a reader sees around the data (headings, the record's layout) lives
in ``checks.render``.

The same code runs on CPython >= 3.11 and on Pyodide (Python 3.14) in the
browser, so it uses the standard library only and no 3.12+ syntax.

Errors meant for the person using the tool (a wrong answer, an incomplete
path) are ``ValueError`` with a Dutch message. Errors in a definition are for
the people editing the data and are raised in English as one
``CheckDefinitionError`` listing every problem at once.
"""

from __future__ import annotations

import dataclasses
import graphlib
import re
import types
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

__all__ = [
    "EMERGENCY_NUMBER",
    "VEILIG_THUIS",
    "VEILIG_THUIS_NUMBER",
    "Answer",
    "Check",
    "CheckDefinitionError",
    "Link",
    "Outcome",
    "Question",
    "ja",
    "nee",
    "nog_niet",
    "validate",
]

# Written once: the data, the renderer and the help block on every page use these.
EMERGENCY_NUMBER = "112"
VEILIG_THUIS_NUMBER = "0800-2000"
# How the number may be called: free and round the clock, but some regions
# take only urgent calls outside office hours.
VEILIG_THUIS = (
    f"{VEILIG_THUIS_NUMBER} (gratis, dag en nacht; buiten kantooruren helpen sommige regio's alleen bij spoed)"
)

# Answer ids end up in HTML attributes (ids, values): keep them plain.
ANSWER_ID = re.compile(r"[a-z0-9-]+")


def _freeze(instance: object, *fields: str) -> None:
    """Store these fields of a frozen dataclass as tuples.

    Data files may write lists; tuples keep the node immutable and hashable.
    A bare string is refused: ``("Vraag?")`` without a trailing comma is a
    common slip that would otherwise become a tuple of single characters.
    """
    for name in fields:
        value = getattr(instance, name)
        if isinstance(value, str):
            raise TypeError(
                f"{type(instance).__name__}.{name} must be a tuple, not a string "
                "(a one-item tuple needs a trailing comma)"
            )
        object.__setattr__(instance, name, tuple(value))


@dataclass(frozen=True)
class Answer:
    """One answer offered at a question; ``leads_to`` is a question or outcome id.

    ``reason`` says why the outcome it leads to applies on this path; the
    outcome and its record name it (an outcome reached for different reasons,
    such as ``melden``, names only the one that applies).
    """

    id: str
    label: str
    leads_to: str
    reason: str = ""


@dataclass(frozen=True)
class Question:
    """One question of a check. ``text`` becomes the fieldset legend.

    ``label`` is derived from ``number`` ("Vraag 2") unless the question needs
    another one. ``recorded`` is how the record for the dossier words the
    question: the official wording where there is one, and never addressed to
    the reader; without it the record uses ``text``. ``notice`` is an urgent message shown above the question
    (it must name 112 and Veilig Thuis).
    """

    id: str
    number: int
    text: str
    help: str
    answers: tuple[Answer, ...]
    considerations_title: str = ""
    considerations: tuple[str, ...] = ()
    label: str = ""
    recorded: str = ""
    notice: str = ""

    def __post_init__(self) -> None:
        _freeze(self, "considerations", "answers")

    def answer(self, answer_id: str) -> Answer | None:
        """The answer with this id, or None if the question does not offer it."""
        for answer in self.answers:
            if answer.id == answer_id:
                return answer
        return None


@dataclass(frozen=True)
class Link:
    """A page of the site that explains an outcome: ``path`` is site-relative
    (``/collega/#onderwijs``); the renderer makes it relative to the check's page."""

    text: str
    path: str


@dataclass(frozen=True)
class Outcome:
    """Where a check ends. ``urgent`` outcomes must name 112 and Veilig Thuis.

    ``record`` lists what the record for the dossier asks to fill in, beyond
    what every record holds; ``reported`` adds the date of the melding or
    adviesvraag to it.
    """

    id: str
    title: str
    summary: str
    next_steps: tuple[str, ...]
    record: tuple[str, ...]
    urgent: bool
    links: tuple[Link, ...] = ()
    reported: bool = False

    def __post_init__(self) -> None:
        _freeze(self, "next_steps", "record", "links")


Node = Question | Outcome
Step = tuple[Question, Answer]


def ja(leads_to: str, reason: str = "") -> Answer:
    """The answer "Ja", leading to ``leads_to``."""
    return Answer("ja", "Ja", leads_to, reason)


def nee(leads_to: str, reason: str = "") -> Answer:
    """The answer "Nee", leading to ``leads_to``."""
    return Answer("nee", "Nee", leads_to, reason)


def nog_niet(leads_to: str, reason: str = "") -> Answer:
    """The answer "Nog niet te beoordelen", leading to ``leads_to``."""
    return Answer("nog-niet", "Nog niet te beoordelen", leads_to, reason)


class CheckDefinitionError(ValueError):
    """A check's data breaks one or more rules; ``errors`` lists them all."""

    def __init__(self, check_name: str, errors: Sequence[str]) -> None:
        self.check_name = check_name
        self.errors = tuple(errors)
        lines = "\n".join(f"- {error}" for error in self.errors)
        super().__init__(f"Check {check_name!r} is not well defined:\n{lines}")


# --- Validation rules --------------------------------------------------------
# One function per rule. Each gets the raw definition (so duplicates are still
# visible) and returns a list of messages naming the ids at fault. The graph
# rules only follow edges to known nodes, so every rule can run even when
# others fail, and all problems are reported together.


@dataclass(frozen=True)
class _Definition:
    start: str
    page: str
    questions: tuple[Question, ...]
    outcomes: tuple[Outcome, ...]

    def edges(self) -> dict[str, tuple[str, ...]]:
        """Question id -> the ids its answers lead to, in answer order."""
        return {q.id: tuple(a.leads_to for a in q.answers) for q in self.questions}

    def ids(self) -> set[str]:
        return {q.id for q in self.questions} | {o.id for o in self.outcomes}

    def answers(self) -> Iterator[tuple[Question, Answer]]:
        for question in self.questions:
            for answer in question.answers:
                yield question, answer


def _check_node_types(d: _Definition) -> list[str]:
    # Catches a question put among the outcomes (or the reverse) with a clear
    # message instead of an AttributeError in the rules below.
    errors = [f"{q!r} in questions is not a Question" for q in d.questions if not isinstance(q, Question)]
    errors += [f"{o!r} in outcomes is not an Outcome" for o in d.outcomes if not isinstance(o, Outcome)]
    for question in d.questions:
        if isinstance(question, Question):
            errors += [
                f"question {question.id!r}: {a!r} is not an Answer"
                for a in question.answers
                if not isinstance(a, Answer)
            ]
    for outcome in d.outcomes:
        if isinstance(outcome, Outcome):
            errors += [f"outcome {outcome.id!r}: {link!r} is not a Link" for link in outcome.links if not isinstance(link, Link)]
    return errors


def _check_duplicate_ids(d: _Definition) -> list[str]:
    ids = [q.id for q in d.questions] + [o.id for o in d.outcomes]
    return [
        f"id {node_id!r} is used by more than one question or outcome"
        for node_id in sorted({i for i in ids if ids.count(i) > 1})
    ]


def _check_duplicate_answers(d: _Definition) -> list[str]:
    errors = []
    for question in d.questions:
        ids = [a.id for a in question.answers]
        errors += [
            f"question {question.id!r} offers answer {answer_id!r} more than once"
            for answer_id in sorted({i for i in ids if ids.count(i) > 1})
        ]
    return errors


def _check_answer_ids(d: _Definition) -> list[str]:
    # They become parts of HTML ids and radio values.
    return [
        f"question {q.id!r}: answer id {a.id!r} must be lower-case letters, digits and hyphens ([a-z0-9-]+)"
        for q, a in d.answers()
        if not (isinstance(a.id, str) and ANSWER_ID.fullmatch(a.id))
    ]


def _check_answer_labels(d: _Definition) -> list[str]:
    return [
        f"question {q.id!r}: answer {a.id!r} has an empty label"
        for q, a in d.answers()
        if not (isinstance(a.label, str) and a.label.strip())
    ]


def _check_answer_count(d: _Definition) -> list[str]:
    return [
        f"question {q.id!r} offers {len(q.answers)} answer(s); a question needs at least two"
        for q in d.questions
        if len(q.answers) < 2
    ]


def _check_empty_targets(d: _Definition) -> list[str]:
    return [f"question {q.id!r}: answer {a.id!r} leads nowhere (empty leads_to)" for q, a in d.answers() if not a.leads_to]


def _check_unknown_references(d: _Definition) -> list[str]:
    known = d.ids()
    errors = []
    if d.start not in {q.id for q in d.questions}:
        kind = "an outcome" if d.start in known else "unknown"
        errors.append(f"start {d.start!r} must be a question, but it is {kind}")
    for question, answer in d.answers():
        # Empty targets have their own rule.
        if answer.leads_to and answer.leads_to not in known:
            errors.append(f"question {question.id!r}: answer {answer.id!r} leads to unknown id {answer.leads_to!r}")
    return errors


def _check_unreachable(d: _Definition) -> list[str]:
    edges = d.edges()
    reached: set[str] = set()
    todo = [d.start]
    while todo:
        node_id = todo.pop()
        if node_id not in reached:
            reached.add(node_id)
            todo.extend(edges.get(node_id, ()))
    nodes: list[Question | Outcome] = [*d.questions, *d.outcomes]
    return [
        f"{'question' if isinstance(node, Question) else 'outcome'} {node.id!r} "
        f"is not reachable from start {d.start!r}"
        for node in nodes
        if node.id not in reached
    ]


def _check_cycles(d: _Definition) -> list[str]:
    # graphlib reads the mapping as node -> predecessors, so the cycle it
    # reports runs against the answers' direction: reverse it.
    try:
        graphlib.TopologicalSorter(d.edges()).prepare()
    except graphlib.CycleError as error:
        loop = list(reversed(error.args[1]))
        return ["cycle: " + " -> ".join(repr(i) for i in loop)]
    return []


def _check_paths_end_in_outcome(d: _Definition) -> list[str]:
    # Walks every path from the start and reports, by its answers, each one
    # that stops somewhere other than an outcome. Revisiting a node on the
    # same path is cut short (the cycle rule reports it), so this terminates.
    edges = d.edges()
    answer_ids = {q.id: tuple(a.id for a in q.answers) for q in d.questions}
    outcome_ids = {o.id for o in d.outcomes}
    errors = []
    todo: list[tuple[str, tuple[str, ...], frozenset[str]]] = [(d.start, (), frozenset())]
    while todo:
        node_id, path, visited = todo.pop()
        if node_id in outcome_ids or node_id in visited:
            continue
        where = " -> ".join(path) if path else "(no answers)"
        if node_id not in edges:
            errors.append(f"path {where} ends at {node_id!r}, which is not an outcome")
        elif not edges[node_id]:
            errors.append(f"path {where} ends at question {node_id!r}, which offers no answers")
        else:
            for answer_id, target in zip(answer_ids[node_id], edges[node_id]):
                todo.append((target, path + (answer_id,), visited | {node_id}))
    return sorted(errors)


def _missing_numbers(text: str) -> list[str]:
    return [number for number in (EMERGENCY_NUMBER, VEILIG_THUIS_NUMBER) if number not in text]


def _check_urgent_outcomes(d: _Definition) -> list[str]:
    # An urgent outcome must tell the reader where to call, in its summary or
    # next steps (the parts every renderer shows).
    return [
        f"urgent outcome {outcome.id!r} does not name {number}"
        for outcome in d.outcomes
        if outcome.urgent
        for number in _missing_numbers(" ".join((outcome.summary, *outcome.next_steps)))
    ]


def _check_urgent_notices(d: _Definition) -> list[str]:
    # A notice above a question is there because something is urgent: like an
    # urgent outcome, it says where to call.
    return [
        f"question {question.id!r}: urgent notice does not name {number}"
        for question in d.questions
        if question.notice
        for number in _missing_numbers(question.notice)
    ]


def _check_reasons(d: _Definition) -> list[str]:
    # A reason explains the outcome an answer leads to; an outcome that some
    # paths explain must be explained on every path, or its record would
    # sometimes lack the reason.
    outcome_ids = {o.id for o in d.outcomes}
    errors = []
    explained: dict[str, list[tuple[Question, Answer]]] = {}
    for question, answer in d.answers():
        if answer.reason and answer.leads_to not in outcome_ids:
            errors.append(
                f"question {question.id!r}: answer {answer.id!r} gives a reason but leads to "
                f"{answer.leads_to!r}, which is not an outcome"
            )
        if answer.leads_to in outcome_ids:
            explained.setdefault(answer.leads_to, []).append((question, answer))
    for outcome_id, arrivals in explained.items():
        if any(a.reason for _, a in arrivals):
            errors += [
                f"question {q.id!r}: answer {a.id!r} leads to {outcome_id!r} without a reason, "
                "but other answers leading there give one"
                for q, a in arrivals
                if not a.reason
            ]
    return errors


def _site_path(path: object) -> bool:
    return isinstance(path, str) and path.startswith("/") and not path.startswith("//")


def _check_links(d: _Definition) -> list[str]:
    errors = []
    if not (_site_path(d.page) and d.page.endswith("/")):
        errors.append(f"page {d.page!r} must be a site-relative address such as '/kindcheck/'")
    for outcome in d.outcomes:
        for link in outcome.links:
            if not _site_path(link.path):
                errors.append(f"outcome {outcome.id!r}: link {link.path!r} must be site-relative, starting with '/'")
            if not link.text.strip():
                errors.append(f"outcome {outcome.id!r}: link {link.path!r} has no text")
    return errors


_RULES: tuple[Callable[[_Definition], list[str]], ...] = (
    _check_duplicate_ids,
    _check_duplicate_answers,
    _check_answer_ids,
    _check_answer_labels,
    _check_answer_count,
    _check_empty_targets,
    _check_unknown_references,
    _check_unreachable,
    _check_cycles,
    _check_paths_end_in_outcome,
    _check_urgent_outcomes,
    _check_urgent_notices,
    _check_reasons,
    _check_links,
)


def validate(start: str, questions: Sequence[Question], outcomes: Sequence[Outcome], page: str = "/") -> list[str]:
    """Every problem in a definition, as messages; empty when it is valid."""
    definition = _Definition(start, page, tuple(questions), tuple(outcomes))
    type_errors = _check_node_types(definition)
    if type_errors:
        # Every other rule reads attributes of questions and answers.
        return type_errors
    return [error for rule in _RULES for error in rule(definition)]


# --- Running a check -----------------------------------------------------------


def _answer_ids(answers: object) -> tuple[str, ...]:
    """The answers as a tuple of strings, or a Dutch ValueError."""
    # Only lists and tuples: a bare string is a sequence too, and iterating
    # arbitrary objects could raise anything.
    if not isinstance(answers, (list, tuple)):
        raise ValueError(
            "De antwoorden moeten een lijst van antwoord-id's zijn (zoals ['ja', 'nee']), "
            f"geen {type(answers).__name__}."
        )
    result = tuple(answers)
    for position, answer in enumerate(result, start=1):
        if not isinstance(answer, str):
            raise ValueError(
                f"Antwoord {position} moet een antwoord-id zijn (zoals 'ja'), geen {type(answer).__name__}."
            )
    return result


@dataclass(frozen=True, eq=False)
class Check:
    """A decision check, built from data and validated when it is defined.

    Pass ``questions`` and ``outcomes`` as sequences; they are stored as
    read-only mappings by id. ``questions`` is ordered by question number
    (definition order breaks ties); ``outcomes`` keeps the order given, which
    is the display order. A question without a label gets
    ``"{question_word} {number}"``. ``page`` is the site-relative address of
    the page that holds the check (its links are made relative to it).
    ``total_questions`` is the number of questions on the longest path, so
    "Vraag n van total_questions" stays true when a check holds the same
    question twice in different branches (as the afwegingskader does).
    """

    name: str
    title: str
    version: str
    basis: str
    page: str
    start: str
    questions: Mapping[str, Question] = field(repr=False)
    outcomes: Mapping[str, Outcome] = field(repr=False)
    question_word: str = "Vraag"
    total_questions: int = field(init=False, repr=False)

    def __post_init__(self) -> None:
        question_tuple = tuple(self.questions)
        outcome_tuple = tuple(self.outcomes)
        errors = validate(self.start, question_tuple, outcome_tuple, self.page)
        if errors:
            raise CheckDefinitionError(self.name, errors)
        labelled = [q if q.label else dataclasses.replace(q, label=f"{self.question_word} {q.number}") for q in question_tuple]
        ordered = sorted(labelled, key=lambda q: q.number)
        object.__setattr__(self, "questions", types.MappingProxyType({q.id: q for q in ordered}))
        object.__setattr__(self, "outcomes", types.MappingProxyType({o.id: o for o in outcome_tuple}))
        object.__setattr__(self, "total_questions", max(len(path) for path, _ in self.paths()))

    def node(self, node_id: str) -> Node:
        """The question or outcome with this id."""
        if isinstance(node_id, str):
            if node_id in self.questions:
                return self.questions[node_id]
            if node_id in self.outcomes:
                return self.outcomes[node_id]
        raise ValueError(f"{self.title}: er is geen vraag of uitkomst met id {node_id!r}.")

    def _walk(self, answers: object) -> tuple[tuple[Step, ...], Node]:
        """Follow the answers from the start: the steps taken and where they end."""
        current: Node = self.questions[self.start]
        steps: list[Step] = []
        for position, answer_id in enumerate(_answer_ids(answers), start=1):
            if isinstance(current, Outcome):
                last = steps[-1][0]
                raise ValueError(
                    f"{self.title}: de check is al klaar na {last.label} (\"{last.text}\"), met de uitkomst "
                    f"\"{current.title}\". Antwoord {position} ({answer_id!r}) is te veel."
                )
            answer = current.answer(answer_id)
            if answer is None:
                choices = ", ".join(a.id for a in current.answers)
                raise ValueError(
                    f"Antwoord {answer_id!r} past niet bij {current.label} (\"{current.text}\"): "
                    f"kies uit {choices}."
                )
            steps.append((current, answer))
            current = self.node(answer.leads_to)
        return tuple(steps), current

    def step(self, answers: Sequence[str]) -> Node:
        """The next question, or the outcome once the answers end the check."""
        return self._walk(answers)[1]

    def trail(self, answers: Sequence[str]) -> tuple[Step, ...]:
        """Each question asked, paired with the answer given."""
        return self._walk(answers)[0]

    def finish(self, answers: Sequence[str]) -> tuple[tuple[Step, ...], Outcome, str]:
        """A finished path: its steps, the outcome and the reason for it on
        this path ("" where the outcome needs none). A Dutch ValueError when
        the answers do not end the check."""
        steps, end = self._walk(answers)
        if isinstance(end, Question):
            raise ValueError(
                f"{self.title}: de check is nog niet klaar. Beantwoord eerst {end.label} (\"{end.text}\")."
            )
        return steps, end, steps[-1][1].reason

    def paths(self) -> Iterator[tuple[tuple[str, ...], Outcome]]:
        """Every complete path as (answer ids, outcome), depth first in answer order."""
        yield from self._paths_from(self.start, ())

    def _paths_from(self, node_id: str, prefix: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Outcome]]:
        # Recursion depth is bounded by the longest path (validated acyclic).
        node = self.node(node_id)
        if isinstance(node, Outcome):
            yield prefix, node
            return
        for answer in node.answers:
            yield from self._paths_from(answer.leads_to, prefix + (answer.id,))
