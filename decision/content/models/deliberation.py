"""What helps a patient weigh the options (``deliberation.yaml``, ``scores.yaml``): what matters to
them and the reasons each value gives, the knowledge quiz, the SURE test of decisional conflict, the
suggested questions, and the Oswestry and pain scores with their bands.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from decision.content.models.base import Diagnosis, Frozen, OptionId
from decision.content.models.comparisons import SURGICAL, Topic

Fit = Literal["tends_to_fit", "mixed", "tends_not_to_fit"]


class Reason(Frozen):
    """Why an option tends to fit one value, or not. Its fit is never written here: it is derived
    from what the source says about the comparison it rests on (``Values.fit``)."""

    option: OptionId
    why: str
    comparison: str  # the comparison the reason rests on; the reason shows only for its diagnoses


class ByWhatItIs(Frozen):
    """The reasons an item about having an operation at all gives, by what each option is: no study and
    no number. Written once per item, never per option; the label is the rule's (``Values.fit_by_what_it_is``)."""

    no_operation: str  # shown for care without surgery, which tends to fit
    an_operation: str  # shown for every surgical option, which tends not to fit


class ValueItem(Frozen):
    id: str
    label: str
    topics: tuple[Topic, ...] = Field(min_length=1)  # what the item is about: its reasons' comparisons' topics
    # The item is about having an operation at all, so an option fits it by what the option is (the
    # rule at the head of deliberation.yaml's values says which items are); only then by_what_it_is.
    about_operation_itself: bool = False
    by_what_it_is: ByWhatItIs | None = None
    reasons: tuple[Reason, ...]


class Finding(Frozen):
    """What the source of a comparison with two or more arms says about the difference between them."""

    favours: OptionId | None  # the arm that did better beyond chance (fewer, for a harm); None: not shown
    basis: str  # where the source says so: evidence section, numbers and the test of chance, for review


class Values(Frozen):
    intro: str
    disclaimer: str
    own_concerns_title: str
    own_concerns_note: str
    by_what_it_is_note: str  # under a reason by what an option is, where a study's numbers would be
    findings: dict[str, Finding]  # by comparison id; only comparisons with two or more arms
    items: tuple[ValueItem, ...]

    def fit(self, option: str, comparison: str) -> Fit:
        """The one rule: "tends to fit" where the comparison favours this option beyond chance, "tends
        not to fit" where it favours another option beyond chance, "mixed" otherwise (no clear
        difference, the source does not say, or a comparison with one arm)."""
        finding = self.findings.get(comparison)
        if finding is None or finding.favours is None:
            return "mixed"
        return "tends_to_fit" if finding.favours == option else "tends_not_to_fit"

    @staticmethod
    def fit_by_what_it_is(option: str) -> Fit | None:
        """The second rule, for an item about having an operation at all, the same for every option:
        care without surgery has no operation now, so it "tends to fit"; every surgical option is an
        operation, so it "tends not to fit". None for an option that is neither (there is none today)."""
        if option == "non_operative":
            return "tends_to_fit"
        return "tends_not_to_fit" if option in SURGICAL else None


class QuizChoice(Frozen):
    id: str
    text: str


class QuizQuestion(Frozen):
    """One question, asked for the diagnoses it names; none named: a general question, asked of
    everyone. It names what it rests on: a comparison (then it is asked only where that comparison
    applies: checks/quiz.py), a figure, or a source. ``explanation`` is the why shown under the
    answer; ``more``, the rest of it, waits under "Read more" with the numbers and the source."""

    id: str
    question: str
    choices: tuple[QuizChoice, ...]
    answer: str
    explanation: str
    more: str = ""
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
    source: str


class SuggestedQuestion(Frozen):
    id: str
    text: str
    options: tuple[OptionId, ...] = ()  # empty: for everyone
    # Earlier wordings of ``text``: a save file keeps the words it ticked, so a question reworded
    # still shows ticked (and is saved again in its new words), never as one the patient typed.
    former: tuple[str, ...] = ()


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
    # How a score was reached, said under it: "{points} points from {answered} of 10 sections, out of {out_of}."
    oswestry_how_sections: str
    oswestry_how_total: str
    pain_intro: str
