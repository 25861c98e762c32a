"""What each Fusion questions card shows, in layers: first the question, its choices and its key
numbers; then, on demand, everything else (issue 11: "nothing is lost, only not in the way").

Pure data for the page (pages/4_Fusion_questions.py) to draw; content/fusion.yaml decides which
figures are key (``key_figures``), so a clinic reviews that choice with the rest of the content.
"""

from __future__ import annotations

from dataclasses import dataclass

from decision.compare.fusion_plan import plan_field, stored_key
from decision.content import Content, Figure, FusionQuestion, PlanField
from decision.record import FusionPlan


@dataclass(frozen=True)
class FusionCard:
    number: int
    question: FusionQuestion
    key_arrays: tuple[Figure, ...]  # key numbers that count people: drawn as icon arrays
    key_context: tuple[Figure, ...]  # key numbers that are not counts (a gap between groups): words only
    other_figures: tuple[Figure, ...]  # the card's other figures, shown under "read more"
    plan_field: PlanField
    proposal_key: str | None  # the surgeon's recorded choice on this card, or None when not answered

    @property
    def key_figures(self) -> tuple[Figure, ...]:
        return self.key_context + self.key_arrays

    @property
    def key_message(self) -> str:
        """The closed card's answer in words, where the evidence gives no number out of 100 ("" if none)."""
        return self.question.key_message

    @property
    def warnings(self) -> dict[str, str]:
        """Figure id -> the warning drawn with a number that stands alone from its study on this card."""
        return dict(self.question.single_arm)

    @property
    def proposal_words(self) -> str | None:
        return None if self.proposal_key is None else self.plan_field.values[self.proposal_key]


@dataclass(frozen=True)
class ReoperationLayers:
    key: tuple[Figure, ...]
    other: tuple[Figure, ...]  # after an operation, beyond the key ones
    after_non_operative: tuple[Figure, ...]  # beyond the key ones


def _split(
    content: Content, key_ids: tuple[str, ...], all_ids: tuple[str, ...]
) -> tuple[tuple[Figure, ...], tuple[Figure, ...]]:
    key = tuple(content.figure(f) for f in key_ids)
    other = tuple(content.figure(f) for f in all_ids if f not in key_ids)
    return key, other


def fusion_cards(content: Content, plan: FusionPlan) -> tuple[FusionCard, ...]:
    """The five cards in the order of the walk, each split into its key numbers and the rest."""
    cards = []
    for number, q in enumerate(content.fusion.questions, start=1):
        key, other = _split(content, q.key_figures, q.figures)
        field = plan_field(content, q.id)
        cards.append(FusionCard(
            number=number,
            question=q,
            key_arrays=tuple(f for f in key if f.kind != "context"),
            key_context=tuple(f for f in key if f.kind == "context"),
            other_figures=other,
            plan_field=field,
            proposal_key=stored_key(getattr(plan, field.field)),
        ))
    return tuple(cards)


def reoperation_layers(content: Content) -> ReoperationLayers:
    r = content.fusion.reoperation
    key, other = _split(content, r.key_figures, r.figures)
    after = tuple(content.figure(f) for f in r.after_non_operative if f not in r.key_figures)
    return ReoperationLayers(key=key, other=other, after_non_operative=after)


def fusion_in_view(content: Content, diagnosis: str | None, procedure: str | None, proposal: str | None) -> bool:
    """The whole page, or (False) a short one with the cards in a closed layer (issue 24).

    Short only where the diagnosis is known, has options, and fusion is not among them, and neither
    the operation talked about nor the surgeon's proposal is fusion: then the questions wait in
    case the surgeon raises it. "Not sure" (no options yet) and no diagnosis get the whole page.
    """
    if "fusion" in (procedure, proposal) or diagnosis not in content.diagnosis_by_id:
        return True
    options = content.decision_for(diagnosis).options
    return not options or "fusion" in options
