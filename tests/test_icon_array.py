"""The icon-array builders: 100 grouped icons, N filled from the bottom row, words that match."""

from __future__ import annotations

import pytest

from tests.plotly_spec import panels, values

from decision.content import Figure
from decision.icon_array import (
    AFFECTED, UNAFFECTED, format_number, icon_array_figure, icon_arrays_figure, icon_cells, sentence,
)


def fig(per_100, **kw) -> Figure:
    base = dict(
        id="f", outcome="had another operation", per_100=per_100, time_frame="within 8 years", horizon="8_11_years",
        population="adults", source="s", label="V1", kind="reoperation",
    )
    return Figure(**{**base, **kw})


@pytest.mark.parametrize("per_100, filled", [(0, 0), (0.35, 0), (0.84, 0), (9.1, 9), (16.5, 17), (18, 18), (21.5, 22),
                                             (63, 63), (100, 100)])
def test_icon_array_has_100_icons_with_n_highlighted(per_100, filled):
    cells = icon_cells(per_100)
    assert len(cells) == 100
    assert sum(cells) == filled
    assert cells[:filled] == [True] * filled  # grouped, filled from the first (bottom-left) icon


@pytest.mark.parametrize("per_100", [9.1, 52])
def test_plotly_icon_array_draws_n_affected_and_the_rest(per_100):
    data = icon_array_figure(fig(per_100)).to_dict()["data"]
    affected, rest = data
    assert affected["marker"]["color"] == AFFECTED and rest["marker"]["color"] == UNAFFECTED
    assert len(values(affected["x"])) == round(per_100) and len(values(affected["x"])) + len(values(rest["x"])) == 100
    assert min(values(affected["y"]), default=0) == 0  # the bottom row fills first


def test_several_arrays_share_one_chart_one_panel_each():
    data = icon_arrays_figure([fig(70), fig(52, id="g")]).to_dict()
    assert list(panels(data).values()) == [100, 100]
    assert [a["text"] for a in data["layout"]["annotations"]] == ["1. 70 in 100", "2. 52 in 100"]


def test_numbers_under_one_in_100_are_said_per_1000():
    assert format_number(0.35) == "fewer than 1 in 100 (about 3.5 in 1,000)"


def test_sentence_is_the_text_alternative_with_time_frame():
    assert sentence(fig(18)) == "18 in 100 people had another operation within 8 years."
    assert sentence(fig(9.1)).startswith("About 9 in 100 people")


def test_a_shared_figure_gives_the_same_spec_on_every_rerun():
    from tests.conftest import app_at

    at = app_at("pages/4_Fusion_questions.py")
    first = [c.proto.spec for c in at.get("plotly_chart")]
    at.run()
    assert first and [c.proto.spec for c in at.get("plotly_chart")] == first
