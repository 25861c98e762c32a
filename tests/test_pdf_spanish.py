"""The printout in two languages (issue 26 item 3): the PDF in the patient's language, with dates and
numbers in the reader's form, and the chart copy (page 1 again in English) after the patient's pages."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import date
from functools import cache
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from decision.content import Content, load_content
from decision.output.pdf import CHART_COPY_PAGES, build_pdf, pdf_text
from decision.output.summary import ComparisonBlock, build_summary
from decision.record import DecisionRecord, Oswestry
from tests import records
from tests.conftest import ROOT, app_at, assert_no_exception

TODAY = date(2026, 12, 7)
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
WORD = re.compile(r"[^\W\d_]+")
# What the patient and the surgeon type, in Spanish: typed text prints as typed, so English typed
# text would be English on the Spanish pages that is not ours.
TYPED_IN_SPANISH = {
    "own_concerns": ["Cuidar a mis nietos", "Volver a manejar al trabajo"],
    "questions": ["¿Cuánto tiempo antes de poder manejar?"],
    "fusion_patient_notes": "Me preocupa que se aflojen los tornillos.",
}
CLINIC_TYPED_IN_SPANISH = {"confirmed_diagnosis": "Espondilolistesis degenerativa en L4-5",
                           "imaging_findings": "Resonancia: estrechamiento moderado en L4-5"}


@cache
def spanish() -> Content:
    return load_content(lang="es")


@cache
def english() -> Content:
    return load_content()


def _pages(data: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages]


def typed_in_spanish(record: DecisionRecord) -> DecisionRecord:
    return record.model_copy(update={
        **TYPED_IN_SPANISH,
        "clinical": record.clinical.model_copy(update=CLINIC_TYPED_IN_SPANISH),
        "fusion_plan": record.fusion_plan.model_copy(update={"surgeon_notes": "Desplazamiento de 6 mm en L4-5."}),
    })


# ---------------------------------------------------------------- dates and numbers


def test_the_spanish_pdf_writes_days_and_decimals_the_spanish_way():
    text = pdf_text(records.full_record(), spanish(), TODAY)
    assert not ISO_DAY.findall(text)  # was: "revisada el 2026-12-02", "Fusión espinal, el 2026-12-01"
    assert "Resumen hecho el 7 de diciembre de 2026" in " ".join(text.split())
    assert "el 1 de diciembre de 2026" in text  # the decision's day
    assert "53,3 de 100" in text and "Su puntaje de Oswestry es 53,3%" in text
    assert "53.3" not in text
    # The Oswestry detail is a content sentence, with its Spanish (was English built in code)
    assert "24 puntos en 9 de las 10 secciones" in " ".join(text.split())
    assert "points from" not in text


def test_the_spanish_pdf_says_its_language_and_the_english_one_still_says_english():
    assert PdfReader(io.BytesIO(build_pdf(records.full_record(), spanish(), TODAY))).trailer["/Root"]["/Lang"] == "es"
    assert PdfReader(io.BytesIO(build_pdf(records.full_record(), english(), TODAY))).trailer["/Root"]["/Lang"] == "en"


def test_a_total_entered_as_it_is_says_so_in_spanish():
    record = records.full_record().model_copy(update={"oswestry": Oswestry(total_percent=40)})
    text = pdf_text(record, spanish(), TODAY)
    assert "40 de 100" in text and spanish().scores.oswestry_how_total in text
    assert "Entered as a total" not in text


def test_the_english_pdf_and_note_keep_iso_days_and_decimal_points():
    text = pdf_text(records.full_record(), english(), TODAY)
    assert "reviewed 2026-12-02" in text and "Spinal fusion, on 2026-12-01" in text
    assert "53.3 out of 100" in text and "24 points from 9 of 10 sections, out\nof 45." in text
    from decision.output.note import build_note

    note = build_note(records.full_record(), english(), TODAY)
    assert "Note made on 2026-12-07" in note
    assert "7 de diciembre de 2026" in build_note(records.full_record(), spanish(), TODAY)


# ---------------------------------------------------------------- the English PDF is unchanged

GOLDEN = Path(__file__).with_name("pdf_text_full_record_en.txt")


def _versionless(text: str) -> str:
    """The text with the app version left out, so a release does not change it."""
    from decision.version import app_version

    return text.replace(f"App version {app_version()}.", "App version {app}.")


def test_the_english_pdf_prints_what_it_printed_before_the_spanish_printout():
    """Recorded from ``pdf_text`` of the full record before issue 26's printout work: English output
    stays as it was. If the English content changed on purpose, write the file again with
    ``_versionless(pdf_text(records.full_record(), load_content(), TODAY))`` and read the diff."""
    assert _versionless(pdf_text(records.full_record(), english(), TODAY)) == GOLDEN.read_text()


# ---------------------------------------------------------------- the chart copy


def test_with_english_chart_content_the_last_page_is_page_one_in_english():
    record = records.full_record()
    text = pdf_text(record, spanish(), TODAY, chart_content=english())
    en, es = english().pages, spanish().pages
    patient, chart = text.split(en["summary.chart_copy"])
    # The patient's pages are Spanish: the Spanish headings, none of the English ones
    assert es["summary.signatures"] in patient and en["summary.signatures"] not in patient.split("\n")
    assert es["summary.decision_title"] in patient and en["summary.decision_title"] not in patient
    # The chart copy is English: its own headings, the decision, its day ISO as the English prints it
    assert en["summary.signatures"] in chart.split("\n") and es["summary.signatures"] not in chart.split("\n")
    assert en["summary.decision_on"].format(choice=en["option.fusion"], day="2026-12-01") in chart
    assert en["summary.decision"] in chart.split("\n")
    assert "de diciembre de" not in chart
    assert chart.rstrip().endswith(en["summary.chart_copy_footer"].format(
        name=english().meta.name, version=english().meta.content_version, page=4, pages=4))
    # The file's last page is that page, read back from the PDF
    pages = _pages(build_pdf(record, spanish(), TODAY, chart_content=english()))
    assert en["summary.signatures"] in pages[-1] and en["summary.decision_title"] in pages[-1]
    assert all(en["summary.chart_copy"] not in page for page in pages[:-1])


def test_the_chart_copy_adds_one_page_and_the_same_language_adds_none():
    record = records.full_record()
    alone = build_pdf(record, spanish(), TODAY)
    assert len(_pages(build_pdf(record, spanish(), TODAY, chart_content=english()))) == len(_pages(alone)) + 1
    assert build_pdf(record, spanish(), TODAY, chart_content=spanish()) == alone
    assert build_pdf(record, english(), TODAY, chart_content=english()) == build_pdf(record, english(), TODAY)


@pytest.mark.parametrize("case", ["long_notes", "red_flag", "empty"])
def test_the_chart_copy_is_one_page_whatever_the_record(case):
    """Page one moves what does not fit overleaf; the chart copy never turns a page: it says where the rest is."""
    record = records.full_record()
    if case == "long_notes":
        notes = ("Plan reviewed with the patient at length. " * 40)[:1500]
        plan = record.fusion_plan.model_copy(update={"surgeon_notes": notes})
        record = record.model_copy(update={"fusion_plan": plan})
    elif case == "red_flag":
        record = record.model_copy(update={"red_flags": ["saddle_numbness", "worsening_leg_weakness"]})
    else:
        record = DecisionRecord(safety_screen_done=True)
    alone = _pages(build_pdf(record, spanish(), TODAY))
    both = _pages(build_pdf(record, spanish(), TODAY, chart_content=english()))
    assert len(both) == len(alone) + CHART_COPY_PAGES
    assert english().pages["summary.chart_copy"] in both[-1] and english().pages["summary.signatures"] in both[-1]
    if case == "long_notes":  # the notes did not fit page one: the copy says the rest is on the pages before
        assert english().pages["summary.chart_copy_rest"] in both[-1]


# ---------------------------------------------------------------- the command line


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "decision", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_the_command_line_writes_the_spanish_pdf_with_the_chart_page_in_english(tmp_path):
    path = tmp_path / "record.json"
    path.write_text(records.full_record().model_dump_json())
    counts = {}
    for name, extra in {"es": ["--lang", "es"], "es_en": ["--lang", "es", "--chart-lang", "en"],
                        "en_en": ["--chart-lang", "en"], "en": []}.items():
        out = tmp_path / f"{name}.pdf"
        run = _run("summary", str(path), "-o", str(out), *extra)
        assert run.returncode == 0, run.stderr
        counts[name] = len(_pages(out.read_bytes()))
    assert counts["es_en"] == counts["es"] + 1
    assert counts["en_en"] == counts["en"]  # --chart-lang alone, in the same language: harmless
    pages = _pages((tmp_path / "es_en.pdf").read_bytes())
    assert english().pages["summary.signatures"] in pages[-1]
    assert spanish().pages["summary.signatures"] in pages[0]
    text = _run("summary", str(path), "--text", "--lang", "es", "--chart-lang", "en").stdout
    assert english().pages["summary.chart_copy"] in text and "de diciembre de" in text


def test_the_note_stays_english_unless_asked_and_fhir_says_the_pdf_language(tmp_path):
    path = tmp_path / "record.json"
    path.write_text(records.full_record().model_dump_json())
    assert _run("note", str(path)).stdout.startswith(english().pages["note.title"])
    assert _run("note", str(path), "--lang", "es").stdout.startswith(spanish().pages["note.title"])
    out = tmp_path / "bundle.json"
    assert _run("fhir", str(path), "-o", str(out), "--lang", "es").returncode == 0
    assert '"language": "es"' in out.read_text()
    assert _run("fhir", str(path), "-o", str(out)).returncode == 0
    assert '"language": "en"' in out.read_text()


@pytest.mark.parametrize("command", [["summary", "--text"], ["note"]])
def test_an_unknown_language_is_one_plain_line_and_exit_2(tmp_path, command):
    path = tmp_path / "record.json"
    path.write_text(records.full_record().model_dump_json())
    run = _run(command[0], str(path), *command[1:], "--lang", "xx\x1b[31m")
    assert run.returncode == 2 and not run.stdout
    error = [line for line in run.stderr.splitlines() if "error:" in line]
    assert len(error) == 1 and "xx" not in run.stderr and "\x1b" not in run.stderr and "Traceback" not in run.stderr


# ---------------------------------------------------------------- no English of ours on the Spanish pages


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def _strings(node: object):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


@cache
def english_only_words() -> frozenset[str]:
    """The words of the English content (content/pages.yaml, the interface and the printout, and every
    other English file but the bibliography, whose titles and journals are proper names) that no
    Spanish field uses: words that, on a Spanish page, can only be English. Proper names in the
    content are in the Spanish too (SURE, NICE, Oswestry), so they drop out."""
    english_words: set[str] = set()
    for file in (ROOT / "content").rglob("*.yaml"):
        if not {"es", "bibliography"} & set(file.relative_to(ROOT / "content").parts):
            english_words |= set().union(set(), *(_words(v) for v in _strings(yaml.safe_load(file.read_text()))))
    spanish_words: set[str] = set()
    for file in (ROOT / "content/es").rglob("*.yaml"):
        for entry in (yaml.safe_load(file.read_text()) or {}).values():
            if isinstance(entry, dict) and isinstance(entry.get("es"), str):
                spanish_words |= _words(entry["es"])
    return frozenset(english_words - spanish_words)


def english_on_patient_pages(record: DecisionRecord, content: Content) -> list[str]:
    """The English-only words the patient's pages print, outside the sources: the numbered list, and
    each comparison's short source line (authors and journals are proper names)."""
    text = " ".join(pdf_text(record, content, TODAY).split())
    summary = build_summary(record, content, TODAY)
    text = text.split(f" {summary.sources_title} 1. ")[0]
    for block in (b for s in summary.sections for b in s.blocks if isinstance(b, ComparisonBlock)):
        text = text.replace(block.source, "")
    return sorted(w for w in _words(text) if w in english_only_words())


