"""Icon arrays and the words that go with them, from plain figures.

100 icons in a 10 x 10 grid; the affected icons are grouped and filled from the bottom row
upward (Zikmund-Fisher's iconarray.com design; grouped arrays are read more accurately than
scattered ones, Price et al. 2022). The builder returns a plotly figure and never touches
streamlit, so it is tested without a browser. The PDF draws from the same ``icon_cells``.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from decision.content import Figure

GRID = 10
AFFECTED = "#1f5f8b"
UNAFFECTED = "#d5dde3"


class FrozenFigure(go.Figure):
    """A figure that is built once and never changed afterwards (the builders are cached).

    st.plotly_chart calls ``to_dict()`` on every rerun, and plotly answers with a deep copy:
    most of a long page's rerun time. A frozen figure computes its dict once and hands out the
    same one; Streamlit only serialises it (tests check the chart spec is unchanged by a rerun).
    """

    def to_dict(self) -> dict:
        cached = self.__dict__.get("_frozen_dict")
        if cached is None:
            cached = self.__dict__["_frozen_dict"] = super().to_dict()
        return cached


def round_half_up(x: float) -> int:
    """16.5 -> 17, as people round (Python's round() gives 16: it rounds half to even)."""
    return int(Decimal(str(x)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def icons_to_fill(per_100: float) -> int:
    """Whole icons to fill, rounded half up. Under 1 in 100 no icon is filled; the words say
    'fewer than 1' (0.84 would otherwise round to one whole person)."""
    if per_100 < 1:
        return 0
    return max(0, min(100, round_half_up(per_100)))


def _traces(per_100: float, *, marker_size: int) -> list[go.Scatter]:
    """Two single-colour traces (affected, then the rest): a smaller chart than per-icon colours."""
    cells = icon_cells(per_100)
    traces = []
    for affected, color in ((True, AFFECTED), (False, UNAFFECTED)):
        idx = np.array([i for i, c in enumerate(cells) if c is affected], dtype=np.int8)
        traces.append(
            go.Scatter(
                # numpy arrays travel to the browser as one packed string each, not a list of
                # 100 numbers: plotly's per-element walk was half of a long page's rerun.
                x=idx % GRID,
                y=idx // GRID,
                mode="markers",
                marker={"symbol": "circle", "size": marker_size, "color": color, "line": {"width": 0}},
                hoverinfo="skip",
            )
        )
    return traces


def icon_cells(per_100: float) -> list[bool]:
    """100 cells, index 0 at the bottom left, row by row; True for an affected person."""
    n = icons_to_fill(per_100)
    return [i < n for i in range(GRID * GRID)]


def format_number(per_100: float) -> str:
    if per_100 == 0:
        return "0 in 100"
    if per_100 < 1:
        per_1000 = round(per_100 * 10, 1)
        per_1000_text = f"{per_1000:g}"
        return f"fewer than 1 in 100 (about {per_1000_text} in 1,000)"
    return f"{icons_to_fill(per_100)} in 100"


def sentence(figure: Figure) -> str:
    """'About 9 in 100 people ... within 4 years.' The text alternative for the icon array."""
    number = format_number(figure.per_100)
    about = "About " if figure.per_100 >= 1 and figure.per_100 != round(figure.per_100) else ""
    text = f"{about}{number} people {figure.outcome} {figure.time_frame}."
    text = text[0].upper() + text[1:]
    if figure.low is not None:
        text += f" Studies give a range of {format_number(figure.low)} to {format_number(figure.high)}."
    return text


def label_note(figure: Figure) -> str:
    if figure.label == "V2":
        return "Seen only in a secondary report, not in the original study. Treat it with extra caution."
    return "Seen in the original study."


# Building a validated plotly figure costs ~10 ms, and a long page draws dozens on every rerun.
# Figures are frozen (hashable), so each chart is built once per process; callers must not
# mutate the result (st.plotly_chart copies it with to_dict()).
@lru_cache(maxsize=1024)
def icon_array_figure(figure: Figure, *, height: int = 210) -> go.Figure:
    fig = FrozenFigure(_traces(figure.per_100, marker_size=14))
    fig.update_layout(
        height=height,
        width=height,
        margin={"l": 4, "r": 4, "t": 4, "b": 4},
        xaxis={"visible": False, "range": [-0.6, GRID - 0.4], "fixedrange": True},
        yaxis={"visible": False, "range": [-0.6, GRID - 0.4], "fixedrange": True, "scaleanchor": "x"},
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
        showlegend=False,
    )
    return fig


def icon_arrays_figure(
    figures: list[Figure] | tuple[Figure, ...], *, columns: int = 2, panel_height: int = 170
) -> go.Figure:
    """Several icon arrays in ONE plotly figure, a grid of panels (``columns`` wide), each titled
    with its number, so the arrays stay large enough to read in a narrow column.

    One chart per group rather than one per number: a browser builds each plotly chart on its
    own, so fewer charts make a long page appear sooner (benchmarks/bench.py measures it).
    """
    return _icon_arrays_figure(tuple(figures), columns, panel_height)


@lru_cache(maxsize=1024)
def _icon_arrays_figure(figures: tuple[Figure, ...], columns: int, panel_height: int) -> go.Figure:
    count = len(figures)
    cols = max(1, min(columns, count))
    rows = -(-count // cols)
    titles = [f"{i}. {format_number(f.per_100).split(' (')[0]}" for i, f in enumerate(figures, start=1)]
    fig = FrozenFigure(make_subplots(rows=rows, cols=cols, subplot_titles=titles, horizontal_spacing=0.08,
                                     vertical_spacing=0.12 / rows))
    for i, figure in enumerate(figures):
        row, col = i // cols + 1, i % cols + 1
        for trace in _traces(figure.per_100, marker_size=10):
            fig.add_trace(trace, row=row, col=col)
    for n in range(1, rows * cols + 1):
        axis = "" if n == 1 else str(n)
        fig.update_layout(
            {
                f"xaxis{axis}": {"visible": False, "range": [-0.6, GRID - 0.4], "fixedrange": True},
                f"yaxis{axis}": {"visible": False, "range": [-0.6, GRID - 0.4], "fixedrange": True,
                                 "scaleanchor": f"x{axis}"},
            }
        )
    fig.update_annotations(font_size=13)
    fig.update_layout(
        height=rows * (panel_height + 30),
        margin={"l": 4, "r": 4, "t": 30, "b": 4},
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
        showlegend=False,
    )
    return fig
