"""The Oswestry Disability Index: the published formula, blank sections, a total entered directly, bands."""

from __future__ import annotations

import pytest

from decision.record import Oswestry
from decision.record.oswestry import band_for, oswestry_score


def _band(content, index: int) -> str:
    return content.scores.oswestry_bands[index].label


def test_ten_sections_score_out_of_fifty(content):
    # 16 points from all 10 sections: 16 / 50 x 100 = 32 (the worked example in the evidence brief).
    odi = Oswestry(sections=[2, 2, 2, 2, 2, 2, 1, 1, 1, 1])
    result = oswestry_score(odi, content.scores)
    assert result.percent == 32.0
    assert result.answered == 10
    assert result.band == _band(content, 1)
    assert "16 points from 10 of 10 sections, out of 50" in result.how


def test_a_blank_section_lowers_the_denominator_by_five(content):
    # 16 points from 9 sections: 16 / 45 x 100 = 35.6, not 32.
    odi = Oswestry(sections=[2, 2, 2, 2, 2, 2, 2, 1, 1, None])
    result = oswestry_score(odi, content.scores)
    assert result.percent == 35.6
    assert result.answered == 9
    assert "out of 45" in result.how


def test_a_total_entered_directly_is_used_when_no_section_is_answered(content):
    result = oswestry_score(Oswestry(total_percent=55), content.scores)
    assert result.percent == 55.0
    assert result.answered is None
    assert result.band == _band(content, 2)


def test_section_scores_take_precedence_over_a_total(content):
    odi = Oswestry(sections=[1] * 10, total_percent=90)
    assert oswestry_score(odi, content.scores).percent == 20.0


def test_no_answers_give_no_score(content):
    assert oswestry_score(Oswestry(), content.scores) is None


def test_the_extremes_score_zero_and_one_hundred(content):
    assert oswestry_score(Oswestry(sections=[0] * 10), content.scores).percent == 0.0
    top = oswestry_score(Oswestry(sections=[5] * 10), content.scores)
    assert top.percent == 100.0
    assert top.band == _band(content, 4)


@pytest.mark.parametrize(
    "percent, band_index",
    [(0, 0), (20, 0), (20.4, 0), (20.6, 1), (21, 1), (40, 1), (41, 2), (60, 2), (61, 3), (80, 3), (81, 4), (100, 4)],
)
def test_band_boundaries(content, percent, band_index):
    assert band_for(percent, content.scores) == _band(content, band_index)


def test_the_bands_cover_every_whole_score_once(content):
    for whole in range(101):
        holding = [b for b in content.scores.oswestry_bands if b.low <= whole <= b.high]
        assert len(holding) == 1, whole
