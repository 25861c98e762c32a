"""The reading level shown on the About page: read from the checked report, never computed here.

``python -m decision.content.readability --write`` scores the content where it is checked and writes
``reading_level.json`` beside it (see decision/content/readability.py for why not in the server).
"""

import streamlit as st

from decision.content import content_dir
from decision.content.readability import ReadingLevel, read_report
from decision.content.signoff import SignOffStatus, sign_off_status


@st.cache_resource(show_spinner=False)
def reading_level() -> ReadingLevel | None:
    return read_report()


@st.cache_resource(show_spinner=False)
def sign_off(root: str, version: str) -> SignOffStatus:
    """The clinical sign-off of the content in use (content/signoff.yaml), read once per content folder."""
    return sign_off_status(version, root)


def sign_off_here(version: str) -> SignOffStatus:
    return sign_off(str(content_dir()), version)
