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
        parts.append(f"{sentence(f)} Applies to: {f.population}. Source: {_short(content, f.source)}. {label_note(f)}")
    if source and not (figure and content.figure(figure).source == source):
        parts.append(f"Source: {_short(content, source)}.")
    return " ".join(parts)


def comparison_note(content: Content, comparison_id: str, option: str | None = None) -> str:
    """What a reason rests on: the comparison's numbers (this option's arm first, then the
    others: a number never shows without its comparator), who it applies to, and where from."""
    c = content.comparison(comparison_id)
    order = sorted(c.arms, key=lambda o: o != option)
    parts = [gap_sentence(c)] if c.measure == "gap" else [arm_sentence(c, o) for o in order]
    if c.measure == "points":
        parts.append(c.scale)
    parts.append(f"Applies to: {c.population}. Source: {_short(content, c.source)}.")
    parts.append("Seen only in a secondary report, not in the original study." if c.label == "V2"
                 else "Seen in the original study.")
    return " ".join(parts)


def _short(content: Content, source_id: str) -> str:
    return content.source(source_id).plain  # who, in plain words where the source has them (issue 24 item 4)


def add_text(items: list[str], text: str, limit: int) -> list[str]:
    """A new list with ``text`` added: stripped, blank and repeated entries ignored, at most ``limit``."""
    text = text.strip()
    if not text or text in items or len(items) >= limit:
        return list(items)
    return [*items, text]
