"""The reading level shown on the About page, computed once per process."""

import streamlit as st

from decision.readability import overall_grade, score_content
from ui.frame import _content_or_error


@st.cache_resource(show_spinner=False)
def reading_level() -> tuple[float, float]:
    content, _ = _content_or_error()
    return overall_grade(content), max(s.grade for s in score_content(content))
