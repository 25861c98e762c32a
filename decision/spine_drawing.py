"""A side drawing of the lower back that shows how long a fusion is and where its neighbours are.

Five lumbar vertebrae (L1 to L5) and the top of the sacrum, drawn from the side as rounded
boxes with a disc between each pair. A motion segment is two vertebrae and the disc between
them, so L1 to the sacrum holds five segments. The fused segment(s) are filled; the segment
just above and just below the fusion (the "adjacent levels") get a dashed outline.

Which levels are drawn as fused is an example only: the drawing starts a fusion at L4-L5 and
grows it upward from the sacrum, because the lowest two levels are where most lumbar fusions
are done. The patient's own levels come from the surgeon and the scans.

Pure plotly: no streamlit here, so the figure is tested without a browser.
"""

from __future__ import annotations

from functools import lru_cache

import plotly.graph_objects as go

from decision.icon_array import FrozenFigure

VERTEBRAE = ("L1", "L2", "L3", "L4", "L5", "Sacrum")
SEGMENTS = tuple(f"{upper}-{lower}" for upper, lower in zip(VERTEBRAE, VERTEBRAE[1:]))
"""L1-L2 … L5-Sacrum: the five motion segments, top to bottom."""

# Example levels for a fusion of 1, 2 or 3 segments (see the module note).
EXAMPLE_FUSIONS: dict[int, tuple[str, ...]] = {
    1: ("L4-L5",),
    2: ("L4-L5", "L5-Sacrum"),
    3: ("L3-L4", "L4-L5", "L5-Sacrum"),
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
        raise ValueError("a fusion in this drawing is 1, 2 or 3 motion segments long")
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


def _span(segment: str) -> str:
    upper, lower = segment.split("-")
    return f"{upper} to {lower}"


def describe(segments: int | None) -> str:
    """The words for the drawing: its text alternative."""
    base = "Drawing of the lower back from the side: five lower back bones (L1 to L5) above the sacrum, with a disc between each."
    fused = fused_segments(segments)
    if not fused:
        return base + " No fusion is marked."
    bones = f"{fused[0].split('-')[0]} to {fused[-1].split('-')[1]}"
    n = len(fused)
    text = f"{base} Marked as fused: {bones} ({n} motion segment{'s' if n > 1 else ''}, an example)."
    adjacent = adjacent_segments(segments)
    if adjacent:
        text += " Marked as a neighbouring level: " + " and ".join(_span(s) for s in adjacent) + "."
    return text


def _rounded_box(x0: float, y0: float, x1: float, y1: float, r: float) -> str:
    """An SVG path for a box with rounded corners (plotly shapes have no rounded rectangle)."""
    return (
        f"M {x0 + r},{y0} L {x1 - r},{y0} Q {x1},{y0} {x1},{y0 + r} "
        f"L {x1},{y1 - r} Q {x1},{y1} {x1 - r},{y1} "
        f"L {x0 + r},{y1} Q {x0},{y1} {x0},{y1 - r} "
        f"L {x0},{y0 + r} Q {x0},{y0} {x0 + r},{y0} Z"
    )


def _body_bottom(index: int) -> float:
    """y of the lower edge of vertebra ``index`` (0 = L1 at the top)."""
    return (len(VERTEBRAE) - 1 - index) * _STEP


@lru_cache(maxsize=8)  # four possible drawings; built once each (callers must not mutate them)
def segments_figure(segments: int | None) -> go.Figure:
    """The side drawing, with the fused segment(s) filled and the neighbouring levels outlined.

    Every shape carries a ``name``: ``vertebra:L4``, ``disc:L4-L5``, ``fused:L4-L5`` or
    ``adjacent:L3-L4``, so the drawing can be checked without looking at it.
    """
    fused = fused_segments(segments)
    adjacent = adjacent_segments(segments)
    fused_bones = {b for s in fused for b in s.split("-")}
    fig = FrozenFigure()
    shapes: list[dict] = []
    annotations: list[dict] = []

    for i, name in enumerate(VERTEBRAE):
        y0 = _body_bottom(i)
        height = _BODY_H * (1.3 if name == "Sacrum" else 1.0)
        y0 = y0 - (height - _BODY_H)
        shapes.append({
            "type": "path", "name": f"vertebra:{name}", "path": _rounded_box(0, y0, _BODY_W, y0 + height, 0.35),
            "fillcolor": FUSED if name in fused_bones else BONE,
            "line": {"color": BONE_LINE, "width": 1.5}, "layer": "below",
        })
        # The bony arch at the back (right side of the drawing).
        shapes.append({
            "type": "path", "name": f"arch:{name}",
            "path": _rounded_box(_BODY_W + 0.5, y0 + 0.35, _BODY_W + 1.4, y0 + height - 0.25, 0.2),
            "fillcolor": FUSED if name in fused_bones else BONE,
            "line": {"color": BONE_LINE, "width": 1}, "layer": "below",
        })
        annotations.append({
            "x": -0.35, "y": y0 + height / 2, "text": f"<b>{name}</b>", "showarrow": False,
            "xanchor": "right", "font": {"size": 14, "color": TEXT},
        })

    for i, segment in enumerate(SEGMENTS):
        y0 = _body_bottom(i) - _DISC_H
        y1 = _body_bottom(i)
        kind = "fused" if segment in fused else "adjacent" if segment in adjacent else "disc"
        shape = {
            "type": "path", "name": f"{kind}:{segment}", "path": _rounded_box(0.15, y0 + 0.05, _BODY_W - 0.15, y1 - 0.05, 0.15),
            "fillcolor": FUSED if kind == "fused" else DISC,
            "line": {"color": BONE_LINE, "width": 1},
        }
        if kind == "adjacent":
            shape["fillcolor"] = ADJACENT_FILL
            shape["line"] = {"color": ADJACENT, "width": 3, "dash": "dash"}
        shapes.append(shape)
        if kind == "adjacent":
            where = "above" if SEGMENTS.index(segment) < SEGMENTS.index(fused[0]) else "below"
            annotations.append({
                "x": _BODY_W + 1.7, "y": (y0 + y1) / 2, "text": f"Neighbouring level {where} the fusion",
                "showarrow": False, "xanchor": "left", "font": {"size": 13, "color": ADJACENT},
            })

    if fused:
        top = _body_bottom(SEGMENTS.index(fused[0])) + _BODY_H
        bottom = _body_bottom(SEGMENTS.index(fused[-1]) + 1)
        n = len(fused)
        # A bracket beside the fused bones.
        shapes.append({
            "type": "path", "name": "bracket:fused",
            "path": f"M {_BODY_W + 1.6},{top - 0.2} L {_BODY_W + 1.8},{top - 0.2} L {_BODY_W + 1.8},{bottom + 0.2} L {_BODY_W + 1.6},{bottom + 0.2}",
            "line": {"color": FUSED, "width": 3},
        })
        annotations.append({
            "x": _BODY_W + 2.0, "y": (top + bottom) / 2,
            "text": f"<b>Fused: {n} motion segment{'s' if n > 1 else ''}</b><br>these bones grow into one",
            "showarrow": False, "xanchor": "left", "align": "left", "font": {"size": 13, "color": FUSED},
        })

    annotations.append({
        "x": 0, "y": _body_bottom(0) + _BODY_H + 0.5, "text": "Front of the body", "showarrow": False,
        "xanchor": "left", "font": {"size": 12, "color": TEXT},
    })
    annotations.append({
        "x": _BODY_W + 1.4, "y": _body_bottom(0) + _BODY_H + 0.5, "text": "Back", "showarrow": False,
        "xanchor": "right", "font": {"size": 12, "color": TEXT},
    })

    fig.update_layout(
        shapes=shapes,
        annotations=annotations,
        height=460,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        xaxis={"visible": False, "range": [-1.6, _BODY_W + 7.5], "fixedrange": True},
        yaxis={"visible": False, "range": [-0.9, _body_bottom(0) + _BODY_H + 0.9], "fixedrange": True},
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
        showlegend=False,
    )
    return fig
