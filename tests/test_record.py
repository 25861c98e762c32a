"""The save file: validation, plain error messages, migration from version 1."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from decision.record import SCHEMA_VERSION, DecisionRecord, FusionPlan, RecordError, Treatment, parse_record

V1_RECORD = {
    "schema_version": 1,
    "diagnosis": "disc_herniation",
    "procedure": "microdiscectomy",
    "symptom_weeks": 8,
    "red_flags": [],
    "treatments": [
        {"kind": "physical_therapy", "weeks": 6, "visits": 10, "helped": "partly"}, {"kind": "nsaid", "weeks": 4},
    ],
}


def test_a_version_1_file_loads_and_is_migrated():
    record = parse_record(json.dumps(V1_RECORD))
    assert record.schema_version == SCHEMA_VERSION
    assert record.treatments[0].visits == 10
    assert record.values == {}


def test_save_load_save_gives_the_same_json():
    record = parse_record(json.dumps(V1_RECORD))
    first = record.to_json()
    assert parse_record(first).to_json() == first


@pytest.mark.parametrize(
    "raw, words",
    [
        (b"{not json", "not readable JSON"),
        (b"\xff\xfe\x00", "not readable JSON"),
        (b"[1, 2]", "does not hold a set of answers"),
        (b"{}", "no schema_version"),
        (json.dumps({**V1_RECORD, "schema_version": "one"}).encode(), "unknown schema_version"),
        (json.dumps({**V1_RECORD, "schema_version": 0}).encode(), "unknown schema_version"),
        (json.dumps({**V1_RECORD, "schema_version": 99}).encode(), "newer version"),
        (json.dumps({**V1_RECORD, "diagnosis": "broken_leg"}).encode(), "diagnosis"),
        (json.dumps({**V1_RECORD, "symptom_weeks": -3}).encode(), "symptom_weeks"),
        (json.dumps({**V1_RECORD, "symptom_weeks": "many"}).encode(), "symptom_weeks"),
        (json.dumps({**V1_RECORD, "treatments": [{"kind": "surgery", "weeks": 2}]}).encode(), "treatments → 0 → kind"),
        (json.dumps({**V1_RECORD, "red_flags": ["headache"]}).encode(), "red_flags"),
        (json.dumps({**V1_RECORD, "surprise": 1}).encode(), "surprise"),
    ],
)
def test_bad_files_get_one_plain_sentence(raw, words):
    with pytest.raises(RecordError) as err:
        parse_record(raw)
    message = str(err.value)
    assert words in message
    assert "\n" not in message and "Traceback" not in message


def test_a_file_over_one_megabyte_is_refused_before_parsing():
    with pytest.raises(RecordError, match="too large"):
        parse_record(b" " * 1_000_001)


def test_initials_only_no_names():
    with pytest.raises(RecordError):
        parse_record(json.dumps({**V1_RECORD, "patient_initials": "Jonathan Smith"}))
    assert parse_record(json.dumps({**V1_RECORD, "patient_initials": "J.S."})).patient_initials == "J.S."


def test_repeated_red_flags_are_kept_once():
    assert DecisionRecord(red_flags=["cancer_history", "cancer_history"]).red_flags == ["cancer_history"]


def test_value_ratings_must_be_0_to_10():
    with pytest.raises(RecordError, match="0 to 10"):
        parse_record(json.dumps({"schema_version": 2, "values": {"fast_leg_relief": 11}}))


# ---------------------------------------------------------------- issue 21: what the model refuses


def test_a_version_2_file_with_surgeon_notes_undecided_keeps_the_notes():
    raw = json.dumps({"schema_version": 2, "fusion_plan": {"segments": "undecided", "approach": "posterior",
                                                           "surgeon_notes": "undecided"}})
    plan = parse_record(raw).fusion_plan
    assert (plan.segments, plan.approach, plan.surgeon_notes) == (None, "posterior", "undecided")


def test_the_model_refuses_a_treatment_longer_than_the_symptoms_and_the_same_kind_twice():
    with pytest.raises(ValidationError):
        DecisionRecord(symptom_weeks=12, treatments=[Treatment(kind="physical_therapy", weeks=13)])
    with pytest.raises(ValidationError):
        DecisionRecord(treatments=[Treatment(kind="nsaid"), Treatment(kind="nsaid")])
    # Either unanswered: nothing to compare.
    DecisionRecord(symptom_weeks=None, treatments=[Treatment(kind="physical_therapy", weeks=1040)])
    DecisionRecord(symptom_weeks=12, treatments=[Treatment(kind="physical_therapy", weeks=12), Treatment(kind="nsaid")])


def test_segments_take_no_true_and_no_decimal_even_when_set_on_a_page():
    plan = FusionPlan()
    for wrong in (True, 1.0):
        with pytest.raises(ValidationError):
            plan.segments = wrong
    plan.segments = 2
    assert plan.segments == 2
