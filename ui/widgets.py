"""Small input helpers shared by the pages. They draw a widget and return a plain value."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import streamlit as st

T = TypeVar("T")


def choice(label: str, options: Sequence[T], name: Callable[[T], str], current: T | None, *, key: str,
           horizontal: bool = False, help: str | None = None) -> T | None:
    """A radio list that starts at the record's value (or at nothing, when it has none)."""
    options = list(options)
    index = options.index(current) if current in options else None
    return st.radio(label, options, index=index, format_func=name, key=key, horizontal=horizontal, help=help)
