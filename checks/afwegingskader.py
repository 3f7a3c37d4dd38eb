"""The afwegingskader (afwegingen 1 to 5): data only; ``checks.engine`` runs it.

Follows the afwegingskader of the Meldcode basismodel (1 January 2019), with
the "vragen ter afweging" of source 004 in our own words.

Since 2019 melden and helping are no longer either/or. Acute or structural
unsafety (afweging 2 = ja) makes melden necessary, after which afwegingen 3-5
weigh, together with Veilig Thuis, whether you can help as well. That branch
ends in other outcomes than the branch without unsafety, so afwegingen 3-5
exist twice, with distinct ids ("...-na-melden") but the same label and number:

    nee                                      -> afsluiten
    ja, ja, nee | ja, ja, ja, nee            -> melden
    ja, ja, ja, ja, ja | ..., nog-niet       -> melden-en-hulp
    ja, ja, ja, ja, nee                      -> opnieuw-melden
    ja, nee, nee | ja, nee, ja, nee          -> melden
    ja, nee, ja, ja, nog-niet                -> hulp
    ja, nee, ja, ja, ja                      -> hulp-afronden
    ja, nee, ja, ja, nee                     -> opnieuw-melden
"""

from __future__ import annotations

from .engine import Check, Outcome, Question, ja, nee, nog_niet

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

_RECORD_FACTS = (
    "Zet feiten en interpretaties apart, en noem ze zo: wat je zelf zag of hoorde, "
    "en wat je daaruit afleidt."
)

