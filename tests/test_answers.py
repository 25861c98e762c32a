"""Answers that mean what they say (issue 12): nothing pre-set, the quiz's first answer is the
score, initials of any script, and the clinic's Summary leads with what the visit must settle."""

from __future__ import annotations

import json
import logging

import pytest
from hypothesis import given, settings, strategies as st

from decision.deliberation import record_quiz_answer, score_quiz
from decision.record import INITIALS_PROBLEM, DecisionRecord, RecordError, initials_problem, parse_record
from tests import records
from tests.conftest import app_at, assert_no_exception
from ui.navigation import PAGES, START

YOUR_BACK = "pages/1_Your_back.py"
QUIZ = "pages/6_Check_your_understanding.py"
SUMMARY = "pages/8_Summary.py"


# ---------------------------------------------------------------- nothing is pre-set


@pytest.mark.parametrize("clinic", [False, True], ids=["home", "clinic"])
@pytest.mark.parametrize("page", [p.path for p in PAGES if p.path != START])
def test_no_radio_starts_with_an_answer_for_an_empty_record(page, clinic):
    at = app_at(page, DecisionRecord(safety_screen_done=True), clinic=clinic)
    assert_no_exception(at)
    # The fusion page's drawing picks a length to show; that is a picture, not an answer.
    answered = {r.key: r.value for r in at.radio if r.value is not None and "fusion_drawing_example" not in r.key
                and not r.key.startswith("lang_switch")}  # the language is a setting, not an answer
    assert not answered


def test_a_new_record_holds_no_answer():
    record = DecisionRecord()
    assert record.diagnosis is None and record.procedure is None
    assert record.clinical.proposed_operation is None and record.leaning is None


@pytest.mark.parametrize("old, new", [({"diagnosis": "not_sure", "procedure": "none_yet"}, (None, None)),
                                      ({}, (None, None)),
                                      ({"diagnosis": "spinal_stenosis", "procedure": "laminectomy"},
                                       ("spinal_stenosis", "laminectomy"))])
def test_a_version_2_file_reads_its_pre_set_defaults_as_not_answered(old, new):
    record = parse_record(json.dumps({"schema_version": 2, **old}))
    assert (record.diagnosis, record.procedure) == new


def test_skipping_your_back_leaves_diagnosis_and_operation_unanswered(content):
    at = app_at(YOUR_BACK)
    assert at.radio(key="w:diagnosis").value is None and at.radio(key="w:procedure").value is None
    at.radio(key="w:worst_pain").set_value("leg").run()
    record = at.session_state["record"]
    assert (record.diagnosis, record.procedure, record.worst_pain) == (None, None, "leg")
    at.radio(key="w:diagnosis").set_value("not_sure").run()
    assert at.session_state["record"].diagnosis == "not_sure"  # "not sure" is an answer when chosen


# ---------------------------------------------------------------- the quiz


def test_changing_a_quiz_answer_keeps_the_score_of_the_first_answer(content):
    quiz = content.deliberation.quiz
    at = app_at(QUIZ, record=DecisionRecord(safety_screen_done=True, diagnosis="disc_herniation"))
    q = quiz.for_diagnosis("disc_herniation")[0]
    wrong = next(c.id for c in q.choices if c.id != q.answer)
    at.radio(key=f"w:quiz:{q.id}").set_value(wrong).run()
    score_before = at.metric[0].value
    at.radio(key=f"w:quiz:{q.id}").set_value(q.answer).run()
    assert_no_exception(at)
    assert at.metric[0].value == score_before == "0 right of 1 answered"
    record = at.session_state["record"]
    assert record.quiz == {q.id: wrong} and record.quiz_second_tries == {q.id: q.answer}
    first_text = next(c.text for c in q.choices if c.id == wrong)
    assert content.pages["quiz.second_try"].format(first=first_text) in [c.value for c in at.caption]
    assert at.radio(key=f"w:quiz:{q.id}").value == q.answer  # the screen shows the latest try
    at.switch_page("pages/9_About.py").run()
    at.switch_page(QUIZ).run()
    assert at.radio(key=f"w:quiz:{q.id}").value == q.answer and at.metric[0].value == score_before


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["q1", "q2", "q3"]), st.sampled_from(["a", "b", "c"])), max_size=12))
def test_no_sequence_of_changes_moves_the_first_answer(picks):
    first, second, seen = {}, {}, {}
    for qid, choice in picks:
        first, second = record_quiz_answer(first, second, qid, choice)
        seen.setdefault(qid, choice)
        assert first == seen
        assert all(second[q] != first[q] for q in second)


def test_the_score_counts_first_answers_only(content):
    quiz = content.deliberation.quiz
    q = quiz.for_diagnosis("disc_herniation")[0]
    wrong = next(c.id for c in q.choices if c.id != q.answer)
    first, second = record_quiz_answer({}, {}, q.id, wrong)
    first, second = record_quiz_answer(first, second, q.id, q.answer)
    assert score_quiz(first, quiz, "disc_herniation").right == 0 and second == {q.id: q.answer}
    first, second = record_quiz_answer(first, second, q.id, wrong)  # back to the first answer
    assert second == {}


