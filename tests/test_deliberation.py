"""What matters to you, the quiz, the SURE test and the questions for the surgeon."""

from __future__ import annotations

import re

import pytest

from decision.deliberation import (
    FIT_ORDER,
    HIGHLY_RATED,
    add_text,
    comparison_note,
    evidence_note,
    own_questions,
    quiz_feedback,
    relevant_options,
    score_quiz,
    suggested_questions,
    sure_score,
    values_fit,
)
from decision.record import DecisionRecord, Sure, SureAnswers, parse_record
from tests.conftest import app_at, assert_no_exception

VALUES_PAGE = "pages/5_What_matters_to_you.py"
QUIZ_PAGE = "pages/6_Check_your_understanding.py"
LEANING_PAGE = "pages/7_Where_you_are_leaning.py"


def _fit(content, ratings):
    return values_fit(ratings, content.deliberation.values, content.template.option_order)


# ---------------------------------------------------------------- content


def test_every_value_reason_rests_on_a_comparison_with_an_arm_for_its_option(content):
    for item in content.deliberation.values.items:
        for reason in item.reasons:
            c = content.comparison(reason.comparison)
            assert reason.option in c.arms, f"{item.id}/{reason.option}"


DIAGNOSES_WITH_OPTIONS = [
    "disc_herniation", "spinal_stenosis", "degenerative_spondylolisthesis", "chronic_low_back_pain",
]


@pytest.mark.parametrize("diagnosis", DIAGNOSES_WITH_OPTIONS)
def test_every_option_of_a_diagnosis_has_a_reason_for_some_value(content, diagnosis):
    # Each option has something to say about a thing a patient may weigh, and every reason shown
    # for a diagnosis rests on a comparison of that diagnosis. Which way it tends to fit is the
    # evidence's to say (tests/test_values_fit.py): no option is owed a "tends to fit".
    ratings = {item.id: 10 for item in content.deliberation.values.items}
    fit = values_fit(ratings, content.deliberation.values, content.template.option_order, content=content,
                     diagnosis=diagnosis)
    assert [o.option for o in fit.options] == list(content.decision_for(diagnosis).options)
    for option_fit in fit.options:
        assert option_fit.reasons, f"{diagnosis}/{option_fit.option}"
        for r in option_fit.reasons:  # a reason by what the option is has no comparison (test_values_fit.py)
            assert r.comparison is None or diagnosis in content.comparison(r.comparison).applies_to


def test_no_value_is_slanted_to_the_gentlest_option(content):
    labels = [i.label.lower() for i in content.deliberation.values.items]
    assert not any("gentlest" in label for label in labels)


def test_value_reasons_carry_no_numbers_of_their_own(content):
    # Numbers come from the figure a reason names, so they cannot drift from the evidence.
    for item in content.deliberation.values.items:
        for reason in item.reasons:
            assert not re.search(r"\d", reason.why), f"{item.id}/{reason.option}: {reason.why}"


def test_the_values_list_has_seven_to_nine_items(content):
    assert 7 <= len(content.deliberation.values.items) <= 9


def test_a_number_in_a_right_quiz_answer_matches_its_comparison(content):
    for q in content.deliberation.quiz.questions:
        right = next(c.text for c in q.choices if c.id == q.answer)
        numbers = re.findall(r"\d+(?:\.\d+)?", right)
        if q.comparison and numbers:
            c = content.comparison(q.comparison)
            given = {f"{v:g}" for a in c.arms.values() for v in (a.per_100, a.points) if v is not None}
            assert set(numbers) <= given | set(re.findall(r"\d+", c.time_frame)) | {"100"}, q.id


def test_the_sure_test_has_the_four_items_in_order(content):
    assert [i.id for i in content.deliberation.sure.items] == ["sure", "understand", "risk_benefit", "encouragement"]


# ---------------------------------------------------------------- values fit


def test_fit_with_no_ratings_lists_no_reasons(content):
    fit = _fit(content, {})
    assert not fit.has_high_ratings
    assert [o.option for o in fit.options] == list(content.template.option_order)
    assert all(o.reasons == () for o in fit.options)


