"""The safety screen's result: which level the ticked signs call for, and why.

The rules are data (``content/red_flags.yaml``, each with its source); this module only applies
them. The highest level among the rules that fire wins. ``emergency`` and ``urgent`` pause the
walk; ``soon`` leaves the aid open with a note on every page.
"""

from __future__ import annotations

from dataclasses import dataclass

from decision.content import LEVEL_ORDER, Action, Content, Level, RedFlagId, RedFlagRule
from decision.record import DecisionRecord

PAUSING: tuple[Level, ...] = ("urgent", "emergency")


@dataclass(frozen=True)
class Screen:
    level: Level
    action: Action
    rules: tuple[RedFlagRule, ...]  # the rules that fired at the top level, in content order
    also: tuple[RedFlagRule, ...]  # rules that fired at a lower level
    ticked: tuple[str, ...]  # the questions the patient ticked, in screen order

    @property
    def pauses_the_walk(self) -> bool:
        return self.level in PAUSING

    @property
    def why(self) -> tuple[str, ...]:
        return tuple(r.why for r in self.rules)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.action.sources, *(s for r in self.rules for s in r.sources))))


def screen(record: DecisionRecord, content: Content) -> Screen | None:
    """None when no sign is ticked; otherwise the level, what to do and why."""
    flags = content.red_flags
    ticked: set[str] = set(record.red_flags)
    fired = [rule for rule in flags.rules if rule.fires(ticked)]
    if not fired:
        return None
    top = max((rule.level for rule in fired), key=LEVEL_ORDER.index)
    return Screen(
        level=top,
        action=flags.levels[top],
        rules=tuple(r for r in fired if r.level == top),
        also=tuple(r for r in fired if r.level != top),
        ticked=tuple(f.question for f in flags.flags if f.id in ticked),
    )


def level(record: DecisionRecord, content: Content) -> Level | None:
    result = screen(record, content)
    return result.level if result else None


def level_of(flag_ids: list[RedFlagId], content: Content) -> Level | None:
    """The level a set of ticked signs calls for (used when a box is ticked, before the record is saved)."""
    return level(DecisionRecord(red_flags=flag_ids, safety_screen_done=True), content)
