"""Readiness judges need, not only the form of care (issue 20).

Vignettes written from shared/evidence/nonoperative-and-red-flags.md (NR) sections 1.2-1.4 and 4.1
and practical-experience.md (option 1): the whole span of care, care that is helping, how much
the symptoms still limit daily life, a doctor's word that medicines are not safe, and what only
the surgeon can judge.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings, strategies as st

from decision.record import SCHEMA_VERSION, DecisionRecord, Oswestry, Treatment, parse_record
from decision.rules.readiness import assess
from decision.rules.readiness_parts import care_span

POLICIES = {
    "microdiscectomy": ("disc_herniation", "microdiscectomy"),
    "laminectomy": ("spinal_stenosis", "laminectomy"),
    "fusion_ds": ("degenerative_spondylolisthesis", "fusion"),
    "fusion_clbp": ("chronic_low_back_pain", "fusion"),
}


def t(kind, weeks, helped="no", visits=None) -> Treatment:
    return Treatment(kind=kind, weeks=weeks, helped=helped, visits=visits)


def rec(diagnosis, procedure, **kw) -> DecisionRecord:
    return DecisionRecord(safety_screen_done=True, diagnosis=diagnosis, procedure=procedure, **kw)


def ample(case: str, **kw) -> DecisionRecord:
    """Care that meets every part of the rule for ``case``, unless ``kw`` changes it."""
    diagnosis, procedure = POLICIES[case]
    base = dict(
        symptom_weeks=80, nicotine="none", pain_leg=7, pain_back=5,
        treatments=[t("physical_therapy", 12), t("home_exercise", 20), t("nsaid", 12), t("psychological_therapy", 12)],
    )
    return rec(diagnosis, procedure, **{**base, **kw})


# ------------------------------------------------------------ has it helped?


def test_care_that_helped_with_mild_symptoms_is_not_yet(content):
    # The reviewer's first vignette: a disc herniation, 7 weeks, therapy and an NSAID that both
    # helped, leg pain 2/10 and an Oswestry score of 10% used to read "criteria met".
    record = rec("disc_herniation", "microdiscectomy", symptom_weeks=7, pain_leg=2,
                 oswestry=Oswestry(total_percent=10),
                 treatments=[t("physical_therapy", 6, "yes"), t("nsaid", 6, "yes")])
    result = assess(record, content)
    assert result.status == "not_yet"
    helped = next(p for p in result.parts if p.id == "helped")
    assert helped.missing and "keep getting better" in helped.missing[0]
    limits = next(p for p in result.parts if p.id == "limits")
    assert limits.missing and "2 out of 10" in limits.missing[0] and "10%" in limits.missing[0]
    assert content.readiness.messages["met"] not in result.reasons


@pytest.mark.parametrize("helped, status", [("yes", "not_yet"), ("not_sure", "not_yet"), (None, "not_yet"),
                                            ("partly", "criteria_met"), ("no", "criteria_met")])
def test_the_main_active_part_decides_whether_care_has_helped(content, helped, status):
    record = ample("microdiscectomy", treatments=[t("physical_therapy", 12, helped), t("nsaid", 12, "no")])
    assert assess(record, content).status == status


def test_the_main_part_is_the_longest_active_part_not_a_medicine(content):
    # The NSAID "helped", but the longest active part (home exercise) did not: need stands.
    record = ample("laminectomy", treatments=[t("home_exercise", 12, "no"), t("nsaid", 30, "yes")])
    assert assess(record, content).status == "criteria_met"


# ------------------------------------------------------------ how much it still limits you


@settings(max_examples=150, deadline=None)
@given(case=st.sampled_from(sorted(POLICIES)), back=st.none() | st.integers(0, 2), leg=st.none() | st.integers(0, 2),
       odi=st.none() | st.floats(0, 20))
def test_mild_symptoms_are_never_criteria_met(content, case, back, leg, odi):
    record = ample(case, pain_back=back, pain_leg=leg, oswestry=Oswestry(total_percent=odi))
    assert assess(record, content).status != "criteria_met"


@pytest.mark.parametrize("pain, status", [(4, "not_yet"), (5, "criteria_met")])
def test_pain_counts_above_four_out_of_ten(content, pain, status):
    assert assess(ample("laminectomy", pain_back=None, pain_leg=pain), content).status == status


@pytest.mark.parametrize("odi, status", [(20, "not_yet"), (20.4, "not_yet"), (21, "criteria_met")])
def test_an_oswestry_score_counts_above_the_minimal_band(content, odi, status):
    record = ample("laminectomy", pain_back=1, pain_leg=1, oswestry=Oswestry(total_percent=odi))
    assert assess(record, content).status == status


def test_unanswered_limits_are_missing_never_met(content):
    result = assess(ample("fusion_ds", pain_back=None, pain_leg=None), content)
    assert result.status == "not_yet"
    limits = next(p for p in result.parts if p.id == "limits")
    rule = content.readiness.limits
    assert limits.missing == (f"{rule.not_answered} Whose rule: {rule.pain_whose}; {rule.oswestry_whose}.",)


# ------------------------------------------------------------ the whole span of care


def test_stenosis_care_in_three_parts_over_26_weeks_counts_as_a_whole(content):
    # Used to read "not yet: your longest ... lasted 10 weeks; at least 12".
    record = rec("spinal_stenosis", "laminectomy", symptom_weeks=26, pain_leg=6,
                 treatments=[t("physical_therapy", 6), t("home_exercise", 10), t("nsaid", 12)])
    result = assess(record, content)
    assert result.status == "criteria_met", result.missing
    span = care_span(record, content, content.policy("laminectomy", "spinal_stenosis"))
    assert (span.weeks, span.how) == (26, "capped")


def test_eighteen_months_of_care_for_long_term_back_pain_is_long_enough(content):
    # Used to read "40 weeks ... at least 52".
    record = rec("chronic_low_back_pain", "fusion", symptom_weeks=78, nicotine="none", pain_back=7,
                 treatments=[t("physical_therapy", 40), t("home_exercise", 30), t("psychological_therapy", 14),
                             t("nsaid", 60)])
    result = assess(record, content)
    assert result.status == "criteria_met", result.missing


def test_the_patients_own_total_replaces_the_estimate(content):
    record = ample("laminectomy", symptom_weeks=40, care_weeks=8)
    result = assess(record, content)
    assert result.status == "not_yet"
    assert any("Length of care: 8 weeks" in m for m in result.missing)
    # A total longer than the symptoms is refused by the record (issue 21); a rule given one
    # anyway (an unchecked copy) counts no more than the weeks of symptoms.
    with pytest.raises(ValueError):
        ample("laminectomy", symptom_weeks=20, care_weeks=30)
    unchecked = ample("laminectomy").model_copy(update={"symptom_weeks": 10, "care_weeks": 30})
    assert care_span(unchecked, content, content.policy("laminectomy", "spinal_stenosis")).weeks == 10


def test_the_estimate_is_shown_as_an_estimate(content):
    record = ample("laminectomy", symptom_weeks=100, treatments=[t("home_exercise", 8), t("nsaid", 8)])
    care = next(p for p in assess(record, content).parts if p.id == "care")
    assert any("about 16 weeks in all" in line for line in care.met)


def test_weeks_not_answered_never_read_as_zero_weeks(content):
    record = ample("microdiscectomy", treatments=[t("physical_therapy", None), t("nsaid", None)])
    result = assess(record, content)
    lines = [*result.met, *result.missing, *result.reasons]
    assert not any(re.search(r"\b0 weeks\b", line) for line in lines), lines
    assert any(content.readiness.span.not_answered in line for line in result.missing)


@pytest.mark.parametrize("pain, status", [(6, "not_yet"), (7, "criteria_met")])
def test_severe_sciatica_waives_this_aids_exercise_rule(content, pain, status):
    # An NSAID and an epidural for 8 weeks, in too much pain for therapy: used to read "lasted 0 weeks".
    record = rec("disc_herniation", "microdiscectomy", symptom_weeks=8, pain_leg=pain,
                 treatments=[t("nsaid", 8), t("epidural_steroid_injection", 8)])
    result = assess(record, content)
    assert result.status == status, result.missing
    care = next(p for p in result.parts if p.id == "care")
    assert any("8 weeks" in line for line in care.met)  # the span counts the medicine and the injection
    waiver = content.policy("microdiscectomy", "disc_herniation").requirements[1].waiver
    assert (waiver.text in " ".join(care.met)) is (status == "criteria_met")


def test_a_payers_rule_is_never_waived(content):
    for policy in content.readiness.policies:
        for req in policy.requirements:
            assert req.waiver is None or req.whose.startswith("this aid"), (policy.procedure, req.id)


# ------------------------------------------------------------ medicines that are not safe


@pytest.mark.parametrize("case", ["laminectomy", "fusion_ds", "fusion_clbp"])
def test_medicines_that_are_not_safe_meet_the_medicine_requirement(content, case):
    no_medicine = [x for x in ample(case).treatments if x.kind != "nsaid"]
    without = assess(ample(case, treatments=no_medicine, care_weeks=60), content)
    assert without.status == "not_yet" and any("pain reliever" in m for m in without.missing)
    told = assess(ample(case, treatments=no_medicine, care_weeks=60, medicines_unsuitable=True), content)
    assert told.status == "criteria_met", told.missing
    assert any(content.readiness.medicines_unsuitable.met in line for line in told.met)


def test_medicines_that_are_not_safe_count_as_a_kind_of_care_for_microdiscectomy(content):
    record = ample("microdiscectomy", treatments=[t("physical_therapy", 8)], medicines_unsuitable=True)
    assert assess(record, content).status == "criteria_met"


# ------------------------------------------------------------ the surgeon's part


@pytest.mark.parametrize("answer, status, to_confirm", [(None, "criteria_met", True), ("unsure", "criteria_met", True),
                                                         ("yes", "criteria_met", False), ("no", "not_yet", False)])
def test_whether_the_scan_matches_is_for_the_surgeon(content, answer, status, to_confirm):
    record = ample("laminectomy")
    record.clinical.imaging_matches = answer
    result = assess(record, content)
    assert result.status == status
    assert bool(result.surgeon_to_confirm) is to_confirm
    assert result.as_json()["surgeon_to_confirm"] == list(result.surgeon_to_confirm)


# ------------------------------------------------------------ the words


def test_long_term_back_pain_has_its_own_met_wording(content):
    result = assess(ample("fusion_clbp"), content)
    assert result.status == "criteria_met"
    said = " ".join(result.reasons)
    assert "US insurers" in said and "NICE" in said
    assert content.readiness.messages["met"] not in result.reasons


POLICY_CODE = re.compile(r"SUR712|CMM-?609|MP-?517|CAM ?161|\b622\b|L3\d{4}")


def test_no_policy_code_in_patient_text(content):
    r = content.readiness
    texts = [r.messages.values(), r.status_titles.values(), [r.span.question, r.not_judged]]
    for policy in r.policies:
        texts.append([policy.whose, *(policy.notes), policy.met_message or ""])
        for req in policy.requirements:
            texts.append([req.met, req.missing, req.whose, req.waiver.text if req.waiver else ""])
    texts.append([r.helped.whose, r.limits.pain_whose, r.limits.oswestry_whose, r.surgeon.whose, r.nicotine.whose])
    found = [x for group in texts for x in group if POLICY_CODE.search(x)]
    assert found == []


def test_every_line_says_whose_rule_it_is_in_every_part(content):
    for case in POLICIES:
        for record in (ample(case), ample(case, treatments=[], pain_leg=None, pain_back=None)):
            result = assess(record, content)
            for line in (*result.met, *result.missing):
                assert "asked for by" in line or "Whose rule" in line or "by the bands" in line, line


# ------------------------------------------------------------ older files


def test_a_version_3_file_opens_with_the_new_answers_unanswered():
    data = {"schema_version": 3, "safety_screen_done": True, "diagnosis": "spinal_stenosis",
            "clinical": {"imaging_findings": "L4-5 stenosis"}, "fusion_patient_notes": "my own words"}
    record = parse_record(json.dumps(data))
    assert record.schema_version == SCHEMA_VERSION
    assert (record.care_weeks, record.medicines_unsuitable, record.clinical.imaging_matches) == (None, None, None)
    assert record.clinical.imaging_findings == "L4-5 stenosis" and record.fusion_patient_notes == "my own words"
    assert parse_record(record.to_json()) == record
