"""The "Compare your options" step: the template, its figures, the fit flags, and the page."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

from decision.comparison import (
    comparison_rows,
    default_selection,
    fitting_option_ids,
    fusion_is_on_the_table,
    options_in_order,
)
from decision.content import CONTENT_DIR, ContentError, load_content
from decision.record import DecisionRecord
from tests.svg_spec import arrays_in
from tests.conftest import app_at, assert_no_exception

PAGE = "pages/3_Compare_your_options.py"
ROW_IDS = (
    "what_it_is", "who_for", "the_day", "hospital_stay", "recovery",
    "benefit", "harms", "reoperation", "if_you_wait",
)
# Figures other steps rely on (fusion questions, deliberation), with the number the evidence gives.
REQUIRED = {
    "reop_laminectomy_8y": 18, "reop_microdiscectomy_10y": 25, "reop_fusion_ds_8y": 22, "reop_any_11y": 19,
    "surgery_after_nonop_stenosis_8y": 52, "surgery_after_nonop_disc_8y": 48, "surgery_after_nonop_sciatica_1y": 39,
    "reop_laminectomy_4y": 13, "reop_microdiscectomy_reherniation_4y": 9.1, "peul_recovered_1y": 95,
    "disc_shrinks_without_surgery": 63, "dural_tear_laminectomy": 9, "life_threatening_decompression_30d": 2.3,
    "life_threatening_complex_fusion_30d": 5.6, "readmission_decompression_30d": 7.8,
    "readmission_complex_fusion_30d": 13.0, "nordsten_good_result_decompression_5y": 63,
    "nordsten_good_result_fusion_5y": 63,
}


def _figure_rows(content):
    return [r for r in content.template.rows if r.kind == "figures"]


# ---------------------------------------------------------------- the template and its figures


def test_the_template_has_the_nine_rows_in_order(content):
    assert tuple(r.id for r in content.template.rows) == ROW_IDS


def test_every_option_fills_every_row_with_text(content):
    for option in content.options:
        assert list(option.cells) == list(ROW_IDS), option.id
        for row_id in ROW_IDS:
            assert option.cells[row_id].text.strip(), f"{option.id}.{row_id} has no text"
        assert option.uncertain.strip(), f"{option.id} does not say what is not known"


def test_every_figure_in_a_figures_row_exists_and_cites_a_known_source(content):
    for option in content.options:
        for row in _figure_rows(content):
            for fid in option.cells[row.id].figures:
                assert fid in content.figure_by_id, f"{option.id}.{row.id}: {fid}"
                assert content.figure(fid).source in content.source_by_id, fid


def test_benefit_harm_and_reoperation_rows_hold_numbers_for_every_operation(content):
    for oid in ("laminectomy", "microdiscectomy", "fusion"):
        for row_id in ("benefit", "harms", "reoperation"):
            assert content.option(oid).cells[row_id].figures, f"{oid}.{row_id} has no figure"


def test_text_rows_hold_no_figures(content):
    for option in content.options:
        for row in content.template.rows:
            if row.kind == "text":
                assert not option.cells[row.id].figures, f"{option.id}.{row.id}"


def test_every_figure_is_labelled_v1_or_v2(content):
    assert {f.label for f in content.figures} <= {"V1", "V2"}


def test_every_figure_on_the_page_states_its_time_frame_and_population(content):
    for option in content.options:
        for row in _figure_rows(content):
            for fid in option.cells[row.id].figures:
                fig = content.figure(fid)
                assert fig.time_frame.strip() and fig.population.strip(), fid


def test_reoperation_row_figures_all_share_one_horizon(content):
    row = next(r for r in content.template.rows if r.id == "reoperation")
    assert row.horizon == "8_11_years"
    horizons = {
        content.figure(fid).horizon for o in content.options for fid in o.cells["reoperation"].figures
    }
    assert horizons == {"8_11_years"}


def test_each_benefit_figure_has_a_comparator_from_the_same_study_and_time(content):
    """Balance: no option's benefit is shown without the other side, same study, same time."""
    cells = {o.id: set(o.cells["benefit"].figures) for o in content.options}
    for oid, fids in cells.items():
        others = set().union(*(v for k, v in cells.items() if k != oid))
        for fid in fids:
            fig = content.figure(fid)
            assert any(
                f == fid or (content.figure(f).source == fig.source and content.figure(f).horizon == fig.horizon)
                for f in others
            ), f"{oid}: {fid} has no comparator"


@pytest.mark.parametrize("fid,per_100", sorted(REQUIRED.items()))
def test_the_figures_other_steps_rely_on_exist_with_their_numbers(content, fid, per_100):
    fig = content.figure(fid)
    assert fig.per_100 == pytest.approx(per_100)
    assert fig.label == "V1"


