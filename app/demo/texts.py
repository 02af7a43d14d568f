"""The words in the demo case files: what coaches, mediators and counsellors write (Dutch)."""

from __future__ import annotations

from app.notes.models import Visibility
from app.outflow.categories import OutflowCategory
from app.progress.models import GoalDomain

# What a day on each work floor looks like, for progress logs.
FLOOR_WORK = {
    "Keuken De Smaak": [
        "Deed de mise-en-place voor 40 maaltijden.",
        "Stond mee aan de afwas tijdens de middagshift.",
        "Maakte samen met de kok de soep van de dag.",
    ],
    "Groendienst": [
        "Maaide het grasperk aan het Citadelpark.",
        "Snoeide hagen en ruimde het snoeiafval op.",
        "Plantte vaste planten in de nieuwe border.",
    ],
    "Fietsatelier": [
        "Herstelde zelfstandig twee platte banden.",
        "Stelde remmen en versnellingen af op een stadsfiets.",
        "Maakte een tweedehandsfiets verkoopklaar.",
    ],
    "Textielatelier De Draad": [
        "Zoomde broeken en leerde werken met de lockmachine.",
        "Streek de was van een klant af.",
        "Herstelde ritsen in jassen.",
    ],
    "Sorteerploeg": [
        "Sorteerde kleding en prijsde boeken voor de winkel.",
        "Testte elektrische toestellen met de begeleider.",
    ],
    "Houtatelier": [
        "Schuurde en lakte een kast.",
        "Maakte plantenbakken op maat.",
    ],
    "Groenploeg Aalst": [
        "Onderhield de bermen langs de Dender.",
        "Wiedde de perken aan het stadspark.",
    ],
    "Zorgboerderij": [
        "Verzorgde de geiten en maakte de stallen schoon.",
        "Oogstte in de moestuin en hielp bij de verkoop.",
    ],
    "Strijkatelier": [
        "Streek en vouwde de was voor vijf klanten.",
        "Hielp aan de balie bij het afgeven van de was.",
    ],
    "Verpakking en montage": [
        "Etiketteerde en verpakte een bestelling van 500 stuks.",
        "Monteerde onderdelen aan de werktafel.",
    ],
    "Groenonderhoud Waasland": [
        "Ruimde blad op en onderhield de begraafplaats.",
        "Snoeide struiken langs het fietspad.",
    ],
    "Schrijnwerkerij": [
        "Zaagde planken op maat voor een bestelling.",
        "Leerde veilig werken met de afkortzaag.",
    ],
    "Schoonmaakploeg": [
        "Maakte de klaslokalen van een basisschool schoon.",
        "Werkte het kantoor af volgens de checklist.",
    ],
}

# Progress-log sentences by how the scores look (mostly 1 to 2, 2 to 3, 3 to 4).
LOG_BY_LEVEL = [
    [
        "Nog onwennig op de werkvloer; heeft veel aansporing nodig om te starten.",
        "Verwittigde niet toen hij later kwam; afspraken rond verwittigen herhaald.",
        "Haakt snel af als de opdracht verandert; kleine, duidelijke taken werken beter.",
        "Vindt het moeilijk om feedback te aanvaarden; rustig nabesproken.",
    ],
    [
        "Werkt rustiger en vraagt zelf om uitleg als iets niet duidelijk is.",
        "Het tempo gaat vooruit; na een uur werken is nog een pauze nodig.",
        "Komt op tijd en houdt zich aan de afspraken van vorige week.",
        "Neemt meer initiatief en zoekt contact met de collega's.",
    ],
    [
        "Werkt zelfstandig en helpt nieuwe deelnemers op weg.",
        "Klaar om meer uren op te nemen; stage besproken met de trajectbegeleider.",
        "Houdt een volle dag goed vol; kwaliteit is stabiel.",
        "Gaat goed om met feedback en past zijn werk meteen aan.",
    ],
]

