"""What helps a patient weigh the options (``deliberation.yaml``, ``scores.yaml``): what matters to
them and the reasons each value gives, the knowledge quiz, the SURE test of decisional conflict, the
suggested questions, and the Oswestry and pain scores with their bands.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from decision.content.models.base import Diagnosis, Frozen, OptionId


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
    """One question, asked for the diagnoses it names; none named: a general question, asked of
    everyone. It names what it rests on: a comparison (then it is asked only where that comparison
    applies: checks/quiz.py), a figure, or a source."""

    id: str
    question: str
    choices: tuple[QuizChoice, ...]
    answer: str
    explanation: str
    diagnoses: tuple[Diagnosis, ...] = ()
    comparison: str | None = None
    figure: str | None = None
    source: str | None = None

    def asked_for(self, diagnosis: str | None) -> bool:
        """A general question is asked of everyone; another only for the diagnoses it names."""
        return not self.diagnoses or diagnosis in self.diagnoses


class Quiz(Frozen):
    intro: str
    questions: tuple[QuizQuestion, ...] = Field(min_length=1)

    def for_diagnosis(self, diagnosis: str | None) -> tuple[QuizQuestion, ...]:
        """The questions asked of a patient with this diagnosis, in order. Not sure, or not said:
        the general questions only (the numbers of the others belong to one diagnosis)."""
        return tuple(q for q in self.questions if q.asked_for(diagnosis))


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
