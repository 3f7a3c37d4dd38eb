"""Routing of every check against the contract tables, written out literally."""

from __future__ import annotations

import datetime

import pytest

import checks
from checks import Outcome, Question
from checks.render import record_text

# The routing contract. Keep these literal: they are the specification, not a
# copy of the data modules.
KINDCHECK_TABLE = {
    ("nee",): "geen-signalen",
    ("ja", "nee"): "geen-kinderen",
    ("ja", "ja", "ja"): "advies-veilig-thuis",
    ("ja", "ja", "nee"): "volg-meldcode",
}

AFWEGINGSKADER_TABLE = {
    ("nee",): "afsluiten",
    ("ja", "ja", "nee"): "melden",
    ("ja", "ja", "ja", "nee"): "melden",
    ("ja", "ja", "ja", "ja", "nee"): "melden",
    ("ja", "ja", "ja", "ja", "ja", "nog-niet"): "melden-en-hulp",
    ("ja", "ja", "ja", "ja", "ja", "ja"): "hulp-afronden",
    ("ja", "ja", "ja", "ja", "ja", "nee"): "opnieuw-melden",
    ("ja", "nee", "nee"): "melden",
    ("ja", "nee", "ja", "nee"): "melden",
    ("ja", "nee", "ja", "ja", "nog-niet"): "hulp",
    ("ja", "nee", "ja", "ja", "ja"): "hulp-afronden",
    ("ja", "nee", "ja", "ja", "nee"): "opnieuw-melden",
}

ROUTE_TABLE = {
    ("ja",): "bel-112",
    ("nee", "huisgenoot", "ja"): "direct-veilig-thuis",
    ("nee", "huisgenoot", "nee", "ja"): "mensenhandel",
    ("nee", "huisgenoot", "nee", "nee"): "meldcode",
    ("nee", "collega", "onderwijs"): "meldplicht-onderwijs",
    ("nee", "collega", "kinderopvang"): "meldplicht-kinderopvang",
    ("nee", "collega", "zorg-jeugd"): "melden-igj",
    ("nee", "collega", "anders"): "collega-anders",
    ("nee", "kind"): "tussen-kinderen",
    ("nee", "onbekend", "ja"): "direct-veilig-thuis",
    ("nee", "onbekend", "nee", "ja"): "mensenhandel",
    ("nee", "onbekend", "nee", "nee"): "meldcode",
}

# The one reason the melden outcome names on each path that leads there.
MELDEN_REASONS = {
    ("ja", "ja", "nee"): "acuut of structureel onveilig",
    ("ja", "ja", "ja", "nee"): "acuut of structureel onveilig",
    ("ja", "ja", "ja", "ja", "nee"): "acuut of structureel onveilig",
    ("ja", "nee", "nee"): "hulp bieden of organiseren is niet mogelijk",
    ("ja", "nee", "ja", "nee"): "aanvaarden de hulp niet",
}

TABLES = {"route": ROUTE_TABLE, "kindcheck": KINDCHECK_TABLE, "afwegingskader": AFWEGINGSKADER_TABLE}

ROWS = [(name, path, outcome) for name, table in TABLES.items() for path, outcome in table.items()]


@pytest.mark.parametrize(
    ("name", "answers", "outcome_id"),
    ROWS,
    ids=[f"{name}:{','.join(path)}" for name, path, _ in ROWS],
)
def test_every_path_of_the_table_gives_its_outcome(name: str, answers: tuple[str, ...], outcome_id: str) -> None:
    result = checks.get(name).step(list(answers))
    assert isinstance(result, Outcome)
    assert result.id == outcome_id


@pytest.mark.parametrize("name", list(TABLES))
def test_paths_are_exactly_the_table(name: str) -> None:
    found = {path: outcome.id for path, outcome in checks.get(name).paths()}
    assert found == TABLES[name]


