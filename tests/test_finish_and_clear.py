""""Finish and clear" never says everything was cleared while it restores the answers (issue 21).

When another tab's "Finish and clear" reaches this tab, this tab removes its copy and loads the page
again. A write still in flight could put the copy back in between, and the new session then showed
"Everything you entered has been cleared" above every answer, restored. The server now trusts the
clear: a tab that reports both a clear and a copy starts empty and removes the copy; the script
also stops writing once it has been told to clear.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from decision.record import DecisionRecord
from tests.conftest import app_at, assert_no_exception
from tests.test_tab_store_writes import writes
from ui import session, tab_store

ROOT = Path(__file__).resolve().parent.parent


def _take(monkeypatch, report):
    state: dict = {}
    monkeypatch.setattr(session, "st", SimpleNamespace(session_state=state))
    monkeypatch.setattr(tab_store, "reported", lambda: report)
    monkeypatch.setattr(tab_store, "boot_id", lambda: "boot")
    session._take_kept()
    return state


def test_a_clear_from_another_tab_wins_over_a_copy_written_after_it(monkeypatch):
    record = __import__("json").dumps(DecisionRecord(safety_screen_done=True, patient_initials="KL").model_dump_json())
    kept = f'{{"record": {record}, "clinic": false, "boot": "boot"}}'
    state = _take(monkeypatch, {"kept": kept, "cleared_elsewhere": True, "available": True})
    assert state.get("cleared") is True
    assert state["record"] == DecisionRecord()  # what the message says is true
    # Not a clear of its own (that would tell the other tabs to clear again, and they this one):
    # the run's end writes the empty record, which removes the stale copy (session.remember).
    assert "tab_clear_pending" not in state


def test_a_copy_without_a_clear_is_restored(monkeypatch):
    record = __import__("json").dumps(DecisionRecord(safety_screen_done=True, patient_initials="KL").model_dump_json())
    kept = f'{{"record": {record}, "clinic": false, "boot": "boot"}}'
    state = _take(monkeypatch, {"kept": kept, "cleared_elsewhere": False, "available": True})
    assert "cleared" not in state and state["record"].patient_initials == "KL"


def test_the_script_stops_writing_once_told_to_clear():
    script = (ROOT / "spine_aid" / "static" / "tab_store.js").read_text()
    assert "__spineAidClearedHere" in script
    handler = script[script.index("channel.onmessage"):script.index("window.location.replace")]
    assert "__spineAidClearedHere = true" in handler
    write = script[script.index('if (data.op === "write" && s'):]
    assert "__spineAidClearedHere" in write.split("\n")[0]


# ---------------------------------------------------------------- it asks first (issue 24, item 5)
#
# One click on "Finish and clear" wiped the whole record, and the button sat beside "Save". Now the
# first click clears nothing: it says what would be cleared, with a second, differently worded
# button to clear and a way to cancel.

YOUR_BACK = "pages/1_Your_back.py"


def _answered_then_finish():
    at = app_at(YOUR_BACK)
    at.text_input(key="w:initials").input("JQ").run()
    at.button(key="finish_your_back").click().run()
    assert_no_exception(at)
    return at


def test_the_first_click_clears_nothing_and_asks_in_other_words(content):
    at = _answered_then_finish()
    assert at.session_state["record"].patient_initials == "JQ"
    assert "cleared" not in at.session_state
    assert [w["op"] for w in writes(at)] == ["write"]  # the tab's copy is still written, not cleared
    p = content.pages
    assert [w.value for w in at.sidebar.warning] == [p["frame.clear_confirm"]]
    yes, cancel = at.button(key="clear_yes_your_back"), at.button(key="clear_cancel_your_back")
    assert yes.label == p["frame.clear_yes"] and cancel.label == p["frame.clear_cancel"]
    assert len({p["frame.finish"], yes.label, cancel.label}) == 3


def test_the_second_click_clears_everything(content):
    at = _answered_then_finish()
    at.button(key="clear_yes_your_back").click().run()
    assert_no_exception(at)
    assert at.session_state["record"] == DecisionRecord()
    assert [s.value for s in at.success] == [content.pages["frame.cleared"]]  # on Start, said once
    assert [w["op"] for w in writes(at)] == ["clear"]


def test_cancel_keeps_everything(content):
    at = _answered_then_finish()
    at.button(key="clear_cancel_your_back").click().run()
    assert_no_exception(at)
    assert at.session_state["record"].patient_initials == "JQ"
    assert at.text_input(key="w:initials").value == "JQ"
    assert "cleared" not in at.session_state and not at.sidebar.warning
    assert [w["op"] for w in writes(at)] == ["write"]
    assert at.button(key="finish_your_back").label == content.pages["frame.finish"]


def test_the_question_stays_on_the_page_it_was_asked_on(content):
    at = _answered_then_finish()
    at.switch_page("pages/9_About.py").run()
    assert_no_exception(at)
    assert not at.sidebar.warning and at.button(key="finish_about")
    assert at.session_state["record"].patient_initials == "JQ"
