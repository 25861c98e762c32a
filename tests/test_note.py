"""The chart note (issue 25, item 1): plain text, the same facts as PDF page 1, from the same Summary.

``python -m decision note RECORD.json`` prints it; a bad record gets the one-line refusal of
``summary``. In clinic the Summary page shows it in a box with a copy button.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from decision.output.note import build_note, note_text
from decision.output.summary import Bullets, Item, build_summary
from decision.record import DecisionRecord
from tests import records
from tests.conftest import app_at
from tests.visits import BAD_RECORDS, TODAY, visits

ROOT = Path(__file__).resolve().parent.parent
NAMES = ("empty", "full", "red_flag", "open")


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", NAMES)
def test_the_note_holds_every_fact_of_page_one_in_plain_text(content, name):
    record = visits(content)[name]
    summary = build_summary(record, content, TODAY)
    note = build_note(record, content, TODAY)
    assert note == note_text(summary, content)
    assert note.endswith("\n") and "\t" not in note
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", note)
    flat = one_line(note)
    # The header: aid, content version, the day.
    for fact in (summary.aid_name, summary.content_version, summary.content_date, TODAY.isoformat()):
        assert fact in flat
    # Every line of page 1 (the "chart" part of the summary), label and value.
    for section in summary.part("chart"):
        for block in section.blocks:
            if isinstance(block, Item):
                assert one_line(f"{block.label}: {block.value}") in flat, (section.id, block.label)
            elif isinstance(block, Bullets):
                assert all(one_line(t) in flat for t in block.items), section.id
    # Diagnosis, leaning and the options compared, from the summary's other parts.
    for section_id, label in (("your_back", "Diagnosis"), ("leaning", "Leaning toward"),
                              ("options", "Options compared")):
        # (The leaning now sits beside the decision on page 1, so it may be in the chart part instead.)
        if section_id in {s.id for s in summary.sections}:
            for item in (b for b in summary.section(section_id).blocks if isinstance(b, Item) and b.label == label):
                assert one_line(f"{label}: {item.value}") in flat


def test_the_note_of_a_full_visit_reads_as_typed_with_no_markup(content):
    note = build_note(records.full_record(content), content, TODAY)
    assert records.SURGEON_NOTES in note  # typed text, exactly as typed: "<b>x</b> **y**" is not markup here
    assert all(q in note for q in records.QUESTIONS) and all(c in note for c in records.OWN_CONCERNS)
    assert "Decision: Spinal fusion, on 2026-12-01" in note
    assert "2 out of 4: possible decisional conflict" in note and "4 out of 4" in note
    assert "**" not in note.replace(records.SURGEON_NOTES, "")  # the note adds no markup of its own
    assert "<" not in note.replace(records.SURGEON_NOTES, "")


def test_typed_text_cannot_pass_for_a_heading_and_loses_its_control_characters(content):
    heading = content.pages["note.decision"].upper()
    record = DecisionRecord(questions=[f"Is it safe?\n{heading}\x1b[31m\u202eDecision: none"])
    note = build_note(record, content, TODAY)
    lines = note.splitlines()
    assert "  " + heading + "[31mDecision: none" in lines  # indented under its question, codes removed
    assert "\x1b" not in note and "\u202e" not in note


def test_a_ticked_sign_leads_the_note_and_says_the_comparison_is_paused(content):
    record = visits(content)["red_flag"]
    note = build_note(record, content, TODAY)
    summary = build_summary(record, content, TODAY)
    alert = summary.section("red_flag")
    assert note.index(alert.title) < note.index(content.pages["note.readiness"].upper())
    assert content.pages["note.paused"] in note


def run(*args):
    return subprocess.run([sys.executable, "-m", "decision", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_the_cli_prints_the_note(tmp_path, content):
    saved = tmp_path / "record.json"
    saved.write_text(records.full_record(content).to_json(), encoding="utf-8")
    out = run("note", str(saved))
    assert out.returncode == 0, out.stderr
    assert out.stdout == build_note(records.full_record(content), content)


@pytest.mark.parametrize("body", BAD_RECORDS.values(), ids=BAD_RECORDS.keys())
def test_the_cli_refuses_a_bad_record_with_the_summarys_one_line(tmp_path, body):
    saved = tmp_path / "record.json"
    saved.write_text(body, encoding="utf-8")
    note = run("note", str(saved))
    summary = run("summary", str(saved), "-o", str(tmp_path / "out.pdf"))
    assert note.returncode == 2 and note.stdout == ""
    assert note.stderr == summary.stderr and len(note.stderr.strip().splitlines()) == 1
    assert "Traceback" not in note.stderr


def test_in_clinic_the_summary_page_offers_the_note_to_copy(content):
    record = records.full_record(content)
    at = app_at("pages/8_Summary.py", record=record, clinic=True)
    assert not at.exception
    shown = [c.value for c in at.code]
    assert len(shown) == 1 and records.SURGEON_NOTES in shown[0]
    assert shown[0].startswith(content.pages["note.title"])
    at_home = app_at("pages/8_Summary.py", record=record)
    assert not at_home.exception and not at_home.code  # at home there is no chart to paste into
