"""Draw one figure: the sentence, the icon array, and where the number comes from."""

from __future__ import annotations

import streamlit as st

from decision.content import Content, Figure
from decision.icon_array import icon_array_figure, label_note, sentence

_CHART_CONFIG = {"displayModeBar": False, "staticPlot": True}


def source_line(content: Content, figure: Figure) -> str:
    src = content.source(figure.source)
    return f"Source: {src.authors}, {src.publisher}{', ' + str(src.year) if src.year else ''}. {label_note(figure)}"


def draw_figure(content: Content, figure: Figure, *, key: str, show_array: bool = True) -> None:
    """The sentence is the text alternative of the icon array and is always shown."""
    text = sentence(figure)
    with st.container(border=True, key=f"fig-{key}"):
        st.markdown(f"**{text}**")
        if show_array:
            st.plotly_chart(
                icon_array_figure(figure),
                config=_CHART_CONFIG,
                key=f"chart-{key}",
                alt=text,
                width="content",
            )
        st.caption(f"Applies to: {figure.population}.")
        st.caption(source_line(content, figure))
