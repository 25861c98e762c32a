"""Page one of the printable summary, the page that goes in the chart.

``PageOne`` draws the title and versions, the box of blank lines for the clinic's own label, the
chart sections in the summary's order (a red-flag alert as a boxed action in its place; a section
that will not fit moves whole to page two, with all after it, and page one says so; but the
surgeon's notes print what fits and go on at the top of page two, never cut), and the
signature lines kept free at its foot. The alert box lives here because only page one draws it.
"""

from __future__ import annotations

from fpdf.enums import XPos, YPos

from decision.output.pdf.blocks import FREE_LINES_DEFAULT, Blocks
from decision.output.pdf.layout import BODY, HEADING, LABEL_WIDTH, RULE_RGB, SMALL, TITLE, line_h, wrap
from decision.output.summary import Bullets, Item, Paragraph, Section

ALERT_RGB, ALERT_FILL = (176, 0, 32), (253, 236, 238)
SIGNATURES_H = 20  # mm at the foot of page 1: the heading, room to sign, the lines and their words


class PageOne(Blocks):
    """Page one, for the chart: what the clinic needs in the summary's order, and the signatures."""

    def page_one(self, lead: str = "") -> None:
        """The header, the clinic's blank lines, the chart sections, and the signature lines; ``lead``
        first, in bold, when given (the chart copy says what it is)."""
        s, pdf = self.s, self.pdf
        self.bottom = self.page_bottom - SIGNATURES_H - line_h(BODY)  # room kept for the signatures
        if lead:
            self.text(lead, size=SMALL, bold=True)
        self.text(f"{s.title}: {s.aid_name}", size=TITLE, bold=True)
        self.text(s.pdf_made, size=SMALL)
        self._id_lines()
        for section in s.part("chart"):
            if section.alert:
                self._alert(section)
            elif self.deferred:
                self.deferred.append(section)  # all after a moved section go to page 2, in order
            elif pdf.get_y() + self._height(section) > self.bottom:
                self._split_or_move(section)
            else:
                self._chart_section(section)
        if self.deferred:
            # Measured first, so it is never drawn in part: where there is no room left (an alert
            # listing every sign is drawn whole and can fill the page, and the line kept for a last
            # word is then not enough), it takes what it needs: saying where the rest is matters
            # more than the space above the signatures, which move down (issue 26 review).
            self.font(BODY, bold=True)
            need = len(wrap(pdf, s.overleaf, pdf.epw)) * line_h(BODY)
            if pdf.get_y() + need > self.bottom:
                self.bottom = pdf.get_y() + need
                self.full = False
            self.text(s.overleaf, bold=True)
        elif self.full:  # only a record far larger than any visit: say so, never grow the page
            self.bottom += line_h(BODY)
            self.full = False
            self.text(s.continued)
        self.bottom = self.page_bottom
        self._signatures()
        self.full = False

    def _split_or_move(self, section: Section) -> None:
        """A section too tall for what is left of page one. One holding the surgeon's notes prints
        what fits of them, says they go on, and the rest opens page 2 (issue 23: nothing keeps the
        notes after the visit, so they are never cut); any other section moves whole to page 2.
        The notes printed after page one are the room ``extra_room`` allows after MAX_PAGES."""
        at = next((n for n, b in enumerate(section.blocks) if isinstance(b, Item) and b.whole), None)
        if at is None:
            self.deferred.append(section)
            return
        notes = section.blocks[at]
        assert isinstance(notes, Item)  # found by isinstance above
        self.font(BODY)
        lines = wrap(self.pdf, notes.value, self.pdf.epw - LABEL_WIDTH)

        def part(n: int) -> Section:  # the section with the notes' first n lines and the words that they go on
            cut = Item(notes.label, "\n".join(lines[:n]), free=True, whole=True)
            return Section(section.id, section.title,
                           (*section.blocks[:at], cut, Paragraph(self.s.notes_overleaf, strong=True)))

        room = self.bottom - self.pdf.get_y()
        fits = int((room - self._height(part(1))) // line_h(BODY)) + 1 if room >= self._height(part(1)) else 0
        fits = min(fits, len(lines) - 1)
        if fits < 2:  # not even two lines of them: the section moves whole, the notes with it
            self.deferred.append(section)
            self.extra_room = max(len(lines) - FREE_LINES_DEFAULT, 0) * line_h(BODY)
            return
        self._chart_section(part(fits))
        rest = Item(notes.label, "\n".join(lines[fits:]), free=True, whole=True)
        self.deferred.append(Section(section.id, self.s.notes_continued, (rest, *section.blocks[at + 1:])))
        self.extra_room = (len(lines) - fits) * line_h(BODY) + line_h(HEADING) + 4  # the lines and their heading

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
        box_h = 7.5 * len(s.id_lines) + line_h(SMALL) + 3
        pdf.set_draw_color(*RULE_RGB)
        pdf.set_line_width(0.3)
        pdf.rect(pdf.l_margin, top, pdf.epw, box_h)
        pdf.set_xy(pdf.l_margin + 2, top + 1)
        self.font(SMALL)
        pdf.cell(pdf.epw - 4, line_h(SMALL), s.id_note, new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_draw_color(0, 0, 0)
        for label in s.id_lines:
            y = pdf.get_y() + 3
            pdf.set_xy(pdf.l_margin + 2, y)
            self.font(BODY, bold=True)
            pdf.cell(36, line_h(BODY), label)
            pdf.line(pdf.l_margin + 40, y + line_h(BODY), pdf.w - pdf.r_margin - 4, y + line_h(BODY))
            pdf.set_y(y + line_h(BODY) + 0.3)
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

    def _signatures(self) -> None:
        """Side by side, one signer each: room to sign above a line, the words under it, and a date."""
        pdf = self.pdf
        pdf.set_y(max(pdf.get_y(), self.page_bottom - SIGNATURES_H))
        self.heading(self.s.signatures_title)
        pdf.set_draw_color(0, 0, 0)
        line_y = pdf.get_y() + 10  # room to sign
        col_w = pdf.epw / len(self.s.signature_lines)
        for n, who in enumerate(self.s.signature_lines):
            x = pdf.l_margin + n * col_w
            sign_w, date_w = col_w * 0.62, col_w * 0.28
            pdf.line(x, line_y, x + sign_w, line_y)
            pdf.line(x + sign_w + 3, line_y, x + sign_w + 3 + date_w, line_y)
            self.font(SMALL)
            pdf.set_xy(x, line_y + 0.5)
            pdf.cell(sign_w, line_h(SMALL), who)
            pdf.set_xy(x + sign_w + 3, line_y + 0.5)
            pdf.cell(date_w, line_h(SMALL), self.s.sign_date)
        pdf.set_y(line_y + 0.5 + line_h(SMALL))
