""""Waar begin ik?": a short triage that sends a professional to the right
route before the meldcode starts. Data only; ``checks.engine`` runs it.

The contract (issue 11):

    1 direct gevaar      ja -> bel-112; nee -> 2
    2 wie is de pleger   huisgenoot -> 4; collega -> 3; kind -> tussen-kinderen; onbekend -> 4
    3 sector             onderwijs -> meldplicht-onderwijs; kinderopvang -> meldplicht-kinderopvang;
                         zorg-jeugd -> melden-igj; anders -> collega-anders
    4 eer, dwang, VGV    ja -> direct-veilig-thuis; nee -> 5
    5 mensenhandel       ja -> mensenhandel; nee -> meldcode

Facts follow /work/shared/sources/README.md (onderwijsinspectie.nl,
Wet kinderopvang, igj.nl, augeo.nl, kis.nl, wegwijzermensenhandel.nl).
"""

from __future__ import annotations

from .engine import EMERGENCY_NUMBER, VEILIG_THUIS, Answer, Check, Link, Outcome, Question, ja, nee

# The vertrouwensinspecteurs of the Inspectie van het Onderwijs, for onderwijs and kinderopvang.
VERTROUWENSINSPECTEUR = "0900-111 3 111 (lokaal tarief, op werkdagen van 8.00 tot 17.00 uur)"

_DANGER = f"Is iemand direct in gevaar? Bel {EMERGENCY_NUMBER}."
_SITUATION_FIELD = "Situatie in het kort (feiten):"

QUESTIONS = (
    Question(
        id="gevaar",
        number=1,
        text="Is iemand nu direct in gevaar?",
        recorded="Is iemand direct in gevaar?",
        help=(
            "Denk aan iemand die nu gewond is, bedreigd wordt, of niet veilig naar huis kan. "
            "Twijfel je? Kies dan Ja."
        ),
        answers=(ja("bel-112"), nee("pleger")),
    ),
    Question(
        id="pleger",
        number=2,
        text="Wie gebruikt (waarschijnlijk) het geweld?",
        help="Kies wat je nu denkt. Het hoeft nog niet zeker te zijn.",
        answers=(
            Answer("huisgenoot", "Een ouder, partner, ex-partner, familielid of huisgenoot", "eer"),
            Answer("collega", "Iemand die in de eigen organisatie werkt: collega, stagiair of vrijwilliger", "sector"),
            Answer("kind", "Een ander kind of een jongere", "tussen-kinderen"),
            Answer("onbekend", "Weet ik niet, of iemand anders", "eer"),
        ),
    ),
    Question(
        id="sector",
        number=3,
        text="In welke sector werk je?",
        recorded="In welke sector werkt de professional?",
        help="Voor een collega als pleger gelden in sommige sectoren regels uit de wet, los van de meldcode.",
        answers=(
            Answer("onderwijs", "Onderwijs", "meldplicht-onderwijs"),
            Answer("kinderopvang", "Kinderopvang", "meldplicht-kinderopvang"),
            Answer("zorg-jeugd", "Zorg of jeugdhulp", "melden-igj"),
            Answer("anders", "Een andere sector", "collega-anders"),
        ),
    ),
    Question(
        id="eer",
        number=4,
        text=(
            "Kan het gaan om eergerelateerd geweld, huwelijksdwang, achterlating of vrouwelijke genitale "
            "verminking?"
        ),
        help=(
            "Achterlating: iemand wordt tegen zijn of haar wil in het buitenland achtergelaten. "
            "Bij deze vormen van geweld kan een gesprek met de familie het gevaar groter maken."
        ),
        answers=(ja("direct-veilig-thuis"), nee("mensenhandel-vraag")),
    ),
    Question(
        id="mensenhandel-vraag",
        number=5,
        text="Kan het gaan om mensenhandel of uitbuiting?",
        help=(
            "Denk aan iemand die gedwongen wordt om te werken, seks te hebben of strafbare dingen te doen, "
            "en die daar zelf niet vrij over kan beslissen."
        ),
        answers=(ja("mensenhandel"), nee("meldcode")),
    ),
)