# ---------------------------------------------------------------- initials


@pytest.mark.parametrize("initials", ["JÑ", "Ø.", "É-L", "J.-L. M", "ЖК", "李", "O'B", "E\u0301"])
def test_initials_of_any_script_are_accepted(initials):
    assert initials_problem(initials) is None
    assert parse_record(json.dumps({"schema_version": 3, "patient_initials": initials})).patient_initials


@pytest.mark.parametrize("bad", ["ABCDE", "J1", "Jonathan Smith", "<b>", "J_", "a@b"])
def test_other_initials_get_one_plain_message_without_the_value(bad):
    assert initials_problem(bad) == INITIALS_PROBLEM
    with pytest.raises(RecordError) as err:
        parse_record(json.dumps({"schema_version": 3, "patient_initials": bad}))
    assert bad not in str(err.value)


@pytest.mark.parametrize("initials", ["JÑ", "Ø.", "É-L"])
def test_accented_initials_on_the_page(initials):
    at = app_at(YOUR_BACK)
    at.text_input(key="w:initials").input(initials).run()
    assert_no_exception(at)
    assert at.session_state["record"].patient_initials == initials
    assert not at.error


def test_wrong_initials_show_a_message_beside_the_field_and_keep_the_record(caplog, content):
    at = app_at(YOUR_BACK, DecisionRecord(safety_screen_done=True, patient_initials="AB"))
    with caplog.at_level(logging.DEBUG):
        at.text_input(key="w:initials").input("ZQXWV9").run()
    assert_no_exception(at)
    assert [e.value for e in at.error] == [content.pages["record_error.initials_typed"]]
    assert at.session_state["record"].patient_initials == "AB"
    assert "ZQXWV9" not in caplog.text


def test_no_error_from_a_record_model_holds_the_input():
    from decision.record import Treatment

    with pytest.raises(Exception) as err:
        Treatment(kind="physical_therapy", weeks="SECRET-TEXT")
    assert "SECRET-TEXT" not in str(err.value)
    with pytest.raises(Exception) as err:
        DecisionRecord(patient_initials="SECRETVALUE")
    assert "SECRETVALUE" not in str(err.value) and "SECRETVALUE" not in repr(err.value)


# ---------------------------------------------------------------- the Summary in clinic


def test_in_clinic_the_summary_opens_with_the_decision_and_the_sure_beside_it(content):
    record = records.full_record(content).model_copy(update={"decision_reached": None})
    at = app_at(SUMMARY, record, clinic=True)
    assert_no_exception(at)
    # Each element's text (a section is one block of lines under its bold title; the answers from
    # home are a closed layer, found by its label), and where a text is first seen.
    order = [str(getattr(e, "value", None) or getattr(e, "label", None) or "") for e in at.main]

    def at_(text: str) -> int:
        return next(i for i, value in enumerate(order) if text in value)

    settle = at_(content.pages["summary.settle"])
    conflict = at_(content.deliberation.sure.conflict_message)
    assert settle < at_("Decision reached") < conflict < at_("Questions for the surgeon")
    assert at_("Questions for the surgeon") < at_("Readiness check") < at_(content.pages["summary.home_answers"])
    # the SURE at the end of the visit is answered right there
    for item in content.deliberation.sure.items:
        at.radio(key=f"w:summary_sure_after:{item.id}").set_value(True).run()
    assert at.session_state["record"].sure.after.sure is True
    assert_no_exception(at)


def answers_layer(at, content):
    """The closed layer that holds every answer from home (issue 24)."""
    layer = next(e for e in at.expander if e.label == content.pages["summary.home_answers"])
    assert not layer.proto.expanded
    return layer


def test_home_answers_are_one_line_each_with_detail_on_demand(content):
    at = app_at(SUMMARY, records.full_record(content))
    assert_no_exception(at)
    layer = answers_layer(at, content)
    assert "Treatments tried" in [h.value for h in layer.subheader]
    lines = " ".join(m.value.replace("\\", "") for m in layer.markdown)
    assert "Treatments: " in lines  # its one line, then its table
    assert any("<table" in str(getattr(e, "body", "") or getattr(e, "value", "")) for e in layer)


def test_the_summary_page_shows_a_skipped_question_as_not_answered(content):
    at = app_at(SUMMARY, DecisionRecord(safety_screen_done=True, worst_pain="leg"))
    assert_no_exception(at)
    shown = " ".join(m.value.replace("\\", "") for m in answers_layer(at, content).markdown)
    assert "Diagnosis: Not answered" in shown
    assert "Operation talked about: Not answered" in shown
    everywhere = " ".join(m.value.replace("\\", "") for m in at.markdown)
    assert content.pages["diagnosis.not_sure"] not in everywhere
    assert content.pages["procedure.none_yet"] not in everywhere
