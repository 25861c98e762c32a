"""What helps a patient weigh the options (``deliberation.yaml``, ``scores.yaml``): what matters to
them and the reasons each value gives, the knowledge quiz, the SURE test of decisional conflict, the
suggested questions, and the Oswestry and pain scores with their bands.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from decision.content.models.base import Frozen, OptionId


class Reason(Frozen):
    option: OptionId
    fit: Literal["tends_to_fit", "mixed", "tends_not_to_fit"]
    why: str
    comparison: str  # the comparison the reason rests on; the reason shows only for its diagnoses


class ValueItem(Frozen):
    id: str
    label: str
    reasons: tuple[Reason, ...]


class Values(Frozen):
    intro: str
    disclaimer: str
    items: tuple[ValueItem, ...]


class QuizChoice(Frozen):
    id: str
    text: str


class QuizQuestion(Frozen):
    id: str
    question: str
    choices: tuple[QuizChoice, ...]
    answer: str
    explanation: str
    figure: str | None = None
    source: str | None = None


class Quiz(Frozen):
    intro: str
    questions: tuple[QuizQuestion, ...] = Field(min_length=6, max_length=8)


class SureItem(Frozen):
    id: Literal["sure", "understand", "risk_benefit", "encouragement"]
    question: str


class Sure(Frozen):
    intro: str
    items: tuple[SureItem, ...] = Field(min_length=4, max_length=4)
    conflict_message: str
    no_conflict_message: str
    source: str


class SuggestedQuestion(Frozen):
    id: str
    text: str
    options: tuple[OptionId, ...] = ()  # empty: for everyone


class Deliberation(Frozen):
    values: Values
    quiz: Quiz
    sure: Sure
    questions: tuple[SuggestedQuestion, ...]
    leaning_options: dict[str, str]
    decision_roles: dict[str, str]


class OswestryBand(Frozen):
    low: int = Field(ge=0, le=100)
    high: int = Field(ge=0, le=100)
    label: str


class Scores(Frozen):
    oswestry_intro: str
    oswestry_sections: tuple[str, ...] = Field(min_length=10, max_length=10)
    oswestry_bands: tuple[OswestryBand, ...]
    oswestry_source: str
    pain_intro: str
