"""Name normalisation for duplicate checks and search: case, accents and particles ignored."""

from __future__ import annotations

import re

from app.core.text import fold

# Dutch, French and German particles as they appear in Flemish surnames ("Van den Broeck",
# "De Smet", "d'Hondt", "Vander Elst").
PARTICLES = frozenset(
    {
        "van",
        "de",
        "der",
        "den",
        "des",
        "vanden",
        "vander",
        "vande",
        "ver",
        "d",
        "le",
        "la",
        "du",
        "ten",
        "ter",
        "t",
        "von",
        "op",
        "in",
        "het",
        "dela",
        "del",
    }
)


def name_key(first_name: str, last_name: str) -> str:
    words = re.findall(r"\w+", fold(f"{first_name} {last_name}"))
    return " ".join(w for w in words if w not in PARTICLES)


def search_key(query: str) -> str:
    words = re.findall(r"\w+", fold(query))
    return " ".join(w for w in words if w not in PARTICLES) or " ".join(words)


def sort_name(first_name: str, last_name: str) -> str:
    return fold(f"{last_name} {first_name}").strip()