def test_the_notes_say_people_cross_over_and_as_treated_is_not_randomised(content):
    notes = " ".join(content.template.notes).lower()
    assert "non-operative care have an operation later" in notes
    assert "as-treated" in notes and "not a randomized" in notes


def test_a_figure_labelled_u_is_refused(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    path = root / "figures" / "outcomes.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["figures"][0]["label"] = "U"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(ContentError, match="figures/outcomes.yaml"):
        load_content(root)


# ---------------------------------------------------------------- which options fit


def test_options_that_fit_the_diagnosis_are_flagged_and_none_are_hidden(content):
    views = options_in_order(content, "disc_herniation")
    assert [v.option.id for v in views] == list(content.template.option_order)
    flagged = {v.option.id for v in views if v.fits}
    assert "microdiscectomy" in flagged
    assert "laminectomy" not in flagged and "fusion" not in flagged


def test_stenosis_flags_laminectomy_not_microdiscectomy(content):
    assert "laminectomy" in fitting_option_ids(content, "spinal_stenosis")
    assert "microdiscectomy" not in fitting_option_ids(content, "spinal_stenosis")


def test_not_sure_flags_nothing(content):
    assert fitting_option_ids(content, "not_sure") == ()


def test_at_home_the_fitting_operation_is_set_beside_non_operative_care(content):
    assert default_selection(content, "disc_herniation", "none_yet", show_all=False) == (
        "non_operative", "microdiscectomy",
    )


def test_the_operation_talked_about_is_shown_first_even_if_the_diagnosis_differs(content):
    assert default_selection(content, "degenerative_spondylolisthesis", "fusion", show_all=False) == (
        "non_operative", "fusion",
    )


def test_in_clinic_all_four_options_are_shown(content):
    assert default_selection(content, "not_sure", "none_yet", show_all=True) == content.template.option_order


def test_comparison_rows_keep_template_order_whatever_the_pick_order(content):
    rows = comparison_rows(content, ["fusion", "non_operative"])
    assert [r.row.id for r in rows] == list(ROW_IDS)
    assert [o.id for o, _, _ in rows[0].cells] == ["non_operative", "fusion"]


def test_fusion_questions_come_next_only_when_fusion_is_on_the_table(content):
    assert fusion_is_on_the_table(content, "degenerative_spondylolisthesis", "none_yet")
    assert fusion_is_on_the_table(content, "disc_herniation", "fusion")
    assert not fusion_is_on_the_table(content, "disc_herniation", "microdiscectomy")


# ---------------------------------------------------------------- the page


def _markdown(at) -> list[str]:
    return [m.value for m in at.markdown]


def test_the_page_runs_and_shows_all_four_options_in_clinic():
    at = app_at(PAGE, DecisionRecord(safety_screen_done=True), clinic=True)
    assert_no_exception(at)
    text = " ".join(_markdown(at))
    for name in ("Non-operative care", "Laminectomy", "Microdiscectomy", "Spinal fusion"):
        assert f"### {name}" in text


def test_at_home_every_option_can_be_picked():
    at = app_at(PAGE, DecisionRecord(safety_screen_done=True, diagnosis="disc_herniation"), clinic=False)
    assert_no_exception(at)
    pick = at.multiselect(key="w:compare_options:home")
    assert pick.value == ["non_operative", "microdiscectomy"]
    assert set(pick.options) >= {"Non-operative care ✓ fits your diagnosis", "Laminectomy", "Spinal fusion"}
    pick.set_value(["non_operative", "laminectomy", "microdiscectomy", "fusion"]).run()
    assert_no_exception(at)
    assert "### Spinal fusion" in " ".join(_markdown(at))


def test_the_option_that_fits_a_slipped_disc_is_marked():
    at = app_at(PAGE, DecisionRecord(safety_screen_done=True, diagnosis="disc_herniation"), clinic=True)
    assert_no_exception(at)
    headers = [m for m in _markdown(at) if m.startswith("### ")]
    micro = next(h for h in headers if h.startswith("### Microdiscectomy"))
    lamin = next(h for h in headers if h.startswith("### Laminectomy"))
    assert "Fits your diagnosis" in micro
    assert "Fits your diagnosis" not in lamin


def test_icon_arrays_have_100_people_each():
    at = app_at(PAGE, DecisionRecord(safety_screen_done=True, diagnosis="spinal_stenosis"), clinic=False)
    assert_no_exception(at)
    arrays = arrays_in(at)
    assert arrays
    assert all(a["affected"] + a["unaffected"] == 100 for a in arrays), arrays
