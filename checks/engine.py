"""The small engine that runs a decision check defined as data.

A check is a directed acyclic graph: questions whose answers lead to another
question or to an outcome. The check modules (``kindcheck``, ``afwegingskader``)
only hold data; everything that walks, validates or summarises lives here.

The same code runs on CPython >= 3.11 and on Pyodide (Python 3.14) in the
browser, so it uses the standard library only and no 3.12+ syntax.

Errors meant for the person using the tool (a wrong answer, an incomplete
path) are ``ValueError`` with a Dutch message. Errors in a definition are for
the people editing the data and are raised in English as one
``CheckDefinitionError`` listing every problem at once.
"""

from __future__ import annotations

import datetime
import types
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "ANSWER_LABELS",
    "Answer",
    "Check",
    "CheckDefinitionError",
    "Outcome",
    "Question",
    "ja",
    "nee",
    "nog_niet",
    "validate",
]

# The only answers a check may offer, with their fixed labels: the renderer,
# the summaries and the tests rely on exactly these.
ANSWER_LABELS: Mapping[str, str] = types.MappingProxyType(
    {"ja": "Ja", "nee": "Nee", "nog-niet": "Nog niet te beoordelen"}
)

# Both numbers must appear in every urgent outcome (see _check_urgent_outcomes).
EMERGENCY_NUMBER = "112"
VEILIG_THUIS_NUMBER = "0800-2000"

# Month names are written out here rather than taken from the locale: the
# browser (Pyodide) has no Dutch locale and the output must be deterministic.
_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)

CLOSING_LINE = (
    "Deze samenvatting is gemaakt met Meldcodewijzer. "
    "De tool heeft geen gegevens over je cliënt opgeslagen of verstuurd."
)


def _freeze(instance: object, *fields: str) -> None:
    """Store these fields of a frozen dataclass as tuples.

    Data files may write lists; tuples keep the node immutable and hashable.
    A bare string is refused: ``("Vraag?")`` without a trailing comma is a
    common slip that would otherwise become a tuple of single characters.
    """
    for field in fields:
        value = getattr(instance, field)
        if isinstance(value, str):
            raise TypeError(
                f"{type(instance).__name__}.{field} must be a tuple, not a string "
                "(a one-item tuple needs a trailing comma)"
            )
        object.__setattr__(instance, field, tuple(value))


@dataclass(frozen=True)
class Answer:
    """One answer offered at a question; ``leads_to`` is a question or outcome id."""

    id: str
    label: str
    leads_to: str


@dataclass(frozen=True)
class Question:
    """One question of a check. ``text`` becomes the fieldset legend."""

    id: str
    label: str
    number: int
    text: str
    help: str
    considerations_title: str
    considerations: tuple[str, ...]
    answers: tuple[Answer, ...]

    def __post_init__(self) -> None:
        _freeze(self, "considerations", "answers")

    def answer(self, answer_id: str) -> Answer | None:
        """The answer with this id, or None if the question does not offer it."""
        for answer in self.answers:
            if answer.id == answer_id:
                return answer
        return None


@dataclass(frozen=True)
class Outcome:
    """Where a check ends. ``urgent`` outcomes must name 112 and Veilig Thuis."""

    id: str
    title: str
    summary: str
    next_steps: tuple[str, ...]
    record: tuple[str, ...]
    urgent: bool

    def __post_init__(self) -> None:
        _freeze(self, "next_steps", "record")


Node = Question | Outcome
Step = tuple[Question, Answer]


def ja(leads_to: str) -> Answer:
    """The answer "Ja", leading to ``leads_to``."""
    return Answer("ja", ANSWER_LABELS["ja"], leads_to)


def nee(leads_to: str) -> Answer:
    """The answer "Nee", leading to ``leads_to``."""
    return Answer("nee", ANSWER_LABELS["nee"], leads_to)


def nog_niet(leads_to: str) -> Answer:
    """The answer "Nog niet te beoordelen", leading to ``leads_to``."""
    return Answer("nog-niet", ANSWER_LABELS["nog-niet"], leads_to)


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
    questions: tuple[Question, ...]
    outcomes: tuple[Outcome, ...]

    def edges(self) -> dict[str, tuple[str, ...]]:
        """Question id -> the ids its answers lead to, in answer order."""
        return {q.id: tuple(a.leads_to for a in q.answers) for q in self.questions}

    def ids(self) -> set[str]:
        return {q.id for q in self.questions} | {o.id for o in self.outcomes}


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


def _check_answer_vocabulary(d: _Definition) -> list[str]:
    # The renderer and the summaries rely on the fixed ids and labels.
    errors = []
    for question in d.questions:
        for answer in question.answers:
            expected = ANSWER_LABELS.get(answer.id)
            if expected is None:
                known = ", ".join(ANSWER_LABELS)
                errors.append(f"question {question.id!r}: answer id {answer.id!r} is not one of {known}")
            elif answer.label != expected:
                errors.append(
                    f"question {question.id!r}: answer {answer.id!r} must be labelled "
                    f"{expected!r}, not {answer.label!r}"
                )
    return errors


def _check_answer_count(d: _Definition) -> list[str]:
    return [
        f"question {q.id!r} offers {len(q.answers)} answer(s); a question needs at least two"
        for q in d.questions
        if len(q.answers) < 2
    ]


def _check_empty_targets(d: _Definition) -> list[str]:
    return [
        f"question {q.id!r}: answer {a.id!r} leads nowhere (empty leads_to)"
        for q in d.questions
        for a in q.answers
        if not a.leads_to
    ]


