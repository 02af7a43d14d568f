"""The reusable PDF builder (app/core/pdf.py): layout that never fails on real data."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pypdf

from app.core.pdf import PLACEHOLDER, PdfDocument, display, needs_shaping, printable

GENERATED = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def pages_text(content: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages]


def test_a_long_document_is_numbered_and_keeps_every_word() -> None:
    doc = PdfDocument(title="Rapport", subtitle="Provincie", generated_at=GENERATED)
    doc.section("Gegevens")
    doc.key_values([("Naam", "Zoë"), ("Sinds", date(2025, 12, 31)), ("Uren", Decimal("12.50"))])
    doc.table(
        ["Datum", "Verslag"],
        [[date(2026, 1, 2), "begin " + "woord " * 3000 + "einde-cel"]],  # taller than a page
        widths=[1, 4],
    )
    doc.text("letterlijk {nb} " + "alinea " * 4000 + "einde-tekst")

    pages = pages_text(doc.to_bytes())

    assert len(pages) > 3
    assert all(f"pagina {n} van {len(pages)}" in page for n, page in enumerate(pages, 1))
    assert all("Aangemaakt op 01-03-2026 09:30 UTC" in page for page in pages)
    text = "\n".join(pages)
    assert "31-12-2025" in text and "12,5" in text
    assert "einde-cel" in text and "einde-tekst" in text
    assert "letterlijk {nb}" in text  # text is never taken for the page-count placeholder


def test_an_empty_table_says_so() -> None:
    doc = PdfDocument(title="Rapport", generated_at=GENERATED)
    doc.table(["Datum"], [], empty="Nog niets.")
    assert "Nog niets." in pages_text(doc.to_bytes())[0]


def test_characters_the_font_lacks_become_a_visible_placeholder() -> None:
    covered = {ord(ch) for ch in "ab \n"}
    assert printable("a\x07b\tz", covered) == f"a{PLACEHOLDER}b    {PLACEHOLDER}"
    # Invisible formatting is dropped rather than shown as a placeholder.
    assert printable("a\u200db\ufe0f", covered) == "ab"


def test_values_read_the_flemish_way() -> None:
    assert display(None) == display("") == "–"
    assert (display(True), display(False)) == ("ja", "nee")
    assert display(date(2026, 2, 3)) == "03-02-2026"
    assert display(Decimal("19.00")) == "19"
    assert display(7.25) == "7,25"


def test_right_to_left_text_reads_in_order_with_joined_letters() -> None:
    # Unshaped, fpdf2 sets Arabic letter by letter from left to right: a reader (and a text
    # extractor) then sees every word backwards ("ملاعلاب ابحرم").
    doc = PdfDocument(title="Export سارة", generated_at=GENERATED)
    doc.text("مرحبا بالعالم")
    doc.key_values([("Naam", "שלום עולם")])
    doc.table(["Naam", "Gemeente"], [["سارة العلي", "Brugge"], ["Zoë", "Gent"]])

    text = pages_text(doc.to_bytes())[0]

    for words in ("مرحبا بالعالم", "שלום עולם", "سارة العلي", "Export سارة"):
        assert words in text
    assert "Zoë" in text and "Brugge" in text


def test_only_right_to_left_scripts_go_through_the_shaping_engine() -> None:
    assert needs_shaping("Zoë", "مرحبا")
    assert needs_shaping("שלום")
    assert not needs_shaping("Zoë Ünal", "Ярослав", "Ελένη", "🙂")