def test_fit_with_only_low_ratings_lists_no_reasons(content):
    fit = _fit(content, {item.id: HIGHLY_RATED - 1 for item in content.deliberation.values.items})
    assert all(o.reasons == () for o in fit.options)


def test_fit_lists_the_content_reasons_for_every_highly_rated_item(content):
    items = content.deliberation.values.items
    high, low = items[0], items[1]
    fit = _fit(content, {high.id: HIGHLY_RATED, low.id: HIGHLY_RATED - 1})
    assert fit.high_items == (high.id,)
    for option_fit in fit.options:
        expected = [r for r in high.reasons if r.option == option_fit.option]
        values = content.deliberation.values
        derived = sorted(((high.id, values.fit(e.option, e.comparison), e.why) for e in expected),
                         key=lambda r: FIT_ORDER.index(r[1]))  # grouped by fit, content order within
        assert [(r.item_id, r.fit, r.why) for r in option_fit.reasons] == derived
        assert all(r.item_id != low.id for r in option_fit.reasons)


def test_fit_groups_reasons_by_fit_and_orders_by_rating(content):
    items = content.deliberation.values.items
    ratings = {item.id: 10 - (n % 3) for n, item in enumerate(items)}
    fit = _fit(content, ratings)
    content_reasons = {(i.id, r.option, r.why) for i in items for r in i.reasons}
    by_what_it_is = [i for i in items if i.about_operation_itself]  # one more reason each, for every option
    for option_fit in fit.options:
        content_reasons |= {(i.id, option_fit.option, w) for i in by_what_it_is if i.by_what_it_is
                            for w in (i.by_what_it_is.no_operation, i.by_what_it_is.an_operation)}
        assert len(option_fit.reasons) == len(by_what_it_is) + sum(
            1 for i in items for r in i.reasons if r.option == option_fit.option)
        order = [FIT_ORDER.index(r.fit) for r in option_fit.reasons]
        assert order == sorted(order)
        for group in FIT_ORDER:
            rated = [r.rating for r in option_fit.group(group)]
            assert rated == sorted(rated, reverse=True)
        for r in option_fit.reasons:
            assert (r.item_id, option_fit.option, r.why) in content_reasons
            assert r.comparison is None or r.comparison in content.comparison_by_id


def test_fit_ignores_ratings_for_items_the_content_does_not_have(content):
    fit = _fit(content, {"no_such_item": 10})
    assert fit.high_items == ()


def test_the_comparison_note_gives_every_arm_with_who_and_where(content):
    from decision.content.wording import arm_sentence
    from decision.deliberation import comparison_note

    reason = next(r for i in content.deliberation.values.items for r in i.reasons
                  if content.comparison(r.comparison).paired and content.comparison(r.comparison).measure == "people")
    c = content.comparison(reason.comparison)
    note = comparison_note(content, c.id, reason.option)
    assert note.startswith(arm_sentence(c, reason.option, content.words))
    for oid in c.arms:
        assert arm_sentence(c, oid, content.words) in note  # never one side alone
    assert c.population in note and content.source(c.source).authors in note


def test_the_note_of_a_quiz_answer_names_its_comparison_or_source(content):
    q = next(q for q in content.deliberation.quiz.questions if q.comparison)
    assert content.comparison(q.comparison).population in comparison_note(content, q.comparison)
    general = next(q for q in content.deliberation.quiz.questions if q.source and not q.comparison)
    assert content.source(general.source).authors in evidence_note(content, None, general.source)
    assert evidence_note(content, None, None) == ""


def test_add_text_strips_and_skips_blanks_repeats_and_overflow():
    assert add_text([], "  walk the dog  ", 3) == ["walk the dog"]
    assert add_text(["a"], "   ", 3) == ["a"]
    assert add_text(["a"], "a", 3) == ["a"]
    assert add_text(["a", "b", "c"], "d", 3) == ["a", "b", "c"]


# ---------------------------------------------------------------- quiz


def test_a_right_answer_gets_right_feedback(content):
    q = content.deliberation.quiz.questions[0]
    feedback = quiz_feedback(q, q.answer)
    assert feedback.correct
    assert feedback.explanation == q.explanation


