"""The shape of each content file: frozen pydantic models, one per kind of clinical content.

``decision.content.load`` assembles them into one ``Content`` and checks the references between
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
FigureKind = Literal["benefit", "harm", "reoperation", "natural_course", "context"]
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
Horizon = Literal[
    "operation", "30_days", "90_days", "1_year", "2_years", "4_years", "5_years", "8_11_years", "over_time"
]


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
    meeting: str | None = None  # a conference abstract with no link: the meeting and year find it
    secondary_via: str | None = None  # where a V2 figure was seen

    @model_validator(mode="after")
    def _locatable(self) -> Source:
        if not (self.doi or self.pmid or self.url or self.meeting):
            raise ValueError(
                "a source needs a doi, a pmid, a url or (for a conference abstract) a meeting so a reader can find it")
        return self

    @property
    def citation(self) -> str:
        where = (f"doi {self.doi}" if self.doi else f"PMID {self.pmid}" if self.pmid
                 else self.url if self.url else f"Abstract, {self.meeting}")
        year = f", {self.year}" if self.year else ""
        via = f" Seen via {self.secondary_via}." if self.secondary_via else ""
        return f"{self.authors.rstrip('.')}. {self.title.rstrip('.')}. {self.publisher}{year}. {where}.{via}"


class Figure(Frozen):
    """One number, always as N in 100 people, with its time frame, population, source and label.

    The figures of the comparison are not written as figures: each arm of a ``Comparison`` is one,
    with the id ``comparison_id.option_id`` (``Comparison.arm_figures``)."""

    id: str = Field(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)?$")
    outcome: str  # plain words, completes "N in 100 people ..."
    per_100: float = Field(ge=0, le=100)
    low: float | None = Field(default=None, ge=0, le=100)
    high: float | None = Field(default=None, ge=0, le=100)
    time_frame: str  # plain words, e.g. "within 8 years"
    horizon: Horizon
    population: str  # who the number applies to
    source: str  # id in the bibliography
    label: Label
    kind: FigureKind

    @model_validator(mode="after")
    def _range_brackets_value(self) -> Figure:
        if (self.low is None) != (self.high is None):
            raise ValueError("give both low and high for a range, or neither")
        if self.low is not None and self.high is not None and not (self.low <= self.per_100 <= self.high):
            raise ValueError("the range must contain the value")
        return self


# ---------------------------------------------------------------- comparisons: the numbers of "Compare your options"

ComparisonKind = Literal["benefit", "harm", "another_operation", "operation_later"]
"""benefit and harm of an option; another_operation: more surgery after an operation;
operation_later: a first operation among people who started without one. The kind decides the
heading on screen and in the PDF, so these four never share one."""

Design = Literal["randomised", "observational", "register"]
Topic = Literal[
    "good_result", "pain", "function", "work", "complication", "serious_complication", "death_30d",
    "readmission", "dural_tear", "nerve_injury", "infection", "blood_clot", "non_union", "adjacent_segment",
    "worse_while_waiting", "reoperation", "first_operation", "slower_recovery", "poor_result", "hospital_stay",
]
HARM_SIDE: tuple[str, ...] = ("harm", "another_operation", "operation_later")
SURGICAL: tuple[str, ...] = ("laminectomy", "microdiscectomy", "fusion")

_KIND_TO_FIGURE: dict[ComparisonKind, FigureKind] = {
    "benefit": "benefit", "harm": "harm", "another_operation": "reoperation", "operation_later": "natural_course",
}


class Arm(Frozen):
    """One option's number in a comparison."""

    outcome: str  # completes "N in 100 people ..." (measure people) or names the group (points, gap)
    per_100: float | None = Field(default=None, ge=0, le=100)
    low: float | None = Field(default=None, ge=0, le=100)
    high: float | None = Field(default=None, ge=0, le=100)
    points: float | None = Field(default=None, ge=0, le=100)  # a score on a 0 to 100 scale (measure points)

    @model_validator(mode="after")
    def _range(self) -> Arm:
        if (self.low is None) != (self.high is None):
            raise ValueError("give both low and high for a range, or neither")
        if (self.low is not None and self.high is not None
                and not (self.per_100 is not None and self.low <= self.per_100 <= self.high)):
            raise ValueError("the range must contain the value")
        return self


