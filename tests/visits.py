"""Visits for the chart note and the FHIR export (issue 25): ``tests/records.full_record`` and the
shapes a real visit can take besides it, each built from the content's own ids."""

from __future__ import annotations

from datetime import date

from decision.content import Content
from decision.record import DecisionRecord
from tests import records

TODAY = date(2026, 12, 2)
BAD_RECORDS = {"not_json": "this is not json", "out_of_range": '{"schema_version": 2, "pain_back": 99}'}


def visits(content: Content) -> dict[str, DecisionRecord]:
    full = records.full_record(content)
    data = full.model_dump(mode="json")
    quiz = content.deliberation.quiz.questions
    return {
        "empty": DecisionRecord(),
        "full": full,
        # A ticked sign: the action leads, the comparison is paused.
        "red_flag": DecisionRecord.model_validate({**data, "red_flags": [content.red_flags.flags[0].id]}),
        # Options set side by side, a total Oswestry score, a half-done SURE, a plan left open, typed
        # text over several lines, second tries on the quiz, more time needed.
        "open": DecisionRecord.model_validate({
            **data,
            "options_compared": ["fusion", "non_operative"],
            "oswestry": {"sections": [None] * 10, "total_percent": 37.5},
            "sure": {"before": {"sure": True, "understand": None, "risk_benefit": False, "encouragement": None},
                     "after": {}},
            "fusion_plan": {**data["fusion_plan"], "segments": "undecided", "approach": None,
                            "surgeon_notes": "Line one\nLine two\n\nLine three"},
            "treatments": [{"kind": "opioid"}, {"kind": "physical_therapy", "weeks": 3, "visits": 2}],
            "quiz_second_tries": {quiz[-1].id: quiz[-1].answer},
            "decision_reached": {"choice": "more_time_needed", "on": "2026-11-30"},
            "leaning": "not_sure", "nicotine": "current", "nicotine_free_weeks": None,
            "medicines_unsuitable": True, "care_weeks": 30,
        }),
    }
