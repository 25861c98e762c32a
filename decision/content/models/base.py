"""The words every content file shares, and the bibliography and figures every number rests on.

The closed lists of ids (diagnoses, options, kinds of treatment, time horizons, evidence labels),
``Frozen``, the base of every content model (frozen, no unknown field), a ``Source`` of the
bibliography and a ``Figure``: one number as N in 100 people, with its source and label.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

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


def in_english(info: ValidationInfo) -> bool:
    """Whether the text being validated is the English (``load_content(lang=...)`` passes the language
    as the validation context). A rule that reads English words (a fixed opening, "this aid") holds on
    the English; a translation has the same data, so the rule has already held for it."""
    return (info.context or {}).get("lang", "en") == "en"


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


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
    # Who, in a patient's words ("a US insurer", "UK guidance (NICE)"): what the walk's visible lines
    # say (issue 24 item 4). Codes, authors and addresses stay in ``citation``, for the sources layer.
    plain_name: str | None = None

    @model_validator(mode="after")
    def _locatable(self) -> Source:
        if not (self.doi or self.pmid or self.url or self.meeting):
            raise ValueError(
                "a source needs a doi, a pmid, a url or (for a conference abstract) a meeting so a reader can find it")
        return self

    @property
    def plain(self) -> str:
        """Who, in plain words when the source has them; else the authors, publisher and year."""
        if self.plain_name:
            return self.plain_name
        who = self.authors if self.publisher == self.authors else f"{self.authors}, {self.publisher}"
        return (who + (f", {self.year}" if self.year else "")).rstrip(".")

    @property
    def citation(self) -> str:
        return self.cite(f"Seen via {self.secondary_via}." if self.secondary_via else "")

    def cite(self, seen_via: str) -> str:
        """The citation, ending with ``seen_via``: the sentence that says where a figure was seen in a
        secondary copy, in the reader's language (the summary takes it from content, issue 26)."""
        where = (f"doi {self.doi}" if self.doi else f"PMID {self.pmid}" if self.pmid
                 else self.url if self.url else f"Abstract, {self.meeting}")
        year = f", {self.year}" if self.year else ""
        via = f" {seen_via}" if seen_via else ""
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
