"""The Visit page (issue 24, item 6): one clinic screen whose fields are the record's own.

- Each field on the Visit page writes the attribute the other pages read: a level set here is in the
  Summary; "does the scan match" set here changes the readiness result; a proposal of care without
  surgery set here is kept when the Your back page is opened (its list has the same choices).
- The marks: unsure (SURE before under 4, or no option chosen) and in conflict (the leaning is not
  the decision, or else not the proposal).
- At home the same screen, with the surgeon's fields shown and not answerable.
- Schema 5: a version 4 file (and a version 1 file) opens with the new fields unanswered; the
  level(s) are one line and have a limit.
"""

from __future__ import annotations

import json
from datetime import date
from typing import get_args

import pytest
from pydantic import ValidationError

from decision.content.page_strings import NEXT_STEPS, PROPOSALS
from decision.deliberation import visit_marks
from decision.output.summary import build_summary
from decision.record import (
    SCHEMA_VERSION,
    Clinical,
    DecisionReached,
    DecisionRecord,
    NextStep,
    Proposal,
    Sure,
    SureAnswers,
    parse_record,
)
from decision.record.limits import LEVELS_LIMIT
from decision.rules.readiness import assess
from tests import records
from tests.conftest import app_at, assert_no_exception

VISIT = "pages/10_Visit.py"
W = "w:visit:"


def _texts(at) -> str:
    return " ".join([m.value for m in at.markdown] + [t.value for t in at.text] + [w.value for w in at.warning]
                    + [c.value for c in at.caption] + [i.value for i in at.info])


def _record(**extra) -> DecisionRecord:
    base = {"safety_screen_done": True, "diagnosis": "disc_herniation", "procedure": "microdiscectomy"}
    return DecisionRecord(**{**base, **extra})


# ---------------------------------------------------------------- one record, many pages


def test_a_level_set_on_the_visit_page_is_in_the_summary(content):
    at = app_at(VISIT, _record(), clinic=True)
    assert_no_exception(at)
    at.text_input(key=f"{W}levels").set_value("L4-L5 and L5-S1").run()
    assert at.session_state["record"].clinical.levels == "L4-L5 and L5-S1"
    at.switch_page("pages/8_Summary.py").run()
    assert_no_exception(at)
    assert "L4-L5 and L5-S1" in _texts(at)
    assert content.pages["visit.levels"] in _texts(at)


def test_the_scan_match_set_on_the_visit_page_changes_the_readiness_result(content):
    record = records.full_record(content).model_copy(update={"clinical": Clinical(), "decision_reached": None})
    to_confirm = content.readiness.messages["surgeon_to_confirm"]
    at = app_at(VISIT, record, clinic=True)
    before = assess(at.session_state["record"], content)
    assert before.surgeon_to_confirm, "the premise: the scan is listed for the surgeon to confirm"
    assert to_confirm in _texts(at)

    at.radio(key=f"{W}imaging_matches").set_value("no").run()
    assert_no_exception(at)
    after = assess(at.session_state["record"], content)
    assert after.status == "not_yet" and not after.surgeon_to_confirm
    assert to_confirm not in _texts(at)
    assert content.readiness.status_titles["not_yet"] in _texts(at)
    # The Your back page reads the same answer.
    at.switch_page("pages/1_Your_back.py").run()
    assert at.radio(key="w:imaging_matches").value == "no"


def test_a_proposal_of_care_without_surgery_survives_the_your_back_page(content):
    at = app_at(VISIT, _record(), clinic=True)
    at.selectbox(key=f"{W}proposal").set_value("non_operative").run()
    at.selectbox(key=f"{W}next_step").set_value("trial_of_care").run()
    at.switch_page("pages/1_Your_back.py").run()
    assert_no_exception(at)
    assert at.radio(key="w:proposed_operation").value == "non_operative"
    at.switch_page("pages/8_Summary.py").run()
    clinical = at.session_state["record"].clinical
    assert (clinical.proposed_operation, clinical.next_step) == ("non_operative", "trial_of_care")
    shown = _texts(at)
    assert content.pages["proposal.non_operative"] in shown and content.pages["next_step.trial_of_care"] in shown


def test_the_decision_and_the_sure_after_the_visit_are_the_summarys_own(content):
    at = app_at(VISIT, _record(), clinic=True)
    at.selectbox(key=f"{W}decision_choice").set_value("more_time_needed").run()
    for item in content.deliberation.sure.items:
        at.radio(key=f"{W}sure_after:{item.id}").set_value(True).run()
    record = at.session_state["record"]
    assert record.decision_reached is not None and record.decision_reached.choice == "more_time_needed"
    assert record.sure.after == SureAnswers(sure=True, understand=True, risk_benefit=True, encouragement=True)
    assert f"{content.pages['visit.sure_after']}: 4 out of 4" in _texts(at).replace("**", "")
    at.switch_page("pages/8_Summary.py").run()
    assert at.radio(key="w:decision_choice").value == "more_time_needed"
    assert at.radio(key="w:summary_sure_after:sure").value is True


def test_at_home_the_visit_page_shows_the_surgeons_fields_and_answers_none(content):
    record = _record(leaning="microdiscectomy",
                     clinical=Clinical(levels="L5-S1 **bold**", proposed_operation="non_operative"))
    at = app_at(VISIT, record, clinic=False)
    assert_no_exception(at)
    shown = _texts(at)
    assert content.pages["visit.at_home"] in shown and content.pages["proposal.non_operative"] in shown
    assert "L5-S1 **bold**" in [t.value for t in at.text]  # typed text shown as text, never as markup
    assert content.pages["visit.differs_proposal"] in shown  # her own view is marked at home too
    # Nothing to answer at home (the language switch is a setting, not an answer).
    assert not at.text_input and not at.selectbox and not [r for r in at.radio if not r.key.startswith("lang_switch")]
    assert at.session_state["record"] == record