INTERNSHIP_LOGS = [
    "Evaluatiegesprek op de stageplaats: de mentor is tevreden over inzet en stiptheid.",
    "Stagebezoek: went goed aan het hogere tempo; vraagt nog veel bevestiging.",
    "Tussentijdse evaluatie met de mentor: meer zelfstandigheid bij nieuwe taken nodig.",
]

GOALS: dict[GoalDomain, list[str]] = {
    GoalDomain.WORK: [
        "Drie halve dagen per week aanwezig zijn, op tijd",
        "Zelfstandig de dagtaken van de werkpost uitvoeren",
        "Een werkervaringsstage zoeken in de eigen interessesector",
        "Een cv opmaken samen met de trajectbegeleider",
        "Het aantal uren opbouwen naar 20 uur per week",
    ],
    GoalDomain.CARE: [
        "Vaste afspraken bij de psychiater behouden",
        "Een vaste huisarts kiezen en een afspraak maken",
        "Een dagstructuur opbouwen met vaste slaaptijden",
    ],
    GoalDomain.EMPOWERMENT: [
        "Deelnemen aan de herstelgroep 'Veerkracht'",
        "Leren aangeven wanneer het te veel wordt",
    ],
    GoalDomain.INCOME: [
        "Aanvraag integratietegemoetkoming indienen",
        "Schuldbemiddeling opstarten via het OCMW",
        "Toelating van de adviserend arts verlengen",
    ],
    GoalDomain.TRAINING: [
        "Opleiding heftruckchauffeur volgen",
        "Cursus Nederlands NT2 niveau 2 afronden",
        "Attest basisveiligheid (VCA) behalen",
    ],
    GoalDomain.MOBILITY: [
        "Zelfstandig met de fiets naar de werkvloer komen",
        "Theorie-examen rijbewijs B halen",
        "Een abonnement bij De Lijn aanvragen",
    ],
    GoalDomain.HOUSING: [
        "Inschrijven bij het sociaal verhuurkantoor",
        "Een oplossing zoeken voor de opzeg van de huurwoning",
    ],
}
GOAL_DONE = [
    "Gehaald: loopt vlot.",
    "Behaald, samen geëvalueerd in het mini-team.",
    "Gelukt na een tweede poging.",
]
GOAL_DROPPED = [
    "Niet meer haalbaar na de opname; later opnieuw bekijken.",
    "Geen prioriteit meer voor de deelnemer.",
]

NOTES: dict[Visibility, list[str]] = {
    Visibility.TEAM: [
        "Afspraak gemaakt om vanaf volgende week drie halve dagen te komen.",
        "Werkt goed samen met de collega's; neemt meer initiatief dan in het begin.",
        "Overleg met de trajectbegeleider: een stage in de groenzorg verkennen.",
        "Was twee keer te laat door de bus; afspraak gemaakt om vroeger te vertrekken.",
        "Vraagt zelf om meer uren. Bespreken op het volgende teamoverleg.",
        "Evaluatiegesprek gehad: tevreden over de werkpost, wil graag blijven.",
    ],
    # Health information: never `team`; written only by staff bound by professional secrecy.
    Visibility.CARE_SHARED: [
        "Medicatie aangepast door de psychiater; de komende weken mogelijk vermoeider. "
        "Met toestemming gedeeld met het mini-team: werkdruk niet opdrijven.",
        "Angstklachten nemen af sinds de therapie. Uren langzaam opbouwen is haalbaar.",
        "Slaapt slecht sinds de verhuis; afgesproken dat hij verwittigt als hij niet kan komen.",
    ],
    Visibility.CARE_INTERNAL: [
        "Individueel gesprek: de thuissituatie blijft moeilijk en de schulden wegen. "
        "Doorverwijzing naar het CAW besproken.",
        "Signalen van terugval in middelengebruik; opvolging door de psychiater gevraagd.",
        "Crisis in het weekend; contact gehad met de mobiele equipe.",
    ],
}
WAITING_NOTE = "Aangemeld; intakegesprek gepland. Deelnemer is gemotiveerd om te starten."

