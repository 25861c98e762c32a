"""The shared drawing machinery of the printable summary: sizes, fonts and page setup, wrapping text.

Holds the constants every part draws with (font sizes, margins, colours), ``SummaryPDF`` (fpdf2 with
the footer, the file's /ID and the replacement mark for a character the font lacks), ``start_pdf``
(page setup), ``wrap`` and ``clip`` (text cut into lines, measured once per word), and ``Layout``,
the state the parts share: where the drawing is, how much room is left, and the page turns, real or
counted when a layout is only tried.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from fpdf import FPDF

from decision.output.summary import Section, Summary

FONT_DIR = Path(__file__).resolve().parents[3] / "assets" / "fonts"  # decision/output/pdf/ -> the repository
FONT = "DejaVu"
MAX_PAGES = 3  # and one more, only for what is never cut: long surgeon's notes, the overview's rows (Layout.extra_room)
CHART_COPY_PAGES = 1  # after those, page one again in the chart's language, when asked for (build.py)
MIN_PT = 9  # nothing smaller: read at arm's length
BODY, SMALL, HEADING, TITLE = 10, 9, 11.5, 15  # font sizes, pt
MM_PER_PT = 0.42  # line height per pt of font size (10 pt -> 4.2 mm)
MARGIN = 14  # mm
FOOTER_ROOM = 10  # mm kept free at the foot of each page for the footer
LABEL_WIDTH = 56  # mm, the label column of label-and-value lines
RULE_RGB, MUTED_RGB = (150, 160, 170), (70, 70, 70)
REPLACEMENT = "\ufffd"  # drawn where the font has no glyph


def line_h(size: float) -> float:
    return size * MM_PER_PT


class SummaryPDF(FPDF):
    footer_text = ""
    unique_id: str | None = None  # the file's /ID when build_pdf is given one

    def file_id(self) -> str | Literal[-1] | None:
        """The PDF's /ID (PDF 1.7, 14.4): fpdf2's own is a hash of the file, so the same record on
        the same day gives the same bytes; a given id (random, from the page) makes each file new."""
        return f"<{self.unique_id}><{self.unique_id}>" if self.unique_id else super().file_id()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.word_widths: dict[tuple, float] = {}  # for wrap(): each word is measured once per font

    def normalize_text(self, text: str) -> str:
        """Every character the font cannot draw becomes a visible replacement mark."""
        text = unicodedata.normalize("NFC", super().normalize_text(text))
        cmap = self.current_font.cmap if self.current_font else {}  # type: ignore[union-attr]  # only TTF fonts are set (start_pdf)
        return "".join(c if ord(c) in cmap or c in "\n\r\t" else REPLACEMENT for c in text)

    def footer(self) -> None:
        self.set_y(-FOOTER_ROOM + 1)
        self.set_font(FONT, "", SMALL)
        self.set_text_color(*MUTED_RGB)
        self.cell(0, 4, self.footer_text.replace("{page}", str(self.page_no())), align="C")
        self.set_text_color(0, 0, 0)


def start_pdf(summary: Summary, kind: type[SummaryPDF] = SummaryPDF) -> SummaryPDF:
    """A4, the bundled fonts, the file's details, the margins, and page 1 begun."""
    pdf = kind(format="A4")
    pdf.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_title(f"{summary.title}: {summary.aid_name}")
    pdf.set_subject(summary.pdf_subject)
    pdf.set_creator(summary.aid_name)
    pdf.set_lang(summary.lang)
    made = summary.made_on
    pdf.set_creation_date(datetime(made.year, made.month, made.day, tzinfo=UTC))
    pdf.footer_text = summary.pdf_footer  # {page} is filled on each page (footer), {nb} by fpdf
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(False)  # every page break is ours, so the page count stays bounded
    pdf.add_page()
    return pdf


# ---------------------------------------------------------------- text


def wrap(pdf: SummaryPDF, text: str, width: float) -> list[str]:
    """Break ``text`` into the lines of a ``width`` mm wide cell, in the current font.

    Why not multi_cell: fpdf2 2.8.9 re-measures the whole line for every character it adds,
    which made the summary take over a second. This measures each word once. A word wider than
    a whole line (a long web address) is broken across lines, starting on the line it follows
    where there is room, so every character is printed (issue 21: a 300-letter word was dropped).
    """
    width -= 2 * pdf.c_margin  # a cell keeps this much space on each side of its text
    cache = pdf.word_widths
    font = (pdf.font_family, pdf.font_style, pdf.font_size_pt)

    def measure(word: str) -> float:
        key = (font, word)
        if key not in cache:
            cache[key] = pdf.get_string_width(word)
        return cache[key]

    space = measure(" ")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, line_w = "", 0.0
        for word in paragraph.split(" "):
            word_w = measure(word)
            if line and line_w + space + word_w <= width:
                line, line_w = f"{line} {word}", line_w + space + word_w
                continue
            if word_w > width and len(word) > 1:
                used = line_w + space if line else 0.0
                while word_w > width and len(word) > 1:
                    cut = 0
                    while cut < len(word) - 1 and used + measure(word[cut]) <= width:
                        used += measure(word[cut])
                        cut += 1
                    if not line:
                        cut = max(cut, 1)
                    lines.append(f"{line} {word[:cut]}" if line and cut else line or word[:cut])
                    line, used = "", 0.0
                    word = word[cut:]
                    word_w = measure(word)
            elif line:
                lines.append(line)
            line, line_w = word, word_w
        lines.append(line)
    return lines


