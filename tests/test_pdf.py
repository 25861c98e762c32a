"""The printable summary: built on the server, every answer in its text layer, and the Summary page."""

from __future__ import annotations

from decision.fusion_plan import plan_lines

import io
import json
import re
import subprocess
import sys
from datetime import date

import pytest
from pypdf import PdfReader

from decision.icon_array import AFFECTED
from decision.pdf import build_pdf
from decision.record import DecisionRecord
from decision.summary import OptionFigures, build_summary
from tests import records
from tests.conftest import ROOT, app_at, assert_no_exception
from tests.svg_spec import arrays_in
from tests.test_summary import fitting_content

SUMMARY_PAGE = "pages/8_Summary.py"


def pdf_button(at):
    """The page's PDF button (the sidebar has its own download button, for the save file)."""
    found = [b for b in at.get("download_button") if b.key == "download_pdf"]
    assert len(found) == 1
    return found[0]


def pdf_text(data: bytes) -> str:
    """The PDF's text layer with runs of white space made single spaces (lines wrap anywhere)."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def fill_colours(data: bytes) -> set[tuple[float, float, float]]:
    reader = PdfReader(io.BytesIO(data))
    found = set()
    for page in reader.pages:
        stream = page.get_contents().get_data().decode("latin-1")
        for r, g, b in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) rg", stream):
            found.add((round(float(r) * 255), round(float(g) * 255), round(float(b) * 255)))
    return found


def filled_boxes(data: bytes) -> int:
    """How many filled rectangles the pages paint (table cell backgrounds would be some)."""
    reader = PdfReader(io.BytesIO(data))
    return sum(len(re.findall(r"re (?:f|B)\b", p.get_contents().get_data().decode("latin-1"))) for p in reader.pages)


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


@pytest.fixture(scope="module")
def full_pdf(content) -> tuple[DecisionRecord, bytes]:
    record = records.full_record(content)
    return record, build_pdf(record, content)


# ---------------------------------------------------------------- what the PDF holds


def test_the_pdf_of_a_full_record_holds_every_field(content, full_pdf):
    record, data = full_pdf
    text = pdf_text(data)
    p = content.pages
    expected = [
        content.meta.name,
        f"Content version {content.meta.content_version}",
        f"Patient initials: {record.patient_initials}",
        p[f"diagnosis.{record.diagnosis}"],
        *(content.program.treatment_names[t.kind] for t in record.treatments),
        *(words for _, words in plan_lines(record.fusion_plan, content)),
        records.CONFIRMED_DIAGNOSIS, records.IMAGING, records.SURGEON_NOTES, records.PATIENT_FUSION_NOTE,
        *records.OWN_CONCERNS,
        *records.QUESTIONS,
        content.deliberation.leaning_options[record.leaning],
        content.deliberation.decision_roles[record.decision_role],
        "2 out of 4: possible decisional conflict", "4 out of 4",
        "53.3 out of 100",
        f"{p['option.fusion']}, on 2026-12-01",
        "Patient signature", "Surgeon signature",
    ]
    for value in expected:
        assert " ".join(value.split()) in text, value
    assert text.count("Date") >= 2
    citations = build_summary(record, content).citations
    assert citations, "a full record cites the sources of its readiness result"
    for citation in citations:
        assert " ".join(citation.split())[:40] in text, citation


def test_symbols_and_accents_print(content):
    record = records.full_record(content).model_copy(
        update={"own_concerns": ["Café visits, “quoted” words, ≥ 2 hours – maybe"]}
    )
    text = pdf_text(build_pdf(record, content))
    assert "≥" in text and "–" in text
    assert "Café visits, “quoted” words, ≥ 2 hours – maybe" in text


def test_free_text_markup_prints_literally(content, full_pdf):
    text = pdf_text(full_pdf[1])
    assert "<b>x</b>" in text and "**y**" in text


def test_a_full_record_fits_in_one_to_three_a4_pages(full_pdf):
    data = full_pdf[1]
    assert data.startswith(b"%PDF-")
    assert 1 <= page_count(data) <= 3
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points


def test_an_empty_record_prints_not_answered(content):
    text = pdf_text(build_pdf(DecisionRecord(), content))
    assert "Not answered" in text and "Not recorded" in text and "Patient signature" in text


def test_every_page_has_a_footer_with_page_number_and_content_version(full_pdf, content):
    reader = PdfReader(io.BytesIO(full_pdf[1]))
    n = len(reader.pages)
    for i, page in enumerate(reader.pages, start=1):
        line = " ".join(page.extract_text().split())
        assert f"page {i} of {n}" in line and f"content version {content.meta.content_version}" in line


def test_a_red_flag_pdf_leads_with_the_action(content):
    record = records.full_record(content).model_copy(update={"red_flags": ["bladder_problems"]})
    text = pdf_text(build_pdf(record, content))
    action = content.red_flags.levels["emergency"]
    assert text.index(action.title) < text.index("Your back")
    assert " ".join(action.message.split()) in text


def test_the_alert_colour_does_not_spill_into_the_sections_after_it(content, full_pdf):
    assert filled_boxes(full_pdf[1]) == 0
    record = records.full_record(content).model_copy(update={"red_flags": ["bladder_problems"]})
    assert filled_boxes(build_pdf(record, content)) == 2  # the alert's title and message; no table cell


def test_icon_arrays_are_drawn_in_the_on_screen_colours_for_options_that_fit(content):
    variant, _, _ = fitting_content(content, "spinal_stenosis")
    fits = build_pdf(DecisionRecord(diagnosis="spinal_stenosis"), variant)
    assert hex_rgb(AFFECTED) in fill_colours(fits)
    variant_none, _, _ = fitting_content(content, "spinal_stenosis")
    nothing_fits = build_pdf(DecisionRecord(diagnosis="not_sure"), variant_none)
    assert hex_rgb(AFFECTED) not in fill_colours(nothing_fits)


def test_the_pdf_is_the_same_for_the_same_record_and_day(content):
    record = records.full_record(content)
    day = date(2027, 1, 5)
    assert build_pdf(record, content, today=day) == build_pdf(record, content, today=day)
    assert "Summary made on 2027-01-05" in pdf_text(build_pdf(record, content, today=day))


# ---------------------------------------------------------------- the command line


def test_the_cli_writes_the_summary_pdf(tmp_path, content):
    saved = tmp_path / "record.json"
    saved.write_text(records.full_record(content).to_json(), encoding="utf-8")
    out = tmp_path / "summary.pdf"
    run = subprocess.run([sys.executable, "-m", "decision", "summary", str(saved), "-o", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and 1 <= page_count(data) <= 3
    assert records.SURGEON_NOTES in pdf_text(data)


@pytest.mark.parametrize("body", ["this is not json", json.dumps({"schema_version": 2, "pain_back": 99})])
def test_the_cli_refuses_a_bad_record_with_one_plain_line(tmp_path, body):
    saved = tmp_path / "record.json"
    saved.write_text(body, encoding="utf-8")
    out = tmp_path / "summary.pdf"
    run = subprocess.run([sys.executable, "-m", "decision", "summary", str(saved), "-o", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
    assert not out.exists()


# ---------------------------------------------------------------- the Summary page


def test_the_summary_page_shows_the_summary_and_offers_the_pdf(content):
    at = app_at(SUMMARY_PAGE, record=records.full_record(content))
    assert_no_exception(at)
    button = pdf_button(at)
    assert button.proto.label == "Download the summary (PDF)"
    assert button.proto.ignore_rerun and button.proto.deferred_file_id  # built only on click
    shown = [t.value for t in at.text]
    assert records.SURGEON_NOTES in shown  # plain text, exactly as typed
    figures = [f for b in build_summary(records.full_record(content), content).section("options").blocks
               if isinstance(b, OptionFigures) for f in b.figures]
    panels = len(arrays_in(at))  # each number's icon array is one SVG
    assert panels == sum(1 for f in figures if f.cells)  # the same icon arrays as the PDF
    assert all("<b>x</b>" not in m.value for m in at.markdown)
    assert any("Save my answers" in c.value for c in at.caption)
    assert "w:decision_choice" not in [r.key for r in at.radio]  # the decision is recorded in clinic


def test_in_clinic_the_decision_reached_is_recorded_and_can_be_cleared(content):
    at = app_at(SUMMARY_PAGE, record=DecisionRecord(safety_screen_done=True), clinic=True)
    assert_no_exception(at)
    at.radio(key="w:decision_choice").set_value("microdiscectomy").run()
    at.date_input(key="w:decision_date").set_value(date(2026, 12, 3)).run()
    assert_no_exception(at)
    reached = at.session_state["record"].decision_reached
    assert (reached.choice, reached.on) == ("microdiscectomy", date(2026, 12, 3))
    shown = " ".join(m.value.replace("\\", "") for m in at.markdown)  # answers are shown escaped
    assert f"{content.pages['option.microdiscectomy']}, on 2026-12-03" in shown
    at.button(key="clear_decision").click().run()
    assert at.session_state["record"].decision_reached is None
    assert at.radio(key="w:decision_choice").value is None


def test_the_summary_page_opens_when_a_red_flag_paused_the_walk_and_leads_with_the_action(content):
    record = DecisionRecord(safety_screen_done=True, red_flags=["worsening_leg_weakness"])
    at = app_at(SUMMARY_PAGE, record=record)
    assert_no_exception(at)
    title = content.red_flags.levels["urgent"].title
    assert f"**{title}**" in [e.value for e in at.error]  # the summary's own alert, as well as the banner
    assert content.pages["nav.your_back"] in [h.value for h in at.subheader]  # the rest still shows
    assert pdf_button(at).proto.deferred_file_id


def test_in_clinic_a_red_flag_action_comes_before_the_decision_control(content):
    record = DecisionRecord(safety_screen_done=True, red_flags=["saddle_numbness"])
    at = app_at(SUMMARY_PAGE, record=record, clinic=True)
    assert_no_exception(at)
    title = content.red_flags.levels["emergency"].title
    order = [getattr(e, "value", None) for e in at.main]
    assert order.index(f"**{title}**") < order.index("Decision reached")
