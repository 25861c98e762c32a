"""The comparison per diagnosis: paired arms from one study, balance proved by the content
check, the same numbers on the page, in the PDF summary and from ``python -m decision compare``."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from decision.compare.comparison import (
    KIND_ORDER,
    as_json,
    compare,
    comparison_rows,
    comparisons_for,
    default_selection,
    fitting_option_ids,
    fusion_is_on_the_table,
    options_in_order,
    outcome_labels,
)
from decision.compare.self_check import balance_counts, ipdas_self_check
from decision.content import SURGICAL, ContentError, load_content
from decision.output.summary import ComparisonBlock, build_summary
from decision.record import SCHEMA_VERSION, DecisionRecord
from tests.conftest import ROOT, app_at, assert_no_exception, check_content_on, edit_content
from tests.svg_spec import arrays_in

PAGE = "pages/3_Compare_your_options.py"
CONTENT = load_content()
DIAGNOSES = [d.id for d in CONTENT.template.diagnoses]
WITH_OPTIONS = [d.id for d in CONTENT.template.diagnoses if d.options]
EXPECTED_OPTIONS = {
    "disc_herniation": ("non_operative", "microdiscectomy"),
    "spinal_stenosis": ("non_operative", "laminectomy"),
    "degenerative_spondylolisthesis": ("non_operative", "laminectomy", "fusion"),
    "chronic_low_back_pain": ("non_operative", "fusion"),
    "not_sure": (),
}


def test_every_diagnosis_has_a_decision():
    assert set(DIAGNOSES) == set(EXPECTED_OPTIONS)


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_each_diagnosis_names_its_options(content, diagnosis):
    assert compare(content, diagnosis).options == EXPECTED_OPTIONS[diagnosis]
    assert fitting_option_ids(content, diagnosis) == EXPECTED_OPTIONS[diagnosis]


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_every_comparison_shown_applies_to_the_diagnosis_and_its_arms_are_its_options(content, diagnosis):
    view = compare(content, diagnosis)
    for c in view.comparisons:
        assert diagnosis in c.applies_to, c.id
        assert set(c.arms) <= set(view.options), c.id
    assert {c.id for c in view.comparisons} == {c.id for c in content.comparisons if diagnosis in c.applies_to}


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_every_comparisons_arms_share_one_source_and_time_frame(content, diagnosis):
    # By construction: the source and time frame belong to the comparison, not to an arm. The
    # arm figures drawn as icon arrays therefore all carry the comparison's own.
    for c in comparisons_for(content, diagnosis):
        figures = c.arm_figures()
        assert {(f.source, f.time_frame, f.horizon, f.population) for f in figures} <= {
            (c.source, c.time_frame, c.horizon, c.population)}, c.id
        if c.measure == "people":
            assert len(figures) == len(c.arms), c.id


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_every_benefit_has_two_or_more_arms(content, diagnosis):
    for c in comparisons_for(content, diagnosis):
        if c.kind == "benefit":
            assert len(c.arms) >= 2, c.id


@pytest.mark.parametrize("diagnosis", WITH_OPTIONS)
def test_every_option_shown_has_a_benefit_and_a_harm(content, diagnosis):
    counts = balance_counts(content)[diagnosis]
    for oid, n in counts.items():
        assert n["benefit"] >= 1, f"{diagnosis}/{oid}: no benefit"
        assert n["harm"] + n["another_operation"] + n["operation_later"] >= 1, f"{diagnosis}/{oid}: no harm"
        if oid == "non_operative":
            assert n["harm"] + n["operation_later"] >= 1


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_operation_later_has_no_surgical_arm_and_another_operation_no_non_operative_arm(content, diagnosis):
    for c in comparisons_for(content, diagnosis):
        if c.kind == "operation_later":
            assert not set(c.arms) & set(SURGICAL), c.id
        if c.kind == "another_operation":
            assert "non_operative" not in c.arms, c.id


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_a_single_arm_comparison_says_so_and_no_option_gets_a_made_up_zero(content, diagnosis):
    for c in comparisons_for(content, diagnosis):
        if len(c.arms) == 1:
            assert c.single_arm.strip(), c.id


@pytest.mark.parametrize("diagnosis", ["degenerative_spondylolisthesis", "chronic_low_back_pain"])
def test_fusions_harms_cover_non_union_the_next_level_nerves_infection_and_death(content, diagnosis):
    topics = {c.topic for c in comparisons_for(content, diagnosis)
              if "fusion" in c.arms and c.kind in ("harm", "another_operation")}
    assert {"non_union", "adjacent_segment", "nerve_injury", "infection", "death_30d"} <= topics


def test_a_slipped_vertebra_has_fusion_against_non_operative_care_and_the_decompression_trials(content):
    ids = {c.id: c for c in comparisons_for(content, "degenerative_spondylolisthesis")}
    sport = ids["sport_ds_pain_2y"]
    assert set(sport.arms) == {"fusion", "non_operative"} and sport.design == "observational"
    assert "switched" in sport.caveat and "chance" in sport.caveat
    for trial in ("nordsten_good_result_5y", "ssss_disability_5y", "slip_physical_score_2y"):
        assert set(ids[trial].arms) == {"laminectomy", "fusion"}, trial


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_the_kind_decides_the_heading_on_the_page_and_in_the_pdf(content, diagnosis):
    view = compare(content, diagnosis)
    assert [g.kind for g in view.groups] == [k for k in KIND_ORDER if any(g.kind == k for g in view.groups)]
    for g in view.groups:
        assert g.title == content.template.kinds[g.kind].title
        assert all(c.kind == g.kind for c in g.comparisons)
    summary = build_summary(DecisionRecord(diagnosis=diagnosis), content)
    for b in summary.section("options").blocks:
        if isinstance(b, ComparisonBlock):  # each says its kind in the kind's word, as on the page
            assert b.kind_word == content.template.kinds[content.comparison(b.comparison_id).kind].word


def test_the_pdf_never_prints_one_arm_without_its_comparator(content):
    import io
    import re as _re

    from pypdf import PdfReader

    from decision.output.pdf import build_pdf
    from tests.records import full_record

    for diagnosis in WITH_OPTIONS:
        record = full_record(content).model_copy(update={"diagnosis": diagnosis})
        pages = PdfReader(io.BytesIO(build_pdf(record, content))).pages
        text = _re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pages))
        for b in build_summary(record, content).section("options").blocks:
            if isinstance(b, ComparisonBlock) and len(b.arms) > 1:
                printed = [f"{b.heading}" in text and arm in text for arm in b.arms]
                assert all(printed) or not any(printed), (diagnosis, b.comparison_id, printed)


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_every_number_written_in_a_text_cell_has_a_citation(content, diagnosis):
    for oid in set(compare(content, diagnosis).options) or set(content.template.option_order):
        for row_id, cell in content.option(oid).cells.items():
            if re.search(r"\d", cell.text):
                assert cell.sources, f"{oid}.{row_id}"
                assert all(s in content.source_by_id for s in cell.sources)


def test_not_sure_shows_an_orientation_that_asks_to_confirm_with_the_doctor(content):
    view = compare(content, "not_sure")
    assert view.options == () and view.comparisons == ()
    assert "doctor" in view.intro


def test_the_ipdas_self_check_is_computed_and_says_partly_where_the_content_falls_short(content):
    checks = {c.key: c for c in ipdas_self_check(content)}
    assert set(checks) == {"balance", "same_frame", "ranges", "cited"}
    assert checks["cited"].met == "yes"
    ranged = checks["ranges"].counts["ranged"]
    assert checks["ranges"].met == ("yes" if ranged == len(content.comparisons) else "partly")


# ---------------------------------------------------------------- the content check refuses broken comparisons


def _comparison(data, cid):
    return next(c for c in data["comparisons"] if c["id"] == cid)


BROKEN = {
    "unpaired benefit": (lambda d: _comparison(d, "maine_sciatica_better_1y")["arms"].pop("non_operative"),
                         r"figures/comparisons.yaml, field comparisons\.\d+ \(maine_sciatica_better_1y\)\.arms"),
    "single arm that does not say so": (lambda d: _comparison(d, "stenosis_dural_tear").pop("single_arm"),
                                        r"comparisons\.\d+ \(stenosis_dural_tear\)\.single_arm"),
    "operation later with a surgical arm": (
        lambda d: _comparison(d, "peul_operation_later_1y")["arms"].update(
            {"microdiscectomy": {"outcome": "x", "per_100": 5}})
        or _comparison(d, "peul_operation_later_1y").pop("single_arm"),
        r"\(peul_operation_later_1y\)\.arms"),
    "another operation with a non-operative arm": (
        lambda d: _comparison(d, "sport_disc_reherniation_4y")["arms"].update(
            {"non_operative": {"outcome": "x", "per_100": 5}})
        or _comparison(d, "sport_disc_reherniation_4y").pop("single_arm"),
        r"\(sport_disc_reherniation_4y\)\.arms"),
    "range that misses its value": (
        lambda d: _comparison(d, "peul_recovered_1y")["arms"]["microdiscectomy"].update({"low": 10, "high": 20}),
        r"\(peul_recovered_1y\)\.arms\.microdiscectomy"),
    "unverified label": (lambda d: _comparison(d, "peul_recovered_1y").update({"label": "U"}),
                         r"\(peul_recovered_1y\)\.label"),
    "no study design": (lambda d: _comparison(d, "peul_recovered_1y").pop("design"), r"\(peul_recovered_1y\)\.design"),
    "applies to not sure": (lambda d: _comparison(d, "peul_recovered_1y").update({"applies_to": ["not_sure"]}),
                            r"\(peul_recovered_1y\)\.applies_to"),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_check_content_refuses_a_broken_comparison_naming_file_and_field(content_copy, name):
    change, where = BROKEN[name]
    edit_content(content_copy, "figures/comparisons.yaml", change)
    with pytest.raises(ContentError, match=where):
        load_content(content_copy)


CROSS = {
    "an arm that is not an option of the diagnosis": (
        "figures/comparisons.yaml",
        lambda d: _comparison(d, "maine_stenosis_better_10y").update({"applies_to": ["disc_herniation"]}),
        r"comparison 'maine_stenosis_better_10y', field applies_to: for 'disc_herniation' the arm\(s\) laminectomy"),
    "an option with no harm": (
        "figures/comparisons.yaml",
        lambda d: d.update({"comparisons": [c for c in d["comparisons"] if not (
            "chronic_low_back_pain" in c["applies_to"] and c["kind"] == "operation_later")]}),
        r"diagnoses\.chronic_low_back_pain, option non_operative\): no harm"),
    "care without surgery with only an operation later as its harm": (
        "figures/comparisons.yaml",
        lambda d: d.update({"comparisons": [c for c in d["comparisons"] if not (
            "disc_herniation" in c["applies_to"] and c["kind"] == "harm" and "non_operative" in c["arms"])]}),
        r"diagnoses\.disc_herniation, option non_operative\): "
        r"no harm comparison for care without surgery \(operation_later does not count\)"),
    "a no-harm statement beside a real harm of care without surgery": (
        "template.yaml",
        lambda d: next(x for x in d["diagnoses"] if x["id"] == "spinal_stenosis").update(
            {"non_operative_no_harm": {"text": "No study counted the harms of care without surgery."}}),
        r"template.yaml, field diagnoses\.spinal_stenosis\.non_operative_no_harm"),
    "an option with no benefit": (
        "figures/comparisons.yaml",
        lambda d: d.update({"comparisons": [c for c in d["comparisons"] if not (
            "spinal_stenosis" in c["applies_to"] and c["kind"] == "benefit")]}),
        r"diagnoses\.spinal_stenosis, option laminectomy\): no benefit"),
    "fusion without its non-union harm": (
        "figures/comparisons.yaml",
        lambda d: d.update({"comparisons": [c for c in d["comparisons"] if c["id"] != "ds_non_union"]}),
        r"diagnoses\.degenerative_spondylolisthesis, option fusion\): fusion's harms have no 'non_union'"),
    "a number in a text cell with no source": (
        "options/laminectomy.yaml", lambda d: d["cells"]["the_day"].pop("sources"),
        r"options/laminectomy.yaml, field cells\.the_day\.sources"),
    "an overview row from another diagnosis": (
        "template.yaml",
        lambda d: d["diagnoses"][0]["overview"].__setitem__(0, "maine_stenosis_better_10y"),
        r"diagnoses\.disc_herniation\.overview: 'maine_stenosis_better_10y' does not apply"),
    "an overview with more benefit rows than harm rows": (
        "template.yaml",
        lambda d: d["diagnoses"][3].update(overview=["fritzell_improved_2y", "brox_success_1y", "clbp_non_union"]),
        r"diagnoses\.chronic_low_back_pain\.overview: 2 benefit rows but 1 harm rows"),
    "an overview with no harm row for an option": (
        "template.yaml",
        lambda d: d["diagnoses"][1].update(overview=["maine_stenosis_better_10y", "stenosis_dural_tear",
                                                     "sport_stenosis_reoperation_8y"]),
        r"diagnoses\.spinal_stenosis\.overview: no harm row .* for non_operative"),
    "an overview gap row with no short sentence": (
        "figures/comparisons.yaml",
        lambda d: next(c for c in d["comparisons"] if c["id"] == "sport_ds_pain_2y")["gap"].pop("short"),
        r"comparison 'sport_ds_pain_2y', field gap\.short"),
    "a practical cell that is a paragraph": (
        "options/fusion.yaml", lambda d: d["practical"]["work"].update(text="Work. " * 30),
        r"options/fusion.yaml, field practical\.work\.text: longer than"),
    "an option with a practical row missing": (
        "options/laminectomy.yaml", lambda d: d["practical"].pop("driving"),
        r"options/laminectomy.yaml: practical is missing the row\(s\) driving"),
    "a value reason on a comparison without its option": (
        "deliberation.yaml",
        lambda d: d["values"]["items"][0]["reasons"][0].update({"comparison": "maine_stenosis_better_10y",
                                                                "option": "microdiscectomy"}),
        r"deliberation.yaml, field values\.items\.fast_leg_relief\.reasons\.0\.comparison"),
}


@pytest.mark.parametrize("name", list(CROSS))
def test_check_content_refuses_content_that_breaks_balance_or_pairing(content_copy, name):
    rel, change, where = CROSS[name]
    edit_content(content_copy, rel, change)
    with pytest.raises(ContentError, match=where):
        load_content(content_copy)
    out = check_content_on(content_copy)
    assert out.returncode == 1 and "Traceback" not in out.stderr


# ---------------------------------------------------------------- python -m decision compare


def _run(*args):
    return subprocess.run([sys.executable, "-m", "decision", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_compare_prints_the_json_contract_the_page_reads(tmp_path, content, diagnosis):
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"schema_version": SCHEMA_VERSION, "diagnosis": diagnosis}))
    out = _run("compare", str(path))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data == as_json(compare(content, diagnosis))
    assert data["diagnosis"] == diagnosis and data["options"] == list(EXPECTED_OPTIONS[diagnosis])
    for c in data["comparisons"]:
        assert {"id", "kind", "outcome", "source", "design", "time_frame", "population", "label", "applies_to",
                "arms"} <= set(c)
        assert diagnosis in c["applies_to"]
        for arm in c["arms"].values():
            assert {"per_100", "low", "high"} <= set(arm)


@pytest.mark.parametrize("data", [b"not json", json.dumps({"schema_version": 2, "diagnosis": "flu"}).encode()],
                         ids=["not-json", "wrong-value"])
def test_compare_bad_input_exits_2_with_one_plain_line(tmp_path, data):
    path = tmp_path / "r.json"
    path.write_bytes(data)
    out = _run("compare", str(path))
    assert out.returncode == 2
    assert out.stdout == "" and len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr and "flu" not in out.stderr


# ---------------------------------------------------------------- the rows in words and the page


def test_the_rows_in_words_keep_template_order_whatever_the_pick_order(content):
    rows = comparison_rows(content, ["fusion", "non_operative"])
    assert [o.id for o, _ in rows[0].cells] == ["non_operative", "fusion"]


def test_at_home_the_diagnosis_options_are_picked_and_in_clinic_all_four(content):
    assert default_selection(content, "degenerative_spondylolisthesis", "fusion", show_all=False) == (
        "non_operative", "laminectomy", "fusion")
    assert default_selection(content, "not_sure", "none_yet", show_all=False) == content.template.option_order
    assert default_selection(content, "disc_herniation", "none_yet", show_all=True) == content.template.option_order


def test_options_in_order_flags_the_diagnosis_options_and_hides_none(content):
    views = options_in_order(content, "disc_herniation")
    assert [v.option.id for v in views] == list(content.template.option_order)
    assert {v.option.id for v in views if v.fits} == {"non_operative", "microdiscectomy"}


def test_fusion_questions_come_next_only_when_fusion_is_on_the_table(content):
    assert fusion_is_on_the_table(content, "degenerative_spondylolisthesis", "none_yet")
    assert fusion_is_on_the_table(content, "disc_herniation", "fusion")
    assert not fusion_is_on_the_table(content, "disc_herniation", "microdiscectomy")


def _overview_table(at) -> ET.Element | None:
    tables = [m.value for m in at.markdown if 'class="aid-grid aid-overview"' in m.value]
    return ET.fromstring(tables[0]) if tables else None


def _practical_columns(at) -> list[str]:
    tables = [m.value for m in at.markdown if 'class="aid-grid aid-practical"' in m.value]
    assert len(tables) == 1
    return [" ".join("".join(th.itertext()).split()) for th in ET.fromstring(tables[0]).iter("th")
            if th.get("scope") == "col"][1:]


def _outcome_box(at):
    return next(s for s in at.selectbox if s.key.endswith(f"compare_outcome:{s.key.rsplit(':', 1)[-1]}"))


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_the_overview_shows_the_diagnosis_key_rows_and_its_options_as_columns(content, diagnosis):
    at = app_at(PAGE, DecisionRecord(safety_screen_done=True, diagnosis=diagnosis), clinic=False)
    assert_no_exception(at)
    table = _overview_table(at)
    decision = content.decision_for(diagnosis)
    if not decision.options:  # "not sure": the orientation and no numbers
        assert table is None and not arrays_in(at)
        return
    rows = [tr.get("data-comparison") for tr in table.iter("tr") if tr.get("data-comparison")]
    assert rows == list(decision.overview)
    heads = [" ".join("".join(th.itertext()).split()) for th in table.iter("th") if th.get("scope") == "col"][1:]
    assert heads == [content.option(o).name for o in EXPECTED_OPTIONS[diagnosis]]
    text = " ".join(" ".join(table.itertext()).split())
    for cid in decision.overview:  # each row says its kind in words, beside its colour
        assert content.template.kinds[content.comparison(cid).kind].word in text
    # closed layers draw nothing: no card, no icon array, no comparison in words
    assert not arrays_in(at) and not any("outcome-card" in str(getattr(c, "key", "")) for c in at.main)


@pytest.mark.parametrize("diagnosis", [d for d in DIAGNOSES if EXPECTED_OPTIONS[d]])
def test_every_result_of_the_diagnosis_opens_its_own_card_with_the_arms_side_by_side(content, diagnosis):
    at = app_at(PAGE, DecisionRecord(safety_screen_done=True, diagnosis=diagnosis), clinic=False)
    box = _outcome_box(at)
    comparisons = compare(content, diagnosis).comparisons
    labels = outcome_labels(content, comparisons)
    assert len(box.options) == len(comparisons) == len(set(labels.values()))  # each one can be told apart
    for c in comparisons:
        at = _outcome_box(at).set_value(c.id).run()
        assert_no_exception(at)
        md = " ".join(m.value for m in at.markdown)
        assert f"**{c.outcome}, {c.time_frame}**" in md and content.template.kinds[c.kind].word in md
        assert c.population in md
        arrays = arrays_in(at)
        if c.measure == "people":
            assert len(arrays) == len(c.arms), labels[c.id]  # every arm drawn, no other number made up
            assert all(a["affected"] + a["unaffected"] == 100 for a in arrays)
            missing = [o for o in EXPECTED_OPTIONS[diagnosis] if o not in c.arms]
            if missing:
                assert md.count(content.pages["compare.card_not_counted"]) == len(missing)
        else:
            assert not arrays


@pytest.mark.parametrize("diagnosis", [d for d in DIAGNOSES if EXPECTED_OPTIONS[d]])
def test_read_more_shows_every_comparison_in_words_and_nothing_before(content, diagnosis):
    at = app_at(PAGE, DecisionRecord(safety_screen_done=True, diagnosis=diagnosis), clinic=False)
    view = compare(content, diagnosis)
    extra = [c for c in view.comparisons if c.id not in content.decision_for(diagnosis).overview]
    closed = " ".join(m.value for m in at.markdown)
    assert not any(f"**{c.outcome}, {c.time_frame}.**" in closed for c in view.comparisons)
    at = at.toggle(key="w:compare_read_more").set_value(True).run()
    assert_no_exception(at)
    opened = " ".join(m.value for m in at.markdown)
    for c in view.comparisons:
        assert f"**{c.outcome}, {c.time_frame}.**" in opened, c.id
    assert extra  # there is more than the overview, and it is reachable
    for row in content.template.rows:
        assert f"##### {row.title}" in opened


def test_an_option_that_does_not_fit_can_be_read_in_words_but_adds_no_numbers(content):
    at = app_at(PAGE, DecisionRecord(safety_screen_done=True, diagnosis="disc_herniation"), clinic=False)
    heads_before = ET.tostring(_overview_table(at))
    at.multiselect(key="w:options_compared").set_value(["non_operative", "microdiscectomy", "fusion"]).run()
    assert_no_exception(at)
    assert _practical_columns(at) == ["Non-operative care", "Microdiscectomy", "Spinal fusion"]
    assert ET.tostring(_overview_table(at)) == heads_before
    assert at.session_state["record"].options_compared == ["non_operative", "microdiscectomy", "fusion"]


def test_the_options_compared_live_in_the_record_and_come_back_on_a_later_visit(content):
    at = app_at(PAGE, DecisionRecord(safety_screen_done=True, diagnosis="spinal_stenosis"), clinic=False)
    assert at.session_state["record"].options_compared == ["non_operative", "laminectomy"]  # what was shown
    at.multiselect(key="w:options_compared").set_value(["non_operative", "laminectomy", "fusion"]).run()
    at.switch_page("pages/1_Your_back.py").run()
    at.switch_page(PAGE).run()
    assert_no_exception(at)
    assert at.session_state["record"].options_compared == ["non_operative", "laminectomy", "fusion"]
    assert _practical_columns(at) == ["Non-operative care", "Laminectomy", "Spinal fusion"]


def test_in_clinic_the_overview_is_the_same_and_the_page_runs(content):
    home = app_at(PAGE, DecisionRecord(safety_screen_done=True, diagnosis="degenerative_spondylolisthesis"))
    clinic = app_at(PAGE, DecisionRecord(safety_screen_done=True, diagnosis="degenerative_spondylolisthesis"),
                    clinic=True)
    assert_no_exception(clinic)
    assert ET.tostring(_overview_table(home)) == ET.tostring(_overview_table(clinic))


def test_care_without_surgery_shows_a_real_harm_or_says_the_evidence_has_none(content):
    # An operation later is an outcome of the path, not a harm of the care: each diagnosis shows a
    # harm comparison for care without surgery, or says in words that the evidence has no number.
    for diagnosis in ("disc_herniation", "spinal_stenosis", "degenerative_spondylolisthesis", "chronic_low_back_pain"):
        view = compare(content, diagnosis)
        real = [c for c in view.comparisons if c.kind == "harm" and "non_operative" in c.arms]
        assert bool(real) != bool(view.no_harm), diagnosis
        if view.no_harm:
            assert view.no_harm in view.intro and "no" in view.no_harm.lower()
