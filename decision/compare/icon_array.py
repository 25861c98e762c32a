"""Icon arrays and the words that go with them, from plain figures.

100 icons in a 10 x 10 grid; the affected icons are grouped and filled from the bottom row
upward (Zikmund-Fisher's iconarray.com design; grouped arrays are read more accurately than
scattered ones, Price et al. 2022). The builders return small inline SVG (a string) and never
touch streamlit, so they are tested without a browser. The PDF draws from the same ``icon_cells``.

Why SVG and not a chart library: a plotly icon array sent ~4 KB of chart JSON per number and
made the browser download plotly.js (4.6 MB) on the first chart; Compare sent 91 KB per visit.
Here each array is a few hundred bytes: the circles are an SVG ``<pattern>``, and the affected
and unaffected people are rectangles filled with it (a full row is one rectangle), so the size
does not grow with the number of icons drawn.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from decision.content import Figure
from decision.content.wording import Words, format_number, icons_to_fill, sentence

GRID = 10
AFFECTED = "#1f5f8b"
UNAFFECTED = "#d5dde3"
# Benefit and harm look different: blue for a good result, vermilion for a harm or another
# operation (a pair that people with the common colour-vision deficiencies still tell apart),
# purple for an operation later after starting without one. Each is at least 4.5:1 on white, and
# a word beside each number says which it is (content), so colour is never the only sign. The
# Compare grid, the Fusion cards and the PDF all take their colours from here.
GOOD = AFFECTED
HARM = "#c4501a"
LATER = "#6b4f8f"
KIND_COLORS = {"benefit": GOOD, "harm": HARM, "reoperation": HARM, "natural_course": LATER}


def colour_for(kind: str) -> str:
    """The affected people's colour for a figure of this kind (a "context" figure keeps the default)."""
    return KIND_COLORS.get(kind, AFFECTED)
CELL = 10  # one person's square in SVG units; the grid is 100 x 100 units
RADIUS = 3.4  # the circle drawn in that square (same proportion as the plotly markers were)
MIN_WIDTH_PX = 150
ARRAY_PX = 170  # drawn size of one array on screen (at least MIN_WIDTH_PX)
TITLE_UNITS = 20  # room above a titled array for its "1. 70 in 100" (a whole number of cells, so
# the circle pattern, tiled from the origin, lines up with the grid below it)


def icon_cells(per_100: float) -> list[bool]:
    """100 cells, index 0 at the bottom left, row by row; True for an affected person."""
    n = icons_to_fill(per_100)
    return [i < n for i in range(GRID * GRID)]


def _pattern_id(color: str) -> str:
    # Ids are named after their colour, so two arrays on one page that share an id define the
    # very same pattern: whichever the browser picks, the drawing is the same.
    return "ia-" + color.lstrip("#")


def _region_rects(n: int) -> tuple[list[tuple[int, int, int, int]], list[tuple[int, int, int, int]]]:
    """Rectangles (x, y, w, h in grid cells, y from the top) covering the first n people and the rest.

    People are counted from the bottom-left, row by row, so the affected ones are the bottom
    ``n // 10`` full rows plus ``n % 10`` people at the left of the row above them.
    """
    full, part = divmod(n, GRID)
    affected, rest = [], []
    if full:
        affected.append((0, GRID - full, GRID, full))
    if part:
        affected.append((0, GRID - full - 1, part, 1))
        rest.append((part, GRID - full - 1, GRID - part, 1))
    top_rows = GRID - full - (1 if part else 0)
    if top_rows:
        rest.append((0, 0, GRID, top_rows))
    return affected, rest


def _defs(affected: str = AFFECTED) -> str:
    out = []
    for color in (affected, UNAFFECTED):
        out.append(
            f'<pattern id="{_pattern_id(color)}" width="{CELL}" height="{CELL}" patternUnits="userSpaceOnUse">'
            f'<circle cx="{CELL / 2:g}" cy="{CELL / 2:g}" r="{RADIUS:g}" fill="{color}"/></pattern>'
        )
    return "<defs>" + "".join(out) + "</defs>"


def _grid(per_100: float, y0: float, colour: str = AFFECTED) -> str:
    affected, rest = _region_rects(icons_to_fill(per_100))
    parts = []
    # data-p: "a" for affected people, "u" for the rest (tests count them from the areas).
    for kind, color, rects in (("a", colour, affected), ("u", UNAFFECTED, rest)):
        for x, y, w, h in rects:
            parts.append(
                f'<rect data-p="{kind[0]}" x="{x * CELL}" y="{y * CELL + y0:g}" width="{w * CELL}" '
                f'height="{h * CELL}" fill="url(#{_pattern_id(color)})"/>'
            )
    return "".join(parts)


