"""AppTest for every page, the safety gate, the red-flag pause, and save/load through the sidebar."""

from __future__ import annotations

import json

import pytest

from decision.record import DecisionRecord
from tests.conftest import app_at, assert_no_exception
from decision.content import load_content
from ui.frame import PAGES

CONTENT = load_content()

WALK_PAGES = [p.path for p in PAGES if p.path != "app.py"]


@pytest.mark.parametrize("clinic", [False, True], ids=["home", "clinic"])
@pytest.mark.parametrize("page", [p.path for p in PAGES])
def test_every_page_runs_without_an_exception(page, clinic):
    at = app_at(None if page == "app.py" else page, clinic=clinic)
    assert_no_exception(at)
    assert at.title, f"{page} has no title"


@pytest.mark.parametrize("page", [p.path for p in PAGES if p.needs_safety_check])
def test_walk_pages_wait_for_the_safety_screen(content, page):
    at = app_at(page, DecisionRecord())
    assert_no_exception(at)
    assert [w.value for w in at.warning] == [content.pages["start.safety_gate"]]
    assert not at.title


def test_the_safety_screen_is_the_first_thing_on_the_start_page(content):
    at = app_at(None, DecisionRecord())
    questions = [c.label for c in at.checkbox]
    assert questions[: len(content.red_flags.flags)] == [f.question for f in content.red_flags.flags]
    assert questions[-1] == content.red_flags.none_apply


def test_ticking_none_apply_opens_the_walk(content):
    at = app_at(None, DecisionRecord())
    at.checkbox(key="w:flag:none").check().run()
    assert at.session_state["record"].safety_screen_done
    assert content.pages["start.safety_done"] in [s.value for s in at.success]


def test_a_cauda_equina_sign_shows_the_emergency_message_at_once(content):
    at = app_at(None, DecisionRecord())
    at.checkbox(key="w:flag:bladder_problems").check().run()
    record = at.session_state["record"]
    assert record.red_flags == ["bladder_problems"] and record.safety_screen_done
    assert content.red_flags.levels["emergency"].title in at.error[0].value
    assert at.checkbox(key="w:flag:none").disabled


@pytest.mark.parametrize("page", [p.path for p in PAGES if not p.open_when_flagged])
def test_a_red_flag_pauses_the_walk_on_every_page_and_keeps_the_message(content, page):
    at = app_at(page, DecisionRecord(safety_screen_done=True, red_flags=["fever_or_feeling_unwell"]))
    assert_no_exception(at)
    assert content.red_flags.levels["urgent"].title in at.warning[0].value  # amber, not the emergency red
    assert not [e for e in at.error if content.red_flags.levels["emergency"].title in e.value]
    assert content.pages["start.walk_paused"] in [i.value for i in at.info]
    assert not at.title


@pytest.mark.parametrize("page", [p.path for p in PAGES if p.open_when_flagged])
def test_pages_open_during_a_red_flag_still_show_the_message(content, page):
    at = app_at(None if page == "app.py" else page, DecisionRecord(safety_screen_done=True, red_flags=["saddle_numbness"]))
    assert_no_exception(at)
    assert content.red_flags.levels["emergency"].title in at.error[0].value


def test_answers_on_your_back_survive_a_page_switch():
    at = app_at("pages/1_Your_back.py")
    at.radio(key="w:diagnosis").set_value("spinal_stenosis").run()
    at.text_input(key="w:initials").input("AB").run()
    at.number_input(key="w:symptom_weeks").set_value(20).run()
    at.switch_page("pages/9_About.py").run()
    at.switch_page("pages/1_Your_back.py").run()
    assert at.radio(key="w:diagnosis").value == "spinal_stenosis"
    assert at.text_input(key="w:initials").value == "AB"
    record = at.session_state["record"]
    assert (record.diagnosis, record.patient_initials, record.symptom_weeks) == ("spinal_stenosis", "AB", 20)


def test_oswestry_section_scores_give_the_published_percentage():
    at = app_at("pages/1_Your_back.py")
    for i in range(9):
        at.selectbox(key=f"w:odi:{i}").set_value(2).run()
    assert at.session_state["record"].oswestry.sections[:9] == [2] * 9
    assert any("18 points from 9 of 10 sections" in m.value for m in at.markdown)


