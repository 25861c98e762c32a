"""What a hospital signs for: the version shown where it is read, the locks, the SBOM, the split of
runtime and build dependencies, and the sample record of README's command-line examples."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from decision.output.pdf import build_pdf
from decision.version import app_version
from tests import records
from tests.conftest import ROOT, app_at, assert_no_exception
from tests.test_pdf import pdf_text

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.M)


def pins(path: Path) -> dict[str, str]:
    return {re.sub(r"[-_.]+", "-", n).lower(): v for n, v in PIN.findall(path.read_text(encoding="utf-8"))}


def test_the_version_is_a_release_and_the_installed_one():
    assert re.fullmatch(r"\d+\.\d+\.\d+", VERSION), VERSION
    # The app reads the installed metadata: a stale install shows an old version on About and paper.
    assert app_version() == VERSION, "reinstall the project: pip install --no-deps --no-build-isolation -e ."


def test_the_changelog_has_an_entry_for_this_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog
    assert re.search(rf"^## \[{re.escape(VERSION)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.M)


def test_the_about_page_shows_the_app_version(content):
    at = app_at("pages/9_About.py")
    assert_no_exception(at)
    shown = " ".join(m.value for m in at.markdown)
    assert content.pages["about.app_version"].format(version=VERSION) in shown


def test_the_pdf_shows_the_app_version(content):
    data = build_pdf(records.full_record(content), content)
    assert f"App version {VERSION}." in pdf_text(data)


# ---------------------------------------------------------------- dependencies


def test_the_running_app_does_not_need_textstat():
    # textstat (and its 68 MiB pronunciation dictionary) is for the content check and the tests only.
    runtime = pins(ROOT / "requirements.lock")
    assert "textstat" not in runtime and "textstat" not in pins(ROOT / "requirements.txt")
    assert "textstat" in pins(ROOT / "requirements-build.lock")


@pytest.mark.parametrize("name", ["requirements.lock", "requirements-build.lock", "requirements-dev.lock"])
def test_each_lock_pins_every_package_with_hashes_at_the_tested_versions(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    assert not re.search(r"^-e |file://", text, re.M)  # pip --require-hashes refuses an editable line
    for block in re.split(r"\n(?=\S)", text):  # one block per package: its pin, hashes and comments
        if PIN.match(block):
            assert "--hash=sha256:" in block, block.splitlines()[0]
    locked, tested = pins(ROOT / name), pins(ROOT / "constraints.txt")
    assert {n: v for n, v in locked.items() if n in tested and tested[n] != v} == {}
    wanted = pins(ROOT / name.replace(".lock", ".txt"))
    assert {n: v for n, v in wanted.items() if locked.get(n) != v} == {}, f"run `bash .ci/lock` ({name} is stale)"


def test_the_locks_agree_with_each_other():
    locks = ("requirements.lock", "requirements-build.lock", "requirements-dev.lock")
    runtime, build, dev = (pins(ROOT / n) for n in locks)
    assert runtime.items() <= build.items() <= dev.items()


# ---------------------------------------------------------------- the SBOM (README, "Deploying")


def test_the_readme_sbom_command_lists_the_runtime_packages(tmp_path):
    tool = Path(sys.executable).parent / "cyclonedx-py"
    if not tool.exists():
        found = shutil.which("cyclonedx-py")
        assert found, "cyclonedx-py is not installed: it is pinned in requirements-build.txt"
        tool = Path(found)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"^\.venv/bin/cyclonedx-py (.+) -o sbom\.cdx\.json$", readme, re.M)
    assert command, "README's SBOM command is missing"
    out = tmp_path / "sbom.cdx.json"
    run = subprocess.run([str(tool), *command.group(1).split(), "-o", str(out)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    bom = json.loads(out.read_text(encoding="utf-8"))
    assert bom["bomFormat"] == "CycloneDX" and re.fullmatch(r"1\.\d+", bom["specVersion"])
    assert bom["metadata"]["component"]["name"] == "spine-aid"
    assert bom["metadata"]["component"]["version"] == VERSION
    components = {c["name"].lower(): c for c in bom["components"]}
    assert components["streamlit"]["version"] == pins(ROOT / "requirements.lock")["streamlit"]
    assert components["streamlit"]["purl"] == f"pkg:pypi/streamlit@{components['streamlit']['version']}"
    assert "textstat" not in components  # the image's packages, not the build's
    assert set(components) == set(pins(ROOT / "requirements.lock"))
    # Valid against CycloneDX's own schema (cyclonedx-python-lib ships it).
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator

    errors = JsonStrictValidator(SchemaVersion.from_version(bom["specVersion"])).validate_str(out.read_text())
    assert errors is None, errors


# ---------------------------------------------------------------- README's sample record


@pytest.mark.parametrize("command", ["assess", "compare", "summary"])
def test_the_sample_record_is_accepted_by_the_commands(command, tmp_path):
    sample = ROOT / "docs" / "sample-record.json"
    extra = ["-o", str(tmp_path / "out.pdf")] if command == "summary" else []
    run = subprocess.run([sys.executable, "-m", "decision", command, str(sample), *extra],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    if command == "summary":
        assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF-")
    else:
        json.loads(run.stdout)
