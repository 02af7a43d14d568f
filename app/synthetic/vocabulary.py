"""Words for the synthetic region: names (many with accents, for the name-search scenario),
places, floors and the short texts staff write. Invented; the demo's name pools are reused."""

from __future__ import annotations

from app.demo.people import NAME_POOLS

# Flemish and Brussels first names with diacritics: search must find "Zoë" as "zoe".
ACCENTED_FIRST_NAMES = [
    "Zoë", "Chloë", "Anaïs", "Inès", "Hélène", "Élise", "Mélanie", "Renée", "Gaëlle", "Noëmi",
    "Daphné", "Aurélie", "Céline", "Léa", "Marie-Thérèse", "Noël", "Joël", "Loïc", "André",
    "René", "José", "François", "Jérôme", "Raphaël", "Mickaël", "Stéphane", "Cédric",
    "Frédéric", "Günther", "Łukasz",
]  # fmt: skip
ACCENTED_SURNAMES = [
    "Lefèvre", "Dupré", "Gérard", "Mélotte", "Lemaître", "Bénard", "Müller", "Hélin",
    "Van Hée", "De Bréucker", "Crèvecoeur", "Wéry", "D'Hondt-Lefèvre", "Fréson",
]  # fmt: skip

FIRST_NAMES = sorted(
    {name for pool in NAME_POOLS for name in (*pool.male, *pool.female)} | set(ACCENTED_FIRST_NAMES)
)
SURNAMES = sorted({name for pool in NAME_POOLS for name in pool.surnames} | set(ACCENTED_SURNAMES))
LANGUAGES = ["nl"] * 14 + ["fr", "fr", "en", "ar", "tr", "pl"]

PLACES = [
    ("9000", "Gent"), ("9300", "Aalst"), ("8000", "Brugge"), ("8500", "Kortrijk"),
    ("8800", "Roeselare"), ("8400", "Oostende"), ("8900", "Ieper"), ("9100", "Sint-Niklaas"),
    ("9200", "Dendermonde"), ("9160", "Lokeren"), ("9900", "Eeklo"), ("9700", "Oudenaarde"),
    ("9400", "Ninove"), ("9500", "Geraardsbergen"), ("9620", "Zottegem"), ("9800", "Deinze"),
    ("8700", "Tielt"), ("9230", "Wetteren"), ("2000", "Antwerpen"), ("3000", "Leuven"),
    ("3500", "Hasselt"), ("2800", "Mechelen"), ("1000", "Brussel"), ("2300", "Turnhout"),
]  # fmt: skip
STREETS = [
    "Kerkstraat", "Stationsstraat", "Molenstraat", "Nieuwstraat", "Dorpsstraat", "Kouter",
    "Brugsesteenweg", "Kortrijksesteenweg", "Heirweg", "Lindenlaan", "Beekstraat",
    "Rue de l'Église", "Place Sainte-Gudule", "Veldstraat", "Zandberg", "Sint-Pietersplein",
]  # fmt: skip

# Organisation names per kind, completed with a place: "Arbeidszorg Eeklo vzw".
ORGANISATION_PATTERNS = {
    "work_care": ["Arbeidszorg {} vzw", "Werkplaats {} vzw", "Atelier Élan {} vzw"],
    "maatwerkbedrijf": ["Maatwerkbedrijf {}", "Sociale Werkplaats {} cv"],
    "mediation": ["GTB {}", "VDAB {}"],
    "care": ["CGG {}", "PC Sint-Géry {}", "CAW {}"],
    "empowerment": ["Herstelacademie {} vzw", "Ontmoetingshuis {} vzw"],
    "ocmw": ["OCMW {}"],
    "employer": ["Logistiek {} nv"],
    "funder": ["Provincie {}"],
}

FLOOR_ACTIVITIES = [
    ("Keuken", "Grootkeuken en catering"),
    ("Groendienst", "Groenonderhoud en tuinaanleg"),
    ("Fietsatelier", "Herstel van fietsen"),
    ("Textielatelier", "Naaien, herstellen en strijken"),
    ("Sorteerploeg", "Sorteren en prijzen voor de kringwinkel"),
    ("Houtatelier", "Meubels opknappen en houtbewerking"),
    ("Zorgboerderij", "Dierenverzorging en moestuin"),
    ("Verpakking", "Verpakken, etiketteren en montage"),
    ("Schoonmaakploeg", "Schoonmaak van kantoren en scholen"),
    ("Café", "Bediening in het ontmoetingscafé"),
    ("Drukkerij", "Printen, vouwen en inbinden"),
    ("Crèche-onderhoud", "Onderhoud en was voor kinderdagverblijven"),
]