def test_care_page_shows_what_is_missing_for_the_operation_considered(content):
    record = DecisionRecord(safety_screen_done=True, diagnosis="spinal_stenosis", procedure="laminectomy", symptom_weeks=20)
    at = app_at("pages/2_Your_care_so_far.py", record)
    at.checkbox(key="w:tried:physical_therapy").check().run()
    at.number_input(key="w:weeks:physical_therapy").set_value(4).run()
    assert_no_exception(at)
    text = " ".join(m.value for m in at.markdown)
    assert "Still missing" in text
    assert "at least 6 weeks" in text
    at.number_input(key="w:weeks:physical_therapy").set_value(14).run()
    at.checkbox(key="w:tried:nsaid").check().run()
    at.number_input(key="w:weeks:nsaid").set_value(4).run()
    # A met result is information, never a green success.
    assert content.readiness.status_titles["criteria_met"] in [i.value.strip("*") for i in at.info]
    assert not at.success


def test_loading_a_broken_file_keeps_the_answers(monkeypatch):
    """The upload handler refuses a bad file with one plain message and changes nothing."""
    from decision.record import RecordError, parse_record

    record = DecisionRecord(safety_screen_done=True, diagnosis="disc_herniation", patient_initials="CD")
    before = record.to_json()
    with pytest.raises(RecordError):
        parse_record(b"{broken")
    at = app_at("pages/1_Your_back.py", record)
    assert at.session_state["record"].to_json() == before
    assert json.loads(before)["patient_initials"] == "CD"


def test_a_ticked_treatment_starts_with_its_weeks_unanswered():
    at = app_at("pages/2_Your_care_so_far.py", DecisionRecord(safety_screen_done=True))
    at.checkbox(key="w:tried:physical_therapy").check().run()
    assert_no_exception(at)
    assert at.number_input(key="w:weeks:physical_therapy").value is None
    assert at.session_state["record"].treatments[0].weeks is None


# Pages whose every patient-facing word is in content/ (issue 11: whole sentences in content, so a
# translation can follow). Add a page here once its English literals have moved.
PAGES_WITHOUT_ENGLISH = ["pages/4_Fusion_questions.py"]


def _string_literals(path):
    """Every string constant in a page's code, docstrings left out (they are for programmers)."""
    import ast
    from pathlib import Path

    tree = ast.parse((Path(__file__).resolve().parent.parent / path).read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body
                  and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


@pytest.mark.parametrize("page", PAGES_WITHOUT_ENGLISH)
def test_a_page_draws_no_english_of_its_own(page):
    import re

    words = re.compile(r"[A-Za-z]{2,}[,.:;!?]? +[A-Za-z]{2,}")  # two words and a space: English, not a key
    english = [s for s in _string_literals(page) if words.search(s)]
    assert not english, f"{page} has patient-facing text in code; move it to content/: {english}"


def test_the_fusion_page_in_clinic_puts_the_clinical_facts_and_notes_after_the_cards(content):
    at = app_at("pages/4_Fusion_questions.py", clinic=True)
    keys = [getattr(b, "key", None) for b in at.main.children.values()]
    cards = [k for k in keys if k and k.startswith("card-") and k != "card-reoperation"]
    assert len(cards) == 5 and keys.index("fusion-clinical") > max(keys.index(k) for k in cards)
    assert content.pages["fusion.clinical_title"] in [s.value for s in at.subheader]


def test_the_sidebar_links_point_at_each_page_and_the_start_page_at_the_root():
    # The links are built from st.Page objects made once per process (ui/frame.py, for speed); the
    # start page must stay the default page ("/"), not "/app".
    at = app_at("pages/1_Your_back.py")
    assert_no_exception(at)
    links = [el.proto for el in at.sidebar.get("page_link")]
    by_label = {link.label: link.page for link in links}
    assert len(links) == 10
    assert by_label[CONTENT.pages["nav.start"]] == ""
    assert by_label[CONTENT.pages["nav.your_back"]] == "Your_back"
    assert by_label[CONTENT.pages["nav.compare"]] == "Compare_your_options"
    assert all(link.page_script_hash for link in links)


def test_the_about_page_lists_every_source_when_asked_and_sends_none_before():
    at = app_at("pages/9_About.py")
    assert_no_exception(at)
    closed = " ".join(m.value for m in at.markdown)
    assert not any(s.citation in closed for s in CONTENT.sources)
    at.toggle(key="about_show_sources").set_value(True).run()
    assert_no_exception(at)
    opened = " ".join(m.value for m in at.markdown)
    assert all(f"- {s.citation}" in opened for s in CONTENT.sources)
