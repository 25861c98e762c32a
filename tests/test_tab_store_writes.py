"""The tab store is written when the record changes, and only then (ui/tab_store.py, ``keep``).

A page change alone sends nothing to the tab: the tab already holds the same record, and the
store's script was about half of every page's bytes. The browser tests (tests/browser/
test_answers_survive.py) check that the tab still keeps every answer through reloads.
"""

from __future__ import annotations

import json

from decision.record import DecisionRecord
from tests.conftest import app_at, assert_no_exception
from ui import tab_store


def writes(at) -> list[dict]:
    """The store's messages in the last run, as the browser would get them."""
    return [json.loads(el.proto.json) for el in at.get("bidi_component")]


def test_a_new_session_writes_once_then_a_page_change_writes_nothing():
    at = app_at()
    assert_no_exception(at)
    first = writes(at)
    assert [w["op"] for w in first] == ["write"]
    kept = json.loads(first[0]["kept"])
    assert DecisionRecord.model_validate_json(kept["record"]).safety_screen_done

    for page in ("pages/1_Your_back.py", "pages/9_About.py", "app.py"):
        at.switch_page(page).run()
        assert_no_exception(at)
        assert writes(at) == [], page


def test_a_changed_answer_is_written_again_with_the_new_record():
    at = app_at("pages/1_Your_back.py")
    at.switch_page("pages/1_Your_back.py").run()
    assert writes(at) == []
    at.text_input(key="w:initials").input("JQ").run()
    [write] = writes(at)
    assert DecisionRecord.model_validate_json(json.loads(write["kept"])["record"]).patient_initials == "JQ"
    at.switch_page("pages/2_Your_care_so_far.py").run()
    assert writes(at) == []


def test_finish_and_clear_still_clears_the_tab_and_then_writes_the_empty_state():
    at = app_at("pages/1_Your_back.py")
    at.text_input(key="w:initials").input("JQ").run()
    at.button(key="finish_your_back").click().run()
    assert_no_exception(at)
    ops = [w["op"] for w in writes(at)]
    assert ops == ["clear"], ops
    assert tab_store._LAST_KEPT not in at.session_state
