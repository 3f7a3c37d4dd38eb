"""The record for the dossier, compared line by line with the expected text,
and read as a record: about the case, never addressed to the reader."""

from __future__ import annotations

import datetime
import re

import pytest

import checks
from checks.render import record_text

KINDCHECK_EXPECTED = """\
Verslag voor het dossier
Check: Kindcheck
Inhoudsversie: 2026.12
Basis: Kindcheck bij stap 1 van de Meldcode basismodel, versie 1 januari 2019
Datum: 22 november 2026

Vraag 1: Zijn er bij de cliënt signalen van problemen die bedreigend zijn voor kinderen, zoals huiselijk geweld, \
misbruik van alcohol of drugs, of ernstige psychiatrische problemen?
Antwoord: Ja
Onderbouwing:

Vraag 2: Zorgt de cliënt voor kinderen, of is de cliënt zwanger?
Antwoord: Ja
Onderbouwing:

Vraag 3: Is het contact met de cliënt kort of eenmalig?
Antwoord: Ja
Onderbouwing:

Uitkomst: Advies vragen aan Veilig Thuis
Kindcheck gedaan op (datum):
Kinderen (aantal, leeftijden, wie de zorg deelt):
Signalen (feiten en interpretaties apart):
Vooraf besproken met de cliënt (ja/nee, reactie):
Zo nee, grond: veiligheid van cliënt, professional of ander in gevaar / \
verwachting dat de cliënt het contact verbreekt:
Advies van Veilig Thuis en besluit:

Afgesproken vervolg
Wat:
Wie:
Wanneer:

Ingevuld door (functie):
Overlegd met (functie):
Datum melding / adviesvraag:"""

AFWEGINGSKADER_EXPECTED = """\
Verslag voor het dossier
Check: Afwegingskader
Inhoudsversie: 2026.12
Basis: Afwegingskader uit de Meldcode basismodel, versie 1 januari 2019
Datum: 1 maart 2027

Afweging 1: Heb ik op basis van de stappen 1 tot en met 4 van de meldcode een vermoeden van (dreiging van) \
huiselijk geweld en/of kindermishandeling?
Antwoord: Ja
Onderbouwing:

Afweging 2: Schat ik op basis van de stappen 1 tot en met 4 van de meldcode in dat er sprake is van acute \
onveiligheid en/of structurele onveiligheid?
Antwoord: Nee
Onderbouwing:

Afweging 3: Ben ik in staat effectieve hulp te bieden of organiseren om dreiging van (toekomstig) huiselijk \
geweld en/of kindermishandeling af te wenden?
Antwoord: Ja
Onderbouwing:

Afweging 4: Aanvaarden de betrokkenen hulp om dreiging van (toekomstig) huiselijk geweld en/of \
kindermishandeling af te wenden en zijn zij bereid zich hiervoor in te zetten?
Antwoord: Nee
Onderbouwing:

Uitkomst: Melden bij Veilig Thuis
Reden: De betrokkenen aanvaarden de hulp niet of zetten zich er niet voor in (afweging 4).
Signalen (feiten en interpretaties apart):
Vooraf besproken met de cliënt (ja/nee, reactie):
Zo nee, grond: veiligheid van cliënt, professional of ander in gevaar / \
verwachting dat de cliënt het contact verbreekt:
Gemeld aan Veilig Thuis (wat):
Afspraken met Veilig Thuis:

Afgesproken vervolg
Wat:
Wie:
Wanneer:

Ingevuld door (functie):
Overlegd met (functie):
Datum melding / adviesvraag:"""

ROUTE_EXPECTED = """\
Verslag voor het dossier
Check: Waar begin ik?
Inhoudsversie: 2026.12
Basis: Meldcode basismodel, versie 1 januari 2019, en de wettelijke meldplichten in onderwijs, kinderopvang en zorg
Datum: 5 januari 2027

Vraag 1: Is iemand direct in gevaar?
Antwoord: Nee
Onderbouwing:

Vraag 2: Wie gebruikt (waarschijnlijk) het geweld?
Antwoord: Iemand die in de eigen organisatie werkt: collega, stagiair of vrijwilliger
Onderbouwing:

Vraag 3: In welke sector werkt de professional?
Antwoord: Onderwijs
Onderbouwing:

Uitkomst: Meldplicht in het onderwijs
Situatie in het kort (feiten):
Gemeld aan het bevoegd gezag op (datum):

Afgesproken vervolg
Wat:
Wie:
Wanneer:

Ingevuld door (functie):
Overlegd met (functie):"""


