"""A side drawing of the lower back that shows how long a fusion is and where its neighbours are.

Five lumbar vertebrae (L1 to L5) and the top of the sacrum, drawn from the side as rounded
boxes with a disc between each pair. A motion segment is two vertebrae and the disc between
them, so L1 to the sacrum holds five segments. The fused segment(s) are filled; the segment
just above and just below the fusion (the "adjacent levels") get a dashed outline.

Which levels are drawn as fused is an example only: the drawing starts a fusion at L4-L5 and
grows it upward from the sacrum, because the lowest two levels are where most lumbar fusions
are done. The patient's own levels come from the surgeon and the scans.

Every word is content (``spine_drawing.*`` in content/pages.yaml, passed in by the page as ``words``):
the text alternative as whole sentences (one for one segment, one for several), the labels on the
drawing and the name of the sacrum, so the drawing exists in every language of the content.

Pure Python that writes a small inline SVG (about 4 KB; the plotly figure it replaces was ~40 KB of
chart JSON plus plotly.js): no streamlit here, so the drawing is tested without a browser.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from html import escape
from itertools import pairwise

from decision.content.page_words import SPINE_DRAWING_WORDS

SACRUM = "S"  # the sacrum's id; its name is content (spine_drawing.sacrum)
VERTEBRAE = ("L1", "L2", "L3", "L4", "L5", SACRUM)
# L1-L2 … L5-S: the five motion segments, top to bottom.
SEGMENTS = tuple(f"{upper}-{lower}" for upper, lower in pairwise(VERTEBRAE))

# Example levels for a fusion of 1, 2 or 3 segments (see the module note).
EXAMPLE_FUSIONS: dict[int, tuple[str, ...]] = {
    1: ("L4-L5",),
    2: ("L4-L5", f"L5-{SACRUM}"),
    3: ("L3-L4", "L4-L5", f"L5-{SACRUM}"),
}

BONE = "#efe9dd"
BONE_LINE = "#8a8172"
DISC = "#a9c3d6"
FUSED = "#1f5f8b"
ADJACENT = "#c05a00"
ADJACENT_FILL = "#f6d2b4"
TEXT = "#1d2b36"

_BODY_W = 3.0  # width of a vertebral body
_BODY_H = 1.6  # height of a vertebral body
_DISC_H = 0.55  # height of a disc
_STEP = _BODY_H + _DISC_H


def fused_segments(segments: int | None) -> tuple[str, ...]:
    """The example segments drawn as fused; empty when no length is chosen."""
    if segments is None:
        return ()
    if segments not in EXAMPLE_FUSIONS:
        raise ValueError(segments)  # a fusion in this drawing is 1, 2 or 3 motion segments long
    return EXAMPLE_FUSIONS[segments]


def adjacent_segments(segments: int | None) -> tuple[str, ...]:
    """The segment just above and just below the fusion, where there is one."""
    fused = fused_segments(segments)
    if not fused:
        return ()
    top = SEGMENTS.index(fused[0])
    bottom = SEGMENTS.index(fused[-1])
    out = []
    if top > 0:
        out.append(SEGMENTS[top - 1])
    if bottom < len(SEGMENTS) - 1:
        out.append(SEGMENTS[bottom + 1])
    return tuple(out)


def _bone(name: str, words: Mapping[str, str]) -> str:
    return words["spine_drawing.sacrum"] if name == SACRUM else name


def describe(segments: int | None, words: Mapping[str, str]) -> str:
    """The drawing's text alternative: whole sentences from content, each with its own bones filled in."""
    fused = fused_segments(segments)
    if not fused:
        return f'{words["spine_drawing.alt"]} {words["spine_drawing.alt_none"]}'
    upper, lower = (_bone(b, words) for b in (fused[0].split("-")[0], fused[-1].split("-")[1]))
    key = "spine_drawing.alt_fused_one" if len(fused) == 1 else "spine_drawing.alt_fused_many"
    said = [words["spine_drawing.alt"], words[key].format(upper=upper, lower=lower, n=len(fused))]
    spans = [[_bone(b, words) for b in s.split("-")] for s in adjacent_segments(segments)]
    if len(spans) == 1:
        said.append(words["spine_drawing.alt_neighbour_one"].format(upper=spans[0][0], lower=spans[0][1]))
    elif spans:
        said.append(words["spine_drawing.alt_neighbour_two"].format(
            upper=spans[0][0], lower=spans[0][1], next_upper=spans[1][0], next_lower=spans[1][1]))
    return " ".join(said)


def _body_bottom(index: int) -> float:
    """y of the lower edge of vertebra ``index`` (0 = L1 at the top), in drawing units, y up."""
    return (len(VERTEBRAE) - 1 - index) * _STEP


# Drawing units to CSS pixels. The drawing is wider than tall per unit, as the chart was.
_SX, _SY = 46.0, 31.0
_X0, _X1 = -1.6, _BODY_W + 7.5
_Y0, _Y1 = -0.9, _body_bottom(0) + _BODY_H + 0.9
WIDTH = round((_X1 - _X0) * _SX)
HEIGHT = round((_Y1 - _Y0) * _SY)


def _x(x: float) -> float:
    return round((x - _X0) * _SX, 1)


def _y(y: float) -> float:
    return round((_Y1 - y) * _SY, 1)  # SVG y grows downward


