"""The figures of the printable summary: each comparison of the diagnosis, compactly (issue 23).

``Figures`` draws a ``ComparisonBlock`` as a few lines: a dot in its kind's colour and, in bold, its
kind in a word, its outcome, time frame and design; then every arm's number, side by side on one
line where they fit (both arms of a pair, always); then, smaller, its caveat or single-arm warning
and its source in a short line. A block is drawn whole or not at all, only if the numbered sources
still fit after it; otherwise ``overflow`` tells ``build_pdf`` to allow fewer. The overview's rows
come first.
"""

from __future__ import annotations

from decision.output.pdf.blocks import Blocks
from decision.output.pdf.layout import BODY, SMALL, line_h, wrap
from decision.output.summary import ComparisonBlock

INDENT = 4  # mm: the arms and notes sit under the heading, after its dot
DOT_RADIUS = 1.1  # mm


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


class Figures(Blocks):
    """The comparisons allowed on paper, each whole, with the sources after them."""

    def _room_for(self, h: float, sources_h: float) -> bool:
        """Room for ``h`` mm here (or on a new page) with the sources still fitting after it."""
        if self.room(h):
            after = self.space_left() - h
        elif self.page_no() < self.last_page():
            after = self.room_after_this_page() - h
        else:
            return False
        return after >= sources_h + line_h(BODY) * 3  # and a line to say what was left off

    def _block_lines(self, block: ComparisonBlock) -> tuple[list[str], list[list[str]], list[str]]:
        """The heading's lines, the arms' lines (one column each when they all fit one line, else one
        after another) and the notes' lines, wrapped to their widths."""
        width = self.pdf.epw - INDENT
        self.font(BODY, bold=True)
        heading = wrap(self.pdf, f"{block.kind_word}: {block.heading} ({block.design})", width)
        self.font(BODY)
        column = width / len(block.arms)
        arms = [wrap(self.pdf, arm, column) for arm in block.arms]
        if len(arms) > 1 and any(len(a) > 1 for a in arms):
            arms = [[line for arm in block.arms for line in wrap(self.pdf, arm, width)]]
        self.font(SMALL)
        # Who was in the study is on the screen's card; paper keeps the caveat, the warning and the source.
        notes = wrap(self.pdf, " ".join([*block.notes, block.source]), width)
        return heading, arms, notes

    def _comparison(self, block: ComparisonBlock, sources_h: float) -> bool:
        """One comparison, whole; False (and nothing drawn) when it does not fit."""
        if block.comparison_id not in self.allowed:
            self.left_out = True
            return True
        heading, arms, notes = self._block_lines(block)
        h = line_h(BODY) * (len(heading) + max(len(a) for a in arms)) + line_h(SMALL) * len(notes) + 1.2
        if self.full or not self._room_for(h, sources_h) or not self.need(h):
            self.overflow = self.left_out = True
            return False
        pdf = self.pdf
        x, width = pdf.l_margin + INDENT, pdf.epw - INDENT
        if not self.dry:  # the kind's colour, as on screen; its word is in the heading
            pdf.set_fill_color(*_rgb(block.colour))
            pdf.circle(pdf.l_margin + 0.6, pdf.get_y() + line_h(BODY) / 2 - DOT_RADIUS, DOT_RADIUS, style="F")
            pdf.set_fill_color(0)  # back to the default, so no later table paints its cells
        self.font(BODY, bold=True)
        self.lines(heading, x=x, width=width, size=BODY)
        self.font(BODY)
        top, column = pdf.get_y(), width / len(arms)
        for i, lines in enumerate(arms):  # side by side, as on screen: a number never prints alone
            pdf.set_y(top)
            self.lines(lines, x=x + i * column, width=column, size=BODY)
        pdf.set_y(top + line_h(BODY) * max(len(a) for a in arms))
        self.font(SMALL)
        self.lines(notes, x=x, width=width, size=SMALL)
        pdf.ln(1.2)
        self.drawn.append(block.comparison_id)
        return True