@pytest.mark.parametrize("answers", list(MELDEN_REASONS), ids=[",".join(p) for p in MELDEN_REASONS])
def test_melden_names_the_one_reason_of_its_path(answers: tuple[str, ...]) -> None:
    _, outcome, reason = checks.get("afwegingskader").finish(answers)
    assert outcome.id == "melden"
    assert MELDEN_REASONS[answers] in reason
    others = set(MELDEN_REASONS.values()) - {MELDEN_REASONS[answers]}
    assert not any(other in reason for other in others), reason
    record = record_text(checks.get("afwegingskader"), answers, datetime.date(2026, 12, 1)).split("\n")
    assert [line for line in record if line.startswith("Reden:")] == [f"Reden: {reason}"]


def test_after_afweging_2_ja_melden_is_said_at_once_with_both_numbers() -> None:
    check = checks.get("afwegingskader")
    question = check.step(["ja", "ja"])
    assert isinstance(question, Question)
    assert "Melden bij Veilig Thuis is nodig" in question.notice
    assert "112" in question.notice and "0800-2000" in question.notice
    assert [a.id for a in question.answers] == ["ja", "nee"]


@pytest.mark.parametrize(
    ("name", "answers", "question_id"),
    [
        ("kindcheck", (), "vraag-1"),
        ("kindcheck", ("ja",), "vraag-2"),
        ("kindcheck", ("ja", "ja"), "vraag-3"),
        ("afwegingskader", (), "afweging-1"),
        ("afwegingskader", ("ja",), "afweging-2"),
        ("afwegingskader", ("ja", "ja"), "samen-wegen"),
        ("afwegingskader", ("ja", "ja", "ja"), "afweging-3-na-melden"),
        ("afwegingskader", ("ja", "ja", "ja", "ja"), "afweging-4-na-melden"),
        ("afwegingskader", ("ja", "ja", "ja", "ja", "ja"), "afweging-5-na-melden"),
        ("route", (), "gevaar"),
        ("route", ("nee",), "pleger"),
        ("route", ("nee", "collega"), "sector"),
        ("route", ("nee", "huisgenoot"), "eer"),
        ("route", ("nee", "onbekend", "nee"), "mensenhandel-vraag"),
        ("afwegingskader", ("ja", "nee"), "afweging-3"),
        ("afwegingskader", ("ja", "nee", "ja"), "afweging-4"),
        ("afwegingskader", ("ja", "nee", "ja", "ja"), "afweging-5"),
    ],
)
def test_step_on_a_prefix_gives_the_next_question(name: str, answers: tuple[str, ...], question_id: str) -> None:
    check = checks.get(name)
    result = check.step(answers)
    assert isinstance(result, Question)
    assert result.id == question_id
    # A list works the same as a tuple.
    assert check.step(list(answers)) == result


def test_both_branches_show_the_same_label_and_number() -> None:
    check = checks.get("afwegingskader")
    for number in (3, 4, 5):
        plain = check.node(f"afweging-{number}")
        after_melden = check.node(f"afweging-{number}-na-melden")
        assert isinstance(plain, Question) and isinstance(after_melden, Question)
        assert plain.label == after_melden.label == f"Afweging {number}"
        assert plain.number == after_melden.number == number
        assert plain.text != after_melden.text


def test_only_afweging_5_offers_nog_niet() -> None:
    check = checks.get("afwegingskader")
    for question in check.questions.values():
        ids = [answer.id for answer in question.answers]
        assert ids == (["ja", "nee", "nog-niet"] if question.number == 5 else ["ja", "nee"])
    labels = {answer.id: answer.label for q in check.questions.values() for answer in q.answers}
    assert labels == {"ja": "Ja", "nee": "Nee", "nog-niet": "Nog niet te beoordelen"}


def test_the_route_offers_its_own_answers() -> None:
    check = checks.get("route")
    assert [a.id for a in check.questions["pleger"].answers] == ["huisgenoot", "collega", "kind", "onbekend"]
    assert [a.id for a in check.questions["sector"].answers] == ["onderwijs", "kinderopvang", "zorg-jeugd", "anders"]
    for question in check.questions.values():
        assert all(answer.label for answer in question.answers), question.id


