"""The surgeon's fusion plan in words, for the Fusion page and the summary (content/fusion.yaml)."""

from __future__ import annotations

from decision.content import Content, PlanField
from decision.record import FusionPlan

UNDECIDED = "undecided"


def stored_key(value: object) -> str:
    """The content key for a stored plan value: segments 1-3 as "1".."3", None as "undecided"."""
    return UNDECIDED if value is None else str(value)


def from_key(field: PlanField, key: str) -> object:
    """The value to store for a content key (the inverse of ``stored_key``)."""
    if field.field == "segments":
        return None if key == UNDECIDED else int(key)
    return key


def plan_field(content: Content, card_id: str) -> PlanField:
    return next(f for f in content.fusion.plan if f.card == card_id)


def plan_lines(plan: FusionPlan, content: Content) -> list[tuple[str, str]]:
    """(label, words) for each part of the plan, in card order."""
    return [(f.label, f.values[stored_key(getattr(plan, f.field))]) for f in content.fusion.plan]
