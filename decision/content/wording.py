"""How a figure or a comparison is said in words: "About 17 in 100 people … within 4 years."

One place for the words of a number, so the Compare page, the values fit, the quiz, the summary and
its PDF say each number the same way. Rounding is half up, as people round (16.5 -> 17), and a
number under 1 in 100 is said per 1,000 instead of rounding to one whole person.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import cast

from decision.content.catalogue import Content
from decision.content.models import Arm, Comparison, Figure, OptionId


def round_half_up(x: float) -> int:
    """16.5 -> 17, as people round (Python's round() gives 16: it rounds half to even)."""
    return int(Decimal(str(x)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def icons_to_fill(per_100: float) -> int:
    """Whole icons to fill, rounded half up. Under 1 in 100 no icon is filled; the words say
    'fewer than 1' (0.84 would otherwise round to one whole person)."""
    if per_100 < 1:
        return 0
    return max(0, min(100, round_half_up(per_100)))


def format_number(per_100: float) -> str:
    if per_100 == 0:
        return "0 in 100"
    if per_100 < 1:
        per_1000 = round(per_100 * 10, 1)
        per_1000_text = f"{per_1000:g}"
        return f"fewer than 1 in 100 (about {per_1000_text} in 1,000)"
    return f"{icons_to_fill(per_100)} in 100"


def sentence(figure: Figure) -> str:
    """'About 9 in 100 people ... within 4 years.' The text alternative for the icon array."""
    number = format_number(figure.per_100)
    about = "About " if figure.per_100 >= 1 and figure.per_100 != round(figure.per_100) else ""
    text = f"{about}{number} people {figure.outcome} {figure.time_frame}."
    text = text[0].upper() + text[1:]
    if figure.low is not None and figure.high is not None:  # both or neither (checked at load)
        text += f" Studies give a range of {format_number(figure.low)} to {format_number(figure.high)}."
    return text


def label_note(figure: Figure) -> str:
    if figure.label == "V2":
        return "Seen only in a secondary report, not in the original study. Treat it with extra caution."
    return "Seen in the original study."


def arm_figure(comparison: Comparison, option_id: str) -> Figure | None:
    """The arm as a plain figure (N in 100 people) for an icon array; None for points and gaps."""
    for f in comparison.arm_figures():
        if f.id == f"{comparison.id}.{option_id}":
            return f
    return None


def arm_of(comparison: Comparison, option_id: str) -> Arm:
    """One arm by option id (callers pass ids read from content as plain str; a KeyError if none)."""
    return comparison.arms[cast(OptionId, option_id)]


def plain_number(x: float) -> str:
    return f"{x:g}"


def arm_sentence(comparison: Comparison, option_id: str) -> str:
    """One arm in words: 'About 63 in 100 people who had ... at 5 years.' or '… scored 25 points.'"""
    a = arm_of(comparison, option_id)
    if comparison.measure == "people":
        figure = arm_figure(comparison, option_id)
        assert figure is not None  # measure 'people': every arm is a figure
        return sentence(figure)
    if comparison.measure == "points":
        assert a.points is not None  # measure 'points' has points on every arm (checked at load)
        return f"{a.outcome}: {plain_number(a.points)} {comparison.unit}, {comparison.time_frame}."
    return f"{a.outcome}."


def gap_sentence(comparison: Comparison) -> str:
    g = comparison.gap
    if g is None:
        return ""
    return " ".join(g.sentence.replace("{points}", plain_number(g.points)).replace(
        "{low}", plain_number(g.low) if g.low is not None else "").replace(
        "{high}", plain_number(g.high) if g.high is not None else "").split())


def gap_short(comparison: Comparison) -> str:
    g = comparison.gap
    return g.short.replace("{points}", plain_number(g.points)) if g is not None else ""


def summary_sentences(comparison: Comparison) -> tuple[str, ...]:
    """Everything said about the numbers of one comparison, arm by arm, then the gap."""
    lines = [arm_sentence(comparison, oid) for oid in comparison.arms] if comparison.measure != "gap" else []
    if comparison.measure == "points" and comparison.scale:
        lines.append(comparison.scale)
    if comparison.gap is not None:
        lines.append(gap_sentence(comparison))
    return tuple(lines)


def design_words(content: Content, comparison: Comparison) -> str:
    """How the study was done, in a sentence; then how sure the evidence is, only where a review
    graded it (issue 23: a source's own grade, never one read off the design)."""
    words = content.template.designs[comparison.design]
    if comparison.certainty is not None:
        words += " " + content.pages["compare.certainty_sentence"].format(level=comparison.certainty.level)
    return words


def number_words(per_100: float) -> str:
    return format_number(per_100)
