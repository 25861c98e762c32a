"""How a figure or a comparison is said in words: "About 17 in 100 people … within 4 years."

One place for the words of a number, so the Compare page, the values fit, the quiz, the summary and
its PDF say each number the same way. Rounding is half up, as people round (16.5 -> 17), and a
number under 1 in 100 is said per 1,000 instead of rounding to one whole person.

The sentence frames ("{number} in 100", "About {number} people {outcome} {time_frame}.") are content
(``content/pages.yaml``, the ``wording.*`` keys), so a translation says them in its own words and
order; ``Words`` carries them, hashable, so the cached drawings can take it.
"""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class Words:
    """The frames a number is said in, from content (``Words.of(content.pages)``)."""

    in_100: str  # "{n} in 100"
    under_1: str  # "fewer than 1 in 100 (about {per_thousand} in 1,000)"
    people: str  # "{number} people {outcome} {time_frame}."
    people_about: str  # "About {number} people {outcome} {time_frame}."
    range: str  # "Studies give a range of {low} to {high}."
    points: str  # "{outcome}: {amount}, {time_frame}."
    unit_points: str  # "{n} points": a score's number and what it counts (Comparison.unit)
    unit_weeks: str
    unit_days: str
    v1_note: str
    v2_note: str
    decimal_mark: str  # "." in English, "," in Spanish

    @classmethod
    def of(cls, pages) -> Words:
        return cls(**{name: pages[f"wording.{name}"] for name in cls.__dataclass_fields__})


def plain_number(x: float, words: Words) -> str:
    return f"{x:g}".replace(".", words.decimal_mark)


def amount(points: float, unit: str, words: Words) -> str:
    """A score's number with what it counts: '4.1 days' ('4,1 días'), '12 weeks', '25 points'."""
    return getattr(words, f"unit_{unit}").format(n=plain_number(points, words))


def format_number(per_100: float, words: Words) -> str:
    if per_100 == 0:
        return words.in_100.format(n=0)
    if per_100 < 1:
        return words.under_1.format(per_thousand=plain_number(round(per_100 * 10, 1), words))
    return words.in_100.format(n=icons_to_fill(per_100))


def sentence(figure: Figure, words: Words) -> str:
    """'About 9 in 100 people ... within 4 years.' The text alternative for the icon array."""
    frame = words.people_about if figure.per_100 >= 1 and figure.per_100 != round(figure.per_100) else words.people
    text = " ".join(frame.format(number=format_number(figure.per_100, words), outcome=figure.outcome,
                                 time_frame=figure.time_frame).split())
    text = text[0].upper() + text[1:]
    if figure.low is not None and figure.high is not None:  # both or neither (checked at load)
        text += " " + words.range.format(low=format_number(figure.low, words), high=format_number(figure.high, words))
    return text


def label_note(figure: Figure, words: Words) -> str:
    return words.v2_note if figure.label == "V2" else words.v1_note


def arm_figure(comparison: Comparison, option_id: str) -> Figure | None:
    """The arm as a plain figure (N in 100 people) for an icon array; None for points and gaps."""
    for f in comparison.arm_figures():
        if f.id == f"{comparison.id}.{option_id}":
            return f
    return None


def arm_of(comparison: Comparison, option_id: str) -> Arm:
    """One arm by option id (callers pass ids read from content as plain str; a KeyError if none)."""
    return comparison.arms[cast(OptionId, option_id)]


def arm_sentence(comparison: Comparison, option_id: str, words: Words) -> str:
    """One arm in words: 'About 63 in 100 people who had ... at 5 years.' or '… scored 25 points.'"""
    a = arm_of(comparison, option_id)
    if comparison.measure == "people":
        figure = arm_figure(comparison, option_id)
        assert figure is not None  # measure 'people': every arm is a figure
        return sentence(figure, words)
    if comparison.measure == "points":
        assert a.points is not None  # measure 'points' has points on every arm (checked at load)
        return words.points.format(outcome=a.outcome, amount=amount(a.points, comparison.unit, words),
                                   time_frame=comparison.time_frame)
    return a.outcome if a.outcome.endswith((".", "?", "!")) else f"{a.outcome}."


def gap_sentence(comparison: Comparison, words: Words) -> str:
    g = comparison.gap
    if g is None:
        return ""
    return " ".join(g.sentence.replace("{points}", plain_number(g.points, words)).replace(
        "{low}", plain_number(g.low, words) if g.low is not None else "").replace(
        "{high}", plain_number(g.high, words) if g.high is not None else "").split())


def gap_short(comparison: Comparison, words: Words) -> str:
    g = comparison.gap
    return g.short.replace("{points}", plain_number(g.points, words)) if g is not None else ""


def summary_sentences(comparison: Comparison, words: Words) -> tuple[str, ...]:
    """Everything said about the numbers of one comparison, arm by arm, then the gap."""
    lines = [arm_sentence(comparison, oid, words) for oid in comparison.arms] if comparison.measure != "gap" else []
    if comparison.measure == "points" and comparison.scale:
        lines.append(comparison.scale)
    if comparison.gap is not None:
        lines.append(gap_sentence(comparison, words))
    return tuple(lines)


def design_words(content: Content, comparison: Comparison) -> str:
    """How the study was done, in a sentence; then how sure the evidence is, only where a review
    graded it (issue 23: a source's own grade, never one read off the design)."""
    words = content.template.designs[comparison.design]
    if comparison.certainty is not None:
        words += " " + content.pages["compare.certainty_sentence"].format(level=certainty_words(content, comparison))
    return words


def certainty_words(content: Content, comparison: Comparison) -> str:
    """The review's grade in the reader's words ("very low to low"): an id in the data, words in pages."""
    assert comparison.certainty is not None
    return content.pages[f"certainty.{comparison.certainty.level.replace(' ', '_')}"]


def number_words(per_100: float, words: Words) -> str:
    return format_number(per_100, words)
