"""Issue 23: the printed summary tells the story the overview tells.

The figures section prints the diagnosis's introduction, then its overview rows (a benefit, then a
harm, and so on), every arm of each (both arms of a pair), each with its caveat or single-arm
warning under it, then the diagnosis's other comparisons while there is room. Every diagnosis
prints numbers. ``python -m decision summary RECORD.json --text`` prints the words the PDF prints.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from decision.content import load_content
from decision.output.pdf import build_pdf, pdf_text
from decision.output.summary import ComparisonBlock, build_summary
from decision.record import DecisionRecord
from tests import records
from tests.conftest import ROOT

CONTENT = load_content()
WITH_OPTIONS = [d.id for d in CONTENT.template.diagnoses if d.options]
OPERATION = {"disc_herniation": "microdiscectomy", "spinal_stenosis": "laminectomy",
             "degenerative_spondylolisthesis": "fusion", "chronic_low_back_pain": "fusion"}


def flat(text: str) -> str:
    return " ".join(text.split())


def after_compare(diagnosis: str) -> DecisionRecord:
    """A patient who has named her diagnosis and the operation talked about, and compared."""
    return DecisionRecord(safety_screen_done=True, diagnosis=diagnosis, procedure=OPERATION[diagnosis],
                          options_compared=list(CONTENT.decision_for(diagnosis).options))


def blocks(record: DecisionRecord) -> list[ComparisonBlock]:
    return [b for b in build_summary(record, CONTENT).section("options").blocks if isinstance(b, ComparisonBlock)]


def printed(block: ComparisonBlock, text: str) -> bool:
    return flat(f"{block.kind_word}: {block.heading}") in text


def assert_whole(block: ComparisonBlock, text: str) -> None:
    """Its heading, then every arm, then its caveat or single-arm warning, before the next block."""
    at = text.index(flat(f"{block.kind_word}: {block.heading}"))
    for part in (*block.arms, *block.notes):
        found = text.find(flat(part), at)
        assert found > 0, (block.comparison_id, part)
        at = found


@pytest.mark.parametrize("diagnosis", WITH_OPTIONS)
def test_the_cli_prints_the_story_then_every_overview_row_with_all_its_arms_and_caveats(tmp_path, diagnosis):
    saved = tmp_path / "record.json"
    saved.write_text(after_compare(diagnosis).to_json(), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "decision", "summary", str(saved), "--text"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    text = flat(run.stdout)
    intro = flat(CONTENT.decision_for(diagnosis).intro)
    assert intro in text
    overview = [b for b in blocks(after_compare(diagnosis)) if b.overview]
    assert len(overview) == len(CONTENT.decision_for(diagnosis).overview)
    for b in overview:
        assert text.index(intro) < text.index(flat(f"{b.kind_word}: {b.heading}"))
        assert_whole(b, text)


@pytest.mark.parametrize("diagnosis", WITH_OPTIONS)
def test_the_text_is_the_pdf_text(diagnosis):
    record = after_compare(diagnosis)
    from_pdf = flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(build_pdf(record, CONTENT))).pages))
    said = flat(pdf_text(record, CONTENT))
    for b in blocks(record):
        assert printed(b, said) == printed(b, from_pdf), b.comparison_id


def test_both_arms_of_each_randomised_no_difference_result_print(content):
    text = flat(pdf_text(after_compare("disc_herniation"), content))
    assert "Non-operative care: 95 in 100" in text and "Microdiscectomy: 95 in 100" in text  # Peul
    text = flat(pdf_text(after_compare("degenerative_spondylolisthesis"), content))
    assert "Laminectomy: 63 in 100" in text and "Spinal fusion: 63 in 100" in text  # NORDSTEN
    text = flat(pdf_text(after_compare("chronic_low_back_pain"), content))
    assert "Non-operative care: 48 in 100" in text and "Spinal fusion: 50 in 100" in text  # Brox


def test_the_slips_fusion_complication_row_says_complex_fusion(content):
    text = flat(pdf_text(after_compare("degenerative_spondylolisthesis"), content))
    row = text[text.index("Harm: A life-threatening problem"):]
    row = row[:row.index("Source:")]
    assert "Spinal fusion: 6 in 100 (complex fusion)" in row and "complex fusion only" in row


def test_long_term_back_pain_prints_numbers_with_nice_first(content):
    text = flat(pdf_text(after_compare("chronic_low_back_pain"), content))
    assert text.index("NICE") < text.index("4.1 points")  # the MRC trial, after the guidance
    assert re.search(r"Spinal fusion: \d+ in 100", text) and re.search(r"Non-operative care: \d+ in 100", text)


@pytest.mark.parametrize("diagnosis", WITH_OPTIONS)
def test_a_single_arm_number_never_prints_without_its_warning(diagnosis):
    record = DecisionRecord(safety_screen_done=True, diagnosis=diagnosis)  # the most room: extras print too
    text = flat(pdf_text(record, CONTENT))
    single = [b for b in blocks(record) if len(b.arms) == 1 and printed(b, text)]
    assert single
    for b in single:
        assert_whole(b, text)
    if diagnosis == "degenerative_spondylolisthesis":  # SSSS 24 in 100 and its "do not compare"
        ssss = next(b for b in blocks(record) if b.comparison_id == "ssss_reoperation_5y")
        assert printed(ssss, text) and "Do not compare" in " ".join(ssss.notes)


@pytest.mark.parametrize("worst_pain", ["leg", "back"])  # "back" adds the back-pain note to page 2
@pytest.mark.parametrize("diagnosis", WITH_OPTIONS)
def test_a_full_record_prints_every_overview_row_for_every_diagnosis(content, diagnosis, worst_pain):
    """Every overview row prints whole, whatever else the record holds: the rows may take a fourth page
    when the answers fill the first three (the long-term back pain record did: 4 of 7 rows printed)."""
    record = records.full_record(content).model_copy(
        update={"diagnosis": diagnosis, "procedure": OPERATION[diagnosis], "worst_pain": worst_pain})
    pages = len(PdfReader(io.BytesIO(build_pdf(record, content))).pages)
    assert pages <= 4
    text = flat(pdf_text(record, content))
    overview = [b for b in blocks(record) if b.overview]
    on_paper = [b for b in overview if printed(b, text)]
    assert [b.comparison_id for b in on_paper] == [b.comparison_id for b in overview]
    for b in on_paper:
        assert_whole(b, text)
    print(f"\n{diagnosis}, full record: {len(on_paper)} of {len(overview)} overview rows on paper, {pages} pages")


@pytest.mark.parametrize("diagnosis", WITH_OPTIONS)
def test_the_fourth_page_is_only_for_what_is_never_cut(content, diagnosis):
    """A record with short answers keeps to three pages: the overview's rows need no extra page there."""
    record = after_compare(diagnosis)
    assert len(PdfReader(io.BytesIO(build_pdf(record, content))).pages) <= 3


def test_the_cli_needs_an_output_or_text(tmp_path):
    saved = tmp_path / "record.json"
    saved.write_text(json.dumps({"schema_version": 3, "diagnosis": "spinal_stenosis"}), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "decision", "summary", str(saved)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "Traceback" not in run.stderr
