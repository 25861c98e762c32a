"""The printable summary: built on the server, every answer in its text layer, and the Summary page."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from datetime import date
from typing import get_args

import pytest
from pypdf import PdfReader

from decision.compare.fusion_plan import plan_lines
from decision.compare.icon_array import AFFECTED, GOOD, HARM
from decision.content import Diagnosis
from decision.output.pdf import MAX_PAGES, build_pdf
from decision.output.summary import build_summary
from decision.record import DecisionReached, DecisionRecord
from tests import records
from tests.conftest import ROOT, app_at, assert_no_exception
from tests.svg_spec import arrays_in

SUMMARY_PAGE = "pages/8_Summary.py"
DIAGNOSES = get_args(Diagnosis)


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
        records.LEVELS, p["next_step.surgery_scheduled"], p["visit.levels"], p["visit.next_step"],
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
    summary = build_summary(record, content)
    assert summary.text_source_ids, "a full record cites the sources of its readiness result"
    for source_id in summary.text_source_ids:
        assert " ".join(content.source(source_id).citation.split())[:40] in text, source_id
    numbers = {int(n) for n in re.findall(r"Source \[(\d+)\]", text)}
    assert all(f" {n}. " in text for n in numbers)  # every number has its entry
    # each comparison on paper names its own source in a short line (issue 23: the list stays short)
    assert re.search(r"Source: [^.]+, et al\., [^.]+, \d{4}, (PMID|doi) ", text)


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
    assert "Not answered" in text and content.pages["summary.no_decision"] in text and "Patient signature" in text


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


def test_benefit_and_harm_rows_are_marked_in_the_on_screen_colours_for_options_that_fit(content):
    fits = fill_colours(build_pdf(DecisionRecord(diagnosis="chronic_low_back_pain"), content))
    assert hex_rgb(GOOD) in fits and hex_rgb(HARM) in fits  # benefit and harm differ on paper too
    nothing_fits = fill_colours(build_pdf(DecisionRecord(diagnosis="not_sure"), content))
    assert not {hex_rgb(GOOD), hex_rgb(HARM), hex_rgb(AFFECTED)} & nothing_fits


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
    # The numbers are in the same words as on paper, every comparison in one closed layer (issue 24).
    layer = next(e for e in at.expander if e.label == content.pages["summary.all_numbers"])
    assert not layer.proto.expanded
    heads = [m.value.replace("\\", "") for m in layer.markdown]
    for kind in ("benefit", "harm"):
        assert any(h.startswith(f"**{content.template.kinds[kind].word}:") for h in heads), kind
    assert not arrays_in(at)  # the paper has no icon arrays (issue 23: compact), nor has its screen copy
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
    assert at.radio(key="w:decision_choice").value == "microdiscectomy"
    at.button(key="clear_decision").click().run()
    assert at.session_state["record"].decision_reached is None
    assert at.radio(key="w:decision_choice").value is None


@pytest.mark.parametrize("clinic", [False, True])
@pytest.mark.parametrize("leaning", ["fusion", "non_operative"])
def test_the_summary_page_marks_a_leaning_that_differs_from_the_decision(content, clinic, leaning):
    """At home in the summary's decision section, in clinic beside the decision control (issue 23)."""
    record = records.full_record(content).model_copy(update={"leaning": leaning})
    at = app_at(SUMMARY_PAGE, record=record, clinic=clinic)
    assert_no_exception(at)
    mark = content.pages["summary.leaning_differs"]
    shown = [m.value.replace("\\", "") for m in (*at.markdown, *at.warning)]  # markdown escapes
    assert any(mark in value for value in shown) is (leaning != "fusion")
    name = content.deliberation.leaning_options[leaning]
    assert any(name in value for value in shown)


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


# ---------------------------------------------------------------- the chart's page 1 (issue 12)


