"""The fusion page's content (``fusion.yaml``): the questions to settle with the surgeon (each a card
with its key figures), another operation after fusion, and the fields of the surgeon's plan.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from decision.content.models.base import Frozen


class Choice(Frozen):
    name: str
    involves: str
    # Balance by construction (issue 23): the card's harm figures for this choice, or, where the card
    # counts harms and our evidence has none for this choice, a whole sentence that says so.
    harms: tuple[str, ...] = ()
    no_harm: str = ""

    @model_validator(mode="after")
    def _harms_or_a_sentence(self) -> Choice:
        if self.harms and self.no_harm:
            raise ValueError(f"{self.name}: give harms or a 'no harm counted' sentence, not both")
        return self


class FusionQuestion(Frozen):
    id: Literal["decompression_alone", "instrumentation", "approach", "cages_or_screws", "length"]
    # The card opens with these two lines; the full question and choices wait behind "read more".
    short_question: str = Field(min_length=10, max_length=80)
    choices_line: str = Field(min_length=10, max_length=100)
    question: str
    choices: tuple[Choice, ...]
    known: str
    figures: tuple[str, ...]
    key_figures: tuple[str, ...] = Field(default=(), max_length=4)  # shown on the closed card
    # Shown on the closed card in words, for a card whose question our evidence answers with no
    # number out of 100 (the reviews give odds): then the card needs no key figures.
    key_message: str = ""
    # The closed card's bottom line in one or two short sentences, the uncertainty said out loud
    # (issue 24: "studies disagree"); a card with a key_message needs none (that is its bottom line).
    bottom_line: str = ""
    # A figure that stands alone from its study on the card, beside numbers from other studies, gets a
    # warning drawn with it: figure id -> why it stands alone and what not to compare it with.
    single_arm: dict[str, str] = Field(default_factory=dict)
    not_known: str
    ask: tuple[str, ...] = Field(min_length=2, max_length=3)
    sources: tuple[str, ...]

    @model_validator(mode="after")
    def _short_lines_and_key_figures(self) -> FusionQuestion:
        if "\n" in self.short_question.strip() or not self.short_question.strip().endswith("?"):
            raise ValueError("short_question must be one line ending with '?'")
        if "\n" in self.choices_line.strip():
            raise ValueError("choices_line must be one line")
        _check_key_figures(self.key_figures, self.figures)
        if not self.key_figures and not self.key_message.strip():
            raise ValueError("key_figures: a card needs key figures, or a key_message in words")
        if not (self.bottom_line.strip() or self.key_message.strip()):
            raise ValueError("bottom_line: a card needs a bottom line in words (or a key_message)")
        stray = [f for f in (*self.single_arm, *(h for c in self.choices for h in c.harms)) if f not in self.figures]
        if stray:
            raise ValueError(f"single_arm and choices' harms must name figures of the same card: {', '.join(stray)}")
        return self


def _check_key_figures(key: tuple[str, ...], figures: tuple[str, ...]) -> None:
    stray = [f for f in key if f not in figures]
    if stray:
        raise ValueError(f"key_figures must be among the figures of the same card: {', '.join(stray)}")
    if len(set(key)) != len(key):
        raise ValueError("key_figures lists a figure twice")


class Reoperation(Frozen):
    title: str
    bottom_line: str  # shown before "read more"; the intro and the caution wait behind it
    intro: str
    figures: tuple[str, ...]
    key_figures: tuple[str, ...] = Field(min_length=1, max_length=4)  # shown before "read more"
    after_non_operative: tuple[str, ...]
    caution: str
    sources: tuple[str, ...] = ()  # sources of statements in the words (figures cite their own)

    @model_validator(mode="after")
    def _key_figures_are_its_own(self) -> Reoperation:
        _check_key_figures(self.key_figures, self.figures + self.after_non_operative)
        return self


PlanFieldId = Literal["with_decompression", "instrumentation", "approach", "interbody_cage", "segments"]


class PlanField(Frozen):
    """How one part of the surgeon's fusion plan is asked and shown: on a card, in the summary."""

    card: Literal["decompression_alone", "instrumentation", "approach", "cages_or_screws", "length"]
    field: PlanFieldId
    question: str  # asked of the surgeon on the card
    label: str  # short label in the summary
    values: dict[str, str]  # stored value (segments as "1", "2", "3"; "undecided" for none) -> words


class Fusion(Frozen):
    intro: str
    questions: tuple[FusionQuestion, ...]
    reoperation: Reoperation
    segments_caption: str
    plan: tuple[PlanField, ...] = Field(min_length=5, max_length=5)