QUESTIONS = (
    Question(
        id="afweging-1",
        label="Afweging 1",
        number=1,
        text=(
            "Heb je na stap 1 tot en met 3 een vermoeden van huiselijk geweld of kindermishandeling, "
            "of van een dreiging daarvan?"
        ),
        help=(
            "Kijk naar de signalen die je in kaart bracht, je overleg met collega's en je gesprek "
            "met de betrokkenen. Twijfel je? Vraag Veilig Thuis om advies."
        ),
        considerations_title="",
        considerations=(),
        answers=(ja("afweging-2"), nee("afsluiten")),
    ),
    Question(
        id="afweging-2",
        label="Afweging 2",
        number=2,
        text="Is de situatie acuut of structureel onveilig?",
        help=(
            "Acuut onveilig: iemand is direct in lichamelijk gevaar en de veiligheid is voor de komende "
            "uren of dagen niet zeker; vertelt iemand je zelf over het geweld, dan telt dat ook als acuut. "
            "Structureel onveilig: het geweld of de onveilige situatie herhaalt zich of houdt aan, zoals "
            "bij een kind dat vaak geweld ziet, ernstige problemen van ouders of langdurige stalking. "
            "Is het antwoord ja, dan is melden bij Veilig Thuis nodig."
        ),
        considerations_title="",
        considerations=(),
        answers=(ja("afweging-3-na-melden"), nee("afweging-3")),
    ),
    # Branch without acute or structural unsafety: you may help instead of melden.
    Question(
        id="afweging-3",
        label="Afweging 3",
        number=3,
        text="Kun je zelf goede hulp bieden of organiseren die past bij de situatie?",
        help=(
            "Kijk naar wat je beroep, je kennis, je organisatie en je eigen situatie toelaten. "
            "Kun je op dit moment genoeg doen tegen de onveiligheid of het vermoeden daarvan?"
        ),
        considerations_title=_CONSIDERATIONS,
        considerations=_CONSIDERATIONS_3,
        answers=(ja("afweging-4"), nee("melden")),
    ),
    # Branch after afweging 2 = ja: melden is necessary anyway; help may come on top.
    Question(
        id="afweging-3-na-melden",
        label="Afweging 3",
        number=3,
        text="Kun je naast de melding zelf goede hulp bieden of organiseren die past bij de situatie?",
        help=(
            "Melden is nodig, omdat de situatie acuut of structureel onveilig is. "
            "Bespreek na de melding samen met Veilig Thuis welke hulp nodig is en wie wat doet. "
            "Kijk daarbij naar wat je beroep, je kennis, je organisatie en je eigen situatie toelaten."
        ),
        considerations_title=_CONSIDERATIONS,
        considerations=_CONSIDERATIONS_3,
        answers=(ja("afweging-4-na-melden"), nee("melden")),
    ),
    Question(
        id="afweging-4",
        label="Afweging 4",
        number=4,
        text="Werken de betrokkenen mee aan de hulp die je biedt of organiseert?",
        help=(
            "Schat in of je inzet iets in beweging brengt bij de betrokkenen, en blijf dat volgen. "
            "Kijk ook of je goed kunt samenwerken met de andere professionals."
        ),
        considerations_title=_CONSIDERATIONS,
        considerations=_CONSIDERATIONS_4,
        answers=(ja("afweging-5"), nee("melden")),
    ),
    Question(
        id="afweging-4-na-melden",
        label="Afweging 4",
        number=4,
        text="Werken de betrokkenen mee aan de hulp die je naast de melding biedt of organiseert?",
        help=(
            "Beoordeel dit samen met Veilig Thuis. "
            "Schat in of je inzet iets in beweging brengt bij de betrokkenen, en blijf dat volgen."
        ),
        considerations_title=_CONSIDERATIONS,
        considerations=_CONSIDERATIONS_4,
        answers=(ja("afweging-5-na-melden"), nee("melden")),
    ),
    Question(
        id="afweging-5",
        label="Afweging 5",
        number=5,
        text="Zorgt de hulp voor blijvende veiligheid?",
        help="Deze vraag beantwoord je bij de evaluatie van de hulp, vaak weken later. " + _HELP_5_TAIL,
        considerations_title=_CONSIDERATIONS,
        considerations=_CONSIDERATIONS_5,
        answers=(ja("hulp-afronden"), nee("opnieuw-melden"), nog_niet("hulp")),
    ),
    Question(
        id="afweging-5-na-melden",
        label="Afweging 5",
        number=5,
        text="Zorgt de hulp die je naast de melding biedt voor blijvende veiligheid?",
        help=(
            "Deze vraag beantwoord je samen met Veilig Thuis bij de evaluatie van de hulp, vaak weken later. "
            + _HELP_5_TAIL
        ),
        considerations_title=_CONSIDERATIONS,
        considerations=_CONSIDERATIONS_5,
        answers=(ja("melden-en-hulp"), nee("opnieuw-melden"), nog_niet("melden-en-hulp")),
    ),
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
        record=(
            "Je afweging: waarom er geen vermoeden is, en waarop je dat baseert.",
            "Wat je in stap 1 tot en met 3 hebt gedaan, en met wie je overlegde.",
            _RECORD_FACTS,
        ),
        urgent=False,
    ),
    Outcome(
        id="melden",
        title="Melden bij Veilig Thuis",
        summary=(
            "Melden bij Veilig Thuis is nodig. Dat geldt bij acute of structurele onveiligheid, als je zelf "
            "niet genoeg passende hulp kunt bieden of organiseren, of als de betrokkenen niet meewerken."
        ),
        next_steps=(
            "Is iemand direct in gevaar? Bel 112.",
            "Doe een melding bij Veilig Thuis: bel 0800-2000 (gratis, dag en nacht). "
            "Bij een melding noem je je naam.",
            "Bespreek de melding vooraf met je cliënt, behalve als dat iemands veiligheid in gevaar brengt.",
            "Spreek met Veilig Thuis af wat jij na de melding blijft doen.",
        ),
        record=(
            "Je afweging: waarom melden nodig is, en waarop je dat baseert.",
            "Wanneer je meldde, en wat je aan Veilig Thuis hebt verteld.",
            "Of je de melding met je cliënt hebt besproken en hoe je cliënt reageerde. "
            "Deed je dat niet, schrijf dan op waarom.",
            "De afspraken die je met Veilig Thuis maakte.",
            _RECORD_FACTS,
        ),
        urgent=True,
    ),
    Outcome(
        id="melden-en-hulp",
        title="Melden en zelf hulp bieden",
        summary=(
            "Melden bij Veilig Thuis is nodig, omdat de situatie acuut of structureel onveilig is. "
            "Daarnaast bied of organiseer je zelf hulp, in overleg met Veilig Thuis."
        ),
        next_steps=(
            "Is iemand direct in gevaar? Bel 112.",
            "Heb je nog niet gemeld? Doe dan een melding bij Veilig Thuis: bel 0800-2000 (gratis, dag en nacht).",
            "Spreek met Veilig Thuis af welke hulp jij biedt of organiseert, en wat Veilig Thuis doet.",
            "Evalueer de hulp samen met Veilig Thuis. Is de situatie blijvend veilig? Rond de hulp dan af, "
            "met afspraken over hoe de veiligheid in beeld blijft.",
            "Stopt de onveiligheid niet, of komt ze terug? Meld dan opnieuw.",
        ),
        record=(
            "Je afweging: waarom melden nodig is, welke hulp je biedt, en waarop je dat baseert.",
            "Wanneer je meldde, en wat je aan Veilig Thuis hebt verteld.",
            "Wie je hebt geïnformeerd, en hoe zij reageerden.",
            "De afspraken met Veilig Thuis en met de betrokkenen, en wanneer je de hulp evalueert.",
            _RECORD_FACTS,
        ),
        urgent=True,
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
            "Stopt de onveiligheid niet, of komt ze terug? Meld dan alsnog bij Veilig Thuis (0800-2000).",
        ),
        record=(
            "Je afweging: waarom je zelf hulp kunt bieden, en waarop je dat baseert.",
            "Welke hulp je biedt of organiseert, wie je hebt geïnformeerd en hoe zij reageerden.",
            "De afspraken over veiligheid, en wanneer je de hulp evalueert.",
            _RECORD_FACTS,
        ),
        urgent=False,
    ),
    Outcome(
        id="hulp-afronden",
        title="Hulp afronden",
        summary="De hulp zorgt voor blijvende veiligheid. Je kunt de hulp afronden.",
        next_steps=(
            "Maak met de betrokkenen en de andere professionals afspraken over hoe de veiligheid in beeld blijft.",
            "Rond daarna de hulp af.",
            "Zie je later nieuwe signalen? Begin dan opnieuw bij stap 1 van de meldcode.",
        ),
        record=(
            "De uitkomst van de evaluatie, en waarop je die baseert.",
            "De afspraken over hoe de veiligheid in beeld blijft, en met wie je ze maakte.",
            "Wie je hebt geïnformeerd over het afronden, en hoe zij reageerden.",
            _RECORD_FACTS,
        ),
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
            "Is iemand direct in gevaar? Bel 112.",
            "Doe een melding bij Veilig Thuis: bel 0800-2000 (gratis, dag en nacht). "
            "Vertel wat er sinds de hulp of de vorige melding is gebeurd.",
            "Bespreek de melding vooraf met je cliënt, behalve als dat iemands veiligheid in gevaar brengt.",
            "Spreek met Veilig Thuis af wat jij na de melding blijft doen.",
        ),
        record=(
            "De uitkomst van de evaluatie: wat niet werkte, en waarop je dat baseert.",
            "Wanneer je meldde, en wat je aan Veilig Thuis hebt verteld.",
            "Of je de melding met je cliënt hebt besproken en hoe je cliënt reageerde. "
            "Deed je dat niet, schrijf dan op waarom.",
            "De afspraken die je met Veilig Thuis maakte.",
            _RECORD_FACTS,
        ),
        urgent=True,
    ),
)

CHECK = Check(
    name="afwegingskader",
    title="Afwegingskader",
    version="2026.11",
    basis="Afwegingskader uit de Meldcode basismodel, versie 1 januari 2019",
    start="afweging-1",
    questions=QUESTIONS,
    outcomes=OUTCOMES,
)
