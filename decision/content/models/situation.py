"""Things that change your chances (issue 24 item 3): ``content/situation.yaml``.

For every option of every diagnosis, what the evidence says about four things of the patient's own
(smoking, diabetes, body weight, an earlier back operation), each said with its sources and label,
or, where the evidence is silent, a plain sentence that says so. And a note for a patient whose
worst pain is the back, for the operations done mainly for leg pain (decompression, discectomy).

The model checks one entry's shape: every factor present, each either sourced or silent.
``decision.content.checks.situation`` checks the rest across files: every option of every
diagnosis has its entry, and every source named is in the bibliography.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, model_validator

from decision.content.models.base import Diagnosis, Frozen, Label, OptionId, in_english

FactorId = Literal["smoking", "diabetes", "weight", "previous_surgery"]
FACTORS: tuple[FactorId, ...] = ("smoking", "diabetes", "weight", "previous_surgery")
SILENT_START = "Our evidence does not say"  # how a silent entry begins, so it reads as one plainly


class Statement(Frozen):
    """One or two sentences from the evidence, with where they come from and how certain they are."""

    text: str
    sources: tuple[str, ...] = Field(min_length=1)
    label: Label  # V2: the app adds that it was seen only in a secondary report


class FactorEntry(Frozen):
    """What the evidence says about one factor for one option: statements, or a plain silence."""

    says: tuple[Statement, ...] = ()
    silent: str = ""  # "Our evidence does not say how smoking changes the results of ..."

    @model_validator(mode="after")
    def _sourced_or_silent(self, info: ValidationInfo) -> FactorEntry:
        if bool(self.says) == bool(self.silent.strip()):
            raise ValueError("says or silent: give sourced statements (says) or a silent sentence, not both or neither")
        if self.silent and in_english(info) and not self.silent.startswith(SILENT_START):
            raise ValueError(f"silent: must begin '{SILENT_START}', so the patient reads plainly that it is not known")
        return self


class Factors(Frozen):
    """Every factor, for one option of one diagnosis: none may be left out."""

    smoking: FactorEntry
    diabetes: FactorEntry
    weight: FactorEntry
    previous_surgery: FactorEntry

    def entries(self) -> tuple[tuple[FactorId, FactorEntry], ...]:
        return tuple((f, getattr(self, f)) for f in FACTORS)


class BackPain(Frozen):
    """The note for a patient whose worst pain is the back, per operation done mainly for leg pain."""

    title: str
    notes: dict[OptionId, Statement]  # the operations it is shown for, each with its own words


class Situation(Frozen):
    title: str  # "Things that change your chances"
    intro: str
    factors: dict[FactorId, str]  # each factor's name, as a heading
    label_v2: str  # added after a statement seen only in a secondary report
    sources_word: str  # heads the short source list under the statements
    summary_pointer: str  # the summary (and the PDF, which has no room for the list) says where to find it all
    back_pain: BackPain
    # Entries and statements used by more than one option, written once (YAML anchors); shown only
    # where an entry of ``options_by_diagnosis`` names them.
    shared_entries: dict[str, FactorEntry] = Field(default_factory=dict)
    shared_statements: dict[str, Statement] = Field(default_factory=dict)
    options_by_diagnosis: dict[Diagnosis, dict[OptionId, Factors]]

    @model_validator(mode="after")
    def _every_factor_named(self) -> Situation:
        missing = [f for f in FACTORS if f not in self.factors]
        if missing:
            raise ValueError(f"factors: missing the name of {', '.join(missing)}")
        return self