@pytest.mark.parametrize(
    ("name", "answers", "date", "expected"),
    [
        ("kindcheck", ["ja", "ja", "ja"], datetime.date(2026, 11, 22), KINDCHECK_EXPECTED),
        ("afwegingskader", ("ja", "nee", "ja", "nee"), datetime.date(2027, 3, 1), AFWEGINGSKADER_EXPECTED),
        ("route", ("nee", "collega", "onderwijs"), datetime.date(2027, 1, 5), ROUTE_EXPECTED),
    ],
)
def test_record_line_by_line(name: str, answers: list[str], date: datetime.date, expected: str) -> None:
    actual = record_text(checks.get(name), answers, date).split("\n")
    wanted = expected.split("\n")
    for number, (got, want) in enumerate(zip(actual, wanted), start=1):
        assert got == want, f"line {number} differs"
    assert len(actual) == len(wanted)


# A record is read by the client and by an inspector: it states what was
# asked, answered and agreed, and never speaks to whoever reads it. The rule,
# per line: no second-person pronoun (je, jij, jou, jouw, jezelf, jullie, u,
# uw) anywhere; no exclamation mark; and the text after a field's label
# ("Uitkomst: ...") does not start with an imperative, i.e. with one of the
# verb stems the checks' instructions use.
SECOND_PERSON = re.compile(r"\b(je|jij|jou|jouw|jezelf|jullie|u|uw)\b", re.IGNORECASE)
IMPERATIVES = frozenset(
    "bel vraag volg meld doe zet schrijf bespreek spreek vertel kies lees ga kijk plak vul blijf rond bied "
    "maak plan praat evalueer neem zoek let breng besluit kopieer selecteer".split()
)


def addresses_the_reader(line: str) -> bool:
    value = line.split(": ", 1)[1] if ": " in line else line
    first = value.split(" ", 1)[0].lower().strip("(")
    return bool(SECOND_PERSON.search(line)) or "!" in line or first in IMPERATIVES


def test_the_rule_catches_a_line_that_addresses_the_reader() -> None:
    assert addresses_the_reader("Uitkomst: Vraag Veilig Thuis om advies")
    assert addresses_the_reader("Bespreek de melding met je cliënt.")
    assert addresses_the_reader("Plak deze tekst in het dossier")
    assert not addresses_the_reader("Uitkomst: Advies vragen aan Veilig Thuis")


@pytest.mark.parametrize("name", checks.names())
def test_no_line_of_any_record_addresses_the_reader(name: str) -> None:
    check = checks.get(name)
    for answers, _ in check.paths():
        for line in record_text(check, answers, datetime.date(2026, 11, 22)).split("\n"):
            assert not addresses_the_reader(line), f"{name} {','.join(answers)}: {line!r}"


@pytest.mark.parametrize(
    ("month", "name"),
    list(enumerate(
        ["januari", "februari", "maart", "april", "mei", "juni",
         "juli", "augustus", "september", "oktober", "november", "december"],
        start=1,
    )),
)
def test_dutch_month_names(month: int, name: str) -> None:
    text = record_text(checks.get("kindcheck"), ["nee"], datetime.date(2026, month, 5))
    assert f"Datum: 5 {name} 2026" in text.split("\n")


@pytest.mark.parametrize(
    ("name", "answers", "pending"),
    [
        ("kindcheck", [], "Vraag 1"),
        ("kindcheck", ["ja", "ja"], "Vraag 3"),
        ("afwegingskader", ["ja"], "Afweging 2"),
        ("afwegingskader", ["ja", "nee", "ja", "ja"], "Afweging 5"),
        ("route", ["nee", "collega"], "Vraag 3"),
    ],
)
def test_incomplete_path_raises_value_error(name: str, answers: list[str], pending: str) -> None:
    with pytest.raises(ValueError, match=pending):
        record_text(checks.get(name), answers, datetime.date(2026, 11, 22))


def test_record_needs_a_date() -> None:
    with pytest.raises(ValueError):
        record_text(checks.get("kindcheck"), ["nee"], "22-11-2026")  # type: ignore[arg-type]
