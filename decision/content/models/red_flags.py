"""The shape of the safety screen (``red_flags.yaml``): the signs asked, the rules that say which sign
(or combination) calls for which level, and what each level tells the patient to do, and how fast.
It is policy a clinic can review without reading code; ``decision.rules.red_flags`` only applies it.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Literal

from pydantic import Field, model_validator

from decision.content.models.base import Frozen

RedFlagId = Literal[
    "saddle_numbness",
    "bladder_problems",
    "bowel_control_loss",
    "sciatica_both_legs",
    "new_sexual_dysfunction",
    "widespread_neurology",
    "leg_colour_change",
    "aortic_aneurysm",
    "worsening_leg_weakness",
    "fever_or_feeling_unwell",
    "infection_risk",
    "cancer_history",
    "unexplained_weight_loss",
    "night_pain",
    "recent_major_trauma",
    "fracture_risk",
    "inflammatory_pain",
    "cancer_leg_symptoms",
]
Level = Literal["soon", "urgent", "emergency"]
LEVEL_ORDER: tuple[Level, ...] = ("soon", "urgent", "emergency")  # lowest to highest


class RedFlag(Frozen):
    id: RedFlagId
    question: str  # asked of the patient
    # A follow-up: asked (under its parent) only once one of these signs is ticked, or when it is
    # ticked itself (a ticked sign is never hidden).
    asked_if: tuple[RedFlagId, ...] = ()


class Action(Frozen):
    """What one level calls for: a title and a message that say plainly what to do, and how fast."""

    title: str
    message: str
    sources: tuple[str, ...]


class RedFlagRule(Frozen):
    """Fires when every sign in ``all_of`` is ticked and, if ``any_of`` is given, at least one of it.

    A single sign is a rule with one ``any_of``; a combination (cancer with a nerve sign) names
    both lists. The highest level among the rules that fire is the screen's result.
    """

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    level: Level
    all_of: tuple[RedFlagId, ...] = ()
    any_of: tuple[RedFlagId, ...] = ()
    why: str  # one plain sentence: what the sign (or the combination) may mean
    sources: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _names_a_sign(self) -> RedFlagRule:
        if not self.all_of and not self.any_of:
            raise ValueError("a rule needs all_of or any_of")
        return self

    def fires(self, ticked: AbstractSet[str]) -> bool:
        return set(self.all_of) <= ticked and (not self.any_of or bool(ticked & set(self.any_of)))


class RedFlags(Frozen):
    intro: str
    flags: tuple[RedFlag, ...]
    none_apply: str  # label of the explicit "none of these" answer
    levels: dict[Level, Action]
    rules: tuple[RedFlagRule, ...]
    acknowledge: str  # the button that closes the alert, once the patient has read it

    @model_validator(mode="after")
    def _every_sign_has_a_level(self) -> RedFlags:
        ids = [f.id for f in self.flags]
        problems = []
        if set(self.levels) != set(LEVEL_ORDER):
            problems.append(f"levels must be exactly {', '.join(LEVEL_ORDER)}")
        if len(set(ids)) != len(ids):
            problems.append("flags: a flag id appears twice")
        for rule in self.rules:
            unknown = [f for f in (*rule.all_of, *rule.any_of) if f not in ids]
            if unknown:
                problems.append(f"rules.{rule.id} names sign(s) not in flags: {', '.join(unknown)}")
        for flag in self.flags:
            # A sign ticked alone must never give "nothing": every flag has a rule of its own. A
            # follow-up is asked only with its parent, so it is judged with its parent ticked.
            for parent in flag.asked_if or (None,):
                ticked = {flag.id} | ({parent} if parent else set())
                if not any(rule.fires(ticked) and flag.id in (*rule.all_of, *rule.any_of) for rule in self.rules):
                    problems.append(f"flags.{flag.id} has no rule that fires when it is ticked"
                                    + (f" with {parent}" if parent else " alone"))
            unknown = [f for f in flag.asked_if if f not in ids]
            if unknown:
                problems.append(f"flags.{flag.id}: asked_if names sign(s) not in flags: {', '.join(unknown)}")
        if problems:
            raise ValueError("; ".join(problems))
        return self
