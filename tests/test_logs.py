"""The server's log holds no patient's answer (issue 19): a whole walk with answers no log line
could contain by chance, a refused file that holds them, and an error whose message quotes one.

The logs are set up as ``streamlit run app.py`` sets them (``ui/streamlit_patches.py``: our JSON
handler for our logger and Streamlit's); the walk is driven through the pages' widgets (AppTest).
"""

from __future__ import annotations

import io
import json
import logging

import pytest
from streamlit.testing.v1 import AppTest

from decision.record import DecisionRecord, RecordError, parse_record
from tests.conftest import APP, assert_no_exception
from ui import logs, streamlit_patches
from ui.navigation import START

ANSWERS = ("QZ", "zebra-lantern", "quokka-umbrella", "marmalade-comet", "xylophone-sunrise")


@pytest.fixture
def log_lines():
    buf = io.StringIO()
    logs.configure()
    streamlit_patches._route_streamlit_logs()
    old = logs.HANDLER.setStream(buf)
    try:
        yield lambda: [line for line in buf.getvalue().splitlines() if line.strip()]
    finally:
        logs.HANDLER.setStream(old)


def _go(at: AppTest, page: str) -> None:
    at.switch_page(page).run()
    assert_no_exception(at)


def test_no_answer_of_a_whole_walk_reaches_the_log(log_lines, content):
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["record"] = DecisionRecord()
    at.run()
    at.switch_page(START).run()
    at.checkbox(key="w:flag:none").check().run()
    _go(at, "pages/1_Your_back.py")
    at.text_input(key="w:initials").input("QZ").run()
    at.radio(key="w:diagnosis").set_value("degenerative_spondylolisthesis").run()
    at.number_input(key="w:symptom_weeks").set_value(30).run()
    _go(at, "pages/4_Fusion_questions.py")
    at.text_area(key="w:fusion_patient_notes").input("marmalade-comet").run()
    _go(at, "pages/5_What_matters_to_you.py")
    at.text_input(key="w:concern_new").input("zebra-lantern").run()
    at.button(key="w:concern_add").click().run()
    _go(at, "pages/7_Where_you_are_leaning.py")
    at.text_input(key="w:question_new").input("quokka-umbrella").run()
    at.button(key="w:question_add").click().run()
    at.session_state["clinic_mode"] = True
    _go(at, "pages/1_Your_back.py")
    at.text_area(key="w:confirmed_diagnosis").input("xylophone-sunrise").run()
    _go(at, "pages/8_Summary.py")
    record = at.session_state["record"]
    assert record.patient_initials == "QZ" and "zebra-lantern" in record.own_concerns

    # A file holding the same answers, refused, as the frame logs it.
    bad = json.dumps({**json.loads(record.to_json()), "pain_back": "zebra-lantern"})
    with pytest.raises(RecordError) as refused:
        parse_record(bad)
    logs.refused("file", refused.value)
    # An error whose message quotes an answer, logged by Streamlit's script runner as it does.
    try:
        raise ValueError("could not use 'zebra-lantern' for QZ")
    except ValueError as exc:
        logging.getLogger("streamlit.error_util").error("Uncaught app execution", exc_info=exc)

    lines = log_lines()
    events = [json.loads(line) for line in lines]  # every line is one JSON object
    assert any(e.get("event") == "record_refused" and e["reason"] == "wrong_value" for e in events), events
    error = next(e for e in events if e.get("error") == "ValueError")
    assert error["where"].startswith("tests/test_logs.py:")
    text = "\n".join(lines)
    for answer in ANSWERS:
        assert answer not in text, (answer, text)
    assert "Traceback" not in text
