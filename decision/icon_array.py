"""Icon arrays and the words that go with them, from plain figures.

100 icons in a 10 x 10 grid; the affected icons are grouped and filled from the bottom row
upward (Zikmund-Fisher's iconarray.com design; grouped arrays are read more accurately than
scattered ones, Price et al. 2022). The builder returns a plotly figure and never touches
streamlit, so it is tested without a browser. The PDF draws from the same ``icon_cells``.
"""

from __future__ import annotations

import plotly.graph_objects as go

from decision.content import Figure

GRID = 10
AFFECTED = "#1f5f8b"
UNAFFECTED = "#d5dde3"


def icons_to_fill(per_100: float) -> int:
    """Whole icons to fill. Under 1 in 100 no icon is filled; the words say 'fewer than 1'."""
    return max(0, min(100, round(per_100)))


def icon_cells(per_100: float) -> list[bool]:
    """100 cells, index 0 at the bottom left, row by row; True for an affected person."""
    n = icons_to_fill(per_100)
    return [i < n for i in range(GRID * GRID)]


def format_number(per_100: float) -> str:
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


def icon_array_figure(figure: Figure, *, height: int = 210) -> go.Figure:
    cells = icon_cells(figure.per_100)
    xs = [i % GRID for i in range(len(cells))]
    ys = [i // GRID for i in range(len(cells))]
    colors = [AFFECTED if c else UNAFFECTED for c in cells]
    fig = go.Figure(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers",
            marker={"symbol": "circle", "size": 14, "color": colors, "line": {"width": 0}},
            hoverinfo="skip",
        )
    )
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
