"""The afwegingskader (afwegingen 1 to 5): data only; ``checks.engine`` runs it.

Follows the afwegingskader of the Meldcode basismodel (1 January 2019), with
the "vragen ter afweging" of source 004 in our own words; the record quotes
the afwegingen as nji.nl words them.

Since 2019 melden and helping are no longer either/or. Acute or structural
unsafety (afweging 2 = ja) makes melden necessary: the next question says so
at once, with 112 and Veilig Thuis, and asks whether to weigh now, together
with Veilig Thuis, whether help is possible as well. That branch ends in other
outcomes than the branch without unsafety, so afwegingen 3-5 exist twice, with
distinct ids ("...-na-melden") but the same label and number:

    nee                                                    -> afsluiten
    ja, ja, nee | ja, ja, ja, nee | ja, ja, ja, ja, nee   -> melden
    ja, ja, ja, ja, ja, nog-niet                           -> melden-en-hulp
    ja, ja, ja, ja, ja, ja                                 -> hulp-afronden
    ja, ja, ja, ja, ja, nee                                -> opnieuw-melden
    ja, nee, nee | ja, nee, ja, nee                        -> melden
    ja, nee, ja, ja, nog-niet                              -> hulp
    ja, nee, ja, ja, ja                                    -> hulp-afronden
    ja, nee, ja, ja, nee                                   -> opnieuw-melden

The answer that leads to ``melden`` carries the one reason for it on that path.
"""

from __future__ import annotations

from .engine import EMERGENCY_NUMBER, VEILIG_THUIS, Check, Link, Outcome, Question, ja, nee, nog_niet
from .shared import FINDINGS_FIELD, SKIP_GROUND_FIELD, SKIP_TALK, TALK_FIELD

_CONSIDERATIONS = "Vragen ter afweging"
# The "vragen ter afweging" are the same in both branches.
_CONSIDERATIONS_3 = (
    "Kun je het slachtoffer zo nodig in veiligheid brengen?",
    "Kun je duidelijke afspraken over veiligheid maken met de cliënt, het gezin en de andere professionals?",
    "Weet je genoeg over onveilige situaties in het verleden?",
    "Ben je deskundig genoeg om de veiligheid te herstellen, alleen of samen met anderen?",
    "Kun je omgaan met de spanning die deze situatie kan geven?",
)

_CONSIDERATIONS_4 = (
    "Willen en kunnen alle betrokkenen meteen aan de voorgestelde hulp beginnen? "
    "Denk aan alle leden van het gezin of huishouden en aan de mensen om hen heen die steun geven.",
    "Richten alle betrokkenen en professionals zich op het stoppen van het geweld en op blijvende veiligheid?",
    "Werkt iedereen aan veiligheid op dit moment en aan het wegnemen van de oorzaken van het geweld?",
    "Helpt de hulp de betrokkenen om sterker te worden en te herstellen van de schade door het geweld "
    "of de dreiging ervan?",
    "Is de situatie samen geanalyseerd, en is er een zorg- en herstelplan dat uitgaat van de risico's, "
    "met doelen en vaste momenten om te evalueren? Is dat plan samen met alle betrokkenen in het gezin "
    "of huishouden op maat gemaakt, met duidelijke doelen?",
    "Werken er meer professionals mee? Zijn er dan afspraken over de samenwerking en over wie de regie "
    "heeft over veiligheid en hulp, en kent iedereen die afspraken?",
)

# Phrased so that a "ja" points to a lack of lasting safety; the help says so.
_CONSIDERATIONS_5 = (
    "Gaat het geweld door na de termijn die je verwachtte?",
    "Zijn de problemen (nog) ernstiger dan je dacht?",
    "Worden de doelen niet op tijd gehaald?",
    "Loopt het veiligheidsplan of het hulpplan vast?",
    "Is er speciale deskundigheid nodig?",
)

_HELP_5_TAIL = (
    "Kies 'Nog niet te beoordelen' als je dat nu nog niet kunt zeggen. "
    "Is het antwoord op een van de vragen ter afweging ja, dan zorgt de hulp niet voor blijvende veiligheid."
)

# Why melden applies, carried by the answer that leads there.
UNSAFE = "De situatie is acuut of structureel onveilig (afweging 2)."
NO_HELP = "Passende hulp bieden of organiseren is niet mogelijk (afweging 3)."
NOT_ACCEPTED = "De betrokkenen aanvaarden de hulp niet of zetten zich er niet voor in (afweging 4)."
NOT_SAFE = "De hulp leidt niet tot blijvende veiligheid (afweging 5)."

