"""Save and open the answers: in the sidebar, and at the end of every page (issue 24, item 5).

On a phone the sidebar is folded behind ``»``, so the same two controls are also in a small
"Save or open your answers" section at the foot of each page. Both places call the same functions
on the one record of the session (ui/session.py): a file opened in either replaces it, and either
save button saves it as this run has left it.
"""

from __future__ import annotations

import re
from datetime import date

import streamlit as st

from decision.content import Content
from decision.record import RecordError, parse_record
from ui import logs, tab_store
from ui.session import record, replace_record

SIDEBAR, PAGE = "sidebar", "page"
_SAVE_KEYS = {SIDEBAR: tab_store.SAVE_KEY, PAGE: tab_store.SAVE_KEY + "_page"}
_OPEN_KEYS = {SIDEBAR: "load_record", PAGE: "load_record_page"}
LOADED = "loaded_uploads"  # the file ids already opened, from either place, so none opens twice

_RULE = "1px solid rgba(49,51,63,0.2)"
# The save button (drawn by the browser, tab_store.save_button) looks like Streamlit's buttons.
_BUTTON = ", ".join(f".st-key-{k} button" for k in _SAVE_KEYS.values())
CSS = (
    f".st-key-save_place{{border-top:{_RULE};padding-top:1.5rem;margin-top:0.5rem}}"
    f"{_BUTTON}{{font:inherit;color:inherit;background:#fff;border:{_RULE};"
    "border-radius:0.5rem;padding:0.25rem 0.75rem;min-height:2.5rem;line-height:1.6;cursor:pointer}"
    + ", ".join(f".st-key-{k} button:hover" for k in _SAVE_KEYS.values())
    + "{border-color:#1f5f8b;color:#1f5f8b}"
    + ", ".join(f".st-key-{k} button:focus-visible" for k in _SAVE_KEYS.values())
    + "{outline:none;box-shadow:0 0 0 0.2rem rgba(31,95,139,0.5)}"
)


def sidebar_place() -> None:
    """Keep a place in the sidebar for the save button, drawn into it at the run's end (``sidebar_save``),
    with the record as the whole page has left it; the upload below it. A line above it; the line
    below the upload is the top of "Finish and clear" (ui/finish.py)."""
    st.session_state["save_area"] = st.container(key="save_place")


def sidebar_save(content: Content) -> None:
    with st.session_state.pop("save_area", None) or st.sidebar:
        _save_button(content, SIDEBAR)


def on_the_page(content: Content) -> None:
    """The foot of the page: save and open, folded, for a phone whose sidebar is hidden. Folded and
    without an icon (an icon's name is read as a word), it adds 5 words and about 63 px to a page."""
    p = content.pages
    with st.container(key="save_open_page"), st.expander(p["frame.save_open_title"]):
        st.caption(p["frame.save_open_intro"])
        _save_button(content, PAGE)
        open_file(content, PAGE)


def _save_button(content: Content, place: str) -> None:
    """The save file is made in the browser, from this run's record: no server address (tab_store.save_button)."""
    rec = record()
    name = f"spine-decision-{(rec.patient_initials or 'record').replace(' ', '')}-{date.today().isoformat()}.json"
    tab_store.save_button(content.pages["frame.save"], content.pages["frame.save_help"], name, rec.to_json(),
                          key=_SAVE_KEYS[place])


def open_file(content: Content, place: str) -> None:
    """"Open saved answers": a file replaces the record, or one plain message says why not."""
    p = content.pages
    upload = st.file_uploader(p["frame.open"], type=["json"], key=_OPEN_KEYS[place], max_upload_size=1)
    loaded = st.session_state.setdefault(LOADED, set())
    if upload is not None and upload.file_id not in loaded:
        loaded.add(upload.file_id)
        try:
            kept = replace_record(parse_record(upload.getvalue()))
            st.session_state["load_message"] = ("ok", p["frame.opened_sign_kept" if kept else "frame.opened"], place)
        except RecordError as exc:
            logs.refused("file", exc)
            st.session_state["load_message"] = ("error", exc, place)  # said in the screen's language when shown
        st.rerun()
    message = st.session_state.get("load_message")
    if message and message[2] == place:  # said where the file was opened
        if message[0] == "ok":
            st.success(plain_markdown(message[1]))
        else:  # why not, in content's words (decision/record/messages.py), and that nothing changed
            st.error(plain_markdown(f"{message[1].message(p, content.lang)} {p['frame.not_changed']}"))


_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def plain_markdown(text: str) -> str:
    """``text`` for an element that renders Markdown (st.error does), shown as the plain text it is.

    Every ASCII punctuation mark is backslash-escaped (CommonMark's rule), so no link, image,
    LaTeX, colour, emoji code or HTML can form from it; control characters become spaces.
    """
    text = "".join(c if c.isprintable() else " " for c in text)
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
