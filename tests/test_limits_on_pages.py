"""The pages never build a record the loader would refuse, and say so plainly at a limit."""

from __future__ import annotations

import re

from decision.record import DecisionRecord, parse_record
from tests.conftest import app_at, assert_no_exception
from ui.save_open import plain_markdown


def test_a_41st_question_is_refused_with_a_plain_message(content):
    record = DecisionRecord(safety_screen_done=True, questions=[f"My question number {i}?" for i in range(40)])
    at = app_at("pages/7_Where_you_are_leaning.py", record)
    assert_no_exception(at)
    assert at.button(key="w:question_add").disabled
    suggested = [c for c in at.checkbox if c.key.startswith("w:question:")]
    assert suggested and all(c.disabled for c in suggested if not c.value)
    assert content.pages["limit.questions"] in [c.value for c in at.caption]
    saved = at.session_state["record"]
    assert len(saved.questions) == 40
    assert parse_record(saved.to_json()) == saved


def test_a_21st_concern_is_refused_with_a_plain_message(content):
    record = DecisionRecord(safety_screen_done=True, own_concerns=[f"Concern {i}" for i in range(20)])
    at = app_at("pages/5_What_matters_to_you.py", record)
    assert_no_exception(at)
    assert at.button(key="w:concern_add").disabled
    assert content.pages["limit.concerns"] in [c.value for c in at.caption]


def test_a_load_message_is_escaped_so_no_markup_forms():
    hostile = "![x](http://evil.example/a.png) $x$ :red[y] <img src=x> [l](http://e) *b* `c` \x1b[31m"
    escaped = plain_markdown(hostile)
    assert "\x1b" not in escaped
    unescaped_punctuation = re.findall(r"[!-/:-@\[-`{-~]", re.sub(r"\\.", "", escaped))
    assert unescaped_punctuation == []
    assert escaped.replace("\\", "") == hostile.replace("\x1b", " ")