def clip(pdf: SummaryPDF, lines: list[str], max_lines: int, width: float, continued: str) -> list[str]:
    """At most ``max_lines`` lines; if any were cut, the last one ends with ``continued``."""
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    last = kept[-1].split(" ")
    while last and len(wrap(pdf, " ".join([*last, continued]), width)) > 1:
        if len(last) == 1 and len(last[0]) > 1:  # one long word: shortened, not dropped (issue 21)
            last[0] = last[0][: len(last[0]) * 3 // 4] if len(last[0]) > 40 else last[0][:-1]
        else:
            last.pop()
    kept[-1] = " ".join([*last, continued]) if last else continued
    return kept


@dataclass
class Layout:
    """Where the drawing is and how much room is left: the state every part of the layout shares, and
    the page turns (never more than MAX_PAGES pages, but for the room long surgeon's notes took).
    The parts that draw subclass it."""

    pdf: SummaryPDF
    s: Summary
    cited: tuple[str, ...]  # the source ids numbered in this printout, in order
    allowed: set[str]  # figure ids that may be drawn
    drawn: list[str] = field(default_factory=list)  # figure ids drawn
    left_out: bool = False  # some figures are not on paper (say so)
    overflow: bool = False  # an allowed figure did not fit (build_pdf then allows fewer)
    full: bool = False  # the pages are full: nothing more is drawn
    dry: bool = False  # measuring only: lines move down the page but nothing is drawn
    simulate: bool = False  # with dry: page turns are counted, not made (to test a layout)
    virtual_page: int = 0
    deferred: list[Section] = field(default_factory=list)  # page-1 sections moved to page 2
    bottom: float = 0.0  # mm, how far down the current page text may go
    # mm allowed on a page after MAX_PAGES, for the two things that are never cut (issue 23): the
    # surgeon's notes that did not fit on page one, and the diagnosis's overview rows
    extra_room: float = 0.0

    def __post_init__(self) -> None:
        self.page_bottom = self.pdf.h - FOOTER_ROOM - 2
        self.bottom = self.page_bottom

    def checkpoint(self) -> tuple:
        return (self.pdf.get_y(), self.pdf.page_no(), self.full, len(self.drawn), self.bottom)

    def restore(self, state: tuple) -> None:
        y, page, self.full, drawn, self.bottom = state
        self.pdf.set_y(y)
        self.virtual_page = page
        del self.drawn[drawn:]
        self.overflow = False

    def page_no(self) -> int:
        return self.virtual_page if self.simulate else self.pdf.page_no()

    def last_page(self) -> int:
        """MAX_PAGES, or one more when long surgeon's notes or the overview's rows need it."""
        return MAX_PAGES + 1 if self.extra_room > 0 else MAX_PAGES

    def add_page(self) -> None:
        if self.simulate:
            self.virtual_page += 1
            self.pdf.set_y(self.pdf.t_margin)
        else:
            self.pdf.add_page()
        if self.page_no() > MAX_PAGES:  # the extra page holds no more than it was allowed
            self.bottom = min(self.page_bottom, self.pdf.t_margin + self.extra_room)

    def room(self, h: float) -> bool:
        return self.pdf.get_y() + h <= self.bottom

    def need(self, h: float) -> bool:
        """True if ``h`` mm can be drawn here, turning a page when one is left; False when full."""
        if self.dry and not self.simulate:
            return True
        if self.full:
            return False
        if self.room(h):
            return True
        if self.page_no() >= 2 and self.page_no() < self.last_page():
            self.add_page()
            if self.room(h):
                return True
        self.full = True
        return False

    def space_left(self) -> float:
        """mm left from here to the end of the last page allowed (a page turn wastes a little)."""
        return max(self.bottom - self.pdf.get_y(), 0) + self.room_after_this_page()

    def room_after_this_page(self) -> float:
        """mm on the pages allowed after this one (the extra page counts only the room it may hold)."""
        pages_after = max(MAX_PAGES - self.page_no(), 0)
        extra = min(self.extra_room, self.page_bottom - MARGIN) if self.page_no() < self.last_page() else 0.0
        return pages_after * (self.page_bottom - MARGIN) + extra
