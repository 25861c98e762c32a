"""The reading level shown on the About page: read from the checked report, never computed here.

``python -m decision.content.readability --write`` scores the content where it is checked and writes
``reading_level.json`` beside it (see decision/content/readability.py for why not in the server).
"""

import streamlit as st

from decision.content.readability import ReadingLevel, read_report


@st.cache_resource(show_spinner=False)
def reading_level() -> ReadingLevel | None:
    return read_report()
