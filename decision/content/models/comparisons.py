"""The numbers of "Compare your options": each ``Comparison`` is one outcome of one study, with an
``Arm`` (a number) for each option it compares, or a ``Gap`` between two arms where the study gives
only that. Its kind (benefit, harm, another operation, an operation later) decides its heading.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from decision.content.models.base import Diagnosis, Figure, FigureKind, Frozen, Horizon, Label, OptionId

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
    # The subgroup the number counts, where it is narrower than the option (e.g. "after a complex
    # fusion" for Deyo 2010): said in the overview's cell beside the number, never left to a card.
    subgroup: str = ""

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


Certainty = Literal["high", "moderate", "low", "very low", "very low to low", "low to moderate"]


class CertaintyGrade(Frozen):
    """How sure the evidence is, in GRADE's words, only where a source states it (issue 23): never
    inferred from the design. ``source`` is the bibliography id of the review that graded it."""

    level: Certainty
    source: str


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
    # measure points: what each number counts, said by its frame in pages (wording.unit_points: "{n} points")
    unit: Literal["points", "weeks", "days"] = "points"
    gap: Gap | None = None
    single_arm: str = ""  # why only one option has a number (required with one arm)
    caveat: str = ""  # e.g. people crossed over between the groups
    note: str = ""  # more from the same source, in words (its numbers cite this comparison's source)
    certainty: CertaintyGrade | None = None  # only where the evidence files state a grade

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
