"""The list files' own XLSX writer: what openpyxl reads back from it."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from app.reports.sheet import list_xlsx


def read(content: bytes) -> tuple[str, list[tuple[object, ...]], list[list[str]], str | None]:
    sheet = load_workbook(io.BytesIO(content)).active
    values = list(sheet.iter_rows(values_only=True))
    formats = [[cell.number_format for cell in row] for row in sheet.iter_rows()]
    return sheet.title, values, formats, sheet.freeze_panes


def test_cells_keep_their_types_and_dates_read_as_dates() -> None:
    content = list_xlsx(
        "trajectories_started",
        ["naam", "zichtbaar", "uren", "gestart op", "leeg"],
        [20, 8, 8, 12, 8],
        [
            ["An Peeters", True, Decimal("12.5"), date(2024, 2, 29), None],
            ["B. C.", False, 3, None, None],
        ],
    )

    title, values, formats, frozen = read(content)

    assert title == "trajectories_started"
    assert frozen == "A2"
    assert values[0] == ("naam", "zichtbaar", "uren", "gestart op", "leeg")
    assert values[1] == ("An Peeters", True, 12.5, datetime(2024, 2, 29), None)
    assert values[2][:3] == ("B. C.", False, 3)
    assert formats[1][3] == "DD/MM/YYYY"


def test_text_is_escaped_and_characters_xml_cannot_carry_are_dropped() -> None:
    name = '  Zoë <d\'Hondt> & "Co" '
    content = list_xlsx("t", ["naam"], [10], [[name], ["bel\x07l"]])

    _, values, _, _ = read(content)

    assert values[1] == (name,)  # spaces kept, markup as text
    assert values[2] == ("bell",)


def test_a_moment_is_refused_rather_than_cut_to_its_day() -> None:
    with pytest.raises(TypeError):
        list_xlsx("t", ["op"], [10], [[datetime(2024, 1, 1, 12, 30)]])


def test_the_sheet_name_is_cut_to_excels_31_characters() -> None:
    title, _, _, _ = read(list_xlsx("x" * 40, ["a"], [5], []))

    assert title == "x" * 31
