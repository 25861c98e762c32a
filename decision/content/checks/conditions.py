"""What check-content refuses about what each diagnosis is (``conditions.yaml``, shown on Your back).

Refused, each with the file and field named:

- a diagnosis with no entry, or with two;
- a term to show beside the choice that is not in glossary.yaml;
- a note (what the numbers do not cover, previous surgery) citing a source not in bibliography/.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, get_args

from decision.content.checks.references import check_refs, duplicates
from decision.content.models import Diagnosis

if TYPE_CHECKING:
    from decision.content.catalogue import Content


def condition_problems(content: Content, source_ids: set[str]) -> list[str]:
    problems: list[str] = []
    conditions = content.conditions
    listed = [c.id for c in conditions.conditions]
    for dup in duplicates(listed):
        problems.append(f"conditions.yaml, field conditions: '{dup}' appears twice")
    for d in get_args(Diagnosis):
        if d not in listed:
            problems.append(f"conditions.yaml, field conditions: '{d}' is missing")
    glossary = {t.term for t in content.glossary}
    for c in conditions.conditions:
        problems += [f"{p} in glossary.yaml" for p in
                     check_refs(f"conditions.yaml, field conditions.{c.id}.terms", c.terms, glossary)]
        for i, note in enumerate(c.not_covered):
            problems += check_refs(f"conditions.yaml, field conditions.{c.id}.not_covered.{i}.sources",
                                   note.sources, source_ids)
    problems += check_refs("conditions.yaml, field previous_surgery.sources", conditions.previous_surgery.sources,
                           source_ids)
    return problems
