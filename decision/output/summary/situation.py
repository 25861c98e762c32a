"""The summary's "Things that change your chances": the note for back pain, and what the evidence says.

The same choices as the Compare page (``decision.compare.situation``): the options in view, and the
note when the worst pain is the back while an operation done mainly for leg pain is in view. The
note is a label and its value, so the Summary page shows it in its table of answers and the PDF
prints it. On screen the sourced statements follow as one list, each said once with the options it
is for, after a line that says the Compare page has them all, silences too. On paper only the note
prints: the PDF's three pages keep their room for the figures.
"""

from __future__ import annotations

from decision.compare.situation import back_pain_notes, note_sentence, options_in_view, situation_for
from decision.content import Content
from decision.output.summary.model import Block, Bullets, Item, Section
from decision.record import DecisionRecord


def _situation(record: DecisionRecord, content: Content, sources: list[str]) -> list[Section]:
    """The section, or none when there is nothing to say (no diagnosis with options, no note)."""
    s = content.situation
    in_view = options_in_view(content, record.diagnosis, record.options_compared)
    blocks: list[Block] = []
    for _, note in back_pain_notes(content, record.worst_pain, (*in_view, record.procedure or "")):
        blocks.append(Item(s.back_pain.title, note_sentence(content, note)))
        sources += note.sources
    said: dict[tuple[str, str], list[str]] = {}  # (factor, sentence) -> the options it is said for
    for option in situation_for(content, record.diagnosis, in_view):
        for line in option.lines:
            if line.silent:
                continue
            for sentence in line.sentences:
                said.setdefault((line.factor, sentence), []).append(option.name)
    if said:
        # On screen only, after a line saying that Compare has them all with their sources (silences
        # too): on paper the figures keep their room, and so do the numbered sources.
        blocks.append(Item(s.title, s.summary_pointer, line=True))
        blocks.append(Bullets(tuple(f"{', '.join(names)}. {factor}: {sentence}"
                                    for (factor, sentence), names in said.items()), paper=False))
    return [Section("situation", s.title, tuple(blocks))] if blocks else []