def test_a_wrong_answer_gets_the_right_answer_and_the_explanation(content):
    q = content.deliberation.quiz.questions[0]
    wrong = next(c.id for c in q.choices if c.id != q.answer)
    feedback = quiz_feedback(q, wrong)
    assert not feedback.correct
    assert feedback.right_answer == next(c.text for c in q.choices if c.id == q.answer)
    assert feedback.explanation == q.explanation


def test_an_unanswered_or_unknown_choice_gets_no_feedback(content):
    q = content.deliberation.quiz.questions[0]
    assert quiz_feedback(q, None) is None
    assert quiz_feedback(q, "no_such_choice") is None


def test_quiz_score_counts_right_of_answered_of_total(content):
    quiz = content.deliberation.quiz
    asked = quiz.for_diagnosis("disc_herniation")
    first, second, third = asked[:3]
    wrong = next(c.id for c in second.choices if c.id != second.answer)
    answers = {first.id: first.answer, second.id: wrong, third.id: "no_such_choice", "old_question": "a"}
    score = score_quiz(answers, quiz, "disc_herniation")
    assert (score.right, score.answered, score.total) == (1, 2, len(asked))
    assert [f.question_id for f in score.feedback] == [first.id, second.id]


def test_an_empty_quiz_scores_zero_of_zero(content):
    score = score_quiz({}, content.deliberation.quiz, None)
    assert (score.right, score.answered) == (0, 0)


# ---------------------------------------------------------------- SURE


def test_four_yes_answers_score_four_and_no_conflict():
    result = sure_score(SureAnswers(sure=True, understand=True, risk_benefit=True, encouragement=True))
    assert (result.score, result.conflict, result.complete) == (4, False, True)


@pytest.mark.parametrize("item", ["sure", "understand", "risk_benefit", "encouragement"])
def test_any_no_answer_means_decisional_conflict(item):
    answers = {"sure": True, "understand": True, "risk_benefit": True, "encouragement": True, item: False}
    result = sure_score(SureAnswers(**answers))
    assert (result.score, result.conflict) == (3, True)


def test_all_no_answers_score_zero():
    result = sure_score(SureAnswers(sure=False, understand=False, risk_benefit=False, encouragement=False))
    assert (result.score, result.conflict) == (0, True)


def test_unanswered_items_are_incomplete_not_conflict():
    result = sure_score(SureAnswers(sure=True, understand=False))
    assert result.score is None
    assert result.conflict is None
    assert result.answered == 2
    assert not result.complete
    assert sure_score(SureAnswers()).answered == 0


# ---------------------------------------------------------------- questions for the surgeon


def test_general_questions_always_show_and_option_questions_only_when_relevant(content):
    d = content.deliberation
    general = {q.id for q in d.questions if not q.options}
    fusion_only = {q.id for q in d.questions if q.options == ("fusion",)}
    assert general and fusion_only
    nothing = {q.id for q in suggested_questions(d, relevant_options("none_yet", "not_sure"))}
    assert nothing == general
    fusion = {q.id for q in suggested_questions(d, relevant_options("fusion", None))}
    assert general | fusion_only <= fusion
    leaning_fusion = {q.id for q in suggested_questions(d, relevant_options("none_yet", "fusion"))}
    assert fusion_only <= leaning_fusion


def test_a_ticked_question_stays_shown_when_it_is_no_longer_relevant(content):
    d = content.deliberation
    fusion_q = next(q for q in d.questions if q.options == ("fusion",))
    shown = suggested_questions(d, set(), ticked=[fusion_q.text])
    assert fusion_q in shown


def test_own_questions_are_those_not_suggested(content):
    d = content.deliberation
    stored = [d.questions[0].text, "Can my wife come in?"]
    assert own_questions(stored, d) == ["Can my wife come in?"]


def test_a_question_ticked_in_its_earlier_words_shows_ticked_and_is_saved_in_its_new_words(content):
    # Issue 24 made some suggested questions shorter. A save file from before holds the old words:
    # the question is the same one, ticked, and never listed again as one the patient typed.
    d = content.deliberation
    reworded = next(q for q in d.questions if q.former and q.options == ("fusion",))
    old = reworded.former[0]
    record = DecisionRecord(safety_screen_done=True, questions=[old, "Can my wife come in?"])
    assert own_questions(record.questions, d) == ["Can my wife come in?"]
    assert reworded in suggested_questions(d, set(), ticked=record.questions)  # never hide a tick
    at = app_at(LEANING_PAGE, record=record)
    assert_no_exception(at)
    assert at.checkbox(key=f"w:question:{reworded.id}").value
    assert old not in [t.value for t in at.text]
    assert at.session_state["record"].questions == [reworded.text, "Can my wife come in?"]


