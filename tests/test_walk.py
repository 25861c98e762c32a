"""A whole walk through the app, as a patient at home and then with the surgeon in clinic.

Every step is driven through its widgets (no record is injected), and at the end the saved
file holds every answer, reopens to the same record, and the readiness result follows.
"""

from __future__ import annotations

from datetime import date

from streamlit.testing.v1 import AppTest

from decision.record import DecisionRecord, parse_record
from decision.rules.readiness import assess
from tests.conftest import APP, assert_no_exception
from tests.svg_spec import drawings
from ui.navigation import START


def go(at: AppTest, page: str) -> AppTest:
    at.switch_page(page).run()
    assert_no_exception(at)
    assert at.title, page
    return at


def test_a_whole_walk_from_the_safety_screen_to_the_decision(content):
    at = AppTest.from_file(APP, default_timeout=60)
    # A fresh session waits for the browser tab's kept record (ui/tab_store.py); AppTest has no tab,
    # so the record starts as a new session's would when the tab keeps nothing.
    at.session_state["record"] = DecisionRecord()
    at.run()
    assert_no_exception(at)

    # 0. The safety screen first: nothing opens before it is answered.
    go_blocked = at.switch_page("pages/3_Compare_your_options.py").run()
    assert content.pages["start.safety_gate"] in [w.value for w in go_blocked.warning]
    at.switch_page(START).run()
    at.checkbox(key="w:flag:none").check().run()
    assert at.session_state["record"].safety_screen_done

    # 1. Your back.
    go(at, "pages/1_Your_back.py")
    at.text_input(key="w:initials").input("JQ").run()
    at.radio(key="w:diagnosis").set_value("degenerative_spondylolisthesis").run()
    at.radio(key="w:procedure").set_value("fusion").run()
    at.radio(key="w:worst_pain").set_value("leg").run()
    at.number_input(key="w:symptom_weeks").set_value(30).run()
    at.select_slider(key="w:pain_back").set_value(6).run()
    at.select_slider(key="w:pain_leg").set_value(8).run()
    for i in range(10):
        at.selectbox(key=f"w:odi:{i}").set_value(3).run()

    # 2. Your care so far: a program that matches what many guidelines and insurers ask for.
    go(at, "pages/2_Your_care_so_far.py")
    for kind, weeks in (("physical_therapy", 12), ("nsaid", 20), ("heat_ice_massage_ultrasound", 4)):
        at.checkbox(key=f"w:tried:{kind}").check().run()
        at.number_input(key=f"w:weeks:{kind}").set_value(weeks).run()
    at.selectbox(key="w:helped:physical_therapy").set_value("partly").run()
    assert content.readiness.status_titles["not_yet"] in at.warning[0].value  # nicotine not answered yet
    at.radio(key="w:nicotine").set_value("stopped").run()
    at.number_input(key="w:nicotine_weeks").set_value(10).run()
    assert f"**{content.readiness.status_titles['criteria_met']}**" in [i.value for i in at.info]

    # 3. Compare, and 4. Fusion questions at home: the patient's own notes.
    go(at, "pages/3_Compare_your_options.py")
    assert any('class="aid-grid aid-overview"' in m.value for m in at.markdown)  # the overview first
    record_diagnosis = at.session_state["record"].diagnosis
    first_row = content.decision_for(record_diagnosis).overview[0]
    at.selectbox(key=f"w:compare_outcome:{record_diagnosis}").set_value(first_row).run()  # one result's card
    assert drawings(at)
    go(at, "pages/4_Fusion_questions.py")
    at.text_area(key="w:fusion_patient_notes").input("Ask about time off work.").run()

    # 5. What matters, 6. the quiz, 7. leaning, SURE and questions.
    go(at, "pages/5_What_matters_to_you.py")
    first, second = content.deliberation.values.items[:2]
    at.select_slider(key=f"w:value:{first.id}").set_value(9).run()
    at.select_slider(key=f"w:value:{second.id}").set_value(3).run()
    at.text_input(key="w:concern_new").input("Caring for my grandchildren").run()
    at.button(key="w:concern_add").click().run()
    go(at, "pages/6_Check_your_understanding.py")
    quiz = content.deliberation.quiz.for_diagnosis("degenerative_spondylolisthesis")  # the walk's diagnosis
    at.radio(key=f"w:quiz:{quiz[0].id}").set_value(quiz[0].answer).run()
    wrong = next(c.id for c in quiz[1].choices if c.id != quiz[1].answer)
    at.radio(key=f"w:quiz:{quiz[1].id}").set_value(wrong).run()
    go(at, "pages/7_Where_you_are_leaning.py")
    at.radio(key="w:leaning").set_value("not_sure").run()
    at.radio(key="w:role").set_value("together").run()
    for item in content.deliberation.sure.items:
        at.radio(key=f"w:sure_before:{item.id}").set_value(item.id != "sure").run()
    at.text_input(key="w:question_new").input("What if I wait a year?").run()
    at.button(key="w:question_add").click().run()

    # In clinic: the surgeon's facts, the fusion plan, SURE again, and the decision reached.
    at.session_state["clinic_mode"] = True
    go(at, "pages/1_Your_back.py")
    at.text_area(key="w:confirmed_diagnosis").input("Grade 1 degenerative spondylolisthesis L4-5").run()
    at.radio(key="w:proposed_operation").set_value("laminectomy").run()
    go(at, "pages/4_Fusion_questions.py")
    at.radio(key="w:fusion_plan:with_decompression").set_value("yes").run()
    at.radio(key="w:fusion_plan:segments").set_value("1").run()
    go(at, "pages/7_Where_you_are_leaning.py")
    for item in content.deliberation.sure.items:
        at.radio(key=f"w:sure_after:{item.id}").set_value(True).run()
    go(at, "pages/8_Summary.py")
    at.radio(key="w:decision_choice").set_value("laminectomy").run()

    # Everything is in the one record, and the save file reopens to the same record.
    record = at.session_state["record"]
    assert record.patient_initials == "JQ"
    chosen = (record.diagnosis, record.procedure, record.symptom_weeks)
    assert chosen == ("degenerative_spondylolisthesis", "fusion", 30)
    assert (record.pain_back, record.pain_leg, record.worst_pain) == (6, 8, "leg")
    assert record.oswestry.sections == [3] * 10
    assert [(t.kind, t.weeks) for t in record.treatments] == [
        ("physical_therapy", 12), ("nsaid", 20), ("heat_ice_massage_ultrasound", 4)
    ]
    assert record.fusion_patient_notes == "Ask about time off work."
    assert record.values == {first.id: 9, second.id: 3}
    assert record.own_concerns == ["Caring for my grandchildren"]
    assert record.quiz == {quiz[0].id: quiz[0].answer, quiz[1].id: wrong}
    assert (record.leaning, record.decision_role) == ("not_sure", "together")
    assert record.sure.before.sure is False and record.sure.before.understand is True
    assert all(getattr(record.sure.after, i.id) for i in content.deliberation.sure.items)
    assert "What if I wait a year?" in record.questions
    assert record.clinical.proposed_operation == "laminectomy"
    assert (record.fusion_plan.with_decompression, record.fusion_plan.segments) == ("yes", 1)
    assert record.decision_reached.choice == "laminectomy" and record.decision_reached.on == date.today()
    assert assess(record, content).status == "criteria_met"
    saved = record.to_json()
    assert parse_record(saved) == record
