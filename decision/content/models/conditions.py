"""What each diagnosis is, in words, where the patient chooses it (``conditions.yaml``).

One ``Condition`` per diagnosis: the short line under the choice, the fuller meaning beside its
small drawing (and the drawing's text alternative), the glossary terms behind it, and what its
numbers do not cover: a short line in view (``not_covered_short``) and the notes behind it, each
with its sources, in a "Read more" layer (issue 24: lead with what she needs to decide). The drawing itself is drawn by
``decision.output.condition_drawing`` from ``drawing``, one of its kinds.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from decision.content.models.base import Diagnosis, Frozen

DrawingKind = Literal["healthy", "disc_bulge", "narrow_canal", "slipped_vertebra", "worn_disc"]
DrawingWord = Literal["bone", "disc", "nerves", "front", "back"]
SHORT_MAX_CHARS = 110  # one line under a choice, not a paragraph
CALLOUT_MAX_CHARS = 40  # the words inside the drawing that point at the problem, two short lines


class SourcedNote(Frozen):
    """A sentence or two about what the numbers cover, always with where it comes from."""

    text: str
    sources: tuple[str, ...] = Field(min_length=1)


class Condition(Frozen):
    id: Diagnosis
    short: str = Field(min_length=1, max_length=SHORT_MAX_CHARS)
    meaning: str = Field(min_length=1)
    drawing: DrawingKind
    drawing_alt: str = Field(min_length=1)  # the drawing's text alternative (its accessible name)
    callout: str = Field(default="", max_length=CALLOUT_MAX_CHARS)
    terms: tuple[str, ...] = ()  # glossary.yaml terms shown beside the choice
    not_covered: tuple[SourcedNote, ...] = ()  # the detail and its sources, in the "Read more" layer
    not_covered_short: str = ""  # what the notes say, in a sentence or two, in view

    @model_validator(mode="after")
    def _short_line_for_notes(self) -> Condition:
        if self.not_covered and not self.not_covered_short.strip():
            raise ValueError(f"'{self.id}' has not_covered notes but no not_covered_short line to show in view")
        return self


class PreviousSurgery(SourcedNote):
    """The note on previous back surgery: ``short`` in view, ``text`` and its sources in the layer."""

    short: str = Field(min_length=1)


class Conditions(Frozen):
    conditions: tuple[Condition, ...]
    previous_surgery: PreviousSurgery  # shown under every diagnosis that has numbers
    drawing_words: dict[DrawingWord, str]
