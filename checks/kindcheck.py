"""The kindcheck: data only; the engine in ``checks.engine`` runs it.

Follows the kindcheck flow of source 004 (three questions, four outcomes),
in our own words. It belongs to step 1 of the meldcode and is meant mostly for
professionals who work with adults.

Routing:  1 nee -> geen-signalen;  1 ja, 2 nee -> geen-kinderen;
          1 ja, 2 ja, 3 ja -> advies-veilig-thuis;  1 ja, 2 ja, 3 nee -> volg-meldcode.
"""

from __future__ import annotations

from .engine import EMERGENCY_NUMBER, VEILIG_THUIS, Check, Link, Outcome, Question, ja, nee
from .shared import CHILDREN_FIELD, FINDINGS_FIELD, SKIP_GROUND_FIELD, TALK_FIELD

QUESTIONS = (
    Question(
        id="vraag-1",
        number=1,
        text=(
            "Zie je bij je cliënt signalen van problemen die bedreigend zijn voor kinderen, zoals "
            "huiselijk geweld, misbruik van alcohol of drugs, of ernstige psychiatrische problemen?"
        ),
        recorded=(
            "Zijn er bij de cliënt signalen van problemen die bedreigend zijn voor kinderen, zoals "
            "huiselijk geweld, misbruik van alcohol of drugs, of ernstige psychiatrische problemen?"
        ),
        help=(
            "De kindcheck hoort bij stap 1 van de meldcode. "
            "Werk je met volwassenen, dan kijk je met deze vragen ook naar de kinderen om je cliënt heen."
        ),
        answers=(ja("vraag-2"), nee("geen-signalen")),
    ),
    Question(
        id="vraag-2",
        number=2,
        text="Zorgt je cliënt voor kinderen, of is je cliënt zwanger?",
        recorded="Zorgt de cliënt voor kinderen, of is de cliënt zwanger?",
        help=(
            "Weet je het niet zeker? Vraag het dan aan je cliënt. "
            "Denk ook aan kinderen die niet bij je cliënt wonen, maar wel vaak bij hem of haar zijn."
        ),
        considerations_title="Vragen die je de cliënt kunt stellen",
        considerations=(
            "Wonen er kinderen jonger dan 18 jaar bij je in huis?",
            "Zorg je samen met iemand anders voor de kinderen?",
            "Heeft je partner of ex-partner kinderen die je vaak ziet?",
            "Kan het zijn dat je zwanger bent?",
            "Wonen je kinderen ergens anders? Hoe vaak zie je ze, en ben je dan alleen met ze? "
            "Lukt het je om ze genoeg zorg en veiligheid te geven?",
            "Krijg je hulp bij de zorg voor de kinderen?",
            "Zou je hulp willen bij de zorg voor je kinderen?",
        ),
        answers=(ja("vraag-3"), nee("geen-kinderen")),
    ),
    Question(
        id="vraag-3",
        number=3,
        text="Heb je maar kort of één keer contact met je cliënt?",
        recorded="Is het contact met de cliënt kort of eenmalig?",
        help=(
            "Zie je je cliënt maar kort of één keer, dan kun je zelf niet volgen hoe het met de kinderen gaat. "
            "Dan heb je Veilig Thuis nodig."
        ),
        answers=(ja("advies-veilig-thuis"), nee("volg-meldcode")),
    ),
)

OUTCOMES = (
    Outcome(
        id="geen-signalen",
        title="Geen bedreigende signalen",
        summary=(
            "Je ziet nu geen signalen bij je cliënt die bedreigend zijn voor kinderen. "
            "De kindcheck is klaar."
        ),
        next_steps=(
            "Blijf letten op signalen. Doe de kindcheck opnieuw als de situatie van je cliënt verandert.",
            f"Twijfel je toch? Vraag Veilig Thuis om advies: bel {VEILIG_THUIS}.",
        ),
        record=(FINDINGS_FIELD,),
        urgent=False,
    ),
    Outcome(
        id="geen-kinderen",
        title="Geen kinderen in beeld",
        summary=(
            "Je ziet signalen van problemen bij je cliënt, maar je cliënt zorgt niet voor kinderen "
            "en is niet zwanger. De kindcheck is klaar."
        ),
        next_steps=(
            "Wijzen de signalen op huiselijk geweld tegen je cliënt of een andere volwassene? "
            "Volg dan de stappen van de meldcode.",
            "Vraag opnieuw naar kinderen als de situatie verandert, bijvoorbeeld bij een nieuwe partner "
            "of een zwangerschap.",
        ),
        record=(FINDINGS_FIELD, "Wat de cliënt vertelde over kinderen en zwangerschap:"),
        urgent=False,
        links=(Link("De vijf stappen van de meldcode", "/meldcode/"),),
    ),
    Outcome(
        id="advies-veilig-thuis",
        title="Advies vragen aan Veilig Thuis",
        summary=(
            "Er zijn signalen die bedreigend zijn voor kinderen, en je hebt maar kort contact met je cliënt. "
            "Vraag Veilig Thuis om advies en besluit samen of je meldt of zelf hulp organiseert."
        ),
        next_steps=(
            f"Is een kind of iemand anders direct in gevaar? Bel {EMERGENCY_NUMBER}.",
            "Vertel je cliënt dat je Veilig Thuis om advies vraagt. Dat mag je alleen overslaan als de "
            "veiligheid van je cliënt, van jou of van iemand anders in gevaar komt, of als je goede redenen "
            "hebt om te denken dat je cliënt dan het contact met je verbreekt.",
            f"Bel Veilig Thuis: {VEILIG_THUIS}.",
            "Besluit samen met Veilig Thuis of je een melding doet of zelf hulp organiseert.",
        ),
        record=(
            "Kindcheck gedaan op (datum):",
            CHILDREN_FIELD,
            FINDINGS_FIELD,
            TALK_FIELD,
            SKIP_GROUND_FIELD,
            "Advies van Veilig Thuis en besluit:",
        ),
        urgent=True,
        reported=True,
    ),
    Outcome(
        id="volg-meldcode",
        title="De stappen van de meldcode volgen",
        summary=(
            "Er zijn signalen die bedreigend zijn voor kinderen, je cliënt zorgt voor kinderen of is zwanger, "
            "en je hebt meer dan kort contact. Volg daarom de stappen van de meldcode."
        ),
        next_steps=(
            f"Is een kind of iemand anders direct in gevaar? Bel {EMERGENCY_NUMBER}.",
            "Breng de signalen in kaart (stap 1) en overleg met een collega (stap 2).",
            f"Twijfel je? Vraag Veilig Thuis om advies: bel {VEILIG_THUIS}.",
        ),
        record=(CHILDREN_FIELD, FINDINGS_FIELD),
        urgent=True,
        links=(Link("De vijf stappen van de meldcode", "/meldcode/"),),
    ),
)

CHECK = Check(
    name="kindcheck",
    title="Kindcheck",
    version="2026.12",
    basis="Kindcheck bij stap 1 van de Meldcode basismodel, versie 1 januari 2019",
    page="/kindcheck/",
    start="vraag-1",
    questions=QUESTIONS,
    outcomes=OUTCOMES,
)
