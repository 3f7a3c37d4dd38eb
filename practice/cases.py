"""Practice cases for training sessions: data only.

Each case is fictional. It names a check, the answers a trainer expects (one
Step per question, with the reason), and the outcome those answers lead to.
``practice`` validates them against the engine when the site is built.
Question texts are not repeated here: the pages take them from the check.
"""

from __future__ import annotations

from . import Case, Step

CASES = (
    Case(
        id="school-moe-en-te-laat",
        title="Een leerling die moe is en vaak te laat komt",
        sector="Basisschool",
        situation=(
            "Je bent leerkracht van groep 5. Sem (8 jaar) komt de laatste weken vaak te laat. "
            "Hij valt in de klas bijna in slaap en zijn huiswerk is niet af.",
            "Je schrijft op wat je ziet en bespreekt het met de intern begeleider. Daarna praat je met Sem "
            "en met zijn moeder. Moeder vertelt dat er een baby is geboren die 's nachts veel huilt, en dat "
            "vader nachtdiensten draait. Sem vertelt hetzelfde. Hij zegt dat hij het thuis fijn vindt.",
            "Je ziet geen andere signalen. Moeder en de school spreken af dat Sem eerder naar bed gaat en "
            "dat de leerkracht over drie weken laat weten hoe het gaat.",
        ),
        discussion=(
            "Welke signalen zie je, en welke verklaring geven Sem en zijn moeder?",
            "Wat schrijf je op in het dossier, ook als je de meldcode afsluit?",
            "Wanneer zou je toch opnieuw naar de signalen kijken?",
        ),
        check="afwegingskader",
        route=(
            Step(
                "nee",
                "Na de signalen, het overleg met de intern begeleider en het gesprek is er een duidelijke "
                "verklaring, en die past bij wat je ziet. Je hebt geen vermoeden van geweld of mishandeling meer.",
            ),
        ),
        outcome="afsluiten",
    ),
    Case(
        id="huisarts-vader-drinkt",
        title="Een vader die veel drinkt",
        sector="Huisartsenpraktijk",
        situation=(
            "Je bent huisarts. Meneer De Vries (42) komt al een jaar bij je voor zijn maag. Vandaag vertelt hij "
            "dat hij elke avond een fles wijn drinkt. Hij is sinds kort werkloos en voelt zich somber.",
            "Je weet dat hij getrouwd is. Je vraagt door: hij heeft twee kinderen van 6 en 10 jaar die bij "
            "hem wonen. Soms is hij 's avonds alleen met ze. Hij wil terugkomen voor hulp bij het drinken.",
        ),
        discussion=(
            "Waarom is dit een situatie voor de kindcheck, ook al zie je de kinderen niet zelf?",
            "Welke vragen stel je meneer De Vries over de kinderen?",
            "Met wie overleg je in stap 2?",
        ),
        check="kindcheck",
        route=(
            Step(
                "ja",
                "Ernstig alcoholgebruik en somberheid zijn problemen van een ouder die bedreigend kunnen zijn "
                "voor kinderen.",
            ),
            Step("ja", "Meneer De Vries zorgt voor twee kinderen die bij hem wonen."),
            Step(
                "nee",
                "Je ziet hem al een jaar en hij komt terug. Je hebt dus meer dan kort contact en kunt zelf "
                "volgen hoe het gaat.",
            ),
        ),
        outcome="volg-meldcode",
    ),
    Case(
        id="kinderopvang-honger-en-moe",
        title="Een peuter die vaak honger heeft",
        sector="Kinderopvang",
        situation=(
            "Je bent pedagogisch medewerker op een kinderdagverblijf. Noor (2 jaar) komt sinds drie weken vaak "
            "zonder ontbijt. Ze heeft vieze kleren aan en een luier die lang niet verschoond is. Ze eet "
            "bij jullie alles op wat ze krijgt.",
            "Je bespreekt het met je leidinggevende en met de aandachtsfunctionaris. Daarna praat je met "
            "vader. Hij zegt dat het thuis druk is en dat hij geen hulp nodig heeft. De signalen blijven.",
            "Jullie bieden aan om samen met hem hulp te zoeken bij het consultatiebureau. Vader wil dat niet "
            "en haalt Noor daarna steeds zonder gedag te zeggen op.",
        ),
        discussion=(
            "Welke signalen zie je bij Noor, en hoe schrijf je ze op: feiten apart van wat je ervan denkt?",
            "Wat kan de kinderopvang zelf doen, en waar houdt dat op?",
            "Hoe vertel je vader dat je een melding gaat doen?",
        ),
        check="afwegingskader",
        route=(
            Step("ja", "Noor krijgt al weken niet genoeg eten en verzorging. Dat kan wijzen op verwaarlozing."),
            Step(
                "nee",
                "Noor is nu niet direct in gevaar, en de signalen zijn pas een paar weken oud. Daarom kiest het "
                "team voor nee en kijkt het eerst of het zelf hulp kan regelen. Bespreek in de groep wanneer "
                "je dit anders zou zien.",
            ),
            Step("ja", "De kinderopvang kan hulp organiseren, samen met het consultatiebureau."),
            Step("nee", "Vader wil geen hulp en werkt niet mee. Dan is melden nodig."),
        ),
        outcome="melden",
    ),
    Case(
        id="wijkteam-client-zonder-kinderen",
        title="Een cliënt met een verslaving",
        sector="Wijkteam",
        situation=(
            "Je werkt in het wijkteam. Je helpt mevrouw Jansen (55) met haar schulden. Ze gebruikt veel "
            "drugs en haar huis is rommelig. Je maakt je zorgen.",
            "Je vraagt of er kinderen bij haar wonen of vaak bij haar zijn. Ze vertelt dat haar zoon van "
            "30 ver weg woont. Er komen geen kinderen over de vloer en ze is niet zwanger.",
        ),
        discussion=(
            "Waarom doe je de kindcheck, ook als je denkt dat er geen kinderen zijn?",
            "Wat doe je als mevrouw Jansen later een nieuwe partner met kinderen krijgt?",
            "Zie je signalen van geweld tegen mevrouw Jansen zelf? Wat doe je dan?",
        ),
        check="kindcheck",
        route=(
            Step("ja", "Verslaving aan drugs is een probleem dat bedreigend kan zijn voor kinderen."),
            Step("nee", "Mevrouw Jansen zorgt niet voor kinderen en is niet zwanger."),
        ),
        outcome="geen-kinderen",
    ),
    Case(
        id="fysiotherapie-moeder-met-blauwe-plekken",
        title="Een moeder met blauwe plekken",
        sector="Fysiotherapie",
        situation=(
            "Je bent fysiotherapeut. Fatima (34) komt twee keer voor haar schouder. Bij de behandeling zie je "
            "blauwe plekken op haar bovenarmen, alsof iemand haar hard heeft vastgepakt.",
            "Je vraagt er rustig naar. Ze kijkt weg en zegt dat haar man snel boos wordt. Ze heeft drie "
            "kinderen thuis. Na de tweede afspraak komt ze niet meer.",
        ),
        discussion=(
            "Welke signalen zie je, en hoe vraag je ernaar zonder te oordelen?",
            "Wat betekent het dat je Fatima maar twee keer ziet?",
            "Wanneer vertel je Fatima niet dat je Veilig Thuis om advies vraagt?",
        ),
        check="kindcheck",
        route=(
            Step("ja", "De blauwe plekken en wat Fatima vertelt, wijzen op huiselijk geweld. Dat is bedreigend voor kinderen."),
            Step("ja", "Fatima zorgt voor drie kinderen."),
            Step("ja", "Je ziet haar maar twee keer. Je kunt niet zelf volgen hoe het thuis gaat."),
        ),
        outcome="advies-veilig-thuis",
    ),
    Case(
        id="thuiszorg-zoon-beheert-het-geld",
        title="Een oudere vrouw en het geld van haar zoon",
        sector="Thuiszorg en wijkverpleging",
        situation=(
            "Je bent wijkverpleegkundige. Je helpt mevrouw Bakker (84) twee keer per week met douchen. "
            "Haar zoon regelt haar geld. Mevrouw zegt dat ze geen geld heeft voor boodschappen. De koelkast "
            "is vaak leeg, en haar pinpas ligt bij haar zoon.",
            "Je bespreekt het met je teamleider. Daarna praat je met mevrouw Bakker en met haar zoon. De zoon "
            "wordt boos. Hij zegt dat zijn moeder alles vergeet.",
            "Je stelt voor om samen met een schuldhulpverlener en de huisarts te kijken naar het geld en de "
            "zorg. De zoon weigert en zegt dat jullie je er niet mee moeten bemoeien.",
        ),
        discussion=(
            "Is dit ouderenmishandeling? Denk aan financieel misbruik en verwaarlozing.",
            "Hoe praat je met mevrouw Bakker als haar zoon erbij is?",
            "Wat doe je als mevrouw Bakker zelf niet wil dat je meldt?",
        ),
        check="afwegingskader",
        route=(
            Step("ja", "Mevrouw Bakker heeft geen toegang tot haar eigen geld en heeft vaak geen eten in huis."),
            Step(
                "nee",
                "Je ziet haar twee keer per week en ze is niet direct in gevaar. Daarom kijk je eerst of je "
                "zelf hulp kunt organiseren.",
            ),
            Step("ja", "Je kunt hulp organiseren, samen met de huisarts en een schuldhulpverlener."),
            Step("nee", "De zoon weigert de hulp. Zonder hem lukt de hulp niet, dus melden is nodig."),
        ),
        outcome="melden",
    ),
    Case(
        id="jeugdhulp-ruzie-thuis",
        title="Een jongere die thuis ruzies ziet",
        sector="Jeugdhulp",
        situation=(
            "Je bent jeugdhulpverlener. Je begeleidt Daan (14) omdat hij vaak spijbelt. Hij vertelt dat zijn "
            "ouders soms hard ruziemaken. Een keer gooide vader met een stoel. Daan gaat dan naar zijn kamer.",
            "Je overlegt met je collega en praat met Daan en zijn ouders. De ouders schrikken. Ze willen hulp "
            "om anders met ruzies om te gaan. Jullie spreken een plan af, met een afspraak over zes weken om "
            "te kijken hoe het gaat.",
        ),
        discussion=(
            "Wat is het verschil tussen ruzie en huiselijk geweld? Wat helpt je dat te beoordelen?",
            "Wat spreek je af om de veiligheid van Daan in beeld te houden?",
            "Waarom kun je vraag 5 nu nog niet beantwoorden?",
        ),
        check="afwegingskader",
        route=(
            Step("ja", "Daan ziet geweld tussen zijn ouders. Dat is een vermoeden van huiselijk geweld."),
            Step(
                "nee",
                "Het was één keer, de ouders zien het probleem en niemand is nu in gevaar. Jullie kiezen "
                "daarom voor nee. Gebeurt het vaker, dan is het wel structureel onveilig.",
            ),
            Step("ja", "Als jeugdhulpverlener kun je zelf hulp bieden of organiseren."),
            Step("ja", "De ouders en Daan willen meewerken aan het plan."),
            Step("nog-niet", "De hulp is net begonnen. Over zes weken kijk je of het veilig blijft."),
        ),
        outcome="hulp",
    ),
    Case(
        id="consultatiebureau-hulp-werkt",
        title="Ouders die hun baby niet stil krijgen",
        sector="Jeugdgezondheidszorg",
        situation=(
            "Je bent jeugdverpleegkundige op het consultatiebureau. De ouders van Lina (4 maanden) zijn "
            "uitgeput. Moeder vertelt dat ze soms zo moe en boos is dat ze bang is dat ze Lina iets aandoet "
            "als ze blijft huilen. Er is nog niets gebeurd.",
            "Je bespreekt het met de jeugdarts. Jullie praten met beide ouders. Ze willen graag hulp. Je regelt "
            "extra huisbezoeken en opvoedsteun, en je spreekt af wat ze doen als ze boos worden.",
            "Na acht weken is de rust terug. Lina huilt minder, de ouders weten wat ze kunnen doen en ze "
            "vragen zelf om hulp als het zwaar wordt. Er zijn geen nieuwe signalen.",
        ),
        discussion=(
            "Moeder vertelt zelf waar ze bang voor is. Wat doet dat met je inschatting?",
            "Waaraan zie je dat de hulp werkt?",
            "Welke afspraken maak je als je de hulp afrondt?",
        ),
        check="afwegingskader",
        route=(
            Step("ja", "Moeder is bang dat ze Lina iets aandoet. Dat is een dreiging van kindermishandeling."),
            Step(
                "nee",
                "Er is niets gebeurd, de ouders willen hulp en Lina is nu niet in gevaar. Twijfel je hier? "
                "Vraag dan Veilig Thuis om advies.",
            ),
            Step("ja", "Het consultatiebureau kan zelf hulp bieden: extra huisbezoeken en opvoedsteun."),
            Step("ja", "Beide ouders werken mee."),
            Step("ja", "Na acht weken is het rustig en zijn er geen nieuwe signalen. De hulp werkt."),
        ),
        outcome="hulp-afronden",
    ),
    Case(
        id="maatschappelijk-werk-opnieuw-melden",
        title="Het geweld komt terug",
        sector="Maatschappelijk werk",
        situation=(
            "Je bent maatschappelijk werker. Sara (30) komt bij je. Haar vriend schreeuwt veel en heeft haar "
            "vorige week voor het eerst geduwd. Haar dochter van 5 lag toen te slapen.",
            "Je overlegt met een collega en praat met Sara en haar vriend. Ze willen allebei hulp. Je start "
            "gesprekken met het stel en spreekt af dat Sara belt als het misgaat.",
            "Bij de evaluatie na twee maanden vertelt Sara dat hij haar weer heeft geduwd, waar haar dochter "
            "bij was. Afspraken uit het plan zijn niet nagekomen.",
        ),
        discussion=(
            "Waarom was melden bij de start nog niet nodig, en nu wel?",
            "Wat zeg je tegen Sara als je opnieuw gaat melden?",
            "Hoe houd je samen met Veilig Thuis de veiligheid van de dochter in beeld?",
        ),
        check="afwegingskader",
        route=(
            Step("ja", "Sara vertelt dat haar vriend veel schreeuwt en haar heeft geduwd."),
            Step(
                "nee",
                "Bij de start kiezen jullie voor nee: het was één keer, het stel wil hulp en er is een afspraak "
                "voor als het misgaat. Bespreek in de groep of je dit anders ziet.",
            ),
            Step("ja", "Je kunt gesprekken met het stel bieden."),
            Step("ja", "Sara en haar vriend willen allebei hulp."),
            Step("nee", "Het geweld komt terug, nu ook waar het kind bij is. De hulp zorgt niet voor blijvende veiligheid."),
        ),
        outcome="opnieuw-melden",
    ),
    Case(
        id="school-collega-grensoverschrijdend",
        title="Een leerling vertelt over een collega",
        sector="Voortgezet onderwijs",
        situation=(
            "Je bent mentor op een middelbare school. Lisa (14) blijft na de les hangen. Ze vertelt dat de "
            "gymleraar haar na de les in het materiaalhok heeft aangeraakt op een manier die ze eng vond. "
            "Ze wil niet dat haar ouders het weten.",
            "Je kent de gymleraar al jaren en kunt het je bijna niet voorstellen. Je twijfelt of je eerst "
            "met hem moet praten, of met de directeur.",
        ),
        discussion=(
            "Waarom is dit geen situatie voor de gewone stappen van de meldcode?",
            "Wie moet je meteen inlichten, en waarom is de directeur alleen niet genoeg?",
            "Wat zeg je tegen Lisa? Kun je beloven dat je het geheimhoudt?",
        ),
        check="route",
        route=(
            Step("nee", "Lisa is nu niet direct in gevaar: ze is op school en de gymleraar is er niet bij."),
            Step("collega", "Het vermoeden gaat over iemand die op jouw school werkt."),
            Step(
                "onderwijs",
                "Je werkt in het onderwijs. Bij een mogelijk zedenmisdrijf door een medewerker moet je dat meteen "
                "melden aan het bevoegd gezag, het schoolbestuur. Dat is een wettelijke plicht.",
            ),
        ),
        outcome="meldplicht-onderwijs",
    ),
    Case(
        id="huisarts-huwelijksdwang",
        title="Een meisje dat bang is voor de zomervakantie",
        sector="Huisartsenpraktijk",
        situation=(
            "Je bent huisarts. Yasmin (17) komt op je spreekuur met hoofdpijn en slaapproblemen. Als je "
            "doorvraagt, vertelt ze dat haar familie wil dat ze deze zomer in het land van haar ouders trouwt "
            "met een man die ze niet kent. Ze is bang dat ze daarna niet terug mag komen.",
            "Ze vraagt je dringend om niets tegen haar ouders te zeggen. Haar vader is ook jouw patiënt.",
        ),
        discussion=(
            "Aan welke vormen van geweld denk je hier?",
            "Waarom praat je niet zelf met de ouders voordat je advies hebt gevraagd?",
            "Wat spreek je met Yasmin af over contact en over haar veiligheid?",
        ),
        check="route",
        route=(
            Step("nee", "Yasmin is vandaag niet direct in gevaar, maar de zomervakantie komt eraan."),
            Step("huisgenoot", "De dreiging komt uit haar eigen familie."),
            Step(
                "ja",
                "Dit kan huwelijksdwang en achterlating zijn, vormen van eergerelateerd geweld. Vraag dan vroeg "
                "Veilig Thuis om advies. Een gesprek met de familie kan het gevaar groter maken.",
            ),
        ),
        outcome="direct-veilig-thuis",
    ),
    Case(
        id="schoolmaatschappelijk-werk-gesprek-overslaan",
        title="Een leerling vertelt over geweld thuis",
        sector="Schoolmaatschappelijk werk",
        situation=(
            "Je bent schoolmaatschappelijk werker. Amira (13) vertelt je uit zichzelf dat haar vader haar "
            "moeder slaat, en haar ook. Gisteren nog. Ze is bang: als haar vader hoort dat ze het verteld "
            "heeft, wordt het erger.",
            "Je overlegt meteen met de aandachtsfunctionaris. Jullie besluiten het gesprek met de ouders over "
            "te slaan, omdat het Amira in gevaar kan brengen. Jullie bellen Veilig Thuis en doen een melding.",
            "Samen met Veilig Thuis bekijk je of de school Amira ook kan steunen. Jij kunt wekelijks met haar "
            "praten. Vader laat weten dat hij dat niet wil, en Amira komt niet meer naar de afspraken.",
        ),
        discussion=(
            "Wanneer mag je het gesprek met de betrokkenen overslaan? Welke reden geldt hier?",
            "Wat leg je vast over het overslaan van het gesprek?",
            "Wat doet de school nog voor Amira nadat er is gemeld?",
        ),
        check="afwegingskader",
        route=(
            Step("ja", "Amira vertelt zelf over geweld tegen haar moeder en tegen haarzelf."),
            Step(
                "ja",
                "Amira vertelt het zelf en het gebeurde gisteren nog. Dat is acuut onveilig, dus melden is nodig. "
                "Het gesprek met de ouders sla je over, omdat het Amira in gevaar brengt. Schrijf die reden op.",
            ),
            Step("ja", "Je wilt weten of de school naast de melding iets kan doen. Dat bespreek je met Veilig Thuis."),
            Step("ja", "De school kan Amira steunen met gesprekken bij jou."),
            Step("nee", "Vader wil de hulp niet en Amira komt niet meer. Het blijft bij de melding."),
        ),
        outcome="melden",
    ),
)
