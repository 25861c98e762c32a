"""A whole walk in Spanish (issue 26, "done when"): every page, for every diagnosis, with every question
answered, shows no English word outside proper names, sources and what the patient typed; and switching
language on the first screen keeps every answer to the end of the walk.

AppTest reads what each page sends (every title, label, option, help text, body and drawing's text
alternative), not what a browser paints: Streamlit's own words (its file uploader's button) are only in
the browser, and tests/browser/test_language.py reads those. What is English is measured from the
catalogue (tests/english_words.py), so a new English word in code is found without a list to keep.
"""

from __future__ import annotations

from typing import get_args

import pytest
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from decision.content import load_content
from decision.content.models import Diagnosis
from decision.record import DecisionRecord
from tests.browser.walk_lengths import answered_record
from tests.conftest import APP, assert_no_exception
from tests.english_words import english_in, english_only, record_texts, visible_text
from ui.navigation import PAGES

# The proto fields that hold words a reader meets; ids, keys, icons, code and CSS are not.
_READ = {"label", "body", "help", "options", "placeholder", "caption", "text"}
_CODE = {"bidi_component"}  # the tab's store: its script, not words


def page_texts(at: AppTest) -> list[str]:
    """Every text the run drew, main area and sidebar, in the order drawn."""
    out: list[str] = []

    def strings(value, key: str = "") -> None:
        if isinstance(value, str) and key in _READ:
            out.append(visible_text(value))
        elif isinstance(value, dict):
            for k, v in value.items():
                strings(v, k)
        elif isinstance(value, list):
            for v in value:
                strings(v, key)

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and getattr(node, "type", "") not in _CODE:
            strings(MessageToDict(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return out


@pytest.fixture(scope="module")
def spanish():
    return load_content(lang="es")


def _app(record: DecisionRecord, *, clinic: bool, lang: str | None = "es") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["record"] = record
    at.session_state["clinic_mode"] = clinic
    if lang:
        at.query_params["lang"] = lang
    return at.run()


def test_the_detector_finds_english_and_lets_names_sources_and_typed_text_be(spanish, content):
    """The check itself can fail: an English sentence is found, the Spanish of it is not."""
    assert {"the", "your", "surgery", "people"} <= english_only()
    assert english_in(content.pages["start.title"], spanish) != []
    assert english_in(spanish.pages["start.title"], spanish) == []
    source = spanish.sources[0]
    assert english_in(f"Fuente: {source.citation}", spanish) == []  # a study's own words stay
    assert english_in("How long before I can drive?", spanish, ("How long before I can drive?",)) == []
    drawing = visible_text('<svg class="spine" aria-label="Drawing of the lower back"><g></g></svg>')
    assert english_in(drawing, spanish) == ["drawing", "the", "lower"]  # a text alternative is read; markup is not
    assert english_in(visible_text("<p>Su espalda</p>"), spanish) == []


@pytest.mark.parametrize("diagnosis", get_args(Diagnosis))
def test_a_whole_walk_in_spanish_shows_no_english_word(spanish, diagnosis):
    record = DecisionRecord.model_validate(answered_record(diagnosis))
    typed = record_texts(record)
    found: dict[str, list[str]] = {}
    for info in PAGES:
        clinic = info.key == "visit"  # the visit page is the clinic's
        at = _app(record, clinic=clinic)
        at.switch_page(info.path).run()
        assert_no_exception(at)
        assert at.session_state["lang"] == "es"
        texts = page_texts(at)
        assert texts, info.key
        english = english_in(" \n ".join(texts), spanish, typed)
        if english:
            found[info.key] = english
        assert at.session_state["record"] == record  # reading in Spanish changes no answer
    assert found == {}


def test_each_language_keeps_its_own_page_titles(spanish, content):
    """A Spanish first visitor of a fresh process once made the page list Spanish for everyone: the
    page objects are made once per process, and were keyed by a language the caller might not pass."""
    import streamlit as st

    from ui import navigation

    st.cache_resource.clear()
    at = _app(DecisionRecord(safety_screen_done=True), clinic=False)  # the process's first visitor reads Spanish
    at.switch_page("pages/1_Your_back.py").run()
    assert_no_exception(at)
    assert [p.title for p in navigation.navigation_pages(spanish)][:2] == [
        spanish.pages["nav.start"], spanish.pages["nav.your_back"]]
    english = _app(DecisionRecord(safety_screen_done=True), clinic=False, lang=None)  # the next visitor reads English
    english.switch_page("pages/1_Your_back.py").run()
    assert english.title[0].value == content.pages["your_back.title"]
    assert [p.title for p in navigation.navigation_pages(content)][:2] == [
        content.pages["nav.start"], content.pages["nav.your_back"]]


def test_switching_to_spanish_on_the_first_screen_keeps_every_answer_to_the_end(spanish):
    record = DecisionRecord.model_validate(answered_record("spinal_stenosis"))
    at = _app(record, clinic=False, lang=None)
    before = at.session_state["record"].model_dump_json()
    next(r for r in at.radio if r.key == "lang_switch_start").set_value("es").run()
    assert_no_exception(at)
    assert at.title[0].value == spanish.pages["start.title"]
    for info in PAGES:
        at.switch_page(info.path).run()
        assert_no_exception(at)
        assert at.session_state["lang"] == "es"
        assert at.session_state["record"].model_dump_json() == before, info.key
    next(r for r in at.sidebar.radio if r.key.startswith("lang_switch_sidebar")).set_value("en").run()
    assert_no_exception(at)
    assert at.session_state["record"].model_dump_json() == before


def test_the_about_page_in_spanish_reports_the_spanish_reading_score(spanish):
    """The Spanish is scored on its own scale (INFLESZ, higher is easier), not on the English grade."""
    from decision.content.locale_format import format_number
    from decision.content.readability import read_report

    level = read_report()
    assert level is not None and level.current and "es" in level.translated
    overall, lowest = level.translated["es"]
    assert lowest >= 55 and overall >= lowest
    at = _app(DecisionRecord(safety_screen_done=True), clinic=False)
    at.switch_page("pages/9_About.py").run()
    assert_no_exception(at)
    said = spanish.pages["about.reading_level_translated"].format(
        overall=format_number(overall, "es"), lowest=format_number(lowest, "es"))
    assert said in [m.value for m in at.markdown]
    assert spanish.pages["about.reading_level"].split("{")[0] not in " ".join(m.value for m in at.markdown)


def test_a_score_with_a_decimal_is_written_the_spanish_way_on_every_page_that_shows_it(spanish):
    """Numbers are not words, so the English-word check cannot see "53.3": the Oswestry score is checked
    where it is shown (Your back, the readiness reasons, the summary), one helper writing it."""
    from decision.record import Oswestry

    record = DecisionRecord.model_validate(answered_record("spinal_stenosis")).model_copy(
        update={"oswestry": Oswestry(sections=[3, 3, 3, 3, 3, 3, 3, 3, 2, None])})  # 26 of 45: 57.8%
    shown = {}
    for path in ("pages/1_Your_back.py", "pages/2_Your_care_so_far.py", "pages/8_Summary.py"):
        at = _app(record, clinic=False)
        at.switch_page(path).run()
        assert_no_exception(at)
        shown[path] = " ".join(page_texts(at))
    assert all("57,8" in text and "57.8" not in text for text in shown.values()), {
        k: ("57,8" in v, "57.8" in v) for k, v in shown.items()}
