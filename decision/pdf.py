"""The printable summary: an A4 PDF drawn with fpdf2 from the same ``Summary`` as the screen.

Icon arrays are drawn as circles from ``decision.icon_array.icon_cells`` (never a screenshot:
rasterising plotly needs a browser on the server). The bundled DejaVu Sans fonts print every
character ("≥", "–", accents, curly quotes). Free text is written with ``markdown=False``, so
"**x**" or "<b>x</b>" typed by a patient prints as typed. Output is deterministic for a given
record, content and day.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from fpdf import FPDF, FontFace
from fpdf.enums import TableBordersLayout, TableCellFillMode, XPos, YPos

from decision.content import Content
from decision.icon_array import AFFECTED, GRID, UNAFFECTED
from decision.record import DecisionRecord
from decision.summary import (
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

FONT_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"
FONT = "DejaVu"
MARGIN = 15  # mm
BODY, SMALL, TINY, HEADING, TITLE = 8.5, 7.5, 6.5, 10.5, 14  # font sizes, pt
LINE = 3.9  # mm per body line
LABEL_WIDTH = 52  # mm, the label column of label-and-value lines
ICON_PITCH, ICON_RADIUS = 1.35, 0.52  # mm: a 10 x 10 icon array is 13.5 mm square
FIG_TEXT, FIG_SMALL = 7, 6  # pt
FIG_LINE = 0.40  # mm of line height per pt of font size
CITATION = 6  # pt, the words beside an icon array
ALERT_RGB, ALERT_FILL = (176, 0, 32), (253, 236, 238)
RULE_RGB, MUTED_RGB = (150, 160, 170), (80, 80, 80)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


class _SummaryPDF(FPDF):
    footer_text = ""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.word_widths: dict[tuple, float] = {}  # for wrap(): each word is measured once per font

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font(FONT, "", TINY)
        self.set_text_color(*MUTED_RGB)
        self.cell(0, 4, f"{self.footer_text} · page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def build_pdf(record: DecisionRecord, content: Content, today: date | None = None) -> bytes:
    summary = build_summary(record, content, today)
    pdf = _SummaryPDF(format="A4")
    pdf.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_title(f"{summary.title}: {summary.aid_name}")
    pdf.set_subject("Summary of a shared decision about lumbar spine surgery")
    pdf.set_creator(summary.aid_name)
    pdf.set_lang("en")
    made = summary.made_on
    pdf.set_creation_date(datetime(made.year, made.month, made.day, tzinfo=timezone.utc))
    pdf.footer_text = f"{summary.aid_name} · content version {summary.content_version}"
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    _header(pdf, summary)
    for section in summary.sections:
        _section(pdf, section, summary)
    _signatures(pdf, summary)
    _citations(pdf, summary)
    return bytes(pdf.output())


# ---------------------------------------------------------------- pieces


def wrap(pdf: "_SummaryPDF", text: str, width: float) -> list[str]:
    """Break ``text`` into the lines of a ``width`` mm wide cell, in the current font.

    Why not multi_cell: fpdf2 2.8.9 re-measures the whole line for every character it adds,
    which made the summary take over a second. This measures each word once. A word wider than
    the line (a long web address) is cut where it reaches the edge.
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
            if line:
                lines.append(line)
            while word_w > width and len(word) > 1:
                cut, used = 0, 0.0
                while cut < len(word) - 1 and used + measure(word[cut]) <= width:
                    used += measure(word[cut])
                    cut += 1
                lines.append(word[: max(cut, 1)])
                word = word[max(cut, 1) :]
                word_w = measure(word)
            line, line_w = word, word_w
        lines.append(line)
    return lines


def _lines(pdf: FPDF, text: str, *, x: float, width: float, h: float) -> None:
    """Write wrapped text line by line from (x, current y); each line breaks the page if it must."""
    for line in wrap(pdf, text, width):
        pdf.set_x(x)
        pdf.cell(width, h, line, new_x=XPos.LEFT, new_y=YPos.NEXT)  # cell text is never markdown


def _text(pdf: FPDF, text: str, *, size: float = BODY, bold: bool = False, h: float = LINE, indent: float = 0) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)
    _lines(pdf, text, x=pdf.l_margin + indent, width=pdf.epw - indent, h=h)
    pdf.set_x(pdf.l_margin)


