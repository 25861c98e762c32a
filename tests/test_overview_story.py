"""Issue 23: the overview a patient sees first tells the diagnosis's story, fairly.

The introduction sits above the grid once a diagnosis is picked; a gap row covers only the columns of
the two arms it compares and names them; a number from a subgroup names it in its cell; a "not
counted" cell says so in words at the grid's own size; every option has a number of its own; the
long-term back pain overview holds the MRC trial; a grade of certainty only where a source gives one.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from decision.compare.grid import CSS, overview_html
from decision.compare.overview import overview
from decision.content import OVERVIEW_MAX_ROWS, ContentError, load_content
from decision.content.models import HARM_SIDE
from decision.record import DecisionRecord
from tests.conftest import app_at, assert_no_exception, check_content_on, edit_content

PAGE = "pages/3_Compare_your_options.py"
CONTENT = load_content()
WITH_OPTIONS = [d.id for d in CONTENT.template.diagnoses if d.options]


def _table(content, diagnosis) -> ET.Element:
    return ET.fromstring(overview_html(content, overview(content, diagnosis)))


def _rows(table: ET.Element) -> dict[str, list[ET.Element]]:
    return {tr.get("data-comparison"): [td for td in tr if td.tag == "td"]
            for tr in table.iter("tr") if tr.get("data-comparison")}


def _text(el: ET.Element) -> str:
    return " ".join("".join(el.itertext()).split())


@pytest.mark.parametrize("diagnosis", WITH_OPTIONS)
def test_the_diagnosis_introduction_sits_above_the_grid(content, diagnosis):
    at = app_at(PAGE, DecisionRecord(safety_screen_done=True, diagnosis=diagnosis), clinic=False)
    assert_no_exception(at)
    shown = [m.value for m in at.markdown]
    intro = " ".join(content.decision_for(diagnosis).intro.split())
    at_intro = next(i for i, v in enumerate(shown) if intro in " ".join(v.split()))
    at_grid = next(i for i, v in enumerate(shown) if 'class="aid-grid aid-overview"' in v)
    assert at_intro < at_grid


def test_the_slip_story_says_the_randomised_result_before_the_as_treated_row(content):
    d = content.decision_for("degenerative_spondylolisthesis")
    assert "chance chose" in d.intro and "did not clearly differ" in d.intro
    first_as_treated = next(i for i, cid in enumerate(d.overview) if content.comparison(cid).id == "sport_ds_pain_2y")
    assert content.comparison(d.overview[0]).design == "randomised" and first_as_treated > 0
    assert "NICE" in content.decision_for("chronic_low_back_pain").intro


@pytest.mark.parametrize("diagnosis", WITH_OPTIONS)
def test_a_gap_row_covers_only_the_columns_of_its_two_arms_and_names_them(content, diagnosis):
    view = overview(content, diagnosis)
    names = {o: content.option(o).name for o in view.options}
    rows = _rows(_table(content, diagnosis))
    not_counted = content.pages["compare.not_counted"]
    for row in view.rows:
        c = row.comparison
        if c.measure != "gap":
            continue
        cells = rows[c.id]
        spans = [int(td.get("colspan", "1")) for td in cells]
        assert sum(spans) == len(view.options), c.id  # every column once
        column = 0
        for td, span in zip(cells, spans, strict=True):
            covered = view.options[column:column + span]
            column += span
            if not set(covered) & set(c.arms):
                assert _text(td) == not_counted and "gap" not in td.get("class", ""), (c.id, covered)
            else:
                assert set(covered) <= set(c.arms), (c.id, covered)  # never across another option's column
        # both arms are named: in one cell over both, or the other arm's own cell names the favoured one
        other = next(o for o in c.arms if o != c.gap.favours)
        over_both = [td for td in cells if td.get("colspan") == "2"]
        if over_both:
            assert names[c.gap.favours] in _text(over_both[0]) and names[other] in _text(over_both[0])
        else:
            assert names[c.gap.favours] in _text(cells[view.options.index(other)]), c.id


def test_the_slip_gap_row_leaves_laminectomy_out(content):
    view = overview(content, "degenerative_spondylolisthesis")
    assert view.options == ("non_operative", "laminectomy", "fusion")
    cells = _rows(_table(content, "degenerative_spondylolisthesis"))["sport_ds_pain_2y"]
    assert [td.get("colspan", "1") for td in cells] == ["1", "1", "1"]
    non_operative, laminectomy, fusion = (_text(td) for td in cells)
    assert laminectomy == content.pages["compare.not_counted"]
    assert "18.1" in fusion and "18.1" not in non_operative + laminectomy
    assert content.option("fusion").name in non_operative  # the other arm points to the gap


def test_a_number_from_a_subgroup_names_it_in_its_cell(content):
    cells = _rows(_table(content, "degenerative_spondylolisthesis"))["ds_life_threatening_30d"]
    fusion = _text(cells[2])
    assert fusion.startswith("6 in 100") and "complex fusion" in fusion
    assert "complex" not in _text(cells[1])  # decompression alone is not a subgroup


@pytest.mark.parametrize("diagnosis", WITH_OPTIONS)
def test_a_row_label_reads_as_words_with_spaces_between_its_parts(content, diagnosis):
    # The badge, the outcome and how it was studied are three spans: without a space between them a
    # screen reader (and a copy of the text, and the walk's word count) reads "Good resultPain
    # scoreat 2 years".
    view = overview(content, diagnosis)
    for row, tr in zip(view.rows, [tr for tr in _table(content, diagnosis).iter("tr") if tr.get("data-comparison")],
                       strict=True):
        raw = "".join(next(el for el in tr if el.tag == "th").itertext())
        assert f"{row.kind_word} {row.comparison.outcome} " in raw, raw
        assert f"{row.comparison.outcome}{row.detail}" not in raw, raw


@pytest.mark.parametrize("diagnosis", WITH_OPTIONS)
def test_not_counted_cells_say_so_in_words_at_the_grid_size(content, diagnosis):
    words = content.pages["compare.not_counted"]
    assert len(words.split()) >= 3  # a phrase a patient reads, not a bare "Not counted"
    rule = re.search(r"\.aid-grid td\.none[^{]*\{([^}]*)\}", CSS)
    assert rule and "font-size" not in rule.group(1) and "#525c69" not in rule.group(1)


@pytest.mark.parametrize("diagnosis", WITH_OPTIONS)
def test_every_option_has_a_number_of_its_own_in_the_overview(content, diagnosis):
    view = overview(content, diagnosis)
    for oid in view.options:
        own = [r for r in view.rows for cell in r.cells
               if cell.option_id == oid and cell.role == "number" and cell.counted]
        assert own, (diagnosis, oid)


def test_the_long_term_back_pain_overview_holds_the_mrc_trial(content):
    d = content.decision_for("chronic_low_back_pain")
    assert "mrc_disability_2y" in d.overview and len(d.overview) <= OVERVIEW_MAX_ROWS
    rows = [content.comparison(cid) for cid in d.overview]
    assert sum(c.kind in HARM_SIDE for c in rows) >= sum(c.kind == "benefit" for c in rows)
    mrc = content.comparison("mrc_disability_2y")  # OE 4.1, Fairbank 2005
    assert (mrc.gap.points, mrc.gap.low, mrc.gap.high, mrc.source) == (4.1, 0.1, 8.1, "fairbank_2005")
    assert "349 people" in mrc.population and mrc.design == "randomised"
    cells = _rows(_table(content, "chronic_low_back_pain"))["mrc_disability_2y"]
    assert len(cells) == 1 and cells[0].get("colspan") == "2" and "4.1" in _text(cells[0])


def test_certainty_is_said_only_where_a_source_grades_it(content):
    graded = {c.id: c.certainty for c in content.comparisons if c.certainty is not None}
    assert set(graded) == {"liu_leg_pain_6w"}  # OE 3.1 / VA 9: "very low to low"; no other file grades one
    assert graded["liu_leg_pain_6w"].level == "very low to low" and graded["liu_leg_pain_6w"].source == "liu_2023"
    from decision.compare.overview import detail_words

    assert "certainty very low to low" in detail_words(content, content.comparison("liu_leg_pain_6w"))
    assert "certainty" not in detail_words(content, content.comparison("peul_recovered_1y"))
    from decision.content.wording import design_words

    assert "very low to low" in design_words(content, content.comparison("liu_leg_pain_6w"))  # the card
    assert design_words(content, content.comparison("peul_recovered_1y")) == content.template.designs["randomised"]



def test_how_each_row_was_studied_is_said_in_short_plain_words(content):
    """Every row of the overview ends with how its study was done (issue 24: SMOG at most 9 on the
    page, and each row is read as a sentence): those words have no word of three syllables or more,
    and say who chose the care, in the same way for each design."""
    from textstat import textstat  # a build and test requirement, never the app's

    for design, words in content.template.designs_short.items():
        long_words = [w for w in re.findall(r"[A-Za-z']+", words) if textstat.syllable_count(w) >= 3]
        assert not long_words, (design, words)
        assert len(words.split()) <= 4, (design, words)
    assert "chance" in content.template.designs_short["randomised"]
    assert "chose" in content.template.designs_short["observational"]


# ---------------------------------------------------------------- what check-content refuses


def _diagnosis(data, did):
    return next(d for d in data["diagnoses"] if d["id"] == did)


def _comparison(data, cid):
    return next(c for c in data["comparisons"] if c["id"] == cid)


REFUSED = {
    "an option whose only number in the overview is a gap": (
        "template.yaml",
        lambda d: _diagnosis(d, "chronic_low_back_pain").update(overview=[
            "mrc_disability_2y", "fritzell_complications_2y", "brox_reoperation_9y"]),
        r"diagnoses\.chronic_low_back_pain\.overview: no row gives non_operative a number of its own"),
    "a grade of certainty with no source": (
        "figures/comparisons.yaml",
        lambda d: _comparison(d, "peul_recovered_1y").update(certainty={"level": "high", "source": "nobody_2099"}),
        r"comparison 'peul_recovered_1y', field certainty\.source"),
    "a grade of certainty that is not GRADE's": (
        "figures/comparisons.yaml",
        lambda d: _comparison(d, "peul_recovered_1y").update(certainty={"level": "solid", "source": "peul_2007"}),
        r"peul_recovered_1y\)\.certainty\.level"),
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_check_content_refuses_an_overview_or_a_grade_that_breaks_the_rules(content_copy, name):
    rel, change, where = REFUSED[name]
    edit_content(content_copy, rel, change)
    with pytest.raises(ContentError, match=where):
        load_content(content_copy)
    out = check_content_on(content_copy)
    assert out.returncode == 1 and "Traceback" not in out.stderr
