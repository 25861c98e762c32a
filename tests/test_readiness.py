"""The readiness check: red flags first, then the program rules at and around every threshold."""

from __future__ import annotations

import pytest

from decision.readiness import assess, program_weeks, red_flag_status
from decision.record import DecisionRecord, Treatment

CAUDA_EQUINA = ["saddle_numbness", "bladder_problems", "bowel_control_loss", "sciatica_both_legs", "new_sexual_dysfunction"]
URGENT = ["worsening_leg_weakness", "fever_or_feeling_unwell", "cancer_history", "unexplained_weight_loss", "recent_major_trauma"]


def rec(**kw) -> DecisionRecord:
    return DecisionRecord(safety_screen_done=True, **kw)


def t(kind, weeks, visits=None, helped=None) -> Treatment:
    return Treatment(kind=kind, weeks=weeks, visits=visits, helped=helped)


COMPLETE = {
    "microdiscectomy": dict(
        diagnosis="disc_herniation", procedure="microdiscectomy", symptom_weeks=6,
        treatments=[t("physical_therapy", 6), t("nsaid", 6)],
    ),
    "laminectomy": dict(
        diagnosis="spinal_stenosis", procedure="laminectomy", symptom_weeks=12,
        treatments=[t("home_exercise", 12), t("acetaminophen", 4)],
    ),
    "fusion_ds": dict(
        diagnosis="degenerative_spondylolisthesis", procedure="fusion", symptom_weeks=12,
        treatments=[t("physical_therapy", 12), t("nsaid", 8)],
    ),
    "fusion_clbp": dict(
        diagnosis="chronic_low_back_pain", procedure="fusion", symptom_weeks=26,
        treatments=[t("physical_therapy", 26), t("nsaid", 10), t("psychological_therapy", 8)],
    ),
}


@pytest.mark.parametrize("case", COMPLETE)
def test_a_complete_program_meets_the_criteria(content, case):
    result = assess(rec(**COMPLETE[case]), content)
    assert result.status == "criteria_met", result.missing
    assert result.missing == ()
    assert result.sources


@pytest.mark.parametrize("flag", CAUDA_EQUINA)
def test_cauda_equina_signs_are_an_emergency(content, flag):
    assert assess(rec(red_flags=[flag]), content).status == "emergency"


@pytest.mark.parametrize("flag", URGENT)
def test_other_red_flags_need_same_day_review(content, flag):
    assert assess(rec(red_flags=[flag]), content).status == "urgent"


@pytest.mark.parametrize("flag", CAUDA_EQUINA + URGENT)
@pytest.mark.parametrize("case", COMPLETE)
def test_red_flags_bypass_a_complete_program(content, flag, case):
    result = assess(rec(red_flags=[flag], **COMPLETE[case]), content)
    assert result.status == ("emergency" if flag in CAUDA_EQUINA else "urgent")
    assert result.missing == ()
    assert result.sources


def test_cauda_equina_outranks_an_urgent_flag(content):
    assert assess(rec(red_flags=["cancer_history", "bladder_problems"]), content).status == "emergency"


def test_emergency_message_says_go_to_an_emergency_department(content):
    result = assess(rec(red_flags=["saddle_numbness"]), content)
    assert "emergency department" in result.reasons[0]


def test_no_flags_means_no_red_flag_status(content):
    assert red_flag_status(rec(), content) is None


# ------------------------------------------------------------ thresholds


def with_(case, **changes):
    data = {**COMPLETE[case], **changes}
    return rec(**data)


@pytest.mark.parametrize(
    "case, floor", [("microdiscectomy", 6), ("laminectomy", 12), ("fusion_ds", 12), ("fusion_clbp", 26)]
)
def test_symptom_weeks_threshold_is_inclusive(content, case, floor):
    assert assess(with_(case, symptom_weeks=floor), content).status == "criteria_met"
    below = assess(with_(case, symptom_weeks=floor - 1), content)
    assert below.status == "not_yet"
    assert any(str(floor) in m and "symptoms" in m.lower() for m in below.missing)


@pytest.mark.parametrize(
    "case, floor", [("microdiscectomy", 6), ("laminectomy", 12), ("fusion_ds", 12), ("fusion_clbp", 26)]
)
def test_program_length_is_the_longest_qualifying_treatment(content, case, floor):
    short = [x.model_copy(update={"weeks": min(x.weeks, floor - 1)}) for x in with_(case).treatments]
    result = assess(with_(case, treatments=short), content)
    assert result.status == "not_yet"
    assert any("Length of care" in m for m in result.missing)


def test_unknown_symptom_length_is_listed_as_missing(content):
    result = assess(with_("microdiscectomy", symptom_weeks=None), content)
    assert result.status == "not_yet"
    assert any("How long" in m for m in result.missing)


def test_microdiscectomy_needs_two_different_components(content):
    result = assess(with_("microdiscectomy", treatments=[t("physical_therapy", 8)]), content)
    assert result.status == "not_yet"
    assert any("two or more kinds" in m for m in result.missing)


def test_microdiscectomy_needs_active_exercise(content):
    result = assess(with_("microdiscectomy", treatments=[t("nsaid", 8), t("epidural_steroid_injection", 6)]), content)
    assert result.status == "not_yet"
    assert any("active exercise" in m for m in result.missing)
    assert not any("two or more kinds" in m for m in result.missing)


