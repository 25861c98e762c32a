"""The shape of the readiness rules (``readiness.yaml``): what many guidelines and insurers ask for
before an operation (a program of care long enough, care that has not helped, limits on daily life,
the surgeon's judgement, no nicotine before fusion), each with whose rule it is and its sources.
It is policy a clinic can review without reading code; ``decision.rules.readiness`` only applies it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, model_validator

from decision.content.models.base import Diagnosis, Frozen, TreatmentKind, in_english


class Waiver(Frozen):
    """When this aid's own requirement is not asked: pain at or above ``pain_at_least`` (0-10)."""

    pain_at_least: int = Field(ge=1, le=10)
    text: str  # plain words shown in its place
    sources: tuple[str, ...] = Field(min_length=1)


class Requirement(Frozen):
    """Part of a program: treatments of at least ``min_distinct`` categories from ``any_of``, each
    given for at least ``min_weeks`` weeks, or for ``min_visits`` supervised visits that fell
    within ``visits_within_weeks`` weeks (either is enough). ``whose`` names whose rule it is."""

    id: str
    met: str  # plain words shown when the requirement is met
    missing: str  # plain words shown when it is not
    whose: str  # e.g. "one US insurer's policy (BCBS South Carolina)"
    any_of: tuple[TreatmentKind, ...]
    min_distinct: int = Field(default=1, ge=1)
    min_weeks: int | None = Field(default=None, ge=1)
    min_visits: int | None = Field(default=None, ge=1)
    visits_within_weeks: int | None = Field(default=None, ge=1)
    # a kind with its own minimum (e.g. an intensive program)
    min_weeks_by_kind: dict[TreatmentKind, int] = Field(default_factory=dict)
    # A doctor's word that these medicines are not safe (or could not be taken) counts as the
    # medicine kind: every policy accepts "or documented intolerance/contraindication" (NR 1.3-1.4).
    medicines_unsuitable_counts: bool = False
    waiver: Waiver | None = None  # only for this aid's own choices, never for a payer's rule

    @model_validator(mode="after")
    def _visits_have_a_period(self, info: ValidationInfo) -> Requirement:
        if (self.min_visits is None) != (self.visits_within_weeks is None):
            raise ValueError("min_visits needs visits_within_weeks (visits only count within a stated period)")
        stray = [k for k in self.min_weeks_by_kind if k not in self.any_of]
        if stray:
            raise ValueError(f"min_weeks_by_kind names kind(s) not in any_of: {', '.join(stray)}")
        if self.waiver is not None and in_english(info) and not self.whose.startswith("this aid"):
            raise ValueError("a waiver is only for this aid's own choices (whose: \"this aid...\")")
        return self


class Policy(Frozen):
    procedure: Literal["microdiscectomy", "laminectomy", "fusion"]
    diagnoses: tuple[Diagnosis, ...]
    min_weeks: int = Field(ge=1)  # how long the symptoms and the program have lasted
    whose: str  # whose rule the length is
    requirements: tuple[Requirement, ...]
    nicotine_free_weeks: int | None = Field(default=None, ge=1)  # asked before fusion by insurers
    # The kinds of care that add to the span of care, as the rule being applied counts them.
    span_kinds: tuple[TreatmentKind, ...] = Field(min_length=1)
    met_message: str | None = None  # its own wording when met (else messages.met)
    met_caveat: str | None = None  # its own one-line caveat beside a met result on paper (else messages.met_caveat)
    notes: tuple[str, ...] = ()  # always shown with the result (e.g. NICE on fusion)
    sources: tuple[str, ...]


class Span(Frozen):
    """Part 1: the whole span of care, estimated from the parts' weeks unless the patient says."""

    question: str
    help: str
    estimated: str  # {weeks}
    capped: str  # {weeks}
    told: str  # {weeks}
    not_answered: str
    too_short: str  # {have} {weeks} {whose}
    ok: str  # {have} {weeks} {whose}


class MedicinesUnsuitable(Frozen):
    kinds: tuple[TreatmentKind, ...] = Field(min_length=1)  # the medicines it stands in for
    question: str
    met: str
    whose: str


class HelpedRule(Frozen):
    """Part 2: has the main part of care helped? "yes" means care is working: not yet."""

    main_kinds: tuple[TreatmentKind, ...] = Field(min_length=1)  # active care: the main part if tried
    whose: str
    sources: tuple[str, ...] = Field(min_length=1)  # behind whose rule it is
    yes_sources: tuple[str, ...] = Field(min_length=1)  # behind "many keep getting better"
    yes: str  # {part}
    partly: str  # {part}
    no: str  # {part}
    not_sure: str  # {part}
    not_answered: str  # {part}
    nothing_tried: str