RECORDS = {
    "full": lambda: records.full_record(),
    "stenosis": lambda: records.full_record().model_copy(update={"diagnosis": "spinal_stenosis",
                                                                 "procedure": "laminectomy"}),
    "disc": lambda: records.full_record().model_copy(update={"diagnosis": "disc_herniation",
                                                             "procedure": "microdiscectomy", "worst_pain": "back"}),
    "back_pain": lambda: records.full_record().model_copy(update={"diagnosis": "chronic_low_back_pain",
                                                                  "decision_reached": None}),
    "red_flag": lambda: records.full_record().model_copy(update={"red_flags": ["saddle_numbness"]}),
    "total": lambda: records.full_record().model_copy(update={"oswestry": Oswestry(total_percent=40)}),
    "empty": lambda: DecisionRecord(safety_screen_done=True),
}


def test_the_check_for_english_words_is_not_empty():
    """The words it looks for are many, and it finds plenty on the English pages: a check that finds
    nothing because it looks for nothing would prove nothing."""
    assert len(english_only_words()) > 1000
    assert {"signatures", "decision", "surgeon", "sections", "summary"} <= english_only_words()
    assert len(english_on_patient_pages(typed_in_spanish(records.full_record()), english())) > 100


@pytest.mark.parametrize("name", RECORDS)
def test_the_spanish_patient_pages_print_no_english_word_of_ours(name):
    record = RECORDS[name]()
    if name != "empty":
        record = typed_in_spanish(record)
    assert english_on_patient_pages(record, spanish()) == []


