"""English text of the demo pages, stories and library: facts from the campaign's own material."""

ABOUT_INTRO = (
    "The #CohesionAlliance is a coalition of everyone who believes that EU cohesion policy must remain "
    "a pillar of the European Union's future."
)
ABOUT_BODY = (
    "<p>The alliance was launched in October 2017 by the leading European associations of regions and cities "
    "together with the European Committee of the Regions. Its partners drew up a statement of principles that "
    "calls for an EU budget after 2020 that makes cohesion policy stronger, more effective, more visible and "
    "available to every region in the European Union.</p>"
    "<h2>Who can join</h2>"
    "<p>National, regional and local governments, small and medium-sized enterprises, NGOs, schools, "
    "universities, cultural organisations and individual citizens: anyone who believes in EU cohesion policy "
    "is welcome. Organisations and politicians sign the statement of principles; citizens sign the petition.</p>"
)
ABOUT_HISTORY = [
    {
        "when": "October 2017",
        "title": "The alliance is launched",
        "text": "European associations of regions and cities and the European Committee of the Regions "
        "open the statement of principles for signature.",
        "figures": [],
    },
    {
        "when": "July 2020",
        "title": "Declaration 2.0",
        "text": "After two years of campaigning, the partners renew their commitment for a Europe recovering "
        "from COVID-19 and adopt Declaration 2.0, which affirms cohesion as a fundamental value of the EU.",
        "figures": [
            {"number": "500+", "label": "institutional partners"},
            {"number": "13,000+", "label": "individual supporters"},
        ],
    },
]

TAKE_ACTION_INTRO = "There are six ways to stand up for a strong EU cohesion policy. Choose yours."
TAKE_ACTIONS = [
    (
        "Send a video statement",
        "Record a video of one minute at most: why does your community need a strong EU cohesion policy, "
        "and what do you expect for the future?",
    ),
    (
        "Share your projects",
        "Show a picture of a project supported by EU cohesion funds and the difference it makes, "
        "with the hashtag #CohesionAlliance.",
    ),
    (
        "Hold an event in your community",
        "Organise a debate or a visit about EU cohesion policy. We can help with materials in your language "
        "and with speakers.",
    ),
    (
        "Join the petition",
        "It takes seconds to sign and every signature counts. Then ask your friends and colleagues to sign too.",
    ),
    (
        "Let people know",
        "Put the #CohesionAlliance web banner on your website and share the statement of principles, "
        "available in every EU language.",
    ),
    (
        "Share your view",
        "Many partners have published their position on the future of cohesion policy. Send us yours.",
    ),
]

PRIVACY_BODY = (
    "<p>This site collects only the personal data needed to run the #CohesionAlliance campaign. "
    "It loads no analytics, fonts, scripts or maps from other websites and sets no tracking cookies.</p>"
    "<h2>What we keep and why</h2>"
    "<p>When you sign, we keep your name, e-mail address, country and, if you give it, your organisation and "
    "region, to count your support and to confirm your signature. We send you campaign news only if you "
    "ask for it, separately.</p>"
    "<h2>Your rights</h2>"
    "<p>You can withdraw your signature and have your data erased at any time with the link in every e-mail "
    "we send, or by writing to the controller named in the imprint.</p>"
)
IMPRINT_BODY = (
    "<p>Demo imprint: replace this text with the name and postal address of the organisation that runs the "
    "site, the person responsible for its content and a contact e-mail address.</p>"
)

