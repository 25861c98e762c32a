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
from ui import frame, tab_store

ROOT = Path(__file__).resolve().parent.parent


def _take(monkeypatch, report):
    state: dict = {}
    monkeypatch.setattr(frame, "st", SimpleNamespace(session_state=state))
    monkeypatch.setattr(tab_store, "reported", lambda: report)
    monkeypatch.setattr(tab_store, "boot_id", lambda: "boot")
    frame._take_kept()
    return state


def test_a_clear_from_another_tab_wins_over_a_copy_written_after_it(monkeypatch):
    record = __import__("json").dumps(DecisionRecord(safety_screen_done=True, patient_initials="KL").model_dump_json())
    kept = f'{{"record": {record}, "clinic": false, "boot": "boot"}}'
    state = _take(monkeypatch, {"kept": kept, "cleared_elsewhere": True, "available": True})
    assert state.get("cleared") is True
    assert state["record"] == DecisionRecord()  # what the message says is true
    # Not a clear of its own (that would tell the other tabs to clear again, and they this one):
    # the run's end writes the empty record, which removes the stale copy (frame._remember).
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
