"""The Summary page's layers (issue 24's cut): what the visit needs in view, the detail one click away.

At home a reader meets, as lines: the safety result, the decision and leaning, the surgeon's
proposal, SURE, the readiness result, what matters most, the questions; then the PDF; then the
diagnosis's story. The story stays in view (issue 23: the randomised result where the key result
is as-treated, and the sentence that no study counted the harms of care without surgery); every
comparison, benefits and harms alike, is in one closed layer. The answers from home are in
another. In clinic the surgeon's fields and what the surgeon must confirm stay in view.

What is "in view" is what sits outside every closed expander (``_visible``, as the sources test
reads a page); the length itself is measured in Chromium by benchmarks/walk.py.
"""

from __future__ import annotations

import pytest

from decision.output.summary import ComparisonBlock, Paragraph, build_summary
from decision.record import DecisionRecord
from decision.rules.readiness import assess
from tests import records
from tests.browser.walk_lengths import answered_record
from tests.conftest import app_at, assert_no_exception
from tests.test_sources_out_of_text import _visible

SUMMARY = "pages/8_Summary.py"
DIAGNOSES = ("disc_herniation", "spinal_stenosis", "degenerative_spondylolisthesis", "chronic_low_back_pain")


def _unescaped(texts) -> str:
    return " ".join(t.replace("\\", "").replace("**", "") for t in texts)


def _layer(at, label: str):
    layer = next(e for e in at.expander if e.label == label)
    assert not layer.proto.expanded, label
    return layer


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_the_diagnosis_story_stays_in_view_and_every_number_is_in_one_closed_layer(content, diagnosis):
    record = DecisionRecord.model_validate(answered_record(diagnosis, content))
    figures = build_summary(record, content).section("options")
    story = [b.text for b in figures.blocks if isinstance(b, Paragraph)]
    compared = [b for b in figures.blocks if isinstance(b, ComparisonBlock)]
    assert story and compared, "the premise: the diagnosis has a story and comparisons"
    at = app_at(SUMMARY, record)
    assert_no_exception(at)
    shown = _unescaped(_visible(at.main))
    for sentence in story:  # the randomised result, NICE's position, the uncounted harms
        assert sentence in shown, sentence
    assert not any(c.heading in shown for c in compared)  # no number out of its layer, benefit or harm
    layer = _layer(at, content.pages["summary.all_numbers"])
    inside = _unescaped(m.value for m in layer.markdown)
    for c in compared:  # every comparison, in the same words as on paper, with every arm
        assert f"{c.kind_word}: {c.heading}" in inside, c.comparison_id
        assert all(arm in inside for arm in c.arms), c.comparison_id
    assert {c.kind for c in compared} >= {"benefit", "harm"}


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_at_home_the_visit_needs_are_in_view_before_the_pdf_and_the_answers_are_one_layer(content, diagnosis):
    record = DecisionRecord.model_validate(answered_record(diagnosis, content))
    at = app_at(SUMMARY, record)
    assert_no_exception(at)
    shown = _unescaped(_visible(at.main))
    summary = build_summary(record, content)
    p = content.pages
    in_view = [
        content.red_flags.none_apply,
        f"Leaning toward: {content.deliberation.leaning_options[record.leaning]}",
        "Before the visit: 2 out of 4: possible decisional conflict",
        f"Readiness check: {summary.section('readiness').blocks[0].value}",
        *(b.label for b in summary.section("values").blocks[:3]),
        *record.questions,
        *record.own_concerns,
    ]
    for text in in_view:
        assert text in shown, text
    # A met readiness result keeps what it does not mean beside it; why is one click away.
    caveat = assess(record, content).caveat
    assert (caveat in shown) if caveat else summary.section("readiness").blocks[0].value in shown
    assert _layer(at, summary.section("readiness_detail").title)
    # The PDF comes after the questions and before the numbers.
    order = [str(getattr(e, "value", None) or getattr(e, "label", None) or "") for e in at.main]
    pdf = next(i for i, e in enumerate(at.main) if getattr(e, "type", "") == "download_button")
    assert next(i for i, v in enumerate(order) if record.questions[-1] in v) < pdf
    assert pdf < order.index(p["summary.figures"])
    # The answers from home are one closed layer; the surgeon's own words at home are one click away.
    answers = _layer(at, p["summary.home_answers"])
    assert p["nav.your_back"] in [h.value for h in answers.subheader]
    assert "Oswestry" not in shown and record.fusion_patient_notes not in shown
    assert record.fusion_plan.surgeon_notes not in shown
    assert record.fusion_plan.surgeon_notes in [t.value for t in _layer(at, p["summary.surgeon_more"]).text]


def test_in_clinic_the_surgeons_fields_and_what_to_confirm_stay_in_view(content):
    record = records.full_record(content)
    at = app_at(SUMMARY, record, clinic=True)
    assert_no_exception(at)
    visible = _visible(at.main)
    c = record.clinical
    for typed in (c.levels, c.confirmed_diagnosis, c.imaging_findings, record.fusion_plan.surgeon_notes):
        assert typed in visible, typed  # as typed, in plain text
    for label in (content.pages["visit.levels"], content.pages["visit.fusion_plan"]):
        assert label in _unescaped(visible), label
    assert content.pages["summary.surgeon_more"] not in [e.label for e in at.expander]  # no layer holds it


def test_in_clinic_what_the_surgeon_must_confirm_is_in_view(content):
    full = records.full_record(content)
    record = full.model_copy(update={"clinical": full.clinical.model_copy(update={"imaging_matches": None})})
    result = assess(record, content)
    assert result.surgeon_to_confirm, "the premise: something is left for the surgeon to confirm"
    at = app_at(SUMMARY, record, clinic=True)
    assert_no_exception(at)
    shown = _unescaped(_visible(at.main))
    assert content.readiness.messages["surgeon_to_confirm"] in shown
    assert all(line in shown for line in result.surgeon_to_confirm)
