"""The patient's record: everything the patient and the surgeon enter, in one model.

One ``DecisionRecord`` per browser session is the single source of truth; every page reads it
and writes it. Its JSON is the save file. ``schema_version`` says which shape a file has:
version 1 is the first shape (the readiness fields only); version 2 adds the deliberation,
clinic and fusion-plan fields; version 3 adds nicotine use (asked before a fusion), stores an
unanswered question as ``None`` (no answer is pre-set) and keeps quiz changes apart from the first
answers. Version 4 adds what the readiness check needs to judge need (issue 20): the whole span
of care in weeks (``care_weeks``), a doctor's word that pain medicines are not safe
(``medicines_unsuitable``) and the surgeon's view of whether the scan matches the symptoms
(``clinical.imaging_matches``); an older file was never asked, so each stays unanswered. Version 5
adds the clinic visit's fields (issue 24): the level(s) of the spine (``clinical.levels``) and the
next step (``clinical.next_step``), and the surgeon's proposal may now be care without surgery or
more time as well as an operation. Older files are migrated on load, so a file saved at home last
month still opens.

This module holds the models only: the limits they keep are in ``limits``, reading a save file
in ``parse``, and bringing an older file up to this shape in ``migrate``.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any, Final, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from decision.content import Diagnosis, OptionId, RedFlagId, TreatmentKind
from decision.record.limits import LEVELS_LIMIT, MAX_RATINGS, TEXT_LIMIT, initials_problem
from decision.text import clean_text

SCHEMA_VERSION: Final = 5

Procedure = Literal["microdiscectomy", "laminectomy", "fusion", "none_yet"]
# The surgeon's proposal: an operation, care without surgery or more time ("none_yet": nothing yet).
Proposal = Literal["microdiscectomy", "laminectomy", "fusion", "non_operative", "more_time_needed", "none_yet"]
NextStep = Literal["follow_up", "referral", "trial_of_care", "surgery_scheduled", "other"]
Helped = Literal["yes", "partly", "no", "not_sure"]
YesNoUndecided = Literal["yes", "no", "undecided"]


def _refused(code: str, **numbers: int) -> PydanticCustomError:
    """A rule of the record broken: its code (decision/record/messages.py), whose sentence is content.

    The code is the error's type, so ``parse`` names it; no English sentence is built here.
    """
    return PydanticCustomError(code, code, numbers)


class Strict(BaseModel):
    # hide_input_in_errors: a wrong value never reaches an error message, a log line or a traceback.
    model_config = ConfigDict(extra="forbid", validate_assignment=True, hide_input_in_errors=True)


class Treatment(Strict):
    kind: TreatmentKind
    weeks: int | None = Field(default=None, ge=0, le=1040)  # None: ticked, but how long not answered
    visits: int | None = Field(default=None, ge=0, le=500)
    helped: Helped | None = None


class FusionPlan(Strict):
    """The surgeon's proposal, part by part. None: not answered; "undecided" is an answer."""

    with_decompression: YesNoUndecided | None = None
    instrumentation: Literal["pedicle_screws", "none", "undecided"] | None = None
    approach: Literal["posterior", "anterior", "lateral", "combined_360", "undecided"] | None = None
    interbody_cage: YesNoUndecided | None = None
    segments: Literal[1, 2, 3, "undecided"] | None = None
    surgeon_notes: str = Field(default="", max_length=TEXT_LIMIT)

    @field_validator("segments", mode="before")
    @classmethod
    def _whole_number(cls, v: Any) -> Any:
        # A Literal of numbers compares by equality, so even strict mode took true and 1.0 for 1
        # (issue 21). Only a whole number or one of the words is a count of levels.
        if isinstance(v, (bool, float)):
            raise _refused("segments")
        return v

    def is_blank(self) -> bool:
        return self == FusionPlan()


class Clinical(Strict):
    """What the surgeon adds in clinic."""

    confirmed_diagnosis: str = Field(default="", max_length=TEXT_LIMIT)
    imaging_findings: str = Field(default="", max_length=TEXT_LIMIT)
    proposed_operation: Proposal | None = None
    # Does the scan match the symptoms? Only the surgeon can judge (readiness, part 4).
    imaging_matches: Literal["yes", "no", "unsure"] | None = None
    levels: str = Field(default="", max_length=LEVELS_LIMIT)  # the level(s) of the spine, e.g. "L4-L5"
    next_step: NextStep | None = None

    @field_validator("levels")
    @classmethod
    def _one_line(cls, v: str) -> str:
        return clean_text(v, multiline=False).strip()


class Oswestry(Strict):
    """Section scores 0-5 (None for a section left blank), or a total entered directly."""

    sections: list[int | None] = Field(default_factory=lambda: [None] * 10, min_length=10, max_length=10)  # type: ignore[arg-type]  # the lambda reads as list[None]
    total_percent: float | None = Field(default=None, ge=0, le=100)

    @field_validator("sections")
    @classmethod
    def _range(cls, v: list[int | None]) -> list[int | None]:
        for s in v:
            if s is not None and not 0 <= s <= 5:
                raise _refused("oswestry_section")
        return v


class SureAnswers(Strict):
    sure: bool | None = None
    understand: bool | None = None
    risk_benefit: bool | None = None
    encouragement: bool | None = None


class Sure(Strict):
    before: SureAnswers = Field(default_factory=SureAnswers)
    after: SureAnswers = Field(default_factory=SureAnswers)