def _header(pdf: FPDF, s: Summary) -> None:
    _text(pdf, s.title, size=TITLE, bold=True, h=7)
    _text(pdf, s.aid_name, size=BODY, bold=True)
    _text(
        pdf,
        f"Content version {s.content_version}, reviewed {s.content_date}. Summary made on {s.made_on.isoformat()}. "
        f"Patient initials: {s.initials}.",
        size=SMALL,
    )
    pdf.ln(1)


def _default_fill(pdf: FPDF) -> None:
    """Back to fpdf2's default fill colour. Any other colour, even white, makes its tables paint
    every cell's background in it (a table's style starts from the current fill colour)."""
    pdf.set_fill_color(0)


def _heading(pdf: FPDF, title: str) -> None:
    if pdf.will_page_break(14):  # keep a heading with at least a line of its section
        pdf.add_page()
    pdf.ln(1.5)
    _text(pdf, title, size=HEADING, bold=True, h=5)
    pdf.set_draw_color(*RULE_RGB)
    pdf.set_line_width(0.2)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(1.2)


def _section(pdf: FPDF, section: Section, summary: Summary) -> None:
    if section.alert:
        _alert(pdf, section)
        return
    _heading(pdf, section.title)
    items: list[Item] = []
    for block in section.blocks:
        if isinstance(block, Item):
            items.append(block)
            continue
        _items(pdf, items)
        items = []
        _block(pdf, block, summary)
    _items(pdf, items)


