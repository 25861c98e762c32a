"""What check-content refuses about references: every id is written once, and every id a file names
exists.

Refused, each with the file and field named:

- a source id written twice in bibliography/, or a figure id written twice in figures/;
- a figure that cites a source not in bibliography/, or a grade of certainty whose source is not there;
- a source named by the safety screen (red_flags.yaml: each level and each rule), the readiness
  rules (readiness.yaml: nicotine, each treatment that does not count, each policy and its waivers,
  early pain, the helped, limits and surgeon parts), the program (program.yaml), the fusion page
  (fusion.yaml: each question and the reoperation card), the SURE test and quiz
  (deliberation.yaml), the Oswestry score (scores.yaml) or meta.yaml's seed source, that is not in
  bibliography/;
- a figure named by fusion.yaml or by a quiz question that is not in figures/ (a figure, or an arm
  of a comparison written "comparison_id.option_id");
- a value's reason (deliberation.yaml) resting on a comparison that is not in figures/, or on one
  with no number for the reason's option;
- a quiz question whose answer is not one of its own choices.

``duplicates`` and ``check_refs`` are the two helpers every family of checks uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decision.content.catalogue import Content


def duplicates(ids) -> list[str]:
    seen, dups = set(), []
    for i in ids:
        if i in seen:
            dups.append(i)
        seen.add(i)
    return dups


def check_refs(where: str, refs, known: set[str]) -> list[str]:
    return [f"{where}: '{r}' is not defined" for r in refs if r not in known]


def bibliography_problems(content: Content, source_ids: set[str]) -> list[str]:
    """Source and figure ids written once; every figure cites a source in the bibliography."""
    problems: list[str] = []
    for dup in duplicates(s.id for s in content.sources):
        problems.append(f"bibliography/: source id '{dup}' appears twice")
    for dup in duplicates(f.id for f in content.figures):
        problems.append(f"figures/: figure id '{dup}' appears twice")
    for f in content.figures:
        if f.source not in source_ids:
            problems.append(f"figures/: figure '{f.id}' cites '{f.source}', which is not in bibliography/")
    for c in content.comparisons:  # a grade of certainty is only ever a source's own (issue 23)
        if c.certainty is not None and c.certainty.source not in source_ids:
            problems.append(f"figures/ comparison '{c.id}', field certainty.source: "
                            f"'{c.certainty.source}' is not in bibliography/")
    return problems


def citation_problems(content: Content, source_ids: set[str], figure_ids: set[str]) -> list[str]:
    """Every source and figure the other files name is defined, file by file in a fixed order."""
    return [
        *_safety_and_readiness_citations(content, source_ids),
        *_program_and_fusion_citations(content, source_ids, figure_ids),
        *_deliberation_references(content, source_ids, figure_ids),
        *check_refs("scores.yaml", (content.scores.oswestry_source,), source_ids),
        *check_refs("meta.yaml (seed_source)", (content.meta.seed_source,), source_ids),
    ]


def _safety_and_readiness_citations(content: Content, source_ids: set[str]) -> list[str]:
    problems: list[str] = []
    for level, action in content.red_flags.levels.items():
        problems += check_refs(f"red_flags.yaml (levels.{level})", action.sources, source_ids)
    for rule in content.red_flags.rules:
        problems += check_refs(f"red_flags.yaml (rules.{rule.id})", rule.sources, source_ids)
    problems += check_refs("readiness.yaml (nicotine)", content.readiness.nicotine.why_sources, source_ids)
    for kind, item in content.readiness.not_counting.items():
        problems += check_refs(f"readiness.yaml (not_counting.{kind})", item.sources, source_ids)
    for p in content.readiness.policies:
        problems += check_refs(f"readiness.yaml ({p.procedure})", p.sources, source_ids)
    problems += check_refs("readiness.yaml (early pain)", content.readiness.early_pain_sources, source_ids)
    rules = content.readiness
    for name, ids in (("helped", (*rules.helped.sources, *rules.helped.yes_sources)),
                      ("limits", rules.limits.sources), ("surgeon", rules.surgeon.sources)):
        problems += check_refs(f"readiness.yaml ({name})", ids, source_ids)
    for p in rules.policies:
        for req in p.requirements:
            if req.waiver:
                where = f"readiness.yaml ({p.procedure}) {req.id}.waiver"
                problems += check_refs(where, req.waiver.sources, source_ids)
    return problems


def _program_and_fusion_citations(content: Content, source_ids: set[str], figure_ids: set[str]) -> list[str]:
    problems: list[str] = []
    for part in content.program.parts:
        problems += check_refs(f"program.yaml ({part.id})", part.sources, source_ids)
    for q in content.fusion.questions:
        problems += check_refs(f"fusion.yaml ({q.id})", q.sources, source_ids)
        problems += check_refs(f"fusion.yaml ({q.id}) figures", q.figures, figure_ids)
    problems += check_refs("fusion.yaml (reoperation sources)", content.fusion.reoperation.sources, source_ids)
    problems += check_refs(
        "fusion.yaml (reoperation)",
        content.fusion.reoperation.figures + content.fusion.reoperation.after_non_operative,
        figure_ids,
    )
    return problems


def _deliberation_references(content: Content, source_ids: set[str], figure_ids: set[str]) -> list[str]:
    problems: list[str] = []
    comparisons = {c.id: c for c in content.comparisons}
    for value in content.deliberation.values.items:
        for n, r in enumerate(value.reasons):
            c = comparisons.get(r.comparison)
            where = f"deliberation.yaml, field values.items.{value.id}.reasons.{n}.comparison"
            if c is None:
                problems.append(f"{where}: '{r.comparison}' is not a comparison in figures/")
            elif r.option not in c.arms:
                problems.append(
                    f"{where}: '{r.comparison}' has no arm for {r.option}, so it cannot be this option's reason")
    for quiz in content.deliberation.quiz.questions:
        if quiz.answer not in {choice.id for choice in quiz.choices}:
            problems.append(
                f"deliberation.yaml: quiz question '{quiz.id}' answer '{quiz.answer}' is not one of its choices")
        if quiz.figure:
            problems += check_refs(f"deliberation.yaml (quiz.{quiz.id})", (quiz.figure,), figure_ids)
        if quiz.source:
            problems += check_refs(f"deliberation.yaml (quiz.{quiz.id})", (quiz.source,), source_ids)
    problems += check_refs("deliberation.yaml (sure)", (content.deliberation.sure.source,), source_ids)
    return problems