# The afwegingen as the record quotes them (nji.nl, "Het afwegingskader in de meldcode").
_OFFICIAL_3 = (
    "Ben ik in staat effectieve hulp te bieden of organiseren om dreiging van (toekomstig) huiselijk geweld "
    "en/of kindermishandeling af te wenden?"
)
_OFFICIAL_4 = (
    "Aanvaarden de betrokkenen hulp om dreiging van (toekomstig) huiselijk geweld en/of kindermishandeling "
    "af te wenden en zijn zij bereid zich hiervoor in te zetten?"
)
_OFFICIAL_5 = (
    "Leidt de hulp binnen de gewenste termijn tot de noodzakelijke resultaten ten aanzien van de veiligheid "
    "en/of het welzijn (herstel) van alle betrokkenen?"
)

_AFTER_MELDING = Link("Wat gebeurt er na een melding?", "/na-de-melding/")

QUESTIONS = (
    Question(
        id="afweging-1",
        number=1,
        text=(
            "Heb je na stap 1 tot en met 3 een vermoeden van huiselijk geweld of kindermishandeling, "
            "of van een dreiging daarvan?"
        ),
        recorded=(
            "Heb ik op basis van de stappen 1 tot en met 4 van de meldcode een vermoeden van (dreiging van) "
            "huiselijk geweld en/of kindermishandeling?"
        ),
        help=(
            "Kijk naar de signalen die je in kaart bracht, je overleg met collega's en je gesprek "
            "met de betrokkenen. Twijfel je? Vraag Veilig Thuis om advies."
        ),
        answers=(ja("afweging-2"), nee("afsluiten")),
    ),
    Question(
        id="afweging-2",
        number=2,
        text="Is de situatie acuut of structureel onveilig?",
        recorded=(
            "Schat ik op basis van de stappen 1 tot en met 4 van de meldcode in dat er sprake is van acute "
            "onveiligheid en/of structurele onveiligheid?"
        ),
        help=(
            "Acuut onveilig: iemand is direct in lichamelijk gevaar en de veiligheid is voor de komende "
            "uren of dagen niet zeker. Ook als kinderen of volwassenen die van zorg afhankelijk zijn de "
            "meest basale zorg missen, zoals eten, drinken, kleding of onderdak. En als het slachtoffer "
            "je uit zichzelf over het geweld vertelt. "
            "Structureel onveilig: het geweld of de onveilige situatie herhaalt zich of houdt aan, zoals "
            "bij een kind dat vaak geweld ziet, ernstige problemen van ouders of langdurige stalking. "
            "Eén van de twee is genoeg: dan is melden bij Veilig Thuis nodig."
        ),
        answers=(ja("samen-wegen"), nee("afweging-3")),
    ),
    # Branch after afweging 2 = ja: melden is necessary, said at once; help may come on top.
    Question(
        id="samen-wegen",
        number=2,
        label="Na afweging 2",
        notice=(
            "Melden bij Veilig Thuis is nodig: de situatie is acuut of structureel onveilig. "
            f"Is iemand nu direct in gevaar? Bel {EMERGENCY_NUMBER}. "
            f"Doe de melding bij Veilig Thuis: bel {VEILIG_THUIS}."
        ),
        text=(
            "Ga je nu, samen met Veilig Thuis, na of je naast de melding ook zelf hulp kunt bieden "
            "of organiseren?"
        ),
        recorded=(
            "Wordt nu, samen met Veilig Thuis, gewogen of naast de melding ook hulp geboden "
            "of georganiseerd kan worden?"
        ),
        help=(
            "Kies Ja als je dat nu met Veilig Thuis bespreekt: dan volgen afweging 3 tot en met 5. "
            "Kies Nee als je alleen meldt."
        ),
        answers=(ja("afweging-3-na-melden"), nee("melden", UNSAFE)),
    ),
    # Branch without acute or structural unsafety: you may help instead of melden.
    Question(
        id="afweging-3",
        number=3,
        text="Kun je zelf goede hulp bieden of organiseren die past bij de situatie?",
        recorded=_OFFICIAL_3,
        help=(
            "Kijk naar wat je beroep, je kennis, je organisatie en je eigen situatie toelaten. "
            "Kun je op dit moment genoeg doen tegen de onveiligheid of het vermoeden daarvan?"
        ),
        considerations_title=_CONSIDERATIONS,
        considerations=_CONSIDERATIONS_3,
        answers=(ja("afweging-4"), nee("melden", NO_HELP)),
    ),
    Question(
        id="afweging-3-na-melden",
        number=3,
        text="Kun je naast de melding zelf goede hulp bieden of organiseren die past bij de situatie?",
        recorded=_OFFICIAL_3,
        help=(
            "Bespreek samen met Veilig Thuis welke hulp nodig is en wie wat doet. "
            "Kijk daarbij naar wat je beroep, je kennis, je organisatie en je eigen situatie toelaten."
        ),
        considerations_title=_CONSIDERATIONS,
        considerations=_CONSIDERATIONS_3,
        answers=(ja("afweging-4-na-melden"), nee("melden", UNSAFE)),
    ),
    Question(
        id="afweging-4",
        number=4,
        text="Werken de betrokkenen mee aan de hulp die je biedt of organiseert?",
        recorded=_OFFICIAL_4,
        help=(
            "Schat in of je inzet iets in beweging brengt bij de betrokkenen, en blijf dat volgen. "
            "Kijk ook of je goed kunt samenwerken met de andere professionals."
        ),
        considerations_title=_CONSIDERATIONS,
        considerations=_CONSIDERATIONS_4,
        answers=(ja("afweging-5"), nee("melden", NOT_ACCEPTED)),
    ),
    Question(
        id="afweging-4-na-melden",
        number=4,
        text="Werken de betrokkenen mee aan de hulp die je naast de melding biedt of organiseert?",
        recorded=_OFFICIAL_4,
        help=(
            "Beoordeel dit samen met Veilig Thuis. "
            "Schat in of je inzet iets in beweging brengt bij de betrokkenen, en blijf dat volgen."
        ),
        considerations_title=_CONSIDERATIONS,
        considerations=_CONSIDERATIONS_4,
        answers=(ja("afweging-5-na-melden"), nee("melden", UNSAFE)),
    ),
    Question(
        id="afweging-5",
        number=5,
        text="Zorgt de hulp voor blijvende veiligheid?",
        recorded=_OFFICIAL_5,
        help="Deze vraag beantwoord je bij de evaluatie van de hulp, vaak weken later. " + _HELP_5_TAIL,
        considerations_title=_CONSIDERATIONS,
        considerations=_CONSIDERATIONS_5,
        answers=(ja("hulp-afronden"), nee("opnieuw-melden", NOT_SAFE), nog_niet("hulp")),
    ),
    Question(
        id="afweging-5-na-melden",
        number=5,
        text="Zorgt de hulp die je naast de melding biedt voor blijvende veiligheid?",
        recorded=_OFFICIAL_5,
        help=(
            "Deze vraag beantwoord je samen met Veilig Thuis bij de evaluatie van de hulp, vaak weken later. "
            + _HELP_5_TAIL
        ),
        considerations_title=_CONSIDERATIONS,
        considerations=_CONSIDERATIONS_5,
        answers=(ja("hulp-afronden"), nee("opnieuw-melden", NOT_SAFE), nog_niet("melden-en-hulp")),
    ),
)

