"""The summary shared by the Summary page and the PDF: what it holds, and what it leads with."""

from __future__ import annotations

from decision.fusion_plan import plan_lines

from datetime import date

import pytest

from decision.icon_array import icon_cells, sentence
from decision.record import DecisionReached, DecisionRecord, FusionPlan, SureAnswers
from decision.summary import (
    CONFLICT_FLAG,
    NOT_ANSWERED,
    NOT_RECORDED,
    Item,
    OptionFigures,
    Paragraph,
    build_summary,
    sure_text,
)
from tests import records


def items(summary, section_id: str) -> dict[str, str]:
    return {b.label: b.value for b in summary.section(section_id).blocks if isinstance(b, Item)}


# ---------------------------------------------------------------- an empty record


def test_an_empty_record_says_not_answered_where_nothing_was_given(content):
    s = build_summary(DecisionRecord(), content)
    assert s.initials == NOT_ANSWERED
    assert items(s, "safety")["Urgent signs"] == NOT_ANSWERED
    back = items(s, "your_back")
    assert back["Pain began"] == NOT_ANSWERED and back["Worst pain"] == NOT_ANSWERED
    assert items(s, "treatments")["Treatments"] == NOT_ANSWERED
    assert set(items(s, "surgeon").values()) == {NOT_ANSWERED}
    values = items(s, "values")
    assert values["Top values"] == NOT_ANSWERED and values["Your own concerns"] == NOT_ANSWERED
    leaning = items(s, "leaning")
    for label in ("Quiz", "Leaning toward", "How you want to decide", "SURE test before", "SURE test after",
                  "Questions for the surgeon"):
        assert leaning[label] == NOT_ANSWERED, label
    assert set(items(s, "baseline").values()) == {NOT_ANSWERED}
    assert items(s, "decision")["Decision"] == NOT_RECORDED
    assert s.signatures == ("Patient", "Surgeon")


def test_an_empty_record_leads_with_the_safety_check_and_has_no_alert(content):
    s = build_summary(DecisionRecord(), content)
    assert s.sections[0].id == "safety" and not any(sec.alert for sec in s.sections)


def test_the_summary_names_the_aid_its_content_version_and_the_day(content):
    s = build_summary(DecisionRecord(), content, today=date(2027, 3, 4))
    assert (s.aid_name, s.content_version, s.content_date) == (
        content.meta.name, content.meta.content_version, content.meta.last_review)
    assert s.made_on == date(2027, 3, 4)


# ---------------------------------------------------------------- a full record


def test_a_full_record_summary_holds_every_field(content):
    record = records.full_record(content)
    s = build_summary(record, content)
    text = s.text()
    p = content.pages
    expected = [
        record.patient_initials,
        content.red_flags.none_apply,
        p[f"diagnosis.{record.diagnosis}"],
        p[f"procedure.{record.procedure}"],
        f"{record.symptom_weeks} weeks",
        p[f"worst_pain.{record.worst_pain}"],
        *(content.program.treatment_names[t.kind] for t in record.treatments),
        *(content.program.helped_names[t.helped] for t in record.treatments),
        records.CONFIRMED_DIAGNOSIS,
        records.IMAGING,
        records.SURGEON_NOTES,
        *(words for _, words in plan_lines(record.fusion_plan, content)),
        records.PATIENT_FUSION_NOTE,
        *records.OWN_CONCERNS,
        *records.QUESTIONS,
        content.deliberation.leaning_options[record.leaning],
        content.deliberation.decision_roles[record.decision_role],
        f"2 out of 4: {CONFLICT_FLAG}",
        "4 out of 4",
        "6 out of 10", "8 out of 10",
        "53.3 out of 100",
        f"{p['option.fusion']}, on 2026-12-01",
    ]
    for value in expected:
        assert value in text, value
    top = [v.label for v in content.deliberation.values.items if record.values.get(v.id, 0) >= 7]
    low = [v.label for v in content.deliberation.values.items if record.values.get(v.id, 10) < 7]
    assert top and all(label in text for label in top)
    assert not any(items(s, "values").get(label) for label in low)
    assert s.citations, "a full record cites its sources"


def test_a_full_record_has_no_not_answered_except_where_the_record_cannot_say(content):
    s = build_summary(records.full_record(content), content)
    for sec in s.sections:
        for label, value in items(s, sec.id).items():
            assert value not in (NOT_ANSWERED, NOT_RECORDED), (sec.id, label)


def test_readiness_shows_what_is_met_and_what_is_missing(content):
    record = records.full_record(content)
    met = build_summary(record, content).section("readiness")
    assert Item("Result", content.readiness.status_titles["criteria_met"]) in met.blocks
    assert any(getattr(b, "text", "") == "What is in place:" for b in met.blocks)
    short = record.model_copy(update={"treatments": []})
    blocks = build_summary(short, content).section("readiness").blocks
    title = content.readiness.status_titles["not_yet"]
    assert Item("Result", title) in blocks
    assert any(getattr(b, "text", "") == "What is missing:" for b in blocks)


# ---------------------------------------------------------------- red flags


