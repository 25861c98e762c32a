"""What check-content refuses about the overview grid of each diagnosis (issue 11, layer 1), which
must be fair by construction.

Refused, each with the file and field named (template.yaml, diagnoses.*.overview):

- a study design with no short words for a row of the overview (designs_short);
- an overview for a diagnosis with no options (it has no numbers);
- fewer than 3 rows, or a comparison listed twice;
- a row that is not a comparison in figures/, or one that does not apply to the diagnosis;
- a row giving only a gap between two options, without its short sentence (gap.short);
- fewer harm-side rows (harm, another operation, an operation later) than benefit rows;
- an option of the diagnosis with no benefit row, or no harm-side row, that compares it;
- an option of the diagnosis with no number of its own in any row (a gap between two arms is not
  one): the patient sees at least one number for each choice (issue 23).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, get_args

from decision.content.checks.references import duplicates
from decision.content.models import HARM_SIDE, Design

if TYPE_CHECKING:
    from decision.content.catalogue import Content


def overview_problems(content: Content) -> list[str]:
    """The overview grid of each diagnosis (issue 11, layer 1) is fair by construction: every row is
    a comparison of that diagnosis (one study, one time frame), a gap row has its short sentence,
    every option has a benefit row and a harm-side row with its own number, and there are at least
    as many harm-side rows as benefit rows."""
    problems: list[str] = []
    t = content.template
    for design in get_args(Design):
        if design not in t.designs_short:
            problems.append(f"template.yaml, field designs_short: '{design}' needs words")
    for d in t.diagnoses:
        where = f"template.yaml, field diagnoses.{d.id}.overview"
        if not d.options:
            if d.overview:
                problems.append(f"{where}: a diagnosis with no options has no numbers, so no overview")
            continue
        if len(d.overview) < 3:
            problems.append(f"{where}: list at least 3 comparisons")
        for dup in duplicates(d.overview):
            problems.append(f"{where}: '{dup}' appears twice")
        rows = []
        for cid in d.overview:
            c = content.comparison_by_id.get(cid)
            if c is None:
                problems.append(f"{where}: '{cid}' is not a comparison in figures/")
            elif d.id not in c.applies_to:
                problems.append(f"{where}: '{cid}' does not apply to {d.id}")
            elif c.measure == "gap" and not (c.gap and c.gap.short):
                problems.append(
                    f"figures/ comparison '{cid}', field gap.short: a gap in an overview needs its short sentence")
            else:
                rows.append(c)
        benefit = [c for c in rows if c.kind == "benefit"]
        harm_side = [c for c in rows if c.kind in HARM_SIDE]
        if len(harm_side) < len(benefit):
            problems.append(
                f"{where}: {len(benefit)} benefit rows but {len(harm_side)} harm rows; show harms in equal detail")
        for oid in d.options:
            if not any(oid in c.arms for c in benefit):
                problems.append(f"{where}: no benefit row with a number for {oid}")
            if not any(oid in c.arms for c in harm_side):
                problems.append(
                    f"{where}: no harm row (harm, another operation, or an operation later) with a number for {oid}")
            if not any(oid in c.arms for c in rows if c.measure != "gap"):
                problems.append(f"{where}: no row gives {oid} a number of its own (a gap row is not one)")
    return problems