def test_labels_are_derived_from_numbers() -> None:
    assert checks.get("kindcheck").questions["vraag-2"].label == "Vraag 2"
    assert checks.get("afwegingskader").questions["afweging-4-na-melden"].label == "Afweging 4"
    assert checks.get("afwegingskader").questions["samen-wegen"].label == "Na afweging 2"


def test_total_questions_is_the_longest_path() -> None:
    assert checks.get("kindcheck").total_questions == 3
    assert checks.get("afwegingskader").total_questions == 6
    assert len(checks.get("afwegingskader").questions) == 9
    assert checks.get("route").total_questions == 4


def test_questions_are_ordered_by_number() -> None:
    for name in checks.names():
        numbers = [q.number for q in checks.get(name).questions.values()]
        assert numbers == sorted(numbers)


def test_urgent_outcomes_name_112_and_veilig_thuis() -> None:
    urgent = {
        (name, outcome.id)
        for name in checks.names()
        for outcome in checks.get(name).outcomes.values()
        if outcome.urgent
    }
    assert {
        ("route", "bel-112"),
        ("route", "direct-veilig-thuis"),
        ("route", "mensenhandel"),
        ("afwegingskader", "melden"),
        ("afwegingskader", "melden-en-hulp"),
        ("afwegingskader", "opnieuw-melden"),
        ("kindcheck", "advies-veilig-thuis"),
    } <= urgent
    for name, outcome_id in urgent:
        outcome = checks.get(name).outcomes[outcome_id]
        text = " ".join((outcome.summary, *outcome.next_steps))
        assert "112" in text and "0800-2000" in text


def test_names_and_get() -> None:
    assert checks.names() == ("route", "kindcheck", "afwegingskader")
    for name in checks.names():
        check = checks.get(name)
        assert check.name == name
        assert check.version


@pytest.mark.parametrize("bad", ["bestaat-niet", "", "Kindcheck", None, 3])
def test_unknown_check_name_lists_the_known_names(bad: object) -> None:
    with pytest.raises(ValueError) as error:
        checks.get(bad)  # type: ignore[arg-type]
    assert "kindcheck" in str(error.value)
    assert "afwegingskader" in str(error.value)


def test_checks_are_read_only() -> None:
    check = checks.get("kindcheck")
    with pytest.raises(AttributeError):
        check.start = "vraag-2"  # type: ignore[misc]
    with pytest.raises(TypeError):
        check.questions["vraag-9"] = check.questions["vraag-1"]  # type: ignore[index]


def test_every_node_carries_its_texts() -> None:
    for name in checks.names():
        check = checks.get(name)
        for question in check.questions.values():
            assert question.text.endswith("?") and question.help, question.id
            assert bool(question.considerations_title) == bool(question.considerations), question.id
        for outcome in check.outcomes.values():
            assert outcome.title and outcome.summary and outcome.next_steps and outcome.record, outcome.id


# The two legal grounds for skipping the conversation before a melding (step 3).
SKIP_GROUNDS = ("veiligheid van je cliënt, van jou of van iemand anders", "contact met je verbreekt")


def test_every_melding_outcome_names_both_grounds_to_skip_the_conversation() -> None:
    outcomes = [
        checks.get("afwegingskader").outcomes[o] for o in ("melden", "melden-en-hulp", "opnieuw-melden")
    ] + [checks.get("kindcheck").outcomes["advies-veilig-thuis"]]
    for outcome in outcomes:
        text = " ".join(outcome.next_steps)
        assert all(ground in text for ground in SKIP_GROUNDS), outcome.id
        assert any("grond" in field for field in outcome.record), outcome.id


def test_kindcheck_records_the_children_after_question_2_ja() -> None:
    check = checks.get("kindcheck")
    for answers, outcome in check.paths():
        asks = any("Kinderen (aantal, leeftijden, wie de zorg deelt)" in field for field in outcome.record)
        assert asks == (answers[:2] == ("ja", "ja")), outcome.id
    assert any("Kindcheck gedaan op" in field for field in check.outcomes["advies-veilig-thuis"].record)