OUTCOMES = (
    Outcome(
        id="bel-112",
        title="Nu 112 bellen",
        summary=f"Iemand is direct in gevaar. Bel nu {EMERGENCY_NUMBER}.",
        next_steps=(
            f"Bel {EMERGENCY_NUMBER} en zeg wat er aan de hand is en waar.",
            "Zorg voor je eigen veiligheid en die van anderen.",
            f"Is het gevaar voorbij? Bel dan Veilig Thuis: {VEILIG_THUIS}.",
        ),
        record=(_SITUATION_FIELD, "112 gebeld om (tijd):"),
        urgent=True,
        links=(Link("Hulp en contact", "/hulp-en-contact/"),),
    ),
    Outcome(
        id="tussen-kinderen",
        title="Grensoverschrijdend gedrag tussen kinderen",
        summary=(
            "Het gedrag komt van een ander kind of een jongere. Daarvoor heeft je organisatie een eigen aanpak, "
            "naast de meldcode."
        ),
        next_steps=(
            _DANGER,
            "Bespreek het meteen met je leidinggevende of de aandachtsfunctionaris.",
            "Volg het protocol van je organisatie. In de kinderopvang heeft de meldcode een eigen route voor "
            "seksueel grensoverschrijdend gedrag tussen kinderen.",
            f"Twijfel je wat je moet doen? Vraag Veilig Thuis om advies: bel {VEILIG_THUIS}.",
        ),
        record=(_SITUATION_FIELD,),
        urgent=False,
        links=(Link("Grensoverschrijdend gedrag tussen kinderen", "/collega/#tussen-kinderen"),),
    ),
    Outcome(
        id="meldplicht-onderwijs",
        title="Meldplicht in het onderwijs",
        summary=(
            "Gaat het om een mogelijk zedendelict (seksueel misbruik) door iemand die op school werkt, tegen een "
            "minderjarige leerling? Dan heb je een wettelijke meldplicht."
        ),
        next_steps=(
            _DANGER,
            "Meld het meteen aan het bevoegd gezag: het schoolbestuur. Alleen de directeur inlichten is niet genoeg.",
            "Het bestuur overlegt met de vertrouwensinspecteur en doet aangifte bij de politie als er een "
            "redelijk vermoeden is.",
            f"Vragen? Bel de vertrouwensinspecteur van de Inspectie van het Onderwijs: {VERTROUWENSINSPECTEUR}.",
            "Gaat het om ander geweld door een collega? Bespreek het met je leidinggevende en volg de regels "
            "van je school.",
        ),
        record=(_SITUATION_FIELD, "Gemeld aan het bevoegd gezag op (datum):"),
        urgent=False,
        links=(Link("Als een collega de pleger is: onderwijs", "/collega/#onderwijs"),),
    ),
    Outcome(
        id="meldplicht-kinderopvang",
        title="Meldplicht in de kinderopvang",
        summary=(
            "Vermoed je een geweld- of zedendelict tegen een kind door iemand die bij de opvang werkt "
            "(medewerker, stagiair of vrijwilliger)? Dan heb je een wettelijke meldplicht."
        ),
        next_steps=(
            _DANGER,
            "Meld het meteen aan de houder van de kinderopvang.",
            "De houder overlegt met de vertrouwensinspecteur en doet aangifte bij de politie als er een "
            "redelijk vermoeden is.",
            "Is de houder zelf de pleger? Ga dan direct naar de vertrouwensinspecteur of de politie.",
            f"Vertrouwensinspecteur van de Inspectie van het Onderwijs: {VERTROUWENSINSPECTEUR}.",
        ),
        record=(_SITUATION_FIELD, "Gemeld aan de houder op (datum):"),
        urgent=False,
        links=(Link("Als een collega de pleger is: kinderopvang", "/collega/#kinderopvang"),),
    ),
    Outcome(
        id="melden-igj",
        title="Melden bij de inspectie (IGJ)",
        summary=(
            "Geweld in de zorgrelatie door iemand die bij een zorg- of jeugdhulpaanbieder werkt, moet de "
            "aanbieder melden bij de Inspectie Gezondheidszorg en Jeugd (IGJ)."
        ),
        next_steps=(
            _DANGER,
            "Vertel het meteen aan je leidinggevende of je bestuurder. Zij moeten het melden bij de IGJ.",
            "Het gaat om lichamelijk of psychisch geweld, seksueel grensoverschrijdend gedrag, misbruik of dwang.",
            "Volg de regels van je organisatie voor zo'n melding.",
        ),
        record=(_SITUATION_FIELD, "Gemeld aan leidinggevende of bestuurder op (datum):"),
        urgent=False,
        links=(Link("Als een collega de pleger is: zorg en jeugdhulp", "/collega/#zorg-en-jeugdhulp"),),
    ),
    Outcome(
        id="collega-anders",
        title="Een collega als pleger in een andere sector",
        summary=(
            "Ook als er in je sector geen aparte meldplicht uit de wet is, blijf je er niet alleen mee zitten."
        ),
        next_steps=(
            _DANGER,
            "Bespreek het meteen met je leidinggevende of de aandachtsfunctionaris.",
            "Volg de regels van je organisatie.",
            f"Twijfel je wat je moet doen? Vraag Veilig Thuis om advies: bel {VEILIG_THUIS}.",
        ),
        record=(_SITUATION_FIELD,),
        urgent=False,
        links=(Link("Als een collega de pleger is: andere sectoren", "/collega/#andere-sectoren"),),
    ),
    Outcome(
        id="direct-veilig-thuis",
        title="Meteen Veilig Thuis raadplegen",
        summary=(
            "Bij eergerelateerd geweld, huwelijksdwang, achterlating en vrouwelijke genitale verminking "
            "vraag je Veilig Thuis al vroeg om advies: in stap 2 van de meldcode."
        ),
        next_steps=(
            _DANGER,
            f"Bel Veilig Thuis: {VEILIG_THUIS}.",
            "Ga niet zonder advies in gesprek met de familie: dat kan het gevaar groter maken.",
            "Volg daarna de stappen van de meldcode, samen met Veilig Thuis.",
        ),
        record=(_SITUATION_FIELD, "Advies van Veilig Thuis:"),
        urgent=True,
        links=(Link("Eergerelateerd geweld", "/vormen-van-geweld/#eergerelateerd-geweld"),),
        reported=True,
    ),
    Outcome(
        id="mensenhandel",
        title="Mensenhandel of uitbuiting",
        summary="De meldcode geldt ook bij mensenhandel en uitbuiting.",
        next_steps=(
            _DANGER,
            f"Vraag Veilig Thuis om advies: bel {VEILIG_THUIS}.",
            "Op wegwijzermensenhandel.nl lees je waar je een vermoeden van mensenhandel meldt.",
            "Volg de stappen van de meldcode.",
        ),
        record=(_SITUATION_FIELD, "Advies van Veilig Thuis:"),
        urgent=True,
        links=(Link("Mensenhandel en uitbuiting", "/vormen-van-geweld/#mensenhandel"),),
        reported=True,
    ),
    Outcome(
        id="meldcode",
        title="De meldcode volgen",
        summary="Volg de vijf stappen van de meldcode. Begin bij stap 1: signalen in kaart brengen.",
        next_steps=(
            _DANGER,
            "Werk je met volwassenen? Doe dan ook de kindcheck: zorgt je cliënt voor kinderen?",
            f"Twijfel je? Vraag Veilig Thuis om advies: bel {VEILIG_THUIS}.",
        ),
        record=(_SITUATION_FIELD,),
        urgent=False,
        links=(Link("De vijf stappen van de meldcode", "/meldcode/"), Link("De kindcheck", "/kindcheck/")),
    ),
)

CHECK = Check(
    name="route",
    title="Waar begin ik?",
    version="2026.12",
    basis=(
        "Meldcode basismodel, versie 1 januari 2019, en de wettelijke meldplichten in onderwijs, "
        "kinderopvang en zorg"
    ),
    page="/waar-begin-ik/",
    start="gevaar",
    questions=QUESTIONS,
    outcomes=OUTCOMES,
)
