"""The SURE test: four yes/no items scored 0 to 4; less than 4 is possible decisional conflict.

An unfinished test is not scored, and is not a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass

from decision.record import SureAnswers

# Légaré et al., Can Fam Physician 2010;56:e308 (source legare_2010_sure): four yes/no items,
# yes = 1 and no = 0; a score of 4 means no decisional conflict, 3 or less means conflict.
SURE_ITEMS = ("sure", "understand", "risk_benefit", "encouragement")
SURE_MAX = len(SURE_ITEMS)


@dataclass(frozen=True)
class SureResult:
    answered: int
    score: int | None  # None until all four items are answered
    conflict: bool | None  # None while incomplete: an unfinished test is not a conflict

    @property
    def complete(self) -> bool:
        return self.score is not None


def sure_score(answers: SureAnswers) -> SureResult:
    given = [getattr(answers, item) for item in SURE_ITEMS]
    answered = [a for a in given if a is not None]
    if len(answered) < SURE_MAX:
        return SureResult(answered=len(answered), score=None, conflict=None)
    score = sum(1 for a in answered if a)
    return SureResult(answered=SURE_MAX, score=score, conflict=score < SURE_MAX)