@lru_cache(maxsize=1024)
def icon_array_svg(figure: Figure, words: Words, *, title: str | None = None, px: int = ARRAY_PX, defs: bool = True,
                   color: str | None = None, named: bool = True) -> str:
    """One icon array as an inline ``<svg>``; its accessible name is the figure's sentence.

    ``px`` is the drawn width in CSS pixels (never under MIN_WIDTH_PX). With a ``title`` (e.g.
    "1. 70 in 100") the number is written above the grid. ``defs=False`` leaves out the circle
    patterns, for arrays drawn after one that has them in the same element. ``color`` fills the
    people the number counts (``KIND_COLORS`` gives one per kind of figure). ``named=False`` is
    for an array drawn right under its own sentence: screen readers read the sentence, and skip
    the picture rather than read the same words twice.
    """
    px = max(px, MIN_WIDTH_PX)
    colour = color or colour_for(figure.kind)
    top = TITLE_UNITS if title else 0
    height = GRID * CELL + top
    name = f'role="img" aria-label="{escape(sentence(figure, words), quote=True)}"' if named else 'aria-hidden="true"'
    heading = (
        f'<text x="{GRID * CELL / 2:g}" y="13" text-anchor="middle" font-size="11" fill="#1c2430">'
        f"{escape(title)}</text>"
        if title else ""
    )
    return (
        f'<svg {name} class="icon-array" '
        f'viewBox="0 -1 {GRID * CELL} {height + 2}" width="{px}" height="{round(px * (height + 2) / (GRID * CELL))}">'
        f"{_defs(colour) if defs else ''}{heading}{_grid(figure.per_100, top, colour)}</svg>"
    )


def icon_arrays_html(figures: list[Figure] | tuple[Figure, ...], words: Words) -> str:
    """Several icon arrays, each titled with its number ("1. 70 in 100"), side by side.

    They wrap onto the next line when the column is narrow, so none is drawn under
    MIN_WIDTH_PX wide. The first array carries the circle patterns the others use: the arrays
    are one element of the page, drawn and removed together.
    """
    return _icon_arrays_html(tuple(figures), words)


@lru_cache(maxsize=1024)
def _icon_arrays_html(figures: tuple[Figure, ...], words: Words) -> str:
    seen: set[str] = set()
    arrays = []
    for i, f in enumerate(figures, start=1):
        colour = colour_for(f.kind)
        arrays.append(icon_array_svg(f, words, title=f"{i}. {format_number(f.per_100, words).split(' (')[0]}",
                                     defs=colour not in seen))
        seen.add(colour)
    return f'<div class="icon-arrays" style="display:flex;flex-wrap:wrap;gap:12px 20px">{"".join(arrays)}</div>'


def keyed_arrays_html(items: tuple[tuple[Figure, str], ...], words: Words, notes: tuple[str, ...] | None = None,
                      warnings: tuple[str, ...] | None = None) -> str:
    """Key numbers side by side: for each (figure, word for its kind), a coloured mark and the
    word, the figure's sentence, then its icon array in the kind's colour, and its note in small
    print if ``notes`` gives one per figure. A figure's warning (``warnings``, one per figure, ""
    for none: why a number stands alone from its study) is drawn under its array at reading size,
    marked by a bar, not in small print (issue 23). Every text is escaped.
    Figures of kind "context" (not a count of people) belong elsewhere: they have no array.
    The page draws ``KEY_NUMBERS_CSS`` once (``frame.open_page(..., css=...)``).
    """
    if notes is not None and len(notes) != len(items):
        raise ValueError("give one note per figure, or none")
    if warnings is not None and len(warnings) != len(items):
        raise ValueError("give one warning per figure (\"\" for none), or none")
    return _keyed_arrays_html(tuple(items), words, tuple(notes) if notes is not None else None,
                              tuple(warnings) if warnings is not None else None)


# The key numbers' layout, by class: the page draws it once (its frame's style element), where
# inline styles would repeat in every card of every run (bytes per visit, issue 13).
KEY_NUMBERS_CSS = (
    ".key-numbers{display:flex;flex-wrap:wrap;gap:12px 28px}"
    ".key-number{flex:1 1 260px;max-width:340px}"
    ".key-number .kn-word{font-size:.9em;font-weight:600}"
    ".key-number .kn-mark{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.35em}"
    ".key-number .kn-sentence{font-weight:600;margin:.2em 0 .4em}"
    ".key-number .kn-note{font-size:.8em;color:#525c69;margin-top:.3em}"
    ".kn-warning{border-left:3px solid #8a5a00;padding-left:.5em;margin:.3em 0}"
    ".kn-sources{font-size:.875rem;color:#525c69;margin:.5em 0 0}"
)


@lru_cache(maxsize=256)
def _keyed_arrays_html(items: tuple[tuple[Figure, str], ...], words: Words, notes: tuple[str, ...] | None,
                       warnings: tuple[str, ...] | None = None) -> str:
    cells = []
    seen: set[str] = set()  # colours whose circle patterns an earlier array of this element holds
    for i, (figure, word) in enumerate(items):
        color = KIND_COLORS[figure.kind]
        mark = f'<span class="kn-mark" aria-hidden="true" style="background:{color}"></span>'
        cells.append(
            f'<div class="key-number" data-kind="{figure.kind}">'
            f'<div class="kn-word">{mark}{escape(word)}</div>'
            f'<div class="kn-sentence">{escape(sentence(figure, words))}</div>'
            f"{icon_array_svg(figure, words, color=color, defs=color not in seen, named=False)}"
            + (f'<div class="kn-warning">{escape(warnings[i])}</div>' if warnings and warnings[i] else "")
            + (f'<div class="kn-note">{escape(notes[i])}</div>' if notes else "")
            + "</div>"
        )
        seen.add(color)
    return f'<div class="key-numbers">{"".join(cells)}</div>'
