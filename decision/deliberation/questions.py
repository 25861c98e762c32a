"""Questions for the surgeon: the suggested ones that fit the record, and the patient's own.

The suggested questions are those for everyone and those for an option the record points at
(the operation talked about, the leaning, the surgeon's plan); a ticked one is never hidden.
"""

from __future__ import annotations

from collections.abc import Iterable

from decision.content import Deliberation, SuggestedQuestion


def relevant_options(procedure: str | None, leaning: str | None, proposed: str | None = None) -> set[str]:
    """The options the record points at: the operation talked about, the leaning, the surgeon's plan."""
    named = {procedure, leaning, proposed}
    return {o for o in named if o in ("non_operative", "laminectomy", "microdiscectomy", "fusion")}


def is_ticked(question: SuggestedQuestion, questions: Iterable[str]) -> bool:
    """Whether the record holds this suggested question, in its words or in earlier ones."""
    held = set(questions)
    return question.text in held or not held.isdisjoint(question.former)


def suggested_questions(deliberation: Deliberation, relevant: set[str],
                        ticked: Iterable[str] = ()) -> tuple[SuggestedQuestion, ...]:
    """Questions for everyone, those for a relevant option, and any already ticked (never hide a tick)."""
    ticked = set(ticked)
    return tuple(
        q for q in deliberation.questions
        if not q.options or relevant.intersection(q.options) or is_ticked(q, ticked)
    )


def own_questions(questions: Iterable[str], deliberation: Deliberation) -> list[str]:
    """The patient's own questions: those stored that are not one of the suggested ones (in any wording)."""
    suggested = {t for q in deliberation.questions for t in (q.text, *q.former)}
    return [q for q in questions if q not in suggested]
