"""python -m decision: check-content, assess, and their errors (exit code 2, one plain line)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "decision", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60)


def write(tmp_path, data, name="record.json") -> str:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else json.dumps(data).encode())
    return str(path)


def test_check_content_passes_on_the_shipped_content():
    out = run("check-content")
    assert out.returncode == 0, out.stderr
    assert "Content is valid" in out.stdout


def test_assess_prints_the_result_as_json(tmp_path):
    record = {
        "schema_version": 1, "diagnosis": "disc_herniation", "procedure": "microdiscectomy", "symptom_weeks": 8,
        "red_flags": [], "pain_leg": 6,
        "treatments": [{"kind": "physical_therapy", "weeks": 6, "helped": "no"},
                       {"kind": "nsaid", "weeks": 6, "helped": "no"}],
    }
    out = run("assess", write(tmp_path, record))
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert set(result) == {"status", "red_flag", "missing", "reasons", "sources", "surgeon_to_confirm"}
    assert result["status"] == "criteria_met"
    # At home the surgeon has not yet said whether the scan matches the symptoms.
    assert result["surgeon_to_confirm"] and "scan" in result["surgeon_to_confirm"][0]


def test_assess_reports_an_emergency(tmp_path):
    out = run("assess", write(tmp_path, {"schema_version": 1, "red_flags": ["bladder_problems"]}))
    result = json.loads(out.stdout)
    assert result["status"] == "emergency" and result["red_flag"] == "emergency"


@pytest.mark.parametrize(
    "flags, status, red_flag",
    [
        (["cancer_history", "worsening_leg_weakness"], "emergency", "emergency"),
        (["fever_or_feeling_unwell"], "urgent", "urgent"),
        (["cancer_history"], "soon", "soon"),
        ([], "criteria_met", None),
    ],
)
def test_assess_prints_the_red_flag_level_beside_the_readiness_status(tmp_path, flags, status, red_flag):
    record = {
        "schema_version": 3, "safety_screen_done": True, "red_flags": flags, "diagnosis": "disc_herniation",
        "procedure": "microdiscectomy", "symptom_weeks": 8, "pain_leg": 6,
        "treatments": [{"kind": "physical_therapy", "weeks": 6, "helped": "no"},
                       {"kind": "nsaid", "weeks": 6, "helped": "no"}],
    }
    result = json.loads(run("assess", write(tmp_path, record)).stdout)
    assert (result["status"], result["red_flag"]) == (status, red_flag)


def test_assess_says_screen_not_done_for_a_version_2_record_without_the_screen(tmp_path):
    record = {"schema_version": 2, "diagnosis": "disc_herniation", "procedure": "microdiscectomy", "symptom_weeks": 8}
    result = json.loads(run("assess", write(tmp_path, record)).stdout)
    assert result["status"] == "screen_not_done" and result["red_flag"] is None


@pytest.mark.parametrize(
    "data",
    [
        b"this is not json",
        {"schema_version": 1, "diagnosis": "flu"},
        {"schema_version": 7},
        {"schema_version": 1, "symptom_weeks": "ten"},
        b"{" + b" " * 1_100_000 + b"}",
    ],
    ids=["not-json", "wrong-value", "future-version", "wrong-type", "over-1MB"],
)
def test_assess_bad_files_exit_2_with_one_plain_line(tmp_path, data):
    out = run("assess", write(tmp_path, data))
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.stderr


def test_assess_missing_file_exits_2(tmp_path):
    out = run("assess", str(tmp_path / "nope.json"))
    assert out.returncode == 2
    assert "no file" in out.stderr
