"""A ticked sign is never cleared by a file: issue 21's critical finding.

After ticking a sign (the banner shows, the walk pauses), opening a save file without that sign
kept the file's answers whole, so the sign was gone and the only message was "Your saved answers
are open". Now the sign stays ticked, the patient is told so in plain words, and "I ticked this by
mistake" is its own choice on the safety screen.

AppTest has no file upload, so ``st.file_uploader`` is replaced by one that hands the frame a file.
"""

from __future__ import annotations

import itertools

import streamlit as st

from decision.record import DecisionRecord
from tests.conftest import app_at, assert_no_exception

_ids = itertools.count()


class _File:
    def __init__(self, raw: bytes):
        self.file_id = f"file-{next(_ids)}"
        self._raw = raw

    def getvalue(self) -> bytes:
        return self._raw


def _upload(monkeypatch, raw: bytes):
    original = st.file_uploader
    upload = _File(raw)

    def fake(label, *args, key=None, **kwargs):
        if key == "load_record":
            original(label, *args, key=key, **kwargs)
            return upload
        return original(label, *args, key=key, **kwargs)

    monkeypatch.setattr(st, "file_uploader", fake)


SAVED = DecisionRecord(safety_screen_done=True, diagnosis="disc_herniation", patient_initials="KL").to_json().encode()


def _ticked_then_loaded(monkeypatch, content):
    at = app_at()
    at.checkbox(key="w:flag:saddle_numbness").check().run()
    assert at.session_state["record"].red_flags == ["saddle_numbness"]
    _upload(monkeypatch, SAVED)
    at.run()
    assert_no_exception(at)
    return at


def test_opening_a_file_without_the_ticked_sign_keeps_the_sign_and_says_so(monkeypatch, content):
    at = _ticked_then_loaded(monkeypatch, content)
    rec = at.session_state["record"]
    assert rec.red_flags == ["saddle_numbness"]  # kept
    assert (rec.diagnosis, rec.patient_initials) == ("disc_herniation", "KL")  # and the file is open
    p = content.pages
    emergency = content.red_flags.levels["emergency"].title
    assert any(emergency in e.value for e in at.error), "the emergency box is still in view"
    assert any(p["frame.opened_sign_kept"] in s.value.replace("\\", "") for s in at.success)
    assert any(p["start.sign_kept"] in w.value for w in at.warning)
    assert at.checkbox(key="w1:flag:saddle_numbness").value is True


def test_i_ticked_this_by_mistake_removes_only_the_kept_sign(monkeypatch, content):
    at = _ticked_then_loaded(monkeypatch, content)
    at.button(key="sign_kept_mistake").click().run()
    assert_no_exception(at)
    rec = at.session_state["record"]
    assert rec.red_flags == []
    assert rec.safety_screen_done is True  # the file's answer: none apply
    assert not at.error
    assert at.checkbox(key="w1:flag:saddle_numbness").value is False


def test_a_file_with_its_own_signs_keeps_both(monkeypatch, content):
    at = app_at()
    at.checkbox(key="w:flag:night_pain").check().run()
    _upload(monkeypatch, DecisionRecord(safety_screen_done=True, red_flags=["cancer_history"]).to_json().encode())
    at.run()
    assert_no_exception(at)
    assert sorted(at.session_state["record"].red_flags) == ["cancer_history", "night_pain"]