def _box(part: str, x0: float, y0: float, x1: float, y1: float, r: float, fill: str, stroke: str,
         width: float, dash: bool = False) -> str:
    """A box with rounded corners between drawing points (x0, y0) and (x1, y1)."""
    extra = ' stroke-dasharray="9 5"' if dash else ""
    return (
        f'<rect data-part="{part}" x="{_x(x0):g}" y="{_y(y1):g}" width="{round((x1 - x0) * _SX, 1):g}" '
        f'height="{round((y1 - y0) * _SY, 1):g}" rx="{round(r * _SX, 1):g}" ry="{round(r * _SY, 1):g}" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="{width:g}"{extra}/>'
    )


def _text(x: float, y: float, lines: list[str], *, anchor: str = "start", size: int = 14, color: str = TEXT,
          bold: bool = False) -> str:
    """Text centred on drawing height y; with two lines, only the first is bold."""
    head = f'text-anchor="{anchor}" dominant-baseline="middle" font-size="{size}" fill="{color}"'
    if len(lines) == 1:
        weight = ' font-weight="bold"' if bold else ""
        return f'<text x="{_x(x):g}" y="{_y(y):g}" {head}{weight}>{escape(lines[0])}</text>'
    first = _y(y) - (len(lines) - 1) * size * 0.6
    spans = []
    for i, line in enumerate(lines):
        weight = ' font-weight="bold"' if bold and i == 0 else ""
        spans.append(f'<tspan x="{_x(x):g}" y="{round(first + i * size * 1.2, 1):g}"{weight}>{escape(line)}</tspan>')
    return f"<text {head}>{''.join(spans)}</text>"


def segments_svg(segments: int | None, words: Mapping[str, str]) -> str:
    """The side drawing, with the fused segment(s) filled and the neighbouring levels outlined.

    Every part carries a ``data-part``: ``vertebra:L4``, ``arch:L4``, ``disc:L4-L5``,
    ``fused:L4-L5``, ``adjacent:L3-L4`` or ``bracket:fused``, so the drawing can be checked
    without looking at it (the sacrum's id is ``S``). Its accessible name is ``describe(segments, words)``;
    ``words`` is content's pages (``spine_drawing.*``).
    """
    return _segments_svg(segments, tuple((k, words[k]) for k in SPINE_DRAWING_WORDS))


@lru_cache(maxsize=16)  # four possible drawings per language; built once each
def _segments_svg(segments: int | None, said: tuple[tuple[str, str], ...]) -> str:
    words = dict(said)
    fused = fused_segments(segments)
    adjacent = adjacent_segments(segments)
    fused_bones = {b for s in fused for b in s.split("-")}
    parts: list[str] = []

    for i, name in enumerate(VERTEBRAE):
        y0 = _body_bottom(i)
        height = _BODY_H * (1.3 if name == SACRUM else 1.0)
        y0 = y0 - (height - _BODY_H)
        fill = FUSED if name in fused_bones else BONE
        parts.append(_box(f"vertebra:{name}", 0, y0, _BODY_W, y0 + height, 0.35, fill, BONE_LINE, 1.5))
        # The bony arch at the back (right side of the drawing).
        parts.append(_box(f"arch:{name}", _BODY_W + 0.5, y0 + 0.35, _BODY_W + 1.4, y0 + height - 0.25, 0.2,
                          fill, BONE_LINE, 1))
        parts.append(_text(-0.35, y0 + height / 2, [_bone(name, words)], anchor="end", bold=True))

    for i, segment in enumerate(SEGMENTS):
        y0 = _body_bottom(i) - _DISC_H
        y1 = _body_bottom(i)
        kind = "fused" if segment in fused else "adjacent" if segment in adjacent else "disc"
        if kind == "adjacent":
            parts.append(_box(f"adjacent:{segment}", 0.15, y0 + 0.05, _BODY_W - 0.15, y1 - 0.05, 0.15,
                              ADJACENT_FILL, ADJACENT, 3, dash=True))
            where = "above" if SEGMENTS.index(segment) < SEGMENTS.index(fused[0]) else "below"
            parts.append(_text(_BODY_W + 1.7, (y0 + y1) / 2, [words[f"spine_drawing.neighbour_{where}"]],
                               size=13, color=ADJACENT))
        else:
            parts.append(_box(f"{kind}:{segment}", 0.15, y0 + 0.05, _BODY_W - 0.15, y1 - 0.05, 0.15,
                              FUSED if kind == "fused" else DISC, BONE_LINE, 1))

    if fused:
        top = _body_bottom(SEGMENTS.index(fused[0])) + _BODY_H
        bottom = _body_bottom(SEGMENTS.index(fused[-1]) + 1)
        n = len(fused)
        a, b = _BODY_W + 1.6, _BODY_W + 1.8
        parts.append(
            f'<path data-part="bracket:fused" d="M{_x(a):g} {_y(top - 0.2):g}H{_x(b):g}V{_y(bottom + 0.2):g}'
            f'H{_x(a):g}" fill="none" stroke="{FUSED}" stroke-width="3"/>'
        )
        fused_words = words["spine_drawing.fused_one" if n == 1 else "spine_drawing.fused_many"].format(n=n)
        parts.append(_text(_BODY_W + 2.0, (top + bottom) / 2, [fused_words, words["spine_drawing.grow_into_one"]],
                           size=13, color=FUSED, bold=True))

    parts.append(_text(0, _body_bottom(0) + _BODY_H + 0.5, [words["spine_drawing.front"]], size=12))
    parts.append(_text(_BODY_W + 1.4, _body_bottom(0) + _BODY_H + 0.5, [words["spine_drawing.back"]], anchor="end",
                       size=12))
    label = escape(describe(segments, words), quote=True)
    return (
        f'<svg role="img" aria-label="{label}" class="spine-drawing" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" style="max-width:{WIDTH}px;height:auto" '
        f'font-family="inherit">{"".join(parts)}</svg>'
    )
