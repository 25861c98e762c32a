"""The shape of each content file: frozen pydantic models, one per kind of clinical content.

``decision.content`` assembles them into one ``Content`` and checks the references between
files; everything here checks one file's own fields.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Label = Literal["V1", "V2"]
"""V1: seen in the primary source. V2: seen only in a secondary report (the app says so).
Unverified figures ("U") have no place here: the type refuses them."""

Diagnosis = Literal[
    "disc_herniation", "spinal_stenosis", "degenerative_spondylolisthesis", "chronic_low_back_pain", "not_sure"
]
OptionId = Literal["non_operative", "laminectomy", "microdiscectomy", "fusion"]
TreatmentKind = Literal[
    "physical_therapy",
    "home_exercise",
    "activity_modification",
    "acetaminophen",
    "nsaid",
    "nerve_pain_medication",
    "low_dose_antidepressant",
    "opioid",
    "epidural_steroid_injection",
    "psychological_therapy",
    "multidisciplinary_program",
    "heat_ice_massage_ultrasound",
]
Horizon = Literal["operation", "30_days", "90_days", "1_year", "2_years", "4_years", "5_years", "8_11_years", "over_time"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# ---------------------------------------------------------------- bibliography and figures


class Source(Frozen):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    authors: str
    title: str
    publisher: str  # journal or publisher
    year: int | None = Field(default=None, ge=1950, le=2100)  # None for an undated web page
    doi: str | None = None
    pmid: str | None = None
    url: str | None = None
    secondary_via: str | None = None  # where a V2 figure was seen

    @model_validator(mode="after")
    def _locatable(self) -> "Source":
        if not (self.doi or self.pmid or self.url):
            raise ValueError("a source needs a doi, a pmid or a url so a reader can find it")
        return self

    @property
    def citation(self) -> str:
        where = f"doi {self.doi}" if self.doi else f"PMID {self.pmid}" if self.pmid else self.url
        year = f", {self.year}" if self.year else ""
        via = f" Seen via {self.secondary_via}." if self.secondary_via else ""
        return f"{self.authors.rstrip('.')}. {self.title.rstrip('.')}. {self.publisher}{year}. {where}.{via}"


class Figure(Frozen):
    """One number, always as N in 100 people, with its time frame, population, source and label."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    outcome: str  # plain words, completes "N in 100 people ..."
    per_100: float = Field(ge=0, le=100)
    low: float | None = Field(default=None, ge=0, le=100)
    high: float | None = Field(default=None, ge=0, le=100)
    time_frame: str  # plain words, e.g. "within 8 years"
    horizon: Horizon
    population: str  # who the number applies to
    source: str  # id in the bibliography
    label: Label
    kind: Literal["benefit", "harm", "reoperation", "natural_course", "context"]

    @model_validator(mode="after")
    def _range_brackets_value(self) -> "Figure":
        if (self.low is None) != (self.high is None):
            raise ValueError("give both low and high for a range, or neither")
        if self.low is not None and not (self.low <= self.per_100 <= self.high):
            raise ValueError("the range must contain the value")
        return self


# ---------------------------------------------------------------- the options and their template


class Row(Frozen):
    """One row of the comparison template. Every option fills every row, in this order."""

    id: str
    title: str
    kind: Literal["text", "figures"]
    horizon: Horizon | None = None  # when set, every figure in the row shares this time frame
    help: str = ""


class Cell(Frozen):
    text: str
    figures: tuple[str, ...] = ()


class Option(Frozen):
    id: OptionId
    name: str
    summary: str
    fits: tuple[Diagnosis, ...]
    cells: dict[str, Cell]
    uncertain: str  # what is not known, said out loud


class Template(Frozen):
    rows: tuple[Row, ...]
    option_order: tuple[OptionId, ...]
    notes: tuple[str, ...]  # plain statements shown above the comparison (crossover, as-treated)


# ---------------------------------------------------------------- safety and readiness


class ProgramPart(Frozen):
    id: str
    title: str
    text: str
    kinds: tuple[TreatmentKind, ...] = ()
    disagreement: str = ""
    sources: tuple[str, ...]


class Program(Frozen):
    intro: str
    parts: tuple[ProgramPart, ...]
    treatment_names: dict[TreatmentKind, str]
    helped_names: dict[str, str]


# ---------------------------------------------------------------- fusion questions


class Choice(Frozen):
    name: str
    involves: str


class FusionQuestion(Frozen):
    id: Literal["decompression_alone", "instrumentation", "approach", "cages_or_screws", "length"]
    question: str
    choices: tuple[Choice, ...]
    known: str
    figures: tuple[str, ...]
    not_known: str
    ask: tuple[str, ...] = Field(min_length=2, max_length=3)
    sources: tuple[str, ...]


class Reoperation(Frozen):
    title: str
    intro: str
    figures: tuple[str, ...]
    after_non_operative: tuple[str, ...]
    caution: str
    sources: tuple[str, ...] = ()  # sources of statements in the words (figures cite their own)


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


# ---------------------------------------------------------------- deliberation


class Reason(Frozen):
    option: OptionId
    fit: Literal["tends_to_fit", "mixed", "tends_not_to_fit"]
    why: str
    figure: str | None = None  # a figure id the reason rests on, if any
    source: str | None = None


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


# ---------------------------------------------------------------- the aid itself


class Meta(Frozen):
    name: str
    content_version: str
    published: str
    last_review: str
    next_review: str
    authors: tuple[str, ...]
    funding: str
    conflicts: str
    update_policy: str
    evidence_method: str
    purpose: str
    not_for: tuple[str, ...]
    steps: tuple[str, ...]
    seed_source: str
    ipdas: tuple[dict[str, str], ...] = ()


class GlossaryTerm(Frozen):
    term: str
    meaning: str
