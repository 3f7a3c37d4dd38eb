"""Property tests: whatever a caller passes, a check answers with a Question,
an Outcome or a ValueError, never another exception."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import checks
from checks import Outcome, Question
from checks.render import record_text

NAMES = st.sampled_from(checks.names())

# Real answer ids (so long valid prefixes happen often), node ids and
# arbitrary text (so every kind of wrong answer happens too).
ANSWER_LIKE = st.one_of(
    st.sampled_from(["ja", "nee", "nog-niet"]),
    st.sampled_from(["huisgenoot", "collega", "kind", "onbekend", "onderwijs", "zorg-jeugd", "anders"]),
    st.sampled_from(["Ja", "NEE", "nog niet", " ja", "vraag-1", "afweging-2", "melden", ""]),
    st.text(max_size=12),
)
ANSWER_LISTS = st.lists(ANSWER_LIKE, max_size=8)

# Anything at all, including containers holding non-strings.
ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(),
    st.binary(),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=3),
    st.sets(st.text(max_size=3), max_size=3),
    st.lists(st.one_of(st.none(), st.integers(), st.binary(), st.text(max_size=3)), max_size=4),
    st.tuples(st.text(max_size=3), st.integers()),
    st.builds(object),
)


def outcome_or_value_error(check: checks.Check, answers: object) -> Question | Outcome | ValueError:
    try:
        return check.step(answers)  # type: ignore[arg-type]
    except ValueError as error:
        return error


@settings(max_examples=400, deadline=None)
@given(name=NAMES, answers=st.one_of(ANSWER_LISTS, ANSWER_LISTS.map(tuple)))
def test_any_strings_give_a_question_an_outcome_or_value_error(name: str, answers: list[str]) -> None:
    result = outcome_or_value_error(checks.get(name), answers)
    assert isinstance(result, (Question, Outcome, ValueError))


@settings(max_examples=300, deadline=None)
@given(name=NAMES, answers=ANYTHING)
def test_arbitrary_objects_as_answers_give_value_error(name: str, answers: object) -> None:
    check = checks.get(name)
    if isinstance(answers, (list, tuple)) and all(isinstance(a, str) for a in answers):
        # A list of strings is allowed input; it is covered above.
        assert isinstance(outcome_or_value_error(check, answers), (Question, Outcome, ValueError))
        return
    with pytest.raises(ValueError):
        check.step(answers)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        check.trail(answers)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        record_text(check, answers, datetime.date(2026, 11, 22))  # type: ignore[arg-type]


@settings(max_examples=400, deadline=None)
@given(name=NAMES, answers=ANSWER_LISTS)
def test_trail_is_consistent_with_step(name: str, answers: list[str]) -> None:
    check = checks.get(name)
    result = outcome_or_value_error(check, answers)
    if isinstance(result, ValueError):
        # trail validates exactly like step.
        with pytest.raises(ValueError):
            check.trail(answers)
        return
    trail = check.trail(answers)
    assert len(trail) == len(answers)
    for position, (question, answer) in enumerate(trail):
        # Each question in the trail is what step shows after the answers before it.
        assert check.step(answers[:position]) == question
        assert answer.id == answers[position]
        assert answer in question.answers
    if trail:
        assert check.node(trail[-1][1].leads_to) == result
    else:
        assert result == check.node(check.start)


@settings(max_examples=200, deadline=None)
@given(name=NAMES, answers=ANSWER_LISTS)
def test_summary_exists_exactly_for_complete_paths(name: str, answers: list[str]) -> None:
    check = checks.get(name)
    result = outcome_or_value_error(check, answers)
    date = datetime.date(2026, 11, 22)
    if isinstance(result, Outcome):
        text = record_text(check, answers, date)
        assert f"Uitkomst: {result.title}" in text
    else:
        with pytest.raises(ValueError):
            record_text(check, answers, date)


@settings(max_examples=200, deadline=None)
@given(name=NAMES, path_index=st.integers(min_value=0), date=st.dates())
def test_summary_of_every_path_names_every_question_and_the_date(name: str, path_index: int, date: datetime.date) -> None:
    check = checks.get(name)
    paths = list(check.paths())
    answers, outcome = paths[path_index % len(paths)]
    lines = record_text(check, answers, date).split("\n")
    assert lines[4].startswith(f"Datum: {date.day} ") and lines[4].endswith(f" {date.year}")
    for question, answer in check.trail(answers):
        assert f"{question.label}: {question.recorded or question.text}" in lines
    assert f"Uitkomst: {outcome.title}" in lines
