"""The surgeon's fusion plan in words, for the Fusion page and the summary (content/fusion.yaml)."""

from __future__ import annotations

from decision.content import Content, PlanField
from decision.record import FusionPlan

UNDECIDED = "undecided"


def stored_key(value: object) -> str | None:
    """The content key for a stored plan value: segments 1-3 as "1".."3"; None (not answered) stays None."""
    return None if value is None else str(value)


def from_key(field: PlanField, key: str) -> object:
    """The value to store for a content key (the inverse of ``stored_key``)."""
    if field.field == "segments" and key != UNDECIDED:
        return int(key)
    return key


def planned_segments(plan: FusionPlan) -> int | None:
    """The fusion length to draw: 1, 2 or 3, or None when not answered or undecided."""
    return plan.segments if isinstance(plan.segments, int) else None


def plan_field(content: Content, card_id: str) -> PlanField:
    return next(f for f in content.fusion.plan if f.card == card_id)


def plan_lines(plan: FusionPlan, content: Content, not_answered: str | None = None) -> list[tuple[str, str]]:
    """(label, words) for each part of the plan, in card order; a part left blank is said ``not_answered``
    (by default content's "Not answered", summary.not_answered, in content's language)."""
    if not_answered is None:
        not_answered = content.pages["summary.not_answered"]
    out = []
    for f in content.fusion.plan:
        key = stored_key(getattr(plan, f.field))
        out.append((f.label, not_answered if key is None else f.values[key]))
    return out
