"""Names, places and Belgian identifiers for the demo region (East Flanders).

Everything here is invented: names are common Flemish ones, numbers carry valid check digits
but belong to nobody, e-mail addresses use the reserved-looking `.demo` domain.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from app.core.text import fold


@dataclass(frozen=True)
class NamePool:
    """First names and surnames that go together, and the languages their bearers speak."""

    share: float
    male: list[str]
    female: list[str]
    surnames: list[str]
    languages: list[str]


NAME_POOLS = [
    NamePool(
        0.78,
        [
            "Jan", "Kevin", "Jens", "Dries", "Bram", "Pieter-Jan", "Glenn", "Kurt", "Luc",
            "Wim", "Jonas", "Robbe", "Dimitri", "Jasper", "Nick", "Frederik", "Sander", "Gert",
            "Patrick", "Jeroen", "Maarten", "Arne", "Brecht", "Hans", "Filip", "Lander",
            "Senne", "Kenny", "Joris", "Bert",
        ],
        [
            "Lien", "Katrien", "Elke", "Sarah", "Charlotte", "Nathalie", "Sien", "Fien",
            "Marleen", "Ingrid", "Hanne", "Lotte", "Leen", "Kimberly", "Jolien", "Evi", "Griet",
            "Saskia", "Melissa", "Nele", "Emma", "Caroline", "Eline", "Ilse", "Joke", "Mieke",
            "Sofie", "Annelies", "Britt", "Laura", "Greet",
        ],
        # The particles that make Flemish name search hard: "Van den Broeck" is found as
        # "broeck", "De Smet" as "smet", "D'Hondt" as "hondt".
        [
            "Van den Broeck", "De Smet", "Vander Elst", "D'Hondt", "Van de Velde", "De Clercq",
            "Vermeulen", "Janssens", "Maes", "Peeters", "Willems", "Claes", "Goossens",
            "Wouters", "De Backer", "Van Damme", "Verhaeghe", "Bogaert", "De Wilde",
            "Van Acker", "Desmet", "Cools", "Van Hecke", "De Pauw", "Mertens", "Van Steen",
            "Lambrecht", "Verbeke", "Coppens", "Van der Linden", "De Vos", "Van Hoorebeke",
            "Ver Eecke", "De Meyer", "Vanhove", "Baert", "D'Haese", "Van Laere", "De Coninck",
            "Schepens", "Van Impe", "Demuynck", "Temmerman", "Van Geel", "De Ridder", "Bauwens",
            "Van Wesemael", "Cnudde", "De Muynck", "Van Landeghem", "Van Nieuwenhuyse",
            "Dhaenens", "Van Belle",
        ],
        ["nl"] * 12 + ["fr", "en"],
    ),
    NamePool(
        0.12,
        ["Mohamed", "Yusuf", "Karim", "Rachid", "Bilal", "Samir"],
        ["Fatima", "Amal", "Naima", "Salma", "Khadija"],
        ["El Idrissi", "Benali", "Haddad", "El Amrani", "Bouzid", "Azzouzi", "El Khattabi"],
        ["nl", "nl", "ar", "fr"],
    ),
    NamePool(
        0.05,
        ["Mehmet", "Emre", "Burak"],
        ["Ayse", "Elif", "Zeynep"],
        ["Yilmaz", "Öztürk", "Demir", "Kaya", "Çelik"],
        ["nl", "tr"],
    ),
    NamePool(
        0.05,
        ["Tomasz", "Piotr", "Marek"],
        ["Agnieszka", "Katarzyna", "Ewa"],
        ["Nowak", "Kowalski", "Wiśniewski", "Zielińska"],
        ["pl", "pl", "en"],
    ),
]  # fmt: skip


def pick_pool(rng: random.Random) -> NamePool:
    return rng.choices(NAME_POOLS, weights=[pool.share for pool in NAME_POOLS])[0]


SHORT_NAMES = {
    "Mohamed": "Mo",
    "Pieter-Jan": "PJ",
    "Charlotte": "Lotte",
    "Katrien": "Trien",
    "Frederik": "Fre",
    "Kimberly": "Kim",
    "Annelies": "Lies",
    "Agnieszka": "Aga",
    "Katarzyna": "Kasia",
    "Khadija": "Dija",
}
MUNICIPALITIES = {
    "gent": [
        ("9000", "Gent"),
        ("9040", "Sint-Amandsberg"),
        ("9050", "Ledeberg"),
        ("9032", "Wondelgem"),
        ("9820", "Merelbeke"),
    ],
    "aalst": [("9300", "Aalst"), ("9320", "Erembodegem"), ("9200", "Dendermonde")],
    "deinze": [("9800", "Deinze"), ("9850", "Nevele"), ("9880", "Aalter")],
    "waas": [("9100", "Sint-Niklaas"), ("9160", "Lokeren"), ("9150", "Kruibeke")],
}
STREETS = [
    "Kerkstraat", "Stationsstraat", "Molenstraat", "Nieuwstraat", "Dorpsstraat", "Schoolstraat",
    "Kouter", "Brugsesteenweg", "Kortrijksesteenweg", "Dendermondsesteenweg", "Heirweg",
    "Lindenlaan", "Meersstraat", "Beekstraat", "Vlaanderenstraat", "Veldstraat", "Zandberg",
]  # fmt: skip


def kbo_number(base8: str) -> str:
    """A KBO enterprise number: eight digits and their mod-97 check."""
    return f"{base8}{97 - int(base8) % 97:02d}"


def random_kbo(rng: random.Random) -> str:
    return kbo_number("0" + str(rng.randint(4_000_000, 8_999_999)))


def insz_number(birth_date: date, serial: int) -> str:
    """INSZ/rijksregisternummer: YYMMDD, a serial (odd for men, even for women), mod-97 check;
    people born from 2000 on have a 2 put in front of the nine digits for the check."""
    body = f"{birth_date:%y%m%d}{serial:03d}"
    checked = int(("2" + body) if birth_date.year >= 2000 else body)
    return f"{body}{97 - checked % 97:02d}"


def insz_serial(rng: random.Random, *, male: bool) -> int:
    serial = rng.randint(1, 498) * 2
    return serial - 1 if male else serial


def phone_number(rng: random.Random) -> str:
    pairs = " ".join(str(rng.randint(10, 99)) for _ in range(3))
    return f"04{rng.randint(70, 99)} {pairs}"


def address(rng: random.Random, area: str) -> str:
    postcode, municipality = rng.choice(MUNICIPALITIES[area])
    return f"{rng.choice(STREETS)} {rng.randint(1, 180)}, {postcode} {municipality}"


def email_of(first_name: str, last_name: str, n: int) -> str:
    local = "".join(ch for ch in fold(f"{first_name}.{last_name}") if ch in _EMAIL_CHARACTERS)
    return f"{local}{n}@mail.demo"


_EMAIL_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")
