"""The summary shared by the Summary page and the PDF: what it holds, and what it leads with."""

from __future__ import annotations

from datetime import date

import pytest

from decision.compare.fusion_plan import plan_lines
from decision.content import load_content
from decision.output.summary import (
    ComparisonBlock,
    Item,
    Paragraph,
    build_summary,
    options_compared,
    sure_text,
)
from decision.record import DecisionReached, DecisionRecord, FusionPlan, SureAnswers
from tests import records

# The summary's words for a skipped answer and a SURE conflict live in content/pages.yaml (issue 26)
NOT_ANSWERED = load_content().pages["summary.not_answered"]
NOT_RECORDED = load_content().pages["summary.not_recorded"]
CONFLICT_FLAG = "possible decisional conflict"
CONTENT = load_content()


def items(summary, section_id: str) -> dict[str, str]:
    return {b.label: b.value for b in summary.section(section_id).blocks if isinstance(b, Item)}


# ---------------------------------------------------------------- an empty record


def test_an_empty_record_says_not_answered_where_nothing_was_given(content):
    s = build_summary(DecisionRecord(), content)
    assert s.initials == NOT_ANSWERED
    assert items(s, "safety")["Urgent signs"] == NOT_ANSWERED
    back = items(s, "your_back")
    assert set(back.values()) == {NOT_ANSWERED}  # diagnosis and operation too: nothing is pre-set
    assert items(s, "treatments")["Treatments"] == NOT_ANSWERED
    assert items(s, "surgeon") == {"Surgeon's proposal": NOT_ANSWERED}
    values = items(s, "values")
    assert values["Top values"] == NOT_ANSWERED and values["Your own concerns"] == NOT_ANSWERED
    leaning = items(s, "leaning")
    for label in ("Quiz", "How you want to decide"):
        assert leaning[label] == NOT_ANSWERED, label
    assert items(s, "decision")["Leaning toward"] == NOT_ANSWERED  # beside the decision (issue 23)
    assert set(items(s, "sure").values()) == {NOT_ANSWERED}
    assert items(s, "questions") == {"Questions": NOT_ANSWERED}
    assert set(items(s, "baseline").values()) == {NOT_ANSWERED}
    assert items(s, "decision")["Decision"] == content.pages["summary.no_decision"]
    assert s.signatures == ("Patient", "Surgeon")
    assert s.id_lines == ("Name", "Date of birth", "Record number")


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
    summary = build_summary(record, content)
    assert Item("Result", content.readiness.status_titles["criteria_met"]) in summary.section("readiness").blocks
    # what is in place, and why, is in the detail after page 1
    assert any(getattr(b, "text", "") == "What is in place:" for b in summary.section("readiness_detail").blocks)
    short = record.model_copy(update={"treatments": []})
    blocks = build_summary(short, content).section("readiness").blocks
    title = content.readiness.status_titles["not_yet"]
    assert Item("Result", title) in blocks
    assert any(getattr(b, "text", "") == "What is missing:" for b in blocks)


# ---------------------------------------------------------------- red flags


@pytest.mark.parametrize("flag, action", [
    ("saddle_numbness", "emergency"), ("fever_or_feeling_unwell", "urgent"), ("cancer_history", "soon"),
])
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
    from decision.compare.comparison import compare

    s = build_summary(DecisionRecord(diagnosis=diagnosis), content)
    view = compare(content, diagnosis)
    blocks = [b for b in s.section("options").blocks if isinstance(b, ComparisonBlock)]
    assert sorted(b.comparison_id for b in blocks) == sorted(c.id for c in view.comparisons)
    for b in blocks:
        c = content.comparison(b.comparison_id)
        assert b.kind == c.kind and b.kind_word == content.template.kinds[c.kind].word
        assert content.source(c.source).authors in b.source
        if c.gap is None:  # one line per arm, each naming its option: a number never prints alone
            assert len(b.arms) == len(c.arms)
            assert {a.split(":")[0] for a in b.arms} == {content.option(o).name for o in c.arms}
        else:  # a gap: one sentence naming both groups
            assert len(b.arms) == 1 and all(content.option(o).name in b.arms[0] for o in c.arms)
        for words in (c.caveat, c.single_arm):
            assert not words or words in b.notes


