"""The printable summary: an A4 PDF drawn with fpdf2 from the same ``Summary`` as the screen.

Laid out for the chart (issue 12): page 1 holds what the clinic needs, in the summary's order,
with blank lines for the clinic's own label and the signature lines at its foot; then the
answers from home, the numbers for the diagnosis (its introduction, then its overview's rows,
then its other comparisons while there is room: issue 23), and the numbered sources; and, when
asked for, the chart copy: page 1 again in the chart's language (issue 26). At most ``MAX_PAGES``
pages (and ``CHART_COPY_PAGES`` for the chart copy), whatever a record holds: free text that will
not fit ends with the summary's "continued on the screen" sentence, and figures that will not fit
are replaced by one line that says where they are. No text is smaller than ``MIN_PT``.

Each comparison prints compactly: a dot in its kind's colour, its heading, every arm's number
side by side, its caveat or single-arm warning and its source (``figures.py``). The bundled DejaVu Sans fonts print most
characters; one they cannot draw prints as a visible replacement mark (U+FFFD), never dropped.
All text goes through ``cell`` (never Markdown), so "**x**" or "<b>x</b>" prints as typed.
Output is deterministic for a given record, content and day.

How it is cut: one layout object draws the whole document, and its parts are classes that each
subclass the part they draw with: ``layout.Layout`` (the shared state: where the drawing is, the room
left, the page turns; with the sizes, fonts, page setup and ``wrap``), ``blocks.Blocks`` (paragraphs,
headings, label-and-value lines, lists, a chart section), ``page_one.PageOne``, ``figures.Figures``
and ``sections.Sections`` (pages two and three, which draw the figures), put together in
``build.py`` as one class that ``build_pdf`` drives. Subclasses, not plain functions taking the
layout, because the parts share a dozen pieces of mutable state (the cursor, ``dry``, ``simulate``,
``full``, ``overflow``, the figures allowed and drawn) that ``build_pdf`` sets and reads between
tries: as methods they keep their ``self.`` code as it was, and each part's base class is the part
it calls, so mypy checks every call across the files.
"""

from decision.output.pdf.build import build_pdf, pdf_text
from decision.output.pdf.layout import CHART_COPY_PAGES, MAX_PAGES, MIN_PT, wrap

__all__ = ["CHART_COPY_PAGES", "MAX_PAGES", "MIN_PT", "build_pdf", "pdf_text", "wrap"]
