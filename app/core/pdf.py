"""Readable A4 documents for people: the participant's export (app/rights), funder reports.

A document is a title block, section headings, key/value blocks, tables and free text, with
"pagina X van Y" and the generation time on every page. Text may be in any script: the
embedded DejaVu Sans covers Latin, Greek, Cyrillic, Hebrew, Arabic and many symbols; a
character it lacks is printed as a visible placeholder (U+FFFD) rather than left out or failing
the whole document. Right-to-left text goes through HarfBuzz (joined Arabic letters, words in
reading order); see ``needs_shaping``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, TableBordersLayout, VAlign, XPos, YPos
from fpdf.fonts import FontFace, TTFFont

FONT_DIR = Path(__file__).parent / "fonts"
FONT_FILES = {"": FONT_DIR / "DejaVuSans.ttf", "B": FONT_DIR / "DejaVuSans-Bold.ttf"}
FAMILY = "DejaVu"
PLACEHOLDER = "\ufffd"
EMPTY_VALUE = "–"

MARGIN = 18.0  # mm
BODY_SIZE = 9.0  # pt
LINE_HEIGHT = 4.6  # mm, for BODY_SIZE
CELL_PADDING = 1.2  # mm
# A table row is drawn on one page: a cell longer than this many lines continues in the
# next row, so a long text (a 10,000-character report) never makes a row taller than a page.
MAX_LINES_PER_ROW = 40
MUTED = (90, 90, 90)
HEADING_FILL = (232, 236, 241)
# Replaced by the page count when the document is written. Built from a private-use character
# the font lacks, so no text can contain it: printable() turns that character into U+FFFD
# (with fpdf2's default "{nb}", a note reading "{nb}" would print a number).
PAGE_COUNT_ALIAS = "\ue000nb\ue000"
# Keep a heading together with at least a few lines of what follows it.
KEEP_WITH_NEXT = 40.0  # mm


# Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms.
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def needs_shaping(*texts: str) -> bool:
    """Whether the text holds a right-to-left script: unshaped, Arabic prints as loose
    letters left to right. Shaping doubles the time fpdf2 takes to set text, so it is on
    only while such text is written."""
    return any(_RIGHT_TO_LEFT.search(text) for text in texts)


def printable(text: str, covered: Container[int]) -> str:
    """``text`` with every character outside ``covered`` (the font's code points) made
    visible as U+FFFD.

    Invisible formatting the font lacks (emoji variation selectors, zero-width joiners,
    unknown combining marks) is dropped: a placeholder there would show where nothing was.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    kept: list[str] = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch == "\n" or (ord(ch) in covered and category != "Cc"):
            kept.append(ch)
        elif category not in {"Cf", "Mn", "Me"}:
            kept.append(PLACEHOLDER)
    return "".join(kept)


def display(value: object) -> str:
    """A value as a Flemish reader expects it: 31-12-2026, 12,5, ja/nee, a dash for nothing."""
    if value is None or value == "" or value == []:
        return EMPTY_VALUE
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%d-%m-%Y %H:%M UTC")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float | Decimal):
        return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    if isinstance(value, Enum):
        return display(value.value)
    if isinstance(value, list | tuple):
        return ", ".join(display(item) for item in value)
    return str(value)


class _Canvas(FPDF):
    """FPDF with the footer every page carries."""

    def __init__(self, footer_text: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self._footer_text = footer_text
        self.alias_nb_pages(PAGE_COUNT_ALIAS)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, size=7.5)
        self.set_text_color(*MUTED)
        self.cell(0, 5, self._footer_text, align=Align.L)
        self.set_x(self.l_margin)
        self.cell(0, 5, f"pagina {self.page_no()} van {PAGE_COUNT_ALIAS}", align=Align.R)


class PdfDocument:
    """Build a document top to bottom, then take its bytes with ``to_bytes``."""

    def __init__(
        self,
        *,
        title: str,
        generated_at: datetime,
        subtitle: str | None = None,
        author: str | None = None,
    ) -> None:
        self._pdf = pdf = _Canvas(f"Aangemaakt op {display(generated_at)}")
        for style, path in FONT_FILES.items():
            pdf.add_font(FAMILY, style, str(path))
        # Bold and regular differ in a few glyphs: a glyph one face lacks is taken from the
        # other (the fallback below), so either face having it is enough.
        pdf.set_fallback_fonts([FAMILY], exact_match=False)
        self._covered = frozenset[int]().union(
            *(font.cmap for font in pdf.fonts.values() if isinstance(font, TTFFont))
        )
        pdf.set_margins(MARGIN, MARGIN, MARGIN)
        pdf.set_auto_page_break(auto=True, margin=MARGIN)
        pdf.set_title(self._printable(title))
        pdf.set_lang("nl-BE")
        pdf.set_creator("Werkpad")
        pdf.set_creation_date(generated_at)
        if author:
            pdf.set_author(self._printable(author))
        pdf.add_page()
        pdf.set_font(FAMILY, "B", 18)
        self._multi_cell(0, 9, title)
        if subtitle:
            pdf.set_font(FAMILY, "", 12)
            self._multi_cell(0, 6.5, subtitle)
        pdf.set_font(FAMILY, "", BODY_SIZE)
        pdf.set_text_color(*MUTED)
        pdf.cell(
            0,
            LINE_HEIGHT + 1,
            f"Aangemaakt op {display(generated_at)}",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        pdf.set_text_color(0)
        pdf.ln(3)

    # --- blocks ---------------------------------------------------------------------------

    def section(self, title: str) -> None:
        """A level-1 heading with a rule under it."""
        pdf = self._pdf
        self._keep_room(KEEP_WITH_NEXT)
        pdf.ln(3)
        pdf.set_font(FAMILY, "B", 13)
        self._multi_cell(0, 7, title)
        pdf.set_draw_color(*MUTED)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        pdf.ln(2)
        pdf.set_font(FAMILY, "", BODY_SIZE)

    def subsection(self, title: str) -> None:
        pdf = self._pdf
        self._keep_room(KEEP_WITH_NEXT * 0.6)
        pdf.ln(1.5)
        pdf.set_font(FAMILY, "B", 10.5)
        self._multi_cell(0, 5.5, title)
        pdf.set_font(FAMILY, "", BODY_SIZE)

    def key_values(self, pairs: Iterable[tuple[str, object]], *, label_width: float = 56) -> None:
        """Label and value side by side; long values wrap (and continue on the next page)."""
        pdf = self._pdf
        for label, value in pairs:
            self._keep_room(LINE_HEIGHT * 2)
            top = pdf.get_y()
            pdf.set_font(FAMILY, "B", BODY_SIZE)
            self._multi_cell(label_width, LINE_HEIGHT, label, new_x=XPos.RIGHT, new_y=YPos.NEXT)
            page_after_label, label_bottom = pdf.page, pdf.get_y()
            pdf.set_xy(pdf.l_margin + label_width, top)
            pdf.set_font(FAMILY, "", BODY_SIZE)
            self._multi_cell(0, LINE_HEIGHT, display(value))
            if pdf.page == page_after_label:
                pdf.set_y(max(pdf.get_y(), label_bottom))
        pdf.ln(1.5)

    def table(
        self,
        headings: Sequence[str],
        rows: Iterable[Sequence[object]],
        *,
        widths: Sequence[float] | None = None,
        empty: str = "Geen gegevens.",
    ) -> None:
        """A table over the page width; ``widths`` are relative (default: equal columns).
        Headings repeat on every page the table spans."""
        rows = list(rows)
        if not rows:
            self.muted(empty)
            return
        pdf = self._pdf
        relative = list(widths) if widths else [1.0] * len(headings)
        text_widths = [
            pdf.epw * share / sum(relative) - 2 * CELL_PADDING - 2 * pdf.c_margin
            for share in relative
        ]
        headings = [self._printable(heading) for heading in headings]
        cells = [[self._printable(display(value)) for value in row] for row in rows]
        pdf.set_font(FAMILY, "", BODY_SIZE)
        # fpdf2 sets the whole table when the block ends: shaped or not as a whole.
        with (
            self._shaped(*headings, *(text for row in cells for text in row)),
            pdf.table(
                col_widths=relative,
                width=pdf.epw,
                text_align=Align.L,
                v_align=VAlign.T,
                line_height=LINE_HEIGHT,
                padding=CELL_PADDING,
                borders_layout=TableBordersLayout.HORIZONTAL_LINES,
                headings_style=FontFace(emphasis="BOLD", fill_color=HEADING_FILL),
                repeat_headings=1,
            ) as table,
        ):
            heading_row = table.row()
            for heading in headings:
                heading_row.cell(heading)
            for row_cells in cells:
                for part in self._split_tall_row(row_cells, text_widths):
                    table_row = table.row()
                    for text in part:
                        table_row.cell(text)
        pdf.ln(2)

    def text(self, body: str) -> None:
        """Free text (a note, a report): wraps and runs across pages."""
        pdf = self._pdf
        pdf.set_font(FAMILY, "", BODY_SIZE)
        self._multi_cell(0, LINE_HEIGHT, body)
        pdf.ln(1.5)

    def muted(self, line: str) -> None:
        """A remark in grey, e.g. that a section is empty."""
        pdf = self._pdf
        pdf.set_font(FAMILY, "", BODY_SIZE)
        pdf.set_text_color(*MUTED)
        self._multi_cell(0, LINE_HEIGHT, line)
        pdf.set_text_color(0)
        pdf.ln(1)

    def _printable(self, text: str) -> str:
        return printable(text, self._covered)

    @contextmanager
    def _shaped(self, *texts: str) -> Iterator[None]:
        if not needs_shaping(*texts):
            yield
            return
        self._pdf.set_text_shaping(True)
        try:
            yield
        finally:
            self._pdf.set_text_shaping(False)

    def _multi_cell(
        self, width: float, height: float, text: str, *, new_x: XPos = XPos.LMARGIN,
        new_y: YPos = YPos.NEXT,
    ) -> None:  # fmt: skip
        text = self._printable(text)
        with self._shaped(text):
            self._pdf.multi_cell(width, height, text, align=Align.L, new_x=new_x, new_y=new_y)

    def to_bytes(self) -> bytes:
        return bytes(self._pdf.output())

    # --- layout helpers -------------------------------------------------------------------

    def _keep_room(self, height: float) -> None:
        pdf = self._pdf
        if pdf.get_y() + height > pdf.page_break_trigger:
            pdf.add_page()

    def _split_tall_row(self, cells: list[str], text_widths: list[float]) -> list[list[str]]:
        """One row, or several when a cell would not fit on a page: the long cells continue
        in follow-up rows whose other cells stay empty."""
        if all(len(text) < MAX_LINES_PER_ROW for text in cells):
            # A line holds at least one character: no need to lay the text out (a third of
            # the time a long table takes).
            return [cells]
        lines = [self._lines(text, width) for text, width in zip(cells, text_widths, strict=True)]
        if max(len(cell_lines) for cell_lines in lines) <= MAX_LINES_PER_ROW:
            return [cells]
        parts = -(-max(len(cell_lines) for cell_lines in lines) // MAX_LINES_PER_ROW)
        return [
            [
                "\n".join(cell_lines[n * MAX_LINES_PER_ROW : (n + 1) * MAX_LINES_PER_ROW])
                for cell_lines in lines
            ]
            for n in range(parts)
        ]

    def _lines(self, text: str, width: float) -> list[str]:
        result = self._pdf.multi_cell(width, LINE_HEIGHT, text, dry_run=True, output="LINES")
        assert isinstance(result, list)
        return [str(line) for line in result]
