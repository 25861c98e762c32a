"""Your back: what the picked diagnosis is (a small drawing beside its meaning, and what its numbers
do not cover, the detail in a "Read more"), and the glossary's words for the diagnoses. Every word
is from content; the drawing is ``decision.output.condition_drawing``."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from decision.content import Content
from decision.output.condition_drawing import condition_svg


def _sources(content: Content, ids: Sequence[str]) -> str:
    return "; ".join(dict.fromkeys(content.source(sid).plain for sid in ids))


def draw_condition(content: Content, diagnosis: str) -> None:
    """The picked diagnosis explained: drawing (its text alternative is its accessible name), its
    meaning and, beside them, what its numbers do not cover in a line or two; the notes in full and
    their sources in a closed "Read more" below (issue 24: the detail a click away, not in the way)."""
    p = content.pages
    condition = content.condition(diagnosis)
    with st.container(border=True, key="condition"):
        drawing, words = st.columns([2, 3])  # the drawing stays small; the words get the width
        drawing.markdown(condition_svg(condition.drawing, alt=condition.drawing_alt, callout=condition.callout,
                                       words=content.conditions.drawing_words), unsafe_allow_html=True)
        words.write(condition.meaning)
        for line in content.condition_notes_in_view(diagnosis):
            words.write(line)
        notes = content.condition_notes(diagnosis)
        if notes:
            with st.expander(p["your_back.not_covered_more"]):
                for note in notes:
                    st.write(note.text)
                cited = dict.fromkeys(sid for note in notes for sid in note.sources)  # each source once
                st.caption(p["your_back.sources"].format(sources=_sources(content, tuple(cited))))


def draw_diagnosis_words(content: Content) -> None:
    """The glossary's entries for every diagnosis's terms, beside the choice."""
    terms = [t for c in content.conditions.conditions for t in c.terms]
    with st.expander(content.pages["your_back.words_title"]):
        st.markdown("\n".join(f"- **{t.term}**: {t.meaning}" for t in content.glossary_terms(terms)))
