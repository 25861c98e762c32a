"""A small side drawing of two bones of the lower back, one per kind of problem, for "Your back".

Two vertebral bodies (front of the body on the left) with a disc between them, the bony arch of
each at the back (right), and the nerves running down the space between body and arch. Each kind
changes one thing, so the patient sees what her diagnosis means where she chooses it:

- ``healthy``: nothing wrong (shown for "not sure", to name the parts);
- ``disc_bulge``: the disc bulges backward and presses on the nerves (disc herniation);
- ``narrow_canal``: the space behind the bones is narrow, the bones in line (stenosis, no slip);
- ``slipped_vertebra``: the upper bone has slipped forward over the lower one, narrowing the space
  at the step (degenerative spondylolisthesis);
- ``worn_disc``: a thin, worn disc, with the nerves free (long-term back pain, no nerve cause).

Pure Python that writes a small inline SVG (about 2 KB, no third-party request). Every word comes
from content: the drawing's text alternative (its accessible name), the callout that names the
problem and the words for the parts. Every part carries a ``data-part`` so a test can check the
drawing without looking at it.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import get_args

from decision.content.models import DrawingKind, DrawingWord
from decision.output.spine_drawing import BONE, BONE_LINE, DISC, TEXT

KINDS: tuple[str, ...] = get_args(DrawingKind)
WORDS: tuple[str, ...] = get_args(DrawingWord)

NERVE = "#f4d35e"
NERVE_LINE = "#7a5c00"
PROBLEM = "#b04e00"  # the part that causes the trouble: outlined, and the callout's colour
WORN = "#6f8291"

WIDTH, HEIGHT = 400, 230
_BODY_X0, _BODY_X1 = 64, 154  # the vertebral bodies (front = left)
_ARCH_X0, _ARCH_X1 = 202, 236  # the bony arch at the back
_UPPER = (30, 94)  # y of the upper body's top and bottom edges
_LOWER = (120, 184)
_DISC = (96, 118)
_NERVE_X, _NERVE_W = 178, 16  # the centre and width of the nerves, where nothing presses

# The nerves as (y, centre, width) points, top to bottom: pushed back, pinched or moved per kind.
_NERVES: dict[str, tuple[tuple[float, float, float], ...]] = {
    "healthy": ((20, 178, 16), (196, 178, 16)),
    "worn_disc": ((20, 178, 16), (196, 178, 16)),
    "disc_bulge": ((20, 178, 16), (86, 178, 16), (107, 188, 10), (128, 178, 16), (196, 178, 16)),
    "narrow_canal": ((20, 178, 16), (84, 178, 16), (107, 178, 6), (130, 178, 16), (196, 178, 16)),
    "slipped_vertebra": ((20, 160, 16), (84, 160, 16), (107, 172, 6), (130, 178, 16), (196, 178, 16)),
}
_SLIP = 18  # how far the upper bone has slipped forward, in pixels
_PROBLEM_AT: dict[str, tuple[float, float]] = {  # where the callout's line points
    "disc_bulge": (170, 107),
    "narrow_canal": (190, 107),
    "slipped_vertebra": (_BODY_X1 - _SLIP, 86),
    "worn_disc": (140, 107),
}


def _rect(part: str, x0: float, y0: float, x1: float, y1: float, fill: str, stroke: str, *, r: float = 6,
          width: float = 1.5) -> str:
    return (f'<rect data-part="{part}" x="{x0:g}" y="{y0:g}" width="{x1 - x0:g}" height="{y1 - y0:g}" '
            f'rx="{r:g}" fill="{fill}" stroke="{stroke}" stroke-width="{width:g}"/>')


def _text(x: float, y: float, words: str, *, anchor: str = "start", color: str = TEXT, bold: bool = False,
          size: int = 17) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (f'<text x="{x:g}" y="{y:g}" text-anchor="{anchor}" dominant-baseline="middle" font-size="{size}" '
            f'fill="{color}"{weight}>{escape(words)}</text>')


def _lines(words: str, width: int = 14) -> list[str]:
    """The callout in short lines, broken between words."""
    lines: list[str] = []
    for word in words.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _nerves(kind: str) -> str:
    points = _NERVES[kind]
    left = " ".join(f"L{c - w / 2:g} {y:g}" for y, c, w in points)
    right = " ".join(f"L{c + w / 2:g} {y:g}" for y, c, w in reversed(points))
    return (f'<path data-part="nerves" d="M{left[1:]} {right}Z" fill="{NERVE}" stroke="{NERVE_LINE}" '
            f'stroke-width="1.5"/>')


def _bone(level: str, y: tuple[float, float], shift: float) -> list[str]:
    """One vertebra: its body at the front, the arch at the back and the bridge between them."""
    y0, y1 = y
    return [
        _rect(f"bridge:{level}", _BODY_X1 - 4 - shift, y0 + 6, _ARCH_X0 + 4 - shift, y0 + 20, BONE, BONE_LINE,
              r=3, width=1),
        _rect(f"body:{level}", _BODY_X0 - shift, y0, _BODY_X1 - shift, y1, BONE, BONE_LINE, r=8),
        _rect(f"arch:{level}", _ARCH_X0 - shift, y0 + 4, _ARCH_X1 - shift, y1 - 8, BONE, BONE_LINE, r=5),
    ]


def _disc(kind: str) -> list[str]:
    y0, y1 = _DISC
    if kind == "worn_disc":  # thin and dark, with cracks
        return [_rect("disc:worn", _BODY_X0 + 4, y0 + 7, _BODY_X1 - 4, y1 - 7, WORN, PROBLEM, r=3, width=2.5),
                f'<path data-part="crack" d="M84 {y0 + 9}l10 4l10 -4M118 {y1 - 9}l10 -4l8 3" fill="none" '
                f'stroke="{BONE}" stroke-width="1.5"/>']
    parts = [_rect("disc", _BODY_X0 + 2, y0, _BODY_X1 - 2, y1, DISC, BONE_LINE, r=4, width=1)]
    if kind == "disc_bulge":  # the soft middle pushes out at the back, into the nerves
        parts.append(f'<path data-part="bulge" d="M{_BODY_X1 - 4} {y0 + 1}C176 {y0 - 2} 186 {y1 + 2} '
                     f'{_BODY_X1 - 4} {y1 - 1}Z" fill="{DISC}" stroke="{PROBLEM}" stroke-width="2.5"/>')
    elif kind == "narrow_canal":  # a small bulge in front and thick tissue behind squeeze the space
        parts.append(f'<path data-part="narrowing:front" d="M{_BODY_X1 - 4} {y0 + 2}Q170 107 {_BODY_X1 - 4} '
                     f'{y1 - 2}Z" fill="{DISC}" stroke="{PROBLEM}" stroke-width="2.5"/>')
        parts.append(f'<path data-part="narrowing:back" d="M{_ARCH_X0} 84Q178 107 {_ARCH_X0} 130Z" '
                     f'fill="{BONE}" stroke="{PROBLEM}" stroke-width="2.5"/>')
    return parts


def condition_svg(kind: str, *, alt: str, callout: str, words: Mapping[DrawingWord, str]) -> str:
    """The drawing of one kind; ``alt`` is its accessible name, ``callout`` the words at the problem,
    ``words`` the names of the parts (bone, disc, nerves, front, back), all from content."""
    if kind not in KINDS:
        raise ValueError(kind)  # no drawing of this kind (a programming error: kinds come from content's Literal)
    slip = _SLIP if kind == "slipped_vertebra" else 0
    # The nerves first, so a bulge or thick tissue that presses on them is drawn over them.
    parts = [*_bone("upper", _UPPER, slip), *_bone("lower", _LOWER, 0), _nerves(kind), *_disc(kind)]
    if kind == "slipped_vertebra":  # the slipped bone is outlined as the problem
        parts.append(_rect("slip", _BODY_X0 - slip, _UPPER[0], _BODY_X1 - slip, _UPPER[1], "none", PROBLEM, r=8,
                           width=2.5))
    parts += [
        _text(_BODY_X0 - 6 - slip, sum(_UPPER) / 2, words["bone"], anchor="end"),
        _text(_BODY_X0 - 6, sum(_DISC) / 2, words["disc"], anchor="end"),
        _text(_NERVE_X, 9, words["nerves"], anchor="middle"),
        _text(_BODY_X0, 214, words["front"]),
        _text(_ARCH_X1, 214, words["back"], anchor="end"),
    ]
    if callout and kind in _PROBLEM_AT:
        px, py = _PROBLEM_AT[kind]
        lines = _lines(callout)
        top = 107 - (len(lines) - 1) * 10
        parts.append(f'<path data-part="callout-line" d="M{px:g} {py:g}L244 107" fill="none" stroke="{PROBLEM}" '
                     f'stroke-width="1.5"/>')
        parts += [_text(248, top + i * 20, line, color=PROBLEM, bold=True) for i, line in enumerate(lines)]
    label = escape(alt, quote=True)
    return (f'<svg role="img" aria-label="{label}" class="condition-drawing" data-kind="{kind}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" style="max-width:{WIDTH}px;height:auto" '
            f'font-family="inherit">{"".join(parts)}</svg>')