# ---------------------------------------------------------------- the Summary page


@pytest.fixture
def pdf_made_on_click(monkeypatch):
    """The bytes the PDF button makes on click: Streamlit's deferred download keeps the page's
    callable, caught here as the page registers it, and called as a click would call it."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    kept: dict[str, object] = {}
    register = MediaFileManager.add_deferred

    def keep(self, data_callable, *args, **kwargs):
        file_id = register(self, data_callable, *args, **kwargs)
        kept[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", keep)

    def made(at) -> bytes:
        button = next(b for b in at.get("download_button") if b.key == "download_pdf")
        return kept[button.proto.deferred_file_id]()
    return made


@pytest.fixture
def spanish_screen():
    def open_summary(ticked: bool | None = None):
        at = app_at(None, record=records.full_record())
        at.session_state["lang"] = "es"
        at.run()
        at.switch_page("pages/8_Summary.py").run()
        if ticked is not None:
            at.checkbox(key="chart_copy_english").set_value(ticked).run()
        assert_no_exception(at)
        return at
    return open_summary


def test_on_a_spanish_screen_the_pdf_carries_the_chart_page_in_english_unless_unticked(spanish_screen,
                                                                                         pdf_made_on_click):
    at = spanish_screen()
    box = at.checkbox(key="chart_copy_english")
    assert box.value is True and box.label == spanish().pages["summary.chart_copy_add"]
    pages = _pages(pdf_made_on_click(at))
    assert english().pages["summary.chart_copy"] in pages[-1] and spanish().pages["summary.signatures"] in pages[0]
    at = spanish_screen(ticked=False)
    pages = _pages(pdf_made_on_click(at))
    assert all(english().pages["summary.chart_copy"] not in page for page in pages)


def test_on_an_english_screen_there_is_no_box_and_no_chart_copy():
    at = app_at("pages/8_Summary.py", record=records.full_record())
    assert_no_exception(at)
    assert not [c for c in at.checkbox if c.key == "chart_copy_english"]
