"""Notes: what a reason or a quiz answer rests on, and the patient's own short notes.

``evidence_note`` and ``comparison_note`` say, in one line under a reason or an answer, the
numbers it rests on (a number never without its comparator), who they apply to, where they come
from and how certain they are. ``add_text`` adds one of the patient's own notes (a concern, a
question) to its list: stripped, never blank or repeated, never past the list's limit.
"""

from __future__ import annotations

from decision.content import Content
from decision.content.wording import arm_sentence, gap_sentence, label_note, sentence


def evidence_note(content: Content, figure: str | None, source: str | None) -> str:
    """What a reason or an answer rests on: the figure's own sentence, who it applies to and
    where it comes from; or, with no figure, the source. Empty if it names neither."""
    parts = []
    if figure:
        f = content.figure(figure)
        applies = content.pages["figure.applies"].format(population=f.population)
        where = content.pages["figure.source"].format(source=_short(content, f.source))
        parts.append(" ".join((sentence(f, content.words), applies, where, label_note(f, content.words))))
    if source and not (figure and content.figure(figure).source == source):
        parts.append(content.pages["figure.source"].format(source=_short(content, source)))
    return " ".join(parts)


def comparison_note(content: Content, comparison_id: str, option: str | None = None) -> str:
    """What a reason rests on: the comparison's numbers (this option's arm first, then the
    others: a number never shows without its comparator), who it applies to, and where from."""
    c = content.comparison(comparison_id)
    order = sorted(c.arms, key=lambda o: o != option)
    w = content.words
    parts = [gap_sentence(c, w)] if c.measure == "gap" else [arm_sentence(c, o, w) for o in order]
    if c.measure == "points":
        parts.append(c.scale)
    parts.append(content.pages["figure.applies"].format(population=c.population))
    parts.append(content.pages["figure.source"].format(source=_short(content, c.source)))
    parts.append(content.words.v2_note if c.label == "V2" else content.words.v1_note)
    return " ".join(parts)


def _short(content: Content, source_id: str) -> str:
    return content.source(source_id).plain  # who, in plain words where the source has them (issue 24 item 4)


def add_text(items: list[str], text: str, limit: int) -> list[str]:
    """A new list with ``text`` added: stripped, blank and repeated entries ignored, at most ``limit``."""
    text = text.strip()
    if not text or text in items or len(items) >= limit:
        return list(items)
    return [*items, text]