def _alert(pdf: FPDF, section: Section) -> None:
    pdf.set_draw_color(*ALERT_RGB)
    pdf.set_fill_color(*ALERT_FILL)
    pdf.set_line_width(0.8)
    pdf.set_text_color(*ALERT_RGB)
    pdf.set_font(FONT, "B", HEADING + 1)
    pdf.multi_cell(0, 7, section.title, border="LTR", fill=True, markdown=False, padding=(2, 3, 0, 3),
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    lines = [b.text for b in section.blocks if isinstance(b, Paragraph)]
    lines += [f"• {t}" for b in section.blocks if isinstance(b, Bullets) for t in b.items]
    pdf.set_font(FONT, "", BODY + 1)
    pdf.multi_cell(0, 5, "\n".join(lines), border="LBR", fill=True, markdown=False, padding=(1, 3, 2, 3), align="L",
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_line_width(0.2)
    _default_fill(pdf)
    pdf.ln(2)


def _items(pdf: FPDF, items: list[Item]) -> None:
    """Label-and-value lines, as a borderless two-column table (it wraps and breaks pages cleanly)."""
    if not items:
        return
    pdf.set_font(FONT, "", BODY)
    _default_fill(pdf)
    with pdf.table(
        col_widths=(LABEL_WIDTH, pdf.epw - LABEL_WIDTH),
        first_row_as_headings=False,
        borders_layout=TableBordersLayout.NONE,
        line_height=LINE,
        padding=(0.4, 1, 0.4, 0),
        text_align="LEFT",
        markdown=False,
        cell_fill_mode=TableCellFillMode.NONE,
    ) as table:
        for item in items:
            row = table.row()
            row.cell(item.label, style=FontFace(emphasis="BOLD"))
            row.cell(item.value)


def _block(pdf: FPDF, block, summary: Summary) -> None:
    if isinstance(block, Paragraph):
        _text(pdf, block.text, bold=block.strong)
    elif isinstance(block, Bullets):
        for i, text in enumerate(block.items, start=1):
            _text(pdf, f"{i}. {text}" if block.numbered else f"• {text}", indent=3)
    elif isinstance(block, Table):
        _table(pdf, block)
    elif isinstance(block, OptionFigures):
        _option_figures(pdf, block, summary)
    elif isinstance(block, FigureBlock):
        _figure_grid(pdf, [block], summary)


def _table(pdf: FPDF, block: Table) -> None:
    pdf.set_font(FONT, "", BODY)
    _default_fill(pdf)
    pdf.set_draw_color(*RULE_RGB)
    with pdf.table(
        col_widths=(80, 25, 25, 50),
        headings_style=FontFace(emphasis="BOLD"),
        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
        line_height=LINE,
        padding=(0.6, 1),
        text_align="LEFT",
        markdown=False,
        cell_fill_mode=TableCellFillMode.NONE,
    ) as table:
        for values in (block.header, *block.rows):
            row = table.row()
            for v in values:
                row.cell(v)
    pdf.ln(1)


def _option_figures(pdf: FPDF, block: OptionFigures, summary: Summary) -> None:
    if pdf.will_page_break(GRID * ICON_PITCH + 9):
        pdf.add_page()
    pdf.ln(1)
    _text(pdf, block.name, bold=True, size=BODY + 0.5)
    _figure_grid(pdf, list(block.figures), summary)


def _figure_grid(pdf: FPDF, figures: list[FigureBlock], summary: Summary) -> None:
    """Figures two to a row: the icon array, and beside it the words, who it applies to and the source."""
    col_w = pdf.epw / 2
    array_w = GRID * ICON_PITCH + 2
    text_w = col_w - array_w - 3
    for start in range(0, len(figures), 2):
        pair = figures[start : start + 2]
        # A number with no icon array (a gap between groups, a score) needs only its words' height.
        height = max(max(GRID * ICON_PITCH if f.cells else 0, _figure_text_height(pdf, f, summary, text_w))
                     for f in pair) + 1.8
        if pdf.will_page_break(height):
            pdf.add_page()
        top = pdf.get_y()
        for i, fig in enumerate(pair):
            x = pdf.l_margin + i * col_w
            _icon_array(pdf, fig.cells, x, top + 0.5)
            _figure_text(pdf, fig, summary, x + array_w, top, text_w)
        pdf.set_xy(pdf.l_margin, top + height)


def _figure_lines(fig: FigureBlock, summary: Summary) -> list[tuple[str, str, float]]:
    number = summary.citation_number(fig.source_id)
    source = f"Source [{number}]." if number else fig.source
    return [
        (fig.row, "", FIG_SMALL),
        (fig.sentence, "B", FIG_TEXT),
        (f"{fig.population} {source} {fig.note}", "", FIG_SMALL),
    ]


def _figure_text_height(pdf: FPDF, fig: FigureBlock, summary: Summary, width: float) -> float:
    total = 0.0
    for text, style, size in _figure_lines(fig, summary):
        pdf.set_font(FONT, style, size)
        total += len(wrap(pdf, text, width)) * size * FIG_LINE
    return total


def _figure_text(pdf: FPDF, fig: FigureBlock, summary: Summary, x: float, y: float, width: float) -> None:
    pdf.set_xy(x, y)
    for text, style, size in _figure_lines(fig, summary):
        pdf.set_font(FONT, style, size)
        _lines(pdf, text, x=x, width=width, h=size * FIG_LINE)


def _icon_array(pdf: FPDF, cells: tuple[bool, ...], x: float, y: float) -> None:
    """Cell 0 is bottom left, filled row by row upward, as on screen."""
    colour = None  # no cells (a "context" figure): nothing to draw
    for i, affected in enumerate(cells):
        col, row_from_bottom = i % GRID, i // GRID
        if affected is not colour:  # the cells are grouped, so the colour changes once or twice
            colour = affected
            pdf.set_fill_color(*_rgb(AFFECTED if affected else UNAFFECTED))
        cx = x + col * ICON_PITCH + (ICON_PITCH / 2 - ICON_RADIUS)
        cy = y + (GRID - 1 - row_from_bottom) * ICON_PITCH + (ICON_PITCH / 2 - ICON_RADIUS)
        pdf.circle(cx, cy, ICON_RADIUS, style="F")  # fpdf2 >= 2.8.1: x, y are the bounding box's top left
    _default_fill(pdf)


def _signatures(pdf: FPDF, s: Summary) -> None:
    height = 14 * len(s.signatures) + 12
    if pdf.will_page_break(height):
        pdf.add_page()
    _heading(pdf, "Signatures")
    pdf.set_draw_color(0, 0, 0)
    for who in s.signatures:
        pdf.ln(7)
        y = pdf.get_y()
        pdf.set_font(FONT, "", BODY)
        pdf.set_x(pdf.l_margin)
        pdf.cell(38, LINE, f"{who} signature")
        pdf.line(pdf.l_margin + 38, y + LINE, pdf.l_margin + 118, y + LINE)
        pdf.set_x(pdf.l_margin + 124)
        pdf.cell(12, LINE, "Date")
        pdf.line(pdf.l_margin + 136, y + LINE, pdf.w - pdf.r_margin, y + LINE)
        pdf.set_y(y + LINE + 1)


def _citations(pdf: FPDF, s: Summary) -> None:
    if not s.citations:
        return
    _heading(pdf, "Sources")
    for i, citation in enumerate(s.citations, start=1):
        _text(pdf, f"{i}. {citation}", size=CITATION, h=2.6)
