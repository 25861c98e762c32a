"""Things that change your chances (issue 24 item 3): every option of every diagnosis says, for smoking,
diabetes, body weight and past back surgery, what the evidence says (sourced and labelled) or that it
is silent; Compare and the summary show it for the options in view; and a patient whose worst pain is
the back is told, on Compare, in the summary and on paper, that decompression and discectomy are done
mainly for leg pain."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from decision.compare.situation import back_pain_notes, options_in_view, situation_for
from decision.content import ContentError, load_content
from decision.content.models import FACTORS, SILENT_START
from decision.output.pdf import build_pdf
from decision.output.summary import build_summary
from decision.record import DecisionRecord
from tests.conftest import app_at, assert_no_exception, break_content

COMPARE = "pages/3_Compare_your_options.py"
SUMMARY = "pages/8_Summary.py"
CONTENT = load_content()
EACH_OPTION = [(d.id, o) for d in CONTENT.template.diagnoses for o in d.options]
EACH_FACTOR = [(d, o, f) for d, o in EACH_OPTION for f in FACTORS]
NOTE_TITLE = CONTENT.situation.back_pain.title


def _record(**answers) -> DecisionRecord:
    return DecisionRecord(safety_screen_done=True, **answers)


# ------------------------------------------------------------ the content


@pytest.mark.parametrize(("diagnosis", "option", "factor"), EACH_FACTOR, ids=["-".join(x) for x in EACH_FACTOR])
def test_every_factor_of_every_option_is_sourced_or_plainly_silent(content, diagnosis, option, factor):
    entry = getattr(content.situation.options_by_diagnosis[diagnosis][option], factor)
    if entry.silent:
        assert entry.silent.startswith(SILENT_START) and not entry.says
        return
    for statement in entry.says:
        assert statement.sources and statement.label in ("V1", "V2")
        assert all(s in content.source_by_id for s in statement.sources), statement.sources


@pytest.mark.parametrize(("diagnosis", "option"), EACH_OPTION, ids=["-".join(x) for x in EACH_OPTION])
def test_each_option_shows_every_factor_by_name_and_marks_a_secondary_report(content, diagnosis, option):
    (shown,) = situation_for(content, diagnosis, [option])
    names = [content.situation.factors[f] for f in FACTORS]
    assert [line.factor for line in shown.lines] == names
    factors = content.situation.options_by_diagnosis[diagnosis][option]
    for line, (_, entry) in zip(shown.lines, factors.entries(), strict=True):
        for sentence, statement in zip(line.sentences, entry.says, strict=False):
            assert sentence.endswith(content.situation.label_v2) == (statement.label == "V2")


def test_the_evidence_is_no_longer_said_only_for_fusion(content):
    """The finding: smoking, diabetes and weight were named only for fusion. Decompression and
    discectomy now say what is known about them too."""
    for diagnosis, option in (("spinal_stenosis", "laminectomy"), ("disc_herniation", "microdiscectomy")):
        factors = content.situation.options_by_diagnosis[diagnosis][option]
        assert factors.diabetes.says and factors.weight.says


# ------------------------------------------------------------ broken copies are refused


def _edit(copy: Path, old: str, new: str) -> None:
    break_content(copy, "situation.yaml", old, new)


def test_a_factor_left_out_is_refused_naming_file_and_field(content_copy):
    _edit(content_copy, "      weight: {silent: Our evidence does not say how body weight changes what you get from "
                        "non-operative care.}\n", "")
    with pytest.raises(ContentError, match=re.escape(
            "situation.yaml, field options_by_diagnosis.disc_herniation.non_operative.weight: Field required")):
        load_content(content_copy)


def test_an_option_left_out_is_refused_naming_file_and_field(content_copy):
    _edit(content_copy, "    microdiscectomy:\n      smoking:", "    laminectomy:\n      smoking:")  # renamed away
    with pytest.raises(ContentError, match=re.escape(
            "situation.yaml, field options_by_diagnosis.disc_herniation.microdiscectomy: missing")):
        load_content(content_copy)


@pytest.mark.parametrize(("old", "new", "message"), [
    ("{silent: Our evidence does not say how smoking changes what you get from microdiscectomy.}",
     "{silent: Smoking is fine.}", "must begin 'Our evidence does not say'"),
    ("{silent: Our evidence does not say how smoking changes what you get from microdiscectomy.}",
     "{}", "give sourced statements (says) or a silent sentence"),
    ("sources: [sport_stenosis_who_gains]\n", "sources: [nobody_1999]\n", "'nobody_1999' is not defined"),
    ("sources: [sport_stenosis_who_gains]\n", "sources: []\n", "sources"),
    ("label: V2", "label: U", "label"),
], ids=["silence-not-plain", "neither", "unknown-source", "no-source", "unverified"])
def test_a_broken_entry_is_refused(content_copy, old, new, message):
    _edit(content_copy, old, new)
    with pytest.raises(ContentError, match=re.escape(message)) as refused:
        load_content(content_copy)
    assert "situation.yaml" in str(refused.value)


# ------------------------------------------------------------ which options, and when the note shows


def test_the_options_in_view_are_those_compared_that_the_diagnosis_offers(content):
    assert options_in_view(content, "spinal_stenosis", ["laminectomy", "fusion"]) == ("laminectomy",)
    assert options_in_view(content, "spinal_stenosis", []) == ("non_operative", "laminectomy")
    assert options_in_view(content, "not_sure", ["laminectomy"]) == ()
    assert options_in_view(content, None, []) == ()


@pytest.mark.parametrize(("worst", "in_view", "shown"), [
    ("back", ("non_operative", "laminectomy"), ("laminectomy",)),
    ("back", ("non_operative", "microdiscectomy"), ("microdiscectomy",)),
    ("back", ("non_operative", "fusion"), ()),
    ("back", ("non_operative",), ()),
    ("leg", ("non_operative", "laminectomy"), ()),
    ("both", ("microdiscectomy",), ()),
    (None, ("laminectomy",), ()),
])
def test_the_back_pain_note_shows_only_for_back_pain_and_an_operation_for_leg_pain(content, worst, in_view, shown):
    assert tuple(o for o, _ in back_pain_notes(content, worst, in_view)) == shown


# ------------------------------------------------------------ on Compare


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_compare_shows_the_back_pain_note_for_laminectomy_when_the_worst_pain_is_the_back(content):
    at = app_at(COMPARE, _record(diagnosis="spinal_stenosis", procedure="laminectomy", worst_pain="back"))
    assert_no_exception(at)
    assert NOTE_TITLE in _markdown(at)
    assert content.situation.back_pain.notes["laminectomy"].text.split(".")[0] in _markdown(at)


def test_compare_does_not_show_the_note_when_the_worst_pain_is_the_leg():
    at = app_at(COMPARE, _record(diagnosis="spinal_stenosis", procedure="laminectomy", worst_pain="leg"))
    assert_no_exception(at)
    assert NOTE_TITLE not in _markdown(at)


def test_compare_lists_the_factors_of_the_options_in_view_and_says_where_the_evidence_is_silent(content):
    at = app_at(COMPARE, _record(diagnosis="disc_herniation", worst_pain="leg"))
    assert_no_exception(at)
    s = content.situation
    assert s.title in [e.label for e in at.expander]
    text = _markdown(at)
    silent = s.options_by_diagnosis["disc_herniation"]["non_operative"].smoking.silent
    said = s.options_by_diagnosis["disc_herniation"]["microdiscectomy"].diabetes.says[0].text
    assert silent in text and said in text
    assert "Spinal fusion" not in text.split(s.intro, 1)[1]  # only the options the diagnosis offers


# ------------------------------------------------------------ in the summary and the PDF


def test_the_summary_and_the_pdf_carry_the_back_pain_note(content):
    record = _record(diagnosis="spinal_stenosis", procedure="laminectomy", worst_pain="back")
    summary = build_summary(record, content)
    section = summary.section("situation")
    assert section.part == "answers" and section.blocks[0].label == NOTE_TITLE
    assert set(content.situation.back_pain.notes["laminectomy"].sources) <= set(summary.citation_ids)
    assert NOTE_TITLE in _pdf_text(record, content)


def _pdf_text(record, content) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(build_pdf(record, content))).pages).split())


def test_the_summary_has_no_note_when_the_worst_pain_is_the_leg_and_the_pdf_keeps_its_room(content):
    record = _record(diagnosis="spinal_stenosis", procedure="laminectomy", worst_pain="leg")
    summary = build_summary(record, content)
    assert NOTE_TITLE not in summary.text()
    said = content.situation.options_by_diagnosis["spinal_stenosis"]["laminectomy"].diabetes.says[0].text
    assert said in summary.text()  # the factors are on the Summary screen
    pdf = _pdf_text(record, content)
    assert content.situation.title not in pdf and " ".join(said.split())[:40] not in pdf  # not on paper


def test_the_summary_page_shows_the_note(content):
    at = app_at(SUMMARY, _record(diagnosis="disc_herniation", procedure="microdiscectomy", worst_pain="back"))
    assert_no_exception(at)
    assert NOTE_TITLE in _markdown(at)
