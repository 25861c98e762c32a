"""The clinical sign-off (issue 25, item 3): content/signoff.yaml, check-content's warning, the About page.

Only a sign-off of exactly the content in use (its version and its hash) counts. With none, About says
plainly that no clinician has reviewed this version and check-content warns (its exit code unchanged);
once the content changes after a sign-off, both say so again. A broken or hostile sign-off file is one
plain message, never a traceback, never its own text echoed, and never a claim of review.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from decision.content import CONTENT_DIR, content_files, content_fingerprint
from decision.content.signoff import SIGNOFF_FILE, SignOffError, load_signoffs, sign_off_status
from tests.conftest import app_at, assert_no_exception
from tests.hostile_files import FORBIDDEN_IN_MESSAGE

ROOT = Path(__file__).resolve().parent.parent
ROLE = "Consultant spine surgeon, clinical lead"


@pytest.fixture
def copy(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def version() -> str:
    return yaml.safe_load((CONTENT_DIR / "meta.yaml").read_text(encoding="utf-8"))["content_version"]


def sign(root: Path, **changes) -> None:
    entry = {"role": ROLE, "date": "2026-12-07", "scope": "The whole review pack",
             "content_version": version(), "content_hash": content_fingerprint(root), **changes}
    (root / SIGNOFF_FILE).write_text(yaml.safe_dump({"signoffs": [entry]}), encoding="utf-8")


def check_content(root: Path):
    return subprocess.run([sys.executable, "-m", "decision", "check-content", "--root", str(root)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def about_text(root: Path, monkeypatch) -> str:
    from ui.about import sign_off

    monkeypatch.setenv("SPINE_AID_CONTENT", str(root))
    sign_off.clear()
    try:
        at = app_at("pages/9_About.py")
        assert_no_exception(at)
        return " ".join(m.value for m in at.markdown)
    finally:
        sign_off.clear()


def test_the_shipped_record_is_empty_and_outside_the_hash(copy):
    assert load_signoffs(CONTENT_DIR) == ()
    assert SIGNOFF_FILE not in {p.relative_to(CONTENT_DIR).as_posix() for p in content_files(CONTENT_DIR)}
    before = content_fingerprint(copy)
    sign(copy)
    assert content_fingerprint(copy) == before, "signing must not change the hash it signs"


def test_no_signoff_warns_and_about_says_not_reviewed(content, copy, monkeypatch):
    out = check_content(copy)
    assert out.returncode == 0, out.stderr
    assert "Content is valid" in out.stdout
    assert out.stderr.strip().startswith("Warning: no clinician has signed off this content")
    assert len(out.stderr.strip().splitlines()) == 1
    text = about_text(copy, monkeypatch)
    assert content.pages["about.not_reviewed"].split(".")[0] in text
    assert content.pages["about.reviewed"] not in text


def test_a_matching_signoff_is_shown_and_silences_the_warning(content, copy, monkeypatch):
    sign(copy)
    status = sign_off_status(version(), copy)
    assert status.current and status.warning() is None
    out = check_content(copy)
    assert out.returncode == 0 and "Warning" not in out.stderr
    assert "Signed off" in out.stdout and ROLE in out.stdout
    text = about_text(copy, monkeypatch)
    assert content.pages["about.reviewed"] in text
    assert content.pages["about.not_reviewed"].split(".")[0] not in text
    assert ROLE in text and "2026-12-07" in text  # in the escaped table


def test_content_changed_after_the_signoff_warns_again(content, copy, monkeypatch):
    sign(copy)
    meta = copy / "meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "\n# a later edit\n", encoding="utf-8")
    status = sign_off_status(version(), copy)
    assert not status.current and status.last is not None
    out = check_content(copy)
    assert out.returncode == 0
    assert "Warning: the content changed after the last sign-off (2026-12-07" in out.stderr
    text = about_text(copy, monkeypatch)
    assert content.pages["about.not_reviewed"].split(".")[0] in text and ROLE not in text


def test_a_signoff_of_another_version_does_not_count(copy):
    sign(copy, content_version="0.9.0")
    assert not sign_off_status(version(), copy).current


def test_the_latest_matching_signoff_is_the_one_shown(copy):
    entry = {"role": ROLE, "scope": "The whole review pack", "content_version": version(),
             "content_hash": content_fingerprint(copy)}
    data = {"signoffs": [{**entry, "date": "2026-12-09", "role": "Later reviewer"}, {**entry, "date": "2026-12-01"}]}
    (copy / SIGNOFF_FILE).write_text(yaml.safe_dump(data), encoding="utf-8")
    status = sign_off_status(version(), copy)
    assert status.signed is not None and status.signed.role == "Later reviewer"


GOOD = ("  - role: Surgeon\n    date: 2026-12-07\n    scope: All\n    content_version: '1.1.0'\n"
        "    content_hash: " + "a" * 64 + "\n")
HOSTILE: list[tuple[str, bytes, str]] = [
    ("not-yaml", b"signoffs: [\n  - {role: ", "not valid YAML"),
    ("not-utf8", b"signoffs: []\n# \xff\xfe\n", "not UTF-8"),
    ("a-bare-list", b"- role: x\n", "expected 'signoffs:'"),
    ("not-a-list", b"signoffs: click me http://evil.example/\n", "field signoffs"),
    ("too-large", b"signoffs: []\n#" + b"x" * 70_000 + b"\n", "too large"),
    ("markup-role", ("signoffs:\n" + GOOD.replace("Surgeon", "\"<img src='http://evil.example/pixel.png'>\""))
     .encode(), "field role"),
    ("markdown-scope", ("signoffs:\n" + GOOD.replace("scope: All", "scope: '[click me](http://evil.example/)'"))
     .encode(), "field scope"),
    ("ansi-role", ("signoffs:\n" + GOOD.replace("Surgeon", '"\\e[31mRED\\e[0m"')).encode(), "field role"),
    ("unknown-field", ("signoffs:\n" + GOOD + "    \"<img src='http://evil.example/'>\": 1\n").encode(),
     "does not know"),
    ("bad-hash", ("signoffs:\n" + GOOD.replace("a" * 64, "evil" * 16)).encode(), "field content_hash"),
    ("bad-date", ("signoffs:\n" + GOOD.replace("2026-12-07", "click me")).encode(), "field date"),
    ("entry-not-a-mapping", b"signoffs:\n  - http://evil.example/\n", "entry 1"),
    ("deep", b"signoffs: " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested too deeply"),
    ("aliases", b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nsignoffs: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
     "entry 1"),
]


@pytest.mark.parametrize("case, data, words", HOSTILE, ids=[c[0] for c in HOSTILE])
def test_a_broken_or_hostile_signoff_file_is_one_plain_message(copy, case, data, words):
    (copy / SIGNOFF_FILE).write_bytes(data)
    with pytest.raises(SignOffError) as caught:
        load_signoffs(copy)
    message = str(caught.value)
    assert words in message and SIGNOFF_FILE in message and "\n" not in message
    assert not any(bad in message for bad in FORBIDDEN_IN_MESSAGE), message
    status = sign_off_status(version(), copy)
    assert not status.current and status.problem == message
    warning = status.warning()
    assert warning is not None and warning.startswith("Warning: ") and "counts as no sign-off" in warning


def test_check_content_and_about_stay_calm_on_a_hostile_file(content, copy, monkeypatch):
    (copy / SIGNOFF_FILE).write_bytes(HOSTILE[5][1])  # markup in the role
    out = check_content(copy)
    assert out.returncode == 0 and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and "evil" not in out.stderr
    text = about_text(copy, monkeypatch)
    assert content.pages["about.not_reviewed"].split(".")[0] in text and "evil" not in text
