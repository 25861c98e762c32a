"""The About page's IPDAS self-check: the claims the content can prove or disprove, computed, not written.

``ipdas_self_check`` gives one ``SelfCheck`` per claim (balance of benefits and harms, the same
frame for every number, ranges shown, every number cited), each "yes", "partly" or "no" with the
counts behind it; ``balance_counts`` counts each option's benefit and harm-side comparisons per
diagnosis. The words for each check are in ``content/pages.yaml`` (``ipdas.<key>.*``).
"""

from __future__ import annotations

from dataclasses import dataclass

from decision.compare.comparison import KIND_ORDER, comparisons_for
from decision.content import Content


@dataclass(frozen=True)
class SelfCheck:
    key: str  # pages.yaml holds "ipdas.<key>.where", the words for the "where" column
    met: str  # "yes", "partly" or "no"
    counts: dict


def balance_counts(content: Content) -> dict[str, dict[str, dict[str, int]]]:
    """Per diagnosis, per option: how many benefit and harm-side comparisons it has."""
    out: dict[str, dict[str, dict[str, int]]] = {}
    for d in content.template.diagnoses:
        here = comparisons_for(content, d.id)
        out[d.id] = {
            oid: {kind: sum(1 for c in here if c.kind == kind and oid in c.arms) for kind in KIND_ORDER}
            for oid in d.options
        }
    return out


def ipdas_self_check(content: Content) -> tuple[SelfCheck, ...]:
    """The claims the content can prove or disprove, computed rather than written."""
    comps = content.comparisons
    balance = balance_counts(content)
    both = all(n["benefit"] >= 1 and n["harm"] + n["another_operation"] + n["operation_later"] >= 1
               for opts in balance.values() for n in opts.values())
    even = all(n["benefit"] == n["harm"] + n["another_operation"] + n["operation_later"]
               for opts in balance.values() for n in opts.values())
    single = list(content.figures)  # numbers outside a comparison (the Fusion questions step)
    ranged = [c for c in comps if (c.gap is not None and c.gap.low is not None)
              or any(a.low is not None for a in c.arms.values())]
    uncited_cells = [(o.id, r) for o in content.options for r, cell in o.cells.items()
                     if any(ch.isdigit() for ch in cell.text) and not cell.sources]
    return (
        SelfCheck("balance", "no" if not both else "yes" if even else "partly",
                  {"diagnoses": sum(1 for opts in balance.values() if opts)}),
        SelfCheck("same_frame", "yes" if not single else "partly",
                  {"comparisons": len(comps), "single": len(single)}),
        SelfCheck("ranges", "yes" if len(ranged) == len(comps) else "partly" if ranged else "no",
                  {"ranged": len(ranged), "comparisons": len(comps)}),
        SelfCheck("cited", "yes" if not uncited_cells else "partly",
                  {"uncited": len(uncited_cells)}),
    )
