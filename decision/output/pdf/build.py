"""``build_pdf``: the layout's parts put together, and the figures fitted to the pages left.

Page one and the answers are drawn once. The figures part is then tried without drawing (page turns
counted, not made): the diagnosis's overview rows first, then as many of its other comparisons as
fit with the sources after them (found by halving), never cut where more benefits than harms
would be on paper; then it is drawn for real.

The chart copy (issue 26): given ``chart_content`` in another language than ``content``, the
document ends with page one again, drawn from the summary in the chart's language, under a first
line and a footer that say it is the chart copy. So a patient who reads Spanish takes home Spanish
and the chart gets its page in English. It is one page, never more (``CHART_COPY_PAGES``): what page
one moves overleaf is not drawn again, and the copy says it is on the pages before it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from decision.content import Content
from decision.output.pdf.layout import MARGIN, SummaryPDF, start_pdf
from decision.output.pdf.page_one import PageOne
from decision.output.pdf.sections import Sections
from decision.output.summary import ComparisonBlock, Summary, build_summary
from decision.record import DecisionRecord


class _Layout(PageOne, Sections):
    """Draws the summary page by page: page one, then the later sections with their figures."""


class _ChartCopy(_Layout):
    """Page one again, in the chart's language: one page, which never turns."""

    def last_page(self) -> int:
        return self.pdf.page_no()


class _TextPDF(SummaryPDF):
    """A PDF that also keeps every line it prints, in order, for ``pdf_text``."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.printed: list[str] = []

    def cell(self, w=None, h=None, text="", *args, **kwargs):  # fpdf2's own signature
        if text:
            self.printed.append(str(text).replace("{nb}", "{pages}"))
        return super().cell(w, h, text, *args, **kwargs)

    def multi_cell(self, w, h=None, text="", *args, **kwargs):  # fpdf2's own signature
        if text:
            self.printed.append(str(text))
        return super().multi_cell(w, h, text, *args, **kwargs)


def pdf_text(record: DecisionRecord, content: Content, today: date | None = None,
             chart_content: Content | None = None) -> str:
    """The words the printable summary prints, line by line in the order drawn (``python -m
    decision summary RECORD.json --text``): the same layout as ``build_pdf``, read back as text."""
    pdf = _draw(record, content, today, None, _TextPDF, chart_content)
    assert isinstance(pdf, _TextPDF)  # _draw made it from the class given
    pdf.output()  # closes the last page: its footer
    return "\n".join(pdf.printed).replace("{pages}", str(pdf.pages_count))


def build_pdf(record: DecisionRecord, content: Content, today: date | None = None,
              unique_id: str | None = None, chart_content: Content | None = None) -> bytes:
    """The summary as a PDF. ``unique_id`` (hex digits), when given, is the file's /ID: the page
    passes a random one, so that no one can compute the bytes of a patient's PDF, nor the address
    the server serves it at (issue 21). Without it the same record gives the same bytes.
    ``chart_content`` in another language adds the chart copy: page one again, in that language."""
    if unique_id is not None and not re.fullmatch(r"[0-9A-Fa-f]{2,64}", unique_id):
        raise ValueError("unique_id must be 2 to 64 hex digits")
    return bytes(_draw(record, content, today, unique_id, SummaryPDF, chart_content).output())


def _draw(record: DecisionRecord, content: Content, today: date | None, unique_id: str | None,
          kind: type[SummaryPDF], chart_content: Content | None = None) -> SummaryPDF:
    summary = build_summary(record, content, today)
    layout = _Layout(start_pdf(summary, kind), summary, summary.citation_ids, set())
    layout.pdf.unique_id = unique_id
    layout.page_one()
    layout.the_answers()
    _fit_comparisons(layout, summary)
    if chart_content is not None and chart_content.lang != content.lang:
        _chart_copy(layout.pdf, build_summary(record, chart_content, today))
    return layout.pdf


def _chart_copy(pdf: SummaryPDF, summary: Summary) -> None:
    """Page one again from ``summary`` (the chart's language), under its own first line and footer.
    What page one moves overleaf ends it with a line saying it is on the pages before it."""
    pdf.add_page()  # draws the footer of the patient's last page first, in the patient's language
    pdf.footer_text = summary.chart_copy_footer
    rest = summary.chart_copy_rest
    copy = _ChartCopy(pdf, replace(summary, overleaf=rest, notes_overleaf=rest), summary.citation_ids, set())
    copy.page_one(lead=summary.chart_copy)


def _fit_comparisons(layout: _Layout, summary: Summary) -> None:
    """Draw the figures part with the most comparisons that fit, the sources after them.

    The overview's rows come first (issue 23), then the diagnosis's other comparisons: the longest
    run of them that fits is found by halving, each try laid out without drawing. A run is cut
    only where the overview's rows on paper hold no more benefits than harms (balance by
    construction). Each comparison names its source in its own short line; the numbered list is
    for the sources the rest of the summary cites."""
    blocks = _comparisons(summary)
    cited = tuple(c for c in summary.citation_ids if c in summary.text_source_ids)
    here = layout.checkpoint()

    def balanced(n: int) -> bool:
        rows = [b for b in blocks[:n] if b.overview]
        return sum(b.kind == "benefit" for b in rows) <= sum(b.kind != "benefit" for b in rows)

    def fits(n: int) -> bool:
        layout.restore(here)
        layout.allowed, layout.cited, layout.left_out = {b.comparison_id for b in blocks[:n]}, cited, n < len(blocks)
        layout.dry = layout.simulate = True  # lay the rest out without drawing, to see if it fits
        layout.figures_and_sources()
        layout.dry = layout.simulate = False
        return not layout.overflow

    runs = [n for n in range(len(blocks) + 1) if balanced(n)]  # fits() holds for each run up to the longest
    low, high = 0, len(runs) - 1
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if fits(runs[mid]) else (low, mid - 1)
    n = runs[low]
    overview = sum(b.overview for b in blocks)
    if n < overview:  # the overview's rows are never cut: they may take one more page, and nothing else does
        notes_room = layout.extra_room
        layout.extra_room = layout.page_bottom - MARGIN
        if fits(overview):
            n = overview
        else:
            layout.extra_room = notes_room
    layout.restore(here)
    layout.allowed, layout.cited, layout.left_out = {b.comparison_id for b in blocks[:n]}, cited, n < len(blocks)
    layout.figures_and_sources()


def _comparisons(summary: Summary) -> list[ComparisonBlock]:
    """Every comparison the summary holds, in its order (the overview's rows first)."""
    return [b for section in summary.part("figures") for b in section.blocks if isinstance(b, ComparisonBlock)]
