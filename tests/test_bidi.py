"""Bidirectional controls cannot make the screen and the paper disagree (issue 21).

A right-to-left override (U+202E) makes a browser draw "?egamad evren" for "nerve damage?", while
the PDF, which does not apply the bidirectional algorithm, prints the letters in stored order. The
controls are removed where text is typed and as a file is read (decision/text.py), so both show
the same words.
"""

from __future__ import annotations

import io

import pypdf
import pytest

from decision.output.pdf import build_pdf
from decision.record import DecisionRecord, parse_record
from decision.text import BIDI_CONTROLS
from tests.conftest import app_at, assert_no_exception
from tests.hostile_files import OPENED_CLEAN

QUESTION = "What is the risk of nerve damage?"


def _pdf_text(record, content) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(build_pdf(record, content))).pages)


@pytest.mark.parametrize("control", list(BIDI_CONTROLS), ids=[f"U+{ord(c):04X}" for c in BIDI_CONTROLS])
def test_a_file_with_a_bidi_control_shows_the_same_words_on_screen_and_paper(control, content):
    raw = DecisionRecord(safety_screen_done=True).model_dump()
    raw["questions"] = [f"{control}{QUESTION}{control}"]
    raw["own_concerns"] = [f"pay {control}100{control} now"]
    import json

    rec = parse_record(json.dumps(raw, default=str))
    assert rec.questions == [QUESTION] and rec.own_concerns == ["pay 100 now"]
    paper = _pdf_text(rec, content)
    assert not set(paper) & set(BIDI_CONTROLS)
    assert "nerve damage?" in paper
    at = app_at("pages/8_Summary.py", rec)
    assert_no_exception(at)
    shown = " ".join(str(getattr(e, "value", "")) for e in at.main)
    assert QUESTION in shown and not set(shown) & set(BIDI_CONTROLS)


def test_a_question_typed_with_an_override_is_kept_without_it(content):
    at = app_at("pages/7_Where_you_are_leaning.py")
    at.text_input(key="w:question_new").input("\u202e" + QUESTION + "\u2066").run()
    at.button(key="w:question_add").click().run()
    assert_no_exception(at)
    assert QUESTION in at.session_state["record"].questions


def test_the_hostile_bidi_file_opens_with_the_words_in_their_order():
    raw = dict(OPENED_CLEAN)["bidi-override-reverses-a-question"]
    rec = parse_record(raw)
    assert rec.questions == [QUESTION] and rec.own_concerns == ["pay 100 now", "ok."]
    assert rec.fusion_patient_notes == "not sure"