PAUSE_REASONS = [
    "Opname in een psychiatrisch ziekenhuis",
    "Operatie aan de knie; herstel van enkele weken",
    "Crisis in de thuissituatie",
    "Langdurige ziekte, attest van de huisarts",
]
PAST_PAUSE_REASONS = [
    "Griep en daarna uitputting; attest van de huisarts",
    "Zorg voor een ziek familielid",
]
BACK_TO_PLACEMENT_REASONS = [
    "Stage te zwaar: terugval in angstklachten. Eerst opnieuw stabiliseren op de werkvloer.",
    "Activeringsmodule te belastend; opnieuw opbouwen op de eigen werkpost.",
]
CLOSED_EARLY_REASONS = [
    "Niet opgedaagd op het intakegesprek, ook niet na twee uitnodigingen.",
    "Koos voor een opleiding bij Syntra; geen traject nodig.",
]
ABSENCE_REASONS = [
    "Afspraak bij de huisarts",
    "Gesprek bij VDAB",
    "Familieomstandigheden",
    "Afspraak bij de psychiater",
    "Staking De Lijn",
]
SICK_REASONS = [None, None, "Griep", "Rugpijn", "Migraine"]

OUTFLOW_REASONS: dict[OutflowCategory, str] = {
    OutflowCategory.REGULAR_JOB: "Contract na een geslaagde stage",
    OutflowCategory.REGULAR_JOB_SUPPORTED: "Aangeworven met individueel maatwerk",
    OutflowCategory.SELF_EMPLOYED: "Start als zelfstandige in bijberoep met fietsherstel aan huis",
    OutflowCategory.TEMP_AGENCY: "Interimcontract via het uitzendkantoor, met uitzicht op vast",
    OutflowCategory.COLLECTIVE_MAATWERK: "Overstap naar een maatwerkbedrijf",
    OutflowCategory.TEMPORARY_WORK_EXPERIENCE: "Tewerkstelling artikel 60 bij het OCMW",
    OutflowCategory.BACK_TO_CARE: "Opname; werk is tijdelijk niet haalbaar",
    OutflowCategory.VOLUNTEERING: "Kiest voor vrijwilligerswerk in het buurtcentrum",
    OutflowCategory.DROP_OUT: "Geen contact meer ondanks herhaalde pogingen",
    OutflowCategory.TRAINING: "Start een opleiding na de opleidingsstage",
    OutflowCategory.IBO: "Start een IBO bij de werkgever",
    OutflowCategory.MOVED: "Verhuisd naar Antwerpen",
    OutflowCategory.AMA_SOCIAL_ECONOMY: "Doorverwezen naar AMA in de sociale economie",
}

EARLY_END_REASONS = [
    "Werkdruk te hoog; terugval in angstklachten",
    "Conflict met een collega op de stageplaats",
]
FOLLOW_UP_NOTES = {
    "same_job": ["Werkt nog bij dezelfde werkgever, tevreden.", "Alles loopt goed."],
    "other_job": ["Veranderd van werkgever: meer uren."],
    "not_working": ["Contract niet verlengd; zoekt opnieuw werk via VDAB."],
    "unknown": ["Niet bereikbaar: geen antwoord op telefoon en e-mail."],
}
CONTACT_SUMMARIES = {
    "job_development": [
        "Kennismaking: vacatures in het magazijn besproken.",
        "Bedrijfsbezoek; openheid voor een werkervaringsstage.",
        "Toelichting over individueel maatwerk en de loonpremie.",
    ],
    "job_search_for_participant": [
        "Profiel van een deelnemer voorgesteld; sollicitatiegesprek gepland.",
        "Stageplaats besproken voor een deelnemer.",
    ],
    "follow_up": [
        "Opvolging na de aanwerving: werkgever tevreden.",
        "Nazorg: afspraken over aangepaste uren.",
    ],
}
SESSION_REPORTS = {
    "care": "Gesprek over slaap, medicatie en de werkbelasting.",
    "empowerment": "Oefenen in grenzen aangeven; rollenspel rond feedback krijgen.",
    "job_search": "Vacatures doorgenomen en een sollicitatiebrief opgesteld.",
    "group_module": "Groepsmodule 'Werken aan werk': sterktes en valkuilen.",
}
