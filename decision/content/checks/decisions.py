"""What check-content refuses about the decision each diagnosis poses: the template lists every
diagnosis, each option fits where its decision names it, and every option of a diagnosis has its
benefit and its harm in numbers.

Refused, each with the file and field named:

- a comparison id written twice in figures/;
- template.yaml's diagnoses listing a diagnosis twice, or missing one; a kind of comparison with no
  heading (kinds), a study design with no words (designs);
- a diagnosis naming an option that has no file, or an option whose fits does not list a diagnosis
  whose decision names it (and the other way round);
- a comparison citing a source not in bibliography/, or applying to a diagnosis where one of its
  arms is not among the options;
- an option of a diagnosis with no benefit comparison, or no harm-side comparison (harm, another
  operation, or an operation later);
- care without surgery with no real harm comparison (an operation later does not count) where the
  diagnosis does not say plainly, in non_operative_no_harm, that the evidence has none; saying so
  beside a real harm comparison; that statement citing a source not in bibliography/;
- fusion, where it is an option, with no harm comparison for a topic template.yaml's fusion_harms
  names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, get_args

from decision.content.checks.references import check_refs, duplicates
from decision.content.models import (
    HARM_SIDE,
    Comparison,
    ComparisonKind,
    Design,
    Diagnosis,
    DiagnosisDecision,
    OptionId,
)

if TYPE_CHECKING:
    from decision.content.catalogue import Content


def decision_problems(content: Content, source_ids: set[str]) -> list[str]:
    """Rules 2 and 3 of the comparison: every comparison cites a known source and applies only
    where all its arms are options; every option of a diagnosis has a benefit and a harm; fusion's
    harms cover the topics template.yaml names. Messages name the file and field to fix."""
    options_of = {d.id: set(d.options) for d in content.template.diagnoses}
    return [
        *_template_problems(content),
        *_fits_problems(content, options_of),
        *_comparison_problems(content, options_of, source_ids),
        *_balance_problems(content, source_ids),
    ]


def _template_problems(content: Content) -> list[str]:
    """Comparison ids once; every diagnosis listed once; every kind headed; every design worded."""
    problems: list[str] = []
    t = content.template
    for dup in duplicates(c.id for c in content.comparisons):
        problems.append(f"figures/: comparison id '{dup}' appears twice")
    listed = [d.id for d in t.diagnoses]
    for dup in duplicates(listed):
        problems.append(f"template.yaml, field diagnoses: '{dup}' appears twice")
    for d in get_args(Diagnosis):
        if d not in listed:
            problems.append(f"template.yaml, field diagnoses: '{d}' is missing")
    for kind in get_args(ComparisonKind):
        if kind not in t.kinds:
            problems.append(f"template.yaml, field kinds: '{kind}' needs a heading")
    for design in get_args(Design):
        if design not in t.designs:
            problems.append(f"template.yaml, field designs: '{design}' needs words")
    return problems


def _fits_problems(content: Content, options_of: dict[Diagnosis, set[OptionId]]) -> list[str]:
    """A diagnosis's options and each option's fits name each other."""
    problems: list[str] = []
    for d in content.template.diagnoses:
        for oid in d.options:
            if oid not in {o.id for o in content.options}:
                problems.append(f"template.yaml, field diagnoses.{d.id}.options: '{oid}' is not an option file")
            elif d.id not in content.option(oid).fits:
                problems.append(f"options/{oid}.yaml, field fits: must list '{d.id}', whose decision names this option")
    for o in content.options:
        for diagnosis in o.fits:
            if diagnosis in options_of and o.id not in options_of[diagnosis]:
                problems.append(
                    f"template.yaml, field diagnoses.{diagnosis}.options: must name '{o.id}', which fits it")
    return problems


def _comparison_problems(content: Content, options_of: dict[Diagnosis, set[OptionId]],
                         source_ids: set[str]) -> list[str]:
    """Each comparison cites a known source and applies only where all its arms are options."""
    problems: list[str] = []
    for c in content.comparisons:
        where = f"figures/ comparison '{c.id}'"
        if c.source not in source_ids:
            problems.append(f"{where}, field source: '{c.source}' is not in bibliography/")
        for d in c.applies_to:
            stray = [a for a in c.arms if a not in options_of.get(d, set())]
            if stray:
                problems.append(
                    f"{where}, field applies_to: for '{d}' the arm(s) {', '.join(stray)} are not among its options")
    return problems


def _balance_problems(content: Content, source_ids: set[str]) -> list[str]:
    """Every option of every diagnosis has a benefit and a harm; fusion's harms cover their topics."""
    problems: list[str] = []
    t = content.template
    for d in t.diagnoses:
        here = [c for c in content.comparisons if d.id in c.applies_to]
        for oid in d.options:
            mine = [c for c in here if oid in c.arms]
            where = f"figures/ (comparisons for template.yaml diagnoses.{d.id}, option {oid})"
            if not any(c.kind == "benefit" for c in mine):
                problems.append(f"{where}: no benefit comparison")
            if not any(c.kind in HARM_SIDE for c in mine):
                problems.append(f"{where}: no harm comparison (harm, another_operation or operation_later)")
            if oid == "non_operative":
                problems += _non_operative_harm_problems(d, mine, where, source_ids)
            if oid == "fusion":
                covered = {c.topic for c in mine if c.kind in ("harm", "another_operation")}
                for topic in t.fusion_harms:
                    if topic not in covered:
                        problems.append(f"{where}: fusion's harms have no '{topic}' comparison")
    return problems


def _non_operative_harm_problems(d: DiagnosisDecision, mine: list[Comparison], where: str,
                                 source_ids: set[str]) -> list[str]:
    """Care without surgery: a real harm comparison, or the diagnosis says plainly there is none."""
    problems: list[str] = []
    # A first operation later is an outcome of the path, not a harm of the care: it does
    # not count. A real harm comparison is needed, or the diagnosis must say plainly
    # that the evidence has no number for one.
    real = any(c.kind == "harm" for c in mine)
    no_harm = d.non_operative_no_harm
    said = no_harm is not None and no_harm.text.strip()
    if not real and not said:
        problems.append(
            f"{where}: no harm comparison for care without surgery (operation_later does not count); "
            f"add one, or say in template.yaml diagnoses.{d.id}.non_operative_no_harm that the evidence "
            "has none")
    if real and said:
        problems.append(
            f"template.yaml, field diagnoses.{d.id}.non_operative_no_harm: there is a harm comparison "
            "for care without surgery, so do not say there is none")
    if said and no_harm is not None:  # (said implies it; spelled out for the type checker)
        problems += check_refs(f"template.yaml, field diagnoses.{d.id}.non_operative_no_harm.sources",
                               no_harm.sources, source_ids)
    return problems