SECTORS = ["logistiek", "horeca", "retail", "bouw", "zorg", "groenonderhoud", "schoonmaak"]
EMPLOYER_WORDS = [
    "Bakkerij", "Brasserie", "Transport", "Tuinen", "Schoonmaak", "Drukkerij", "Garage",
    "Supermarkt", "Rusthuis", "Hôtel", "Crèmerie", "Café",
]  # fmt: skip
OCCUPATIONS = [
    "magazijnmedewerker", "keukenhulp", "groenarbeider", "schoonmaker", "productiemedewerker",
    "winkelbediende", "zorgkundige", "fietshersteller", "chauffeur", "administratief bediende",
]  # fmt: skip

LOG_TEXTS = [
    "Werkte rustig en geconcentreerd; vroeg zelf om uitleg.",
    "Kwam op tijd en hield zich aan de afspraken van vorige week.",
    "Had het moeilijk na het weekend; korte pauzes hielpen.",
    "Nam zelf initiatief bij het opruimen van de werkplaats.",
    "Het tempo gaat vooruit; na een uur is nog een pauze nodig.",
    "Verwittigde niet bij te laat komen; afspraak herhaald.",
    "Begeleidde een nieuwe deelnemer bij zijn eerste dag — trots op.",
    "Werkte zelfstandig aan een bestelling van 200 stuks.",
]
NOTE_TEXTS = {
    "team": [
        "Gesprek over de planning van de komende weken; akkoord met vier halve dagen.",
        "Afspraak gemaakt met de werkgever voor een kennismaking.",
        "Deelnemer vraagt om meer afwisseling in de taken.",
        "Overleg met het mini-team: volgende stap is een stage.",
    ],
    "care_shared": [
        "Medicatie aangepast door de psychiater; mogelijk vermoeider de komende weken.",
        "Slaapt slecht sinds de verhuis; opvolging bij de huisarts afgesproken.",
        "Herstelplan besproken: structuur van de werkdag helpt.",
    ],
    "care_internal": [
        "Intern: gezinssituatie onder druk, CAW ingeschakeld.",
        "Intern: signalen van overbelasting besproken in de teamvergadering.",
    ],
}
GOAL_TEXTS = {
    "work": "Vier halve dagen per week werken zonder ongewettigde afwezigheid",
    "care": "Een vaste afspraak met de psycholoog behouden",
    "empowerment": "Deelnemen aan de herstelgroep op dinsdag",
    "income": "Aanvraag integratietegemoetkoming afronden",
    "training": "Opleiding heftruckchauffeur starten",
    "mobility": "Zelfstandig met de bus naar de werkplaats komen",
    "housing": "Een sociale woning aanvragen",
}
SESSION_REPORTS = [
    "Individueel gesprek over draagkracht en doelen.",
    "Groepsmodule 'Werken aan werk' — sollicitatiebrief geschreven.",
    "Vacatures overlopen en een cv opgesteld.",
    "Herstelgesprek: wat geeft energie, wat kost energie?",
]
PAUSE_REASONS = ["Opname in het ziekenhuis", "Crisis thuis", "Langdurig ziek", "Revalidatie"]
WITHDRAWAL_REASONS = ["Wil de gegevens niet langer delen", "Begeleiding elders gestopt"]
EARLY_END_REASONS = ["Te zwaar na drie weken", "Stageplaats viel weg"]
OUTFLOW_REASONS = {
    "back_to_care": "Terug naar intensievere zorg",
    "drop_out": "Niet meer komen opdagen na herhaalde contactpogingen",
    "moved": "Verhuisd buiten de regio",
}
FUNDER_REJECTION = "Geen acties geregistreerd die de maand verantwoorden"
CONSENT_PURPOSE = "Samenwerking in het mini-team rond werk en herstel"
