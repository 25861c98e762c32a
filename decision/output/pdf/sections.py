"""The later sections of the printable summary: pages two and three.

``Sections`` draws first the page-one sections that had no room there, then the answers from home
(label-and-value lines, lists, the treatments table cut to ``TABLE_ROWS`` rows), then the figures part
(the diagnosis's introduction and its comparisons, through ``Figures``) and the numbered sources,
whose height the figures keep room for.
"""

from __future__ import annotations

from decision.output.pdf.blocks import FREE_LINES_DEFAULT, LIST_LINES
from decision.output.pdf.figures import Figures
from decision.output.pdf.layout import BODY, HEADING, RULE_RGB, SMALL, line_h, wrap
from decision.output.summary import Bullets, ComparisonBlock, Item, Paragraph, Table

TABLE_ROWS = 12  # rows of the treatments table


class Sections(Figures):
    """Pages two and three: the answers from home, then the figures and the numbered sources."""

    def the_answers(self) -> None:
        s, pdf = self.s, self.pdf
        pdf.add_page()
        for section in self.deferred:
            self._chart_section(section)
        for section in s.part("answers"):
            if not any(_on_paper(b) for b in section.blocks):
                continue  # a section whose every block is for the screen (e.g. no note for back pain)
            self.heading(section.title)
            for block in section.blocks:
                if isinstance(block, Item) and block.line:
                    continue  # the detail after it is printed in full
                if isinstance(block, Item):
                    self.item(block, FREE_LINES_DEFAULT if block.free else None)
                elif isinstance(block, Paragraph):
                    self.text(block.text, bold=block.strong)
                elif isinstance(block, Bullets) and block.paper:  # typed lists are cut; content's print whole
                    self.bullets(block, LIST_LINES["questions"] if block.free else None)
                elif isinstance(block, Table):
                    self._table(block)

    def figures_and_sources(self) -> None:
        s = self.s
        sources_h = self._citations_height()
        for section in s.part("figures"):
            self.heading(section.title)
            fits = True
            for block in section.blocks:
                if isinstance(block, Item):
                    self.item(block)
                elif isinstance(block, Paragraph):  # the diagnosis's introduction, before its numbers
                    self.text(block.text)
                elif isinstance(block, ComparisonBlock):  # in order: once one does not fit, none after it
                    fits = fits and self._comparison(block, sources_h)
                    self.left_out = self.left_out or not fits
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
            h = max(len(c) for c in cells) * line_h(BODY) + 1
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

    # ------------------------------------------------------------ sources

    def _citation_lines(self) -> list[list[str]]:
        self.font(SMALL)
        text = dict(zip(self.s.citation_ids, self.s.citations, strict=True))
        return [wrap(self.pdf, f"{i}. {text[c]}", self.pdf.epw) for i, c in enumerate(self.cited, start=1)]

    def _citations_height(self) -> float:
        if not self.cited:
            return 0.0
        return line_h(HEADING) + 4 + sum(len(lines) for lines in self._citation_lines()) * line_h(SMALL)

    def _citations(self) -> None:
        if not self.cited:
            return
        self.full = False
        self.heading(self.s.sources_title)
        for lines in self._citation_lines():
            self.font(SMALL)
            if not self.lines(lines, x=self.pdf.l_margin, width=self.pdf.epw, size=SMALL):
                return


def _on_paper(block: object) -> bool:
    """Whether the answers part prints this block (a one-line account and a screen-only list do not)."""
    if isinstance(block, Item) and block.line:
        return False
    return not (isinstance(block, Bullets) and not block.paper)
