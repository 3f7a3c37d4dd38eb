"""Practice cases for training sessions: the model and its validation.

A case (``practice.cases`` holds them, as data only) is a short fictional
situation plus the route a trainer expects through one of the real checks:
the answer ids in order, a reason for each answer, and the outcome id. The
route is checked against the engine, so a case can never teach a route the
check does not take.

Rules follow the engine's style: one ``_check_*`` function per rule, each
returning messages that name the case at fault, and all problems reported at
once (``CaseDefinitionError``). Messages are for the people editing the data,
so they are in English.

Standard library only; nothing here runs in the browser.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import checks
from checks.engine import Outcome, Question, _freeze

__all__ = ["Case", "CaseDefinitionError", "Step", "errors", "validate"]

# Ids end up in addresses (/oefenen/<id>/) and HTML attributes.
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Step:
    """One answer on the expected route, with why a professional gives it."""

    answer: str
    why: str


@dataclass(frozen=True)
class Case:
    """A practice case. ``route`` holds one Step per question on the path."""

    id: str
    title: str
    sector: str
    situation: tuple[str, ...]
    discussion: tuple[str, ...]
    check: str
    route: tuple[Step, ...]
    outcome: str

    def __post_init__(self) -> None:
        _freeze(self, "situation", "discussion", "route")

    @property
    def answers(self) -> tuple[str, ...]:
        return tuple(step.answer for step in self.route)


class CaseDefinitionError(ValueError):
    """One or more cases break a rule; ``errors`` lists them all."""

    def __init__(self, errors: Sequence[str]) -> None:
        self.errors = tuple(errors)
        lines = "\n".join(f"- {error}" for error in self.errors)
        super().__init__(f"Practice cases are not well defined:\n{lines}")


def _check_types(cases: Sequence[Case]) -> list[str]:
    errors = [f"{case!r} is not a Case" for case in cases if not isinstance(case, Case)]
    for case in cases:
        if isinstance(case, Case):
            errors += [f"case {case.id!r}: {step!r} in route is not a Step" for step in case.route if not isinstance(step, Step)]
    return errors


def _check_ids(cases: Sequence[Case]) -> list[str]:
    ids = [case.id for case in cases]
    errors = [
        f"case id {case_id!r} must be lower-case words joined by hyphens ([a-z0-9-])"
        for case_id in ids
        if not isinstance(case_id, str) or not ID_PATTERN.fullmatch(case_id)
    ]
    errors += [f"case id {case_id!r} is used more than once" for case_id in sorted({i for i in ids if ids.count(i) > 1})]
    return errors


def _check_texts(cases: Sequence[Case]) -> list[str]:
    errors = []
    for case in cases:
        for field in ("title", "sector"):
            if not getattr(case, field).strip():
                errors.append(f"case {case.id!r}: {field} is empty")
        for field in ("situation", "discussion"):
            texts = getattr(case, field)
            if not texts:
                errors.append(f"case {case.id!r}: {field} needs at least one text")
            errors += [f"case {case.id!r}: {field} item {n} is empty" for n, text in enumerate(texts, 1) if not text.strip()]
        errors += [
            f"case {case.id!r}: the reason for answer {n} ({step.answer!r}) is empty"
            for n, step in enumerate(case.route, 1)
            if not step.why.strip()
        ]
    return errors


def _check_known_check(cases: Sequence[Case]) -> list[str]:
    return [
        f"case {case.id!r} names unknown check {case.check!r} (known: {', '.join(checks.names())})"
        for case in cases
        if case.check not in checks.names()
    ]


def _check_route(cases: Sequence[Case]) -> list[str]:
    # Walks the route one answer at a time, so the message names the exact
    # question where it goes wrong rather than the engine's Dutch message.
    errors = []
    for case in cases:
        if case.check not in checks.names():
            continue  # reported by _check_known_check
        check = checks.get(case.check)
        where = f"case {case.id!r} ({case.check})"
        node: Question | Outcome = check.node(check.start)
        for position, answer_id in enumerate(case.answers, 1):
            if isinstance(node, Outcome):
                errors.append(f"{where}: the check ends at outcome {node.id!r} after answer {position - 1}; answer {position} ({answer_id!r}) is one too many")
                break
            answer = node.answer(answer_id)
            if answer is None:
                offered = ", ".join(a.id for a in node.answers)
                errors.append(f"{where}: answer {position} {answer_id!r} is not offered at {node.id!r} (offered: {offered})")
                break
            node = check.node(answer.leads_to)
        else:
            if isinstance(node, Question):
                errors.append(f"{where}: the route stops at question {node.id!r}; it must end in an outcome")
            elif node.id != case.outcome:
                errors.append(f"{where}: the answers {', '.join(case.answers)} lead to {node.id!r}, not to the stated outcome {case.outcome!r}")
    return errors


_RULES: tuple[Callable[[Sequence[Case]], list[str]], ...] = (
    _check_ids,
    _check_texts,
    _check_known_check,
    _check_route,
)


def errors(cases: Iterable[Case]) -> list[str]:
    """Every problem in these cases, as messages; empty when all are valid."""
    case_list = tuple(cases)
    type_errors = _check_types(case_list)
    if type_errors:
        return type_errors  # the other rules read a Case's fields
    return [error for rule in _RULES for error in rule(case_list)]


def validate(cases: Iterable[Case]) -> tuple[Case, ...]:
    """The cases, once every rule holds; CaseDefinitionError otherwise."""
    case_list = tuple(cases)
    problems = errors(case_list)
    if problems:
        raise CaseDefinitionError(problems)
    return case_list
