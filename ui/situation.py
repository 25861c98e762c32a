"""Draw "Things that change your chances" on Compare, and the note for a patient whose worst pain is the back.

What to say comes from ``decision.compare.situation`` (the same the Summary and the PDF use); the
words from ``content/situation.yaml``. The note is shown open, above the closed expander: it is
about the patient's own answer and is easy to miss inside one.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from decision.compare.situation import back_pain_notes, note_sentence, options_in_view, situation_for
from decision.content import Content
from decision.record import DecisionRecord


def _sources_line(content: Content, source_ids: Iterable[str]) -> str:
    cited = []
    for sid in dict.fromkeys(source_ids):
        src = content.source(sid)
        cited.append(f"{src.authors}, {src.publisher}{f', {src.year}' if src.year else ''}")
    return f"{content.situation.sources_word} " + "; ".join(cited) + "."


def draw_situation(content: Content, record: DecisionRecord) -> None:
    """The back-pain note (when it applies), then the factors of each option in view, in an expander."""
    s = content.situation
    in_view = options_in_view(content, record.diagnosis, record.options_compared)
    for option_id, note in back_pain_notes(content, record.worst_pain, (*in_view, record.procedure or "")):
        with st.container(border=True, key=f"back-pain-note-{option_id}"):
            st.markdown(f"**{s.back_pain.title}**\n\n{note_sentence(content, note)}")
            st.caption(_sources_line(content, note.sources))
    options = situation_for(content, record.diagnosis, in_view)
    if not options:
        return
    with st.expander(s.title, icon=":material/person_search:"):
        st.markdown(s.intro)
        for option in options:
            lines = [f"- **{line.factor}.** {' '.join(line.sentences)}" for line in option.lines]
            st.markdown(f"**{option.name}**\n\n" + "\n".join(lines))
            cited = [sid for line in option.lines for sid in line.sources]
            if cited:
                st.caption(_sources_line(content, cited))
