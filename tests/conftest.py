"""Shared fixtures: the real content, loaded once, a copy of it to break, and an AppTest factory."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from decision.content import CONTENT_DIR, load_content
from decision.record import DecisionRecord

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")


@pytest.fixture(scope="session")
def content():
    return load_content()


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A copy of content/ a test may break, to show check-content refuses it."""
    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy)
    return copy


def break_content(copy: Path, rel: str, old: str, new: str, *, once: bool = False) -> None:
    """Replace the first ``old`` in the copy's file ``rel`` with ``new`` (``once``: ``old`` must occur once)."""
    path = copy / rel
    text = path.read_text(encoding="utf-8")
    assert (text.count(old) == 1) if once else (old in text), old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_content(copy: Path, rel: str, change) -> None:
    """Load the copy's YAML file ``rel``, let ``change`` edit the data in place, and write it back."""
    path = copy / rel
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def check_content_on(root: Path) -> subprocess.CompletedProcess:
    """``python -m decision check-content --root ROOT``, as a clinic runs it: its exit code and output."""
    return subprocess.run([sys.executable, "-m", "decision", "check-content", "--root", str(root)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


def app_at(page: str | None = None, record: DecisionRecord | None = None, *, clinic: bool = False) -> AppTest:
    """An AppTest on ``page`` (a path like "pages/3_Compare_your_options.py"), already run.

    The record defaults to one whose safety screen is answered with no red flags, so the
    page is not held behind the safety gate.
    """
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["record"] = record if record is not None else DecisionRecord(safety_screen_done=True)
    at.session_state["clinic_mode"] = clinic
    at.run()
    if page:
        at.switch_page(page).run()
    return at


def assert_no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