class Limits(Frozen):
    """Part 3: how much the symptoms still limit daily life. Either measure is enough."""

    pain_at_least: int = Field(ge=1, le=10)  # the worse of back and leg pain, 0-10
    pain_whose: str
    oswestry_above: float = Field(ge=0, le=100)  # Oswestry percent
    oswestry_whose: str
    sources: tuple[str, ...] = Field(min_length=1)
    pain_ok: str  # {pain} {whose}
    oswestry_ok: str  # {score} {whose}
    pain_low: str  # {pain}
    oswestry_low: str  # {score}
    mild: str
    add_oswestry: str  # the Oswestry score was not given
    add_pain: str  # no pain was rated
    not_answered: str

    @model_validator(mode="after")
    def _mild_never_meets(self) -> Limits:
        # Mild symptoms (pain 2 or less, Oswestry 20% or less) must never meet this part (issue 20).
        if self.pain_at_least <= 2 or self.oswestry_above < 20:
            raise ValueError(
                "limits: pain of 2 or less and an Oswestry score of 20% or less must never count as limiting")
        return self


class SurgeonPart(Frozen):
    """Part 4: what only the surgeon can judge (does the scan match the symptoms?)."""

    question: str
    choices: dict[Literal["yes", "no", "unsure"], str]
    whose: str
    sources: tuple[str, ...] = Field(min_length=1)
    to_confirm: str
    yes: str
    no: str


class Nicotine(Frozen):
    """The question on nicotine before fusion, and why it matters."""

    question: str
    choices: dict[Literal["none", "stopped", "current"], str]
    weeks_question: str
    why: str  # why it matters, in plain words, with its numbers
    why_label: Literal["V1", "V2"]
    why_sources: tuple[str, ...] = Field(min_length=1)
    whose: str
    not_asked: str  # missing: the question was not answered
    current: str  # missing: still using nicotine
    too_recent: str  # missing: stopped, but for fewer than {weeks} weeks ({have} so far)
    met: str  # in place: nicotine-free for long enough


class NotCounting(Frozen):
    reason: str  # shown when the patient tried it: why it does not count
    sources: tuple[str, ...] = Field(min_length=1)


class Readiness(Frozen):
    # Never count toward a program, each with the plain reason shown when a patient tried it.
    not_counting: dict[TreatmentKind, NotCounting]
    # Treatments of one category count as one kind of care, whatever the number of drugs.
    categories: dict[str, tuple[TreatmentKind, ...]]
    span: Span
    medicines_unsuitable: MedicinesUnsuitable
    helped: HelpedRule
    limits: Limits
    surgeon: SurgeonPart
    not_judged: str  # any ticked sign: readiness is not judged (NR 1.4)
    part_titles: dict[Literal["care", "helped", "limits", "surgeon"], str]
    policies: tuple[Policy, ...]
    nicotine: Nicotine
    early_pain_weeks: int  # under this many weeks: the self-care advice
    early_pain_advice: str
    early_pain_sources: tuple[str, ...]
    messages: dict[str, str]  # plain sentences with {placeholders}, keyed by situation
    status_titles: dict[str, str]

    @model_validator(mode="after")
    def _categories_cover_the_counting_kinds(self) -> Readiness:
        problems = []
        seen: dict[str, str] = {}
        for name, kinds in self.categories.items():
            for kind in kinds:
                if kind in seen:
                    problems.append(f"categories: '{kind}' is in both '{seen[kind]}' and '{name}'")
                seen[kind] = name
                if kind in self.not_counting:
                    problems.append(f"categories.{name}: '{kind}' is also in not_counting")
        for p in self.policies:
            for kind in p.span_kinds:
                if kind in self.not_counting:
                    problems.append(f"policies ({p.procedure}) span_kinds: '{kind}' is in not_counting")
            for req in p.requirements:
                for kind in req.any_of:
                    if kind in self.not_counting:
                        problems.append(f"policies ({p.procedure}) {req.id}: '{kind}' is in not_counting")
                    elif kind not in seen:
                        problems.append(f"policies ({p.procedure}) {req.id}: '{kind}' has no category")
        needed = {"screen_not_done", "emergency", "urgent", "soon", "not_yet", "criteria_met"}
        if not needed <= set(self.status_titles):
            problems.append(f"status_titles needs {', '.join(sorted(needed - set(self.status_titles)))}")
        if problems:
            raise ValueError("; ".join(problems))
        return self
