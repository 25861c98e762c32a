"""Every hostile file is refused in one plain line, by the loader and by the command line.

The corpus is tests/hostile_files.py. The browser upload of a sample is in
tests/browser/test_hostile_upload.py.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from decision.__main__ import main
from decision.record import RecordError, parse_record
from tests.hostile_files import BIDI, CASES, FORBIDDEN_IN_MESSAGE, OPENED_CLEAN, PASTED

ROOT = Path(__file__).resolve().parent.parent
IDS = [case[0] for case in CASES]


def assert_plain(message: str, words: str) -> None:
    assert words in message, message
    assert "\n" not in message and "Traceback" not in message
    assert len(message) <= 300, message
    assert message.isprintable(), repr(message)
    for bad in FORBIDDEN_IN_MESSAGE:
        assert bad not in message, (bad, message)


def test_the_corpus_has_at_least_60_files():
    assert len(CASES) >= 60


@pytest.mark.parametrize("name, raw, words", CASES, ids=IDS)
def test_the_loader_refuses_each_hostile_file_in_one_plain_sentence(name, raw, words):
    started = time.perf_counter()
    with pytest.raises(RecordError) as err:
        parse_record(raw)
    assert time.perf_counter() - started < 5, "parsing a 1 MB file at most must not hang"
    assert_plain(str(err.value), words)


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


@pytest.mark.parametrize("name, raw", OPENED_CLEAN, ids=[c[0] for c in OPENED_CLEAN])
def test_a_file_with_pasted_controls_opens_without_them(name, raw):
    """Issue 21: what older versions stored opens; no control or bidi character reaches a page."""
    rec = parse_record(raw)
    for text in _texts(rec.model_dump(mode="json")):
        assert not set(text) & (set(PASTED.replace("\x85", "")) | set(BIDI)), (name, text)
        assert all(c in "\n\t" or c.isprintable() for c in text), (name, text)
    assert parse_record(rec.to_json()) == rec  # and saves as a file that opens again


@pytest.mark.parametrize("command", ["assess", "summary", "compare"])
@pytest.mark.parametrize("name, raw, words", CASES, ids=IDS)
def test_the_command_line_refuses_each_hostile_file_in_one_plain_line(command, name, raw, words, tmp_path, capsys):
    path = tmp_path / "record.json"
    path.write_bytes(raw)
    out_pdf = tmp_path / "out.pdf"
    argv = [command, str(path)] + (["-o", str(out_pdf)] if command == "summary" else [])
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err[:500]
    assert_plain(lines[0], words)
    assert not out_pdf.exists()


SAMPLE = ["surrogate-own-concerns", "5000-digit-int", "nested-1500-lists", "ansi-as-key", "image-as-field",
          "100KB-key", "yes-for-true"]


@pytest.mark.parametrize("name", SAMPLE)
def test_a_real_process_prints_one_line_and_exits_2(name, tmp_path):
    raw, words = next((r, w) for n, r, w in CASES if n == name)
    path = tmp_path / "record.json"
    path.write_bytes(raw)
    out = subprocess.run([sys.executable, "-m", "decision", "assess", str(path)], cwd=ROOT, capture_output=True,
                         timeout=60)
    assert out.returncode == 2
    assert out.stdout == b""
    err = out.stderr.decode("utf-8")
    assert len(err.splitlines()) == 1, err[:500]
    assert_plain(err.strip(), words)
    assert b"\x1b" not in out.stderr