_MELDEN_STEPS = (
    f"Is iemand direct in gevaar? Bel {EMERGENCY_NUMBER}.",
    f"Doe een melding bij Veilig Thuis: bel {VEILIG_THUIS}. Bij een melding noem je je naam.",
    SKIP_TALK,
    "Spreek met Veilig Thuis af wat jij na de melding blijft doen.",
)

OUTCOMES = (
    Outcome(
        id="afsluiten",
        title="Meldcode afsluiten",
        summary=(
            "Je hebt na stap 1 tot en met 3 geen vermoeden van huiselijk geweld of kindermishandeling. "
            "Je sluit de meldcode af."
        ),
        next_steps=(
            "Schrijf in het dossier op waarom je de meldcode afsluit.",
            "Blijf alert. Zie je nieuwe signalen? Begin dan opnieuw bij stap 1.",
        ),
        record=(FINDINGS_FIELD,),
        urgent=False,
    ),
    Outcome(
        id="melden",
        title="Melden bij Veilig Thuis",
        summary="Melden bij Veilig Thuis is nodig. De reden staat hieronder.",
        next_steps=_MELDEN_STEPS,
        record=(FINDINGS_FIELD, TALK_FIELD, SKIP_GROUND_FIELD, "Gemeld aan Veilig Thuis (wat):", "Afspraken met Veilig Thuis:"),
        urgent=True,
        links=(_AFTER_MELDING,),
        reported=True,
    ),
    Outcome(
        id="melden-en-hulp",
        title="Melden en zelf hulp bieden",
        summary=(
            "Melden bij Veilig Thuis is nodig, omdat de situatie acuut of structureel onveilig is. "
            "Daarnaast bied of organiseer je zelf hulp, in overleg met Veilig Thuis. "
            "Of die hulp zorgt voor blijvende veiligheid, beoordeel je samen met Veilig Thuis bij de evaluatie."
        ),
        next_steps=(
            f"Is iemand direct in gevaar? Bel {EMERGENCY_NUMBER}.",
            f"Heb je nog niet gemeld? Doe dan een melding bij Veilig Thuis: bel {VEILIG_THUIS}.",
            SKIP_TALK,
            "Spreek met Veilig Thuis af welke hulp jij biedt of organiseert, en wat Veilig Thuis doet.",
            "Plan een moment om de hulp samen met Veilig Thuis te evalueren, en beantwoord dan afweging 5 opnieuw.",
        ),
        record=(
            FINDINGS_FIELD,
            TALK_FIELD,
            SKIP_GROUND_FIELD,
            "Hulp die geboden of georganiseerd wordt:",
            "Afspraken met Veilig Thuis:",
            "Evaluatie gepland op:",
        ),
        urgent=True,
        links=(_AFTER_MELDING,),
        reported=True,
    ),
    Outcome(
        id="hulp",
        title="Hulp bieden of organiseren",
        summary=(
            "Melden is nu niet nodig: je kunt zelf passende hulp bieden of organiseren, en de betrokkenen "
            "werken mee. Of de hulp zorgt voor blijvende veiligheid, beoordeel je bij de evaluatie."
        ),
        next_steps=(
            "Bied of organiseer de hulp. "
            "Maak afspraken over veiligheid met de betrokkenen en de andere professionals.",
            "Praat regelmatig met de betrokkenen over de veiligheid.",
            "Plan een moment om de hulp te evalueren, en beantwoord dan afweging 5 opnieuw.",
            "Stopt de onveiligheid niet, of komt ze terug? Meld dan alsnog bij Veilig Thuis "
            f"({VEILIG_THUIS}).",
        ),
        record=(FINDINGS_FIELD, "Hulp die geboden of georganiseerd wordt:", "Afspraken over veiligheid:", "Evaluatie gepland op:"),
        urgent=False,
    ),
    Outcome(
        id="hulp-afronden",
        title="Hulp afronden",
        summary=(
            "De hulp zorgt voor blijvende veiligheid. Je kunt de hulp afronden. "
            "Heb je gemeld? Rond de hulp dan af in overleg met Veilig Thuis."
        ),
        next_steps=(
            "Maak met de betrokkenen en de andere professionals afspraken over hoe de veiligheid in beeld blijft.",
            "Rond daarna de hulp af; na een melding doe je dat in overleg met Veilig Thuis.",
            "Zie je later nieuwe signalen? Begin dan opnieuw bij stap 1 van de meldcode.",
        ),
        record=("Uitkomst van de evaluatie:", "Afspraken over het volgen van de veiligheid (met wie):"),
        urgent=False,
    ),
    Outcome(
        id="opnieuw-melden",
        title="(Opnieuw) melden bij Veilig Thuis",
        summary=(
            "De hulp zorgt niet voor blijvende veiligheid: de onveiligheid stopt niet of komt terug. "
            "Meld daarom (opnieuw) bij Veilig Thuis."
        ),
        next_steps=(
            f"Is iemand direct in gevaar? Bel {EMERGENCY_NUMBER}.",
            f"Doe een melding bij Veilig Thuis: bel {VEILIG_THUIS}. "
            "Vertel wat er sinds de hulp of de vorige melding is gebeurd.",
            SKIP_TALK,
            "Spreek met Veilig Thuis af wat jij na de melding blijft doen.",
        ),
        record=(
            "Uitkomst van de evaluatie (wat niet werkte):",
            TALK_FIELD,
            SKIP_GROUND_FIELD,
            "Gemeld aan Veilig Thuis (wat):",
            "Afspraken met Veilig Thuis:",
        ),
        urgent=True,
        links=(_AFTER_MELDING,),
        reported=True,
    ),
)

CHECK = Check(
    name="afwegingskader",
    title="Afwegingskader",
    version="2026.12",
    basis="Afwegingskader uit de Meldcode basismodel, versie 1 januari 2019",
    page="/afwegingskader/",
    question_word="Afweging",
    start="afweging-1",
    questions=QUESTIONS,
    outcomes=OUTCOMES,
)