class DecisionReached(Strict):
    choice: OptionId | Literal["more_time_needed"]
    on: date


class DecisionRecord(Strict):
    schema_version: Literal[5] = SCHEMA_VERSION
    patient_initials: str = Field(default="", max_length=16)

    # Safety screen
    safety_screen_done: bool = False
    red_flags: list[RedFlagId] = Field(default_factory=list)

    # Your back
    diagnosis: Diagnosis | None = None  # None: not answered ("not_sure" is an answer)
    procedure: Procedure | None = None  # None: not answered ("none_yet" is an answer)
    symptom_weeks: int | None = Field(default=None, ge=0, le=5200)
    worst_pain: Literal["back", "leg", "both"] | None = None
    pain_back: int | None = Field(default=None, ge=0, le=10)
    pain_leg: int | None = Field(default=None, ge=0, le=10)
    oswestry: Oswestry = Field(default_factory=Oswestry)

    # Your care so far (one entry per kind of treatment)
    treatments: list[Treatment] = Field(default_factory=list, max_length=len(get_args(TreatmentKind)))
    nicotine: Literal["none", "stopped", "current"] | None = None  # None: not asked or not answered
    nicotine_free_weeks: int | None = Field(default=None, ge=0, le=5200)  # when stopped
    # The whole span of care, as the patient gives it; None: the aid estimates it from the parts.
    care_weeks: int | None = Field(default=None, ge=0, le=5200)
    # "My doctor said these medicines are not safe for me, or I could not take them." None: not said.
    medicines_unsuitable: bool | None = None

    # Compare your options: the options set side by side there. The Summary and the PDF call these
    # "options compared"; an option the patient never had on that page is never listed.
    options_compared: list[OptionId] = Field(default_factory=list, max_length=4)

    # Fusion questions and the surgeon's plan
    clinical: Clinical = Field(default_factory=Clinical)
    fusion_plan: FusionPlan = Field(default_factory=FusionPlan)
    fusion_patient_notes: str = Field(default="", max_length=TEXT_LIMIT)

    # Deliberation
    values: dict[str, int] = Field(default_factory=dict, max_length=MAX_RATINGS)
    own_concerns: list[str] = Field(default_factory=list, max_length=20)
    quiz: dict[str, str] = Field(default_factory=dict, max_length=MAX_RATINGS)
    # the latest answer, where it was changed
    quiz_second_tries: dict[str, str] = Field(default_factory=dict, max_length=MAX_RATINGS)
    leaning: OptionId | Literal["not_sure"] | None = None
    decision_role: Literal["myself", "together", "surgeon"] | None = None
    sure: Sure = Field(default_factory=Sure)
    questions: list[str] = Field(default_factory=list, max_length=40)

    # Clinic
    decision_reached: DecisionReached | None = None

    @field_validator("patient_initials")
    @classmethod
    def _initials(cls, v: str) -> str:
        v = unicodedata.normalize("NFC", v).strip()
        if initials_problem(v):
            raise _refused("initials")
        return v

    @field_validator("red_flags", "options_compared")
    @classmethod
    def _unique_flags(cls, v: list[str]) -> list[str]:
        return list(dict.fromkeys(v))

    @field_validator("treatments")
    @classmethod
    def _one_per_kind(cls, v: list[Treatment]) -> list[Treatment]:
        # The Care page keeps one entry per kind; two would disagree (issue 21: 0 weeks shown, 52 counted).
        kinds = [t.kind for t in v]
        if len(set(kinds)) != len(kinds):
            raise _refused("treatment_once")
        return v

    @model_validator(mode="after")
    def _plausible_spans(self) -> DecisionRecord:
        # Where both are answered, no treatment lasted longer than the symptoms (issue 21: 1,040
        # weeks of therapy against 12 weeks of pain read "criteria met"). Pydantic runs this on
        # every assignment too and keeps the assigned value when it fails, so the pages check
        # first (longest_treatment / longer_than_symptoms) and never assign such a pair.
        if longer_than_symptoms(self.symptom_weeks, self.treatments, self.care_weeks):
            raise _refused("longer_than_symptoms")
        return self

    @field_validator("values")
    @classmethod
    def _ratings(cls, v: dict[str, int]) -> dict[str, int]:
        for rating in v.values():
            if not 0 <= rating <= 10:
                raise _refused("rating")
        return v

    @field_validator("own_concerns", "questions")
    @classmethod
    def _short_texts(cls, v: list[str]) -> list[str]:
        for text in v:
            if len(text) > TEXT_LIMIT:
                raise _refused("text_too_long", limit=TEXT_LIMIT)
        return v

    # ------------------------------------------------------------ save file

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)


def longest_treatment(treatments: list[Treatment], care_weeks: int | None = None) -> int | None:
    """The most weeks any treatment (or the whole span of care) lasted, or None when none is answered."""
    weeks = [t.weeks for t in treatments if t.weeks is not None] + ([care_weeks] if care_weeks is not None else [])
    return max(weeks) if weeks else None


def longer_than_symptoms(symptom_weeks: int | None, treatments: list[Treatment], care_weeks: int | None = None) -> bool:
    """True when both are answered and a treatment (or the whole span of care) lasted longer than the symptoms."""
    longest = longest_treatment(treatments, care_weeks)
    return symptom_weeks is not None and longest is not None and longest > symptom_weeks
