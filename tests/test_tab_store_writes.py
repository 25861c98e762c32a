"""Every run ends with one message to the tab store (ui/tab_store.py, ``keep``), carrying the record
and a new run number, even when nothing changed.

The tab learns from it that a run has ended; a click held while a typed value is still on its way
is made again only after a run that started with every value (tests/browser/
test_typing_then_click.py, 10 sessions at once). An earlier version skipped the write when the
record had not changed, to save bytes; that also hid the end of the run, so it is not done.
"""

from __future__ import annotations

import json

from decision.record import DecisionRecord
from tests.conftest import app_at, assert_no_exception
from ui.navigation import START


def writes(at) -> list[dict]:
    """The store's messages in the last run, as the browser would get them (not the save button's,
    the same script's other element: tab_store.save_button)."""
    sent = [json.loads(el.proto.json) for el in at.get("bidi_component")]
    return [data for data in sent if data.get("op") != "save"]


def test_every_run_ends_with_one_write_and_a_new_run_number():
    at = app_at()
    assert_no_exception(at)
    [first] = writes(at)
    assert first["op"] == "write"
    assert DecisionRecord.model_validate_json(json.loads(first["kept"])["record"]).safety_screen_done
    runs = [first["run"]]
    for page in ("pages/1_Your_back.py", "pages/9_About.py", START):
        at.switch_page(page).run()
        assert_no_exception(at)
        [w] = writes(at)
        assert w["op"] == "write", page
        runs.append(w["run"])
    assert runs == sorted(set(runs)), runs  # each run seen, in order


def test_a_changed_answer_is_written_with_the_new_record():
    at = app_at("pages/1_Your_back.py")
    at.text_input(key="w:initials").input("JQ").run()
    [write] = writes(at)
    assert DecisionRecord.model_validate_json(json.loads(write["kept"])["record"]).patient_initials == "JQ"


def test_finish_and_clear_clears_the_tab():
    at = app_at("pages/1_Your_back.py")
    at.text_input(key="w:initials").input("JQ").run()
    at.button(key="finish_your_back").click().run()
    at.button(key="clear_yes_your_back").click().run()  # it asks first (tests/test_finish_and_clear.py)
    assert_no_exception(at)
    assert [w["op"] for w in writes(at)] == ["clear"]
