"""What each diagnosis is, in words, where the patient chooses it (``conditions.yaml``).

One ``Condition`` per diagnosis: the short line under the choice, the fuller meaning beside its
small drawing (and the drawing's text alternative), the glossary terms behind it, and what its
numbers do not cover, each note with its sources. The drawing itself is drawn by
``decision.output.condition_drawing`` from ``drawing``, one of its kinds.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

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
    not_covered: tuple[SourcedNote, ...] = ()


class Conditions(Frozen):
    conditions: tuple[Condition, ...]
    previous_surgery: SourcedNote  # shown under every diagnosis that has numbers
    drawing_words: dict[DrawingWord, str]