# ---------------------------------------------------------------- pages


def _labels(at, kind):
    return [e.value for e in at.get(kind)]


def test_the_values_page_shows_the_disclaimer_and_the_reasons_for_high_ratings(content):
    at = app_at(VALUES_PAGE, DecisionRecord(safety_screen_done=True, diagnosis="disc_herniation"))
    assert_no_exception(at)
    item = content.deliberation.values.items[0]
    at.select_slider(key=f"w:value:{item.id}").set_value(9).run()
    assert_no_exception(at)
    assert at.session_state["record"].values == {item.id: 9}
    assert any(content.deliberation.values.disclaimer in w.value for w in at.warning)
    shown = " ".join(_labels(at, "markdown"))
    mine = {c.id for c in content.comparisons if "disc_herniation" in c.applies_to}
    for reason in item.reasons:
        assert (reason.why in shown) == (reason.comparison in mine), reason.why


def test_own_concerns_are_added_removed_and_shown_as_plain_text():
    at = app_at(VALUES_PAGE)
    concern = "**Not bold** <b>nor this</b>"
    at.text_input(key="w:concern_new").input(concern)
    at.button(key="w:concern_add").click().run()
    assert_no_exception(at)
    assert at.session_state["record"].own_concerns == [concern]
    assert concern in _labels(at, "text")
    assert not any(concern in m for m in _labels(at, "markdown"))
    at.button(key="w:concern_remove:0").click().run()
    assert at.session_state["record"].own_concerns == []


def test_the_quiz_page_gives_feedback_and_a_score(content):
    quiz = content.deliberation.quiz
    first, second = quiz.for_diagnosis("disc_herniation")[:2]
    wrong = next(c.id for c in second.choices if c.id != second.answer)
    at = app_at(QUIZ_PAGE, record=DecisionRecord(safety_screen_done=True, diagnosis="disc_herniation"))
    at.radio(key=f"w:quiz:{first.id}").set_value(first.answer).run()
    at.radio(key=f"w:quiz:{second.id}").set_value(wrong).run()
    assert_no_exception(at)
    assert at.session_state["record"].quiz == {first.id: first.answer, second.id: wrong}
    assert any(first.explanation in s.value for s in at.success)
    right_text = next(c.text for c in second.choices if c.id == second.answer)
    assert any(right_text in e.value and second.explanation in e.value for e in at.error)
    assert at.metric[0].value == "1 right of 2 answered"


def test_the_leaning_page_shows_the_sure_meaning_when_under_four(content):
    at = app_at(LEANING_PAGE)
    for item in ("sure", "understand", "risk_benefit"):
        at.radio(key=f"w:sure_before:{item}").set_value(True)
    at.radio(key="w:sure_before:encouragement").set_value(False).run()
    assert_no_exception(at)
    assert at.metric[0].value == "3 out of 4"
    assert any(content.deliberation.sure.conflict_message in w.value for w in at.warning)


def test_the_sure_test_at_the_end_of_the_visit_is_offered_only_in_clinic():
    home = app_at(LEANING_PAGE, clinic=False)
    assert not [r for r in home.radio if r.key.startswith("w:sure_after:")]
    clinic = app_at(LEANING_PAGE, clinic=True)
    assert len([r for r in clinic.radio if r.key.startswith("w:sure_after:")]) == 4


def test_fusion_questions_show_only_when_fusion_is_relevant(content):
    fusion_q = next(q for q in content.deliberation.questions if q.options == ("fusion",))
    at = app_at(LEANING_PAGE, record=DecisionRecord(safety_screen_done=True, procedure="microdiscectomy"))
    assert fusion_q.text not in _labels(at, "checkbox") and not _checkbox(at, fusion_q.id)
    at.radio(key="w:leaning").set_value("fusion").run()
    assert _checkbox(at, fusion_q.id)


