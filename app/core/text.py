"""Text folding shared by search and duplicate checks: the same on SQLite and PostgreSQL."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower case without accents: 'ÉLAN Zoë' → 'elan zoe'.

    Stored next to names and compared with LIKE, because SQLite's lower() and LIKE only fold
    ASCII letters and PostgreSQL has no accent folding without an extension.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()
