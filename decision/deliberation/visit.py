"""What the clinic visit must see first about the patient's view: unsure, or in conflict.

Two marks for the Visit page (issue 24, item 6). *Unsure*: the patient's SURE test before the visit
is complete and below 4 (Légaré 2010: under 4 means decisional conflict), or the leaning is "not
sure yet". *Differs*: the patient leans to one option while the visit has settled on another, or
the surgeon proposes another. The decision reached is compared when there is one, else the
proposal; a proposal of "none yet" is not compared. "More time" as the decision or the proposal
differs from any option the patient leans to: it is a different next step, and worth saying.
Nothing here judges which is right; the marks only say where to talk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from decision.deliberation.sure import sure_score
from decision.record import DecisionRecord

NOT_SURE = "not_sure"


@dataclass(frozen=True)
class VisitMarks:
    unsure: bool  # SURE before the visit below 4, or the leaning is "not sure yet"
    differs_from: Literal["decision", "proposal"] | None  # what the leaning differs from, if anything

    @property
    def any(self) -> bool:
        return self.unsure or self.differs_from is not None


def visit_marks(record: DecisionRecord) -> VisitMarks:
    """The marks the Visit page shows beside the leaning and the SURE result from before the visit."""
    unsure = bool(sure_score(record.sure.before).conflict) or record.leaning == NOT_SURE
    return VisitMarks(unsure=unsure, differs_from=_differs_from(record))


def _differs_from(record: DecisionRecord) -> Literal["decision", "proposal"] | None:
    leaning = record.leaning
    if leaning is None or leaning == NOT_SURE:
        return None
    if record.decision_reached is not None:
        return "decision" if record.decision_reached.choice != leaning else None
    proposal = record.clinical.proposed_operation
    if proposal is None or proposal == "none_yet":
        return None
    return "proposal" if proposal != leaning else None
