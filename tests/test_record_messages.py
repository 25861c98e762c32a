"""Why a file was refused, in the screen's language (issue 26, item 1: every word a patient sees exists in Spanish).

A ``RecordError`` is a code, a place and numbers (decision/record/messages.py); its sentence is content
(``record_error.<code>``, the place named with ``record_field.<name>``). Here: every code has a whole
sentence in English and in Spanish, the Spanish holds no English, a hostile file opened on the Spanish
screen is refused in Spanish, and any broken file's message renders in both languages. The rules of
tests/test_hostile_files.py hold for the rendered messages too: one line, printable, no value echoed.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from decision.content import load_content
from decision.content.page_words import RECORD_ERRORS, RECORD_FIELDS, RECORD_WORDS
from decision.record import DecisionRecord, RecordError, parse_record
from tests.conftest import assert_no_exception
from tests.hostile_files import CASES, FORBIDDEN_IN_MESSAGE
from tests.test_record_properties import json_values, record_like

# Words that are the same in both languages: a format's or a test's name, a unit.
SAME_IN_BOTH = {"json", "schema_version", "fhir", "mb", "sure", "oswestry", "bytes", "control", "real", "dose"}
NUMBERS = {"size": 1_000_001, "levels": 8, "digits": 20, "version": 99, "newest": 5, "limit": 2000, "name": "dose"}


@pytest.fixture(scope="module")
def spanish():
    return load_content(lang="es")


def _example(code: str) -> RecordError:
    fills = {k: NUMBERS[k] for k in RECORD_ERRORS[code] if k != "place"}
    return RecordError(code, place=("treatments", 1, "weeks"), more=3, **fills)


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d]{3,}", text)} - SAME_IN_BOTH


def test_the_fields_named_are_the_records_own():
    assert set(RECORD_FIELDS) == set(DecisionRecord.model_fields)


@pytest.mark.parametrize("code", sorted(RECORD_ERRORS))
def test_each_code_is_a_whole_sentence_in_english_and_in_spanish(code, content, spanish):
    exc = _example(code)
    en, es = exc.message(content.pages, "en"), exc.message(spanish.pages, "es")
    assert str(exc).startswith("This file") and en.startswith("This file"), (str(exc), en)
    assert es.startswith("Este archivo"), es
    for said in (en, es):
        assert "{" not in said and "}" not in said and said.isprintable() and "\n" not in said, said
    leftover = _words(es) & _words(en)
    assert not leftover, f"English in the Spanish message: {sorted(leftover)}: {es}"


def test_numbers_and_places_are_said_the_readers_way(content, spanish):
    exc = RecordError("too_large", size=1_000_001)
    assert "1,000,001 bytes" in str(exc) and "1.000.001 bytes" in exc.message(spanish.pages, "es")
    exc = RecordError("not_whole_number", place=("treatments", 1, "weeks"), more=1)
    assert str(exc) == ("This file has a wrong value at treatments → 1 → weeks: it should be a whole number. "
                        "It has one more wrong value.")
    assert exc.message(content.pages) == ("This file has a wrong value at the treatments you tried, item 2: "
                                          "it should be a whole number. It has one more wrong value.")
    assert exc.message(spanish.pages, "es") == ("Este archivo tiene un valor incorrecto en los tratamientos que "
                                                "probó, elemento 2: debe ser un número entero. "
                                                "Tiene un valor incorrecto más.")


def test_every_key_the_messages_read_is_in_both_languages(content, spanish):
    assert set(RECORD_WORDS) <= set(content.pages) and set(RECORD_WORDS) <= set(spanish.pages)


@pytest.mark.parametrize("name, raw, words", CASES, ids=[c[0] for c in CASES])
def test_each_hostile_file_is_refused_in_plain_spanish(name, raw, words, content, spanish):
    with pytest.raises(RecordError) as err:
        parse_record(raw)
    for message in (err.value.message(content.pages, "en"), err.value.message(spanish.pages, "es")):
        assert message.isprintable() and "\n" not in message and len(message) <= 300, message
        for bad in FORBIDDEN_IN_MESSAGE:
            assert bad not in message, (bad, message)
    assert err.value.message(spanish.pages, "es").startswith("Este archivo")


def _renders(raw: str | bytes, content, spanish) -> None:
    try:
        parse_record(raw)
    except RecordError as exc:
        for pages, lang in ((content.pages, "en"), (spanish.pages, "es")):
            said = exc.message(pages, lang)  # no KeyError, no format error
            assert said.isprintable() and "\n" not in said and len(said) <= 300, repr(said)
        assert exc.code in RECORD_ERRORS
        assert exc.message(spanish.pages, "es").startswith("Este archivo")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(value=record_like)
def test_any_broken_record_is_refused_in_spanish_without_a_missing_word(value, content, spanish):
    _renders(json.dumps(value), content, spanish)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(value=json_values | st.binary(max_size=100))
def test_any_broken_file_is_refused_in_spanish_without_a_missing_word(value, content, spanish):
    _renders(value if isinstance(value, bytes) else json.dumps(value), content, spanish)


def test_a_hostile_file_opened_on_the_spanish_screen_is_refused_in_spanish(spanish):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import APP

    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["record"] = DecisionRecord(safety_screen_done=True, patient_initials="KL")
    at.query_params["lang"] = "es"
    at.run().switch_page("pages/1_Your_back.py").run()
    assert at.title[0].value == spanish.pages["your_back.title"]
    raw = {c[0]: c[1] for c in CASES}["image-in-treatment-kind"]
    at.file_uploader(key="load_record_page").upload("answers.json", raw, "application/json").run()
    assert_no_exception(at)
    [shown] = [e.value.replace("\\", "") for e in at.main.error]
    expected = spanish.pages["record_error.not_a_choice"].format(
        place=spanish.pages["record_error.place_item"].format(field=spanish.pages["record_field.treatments"], n=1))
    assert shown == f"{expected} {spanish.pages['frame.not_changed']}"
    assert at.session_state["record"].patient_initials == "KL"


def test_how_the_oswestry_score_was_reached_is_said_in_the_readers_language(content, spanish):
    from decision.record import Oswestry
    from decision.record.oswestry import oswestry_score

    odi = Oswestry(sections=[2, 2, 2, 2, 2, 2, 1, 1, 1, None])
    assert oswestry_score(odi, content.scores).how == "15 points from 9 of 10 sections, out of 45."  # as before
    said = oswestry_score(odi, spanish.scores).how  # the sentence is the content's (scores.yaml), in its language
    assert said == "15 puntos en 9 de las 10 secciones, de un máximo de 45."
    assert oswestry_score(Oswestry(total_percent=40), spanish.scores).how == "Se anotó como un total."


# ---------------------------------------------------------------- words glued in code, found on the way


def test_the_operations_that_fit_are_joined_with_the_readers_or(content, spanish):
    """decision/rules/readiness.py joined the operations with an English " or " in the Spanish message too."""
    from decision.rules.readiness import assess, fitting_procedures

    record = DecisionRecord(safety_screen_done=True, diagnosis="degenerative_spondylolisthesis")
    names = [spanish.pages[f"procedure.{p}"] for p in fitting_procedures(record.diagnosis, spanish)]
    assert len(names) >= 2
    said = " ".join(assess(record, spanish).reasons)
    assert f"{names[-2]} o {names[-1]}" in said and " or " not in said
    english = [content.pages[f"procedure.{p}"] for p in fitting_procedures(record.diagnosis, content)]
    assert f"{english[-2]} or {english[-1]}" in " ".join(assess(record, content).reasons)  # as before


def test_a_blank_part_of_the_fusion_plan_is_said_in_the_readers_language(content, spanish):
    from decision.compare.fusion_plan import plan_lines
    from decision.record import FusionPlan

    assert {w for _, w in plan_lines(FusionPlan(), spanish)} == {spanish.pages["summary.not_answered"]}
    assert {w for _, w in plan_lines(FusionPlan(), content)} == {"Not answered"}  # as before