def _checkbox(at, qid):
    return [c for c in at.checkbox if c.key == f"w:question:{qid}"]


def test_a_walk_through_pages_5_6_7_keeps_every_answer(content):
    d = content.deliberation
    items = d.values.items
    q1, q2 = d.quiz.for_diagnosis("degenerative_spondylolisthesis")[:2]
    general = next(q for q in d.questions if not q.options)

    record = DecisionRecord(safety_screen_done=True, diagnosis="degenerative_spondylolisthesis", procedure="fusion")
    at = app_at(VALUES_PAGE, record=record, clinic=True)
    at.select_slider(key=f"w:value:{items[0].id}").set_value(8)
    at.select_slider(key=f"w:value:{items[1].id}").set_value(2).run()
    at.text_input(key="w:concern_new").input("Caring for my mother")
    at.button(key="w:concern_add").click().run()

    at.switch_page(QUIZ_PAGE).run()
    at.radio(key=f"w:quiz:{q1.id}").set_value(q1.answer)
    at.radio(key=f"w:quiz:{q2.id}").set_value(next(c.id for c in q2.choices if c.id != q2.answer)).run()

    at.switch_page(LEANING_PAGE).run()
    at.radio(key="w:leaning").set_value("non_operative")
    at.radio(key="w:role").set_value("together")
    for item in ("sure", "understand", "risk_benefit", "encouragement"):
        at.radio(key=f"w:sure_before:{item}").set_value(item != "understand")
        at.radio(key=f"w:sure_after:{item}").set_value(True)
    at.checkbox(key=f"w:question:{general.id}").check().run()
    at.text_input(key="w:question_new").input("Can I still garden?")
    at.button(key="w:question_add").click().run()
    assert_no_exception(at)
    assert [m.value for m in at.metric] == ["3 out of 4", "4 out of 4"]

    rec = at.session_state["record"]
    expected = {
        "values": {items[0].id: 8, items[1].id: 2},
        "own_concerns": ["Caring for my mother"],
        "quiz": {q1.id: q1.answer, q2.id: rec.quiz[q2.id]},
        "leaning": "non_operative",
        "decision_role": "together",
        "sure": Sure(
            before=SureAnswers(sure=True, understand=False, risk_benefit=True, encouragement=True),
            after=SureAnswers(sure=True, understand=True, risk_benefit=True, encouragement=True),
        ),
        "questions": [general.text, "Can I still garden?"],
    }
    assert rec.quiz[q2.id] != q2.answer
    assert {k: getattr(rec, k) for k in expected} == expected

    # Away and back: every widget starts again from the record, and nothing is lost.
    at.switch_page(VALUES_PAGE).run()
    assert at.select_slider(key=f"w:value:{items[0].id}").value == 8
    at.switch_page(QUIZ_PAGE).run()
    assert at.radio(key=f"w:quiz:{q1.id}").value == q1.answer
    at.switch_page(LEANING_PAGE).run()
    assert_no_exception(at)
    assert at.radio(key="w:leaning").value == "non_operative"
    assert at.radio(key="w:sure_before:understand").value is False
    assert at.checkbox(key=f"w:question:{general.id}").value
    assert {k: getattr(at.session_state["record"], k) for k in expected} == expected

    # The save file keeps them all, and opening it in a new session puts them back on the page.
    saved = at.session_state["record"].to_json()
    loaded = parse_record(saved)
    assert {k: getattr(loaded, k) for k in expected} == expected
    fresh = app_at(LEANING_PAGE, clinic=True)
    fresh.file_uploader(key="load_record").upload("answers.json", saved.encode(), "application/json").run()
    assert_no_exception(fresh)
    assert {k: getattr(fresh.session_state["record"], k) for k in expected} == expected
    # After a load the inputs have new keys ("w1:"), so the browser shows the loaded answers.
    assert fresh.radio(key="w1:leaning").value == "non_operative"
    assert fresh.radio(key="w1:sure_before:understand").value is False
    assert fresh.radio(key="w1:sure_after:understand").value is True
    assert [m.value for m in fresh.metric] == ["3 out of 4", "4 out of 4"]