@pytest.mark.parametrize("flag, action", [("saddle_numbness", "emergency"), ("fever_or_feeling_unwell", "urgent"), ("cancer_history", "soon")])
def test_a_red_flag_record_leads_with_the_action(content, flag, action):
    record = records.full_record(content).model_copy(update={"red_flags": [flag]})
    s = build_summary(record, content)
    first = s.sections[0]
    todo = content.red_flags.levels[action]
    assert first.alert and first.title == todo.title
    assert Paragraph(todo.message, strong=True) in first.blocks
    question = next(f.question for f in content.red_flags.flags if f.id == flag)
    assert question in next(b for b in first.blocks if hasattr(b, "items")).items
    assert [sec.alert for sec in s.sections].count(True) == 1
    assert all(c in s.citations for c in (content.source(i).citation for i in todo.sources))


# ---------------------------------------------------------------- options and figures


@pytest.mark.parametrize("diagnosis", ["disc_herniation", "spinal_stenosis", "degenerative_spondylolisthesis",
                                       "chronic_low_back_pain"])
def test_the_summary_shows_each_comparison_of_the_diagnosis_with_every_arm(content, diagnosis):
    from decision.comparison import arm_figure, compare

    s = build_summary(DecisionRecord(diagnosis=diagnosis), content)
    view = compare(content, diagnosis)
    seen = []
    for b in s.section("options").blocks:
        if not isinstance(b, OptionFigures):
            continue
        if b.option_id.endswith("-single"):  # harms counted for one option only, packed two to a row
            groups = [[f] for f in b.figures]
        else:
            groups = [list(b.figures)]
        for figs in groups:
            c = content.comparison(figs[0].figure_id.split(".")[0])
            seen.append(c.id)
            assert content.source(c.source).citation in s.citations
            if c.measure == "people":
                assert [f.figure_id for f in figs] == [f"{c.id}.{o}" for o in c.arms]
                for f, oid in zip(figs, c.arms):
                    fig = arm_figure(c, oid)
                    assert f.sentence == sentence(fig) and f.cells == tuple(icon_cells(fig.per_100))
            else:
                assert all(f.cells == () for f in figs)
    assert sorted(seen) == sorted(c.id for c in view.comparisons)


def test_a_heading_per_kind_leads_its_comparisons(content):
    s = build_summary(DecisionRecord(diagnosis="degenerative_spondylolisthesis"), content)
    headings = [b.text for b in s.section("options").blocks if isinstance(b, Paragraph) and b.strong]
    assert headings == [content.template.kinds[k].title for k in
                        ("benefit", "harm", "another_operation", "operation_later")]


def test_not_sure_shows_the_orientation_and_no_numbers(content):
    s = build_summary(DecisionRecord(diagnosis="not_sure"), content)
    blocks = s.section("options").blocks
    assert not [b for b in blocks if isinstance(b, OptionFigures)]
    assert content.decision_for("not_sure").intro in [b.text for b in blocks if isinstance(b, Paragraph)]


def test_the_options_of_the_diagnosis_are_named(content):
    s = build_summary(DecisionRecord(diagnosis="chronic_low_back_pain"), content)
    assert items(s, "options")["Options for your diagnosis"] == "Non-operative care, Spinal fusion"


# ---------------------------------------------------------------- scores and plan


def test_sure_flags_possible_conflict_only_when_answered_and_under_four():
    assert sure_text(SureAnswers()) == NOT_ANSWERED
    assert sure_text(SureAnswers(sure=True, understand=True, risk_benefit=True, encouragement=True)) == "4 out of 4"
    three = sure_text(SureAnswers(sure=True, understand=True, risk_benefit=False, encouragement=True))
    assert three == f"3 out of 4: {CONFLICT_FLAG}"
    partial = sure_text(SureAnswers(sure=True))  # as on screen, an unfinished test is not scored
    assert "1 of 4 questions answered" in partial and CONFLICT_FLAG not in partial


def test_the_quiz_line_counts_right_answers_among_those_answered(content):
    questions = content.deliberation.quiz.questions
    record = DecisionRecord(quiz={questions[0].id: questions[0].answer, "no_such_question": "a"})
    assert items(build_summary(record, content), "leaning")["Quiz"] == f"1 right of 1 answered ({len(questions)} questions)"
    full = records.full_record(content)
    total = len(questions)
    assert items(build_summary(full, content), "leaning")["Quiz"] == f"{total - 1} right of {total} answered ({total} questions)"


def test_a_plan_with_only_surgeon_notes_shows_the_notes_and_no_plan_choices(content):
    record = DecisionRecord(fusion_plan=FusionPlan(surgeon_notes="Review in 6 weeks."))
    found = items(build_summary(record, content), "surgeon")
    assert found == {"Surgeon's notes": "Review in 6 weeks."}


def test_free_text_is_marked_free_so_it_is_shown_as_plain_text(content):
    s = build_summary(records.full_record(content), content)
    notes = next(b for b in s.section("surgeon").blocks if isinstance(b, Item) and b.label == "Surgeon's notes")
    assert notes.free and notes.value == records.SURGEON_NOTES


def test_more_time_needed_is_a_decision_that_can_be_recorded(content):
    record = DecisionRecord(decision_reached=DecisionReached(choice="more_time_needed", on=date(2026, 12, 2)))
    value = items(build_summary(record, content), "decision")["Decision"]
    assert value == f"{content.pages['option.more_time_needed']}, on 2026-12-02"
