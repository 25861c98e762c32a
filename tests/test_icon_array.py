"""The icon-array builders: 100 grouped icons, N filled from the bottom row, words that match."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, strategies as st

from decision.compare.icon_array import (
    AFFECTED,
    GOOD,
    HARM,
    LATER,
    MIN_WIDTH_PX,
    UNAFFECTED,
    colour_for,
    icon_array_svg,
    icon_arrays_html,
    icon_cells,
)
from decision.content import Figure, load_content
from decision.content.wording import format_number, sentence
from tests.svg_spec import NS, drawings, people, svgs

W = load_content().words  # the English frames a number is said in (content/pages.yaml, wording.*)


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


@given(st.floats(min_value=0, max_value=100, allow_nan=False))
def test_the_svg_draws_as_many_affected_people_as_the_cells_say(per_100):
    (svg,) = svgs(icon_array_svg(fig(per_100), W))
    assert people(svg) == {"affected": sum(icon_cells(per_100)), "unaffected": 100 - sum(icon_cells(per_100))}


@pytest.mark.parametrize("per_100", [0, 9.1, 52, 100])
def test_every_person_is_drawn_once_and_the_bottom_row_fills_first(per_100):
    (svg,) = svgs(icon_array_svg(fig(per_100), W))
    covered = {}
    for rect in svg.iter(f"{NS}rect"):
        x, y, w, h = (int(float(rect.get(k))) // 10 for k in ("x", "y", "width", "height"))
        for row in range(y, y + h):
            for col in range(x, x + w):
                assert (col, row) not in covered, "a person drawn twice"
                covered[(col, row)] = rect.get("data-p") == "a"
    assert len(covered) == 100
    # icon_cells counts from the bottom-left, row by row; SVG rows count from the top.
    assert [covered[(i % 10, 9 - i // 10)] for i in range(100)] == icon_cells(per_100)


def test_the_svg_uses_the_same_colours_as_the_pdf_and_names_itself_by_its_sentence():
    html = icon_array_svg(fig(18), W)
    (svg,) = svgs(html)
    assert svg.get("role") == "img" and svg.get("aria-label") == sentence(fig(18), W)
    fills = {c.get("fill") for c in svg.iter(f"{NS}circle")}
    assert fills == {colour_for("reoperation"), UNAFFECTED}
    assert float(svg.get("width")) >= MIN_WIDTH_PX
    assert len(html) < 1200  # a number costs a few hundred bytes, not kilobytes


def test_text_in_the_svg_is_escaped():
    (svg,) = svgs(icon_array_svg(fig(18, outcome='had <b>"x"</b> & more'), W))
    assert "<b>" in svg.get("aria-label")  # the parser un-escapes it: it was text, not markup
    assert not list(svg.iter(f"{NS}b")) and not list(svg.iter("b"))


def test_several_arrays_each_get_their_number_as_a_title():
    html = icon_arrays_html([fig(70), fig(52, id="g")], W)
    arrays = svgs(html)
    assert [people(s)["affected"] for s in arrays] == [70, 52]
    assert [s.find(f"{NS}text").text for s in arrays] == ["1. 70 in 100", "2. 52 in 100"]
    assert all(float(s.get("width")) >= MIN_WIDTH_PX for s in arrays)
    assert [len(list(s.iter("pattern"))) for s in arrays] == [2, 0]  # the first carries the patterns
    assert "flex-wrap:wrap" in html  # narrow columns wrap them instead of shrinking them


def test_numbers_under_one_in_100_are_said_per_1000():
    assert format_number(0.35, W) == "fewer than 1 in 100 (about 3.5 in 1,000)"


def test_sentence_is_the_text_alternative_with_time_frame():
    assert sentence(fig(18), W) == "18 in 100 people had another operation within 8 years."
    assert sentence(fig(9.1), W).startswith("About 9 in 100 people")


def test_a_rerun_sends_the_same_drawings():
    from tests.conftest import app_at

    at = app_at("pages/4_Fusion_questions.py")
    at.toggle(key="fusion_more:decompression_alone").set_value(True).run()  # the arrays wait behind it (issue 24)
    first = drawings(at)
    at.run()
    assert first and drawings(at) == first


@pytest.mark.parametrize("kind, colour", [("benefit", GOOD), ("harm", HARM), ("reoperation", HARM),
                                          ("natural_course", LATER), ("context", AFFECTED)])
def test_a_good_result_a_harm_and_an_operation_later_each_have_their_colour(kind, colour):
    (svg,) = svgs(icon_array_svg(fig(30, kind=kind), W))
    assert {c.get("fill") for c in svg.iter(f"{NS}circle")} == {colour, UNAFFECTED}
    assert len({GOOD, HARM, LATER}) == 3


def test_arrays_of_two_kinds_side_by_side_each_carry_their_own_colour():
    html = icon_arrays_html([fig(70, kind="benefit"), fig(20, id="g", kind="harm"), fig(10, id="h", kind="harm")], W)
    patterns = {c.get("fill") for svg in svgs(html) for c in svg.iter(f"{NS}circle")}
    assert patterns == {GOOD, HARM, UNAFFECTED}


def test_key_numbers_tell_benefit_from_harm_by_colour_and_by_a_word():
    from decision.compare.icon_array import KIND_COLORS, keyed_arrays_html

    good = fig(63, id="g", kind="benefit", outcome="had a good result")
    bad = fig(22, id="h", kind="harm", outcome="had a <b>complication</b>")
    html = keyed_arrays_html(((good, "Benefit"), (bad, "Harm & worse")), W)
    good_svg, bad_svg = svgs(html)
    assert KIND_COLORS["benefit"] != KIND_COLORS["harm"]
    assert KIND_COLORS["benefit"] in ET.tostring(good_svg, encoding="unicode")
    assert KIND_COLORS["harm"] in ET.tostring(bad_svg, encoding="unicode")
    assert [people(s)["affected"] for s in (good_svg, bad_svg)] == [63, 22]
    assert all(float(s.get("width")) >= MIN_WIDTH_PX for s in (good_svg, bad_svg))
    assert "Benefit" in html and "Harm &amp; worse" in html  # the word, escaped
    assert "<b>" not in html and "&lt;b&gt;complication" in html  # content text never becomes markup


def test_an_array_drawn_in_another_colour_keeps_its_people():
    svg = icon_array_svg(fig(30), W, color="#c4501a")
    (drawn,) = svgs(svg)
    assert people(drawn)["affected"] == 30 and "#c4501a" in svg and AFFECTED not in svg


def test_key_numbers_say_each_sentence_once_and_define_each_colour_once():
    # The sentence is written above its picture, so the picture is hidden from screen readers
    # (not read twice), and arrays of one colour share one set of circle patterns (bytes, issue 13).
    from decision.compare.icon_array import KIND_COLORS, keyed_arrays_html

    a, b = fig(63, id="a", kind="benefit"), fig(40, id="b", kind="benefit")
    c = fig(22, id="c", kind="harm", outcome="had a complication")
    html = keyed_arrays_html(((a, "Good result"), (b, "Good result"), (c, "Harm")), W)
    drawn = svgs(html)
    assert [people(s)["affected"] for s in drawn] == [63, 40, 22]
    assert all(s.get("aria-hidden") == "true" and s.get("role") is None and s.get("aria-label") is None for s in drawn)
    for f in (a, b, c):
        assert html.count(sentence(f, W)) == 1
    assert html.count(f'<pattern id="ia-{KIND_COLORS["benefit"][1:]}"') == 1
    assert html.count(f'<pattern id="ia-{KIND_COLORS["harm"][1:]}"') == 1
