"""What check-content refuses about the quiz (deliberation.yaml ``quiz``): each diagnosis is asked
about its own evidence (issue 23: a patient with a slip was marked wrong on a disc trial she never saw).

Refused, each with the question and field named:

- a question that rests on nothing: it names no comparison, figure or source;
- a question on a comparison that names no diagnosis, or names one the comparison does not apply to;
- a question on a figure of a comparison that does not name that comparison (so the check above holds);
- a question on a figure with no diagnosis named (a study's number is never general);
- "not_sure" among a question's diagnoses: a patient not sure of the diagnosis gets the general
  questions only;
- a diagnosis asked fewer than ``MIN_FROM_COMPARISONS`` questions on its own comparisons, or more
  than ``MAX_ASKED`` questions in all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decision.content.catalogue import Content

MIN_FROM_COMPARISONS = 3  # questions on a diagnosis's own comparisons, at least
MAX_ASKED = 8  # questions asked of one patient, at most: the quiz stays short


def quiz_problems(content: Content) -> list[str]:
    """Every question asked only where what it rests on applies; enough for each diagnosis."""
    problems: list[str] = []
    comparisons = {c.id: c for c in content.comparisons}
    for q in content.deliberation.quiz.questions:
        where = f"deliberation.yaml, quiz question '{q.id}'"
        if not (q.comparison or q.figure or q.source):
            problems.append(f"{where}: names no comparison, figure or source it rests on")
        if "not_sure" in q.diagnoses:
            problems.append(f"{where}, field diagnoses: 'not_sure' gets the general questions only; remove it")
        owner = q.figure.split(".", 1)[0] if q.figure else None
        if owner in comparisons and q.comparison != owner:
            problems.append(f"{where}, field comparison: its figure is from comparison '{owner}'; name it")
        if (q.comparison or q.figure) and not q.diagnoses:
            problems.append(f"{where}, field diagnoses: a question on a study's numbers names the diagnoses it is for")
        c = comparisons.get(q.comparison) if q.comparison else None
        if q.comparison and c is None:
            problems.append(f"{where}, field comparison: '{q.comparison}' is not a comparison in figures/")
        if c is not None:
            for d in q.diagnoses:
                if d not in c.applies_to:
                    problems.append(
                        f"{where}, field diagnoses: comparison '{c.id}' does not apply to '{d}'")
    for decision in content.template.diagnoses:
        if decision.id == "not_sure":
            continue  # the general questions only: none rests on a comparison
        asked = content.deliberation.quiz.for_diagnosis(decision.id)
        own = [q for q in asked if q.comparison in comparisons and decision.id in comparisons[q.comparison].applies_to]
        if len(own) < MIN_FROM_COMPARISONS:
            problems.append(f"deliberation.yaml, quiz: '{decision.id}' is asked {len(own)} question(s) on its own "
                            f"comparisons; it needs at least {MIN_FROM_COMPARISONS}")
        if len(asked) > MAX_ASKED:
            problems.append(
                f"deliberation.yaml, quiz: '{decision.id}' is asked {len(asked)} questions; at most {MAX_ASKED}")
    return problems