def test_the_overview_rows_come_first_a_benefit_then_a_harm(content):
    s = build_summary(DecisionRecord(diagnosis="degenerative_spondylolisthesis"), content)
    blocks = [b for b in s.section("options").blocks if isinstance(b, ComparisonBlock)]
    overview = content.decision_for("degenerative_spondylolisthesis").overview
    first = [b.comparison_id for b in blocks[:len(overview)]]
    assert sorted(first) == sorted(overview) and all(b.overview for b in blocks[:len(overview)])
    assert not any(b.overview for b in blocks[len(overview):])
    kinds = [b.kind == "benefit" for b in blocks[:len(overview)]]
    for n in range(len(kinds) + 1):  # wherever the paper runs out, no more benefits than harms on it
        assert sum(kinds[:n]) <= n - sum(kinds[:n]) + 1


def test_not_sure_shows_the_orientation_and_no_numbers(content):
    s = build_summary(DecisionRecord(diagnosis="not_sure"), content)
    blocks = s.section("options").blocks
    assert not [b for b in blocks if isinstance(b, ComparisonBlock)]
    assert content.decision_for("not_sure").intro in [b.text for b in blocks if isinstance(b, Paragraph)]


def test_the_options_of_the_diagnosis_are_named(content):
    s = build_summary(DecisionRecord(diagnosis="chronic_low_back_pain"), content)
    assert items(s, "options")["Options for your diagnosis"] == "Non-operative care, Spinal fusion"


def test_no_option_is_claimed_as_compared_before_the_compare_page_was_used(content):
    s = build_summary(DecisionRecord(diagnosis="spinal_stenosis", leaning="laminectomy"), content)
    assert items(s, "options")["Options compared"] == content.pages["summary.options_none"]


def test_options_compared_are_exactly_those_set_side_by_side_on_the_compare_page(content):
    record = DecisionRecord(diagnosis="spinal_stenosis", options_compared=["laminectomy", "non_operative", "fusion"])
    assert options_compared(record, content) == ("non_operative", "laminectomy", "fusion")  # template order
    s = build_summary(record, content)
    assert items(s, "options")["Options compared"] == "Non-operative care, Laminectomy, Spinal fusion"
    assert "Microdiscectomy" not in items(s, "options")["Options compared"]
    assert options_compared(DecisionRecord(diagnosis="not_sure"), content) == ()


def test_page_one_comes_in_the_order_the_chart_needs(content):
    s = build_summary(records.full_record(content), content)
    assert [sec.id for sec in s.part("chart")] == [
        "safety", "decision", "surgeon", "sure", "readiness", "values", "questions"]
    flagged = build_summary(records.full_record(content).model_copy(update={"red_flags": ["saddle_numbness"]}), content)
    assert [sec.id for sec in flagged.part("chart")][:2] == ["red_flag", "decision"]
    assert s.sections[: len(s.part("chart"))] == s.part("chart")  # page 1 first, then the rest


def test_a_red_flag_summary_prints_no_default_as_an_answer(content):
    s = build_summary(DecisionRecord(safety_screen_done=True, red_flags=["bladder_problems"]), content)
    text = s.text()
    p = content.pages
    assert p["diagnosis.not_sure"] not in text and p["procedure.none_yet"] not in text
    assert items(s, "your_back")["Diagnosis"] == NOT_ANSWERED
    assert not s.part("figures")  # the walk is paused: no comparison, and no "options compared"
    assert all(content.option(o).name not in text for o in content.template.option_order)


def test_not_sure_is_printed_only_when_it_was_chosen(content):
    chosen = build_summary(DecisionRecord(diagnosis="not_sure", procedure="none_yet"), content)
    assert items(chosen, "your_back")["Diagnosis"] == content.pages["diagnosis.not_sure"]
    assert items(chosen, "your_back")["Operation talked about"] == content.pages["procedure.none_yet"]


# ---------------------------------------------------------------- scores and plan