class Gap(Frozen):
    """The gap between two arms, where the study gives only that (e.g. SPORT's as-treated effect)."""

    points: float = Field(ge=0, le=100)
    low: float | None = None
    high: float | None = None
    favours: OptionId
    sentence: str  # a whole sentence with {points}, {low} and {high} where the numbers go
    short: str = ""  # the overview grid's cell: a short whole sentence with {points} (required there)

    @model_validator(mode="after")
    def _range(self) -> Gap:
        if (self.low is None) != (self.high is None):
            raise ValueError("give both low and high for a range, or neither")
        if self.low is not None and self.high is not None and not (self.low <= self.points <= self.high):
            raise ValueError("the range must contain the gap")
        for name in ("{points}",) + (("{low}", "{high}") if self.low is not None else ()):
            if name not in self.sentence:
                raise ValueError(f"the sentence must place {name}")
        if self.short and "{points}" not in self.short:
            raise ValueError("the short sentence must place {points}")
        return self


class Comparison(Frozen):
    """One outcome of one study, in one population, over one time frame, with a number for each
    option it compares (its arms). A benefit always has two or more arms; a harm known for only
    one option has one arm and says so in ``single_arm``, so no other option gets a made-up zero."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    kind: ComparisonKind
    topic: Topic
    measure: Literal["people", "points", "gap"] = "people"
    outcome: str  # a short heading, e.g. "A good result"
    time_frame: str  # plain words, e.g. "at 5 years"
    horizon: Horizon
    population: str
    design: Design
    source: str
    label: Label
    applies_to: tuple[Diagnosis, ...] = Field(min_length=1)
    arms: dict[OptionId, Arm] = Field(min_length=1)
    scale: str = ""  # measure points: what the score is and which way is better
    unit: str = "points"  # measure points: the word after each number ("points", or "weeks" for a time)
    gap: Gap | None = None
    single_arm: str = ""  # why only one option has a number (required with one arm)
    caveat: str = ""  # e.g. people crossed over between the groups
    note: str = ""  # more from the same source, in words (its numbers cite this comparison's source)

    @model_validator(mode="after")
    def _paired(self) -> Comparison:
        arms = set(self.arms)
        if "not_sure" in self.applies_to:
            raise ValueError("applies_to: a comparison applies to a diagnosis, not to 'not_sure'")
        if self.kind == "benefit" and len(arms) < 2:
            raise ValueError("arms: a benefit needs two or more arms from the same study")
        if len(arms) == 1 and not self.single_arm.strip():
            raise ValueError("single_arm: a comparison with one arm must say why the other options have no number")
        if len(arms) > 1 and self.single_arm:
            raise ValueError("single_arm: only for a comparison with one arm")
        if self.kind == "operation_later" and arms != {"non_operative"}:
            raise ValueError("arms: an operation_later comparison counts people who started without surgery: "
                             "its only arm is non_operative")
        if self.kind == "another_operation" and "non_operative" in arms:
            raise ValueError(
                "arms: an another_operation comparison counts more surgery after an operation: no non_operative arm")
        for oid, arm in self.arms.items():
            if self.measure == "people" and (arm.per_100 is None or arm.points is not None):
                raise ValueError(f"arms.{oid}: measure 'people' needs per_100 (and no points)")
            if self.measure == "points" and (arm.points is None or arm.per_100 is not None):
                raise ValueError(f"arms.{oid}: measure 'points' needs points (and no per_100)")
            if self.measure == "gap" and (arm.per_100 is not None or arm.points is not None):
                raise ValueError(f"arms.{oid}: measure 'gap' gives the gap only, not a number per arm")
        if self.unit != "points" and self.measure != "points":
            raise ValueError("unit: only for measure 'points'")
        if self.measure == "points" and not self.scale:
            raise ValueError("scale: measure 'points' must say what the score is and which way is better")
        if self.measure == "gap":
            if self.gap is None or len(arms) != 2 or self.gap.favours not in arms:
                raise ValueError("gap: measure 'gap' needs a gap between exactly two arms, favouring one of them")
        elif self.gap is not None:
            raise ValueError("gap: only for measure 'gap'")
        return self

    @property
    def paired(self) -> bool:
        return len(self.arms) > 1

    def arm_figures(self) -> tuple[Figure, ...]:
        """Each arm as a plain figure (N in 100 people), for the icon arrays. Measure people only."""
        if self.measure != "people":
            return ()
        figures = []
        for oid, arm in self.arms.items():
            assert arm.per_100 is not None  # measure 'people' has per_100 on every arm (checked at load)
            figures.append(Figure(
                id=f"{self.id}.{oid}", outcome=arm.outcome, per_100=arm.per_100, low=arm.low, high=arm.high,
                time_frame=self.time_frame, horizon=self.horizon, population=self.population,
                source=self.source, label=self.label, kind=_KIND_TO_FIGURE[self.kind]))
        return tuple(figures)


# ---------------------------------------------------------------- the options and their template


class Row(Frozen):
    """One row of practical issues in words. Every option fills every row, in this order. The
    numbers of the comparison are not rows: they are ``Comparison``s, headed by their kind."""

    id: str
    title: str
    kind: Literal["text"] = "text"
    help: str = ""


class Cell(Frozen):
    text: str
    sources: tuple[str, ...] = ()  # where the text's numbers and claims come from (required if it has a number)


class KindHeading(Frozen):
    """How one kind of comparison is headed, on screen and in the PDF."""

    title: str
    help: str
    # One or two words that mark every row and card of this kind (beside its colour, never
    # instead of it), e.g. "Good result" or "Harm".
    word: str = Field(min_length=1, max_length=20)


OVERVIEW_MAX_ROWS = 7  # the overview grid fits one screen in clinic at 1280 x 800 (tests/browser)
PRACTICAL_MAX_CHARS = 100  # a practical cell is a line or two, not a paragraph


class DiagnosisDecision(Frozen):
    """The decision a diagnosis poses: its options and a short orientation. For "not sure" there
    are no options: the orientation asks the patient to confirm the diagnosis with their doctor."""

    id: Diagnosis
    options: tuple[OptionId, ...]
    intro: str
    # Where no study in the evidence counted a harm of care without surgery for this diagnosis, the
    # content says so here, in plain words (shown after the intro), instead of inventing a number.
    # check-content accepts it in place of a non_operative harm comparison, never beside one.
    non_operative_no_harm: Cell | None = None
    # The overview grid (issue 11, layer 1): the comparisons that matter most for this diagnosis,
    # one row each, in order. Every row is one comparison, so one study, one time frame and one
    # denominator; check-content holds its balance (benefit and harm rows for every option).
    overview: tuple[str, ...] = Field(default=(), max_length=OVERVIEW_MAX_ROWS)


class Option(Frozen):
    id: OptionId
    name: str
    summary: str
    fits: tuple[Diagnosis, ...]
    cells: dict[str, Cell]
    # The practical issues in a line each (the overview's second grid): the day, the stay, work,
    # driving. Each repeats, shorter, what the option's full cells say, with the same sources.
    practical: dict[str, Cell] = Field(default_factory=dict)
    uncertain: str  # what is not known, said out loud
    uncertain_sources: tuple[str, ...] = ()  # where the numbers and claims in ``uncertain`` come from


class Template(Frozen):
    rows: tuple[Row, ...]
    practical_rows: tuple[Row, ...] = ()  # the rows of the practical grid, filled by Option.practical
    option_order: tuple[OptionId, ...]
    notes: tuple[str, ...]  # plain statements shown above the comparison (crossover, as-treated)
    kinds: dict[ComparisonKind, KindHeading]  # the heading of each kind of comparison
    designs: dict[Design, str]  # the words for each study design
    designs_short: dict[Design, str] = Field(default_factory=dict)  # a few words, for a row of the overview
    diagnoses: tuple[DiagnosisDecision, ...]
    fusion_harms: tuple[Topic, ...] = ()  # topics fusion's harms must cover wherever fusion is an option


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
    # The card opens with these two lines; the full question and choices wait behind "read more".
    short_question: str = Field(min_length=10, max_length=80)
    choices_line: str = Field(min_length=10, max_length=100)
    question: str
    choices: tuple[Choice, ...]
    known: str
    figures: tuple[str, ...]
    key_figures: tuple[str, ...] = Field(min_length=1, max_length=4)  # shown on the closed card
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
        return self


def _check_key_figures(key: tuple[str, ...], figures: tuple[str, ...]) -> None:
    stray = [f for f in key if f not in figures]
    if stray:
        raise ValueError(f"key_figures must be among the figures of the same card: {', '.join(stray)}")
    if len(set(key)) != len(key):
        raise ValueError("key_figures lists a figure twice")


class Reoperation(Frozen):
    title: str
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


# ---------------------------------------------------------------- deliberation


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
