"""The language switch (issue 26), on a content copy with a complete pseudo-Spanish catalogue
(tests/test_translation.py's fake translator), and the one helper that writes dates and numbers.

With no catalogue (the content as it is today) no switch is drawn and nothing changes.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from decimal import Decimal

import pytest
import streamlit as st
from babel.numbers import parse_decimal
from hypothesis import given, strategies as st_h
from streamlit.testing.v1 import AppTest

from decision.content import CONTENT_ENV
from decision.content.locale_format import LANGUAGES, format_date, format_number, language_name
from decision.record import DecisionRecord
from tests.conftest import APP, assert_no_exception
from tests.test_translation import pseudo_spanish, translated_master  # noqa: F401 (a fixture)

SWITCH = "lang_switch_start"

# ---------------------------------------------------------------- dates and numbers


def test_a_date_in_spanish_and_in_english_as_before():
    assert format_date(date(2026, 12, 6), "es") == "6 de diciembre de 2026"
    assert format_date(date(2026, 1, 1), "es") == "1 de enero de 2026"
    assert format_date(date(2026, 12, 6), "en") == format_date(date(2026, 12, 6)) == "2026-12-06"


def test_a_decimal_comma_in_spanish_and_english_as_before():
    assert format_number(17.5, "es", decimals=1) == "17,5"
    assert format_number(6.04, "en", decimals=1) == f"{6.04:.1f}" == "6.0"
    assert format_number(1234.5, "es", decimals=1) == "1.234,5"
    assert format_number(1000, "en") == "1,000"


def test_each_language_is_named_in_itself():
    assert [language_name(lang) for lang in LANGUAGES] == ["English", "Español"]


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError):
        format_number(1, "fr")


@given(st_h.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st_h.integers(min_value=0, max_value=3))
def test_spanish_writes_the_same_number_as_english(value, decimals):
    en, es = format_number(value, "en", decimals=decimals), format_number(value, "es", decimals=decimals)
    assert en == f"{value:,.{decimals}f}"  # English unchanged
    assert parse_decimal(es, locale="es") == Decimal(en.replace(",", ""))  # the same number, rounded once
    assert re.sub(r"\D", "", es) == re.sub(r"\D", "", en)  # the same digits
    assert ("," in es) == (decimals > 0)  # a decimal comma, and a point only between thousands
    if decimals:
        assert re.fullmatch(rf"-?\d{{1,3}}(\.\d{{3}})*,\d{{{decimals}}}", es)


# ---------------------------------------------------------------- the switch in the app


@pytest.fixture
def spanish_app(translated_master, monkeypatch):  # noqa: F811
    monkeypatch.setenv(CONTENT_ENV, str(translated_master))
    st.cache_resource.clear()
    yield translated_master
    st.cache_resource.clear()


@pytest.fixture
def english_only(content_copy, monkeypatch):
    """A content folder with no catalogue (the shipped one has Spanish since issue 26 landed)."""
    shutil.rmtree(content_copy / "es", ignore_errors=True)
    monkeypatch.setenv(CONTENT_ENV, str(content_copy))
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def _start(record: DecisionRecord | None = None, lang: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["record"] = record or DecisionRecord(safety_screen_done=True)
    if lang:
        at.query_params["lang"] = lang
    return at.run()


def test_lang_es_in_the_address_draws_start_in_spanish(spanish_app, content):
    at = _start(lang="es")
    assert_no_exception(at)
    assert at.title[0].value == pseudo_spanish(content.pages["start.title"]) != content.pages["start.title"]
    assert [r.value for r in at.radio if r.key == SWITCH] == ["es"]
    assert at.session_state["lang"] == "es"


def test_english_is_the_default_and_the_switch_offers_both(spanish_app, content):
    at = _start()
    assert_no_exception(at)
    assert at.title[0].value == content.pages["start.title"]
    switch = next(r for r in at.radio if r.key == SWITCH)
    assert switch.options == ["English", "Español"] and switch.value == "en"
    assert any(r.key.startswith("lang_switch_sidebar") for r in at.sidebar.radio)


def test_an_unknown_language_in_the_address_is_ignored(spanish_app, content):
    at = _start(lang="<b>xx</b>")
    assert_no_exception(at)
    assert at.title[0].value == content.pages["start.title"]


def test_switching_language_keeps_every_answer(spanish_app, content):
    record = DecisionRecord(safety_screen_done=True, patient_initials="AB", leaning="not_sure")
    at = _start(record)
    before = at.session_state["record"].model_dump_json()
    next(r for r in at.radio if r.key == SWITCH).set_value("es").run()
    assert_no_exception(at)
    assert at.title[0].value == pseudo_spanish(content.pages["start.title"])
    assert at.session_state["record"].model_dump_json() == before
    at.switch_page("pages/1_Your_back.py").run()  # the language holds on the next page
    assert_no_exception(at)
    assert at.session_state["record"].model_dump_json() == before
    assert at.title[0].value == pseudo_spanish(content.pages["your_back.title"])
    assert [t.value for t in at.text_input if t.key.endswith(":initials")] == ["AB"]  # shown, not only kept
    next(r for r in at.sidebar.radio if r.key.startswith("lang_switch_sidebar")).set_value("en").run()
    assert at.title[0].value == content.pages["your_back.title"]
    assert at.session_state["record"].model_dump_json() == before


def test_the_about_page_says_who_translated_and_that_no_clinician_reviewed_it(spanish_app, content):
    at = _start(lang="es")
    at.switch_page("pages/9_About.py").run()
    assert_no_exception(at)
    text = " ".join(m.value for m in at.markdown)
    assert pseudo_spanish(content.pages["about.translation"]) in text


def test_with_no_catalogue_there_is_no_switch_and_nothing_changes(english_only, content):
    at = _start(lang="es")
    assert_no_exception(at)
    assert at.title[0].value == content.pages["start.title"]
    assert not [r for r in at.radio if r.key.startswith("lang_switch")]
    assert "lang" not in at.session_state
    at.switch_page("pages/9_About.py").run()
    assert content.pages["about.translation"] not in " ".join(m.value for m in at.markdown)


def test_the_language_is_kept_in_the_tab_beside_the_record():
    from ui.session import _parse_kept

    record = DecisionRecord(safety_screen_done=True).model_dump_json()
    kept = {"record": record, "clinic": False, "boot": "b"}
    assert _parse_kept(json.dumps({**kept, "lang": "es"}))[3] == "es"
    assert _parse_kept(json.dumps(kept))[3] == "en"
    assert _parse_kept(json.dumps({**kept, "lang": "<script>"}))[3] == "en"


def test_the_tab_copy_carries_the_language_and_a_restore_takes_it(spanish_app, monkeypatch):
    from types import SimpleNamespace

    from tests.test_tab_store_writes import writes
    from ui import session, tab_store

    at = _start(DecisionRecord(safety_screen_done=True, patient_initials="KL"))
    assert json.loads(writes(at)[0]["kept"])["lang"] == "en"
    next(r for r in at.radio if r.key == SWITCH).set_value("es").run()
    kept = writes(at)[0]["kept"]
    assert json.loads(kept)["lang"] == "es"

    def take(state):  # the tab's answer, as a new session gets it (tests/test_finish_and_clear.py)
        monkeypatch.setattr(session, "st", SimpleNamespace(session_state=state))
        monkeypatch.setattr(tab_store, "reported", lambda: {"kept": kept, "available": True})
        monkeypatch.setattr(tab_store, "boot_id", lambda: "boot")
        session._take_kept()
        return state

    restored = take({})
    assert restored["lang"] == "es" and restored["record"].patient_initials == "KL"
    assert take({"lang": "en"})["lang"] == "en"  # ?lang= in the address, read first, wins


def test_the_server_loads_each_language_at_start_and_says_which(translated_master, tmp_path):  # noqa: F811
    from tests.test_server import Server, _get

    s = Server(tmp_path, env={"SPINE_AID_CONTENT": str(translated_master)})
    try:
        assert _get(s.url + "/healthz")[0] == 200
        start = next(e for e in s.log_lines() if e.get("event") == "start")
        assert start["languages"] == ["en", "es"]
    finally:
        s.stop()


def test_an_oswestry_score_reads_in_english_as_it_always_did_and_with_a_comma_in_spanish():
    from decision.content.locale_format import format_score

    every = {round(points / (5 * answered) * 100, 1) for answered in range(1, 11) for points in range(5 * answered + 1)}
    assert all(format_score(s, "en") == f"{s:g}" for s in every)  # English unchanged, on every score there can be
    assert format_score(57.8, "es") == "57,8" and format_score(40.0, "es") == "40"
