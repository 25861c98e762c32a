"""The blocks every page draws: a paragraph, a heading, a label and its value, a list, a chart section.

``Blocks`` adds to ``Layout`` the drawing of the summary's generic blocks (``Item``, ``Bullets``,
``Paragraph``) line by line, with typed text cut to the lines it may take (``FREE_LINES_DEFAULT``,
``LIST_LINES``; the surgeon's notes are never cut) and the summary's "continued" sentence where it
was cut. A chart section is drawn here because page one draws it and page two draws the ones page one had no room for.
"""

from __future__ import annotations

from fpdf.enums import XPos, YPos

from decision.output.pdf.layout import BODY, FONT, HEADING, LABEL_WIDTH, RULE_RGB, Layout, clip, line_h, wrap
from decision.output.summary import Bullets, Item, Paragraph, Section

# How many lines a piece of free text may take on page 1 before it is cut; an ``Item`` marked
# ``whole`` (the surgeon's notes) is never cut: page one continues it on the next page.
FREE_LINES_DEFAULT = 2
LIST_LINES = {"values": 3, "questions": 5}  # all the patient's own concerns / questions together


class Blocks(Layout):
    """The summary's own blocks (a label and its value, a list, a paragraph) and a chart section of
    them, each moving down the page and turning it when one is left."""

    def font(self, size: float = BODY, bold: bool = False) -> None:
        self.pdf.set_font(FONT, "B" if bold else "", size)

    def lines(self, lines: list[str], *, x: float, width: float, size: float) -> bool:
        if self.dry and not self.simulate:  # measuring a section: no page bounds
            self.pdf.set_y(self.pdf.get_y() + len(lines) * line_h(size))
            return True
        for line in lines:
            if not self.need(line_h(size)):
                return False
            if self.dry:
                self.pdf.set_y(self.pdf.get_y() + line_h(size))
            else:
                self.pdf.set_x(x)
                self.pdf.cell(width, line_h(size), line, new_x=XPos.LEFT, new_y=YPos.NEXT)
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
        if not self.need(line_h(HEADING) + 2 + line_h(BODY)):  # keep a heading with a line of its section
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
        h = max(len(label), len(value)) * line_h(BODY) + 0.6
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

    def _chart_section(self, section: Section) -> None:
        self.heading(section.title)
        budget = LIST_LINES.get(section.id)
        for block in section.blocks:
            if isinstance(block, Item):
                limit = FREE_LINES_DEFAULT if block.free and not block.whole else None
                self.item(block, limit)
            elif isinstance(block, Bullets):
                self.bullets(block, budget)
            elif isinstance(block, Paragraph):
                self.text(block.text, bold=block.strong, max_lines=2 if block.free else None)