def _check_unknown_references(d: _Definition) -> list[str]:
    known = d.ids()
    errors = []
    if d.start not in {q.id for q in d.questions}:
        kind = "an outcome" if d.start in known else "unknown"
        errors.append(f"start {d.start!r} must be a question, but it is {kind}")
    for question in d.questions:
        for answer in question.answers:
            # Empty targets have their own rule.
            if answer.leads_to and answer.leads_to not in known:
                errors.append(
                    f"question {question.id!r}: answer {answer.id!r} leads to unknown id {answer.leads_to!r}"
                )
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
    # Depth-first search from every question; an edge back to a node still on
    # the stack closes a cycle. Iterative, so no recursion limit applies.
    edges = d.edges()
    done: set[str] = set()
    cycles: list[str] = []
    for root in edges:
        if root in done:
            continue
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(edges[root]))]
        on_stack = [root]
        while stack:
            node_id, targets = stack[-1]
            target = next(targets, None)
            if target is None:
                stack.pop()
                on_stack.pop()
                done.add(node_id)
            elif target in on_stack:
                loop = on_stack[on_stack.index(target):] + [target]
                cycles.append("cycle: " + " -> ".join(repr(i) for i in loop))
            elif target in edges and target not in done:
                stack.append((target, iter(edges[target])))
                on_stack.append(target)
    return cycles


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


def _check_urgent_outcomes(d: _Definition) -> list[str]:
    # An urgent outcome must tell the reader where to call, in its summary or
    # next steps (the parts every renderer shows).
    errors = []
    for outcome in d.outcomes:
        text = " ".join((outcome.summary, *outcome.next_steps))
        for number in (EMERGENCY_NUMBER, VEILIG_THUIS_NUMBER):
            if outcome.urgent and number not in text:
                errors.append(f"urgent outcome {outcome.id!r} does not name {number}")
    return errors


_RULES: tuple[Callable[[_Definition], list[str]], ...] = (
    _check_duplicate_ids,
    _check_duplicate_answers,
    _check_answer_vocabulary,
    _check_answer_count,
    _check_empty_targets,
    _check_unknown_references,
    _check_unreachable,
    _check_cycles,
    _check_paths_end_in_outcome,
    _check_urgent_outcomes,
)


def validate(start: str, questions: Sequence[Question], outcomes: Sequence[Outcome]) -> list[str]:
    """Every problem in a definition, as messages; empty when it is valid."""
    definition = _Definition(start, tuple(questions), tuple(outcomes))
    type_errors = _check_node_types(definition)
    if type_errors:
        # Every other rule reads attributes of questions and answers.
        return type_errors
    return [error for rule in _RULES for error in rule(definition)]


# --- Running a check -----------------------------------------------------------


def _format_date(date: datetime.date) -> str:
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


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


class Check:
    """A decision check, built from data and validated when it is constructed.

    ``questions`` is ordered by question number (definition order breaks
    ties); ``outcomes`` keeps the order given, which is the display order.
    ``total_questions`` is the number of questions on the longest path, so
    "Vraag n van total_questions" stays true when a check holds the same
    question twice in different branches (as the afwegingskader does).
    """

    __slots__ = (
        "name", "title", "version", "basis", "start",
        "questions", "outcomes", "total_questions",
    )

    name: str
    title: str
    version: str
    basis: str
    start: str
    questions: Mapping[str, Question]
    outcomes: Mapping[str, Outcome]
    total_questions: int

    def __init__(
        self,
        *,
        name: str,
        title: str,
        version: str,
        basis: str,
        start: str,
        questions: Iterable[Question],
        outcomes: Iterable[Outcome],
    ) -> None:
        question_tuple = tuple(questions)
        outcome_tuple = tuple(outcomes)
        errors = validate(start, question_tuple, outcome_tuple)
        if errors:
            raise CheckDefinitionError(name, errors)
        ordered = sorted(question_tuple, key=lambda q: q.number)
        values = {
            "name": name,
            "title": title,
            "version": version,
            "basis": basis,
            "start": start,
            "questions": types.MappingProxyType({q.id: q for q in ordered}),
            "outcomes": types.MappingProxyType({o.id: o for o in outcome_tuple}),
        }
        for attribute, value in values.items():
            object.__setattr__(self, attribute, value)
        longest = max(len(path) for path, _ in self.paths())
        object.__setattr__(self, "total_questions", longest)

    def __setattr__(self, attribute: str, value: object) -> None:
        raise AttributeError(f"Check is read-only; cannot set {attribute!r}")

    def __repr__(self) -> str:
        return f"Check(name={self.name!r}, version={self.version!r})"

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

    def summary(self, answers: Sequence[str], date: datetime.date) -> str:
        """Plain-text record of a finished check, for the client's dossier."""
        if not isinstance(date, datetime.date):
            raise ValueError(f"De datum moet een datetime.date zijn, geen {type(date).__name__}.")
        steps, end = self._walk(answers)
        if isinstance(end, Question):
            raise ValueError(
                f"{self.title}: de check is nog niet klaar. Beantwoord eerst {end.label} (\"{end.text}\")."
            )
        lines = [
            f"{self.title} (inhoudsversie {self.version})",
            f"Datum: {_format_date(date)}",
            f"Basis: {self.basis}",
            "",
            "Vragen en antwoorden",
        ]
        for question, answer in steps:
            lines += [f"{question.label}: {question.text}", f"Antwoord: {answer.label}"]
        lines += ["", f"Uitkomst: {end.title}", end.summary, "", "Wat je nu doet"]
        lines += [f"- {item}" for item in end.next_steps]
        lines += ["", "Wat je vastlegt in het dossier"]
        lines += [f"- {item}" for item in end.record]
        lines += ["", CLOSING_LINE]
        return "\n".join(lines)
