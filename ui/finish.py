""""Finish and clear": it asks first, in other words, and says what it clears (issue 24, item 5).

One click used to wipe the whole record, from a button beside "Save". Now it sits under its own
heading, below a line, drawn as a plain link-like button (not like Save); its click only asks:
a warning says what goes (everything typed in this aid in this browser) and what stays (a file
saved on the patient's own device), with "Yes, clear everything" and "Cancel, keep my answers".
The question belongs to the page it was asked on; another page does not repeat it.
"""

from __future__ import annotations

import streamlit as st

from decision.content import Content
from decision.record import DecisionRecord
from ui import downloads
from ui.navigation import START

ASKING = "clear_asked_on"  # the page whose "Finish and clear" was clicked, until yes or cancel
CSS = ".st-key-finish_place{border-top:1px solid rgba(49,51,63,0.2);padding-top:1rem;margin-top:1rem}"


def draw(content: Content, page: str) -> None:
    """In the sidebar: the heading and "Finish and clear", or the question it asks."""
    p = content.pages
    with st.container(key="finish_place"):
        st.markdown(f"**{p['frame.finish_title']}**")
        if st.session_state.get(ASKING) != page:
            st.button(p["frame.finish"], key="finish_" + page, help=p["frame.finish_help"], type="tertiary",
                      icon=":material/delete:", on_click=_ask, args=(page,))
            return
        st.warning(p["frame.clear_confirm"], icon=":material/warning:")
        if st.button(p["frame.clear_yes"], key="clear_yes_" + page, type="primary"):
            finish_and_clear()
            st.switch_page(START)
        st.button(p["frame.clear_cancel"], key="clear_cancel_" + page, on_click=_cancel)


def _ask(page: str) -> None:
    st.session_state[ASKING] = page


def _cancel() -> None:
    st.session_state.pop(ASKING, None)


def finish_and_clear() -> None:
    """Forget everything: this session's memory, this tab's copy, and every other tab's copy, and
    every file a download of this session made on the server (the PDF; ui/downloads.py)."""
    downloads.release_this_session()
    generation = st.session_state.get("widget_generation", 0)
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    st.query_params.clear()
    st.session_state["record"] = DecisionRecord()
    st.session_state["tab_clear_pending"] = True  # the next run's end removes the tab's copy (tab_store.clear)
    st.session_state["cleared"] = True
    # New input keys, so this tab's inputs start empty too (ui/session.py, widget_prefix).
    st.session_state["widget_generation"] = generation + 1