def test_sure_flags_possible_conflict_only_when_answered_and_under_four():
    assert sure_text(SureAnswers(), CONTENT) == NOT_ANSWERED
    every = SureAnswers(sure=True, understand=True, risk_benefit=True, encouragement=True)
    assert sure_text(every, CONTENT) == "4 out of 4"
    three = sure_text(SureAnswers(sure=True, understand=True, risk_benefit=False, encouragement=True), CONTENT)
    assert three == f"3 out of 4: {CONFLICT_FLAG}"
    partial = sure_text(SureAnswers(sure=True), CONTENT)  # as on screen, an unfinished test is not scored
    assert "1 of 4 questions answered" in partial and CONFLICT_FLAG not in partial


def test_the_quiz_line_counts_right_answers_among_those_answered(content):
    questions = content.deliberation.quiz.for_diagnosis(None)  # no diagnosis: the general questions
    record = DecisionRecord(quiz={questions[0].id: questions[0].answer, "no_such_question": "a"})
    line = content.pages["summary.quiz_score"]
    quiz = items(build_summary(record, content), "leaning")["Quiz"]
    assert quiz == line.format(right=1, answered=1, total=len(questions))
    full = records.full_record(content)  # a slip: its questions; the last, general, answered wrong
    total = len(content.deliberation.quiz.for_diagnosis(full.diagnosis))
    quiz = items(build_summary(full, content), "leaning")["Quiz"]
    assert quiz == line.format(right=total - 1, answered=total, total=total)


def test_a_changed_quiz_answer_is_a_second_try_and_leaves_the_score_alone(content):
    full = records.full_record(content)
    last = content.deliberation.quiz.questions[-1]
    before = items(build_summary(full, content), "leaning")["Quiz"]
    changed = full.model_copy(update={"quiz_second_tries": {last.id: last.answer}})
    found = items(build_summary(changed, content), "leaning")
    assert found["Quiz"] == before
    assert found["Quiz, second tries"] == content.pages["summary.quiz_second_tries"].format(changed=1, right=1)
    assert "Quiz, second tries" not in items(build_summary(full, content), "leaning")


def test_a_plan_with_only_surgeon_notes_shows_the_notes_and_no_plan_choices(content):
    record = DecisionRecord(fusion_plan=FusionPlan(surgeon_notes="Review in 6 weeks."))
    found = items(build_summary(record, content), "surgeon")
    assert found == {"Surgeon's proposal": NOT_ANSWERED, "Surgeon's notes": "Review in 6 weeks."}


def test_free_text_is_marked_free_so_it_is_shown_as_plain_text(content):
    s = build_summary(records.full_record(content), content)
    notes = next(b for b in s.section("surgeon").blocks if isinstance(b, Item) and b.label == "Surgeon's notes")
    assert notes.free and notes.value == records.SURGEON_NOTES


def test_more_time_needed_is_a_decision_that_can_be_recorded(content):
    record = DecisionRecord(decision_reached=DecisionReached(choice="more_time_needed", on=date(2026, 12, 2)))
    value = items(build_summary(record, content), "decision")["Decision"]
    assert value == f"{content.pages['option.more_time_needed']}, on 2026-12-02"


def test_a_soon_sign_prints_the_readiness_check_as_not_judged(content):
    # Issue 20: a 'soon' sign used to print "criteria met" beside it on page 1.
    record = records.full_record(content).model_copy(update={"red_flags": ["cancer_history"]})
    blocks = build_summary(record, content).section("readiness").blocks
    assert Item("Result", content.readiness.status_titles["soon"]) in blocks
    assert any(getattr(b, "text", "") == content.readiness.not_judged for b in blocks)
    assert not any(s.id == "readiness_detail" for s in build_summary(record, content).sections)


def test_the_summary_says_the_medicines_are_not_safe_and_the_span_given(content):
    record = records.full_record(content).model_copy(update={"medicines_unsuitable": True, "care_weeks": 30})
    blocks = build_summary(record, content).section("treatments").blocks
    assert any(getattr(b, "text", "") == content.readiness.medicines_unsuitable.question for b in blocks)
    assert Item(content.readiness.span.question, "30") in blocks


def test_what_the_surgeon_must_still_confirm_is_on_page_one(content):
    record = records.full_record(content)
    record.clinical.imaging_matches = None
    blocks = build_summary(record, content).section("readiness").blocks
    assert any(getattr(b, "items", None) == (content.readiness.surgeon.to_confirm,) for b in blocks)
