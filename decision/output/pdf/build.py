"""``build_pdf``: the layout's parts put together, and the figures fitted to the pages left.

Page one and the answers are drawn once. The figures part is then tried without drawing (page turns
counted, not made), with the most figures per row that could be drawn, then one fewer per row, until
all that are allowed fit with the sources after them; then it is drawn for real. Every option's rows
get the same number of figures on paper.
"""

from __future__ import annotations

import re
from datetime import date

from decision.content import Content
from decision.output.pdf.layout import start_pdf
from decision.output.pdf.page_one import PageOne
from decision.output.pdf.sections import Sections
from decision.output.summary import FigureBlock, OptionFigures, Summary, build_summary
from decision.record import DecisionRecord


class _Layout(PageOne, Sections):
    """Draws the summary page by page: page one, then the later sections with their figures."""


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
    layout = _Layout(start_pdf(summary), summary, summary.citation_ids, set())
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
