"""The Oswestry Disability Index score, as the published formula computes it.

Score (%) = sum of the section scores ÷ (5 × number of sections answered) × 100. Each blank
section lowers the denominator by 5 (shared/evidence/nonoperative-and-red-flags.md, section
4.1). The questionnaire's wording is copyrighted and is not reproduced: the clinic enters the
section scores or the total. Bands are data (content/scores.yaml); how the score was reached is said
with content's sentences (``oswestry.how_sections``, ``oswestry.how_total`` in content/pages.yaml), in the
language of the ``pages`` given, else in the shipped English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from decision.content import Scores
from decision.record.messages import english_pages
from decision.record.model import Oswestry


@dataclass(frozen=True)
class OswestryResult:
    percent: float
    answered: int | None  # None when the total was entered directly
    band: str
    how: str


def band_for(percent: float, scores: Scores) -> str:
    whole = round(percent)
    for band in scores.oswestry_bands:
        if band.low <= whole <= band.high:
            return band.label
    return ""


def oswestry_score(odi: Oswestry, scores: Scores, pages: Mapping[str, str] | None = None) -> OswestryResult | None:
    """The score, its band and how it was reached, said with ``pages`` (content.pages; English if None)."""
    words = pages if pages is not None else english_pages()
    answered = [s for s in odi.sections if s is not None]
    if answered:
        percent = round(sum(answered) / (5 * len(answered)) * 100, 1)
        how = words["oswestry.how_sections"].format(points=sum(answered), answered=len(answered),
                                                    out_of=5 * len(answered))
        return OswestryResult(percent, len(answered), band_for(percent, scores), how)
    if odi.total_percent is not None:
        percent = round(odi.total_percent, 1)
        return OswestryResult(percent, None, band_for(percent, scores), words["oswestry.how_total"])
    return None
