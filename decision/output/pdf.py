"""The printable summary: an A4 PDF drawn with fpdf2 from the same ``Summary`` as the screen.

Laid out for the chart (issue 12): page 1 holds what the clinic needs, in the summary's order,
with blank lines for the clinic's own label and the signature lines at its foot; then the
answers from home, the figures for the options named, and the numbered sources. At most
``MAX_PAGES`` pages, whatever a record holds: free text that will not fit ends with the
summary's "continued on the screen" sentence, and figures that will not fit are replaced by one
line that says where they are. No text is smaller than ``MIN_PT``.

Icon arrays are drawn as circles from ``decision.compare.icon_array.icon_cells`` (never a screenshot:
rasterising plotly needs a browser on the server). The bundled DejaVu Sans fonts print most
characters; one they cannot draw prints as a visible replacement mark (U+FFFD), never dropped.
All text goes through ``cell`` (never Markdown), so "**x**" or "<b>x</b>" prints as typed.
Output is deterministic for a given record, content and day.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from decision.compare.icon_array import GRID, UNAFFECTED
from decision.content import Content
from decision.output.summary import (
    Bullets,
    FigureBlock,
    Item,
    OptionFigures,
    Paragraph,
    Section,
    Summary,
    Table,
    build_summary,
)
from decision.record import DecisionRecord
from decision.version import app_version

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
FONT = "DejaVu"
MAX_PAGES = 3
MIN_PT = 9  # nothing smaller: read at arm's length
BODY, SMALL, HEADING, TITLE = 10, 9, 11.5, 15  # font sizes, pt
FIG_TEXT = 9.5  # pt, a figure's sentence
MM_PER_PT = 0.42  # line height per pt of font size (10 pt -> 4.2 mm)
MARGIN = 14  # mm
FOOTER_ROOM = 10  # mm kept free at the foot of each page for the footer
LABEL_WIDTH = 56  # mm, the label column of label-and-value lines
ICON_PITCH, ICON_RADIUS = 1.8, 0.72  # mm: a 10 x 10 icon array is 18 mm square
ALERT_RGB, ALERT_FILL = (176, 0, 32), (253, 236, 238)
RULE_RGB, MUTED_RGB = (150, 160, 170), (70, 70, 70)
REPLACEMENT = "\ufffd"  # drawn where the font has no glyph

# How many lines a piece of free text may take on page 1 before it is cut.
FREE_LINES = {"Confirmed diagnosis": 2, "Imaging findings": 2, "Surgeon's notes": 2}
FREE_LINES_DEFAULT = 2
LIST_LINES = {"values": 3, "questions": 5}  # all the patient's own concerns / questions together
TABLE_ROWS = 12  # rows of the treatments table
SIGNATURES_H = 20  # mm at the foot of page 1: the heading, room to sign, the lines and their words


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _h(size: float) -> float:
    return size * MM_PER_PT


class _SummaryPDF(FPDF):
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
        cmap = self.current_font.cmap if self.current_font else {}  # type: ignore[union-attr]  # only TTF fonts are set (_start)
        return "".join(c if ord(c) in cmap or c in "\n\r\t" else REPLACEMENT for c in text)

    def footer(self) -> None:
        self.set_y(-FOOTER_ROOM + 1)
        self.set_font(FONT, "", SMALL)
        self.set_text_color(*MUTED_RGB)
        self.cell(0, 4, f"{self.footer_text} · page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def build_pdf(record: DecisionRecord, content: Content, today: date | None = None,
              unique_id: str | None = None) -> bytes:
    """The summary as a PDF. ``unique_id`` (hex digits), when given, is the file's /ID: the page
    passes a random one, so that no one can compute the bytes of a patient's PDF, nor the address
    the server serves it at (issue 21). Without it the same record gives the same bytes."""
    if unique_id is not None and not re.fullmatch(r"[0-9A-Fa-f]{2,64}", unique_id):
        raise ValueError("unique_id must be 2 to 64 hex digits")
    summary = build_summary(record, content, today)
    # Balance by construction: every option's rows get the same number of figures on paper.
    # Try the most that could be drawn, then one fewer per row, until all that are allowed fit.
    figures = _figures(summary)
    per_row: dict[tuple[str, str], list[FigureBlock]] = {}
    for option_id, fig in figures:
        per_row.setdefault((option_id, fig.row), []).append(fig)
    most = max((len(v) for v in per_row.values()), default=0)
    layout = _start(summary)
    layout.pdf.unique_id = unique_id
    layout.page_one()
    layout.the_answers()
    here = layout.checkpoint()
    chosen: tuple[set[str], tuple[str, ...], bool] = (set(), summary.citation_ids, most > 0)
    for cap in range(most, -1, -1):
        allowed = {f.figure_id for group in per_row.values() for f in group[:cap]}
        on_paper = {f.source_id for _, f in figures if f.figure_id in allowed}
        cited = tuple(c for c in summary.citation_ids if c in summary.text_source_ids or c in on_paper)
        layout.restore(here)
        layout.allowed, layout.cited, layout.left_out = allowed, cited, cap < most
        layout.dry = layout.simulate = True  # lay the rest out without drawing, to see if it fits
        layout.figures_and_sources()
        layout.dry = layout.simulate = False
        if not layout.overflow:
            chosen = (allowed, cited, cap < most)
            break
    layout.restore(here)
    layout.allowed, layout.cited, layout.left_out = chosen
    layout.figures_and_sources()
    return bytes(layout.pdf.output())


def _figures(summary: Summary) -> list[tuple[str, FigureBlock]]:
    """(option id, figure) for every figure the summary holds, in order."""
    out: list[tuple[str, FigureBlock]] = []
    for section in summary.part("figures"):
        for block in section.blocks:
            if isinstance(block, OptionFigures):
                out += [(block.option_id, f) for f in block.figures]
            elif isinstance(block, FigureBlock):
                out.append(("", block))
    return out


def _start(summary: Summary) -> _Layout:
    pdf = _SummaryPDF(format="A4")
    pdf.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_title(f"{summary.title}: {summary.aid_name}")
    pdf.set_subject("Summary of a shared decision about lumbar spine surgery")
    pdf.set_creator(summary.aid_name)
    pdf.set_lang("en")
    made = summary.made_on
    pdf.set_creation_date(datetime(made.year, made.month, made.day, tzinfo=UTC))
    pdf.footer_text = f"{summary.aid_name} · content version {summary.content_version}"
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(False)  # every page break is ours, so the page count stays bounded
    pdf.add_page()
    return _Layout(pdf, summary, summary.citation_ids, set())


# ---------------------------------------------------------------- text


def wrap(pdf: _SummaryPDF, text: str, width: float) -> list[str]:
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


def clip(pdf: _SummaryPDF, lines: list[str], max_lines: int, width: float, continued: str) -> list[str]:
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
class _Layout:
    """Draws the summary page by page; never makes more than MAX_PAGES pages."""

    pdf: _SummaryPDF
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

    def __post_init__(self) -> None:
        self.page_bottom = self.pdf.h - FOOTER_ROOM - 2
        self.bottom = self.page_bottom

    # ------------------------------------------------------------ room on the page

    def checkpoint(self) -> tuple:
        return (self.pdf.get_y(), self.pdf.page_no(), self.full, len(self.drawn))

    def restore(self, state: tuple) -> None:
        y, page, self.full, drawn = state
        self.pdf.set_y(y)
        self.virtual_page = page
        del self.drawn[drawn:]
        self.overflow = False

    def page_no(self) -> int:
        return self.virtual_page if self.simulate else self.pdf.page_no()

    def add_page(self) -> None:
        if self.simulate:
            self.virtual_page += 1
            self.pdf.set_y(self.pdf.t_margin)
        else:
            self.pdf.add_page()

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
        if self.page_no() >= 2 and self.page_no() < MAX_PAGES:
            self.add_page()
            if self.room(h):
                return True
        self.full = True
        return False

    def space_left(self) -> float:
        """mm left from here to the end of the last page allowed (a page turn wastes a little)."""
        here = max(self.bottom - self.pdf.get_y(), 0)
        pages_after = MAX_PAGES - self.page_no()
        return here + pages_after * (self.page_bottom - MARGIN)

    # ------------------------------------------------------------ drawing text

    def font(self, size: float = BODY, bold: bool = False) -> None:
        self.pdf.set_font(FONT, "B" if bold else "", size)

    def lines(self, lines: list[str], *, x: float, width: float, size: float) -> bool:
        if self.dry and not self.simulate:  # measuring a section: no page bounds
            self.pdf.set_y(self.pdf.get_y() + len(lines) * _h(size))
            return True
        for line in lines:
            if not self.need(_h(size)):
                return False
            if self.dry:
                self.pdf.set_y(self.pdf.get_y() + _h(size))
            else:
                self.pdf.set_x(x)
                self.pdf.cell(width, _h(size), line, new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.pdf.set_x(self.pdf.l_margin)
        return True

    def text(self, text: str, *, size: float = BODY, bold: bool = False, indent: float = 0,
             max_lines: int | None = None) -> bool:
        self.font(size, bold)
        width = self.pdf.epw - indent
        lines = wrap(self.pdf, text, width)
        if max_lines is not None:
            lines = clip(self.pdf, lines, max_lines, width, self.s.continued)
        return self.lines(lines, x=self.pdf.l_margin + indent, width=width, size=size)

    def heading(self, title: str) -> None:
        if not self.need(_h(HEADING) + 2 + _h(BODY)):  # keep a heading with a line of its section
            return
        self.pdf.ln(1.2)
        self.text(title, size=HEADING, bold=True)
        if not self.dry:
            self.pdf.set_draw_color(*RULE_RGB)
            self.pdf.set_line_width(0.2)
            self.pdf.line(self.pdf.l_margin, self.pdf.get_y(), self.pdf.w - self.pdf.r_margin, self.pdf.get_y())
        self.pdf.ln(0.8)

    def item(self, item: Item, max_lines: int | None = None) -> None:
        """A label and its value side by side; typed text is cut to ``max_lines`` lines."""
        pdf = self.pdf
        value_w = pdf.epw - LABEL_WIDTH
        self.font(BODY, bold=True)
        label = wrap(pdf, item.label, LABEL_WIDTH)
        self.font(BODY)
        value = wrap(pdf, item.value, value_w)
        if max_lines is not None:
            value = clip(pdf, value, max_lines, value_w, self.s.continued)
        h = max(len(label), len(value)) * _h(BODY) + 0.6
        if not self.need(h):
            return
        top = pdf.get_y()
        self.font(BODY, bold=True)
        self.lines(label, x=pdf.l_margin, width=LABEL_WIDTH, size=BODY)
        pdf.set_y(top)
        self.font(BODY)
        self.lines(value, x=pdf.l_margin + LABEL_WIDTH, width=value_w, size=BODY)
        pdf.set_y(top + h)

    def bullets(self, block: Bullets, max_lines: int | None = None) -> None:
        """A list; for the patient's own texts, each item at most 2 lines, all at most ``max_lines``."""
        used = 0
        width = self.pdf.epw - 3
        for i, text in enumerate(block.items, start=1):
            self.font(BODY)
            lines = wrap(self.pdf, (f"{i}. " if block.numbered else "• ") + text, width)
            if block.free:
                lines = clip(self.pdf, lines, 2, width, self.s.continued)
            if max_lines is not None and used + len(lines) > max_lines:
                self.text(self.s.continued, indent=3)
                return
            used += len(lines)
            self.lines(lines, x=self.pdf.l_margin + 3, width=width, size=BODY)

    # ------------------------------------------------------------ page 1

    def page_one(self) -> None:
        """The header, the clinic's blank lines, the chart sections, and the signature lines."""
        s, pdf = self.s, self.pdf
        self.bottom = self.page_bottom - SIGNATURES_H - _h(BODY)  # room kept for the signatures
        self.text(f"{s.title}: {s.aid_name}", size=TITLE, bold=True)
        self.text(
            f"App version {app_version()}. Content version {s.content_version}, reviewed {s.content_date}. "
            f"Summary made on {s.made_on.isoformat()}. Patient initials: {s.initials}.",
            size=SMALL,
        )
        self._id_lines()
        for section in s.part("chart"):
            if section.alert:
                self._alert(section)
            elif self.deferred or pdf.get_y() + self._height(section) > self.bottom:
                self.deferred.append(section)  # it and all after it go to the top of page 2, in order
            else:
                self._chart_section(section)
        if self.deferred and not self.text(s.overleaf, bold=True):
            # No room left (an alert listing every sign fills the page): the line kept for a last
            # word says where the rest is, which matters more than that something was cut.
            self.bottom += _h(BODY)
            self.full = False
            self.text(s.overleaf, bold=True)
        elif self.full:  # only a record far larger than any visit: say so, never grow the page
            self.bottom += _h(BODY)
            self.full = False
            self.text(s.continued)
        self.bottom = self.page_bottom
        self._signatures()
        self.full = False

    def _height(self, section: Section) -> float:
        """How much of the page ``section`` takes, measured without drawing it."""
        top = self.pdf.get_y()
        self.dry = True
        try:
            self._chart_section(section)
            return self.pdf.get_y() - top
        finally:
            self.dry = False
            self.pdf.set_y(top)

    def _id_lines(self) -> None:
        s, pdf = self.s, self.pdf
        pdf.ln(1)
        top = pdf.get_y()
        box_h = 7.5 * len(s.id_lines) + _h(SMALL) + 3
        pdf.set_draw_color(*RULE_RGB)
        pdf.set_line_width(0.3)
        pdf.rect(pdf.l_margin, top, pdf.epw, box_h)
        pdf.set_xy(pdf.l_margin + 2, top + 1)
        self.font(SMALL)
        pdf.cell(pdf.epw - 4, _h(SMALL), s.id_note, new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_draw_color(0, 0, 0)
        for label in s.id_lines:
            y = pdf.get_y() + 3
            pdf.set_xy(pdf.l_margin + 2, y)
            self.font(BODY, bold=True)
            pdf.cell(36, _h(BODY), label)
            pdf.line(pdf.l_margin + 40, y + _h(BODY), pdf.w - pdf.r_margin - 4, y + _h(BODY))
            pdf.set_y(y + _h(BODY) + 0.3)
        pdf.set_y(top + box_h + 1)

    def _alert(self, section: Section) -> None:
        pdf = self.pdf
        pdf.ln(1)
        pdf.set_draw_color(*ALERT_RGB)
        pdf.set_fill_color(*ALERT_FILL)
        pdf.set_line_width(0.8)
        pdf.set_text_color(*ALERT_RGB)
        self.font(HEADING + 1, bold=True)
        pdf.multi_cell(0, 7, section.title, border="LTR", fill=True, markdown=False, padding=(2, 3, 0, 3),
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0, 0, 0)
        lines = [b.text for b in section.blocks if isinstance(b, Paragraph)]
        lines += [f"• {t}" for b in section.blocks if isinstance(b, Bullets) for t in b.items]
        self.font(BODY + 1)
        pdf.multi_cell(0, 5, "\n".join(lines), border="LBR", fill=True, markdown=False, padding=(1, 3, 2, 3),
                       align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_line_width(0.2)
        pdf.set_fill_color(0)
        pdf.ln(1)

    def _chart_section(self, section: Section) -> None:
        self.heading(section.title)
        budget = LIST_LINES.get(section.id)
        for block in section.blocks:
            if isinstance(block, Item):
                limit = FREE_LINES.get(block.label, FREE_LINES_DEFAULT) if block.free else None
                self.item(block, limit)
            elif isinstance(block, Bullets):
                self.bullets(block, budget)
            elif isinstance(block, Paragraph):
                self.text(block.text, bold=block.strong, max_lines=2 if block.free else None)

    def _signatures(self) -> None:
        """Side by side, one signer each: room to sign above a line, the words under it, and a date."""
        pdf = self.pdf
        pdf.set_y(max(pdf.get_y(), self.page_bottom - SIGNATURES_H))
        self.heading("Signatures")
        pdf.set_draw_color(0, 0, 0)
        line_y = pdf.get_y() + 10  # room to sign
        col_w = pdf.epw / len(self.s.signatures)
        for n, who in enumerate(self.s.signatures):
            x = pdf.l_margin + n * col_w
            sign_w, date_w = col_w * 0.62, col_w * 0.28
            pdf.line(x, line_y, x + sign_w, line_y)
            pdf.line(x + sign_w + 3, line_y, x + sign_w + 3 + date_w, line_y)
            self.font(SMALL)
            pdf.set_xy(x, line_y + 0.5)
            pdf.cell(sign_w, _h(SMALL), f"{who} signature")
            pdf.set_xy(x + sign_w + 3, line_y + 0.5)
            pdf.cell(date_w, _h(SMALL), "Date")
        pdf.set_y(line_y + 0.5 + _h(SMALL))

    # ------------------------------------------------------------ pages 2 and 3

    def the_answers(self) -> None:
        s, pdf = self.s, self.pdf
        pdf.add_page()
        for section in self.deferred:
            self._chart_section(section)
        for section in s.part("answers"):
            self.heading(section.title)
            for block in section.blocks:
                if isinstance(block, Item) and block.line:
                    continue  # the detail after it is printed in full
                if isinstance(block, Item):
                    self.item(block, FREE_LINES_DEFAULT if block.free else None)
                elif isinstance(block, Paragraph):
                    self.text(block.text, bold=block.strong)
                elif isinstance(block, Bullets):  # only typed lists are cut; content's lists print whole
                    self.bullets(block, LIST_LINES["questions"] if block.free else None)
                elif isinstance(block, Table):
                    self._table(block)

    def figures_and_sources(self) -> None:
        s = self.s
        sources_h = self._citations_height()
        for section in s.part("figures"):
            self.heading(section.title)
            for block in section.blocks:
                if isinstance(block, Item):
                    self.item(block)
                elif isinstance(block, OptionFigures):
                    self._option_figures(block, sources_h)
                elif isinstance(block, FigureBlock):
                    self._figure_rows([block], sources_h)
            if self.left_out and s.more_numbers:
                self.full = False
                self.text(s.more_numbers, bold=True)
        self._citations()

    def _table(self, block: Table) -> None:
        pdf = self.pdf
        widths = (80, 22, 22, pdf.epw - 124)
        rows = list(block.rows)
        extra = len(rows) > TABLE_ROWS
        rows = rows[:TABLE_ROWS]
        pdf.set_draw_color(*RULE_RGB)
        pdf.set_line_width(0.2)
        for n, values in enumerate((block.header, *rows)):
            self.font(BODY, bold=n == 0)
            cells = [wrap(pdf, v, w) for v, w in zip(values, widths, strict=True)]
            h = max(len(c) for c in cells) * _h(BODY) + 1
            if not self.need(h):
                return
            top, x = pdf.get_y(), pdf.l_margin
            for lines, w in zip(cells, widths, strict=True):
                pdf.set_y(top)
                self.lines(lines, x=x, width=w, size=BODY)
                x += w
            pdf.set_y(top + h)
            pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        if extra:
            self.text(self.s.continued)

    # ------------------------------------------------------------ figures

    def _option_figures(self, block: OptionFigures, sources_h: float) -> bool:
        """An option's name, then its figures under their row's title ("Chance of benefit")."""
        figures = [f for f in block.figures if f.figure_id in self.allowed]
        if block.whole:  # a comparison's arms go together: one side alone is never printed
            def _of(f: FigureBlock) -> str:
                return f.figure_id.split(".")[0]
            kept = {f.figure_id for f in figures}
            figures = [f for f in figures if all(g.figure_id in kept for g in block.figures if _of(g) == _of(f))]
        if not figures:
            return not block.figures
        rows = list(dict.fromkeys(f.row for f in figures))
        for n, row in enumerate(rows):
            group = [f for f in figures if f.row == row]
            # keep the option's name and the row's title with the row's first figures
            h = (_h(BODY + 1) + 1 if n == 0 else 0) + _h(SMALL) + self._pair_height(group[:2])
            if self.full or not self._room_for(h, sources_h) or not self.need(h):
                self.overflow = self.left_out = True
                return False
            if n == 0:
                self.pdf.ln(1)
                self.text(block.name, bold=True, size=BODY + 1)
            self.text(row, size=SMALL, bold=True)
            if not self._figure_rows(group, sources_h):
                return False
        return True

    def _room_for(self, h: float, sources_h: float) -> bool:
        """Room for ``h`` mm here (or on a new page) with the sources still fitting after it."""
        if self.room(h):
            after = self.space_left() - h
        elif self.page_no() < MAX_PAGES:
            after = (MAX_PAGES - self.page_no()) * (self.page_bottom - MARGIN) - h
        else:
            return False
        return after >= sources_h + _h(BODY) * 3  # and a line to say what was left off

    def _text_width(self) -> tuple[float, float, float]:
        """(column width, icon array width, text width) of a figure, in mm."""
        col_w = self.pdf.epw / 2
        array_w = GRID * ICON_PITCH + 2.5
        return col_w, array_w, col_w - array_w - 2

    def _pair_height(self, pair: list[FigureBlock]) -> float:
        text_w = self._text_width()[2]
        blocks = [self._figure_lines(f, text_w) for f in pair]
        return max(GRID * ICON_PITCH, *(sum(_h(size) * len(lines) for lines, _, size in b) for b in blocks)) + 2

    def _figure_rows(self, figures: list[FigureBlock], sources_h: float) -> bool:
        """Figures two to a row: the icon array, and beside it the words, who it applies to and
        the source. False if some did not fit."""
        pdf = self.pdf
        col_w, array_w, text_w = self._text_width()
        for start in range(0, len(figures), 2):
            pair = figures[start : start + 2]
            blocks = [self._figure_lines(f, text_w) for f in pair]
            height = self._pair_height(pair)
            if not self._room_for(height, sources_h) or not self.need(height):
                self.overflow = self.left_out = True
                return False
            top = pdf.get_y()
            for i, (fig, lines) in enumerate(zip(pair, blocks, strict=True)):
                x = pdf.l_margin + i * col_w
                if not self.dry:
                    self._icon_array(fig.cells, x, top + 0.5, fig.colour)
                pdf.set_y(top)
                for text_lines, style, size in lines:
                    self.font(size, bold=style == "B")
                    self.lines(text_lines, x=x + array_w, width=text_w, size=size)
                self.drawn.append(fig.figure_id)
            pdf.set_xy(pdf.l_margin, top + height)
        return True

    def _figure_lines(self, fig: FigureBlock, width: float) -> list[tuple[list[str], str, float]]:
        number = self.cited.index(fig.source_id) + 1 if fig.source_id in self.cited else None
        source = f"Source [{number}]." if number else fig.source
        out = []
        for text, style, size in ((fig.sentence, "B", FIG_TEXT), (f"{fig.population} {source} {fig.note}", "", SMALL)):
            self.font(size, bold=style == "B")
            out.append((wrap(self.pdf, text, width), style, size))
        return out

    def _icon_array(self, cells: tuple[bool, ...], x: float, y: float, affected_colour: str) -> None:
        """Cell 0 is bottom left, filled row by row upward, as on screen."""
        pdf = self.pdf
        colour = None  # no cells (a "context" figure): nothing to draw
        for i, affected in enumerate(cells):
            col, row_from_bottom = i % GRID, i // GRID
            if affected is not colour:  # the cells are grouped, so the colour changes once or twice
                colour = affected
                pdf.set_fill_color(*_rgb(affected_colour if affected else UNAFFECTED))
            cx = x + col * ICON_PITCH + (ICON_PITCH / 2 - ICON_RADIUS)
            cy = y + (GRID - 1 - row_from_bottom) * ICON_PITCH + (ICON_PITCH / 2 - ICON_RADIUS)
            pdf.circle(cx, cy, ICON_RADIUS, style="F")  # fpdf2 >= 2.8.1: x, y are the bounding box's top left
        pdf.set_fill_color(0)  # back to the default, so no later table paints its cells

    # ------------------------------------------------------------ sources

    def _citation_lines(self) -> list[list[str]]:
        self.font(SMALL)
        text = dict(zip(self.s.citation_ids, self.s.citations, strict=True))
        return [wrap(self.pdf, f"{i}. {text[c]}", self.pdf.epw) for i, c in enumerate(self.cited, start=1)]

    def _citations_height(self) -> float:
        if not self.cited:
            return 0.0
        return _h(HEADING) + 4 + sum(len(lines) for lines in self._citation_lines()) * _h(SMALL)

    def _citations(self) -> None:
        if not self.cited:
            return
        self.full = False
        self.heading("Sources")
        for lines in self._citation_lines():
            self.font(SMALL)
            if not self.lines(lines, x=self.pdf.l_margin, width=self.pdf.epw, size=SMALL):
                return
