"""The figures of the printable summary: icon arrays drawn as circles, with their words beside them.

``Figures`` lays out an option's figures under their row's title, two to a row: the icon array from
``decision.compare.icon_array`` cells (never a screenshot: rasterising plotly needs a browser on the
server), and beside it the sentence, who it applies to, and its source's number. A row is drawn only
if the sources still fit after it; otherwise ``overflow`` tells ``build_pdf`` to allow fewer.
"""

from __future__ import annotations

from decision.compare.icon_array import GRID, UNAFFECTED
from decision.output.pdf.blocks import Blocks
from decision.output.pdf.layout import BODY, MARGIN, MAX_PAGES, SMALL, line_h, wrap
from decision.output.summary import FigureBlock, OptionFigures

FIG_TEXT = 9.5  # pt, a figure's sentence
ICON_PITCH, ICON_RADIUS = 1.8, 0.72  # mm: a 10 x 10 icon array is 18 mm square


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


class Figures(Blocks):
    """The figures of the options named, two to a row, as many as fit with the sources after them."""

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
            h = (line_h(BODY + 1) + 1 if n == 0 else 0) + line_h(SMALL) + self._pair_height(group[:2])
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
        return after >= sources_h + line_h(BODY) * 3  # and a line to say what was left off

    def _text_width(self) -> tuple[float, float, float]:
        """(column width, icon array width, text width) of a figure, in mm."""
        col_w = self.pdf.epw / 2
        array_w = GRID * ICON_PITCH + 2.5
        return col_w, array_w, col_w - array_w - 2

    def _pair_height(self, pair: list[FigureBlock]) -> float:
        text_w = self._text_width()[2]
        blocks = [self._figure_lines(f, text_w) for f in pair]
        return max(GRID * ICON_PITCH, *(sum(line_h(size) * len(lines) for lines, _, size in b) for b in blocks)) + 2

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