def page_texts(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def font_sizes(data: bytes) -> dict[float, list[str]]:
    """Every run of text with its size as drawn, from pypdf's text state (Tf size x text matrix x CTM)."""
    sizes: dict[float, list[str]] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = abs(tm[3] or 1) * abs(cm[3] or 1)
            sizes.setdefault(round(size * scale, 2), []).append(text)

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def huge_record(content) -> DecisionRecord:
    """Every free text at its limit, every list at its limit: the largest file the aid accepts."""
    long = ("Word " * 400).strip()[:2000]
    record = records.full_record(content)
    return record.model_copy(update={
        "clinical": record.clinical.model_copy(update={"confirmed_diagnosis": long, "imaging_findings": long,
                                                       "levels": ("L4-L5 and " * 6)[:60]}),
        "fusion_plan": record.fusion_plan.model_copy(update={"surgeon_notes": long}),
        "fusion_patient_notes": long,
        "own_concerns": [f"Concern {i} {long}"[:2000] for i in range(20)],
        "questions": [f"Question {i} {long}"[:2000] for i in range(40)],
        "treatments": [t.model_copy(update={"weeks": 10 + i}) for i in range(6) for t in record.treatments],
    })


def test_page_one_holds_the_chart_in_order(content, full_pdf):
    record, data = full_pdf
    first = page_texts(data)[0]
    p = content.pages
    in_order = [
        content.meta.name,
        f"Content version {content.meta.content_version}",
        "Name", "Date of birth", "Record number",
        f"{p['option.fusion']}, on 2026-12-01",  # the decision reached and its date
        f"Leaning toward {content.deliberation.leaning_options[record.leaning]}",  # beside it (issue 23)
        p["procedure.fusion"],  # the operation proposed
        *(words for _, words in plan_lines(record.fusion_plan, content)),
        "2 out of 4: possible decisional conflict", "4 out of 4",
        content.readiness.status_titles["criteria_met"],
        records.OWN_CONCERNS[0],
        records.QUESTIONS[0],
        "Patient signature", "Surgeon signature",
    ]
    at = -1
    for value in in_order:
        found = first.find(" ".join(value.split()), at + 1)
        assert found > at, value
        at = found
    assert first.count("Date") >= 3  # date of birth, and the date beside each signature


def test_page_one_of_a_red_flag_pdf_starts_with_the_boxed_action(content):
    record = records.full_record(content).model_copy(update={"red_flags": ["bladder_problems"]})
    data = build_pdf(record, content)
    first = page_texts(data)[0]
    action = content.red_flags.levels["emergency"]
    assert first.index("Record number") < first.index(action.title) < first.index("Decision reached")
    assert "Surgeon signature" in first


def test_a_full_record_fills_two_or_three_pages(full_pdf):
    assert 2 <= page_count(full_pdf[1]) <= 3


def test_a_full_record_prints_figures_for_each_option_named(content, full_pdf):
    text = pdf_text(full_pdf[1])
    for option_id in ("non_operative", "fusion"):
        assert content.option(option_id).name in text
    assert "Microdiscectomy" not in text.split(content.pages["summary.figures"], 1)[1]


@pytest.mark.parametrize("which", ["full", "empty", "red_flag", "huge"])
def test_no_text_in_the_pdf_is_smaller_than_9_pt(content, which):
    record = {
        "full": lambda: records.full_record(content),
        "empty": DecisionRecord,
        "red_flag": lambda: DecisionRecord(safety_screen_done=True, red_flags=["cancer_history"]),
        "huge": lambda: huge_record(content),
    }[which]()
    sizes = font_sizes(build_pdf(record, content))
    assert sizes and min(sizes) >= 9, {k: v[:3] for k, v in sizes.items() if k < 9}


def test_a_skipped_question_prints_not_answered(content):
    text = page_texts(build_pdf(DecisionRecord(safety_screen_done=True), content))
    whole = " ".join(text)
    assert "Diagnosis Not answered" in whole and "Operation talked about Not answered" in whole
    assert "Surgeon's proposal Not answered" in text[0]
    p = content.pages
    assert p["diagnosis.not_sure"] not in whole and p["procedure.none_yet"] not in whole


def test_a_red_flag_pdf_prints_no_default_as_an_answer(content):
    whole = pdf_text(build_pdf(DecisionRecord(safety_screen_done=True, red_flags=["saddle_numbness"]), content))
    p = content.pages
    assert p["diagnosis.not_sure"] not in whole and p["procedure.none_yet"] not in whole
    assert "Options" not in whole
    assert all(content.option(o).name not in whole for o in content.template.option_order)


def test_the_largest_accepted_record_stays_within_the_page_budget(content):
    """Every free text at its limit: the surgeon's notes print whole (a fourth page only for what
    they took off page one), everything else typed is still cut, with the "continued" sentence."""
    record = huge_record(content)
    data = build_pdf(record, content)
    assert page_count(data) <= MAX_PAGES + 1
    text = pdf_text(data)
    assert " ".join(content.pages["summary.continued"].split()) in text
    assert text.count("Word") < 5 * 400  # the other texts at their limit were cut
    first = page_texts(data)[0]
    assert "Surgeon signature" in first and "Surgeon's notes Word" in first
    assert " ".join(content.pages["summary.notes_overleaf"].split()) in first
    assert notes_in_order(text, record.fusion_plan.surgeon_notes)


def test_a_full_record_with_short_notes_keeps_to_three_pages(content, full_pdf):
    assert page_count(full_pdf[1]) <= MAX_PAGES
    assert pdf_text(full_pdf[1]).count(" ".join(records.SURGEON_NOTES.split())) == 1


def numbered_notes(length: int) -> str:
    """Surgeon's notes of ``length`` characters whose words are numbered, to find each in order."""
    words = " ".join(f"n{i:04d}" for i in range(length // 6 + 1))[:length - 1]
    return words + "." if not words.endswith(" ") else words[:-1] + ".."


def notes_in_order(text: str, notes: str) -> bool:
    """Every word of ``notes`` in ``text``, in order (a heading may stand between two pages' parts)."""
    at = -1
    for word in notes.split():
        at = text.find(word, at + 1)
        if at < 0:
            return False
    return True


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
@pytest.mark.parametrize("red_flag", [False, True])
def test_a_surgeons_note_of_1500_characters_prints_whole(content, diagnosis, red_flag):
    """Issue 23: nothing keeps the notes after the visit, so the printout never cuts them. On page 1
    when they fit; otherwise they go on at the top of page 2 (with every red flag ticked, the boxed
    action fills page 1 and the surgeon's plan moves whole to page 2, the notes with it)."""
    notes = numbered_notes(1500)
    full = records.full_record(content)
    record = full.model_copy(update={
        "diagnosis": diagnosis,
        "fusion_plan": full.fusion_plan.model_copy(update={"surgeon_notes": notes}),
        "red_flags": [f.id for f in content.red_flags.flags] if red_flag else [],
    })
    data = build_pdf(record, content)
    assert len(notes) == 1500 and page_count(data) <= MAX_PAGES + 1
    text = pdf_text(data)
    assert notes_in_order(text, notes)
    assert "continued on the screen" not in text.split(notes.split()[-1])[0].split("Surgeon's notes")[-1]
    first = page_texts(data)[0]
    assert "Surgeon signature" in first
    assert (notes.split()[0] in first) is not red_flag
    if notes.split()[0] in first and notes.split()[-1] not in first:  # goes on: page 1 says so, page 2 opens with it
        assert " ".join(content.pages["summary.notes_overleaf"].split()) in first
        assert page_texts(data)[1].startswith(content.pages["summary.notes_continued"])


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
@pytest.mark.parametrize("leaning", ["fusion", "non_operative", "not_sure", None])
def test_page_one_has_the_leaning_beside_the_decision_and_marks_a_difference(content, diagnosis, leaning):
    record = records.full_record(content).model_copy(update={"diagnosis": diagnosis, "leaning": leaning})
    first = page_texts(build_pdf(record, content))[0]
    p, d = content.pages, content.deliberation
    decision = f"Decision {p['option.fusion']}, on 2026-12-01"
    shown = d.leaning_options[leaning] if leaning else "Not answered"
    assert f"{decision} Leaning toward {shown}" in first
    mark = " ".join(p["summary.leaning_differs"].split())
    if leaning == "non_operative":  # the decision (fusion) names another option: marked in words
        assert f"Leaning toward {shown} {mark}" in first
    else:  # the same option, not sure yet, or not answered: shown, not marked
        assert mark not in first


def test_a_decision_of_more_time_is_not_marked_against_the_leaning(content):
    record = records.full_record(content).model_copy(update={
        "decision_reached": DecisionReached(choice="more_time_needed", on=date(2026, 12, 1))})
    first = page_texts(build_pdf(record, content))[0]
    assert "Leaning toward" in first and " ".join(content.pages["summary.leaning_differs"].split()) not in first


def test_a_character_the_font_cannot_draw_prints_as_a_visible_mark(content):
    record = records.full_record(content).model_copy(update={"own_concerns": ["Pain 李 here"]})
    text = pdf_text(build_pdf(record, content))
    assert "Pain \ufffd here" in text


def test_a_page_one_section_that_will_not_fit_moves_whole_to_page_two_and_page_one_says_so(content):
    every_flag = [f.id for f in content.red_flags.flags]
    record = huge_record(content).model_copy(update={"red_flags": every_flag})
    pages = page_texts(build_pdf(record, content))
    assert len(pages) <= MAX_PAGES + 1  # the notes at their limit print whole
    assert "Surgeon signature" in pages[0] and content.red_flags.levels["emergency"].title in pages[0]
    overleaf = " ".join(content.pages["summary.overleaf"].split())
    for heading in ("Decision reached", "SURE test", "Readiness check", "Questions for the surgeon"):
        where = [n for n, text in enumerate(pages) if heading in text]
        assert where, heading  # never lost
        if where[0] > 0:
            assert overleaf in pages[0], heading  # moved on, in order (the notes may go first)


def test_the_readiness_detail_prints_whole(content, full_pdf):
    record, data = full_pdf
    text = pdf_text(data)
    detail = build_summary(record, content).section("readiness_detail")
    for block in detail.blocks:
        for line in getattr(block, "items", ()):
            assert " ".join(line.split()) in text, line


def test_the_pdf_lists_as_compared_only_the_options_set_side_by_side(content):
    record = DecisionRecord(safety_screen_done=True, diagnosis="spinal_stenosis", leaning="fusion",
                            options_compared=["non_operative", "laminectomy"])
    text = pdf_text(build_pdf(record, content))
    # never all four, never the leaning
    assert "Options compared Non-operative care, Laminectomy Options for your diagnosis" in text
    untouched = DecisionRecord(safety_screen_done=True, diagnosis="spinal_stenosis")
    assert f"Options compared {content.pages['summary.options_none']}" in pdf_text(build_pdf(untouched, content))


# ---------------------------------------------------------------- issue 21: a word longer than a line


def _letters(n: int) -> str:
    import string

    return "".join(string.ascii_letters[i % 52] for i in range(n))


def _paper(record, content) -> str:
    import io

    import pypdf

    return "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(build_pdf(record, content))).pages)


def test_a_300_letter_word_is_broken_across_lines_with_every_character(content):
    from fpdf import FPDF

    from decision.output.pdf import wrap

    pdf = FPDF()
    pdf.word_widths = {}
    pdf.set_font("helvetica", size=10)
    word = _letters(300)
    lines = wrap(pdf, "1. " + word, 120)
    assert len(lines) > 2
    assert "".join(lines).replace(" ", "") == "1." + word  # every character, in order
    assert lines[0].startswith("1. abc")  # the word starts on the line it follows


def test_a_question_with_a_word_longer_than_a_line_is_printed_whole(content):
    word = _letters(150)  # wider than a line, within the two lines a question has
    paper = "".join(_paper(DecisionRecord(safety_screen_done=True, questions=[word]), content).split())
    assert word in paper


def test_a_question_of_300_letters_prints_two_full_lines_then_says_it_continues(content):
    word = _letters(300)
    paper = _paper(DecisionRecord(safety_screen_done=True, questions=[word]), content)
    flat = "".join(paper.split())
    start = flat.index("1.abc") + 2
    printed = flat[start:flat.index("…", start)]
    assert word.startswith(printed) and len(printed) >= 120, len(printed)
    assert content.pages.get("summary.continued", "continued") in paper or "continued" in paper


@pytest.mark.parametrize("longer", [1, 2, 3])  # each adds about a line; far more would crowd the signatures
def test_a_longer_alert_never_hides_where_the_rest_of_page_one_went(content, longer):
    """Every sign ticked fills page one with the alert, drawn whole; a sign's question a little longer
    once pushed out the one line that says the rest is overleaf (found in the issue 26 review). The line
    stays, and nothing is drawn into the footer."""
    flags = tuple(f.model_copy(update={"question": f.question + " Said a little longer." * longer})
                  if f.id == "infection_risk" else f for f in content.red_flags.flags)
    longer_content = content.model_copy(update={"red_flags": content.red_flags.model_copy(update={"flags": flags})})
    record = huge_record(longer_content).model_copy(update={"red_flags": [f.id for f in flags]})
    data = build_pdf(record, longer_content)
    first = page_texts(data)[0]
    assert " ".join(content.pages["summary.overleaf"].split()) in first
    assert "Surgeon signature" in first
    heights: list[tuple[float, str]] = []
    PdfReader(io.BytesIO(data)).pages[0].extract_text(
        visitor_text=lambda text, cm, tm, font, size: heights.append((tm[5] * cm[3] + cm[5], text))
        if text.strip() else None)
    footer = min(y for y, text in heights if "page 1 of" in text)
    assert all(y > footer for y, text in heights if "page 1 of" not in text), sorted(heights)[:3]