STORIES = [
    {
        "slug": "solar-roofs-for-schools",
        "title": "Solar roofs keep village schools open",
        "featured_name": "Ana Ferreira",
        "featured_description": "head teacher in a rural school (demo story)",
        "politician_name": "Rui Martins",
        "politician_office": "Mayor of a municipality in Centro (demo)",
        "region": "PT19",
        "theme": "greener",
        "lead": "Solar panels funded by the European Regional Development Fund cut the energy bills of "
        "twelve village schools by half.",
        "introduction": "Our small schools were closing because heating them cost too much. Cohesion policy "
        "gave them a future.",
    },
    {
        "slug": "broadband-brings-a-workshop-home",
        "title": "Fast broadband brings a design studio back home",
        "featured_name": "Studio Kalnietis",
        "featured_description": "a three-person furniture design company (demo story)",
        "politician_name": "Inese Bērziņa",
        "politician_office": "Member of a regional council in Latvia (demo)",
        "region": "LV00",
        "theme": "smart",
        "lead": "Rural broadband co-financed by the EU let a young design studio move from the capital to "
        "the countryside and hire locally.",
        "introduction": "Connectivity is not a luxury: it decides whether young people can build a life "
        "where they grew up.",
    },
    {
        "slug": "training-that-opens-doors",
        "title": "Training that opens doors to work",
        "featured_name": "Marek Nowicki",
        "featured_description": "a welder who retrained after long-term unemployment (demo story)",
        "politician_name": "Katarzyna Lis",
        "politician_office": "Member of the Executive Board of Podlaskie Voivodeship (demo)",
        "region": "PL84",
        "theme": "inclusive",
        "lead": "A course financed by the European Social Fund Plus helped Marek find a permanent job "
        "after three years without work.",
        "introduction": "Behind every euro of cohesion policy there are people who get a second chance.",
    },
    {
        "slug": "a-bridge-between-two-towns",
        "title": "A bridge between two towns, two countries",
        "featured_name": "Eva Horváth",
        "featured_description": "owner of a bakery on the border (demo story)",
        "politician_name": "Stefan Maier",
        "politician_office": "Mayor of a border town (demo)",
        "region": "AT11",
        "theme": "multilevel",
        "lead": "An Interreg project rebuilt a footbridge between an Austrian and a Hungarian town, "
        "planned together by both municipalities and their regions.",
        "introduction": "Local, regional, national and European partners built this bridge together. "
        "That is what multilevel governance looks like.",
    },
    {
        "slug": "clean-buses-for-a-port-city",
        "title": "Clean buses for a port city",
        "featured_name": "Giorgos Papadakis",
        "featured_description": "bus driver for 20 years (demo story)",
        "politician_name": "Eleni Kosta",
        "politician_office": "Deputy Regional Governor (demo)",
        "region": "EL43",
        "theme": "greener",
        "lead": "Electric buses co-funded by the Cohesion Fund made the air cleaner in the centre of the city.",
        "introduction": "Our citizens breathe the difference that cohesion policy makes every day.",
    },
]
STORY_BODY = (
    "<p>This is a demo story, written to show how success stories appear on the site. Campaign staff "
    "replace it with a real story: who benefited, what the project changed, and how EU cohesion policy "
    "made it possible.</p>"
)

LIBRARY = [
    ("The future of cohesion policy after 2020", "European association of regions (demo)", "position-paper",
     "en", "2017-10-09", "Why cohesion policy must remain the EU's main investment policy after 2020."),
    ("Cohesion policy and the recovery from COVID-19", "European association of cities (demo)", "report",
     "en", "2020-07-01", "How the structural funds helped regions and cities respond to the pandemic."),
    ("Politique de cohésion : l'avis des régions", "Association nationale des régions (démo)", "opinion",
     "fr", "2018-05-15", "Position des régions sur le cadre financier pluriannuel 2021-2027."),
    ("Kohäsionspolitik für alle Regionen", "Verband der Kommunen (Demo)", "position-paper",
     "de", "2018-03-20", "Stellungnahme zur Zukunft der Kohäsionspolitik nach 2020."),
    ("Polityka spójności w liczbach", "Związek regionów (demo)", "study",
     "pl", "2019-11-05", "Analiza wpływu polityki spójności na rozwój regionów."),
    ("Multilevel governance in practice", "European Committee of the Regions (demo)", "study",
     "en", "2021-02-10", "Case studies of partnership between EU, national, regional and local authorities."),
    ("La política de cohesión en las regiones ultraperiféricas", "Asociación de regiones (demo)", "report",
     "es", "2019-06-18", "El papel de la política de cohesión en Canarias y las demás regiones ultraperiféricas."),
]  # fmt: skip

PETITION_INTRO = "Cohesion policy reaches every region of the European Union. Add your name to keep it strong."
PETITION_BODY = (
    "<p>We, citizens of the European Union, call on the EU institutions and the Member States to keep "
    "cohesion policy a pillar of the Union's future: with the resources it needs, simpler rules, and support "
    "for every region, so that no place and no one is left behind.</p>"
    "<p>It takes seconds to sign, and every signature counts.</p>"
)

