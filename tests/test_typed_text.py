"""Whatever a page accepts, the loader accepts (issue 21).

Control characters pasted into a free-text box were kept, then the reload, the tab's copy and the
saved file were refused. They are now removed where they are typed, with a plain message, and
removed from a file as it is read, so what older versions stored still opens. An Oswestry total
typed with many decimals is checked by its value, not by the length of its text.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from decision.record import DecisionRecord, FusionPlan, Oswestry, RecordError, parse_record
from decision.text import BIDI_CONTROLS, clean_text
from tests.conftest import app_at, assert_no_exception

PASTED = ["\x0c", "\x0b", "\x1b", "\x85", "\x07", "\x00", "\x7f", "\x9b", "\u202e", "\u2066"]


@pytest.mark.parametrize("char", PASTED, ids=[f"U+{ord(c):04X}" for c in PASTED])
def test_a_file_an_older_version_wrote_with_a_pasted_control_opens_without_it(char):
    old = DecisionRecord.model_construct(
        **{**DecisionRecord().__dict__, "fusion_patient_notes": f"page one{char}page two",
           "own_concerns": [f"my{char}job"], "questions": [f"why{char}?"],
           "fusion_plan": FusionPlan.model_construct(**{**FusionPlan().__dict__, "surgeon_notes": f"a{char}b"})})
    rec = parse_record(old.model_dump_json())
    sep = "\n" if char == "\x85" else ""
    assert rec.fusion_patient_notes == f"page one{sep}page two"
    assert rec.own_concerns == [f"my{sep}job"] and rec.questions == [f"why{sep}?"]
    assert rec.fusion_plan.surgeon_notes == f"a{sep}b"


def test_an_oswestry_total_with_many_decimals_is_checked_by_value():
    rec = DecisionRecord(oswestry=Oswestry(total_percent=float("0.0000123456789012345")))
    saved = rec.to_json()
    assert parse_record(saved) == rec
    # As issue 21's attack saw it stored.
    loaded = parse_record('{"schema_version": 3, "oswestry": {"total_percent": 1.2345678901234568e-05}}')
    assert loaded.oswestry.total_percent == 1.2345678901234568e-05


def test_a_giant_integer_is_still_refused_before_it_is_converted():
    with pytest.raises(RecordError, match="number"):
        parse_record('{"schema_version": 3, "symptom_weeks": ' + "9" * 5000 + "}")


@pytest.mark.parametrize("multiline", [True, False])
def test_clean_text_keeps_letters_of_every_script(multiline):
    text = "Ñandú, 李, Жук, שלום, مرحبا 😀 — ok"
    assert clean_text(text, multiline=multiline) == text


def test_clean_text_removes_every_bidi_control():
    assert clean_text("a" + BIDI_CONTROLS + "b") == "ab"


# Any text a browser can send: any code point UTF-8 can carry (a widget's value reaches the server
# as UTF-8, so never a lone surrogate), weighted towards the ones issue 21 pasted.
_ANY_TEXT = st.text(alphabet=st.one_of(st.characters(codec="utf-8"), st.sampled_from([*PASTED, "\n", "\r", "\t"])),
                    max_size=300)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes=_ANY_TEXT, surgeon=_ANY_TEXT, concern=_ANY_TEXT, question=_ANY_TEXT)
def test_any_text_a_box_accepts_round_trips_through_the_save_file(notes, surgeon, concern, question):
    rec = DecisionRecord()
    rec.fusion_patient_notes = clean_text(notes)
    rec.fusion_plan.surgeon_notes = clean_text(surgeon)
    rec.clinical.imaging_findings = clean_text(notes)
    concern, question = clean_text(concern, multiline=False).strip(), clean_text(question, multiline=False).strip()
    rec.own_concerns = [concern] if concern else []
    rec.questions = [question] if question else []
    assert parse_record(rec.to_json()) == rec
    assert parse_record(rec.to_json().encode("utf-8")) == rec


# ---------------------------------------------------------------- where it is typed


def test_a_form_feed_pasted_in_the_notes_is_removed_with_a_plain_message(content):
    at = app_at("pages/4_Fusion_questions.py")
    at.text_area(key="w:fusion_patient_notes").input("page one\x0cpage two\x1b[31m").run()
    assert_no_exception(at)
    rec = at.session_state["record"]
    assert rec.fusion_patient_notes == "page onepage two[31m"
    assert at.text_area(key="w:fusion_patient_notes").value == "page onepage two[31m"
    assert any(content.pages["input.cleaned"] in c.value for c in at.caption)
    assert parse_record(rec.to_json()) == rec


def test_a_concern_with_a_control_character_is_added_without_it(content):
    at = app_at("pages/5_What_matters_to_you.py")
    at.text_input(key="w:concern_new").input("my\x07 job\u202e").run()
    at.button(key="w:concern_add").click().run()
    assert_no_exception(at)
    assert at.session_state["record"].own_concerns == ["my job"]
    assert any(content.pages["input.cleaned"] in c.value for c in at.caption)


def test_a_question_with_a_control_character_is_added_without_it(content):
    at = app_at("pages/7_Where_you_are_leaning.py")
    at.text_input(key="w:question_new").input("why\x00 so\x85long?").run()
    at.button(key="w:question_add").click().run()
    assert_no_exception(at)
    assert "why so long?" in at.session_state["record"].questions


def test_surgeon_text_in_clinic_is_cleaned_where_typed(content):
    at = app_at("pages/4_Fusion_questions.py", clinic=True)
    at.text_area(key="w:fusion_plan:surgeon_notes").input("L4\x0bL5").run()
    at.text_area(key="w:clinical:imaging_findings").input("MRI\r\nstenosis\x85").run()
    assert_no_exception(at)
    rec = at.session_state["record"]
    assert (rec.fusion_plan.surgeon_notes, rec.clinical.imaging_findings) == ("L4L5", "MRI\nstenosis\n")
    at = app_at("pages/1_Your_back.py", clinic=True)
    at.text_area(key="w:confirmed_diagnosis").input("stenosis\x1b").run()
    assert at.session_state["record"].clinical.confirmed_diagnosis == "stenosis"


# ---------------------------------------------------------------- spans, where they are typed


def test_treatment_weeks_longer_than_the_symptoms_are_refused_where_typed(content):
    from decision.record import Treatment

    rec = DecisionRecord(safety_screen_done=True, symptom_weeks=12,
                         treatments=[Treatment(kind="physical_therapy", weeks=8)])
    at = app_at("pages/2_Your_care_so_far.py", rec)
    at.number_input(key="w:weeks:physical_therapy").set_value(1040).run()
    assert_no_exception(at)
    kept = at.session_state["record"]
    assert kept.treatments[0].weeks == 8  # the earlier answer stays; the record stays one a file can hold
    message = content.pages["care.weeks_longer_than_symptoms"].format(weeks=12)
    assert any(message in e.value for e in at.error)
    assert content.readiness.status_titles["criteria_met"] not in [i.value.strip("*") for i in at.info]
    assert parse_record(kept.to_json()) == kept


def test_symptom_weeks_shorter_than_a_treatment_are_refused_where_typed(content):
    from decision.record import Treatment

    rec = DecisionRecord(safety_screen_done=True, symptom_weeks=60,
                         treatments=[Treatment(kind="physical_therapy", weeks=52)])
    at = app_at("pages/1_Your_back.py", rec)
    at.number_input(key="w:symptom_weeks").set_value(12).run()
    assert_no_exception(at)
    assert at.session_state["record"].symptom_weeks == 60
    message = content.pages["your_back.weeks_shorter_than_care"].format(weeks=52)
    assert any(message in e.value for e in at.error)
    at.number_input(key="w:symptom_weeks").set_value(52).run()
    assert at.session_state["record"].symptom_weeks == 52
    assert not at.error
