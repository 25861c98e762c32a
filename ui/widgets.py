"""Small input helpers shared by the pages. They draw a widget and return a plain value."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import streamlit as st

from decision.text import clean_text

T = TypeVar("T")


def choice(label: str, options: Sequence[T], name: Callable[[T], str], current: T | None, *, key: str,
           horizontal: bool = False, help: str | None = None, captions: Sequence[str] | None = None,
           disabled: bool = False) -> T | None:
    """A radio list that starts at the record's value (or at nothing, when it has none). ``captions``:
    one short line under each choice (not part of the choice's accessible name)."""
    options = list(options)
    index = options.index(current) if current in options else None
    return st.radio(label, options, index=index, format_func=name, key=key, horizontal=horizontal, help=help,
                    captions=captions, disabled=disabled)


# ---------------------------------------------------------------- free text
#
# What a box accepts must be what the loader accepts (issue 21): control and bidirectional
# characters are removed where they are typed (decision/text.py), and the box then shows the text
# as it is kept, with one plain sentence under it.

CLEANED = "text_cleaned:"  # + the box's key, set when something was removed, shown once


def clean_box(key: str, *, multiline: bool) -> None:
    """A box's ``on_change``: its value, cleaned, in place (a callback may set its own box's value)."""
    value = st.session_state.get(key)
    if not isinstance(value, str):
        return
    cleaned = clean_text(value, multiline=multiline)
    if cleaned != value:
        st.session_state[key] = cleaned
        st.session_state[CLEANED + key] = True


def cleaned_note(key: str, message: str) -> None:
    """The plain sentence, under the box whose text was just cleaned."""
    if st.session_state.pop(CLEANED + key, False):
        st.caption(message)


def text_area(label: str, value: str, *, key: str, message: str, **kwargs) -> str:
    """A box of several lines whose text is always text a save file can hold."""
    text = st.text_area(label, value=value, key=key, on_change=clean_box, kwargs={"key": key, "multiline": True},
                        **kwargs)
    cleaned_note(key, message)
    return clean_text(text)  # the first run after a load draws the record's own text; cleaned all the same


def text_line(label: str, value: str, *, key: str, message: str, **kwargs) -> str:
    """A box of one line whose text is always text a save file can hold (line breaks become spaces)."""
    text = st.text_input(label, value=value, key=key, on_change=clean_box, kwargs={"key": key, "multiline": False},
                         **kwargs)
    cleaned_note(key, message)
    return clean_text(text, multiline=False)
