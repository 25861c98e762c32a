"""Your back explains the condition where she chooses it (issue 24 item 2): each diagnosis has a
plain meaning and a small drawing with its text alternative, stenosis with and without a slip are
two choices that say so, "not sure" says what happens next, and what the numbers do not cover is
said beside the choice: a line or two in view, the notes and their sources in a closed "Read more"
(issue 24 item 1: the page leads with what she needs, the detail is a click away)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

from decision.content import ContentError, load_content
from decision.content.models import Diagnosis
from decision.output.condition_drawing import KINDS, condition_svg
from decision.record import DecisionRecord
from tests.conftest import app_at, assert_no_exception, break_content
from tests.svg_spec import NS, page_svgs, svgs

CONTENT = load_content()
PAGE = "pages/1_Your_back.py"
DIAGNOSES = get_args(Diagnosis)


def _pick(diagnosis: str):
    at = app_at(PAGE, DecisionRecord(safety_screen_done=True))
    at.radio(key="w:diagnosis").set_value(diagnosis).run()
    assert_no_exception(at)
    return at


def _shown(at) -> str:
    return " ".join(str(m.value) for m in at.markdown)


def _layer(at):
    """The closed "Read more" under the drawing: what the numbers do not cover, in full, with sources."""
    (layer,) = [e for e in at.expander if e.label == CONTENT.pages["your_back.not_covered_more"]]
    return layer


def _in_view(at) -> str:
    """The markdown on the page outside every expander: what she reads without opening anything."""
    inside = {id(m) for e in at.expander for m in e.markdown}
    return " ".join(str(m.value) for m in at.markdown if id(m) not in inside)


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_picking_a_diagnosis_shows_its_meaning_and_its_drawing_with_a_text_alternative(diagnosis):
    condition = CONTENT.condition(diagnosis)
    at = _pick(diagnosis)
    assert condition.meaning in _shown(at)
    (drawing,) = page_svgs(at, "condition-drawing")
    assert drawing.get("role") == "img"
    assert drawing.get("aria-label") == condition.drawing_alt
    assert drawing.get("data-kind") == condition.drawing


def test_nothing_is_drawn_before_a_diagnosis_is_picked():
    at = app_at(PAGE, DecisionRecord(safety_screen_done=True))
    assert_no_exception(at)
    assert not page_svgs(at, "condition-drawing")
    assert not any(CONTENT.condition(d).meaning in _shown(at) for d in DIAGNOSES)


def test_every_choice_says_in_one_line_what_it_is():
    at = app_at(PAGE, DecisionRecord(safety_screen_done=True))
    radio = at.radio(key="w:diagnosis")
    assert list(radio.options) == [CONTENT.pages[f"diagnosis.{d}"] for d in DIAGNOSES]
    assert list(radio.proto.captions) == [CONTENT.condition(d).short for d in DIAGNOSES]


def test_stenosis_with_and_without_a_slip_are_two_choices_that_say_which():
    p = CONTENT.pages
    without, with_slip = p["diagnosis.spinal_stenosis"], p["diagnosis.degenerative_spondylolisthesis"]
    assert without.startswith("Spinal stenosis") and "without a slipped vertebra" in without
    assert with_slip.startswith("Spinal stenosis") and "with a slipped vertebra" in with_slip


def test_not_sure_says_the_options_come_in_words_and_to_ask_the_surgeon():
    meaning = CONTENT.condition("not_sure").meaning
    assert "without numbers" in meaning and "surgeon" in meaning
    at = _pick("not_sure")
    # No numbers are shown for "not sure", so nothing is said about what they cover.
    assert CONTENT.conditions.previous_surgery.text not in _shown(at)
    assert CONTENT.conditions.previous_surgery.short not in _shown(at)
    assert not [e for e in at.expander if e.label == CONTENT.pages["your_back.not_covered_more"]]
    assert not at.caption or not any(c.value.startswith("Source:") for c in at.caption)


@pytest.mark.parametrize("diagnosis", [d for d in DIAGNOSES if d != "not_sure"])
def test_every_diagnosis_with_numbers_asks_about_previous_back_surgery(diagnosis):
    at = _pick(diagnosis)
    surgery = CONTENT.conditions.previous_surgery
    assert surgery.short in _in_view(at) and "Ask your surgeon" in surgery.short  # in view, not behind a click
    assert surgery.text in " ".join(m.value for m in _layer(at).markdown)  # the full note, in the layer


@pytest.mark.parametrize("diagnosis", [d for d in DIAGNOSES if d != "not_sure"])
def test_what_the_numbers_do_not_cover_is_a_line_in_view_and_the_detail_a_closed_layer(diagnosis):
    at = _pick(diagnosis)
    condition, layer = CONTENT.condition(diagnosis), _layer(at)
    in_view, in_layer = _in_view(at), " ".join(m.value for m in layer.markdown)
    assert not layer.proto.expanded
    if condition.not_covered:
        assert condition.not_covered_short in in_view
    for note in CONTENT.condition_notes(diagnosis):
        assert note.text in in_layer and note.text not in in_view
    assert [c.value for c in layer.caption if c.value.startswith("Source:")]  # the sources go with the detail


def test_a_slipped_vertebra_says_the_numbers_are_for_small_stable_wear_and_tear_slips():
    at = _pick("degenerative_spondylolisthesis")
    in_view, layer = _in_view(at), _layer(at)
    # In view: which slips the numbers are for, which they may not fit, and who to ask.
    for words in ("wear-and-tear", "isthmic", "large", "moves a lot", "Ask your surgeon"):
        assert words in in_view
    # In the layer: the trials' own terms, every note in full and its sources.
    in_layer = " ".join(m.value for m in layer.markdown)
    for note in CONTENT.condition("degenerative_spondylolisthesis").not_covered:
        assert note.text in in_layer
    for words in ("wear-and-tear", "grade I", "isthmic", "large slip", "moves a lot", "ask your surgeon"):
        assert words in in_layer
    sources = next(c.value for c in layer.caption if c.value.startswith("Source:"))
    for sid in ("ghogawala_2016", "austevoll_2021", "brox_2006"):
        assert CONTENT.source(sid).authors in sources


def test_the_words_of_the_diagnoses_are_explained_beside_the_choice():
    at = app_at(PAGE, DecisionRecord(safety_screen_done=True))
    (words,) = [e for e in at.expander if e.label == CONTENT.pages["your_back.words_title"]]
    shown = " ".join(str(m.value) for m in words.markdown)
    for term in ("Disc herniation", "Sciatica", "Spinal stenosis", "Spondylolisthesis"):
        entry = next(t for t in CONTENT.glossary if t.term == term)
        assert f"**{term}**: {entry.meaning}" in shown


# ------------------------------------------------------------------ the drawing itself


@pytest.mark.parametrize("kind", KINDS)
def test_each_drawing_is_one_accessible_svg_with_the_words_it_is_given(kind):
    words = {"bone": "Os", "disc": "Disque", "nerves": "Nerfs", "front": "Avant", "back": "Arrière"}
    markup = condition_svg(kind, alt="A <drawing> & its words", callout="Look here now", words=words)
    (svg,) = svgs(markup)
    assert svg.get("role") == "img" and svg.get("aria-label") == "A <drawing> & its words"
    texts = " ".join("".join(t.itertext()) for t in svg.iter(f"{NS}text"))
    assert all(w in texts for w in words.values())
    assert ("Look here" in texts) == (kind != "healthy")  # the healthy drawing points at nothing
    assert "href" not in markup and "http" not in markup  # nothing fetched from anywhere


def test_the_problem_is_drawn_as_a_part_of_its_own():
    def parts(kind):
        (svg,) = svgs(condition_svg(kind, alt="a", callout="b", words=CONTENT.conditions.drawing_words))
        return {el.get("data-part") for el in svg.iter() if el.get("data-part")}

    assert "bulge" in parts("disc_bulge")
    assert {"narrowing:front", "narrowing:back"} <= parts("narrow_canal")
    assert "slip" in parts("slipped_vertebra")
    assert "disc:worn" in parts("worn_disc")
    assert not {"bulge", "slip", "disc:worn", "narrowing:front"} & parts("healthy")


def test_an_unknown_drawing_is_refused():
    with pytest.raises(ValueError):
        condition_svg("broken_leg", alt="a", callout="", words=CONTENT.conditions.drawing_words)


# ------------------------------------------------------------------ check-content


def _break(copy: Path, old: str, new: str) -> None:
    break_content(copy, "conditions.yaml", old, new)


@pytest.mark.parametrize(("old", "new", "message"), [
    ("- id: not_sure", "- id: disc_herniation", "'disc_herniation' appears twice"),
    ("terms: [Spinal stenosis]", "terms: [Spinal stenosys]", "'Spinal stenosys' is not defined in glossary.yaml"),
    ("sources: [ghogawala_2016, austevoll_2021]", "sources: [nobody_1999]", "nobody_1999"),
    ("sources: [sport_stenosis_durotomy, brox_2006]", "sources: []", "previous_surgery.sources"),
    ("drawing: worn_disc", "drawing: worn_out", "drawing"),
    ("    not_covered_short: Two of the trials behind these numbers took younger people.\n", "",
     "no not_covered_short line"),
    ("  short: Had back surgery before? Ask your surgeon how these numbers fit you.\n", "", "previous_surgery.short"),
], ids=["twice", "unknown-term", "unknown-source", "unsourced-note", "unknown-drawing", "notes-without-a-line-in-view",
        "previous-surgery-without-a-line-in-view"])
def test_check_content_refuses_a_broken_condition(content_copy, old, new, message):
    _break(content_copy, old, new)
    with pytest.raises(ContentError, match=re.escape(message)):
        load_content(content_copy)
