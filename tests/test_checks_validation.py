"""Each definition rule fires on a small, deliberately broken check."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from checks import Answer, Check, CheckDefinitionError, Link, Outcome, Question
from checks.engine import ja, nee


def question(qid: str, *answers: Answer, number: int = 1, notice: str = "") -> Question:
    return Question(id=qid, number=number, text=f"Tekst van {qid}?", help="", answers=answers, notice=notice)


def outcome(oid: str, urgent: bool = False, steps: Sequence[str] = (), links: Sequence[Link] = ()) -> Outcome:
    return Outcome(
        id=oid, title=oid, summary=f"Samenvatting {oid}.", next_steps=tuple(steps), record=(), urgent=urgent,
        links=tuple(links),
    )


def build(questions: Sequence[Question], outcomes: Sequence[Outcome], start: str = "q1", page: str = "/proef/") -> Check:
    return Check(
        name="proef",
        title="Proef",
        version="0",
        basis="test",
        page=page,
        start=start,
        questions=questions,
        outcomes=outcomes,
    )


def errors_of(questions: Sequence[Question], outcomes: Sequence[Outcome], start: str = "q1", page: str = "/proef/") -> str:
    with pytest.raises(CheckDefinitionError) as caught:
        build(questions, outcomes, start, page)
    assert isinstance(caught.value, ValueError)
    return str(caught.value)


VALID_QUESTIONS = (
    question("q1", ja("q2"), nee("o1")),
    question("q2", ja("o2"), nee("o1"), number=2),
)
VALID_OUTCOMES = (outcome("o1"), outcome("o2"))


def test_a_valid_small_definition_passes() -> None:
    check = build(VALID_QUESTIONS, VALID_OUTCOMES)
    assert sorted(check.paths(), key=lambda p: p[0]) == [
        (("ja", "ja"), VALID_OUTCOMES[1]),
        (("ja", "nee"), VALID_OUTCOMES[0]),
        (("nee",), VALID_OUTCOMES[0]),
    ]
    assert check.total_questions == 2


def test_unknown_reference_in_an_answer() -> None:
    message = errors_of([question("q1", ja("o1"), nee("nergens"))], [outcome("o1")])
    assert "'nergens'" in message and "'q1'" in message and "unknown" in message


def test_unknown_start() -> None:
    message = errors_of(VALID_QUESTIONS, VALID_OUTCOMES, start="begin")
    assert "start 'begin'" in message


def test_start_must_be_a_question() -> None:
    message = errors_of(VALID_QUESTIONS, VALID_OUTCOMES, start="o1")
    assert "start 'o1' must be a question" in message


def test_unreachable_question_and_outcome() -> None:
    message = errors_of(
        [*VALID_QUESTIONS, question("eiland", ja("o1"), nee("o2"), number=3)],
        [*VALID_OUTCOMES, outcome("vergeten")],
    )
    assert "question 'eiland' is not reachable" in message
    assert "outcome 'vergeten' is not reachable" in message


def test_cycle() -> None:
    message = errors_of(
        [question("q1", ja("q2"), nee("o1")), question("q2", ja("q1"), nee("o1"), number=2)],
        [outcome("o1")],
    )
    assert "cycle: 'q1' -> 'q2' -> 'q1'" in message


def test_self_loop() -> None:
    message = errors_of([question("q1", ja("q1"), nee("o1"))], [outcome("o1")])
    assert "cycle: 'q1' -> 'q1'" in message


def test_question_with_fewer_than_two_answers() -> None:
    message = errors_of([question("q1", ja("q2"), nee("o1")), question("q2", ja("o1"), number=2)], [outcome("o1")])
    assert "question 'q2' offers 1 answer(s)" in message


def test_answer_that_leads_nowhere() -> None:
    message = errors_of([question("q1", ja(""), nee("o1"))], [outcome("o1")])
    assert "question 'q1': answer 'ja' leads nowhere" in message


def test_duplicate_answer_ids_within_a_question() -> None:
    message = errors_of([question("q1", ja("o1"), ja("o2"), nee("o1"))], [outcome("o1"), outcome("o2")])
    assert "question 'q1' offers answer 'ja' more than once" in message


def test_duplicate_ids_between_questions_and_outcomes() -> None:
    message = errors_of([question("q1", ja("q1b"), nee("dubbel")), question("q1b", ja("o1"), nee("o1"))], [
        outcome("o1"),
        outcome("dubbel"),
        outcome("q1b"),
    ])
    assert "id 'q1b' is used by more than one" in message


def test_path_that_does_not_end_in_an_outcome() -> None:
    message = errors_of([question("q1", ja("o1"), nee("q2")), question("q2", number=2)], [outcome("o1")])
    assert "path nee ends at question 'q2', which offers no answers" in message


def test_own_answers_with_their_own_labels_are_fine() -> None:
    check = build(
        [question("q1", Answer("collega", "Een collega", "o1"), Answer("kind-2", "Een ander kind", "o2"))],
        [outcome("o1"), outcome("o2")],
    )
    assert [a.label for a in check.questions["q1"].answers] == ["Een collega", "Een ander kind"]


@pytest.mark.parametrize("bad", ["Collega", "met spatie", "kind_2", "", "x\"y"])
def test_answer_ids_must_be_lower_case_letters_digits_and_hyphens(bad: str) -> None:
    message = errors_of([question("q1", ja("o1"), Answer(bad, "Iets", "o1"))], [outcome("o1")])
    assert f"question 'q1': answer id {bad!r} must be lower-case" in message


def test_answer_labels_must_not_be_empty() -> None:
    message = errors_of([question("q1", ja("o1"), Answer("leeg", "  ", "o1"))], [outcome("o1")])
    assert "question 'q1': answer 'leeg' has an empty label" in message
    assert "'ja'" not in message


def test_a_label_is_derived_from_the_number_with_the_checks_word() -> None:
    check = Check(
        name="proef", title="Proef", version="0", basis="test", page="/proef/", start="q1",
        question_word="Afweging",
        questions=[question("q1", ja("q2"), nee("o1")), question("q2", ja("o1"), nee("o1"), number=2)],
        outcomes=[outcome("o1")],
    )
    assert [q.label for q in check.questions.values()] == ["Afweging 1", "Afweging 2"]


def test_urgent_notice_must_name_both_numbers() -> None:
    message = errors_of(
        [question("q1", ja("o1"), nee("o1"), notice="Melden is nodig. Bel 112.")], [outcome("o1")]
    )
    assert "question 'q1': urgent notice does not name 0800-2000" in message
    assert "does not name 112" not in message


def test_a_reason_only_on_an_answer_that_ends_the_check() -> None:
    message = errors_of(
        [question("q1", ja("q2", "Omdat."), nee("o1")), question("q2", ja("o1"), nee("o1"), number=2)],
        [outcome("o1")],
    )
    assert "question 'q1': answer 'ja' gives a reason but leads to 'q2'" in message


def test_an_outcome_explained_on_one_path_is_explained_on_all() -> None:
    message = errors_of(
        [question("q1", ja("q2"), nee("melden", "Reden een.")), question("q2", ja("melden"), nee("o1"), number=2)],
        [outcome("melden"), outcome("o1")],
    )
    assert "question 'q2': answer 'ja' leads to 'melden' without a reason" in message
    assert "'q1'" not in message


def test_links_and_the_page_must_be_site_relative() -> None:
    message = errors_of(
        [question("q1", ja("o1"), nee("o2"))],
        [outcome("o1", links=[Link("Elders", "https://example.org/")]), outcome("o2", links=[Link("", "/goed/")])],
        page="proef/",
    )
    assert "outcome 'o1': link 'https://example.org/' must be site-relative" in message
    assert "outcome 'o2': link '/goed/' has no text" in message
    assert "page 'proef/' must be a site-relative address" in message


def test_urgent_outcome_must_name_both_numbers() -> None:
    message = errors_of(
        [question("q1", ja("stil"), nee("goed"))],
        [outcome("stil", urgent=True, steps=["Bel 112."]), outcome("goed", urgent=True, steps=["112 of 0800-2000"])],
    )
    assert "urgent outcome 'stil' does not name 0800-2000" in message
    assert "'goed'" not in message


def test_wrong_node_types_are_reported_not_crashing() -> None:
    message = errors_of([outcome("o1")], [question("q1", ja("o1"), nee("o1"))])  # type: ignore[list-item]
    assert "in questions is not a Question" in message
    assert "in outcomes is not an Outcome" in message


def test_all_errors_are_collected_at_once() -> None:
    with pytest.raises(CheckDefinitionError) as caught:
        build([question("q1", ja(""), nee("weg")), question("los", ja("o1"), number=2)], [outcome("o1")])
    errors = caught.value.errors
    assert any("leads nowhere" in e for e in errors)
    assert any("unknown id 'weg'" in e for e in errors)
    assert any("'los' offers 1 answer(s)" in e for e in errors)
    assert any("question 'los' is not reachable" in e for e in errors)
    assert caught.value.check_name == "proef"


@pytest.mark.parametrize("field", ["considerations", "answers"])
def test_a_bare_string_is_not_a_tuple_of_questions_fields(field: str) -> None:
    values = {"id": "q1", "number": 1, "text": "?", "help": "", "answers": ()}
    values[field] = "Vergeten komma?"
    with pytest.raises(TypeError, match="trailing comma"):
        Question(**values)  # type: ignore[arg-type]


def test_a_bare_string_is_not_a_tuple_of_next_steps() -> None:
    with pytest.raises(TypeError, match="Outcome.next_steps"):
        Outcome(id="o", title="o", summary="", next_steps="Bel 112.", record=(), urgent=False)  # type: ignore[arg-type]


def test_lists_are_stored_as_tuples() -> None:
    q = Question(
        id="q1", number=1, text="?", help="", considerations=["a"], answers=[ja("o1"), nee("o1")],  # type: ignore[arg-type]
    )
    assert q.considerations == ("a",) and isinstance(q.answers, tuple)
    hash(q)