def test_home_exercise_counts_as_active_exercise_for_microdiscectomy(content):
    ok = assess(with_("microdiscectomy", treatments=[t("home_exercise", 6), t("nerve_pain_medication", 2)]), content)
    assert ok.status == "criteria_met"


@pytest.mark.parametrize("weeks, status", [(5, "not_yet"), (6, "criteria_met")])
def test_laminectomy_active_exercise_needs_six_weeks(content, weeks, status):
    treatments = [t("physical_therapy", weeks), t("nsaid", 12)]
    assert assess(with_("laminectomy", treatments=treatments), content).status == status


def test_laminectomy_needs_a_medication(content):
    result = assess(with_("laminectomy", treatments=[t("physical_therapy", 12)]), content)
    assert any("pain reliever" in m for m in result.missing)


def test_laminectomy_fits_degenerative_spondylolisthesis(content):
    result = assess(with_("laminectomy", diagnosis="degenerative_spondylolisthesis"), content)
    assert result.status == "criteria_met"


@pytest.mark.parametrize("case", ["fusion_ds", "fusion_clbp"])
@pytest.mark.parametrize(
    "pt, status",
    [
        (t("physical_therapy", 5, visits=11), "not_yet"),
        (t("physical_therapy", 6, visits=0), "criteria_met"),
        (t("physical_therapy", 5, visits=12), "criteria_met"),
        (t("home_exercise", 30), "not_yet"),
    ],
)
def test_fusion_physical_therapy_six_weeks_or_twelve_visits(content, case, pt, status):
    others = [x for x in COMPLETE[case]["treatments"] if x.kind != "physical_therapy"]
    # keep the program long enough through another qualifying treatment
    others = [x.model_copy(update={"weeks": 30}) if x.kind == "nsaid" else x for x in others]
    assert assess(with_(case, treatments=[pt, *others]), content).status == status


def test_fusion_for_back_pain_needs_psychological_or_team_program(content):
    treatments = [t("physical_therapy", 26), t("nsaid", 26)]
    result = assess(with_("fusion_clbp", treatments=treatments), content)
    assert result.status == "not_yet"
    assert any("mind" in m for m in result.missing)
    ok = assess(with_("fusion_clbp", treatments=[*treatments, t("multidisciplinary_program", 4)]), content)
    assert ok.status == "criteria_met"


@pytest.mark.parametrize("status_case", ["fusion_clbp"])
def test_fusion_for_back_pain_always_mentions_nice_and_rehabilitation_trials(content, status_case):
    for record in (with_(status_case), with_(status_case, treatments=[])):
        reasons = " ".join(assess(record, content).reasons)
        assert "NICE" in reasons
        assert "rehab" in reasons


def test_heat_ice_and_opioids_never_count(content):
    treatments = [t("heat_ice_massage_ultrasound", 40), t("opioid", 40), t("physical_therapy", 3), t("nsaid", 3)]
    record = with_("microdiscectomy", treatments=treatments)
    assert program_weeks(record, content) == 3
    assert assess(record, content).status == "not_yet"
    only_passive = with_("microdiscectomy", treatments=[t("heat_ice_massage_ultrasound", 40), t("opioid", 40)])
    result = assess(only_passive, content)
    assert any("two or more kinds" in m for m in result.missing)


def test_not_sure_diagnosis_is_not_yet(content):
    result = assess(rec(diagnosis="not_sure", procedure="fusion", symptom_weeks=60), content)
    assert result.status == "not_yet"
    assert any("diagnosis" in m for m in result.missing)


@pytest.mark.parametrize(
    "diagnosis, procedure",
    [
        ("disc_herniation", "fusion"),
        ("disc_herniation", "laminectomy"),
        ("spinal_stenosis", "microdiscectomy"),
        ("spinal_stenosis", "fusion"),
        ("chronic_low_back_pain", "laminectomy"),
        ("degenerative_spondylolisthesis", "microdiscectomy"),
    ],
)
def test_an_operation_that_does_not_fit_the_diagnosis_is_named(content, diagnosis, procedure):
    result = assess(rec(diagnosis=diagnosis, procedure=procedure, symptom_weeks=52), content)
    assert result.status == "not_yet"
    assert any("not usually done" in m for m in result.missing)


@pytest.mark.parametrize(
    "diagnosis, fits",
    [
        ("disc_herniation", ["Microdiscectomy"]),
        ("spinal_stenosis", ["Laminectomy"]),
        ("degenerative_spondylolisthesis", ["Laminectomy", "Spinal fusion"]),
        ("chronic_low_back_pain", ["Spinal fusion"]),
    ],
)
def test_no_operation_chosen_lists_the_operations_that_fit(content, diagnosis, fits):
    result = assess(rec(diagnosis=diagnosis, procedure="none_yet"), content)
    assert result.status == "not_yet"
    assert any("which operation" in m for m in result.missing)
    assert all(name in " ".join(result.reasons) for name in fits)


@pytest.mark.parametrize("weeks, advised", [(0, True), (1, False)])
def test_pain_under_a_week_gets_the_self_care_advice(content, weeks, advised):
    result = assess(with_("microdiscectomy", symptom_weeks=weeks), content)
    assert ("4 to 7 days" in " ".join(result.reasons)) is advised


def test_met_items_are_listed_when_criteria_are_met(content):
    result = assess(rec(**COMPLETE["laminectomy"]), content)
    assert len(result.met) == 4


def test_assessment_json_has_exactly_the_contract_keys(content):
    assert set(assess(rec(), content).as_json()) == {"status", "missing", "reasons", "sources"}
