"""The dossier summary, compared line by line with the expected text."""

from __future__ import annotations

import datetime

import pytest

import checks

KINDCHECK_EXPECTED = """\
Kindcheck (inhoudsversie 2026.11)
Datum: 22 november 2026
Basis: Kindcheck bij stap 1 van de Meldcode basismodel, versie 1 januari 2019

Vragen en antwoorden
Vraag 1: Zie je bij je cliënt signalen van problemen die bedreigend zijn voor kinderen, zoals huiselijk geweld, \
misbruik van alcohol of drugs, of ernstige psychiatrische problemen?
Antwoord: Ja
Vraag 2: Zorgt je cliënt voor kinderen, of is je cliënt zwanger?
Antwoord: Ja
Vraag 3: Heb je maar kort of één keer contact met je cliënt?
Antwoord: Ja

Uitkomst: Vraag Veilig Thuis om advies
Er zijn signalen die bedreigend zijn voor kinderen, en je hebt maar kort contact met je cliënt. \
Vraag Veilig Thuis om advies en besluit samen of je meldt of zelf hulp organiseert.

Wat je nu doet
- Is een kind of iemand anders direct in gevaar? Bel 112.
- Vertel je cliënt dat je Veilig Thuis om advies vraagt. Doe dat alleen als het veilig kan.
- Bel Veilig Thuis: 0800-2000 (gratis, dag en nacht).
- Besluit samen met Veilig Thuis of je een melding doet of zelf hulp organiseert.

Wat je vastlegt in het dossier
- Welke signalen je zag, en waarop je je oordeel baseert.
- Of je je cliënt hebt verteld dat je Veilig Thuis om advies vraagt, en hoe je cliënt reageerde. \
Deed je dat niet, schrijf dan op waarom.
- Het advies van Veilig Thuis, wat je besloot en welke afspraken je met Veilig Thuis maakte.
- Zet feiten en interpretaties apart, en noem ze zo: wat je zelf zag of hoorde, en wat je daaruit afleidt.

Deze samenvatting is gemaakt met Meldcodewijzer. \
De tool heeft geen gegevens over je cliënt opgeslagen of verstuurd."""

AFWEGINGSKADER_EXPECTED = """\
Afwegingskader (inhoudsversie 2026.11)
Datum: 1 maart 2027
Basis: Afwegingskader uit de Meldcode basismodel, versie 1 januari 2019

Vragen en antwoorden
Afweging 1: Heb je na stap 1 tot en met 3 een vermoeden van huiselijk geweld of kindermishandeling, \
of van een dreiging daarvan?
Antwoord: Ja
Afweging 2: Is de situatie acuut of structureel onveilig?
Antwoord: Nee
Afweging 3: Kun je zelf goede hulp bieden of organiseren die past bij de situatie?
Antwoord: Ja
Afweging 4: Werken de betrokkenen mee aan de hulp die je biedt of organiseert?
Antwoord: Ja
Afweging 5: Zorgt de hulp voor blijvende veiligheid?
Antwoord: Nog niet te beoordelen

Uitkomst: Hulp bieden of organiseren
Melden is nu niet nodig: je kunt zelf passende hulp bieden of organiseren, en de betrokkenen werken mee. \
Of de hulp zorgt voor blijvende veiligheid, beoordeel je bij de evaluatie.

Wat je nu doet
- Bied of organiseer de hulp. Maak afspraken over veiligheid met de betrokkenen en de andere professionals.
- Praat regelmatig met de betrokkenen over de veiligheid.
- Plan een moment om de hulp te evalueren, en beantwoord dan afweging 5 opnieuw.
- Stopt de onveiligheid niet, of komt ze terug? Meld dan alsnog bij Veilig Thuis (0800-2000).

Wat je vastlegt in het dossier
- Je afweging: waarom je zelf hulp kunt bieden, en waarop je dat baseert.
- Welke hulp je biedt of organiseert, wie je hebt geïnformeerd en hoe zij reageerden.
- De afspraken over veiligheid, en wanneer je de hulp evalueert.
- Zet feiten en interpretaties apart, en noem ze zo: wat je zelf zag of hoorde, en wat je daaruit afleidt.

Deze samenvatting is gemaakt met Meldcodewijzer. \
De tool heeft geen gegevens over je cliënt opgeslagen of verstuurd."""


@pytest.mark.parametrize(
    ("name", "answers", "date", "expected"),
    [
        ("kindcheck", ["ja", "ja", "ja"], datetime.date(2026, 11, 22), KINDCHECK_EXPECTED),
        ("afwegingskader", ("ja", "nee", "ja", "ja", "nog-niet"), datetime.date(2027, 3, 1), AFWEGINGSKADER_EXPECTED),
    ],
)
def test_summary_line_by_line(name: str, answers: list[str], date: datetime.date, expected: str) -> None:
    actual = checks.get(name).summary(answers, date).split("\n")
    wanted = expected.split("\n")
    for number, (got, want) in enumerate(zip(actual, wanted), start=1):
        assert got == want, f"line {number} differs"
    assert len(actual) == len(wanted)


@pytest.mark.parametrize(
    ("month", "name"),
    list(enumerate(
        ["januari", "februari", "maart", "april", "mei", "juni",
         "juli", "augustus", "september", "oktober", "november", "december"],
        start=1,
    )),
)
def test_dutch_month_names(month: int, name: str) -> None:
    text = checks.get("kindcheck").summary(["nee"], datetime.date(2026, month, 5))
    assert text.split("\n")[1] == f"Datum: 5 {name} 2026"


@pytest.mark.parametrize(
    ("name", "answers", "pending"),
    [
        ("kindcheck", [], "Vraag 1"),
        ("kindcheck", ["ja", "ja"], "Vraag 3"),
        ("afwegingskader", ["ja"], "Afweging 2"),
        ("afwegingskader", ["ja", "nee", "ja", "ja"], "Afweging 5"),
    ],
)
def test_incomplete_path_raises_value_error(name: str, answers: list[str], pending: str) -> None:
    with pytest.raises(ValueError, match=pending):
        checks.get(name).summary(answers, datetime.date(2026, 11, 22))


def test_summary_needs_a_date() -> None:
    with pytest.raises(ValueError):
        checks.get("kindcheck").summary(["nee"], "22-11-2026")  # type: ignore[arg-type]


def test_summary_is_deterministic() -> None:
    check = checks.get("afwegingskader")
    date = datetime.date(2026, 11, 22)
    assert check.summary(["nee"], date) == check.summary(("nee",), date)
