"""The content as one whole: ``Content``, every part of ``content/`` assembled, and its look-ups.

A catalogue in the plain sense: every source, figure, comparison, option and rule of the aid, with
the look-ups by id the rest of the app uses (``content.figure(id)``, ``content.option(id)``,
``content.policy(procedure, diagnosis)``). Assembling it runs every check made across files
(``decision.content.checks``), so a ``Content`` that exists is one ``check-content`` accepts.
``decision.content.load`` reads the files and builds it.
"""

from __future__ import annotations

from functools import cached_property

from pydantic import ConfigDict, model_validator

from decision.content import checks
from decision.content.models import (
    Comparison,
    Condition,
    Conditions,
    Deliberation,
    DiagnosisDecision,
    Figure,
    Frozen,
    Fusion,
    GlossaryTerm,
    Meta,
    Option,
    Policy,
    Program,
    Readiness,
    RedFlags,
    Scores,
    Situation,
    Source,
    SourcedNote,
    Template,
)


class Content(Frozen):
    meta: Meta
    sources: tuple[Source, ...]
    figures: tuple[Figure, ...]
    comparisons: tuple[Comparison, ...] = ()
    template: Template
    options: tuple[Option, ...]
    red_flags: RedFlags
    readiness: Readiness
    program: Program
    fusion: Fusion
    deliberation: Deliberation
    scores: Scores
    glossary: tuple[GlossaryTerm, ...]
    conditions: Conditions  # what each diagnosis is, said where the patient chooses it
    pages: dict[str, str]  # short page intros and labels, patient-facing
    situation: Situation  # things that change your chances, per option of each diagnosis
    lang: str = "en"  # the language its patient-facing text is in (load_content(lang=...)): dates and numbers follow it

    model_config = ConfigDict(frozen=True, extra="forbid", ignored_types=(cached_property,))

    @cached_property
    def words(self):  # -> decision.content.wording.Words (imported here: wording imports this module)
        """The frames a number is said in, from ``pages`` (``wording.*``)."""
        from decision.content.wording import Words

        return Words.of(self.pages)

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def figure_by_id(self) -> dict[str, Figure]:
        """Every figure: those written as figures, and each arm of each comparison ("cid.oid")."""
        return {f.id: f for f in self.all_figures}

    @cached_property
    def all_figures(self) -> tuple[Figure, ...]:
        return self.figures + tuple(f for c in self.comparisons for f in c.arm_figures())

    @cached_property
    def comparison_by_id(self) -> dict[str, Comparison]:
        return {c.id: c for c in self.comparisons}

    def comparison(self, comparison_id: str) -> Comparison:
        return self.comparison_by_id[comparison_id]

    @cached_property
    def diagnosis_by_id(self) -> dict[str, DiagnosisDecision]:
        return {d.id: d for d in self.template.diagnoses}

    def decision_for(self, diagnosis: str) -> DiagnosisDecision:
        return self.diagnosis_by_id[diagnosis]

    def condition(self, diagnosis: str) -> Condition:
        return next(c for c in self.conditions.conditions if c.id == diagnosis)

    def condition_notes(self, diagnosis: str) -> tuple[SourcedNote, ...]:
        """What the numbers for ``diagnosis`` do not cover, then the note on previous back surgery,
        which only a diagnosis with numbers gets ("not sure" shows the options without numbers)."""
        notes = self.condition(diagnosis).not_covered
        if self.decision_for(diagnosis).options:
            notes += (self.conditions.previous_surgery,)
        return notes

    def condition_notes_in_view(self, diagnosis: str) -> tuple[str, ...]:
        """The same notes as ``condition_notes`` in a line or two each, for the reader who does not
        open "Read more": what the numbers do not cover, then previous back surgery."""
        lines: tuple[str, ...] = (self.condition(diagnosis).not_covered_short,)
        if self.decision_for(diagnosis).options:
            lines += (self.conditions.previous_surgery.short,)
        return tuple(line for line in lines if line)

    def glossary_terms(self, terms) -> tuple[GlossaryTerm, ...]:
        """The glossary's entries for ``terms``, in the glossary's order, each once."""
        wanted = set(terms)
        return tuple(t for t in self.glossary if t.term in wanted)

    @cached_property
    def option_by_id(self) -> dict[str, Option]:
        return {o.id: o for o in self.options}

    def option(self, option_id: str) -> Option:
        return self.option_by_id[option_id]

    def figure(self, figure_id: str) -> Figure:
        return self.figure_by_id[figure_id]

    def source(self, source_id: str) -> Source:
        return self.source_by_id[source_id]

    def policy(self, procedure: str, diagnosis: str) -> Policy | None:
        for p in self.readiness.policies:
            if p.procedure == procedure and diagnosis in p.diagnoses:
                return p
        return None

    @model_validator(mode="after")
    def _cross_references(self) -> Content:
        problems = checks.problems(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self