def test_typed_control_characters_are_removed_from_the_level(content):
    at = app_at(VISIT, _record(), clinic=True)
    at.text_input(key=f"{W}levels").set_value("L4\u202e-L5\x0c").run()
    assert at.session_state["record"].clinical.levels == "L4-L5"


# ---------------------------------------------------------------- the marks


@pytest.mark.parametrize(("extra", "unsure", "differs"), [
    ({}, False, None),
    ({"leaning": "not_sure"}, True, None),
    ({"leaning": "fusion", "sure": Sure(before=SureAnswers(sure=True, understand=True, risk_benefit=False,
                                                           encouragement=True))}, True, None),
    ({"leaning": "fusion", "clinical": Clinical(proposed_operation="non_operative")}, False, "proposal"),
    ({"leaning": "fusion", "clinical": Clinical(proposed_operation="more_time_needed")}, False, "proposal"),
    ({"leaning": "fusion", "clinical": Clinical(proposed_operation="none_yet")}, False, None),
    ({"leaning": "fusion", "clinical": Clinical(proposed_operation="fusion")}, False, None),
    # The decision, once reached, is what the leaning is held against.
    ({"leaning": "fusion", "clinical": Clinical(proposed_operation="non_operative"),
      "decision_reached": DecisionReached(choice="fusion", on=date(2026, 12, 1))}, False, None),
    ({"leaning": "fusion", "decision_reached": DecisionReached(choice="laminectomy", on=date(2026, 12, 1))},
     False, "decision"),
])
def test_the_marks(extra, unsure, differs):
    marks = visit_marks(_record(**extra))
    assert (marks.unsure, marks.differs_from) == (unsure, differs)


def test_the_page_marks_a_leaning_that_differs_from_the_proposal(content):
    at = app_at(VISIT, _record(leaning="microdiscectomy"), clinic=True)
    assert content.pages["visit.differs_proposal"] not in _texts(at)
    at.selectbox(key=f"{W}proposal").set_value("non_operative").run()
    assert content.pages["visit.differs_proposal"] in _texts(at)


def test_the_page_marks_an_unsure_patient(content):
    unsure = Sure(before=SureAnswers(sure=False, understand=True, risk_benefit=True, encouragement=True))
    at = app_at(VISIT, _record(leaning="microdiscectomy", sure=unsure), clinic=True)
    shown = _texts(at)
    assert content.pages["visit.unsure"] in shown and "3 out of 4" in shown


# ---------------------------------------------------------------- schema 5


def test_the_content_words_cover_the_records_choices():
    assert set(PROPOSALS) == set(get_args(Proposal))
    assert set(NEXT_STEPS) == set(get_args(NextStep))


def test_a_version_4_file_opens_with_the_visit_fields_unanswered():
    v4 = {"schema_version": 4, "safety_screen_done": True, "diagnosis": "spinal_stenosis",
          "clinical": {"confirmed_diagnosis": "Stenosis", "proposed_operation": "none_yet", "imaging_matches": "yes"}}
    record = parse_record(json.dumps(v4))
    assert record.schema_version == SCHEMA_VERSION == 5
    assert record.clinical.levels == "" and record.clinical.next_step is None
    assert (record.clinical.proposed_operation, record.clinical.imaging_matches) == ("none_yet", "yes")
    assert parse_record(record.to_json()) == record


def test_a_version_1_file_still_opens():
    record = parse_record(json.dumps({"schema_version": 1, "diagnosis": "disc_herniation", "red_flags": []}))
    assert record.schema_version == SCHEMA_VERSION and record.clinical.next_step is None


def test_the_level_is_one_line_and_has_a_limit():
    assert Clinical(levels="L4-L5\nL5-S1").levels == "L4-L5 L5-S1"
    with pytest.raises(ValidationError):
        Clinical(levels="L" * (LEVELS_LIMIT + 1))
    with pytest.raises(ValidationError):
        Clinical(next_step="tomorrow")  # type: ignore[arg-type]


def test_the_summary_lists_the_new_fields_where_page_one_reads_the_surgeons_plan(content):
    summary = build_summary(records.full_record(content), content)
    surgeon = next(s for s in summary.sections if s.id == "surgeon")
    found = {b.label: b.value for b in surgeon.blocks if hasattr(b, "label")}
    assert found[content.pages["visit.levels"]] == records.LEVELS
    assert found[content.pages["visit.next_step"]] == content.pages["next_step.surgery_scheduled"]
    assert found[content.pages["visit.proposal"]] == content.pages["proposal.fusion"]


def test_a_decision_dated_on_the_summary_keeps_its_date_until_the_choice_changes():
    earlier = DecisionReached(choice="fusion", on=date(2026, 11, 20))
    at = app_at(VISIT, _record(decision_reached=earlier), clinic=True)
    assert at.session_state["record"].decision_reached == earlier
    at.selectbox(key=f"{W}decision_choice").set_value("non_operative").run()
    assert at.session_state["record"].decision_reached == DecisionReached(choice="non_operative", on=date.today())
    at.selectbox(key=f"{W}decision_choice").set_value("more_time_needed").run()
    assert at.session_state["record"].decision_reached == DecisionReached(choice="more_time_needed", on=date.today())
    assert at.selectbox(key=f"{W}decision_choice").value == "more_time_needed"