PARTNERS_INTRO = (
    "Regions, cities, their associations, companies, schools, universities and civil society organisations "
    "that signed the statement of principles. Regional and local authorities are listed once we have "
    "verified their signature."
)
# Made-up organisations in real regions. Each signs the statement through the same services as the
# sign form; "verified" partners are then verified, and the one that opted out is never listed.
PARTNERS = [
    # name, kind, country, NUTS-2 region, role, logo colour (None: no logo), verified, listed
    ("Région Armorique-Sud (démo)", "regional-authority", "FR", "FRH0", "Président du conseil régional",
     (0, 90, 156), True, True),
    ("Województwo Puszczańskie (demo)", "regional-authority", "PL", "PL84", "Marszałek województwa",
     (179, 0, 75), True, True),
    ("Consiliul Județean Valea Verde (demo)", "regional-authority", "RO", "RO11", "", None, True, True),
    ("Comune di Valfiorita (demo)", "local-authority", "IT", "ITH5", "Sindaca", (30, 122, 60), True, True),
    ("Stadt Lindenau an der Elbe (Demo)", "local-authority", "DE", "DED5", "Oberbürgermeister", None, True, True),
    ("Gemeente Wilgendorp (demo)", "local-authority", "NL", "NL35", "Burgemeester", (122, 74, 0), True, True),
    # Not verified yet: must not appear in the public list.
    ("Município de Serra Alta (demo)", "local-authority", "PT", "PT11", "Presidente da Câmara",
     (0, 51, 153), False, True),
    ("Kuntien yhteistyöverkosto (demo)", "national-association", "FI", "FI1B", "", (0, 51, 153), True, True),
    ("Skupnost slovenskih občin (demo)", "national-association", "SI", "SI04", "", None, True, True),
    ("European Network of Cohesion Regions (demo)", "european-association", "BE", "BE10", "Secretary General",
     (0, 51, 153), True, True),
    ("Atlantic Solar Crafts Ltd (demo)", "sme", "IE", "IE06", "", (255, 140, 0), False, True),
    ("Kovárna Horák s.r.o. (demo)", "sme", "CZ", "CZ06", "", None, False, True),
    ("Grüne Täler – Verein für Umweltbildung (Demo)", "ngo", "AT", "AT33", "", (30, 122, 60), False, True),
    ("Dunai Kerékpáros Egyesület (demo)", "ngo", "HU", "HU11", "", None, False, True),
    ("Δίκτυο Νέων Αττικής (demo)", "ngo", "GR", "EL30", "", (0, 90, 156), False, True),
    ("Colegio Europa (demo)", "school", "ES", "ES30", "", None, False, True),
    ("Björkskolan (demo)", "school", "SE", "SE31", "", (179, 0, 75), False, True),
    ("Technical University of the Baltic Coast (demo)", "university", "LT", "LT01", "", (122, 74, 0), False, True),
    ("Teatro do Rio (demo)", "cultural", "PT", "PT1A", "", (179, 0, 75), False, True),
    ("Kulturhuset Nordlys (demo)", "cultural", "DK", "DK01", "", None, False, True),
    # Opted out of the public list: counted, never listed.
    ("Adriatic Regional Development Agency (demo)", "other", "HR", "HR03", "", (0, 90, 156), False, False),
]  # fmt: skip

# (title staff see, explanation the author reads); staff translate them in the admin.
REJECTION_REASONS = [
    (
        "Not about cohesion policy",
        "What you sent is not about EU cohesion policy or the regions and cities it helps, so it does not fit on "
        "our website.",
    ),
    (
        "Rights or consent missing",
        "We can only publish what you made yourself or may share, and only when the people who can be recognised "
        "in it agreed to be shown.",
    ),
    (
        "Advertising or party politics",
        "Our website does not publish advertising, party-political campaigning or words that could hurt others.",
    ),
]

