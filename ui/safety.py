"""How the safety screen's result is shown: a box per level that looks different for each, and an
alert that opens over the page the moment a tick calls for urgent or emergency care.

Emergency, urgent and soon differ in colour, icon and title (the words "now" and "within hours"
are in the emergency message itself, in content/red_flags.yaml).
"""

from __future__ import annotations

import streamlit as st

from decision.content import Content
from decision.rules.red_flags import Screen

# Colour and icon per level: red and an emergency symbol; amber and a phone; blue and a calendar.
_STYLE = {
    "emergency": (st.error, ":material/e911_emergency:"),
    "urgent": (st.warning, ":material/call:"),
    "soon": (st.info, ":material/event:"),
}
ALERT_KEY = "safety_alert"  # set by the screen's callback when a tick raises the level to urgent or emergency


def _body(result: Screen, *, with_signs: bool) -> str:
    lines = [f"### {result.action.title}", result.action.message, *result.why]
    if with_signs:
        lines.append("\n".join(f"- {q}" for q in result.ticked))
    return "\n\n".join(lines)


def box(result: Screen, *, key: str, with_signs: bool = False) -> None:
    """The level's box: colour, icon and title by level; what to do; why; optionally the signs ticked."""
    show, icon = _STYLE[result.level]
    with st.container(key=f"red-flag-{result.level}-{key}"):
        show(_body(result, with_signs=with_signs), icon=icon)


def alert(result: Screen, content: Content) -> None:
    """A modal over the page, wherever it is scrolled, on a desktop or a phone."""
    _, icon = _STYLE[result.level]

    def _inside() -> None:
        box(result, key="dialog")
        if st.button(content.red_flags.acknowledge, key="safety_alert_ok", type="primary"):
            st.rerun()

    st.dialog(result.action.title, width="medium", icon=icon)(_inside)()
