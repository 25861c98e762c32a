"""The fully answered record the walk is measured with (issue 24) answers every question.

``tests/browser/walk_lengths.answered_record`` is what the length budgets and benchmarks/walk.py
measure: "every question answered". It is checked against the DecisionRecord model itself, so a
field added to the record fails here until the builder answers it or lists it, with its reason,
in ``LEFT_UNANSWERED``.
"""

from __future__ import annotations

import json

import pytest

from decision.deliberation import values_fit
from decision.record import DecisionRecord, parse_record
from tests.browser.walk_lengths import LEFT_UNANSWERED, answered_record, unanswered_fields

DIAGNOSES = ("disc_herniation", "spinal_stenosis", "degenerative_spondylolisthesis", "chronic_low_back_pain")


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_every_field_of_the_record_is_answered_or_listed_with_a_reason(content, diagnosis):
    record = parse_record(json.dumps(answered_record(diagnosis, content)).encode())
    assert unanswered_fields(record) == set(LEFT_UNANSWERED)
    assert all(reason.strip() for reason in LEFT_UNANSWERED.values())


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_every_value_is_rated_every_quiz_question_answered_and_the_fit_shows(content, diagnosis):
    record = DecisionRecord.model_validate(answered_record(diagnosis, content))
    d = content.deliberation
    assert set(record.values) == {i.id for i in d.values.items}
    assert set(record.quiz) == {q.id for q in d.quiz.questions}
    fit = values_fit(record.values, d.values, content.template.option_order, content=content, diagnosis=diagnosis)
    assert fit.has_high_ratings and fit.options
    assert record.diagnosis == diagnosis and len(record.treatments) >= 3


def test_a_new_field_left_out_is_found():
    blank = DecisionRecord()
    missing = unanswered_fields(blank)
    assert {"diagnosis", "oswestry.sections", "treatments", "fusion_plan.approach", "sure.after.sure",
            "clinical.imaging_matches", "decision_reached", "values"} <= missing
    assert "schema_version" not in missing