# Take-action submissions by made-up authors, sent, confirmed and (unless "pending") approved through the
# same services as the public forms, so that the galleries, the library and the moderation queue show
# what they are for.
SUBMISSION_AUTHORS = {
    # key: author name, organisation, role, country, NUTS-2 region, language
    "galicia": ("Lucía Demo", "Porto do Mar Innovation Lab (demo)", "Project manager", "ES", "ES11", "en"),
    "krakow": ("Tomasz Demo", "Kraków Adult Learning Centre (demo)", "Director", "PL", "PL21", "en"),
    "dalmatia": ("Ivana Demo", "Island Water Utility (demo)", "Engineer", "HR", "HR03", "en"),
    "danube": ("Peter Demo", "Danube Twin Towns Association (demo)", "Coordinator", "SK", "SK02", "en"),
    "bohemia": ("Jana Demo", "Town of Uhelná Lhota (demo)", "Deputy mayor", "CZ", "CZ04", "en"),
    "norte": ("Rui Demo", "Município de Serra Alta (demo)", "Mayor", "PT", "PT11", "en"),
    "maribor": ("Maja Demo", "Maribor Start-up Hub (demo)", "Founder", "SI", "SI03", "en"),
    "vilnius": ("Rasa Demo", "Young Europeans Vilnius (demo)", "Volunteer", "LT", "LT01", "en"),
    "lyon": ("Claire Demo", "Région Rhône-Alpes Europe Office (demo)", "Head of office", "FR", "FRK2", "en"),
    "tampere": ("Aino Demo", "Pirkanmaa Upper Secondary School (demo)", "Teacher", "FI", "FI19", "en"),
    "brussels": ("Sam Demo", "European Network of Cohesion Regions (demo)", "Policy officer", "BE", "BE10", "en"),
    "midlands": ("Niamh Demo", "Association of Rural Municipalities (demo)", "Policy adviser", "IE", "IE06", "en"),
}
PICTURES = [
    # author, project name, caption, fund, theme, scene drawn, waiting for a decision
    ("galicia", "Seaweed innovation lab in a fishing port (demo)",
     "Young researchers turn seaweed into food and packaging in a former fish warehouse. Demo picture.",
     "erdf", "smart", "harbour", False),
    ("krakow", "Digital skills for adult learners (demo)",
     "Evening classes help people over fifty find their way online and back into work. Demo picture.",
     "esf-plus", "inclusive", "classroom", False),
    ("dalmatia", "Clean drinking water for island villages (demo)",
     "A new treatment plant and pipeline bring safe water to four villages all year round. Demo picture.",
     "cohesion-fund", "greener", "water", False),
    ("danube", "A cycle bridge for two border towns (demo)",
     "Two towns on either side of the river planned the bridge together with their regions. Demo picture.",
     "interreg", "multilevel", "bridge", False),
    ("bohemia", "Solar roof for the old market hall (demo)",
     "The market hall of a former mining town now makes its own electricity. Demo picture.",
     "jtf", "greener", "market", True),
]  # fmt: skip
VIDEOS = [
    # author, title, transcript
    ("norte", "Why our valley needs cohesion policy (demo)",
     "Hello, this is a demo video statement. In our valley, EU cohesion policy paid for the health centre, "
     "the school bus and the broadband that lets young families stay. Keep it strong after 2027."),
    ("maribor", "Start-ups outside the capital (demo)",
     "This is a demo video statement. Our start-up hub opened in a renovated factory with support from the "
     "European Regional Development Fund. Thirty companies work here today."),
]  # fmt: skip
EVENTS = [
    # author, title, days from today (negative: past) to the evening it starts, hours it lasts, place,
    # languages, needs, expected audience, message, waiting for a decision
    ("vilnius", "Cohesion policy quiz night (demo)", 20, 3, "Vilnius, Old Town youth centre",
     ["lt", "en"], ["materials", "banners"], 60,
     "A quiz about the EU projects in our city, with prizes from local businesses.", False),
    ("maribor", "Breakfast with local entrepreneurs (demo)", 45, 2, "Maribor, Start-up Hub",
     ["sl", "en"], ["speaker"], 40,
     "Entrepreneurs tell how EU funds helped them start; we would welcome a speaker on the next budget.", False),
    ("lyon", "Regional forum: cohesion policy after 2027 (demo)", -30, 6, "Lyon, Hôtel de Région",
     ["fr", "en", "it"], ["materials"], 250,
     "A forum of mayors and regional councillors from both sides of the Alps.", False),
    ("tampere", "School debate on the future of the regions (demo)", 60, 2, "Tampere, school auditorium",
     ["fi", "sv"], ["speaker", "materials"], 120,
     "Pupils debate what the EU does for their region; could someone from the alliance join the panel?", True),
]  # fmt: skip
PAPERS = [
    # author, title, summary, waiting for a decision
    ("brussels", "Regions at the heart of the next EU budget (demo)",
     "Why the next multiannual financial framework needs a cohesion policy run with the regions, "
     "not only for them. A demo position paper.", False),
    ("midlands", "Cohesion policy and rural health services (demo)",
     "How cohesion funds can keep doctors and clinics in rural areas. A demo position paper.", True),
]  # fmt: skip
