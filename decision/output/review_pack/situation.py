"""What the pack shows of "Things that change your chances" (``content/situation.yaml``): every
statement and every silence, per option of each diagnosis, and the note for back pain, each with
its sources and label, so the reviewer signs these sentences as they sign the numbers."""

from __future__ import annotations

from decision.content import Content
from decision.output.review_pack.page import Html, section, table
from decision.output.review_pack.sources import LABELS, source_cell


def situation_section(content: Content) -> Html:
    s = content.situation
    rows: list[list[object]] = []
    for option_id, note in s.back_pain.notes.items():
        rows.append(["(worst pain is the back)", option_id, s.back_pain.title, note.text,
                     source_cell(content, list(note.sources)), LABELS[note.label]])
    for diagnosis, options in s.options_by_diagnosis.items():
        for option_id, factors in options.items():
            for factor, entry in factors.entries():
                if entry.silent:
                    rows.append([diagnosis, option_id, s.factors[factor], entry.silent, "(silent)", ""])
                for st in entry.says:
                    rows.append([diagnosis, option_id, s.factors[factor], st.text,
                                 source_cell(content, list(st.sources)), LABELS[st.label]])
    return section(f"{s.title} (situation.yaml)",
                   table(["Diagnosis", "Option", "Factor", "Words shown", "Sources", "Label"], rows),
                   id="situation")
