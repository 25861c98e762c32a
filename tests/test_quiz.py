"""The quiz per diagnosis (issue 23): each patient is asked about the comparisons of her own
diagnosis, the score on the chart counts only those, and check-content refuses a question asked
where its comparison does not apply."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

from decision.content import ContentError, Diagnosis, load_content
from decision.content.checks.quiz import MAX_ASKED, MIN_FROM_COMPARISONS
from decision.deliberation import score_quiz
from decision.output.pdf import build_pdf
from decision.output.summary import build_summary
from decision.record import DecisionRecord
from tests import records
from tests.conftest import ROOT, app_at, assert_no_exception, break_content
from tests.test_pdf import pdf_text

QUIZ_PAGE = "pages/6_Check_your_understanding.py"
CONTENT_DIR = ROOT / "content"
DIAGNOSES = get_args(Diagnosis)
EVERY = (*DIAGNOSES, None)  # None: the patient has not said


def _asked(content, diagnosis):
    return content.deliberation.quiz.for_diagnosis(diagnosis)


@pytest.mark.parametrize("diagnosis", EVERY)
def test_every_question_asked_rests_on_a_comparison_of_the_diagnosis_or_is_general(content, diagnosis):
    asked = _asked(content, diagnosis)
    assert asked  # everyone gets at least the general questions
    for q in asked:
        if q.comparison:
            assert diagnosis in content.comparison(q.comparison).applies_to, q.id
        else:
            assert q.source and not q.figure, q.id  # a general or fusion question rests on a source
            assert not q.diagnoses or diagnosis in q.diagnoses, q.id
    if diagnosis in (None, "not_sure"):  # not sure, or not said: the general questions only
        assert all(not q.diagnoses and not q.comparison for q in asked)
    else:
        own = [q for q in asked if q.comparison]
        assert len(own) >= MIN_FROM_COMPARISONS and len(asked) <= MAX_ASKED


def test_a_slip_patient_is_not_asked_about_disc_herniation_trials(content):
    asked = _asked(content, "degenerative_spondylolisthesis")
    assert not any(q.comparison and "disc_herniation" in content.comparison(q.comparison).applies_to for q in asked)


def _numbers(text: str) -> set[float]:
    return {float(n) for n in re.findall(r"\d+(?:\.\d+)?", text)}


def _comparison_numbers(content, comparison_id: str) -> set[float]:
    """Every number the comparison itself gives, in any of its fields."""
    return _numbers(content.comparison(comparison_id).model_dump_json())


@pytest.mark.parametrize("question_id", [q.id for q in load_content().deliberation.quiz.questions if q.comparison])
def test_a_question_brings_no_number_its_comparison_does_not_give(content, question_id):
    q = next(q for q in content.deliberation.quiz.questions if q.id == question_id)
    right = next(c.text for c in q.choices if c.id == q.answer)
    given = _numbers(" ".join((q.question, right, q.explanation, q.more)))
    assert given <= _comparison_numbers(content, q.comparison) | {100.0, 0.0}, q.id  # "in 100", "0 to 100"


@pytest.mark.parametrize("diagnosis", EVERY)
def test_the_quiz_page_asks_only_the_questions_of_the_diagnosis(content, diagnosis):
    at = app_at(QUIZ_PAGE, record=DecisionRecord(safety_screen_done=True, diagnosis=diagnosis))
    assert_no_exception(at)
    shown = [r.key.removeprefix("w:quiz:") for r in at.radio if r.key.startswith("w:quiz:")]
    assert shown == [q.id for q in _asked(content, diagnosis)]


@pytest.mark.parametrize("diagnosis", EVERY)
def test_the_score_on_the_chart_counts_only_the_questions_asked(content, diagnosis):
    """Every question of the content answered right: the chart says "n right of n", n the questions
    asked for this diagnosis; the answers to the others stay in the record, unscored."""
    every = {q.id: q.answer for q in content.deliberation.quiz.questions}
    record = records.full_record(content).model_copy(update={"diagnosis": diagnosis, "quiz": every})
    n = len(_asked(content, diagnosis))
    score = score_quiz(record.quiz, content.deliberation.quiz, diagnosis)
    assert (score.right, score.answered, score.total) == (n, n, n)
    line = content.pages["summary.quiz_score"].format(right=n, answered=n, total=n)
    quiz = {b.label: b.value for b in build_summary(record, content).section("leaning").blocks}["Quiz"]
    assert quiz == line
    assert " ".join(line.split()) in pdf_text(build_pdf(record, content))
    assert record.quiz == every  # kept, though not scored


def test_an_answer_kept_from_another_diagnosis_is_not_scored(content):
    """A patient answers as a disc patient, then says her diagnosis is a slip: the disc answers stay
    in the record (and count again if she goes back), but her score counts only slip questions."""
    disc = _asked(content, "disc_herniation")
    wrong = {q.id: next(c.id for c in q.choices if c.id != q.answer) for q in disc if q.comparison}
    record = DecisionRecord(safety_screen_done=True, diagnosis="degenerative_spondylolisthesis", quiz=wrong)
    score = score_quiz(record.quiz, content.deliberation.quiz, record.diagnosis)
    assert (score.right, score.answered) == (0, 0)
    assert score_quiz(record.quiz, content.deliberation.quiz, "disc_herniation").answered == len(wrong)
    at = app_at(QUIZ_PAGE, record=record)
    assert_no_exception(at)
    assert at.session_state["record"].quiz == wrong  # the page keeps what it does not show
    assert at.metric[0].value == "0 right of 0 answered"


def _break(copy: Path, old: str, new: str) -> None:
    break_content(copy, "deliberation.yaml", old, new)


def test_a_question_asked_where_its_comparison_does_not_apply_is_refused(content_copy):
    _break(content_copy, "diagnoses: [disc_herniation]\n      comparison: peul_recovered_1y",
           "diagnoses: [disc_herniation, degenerative_spondylolisthesis]\n      comparison: peul_recovered_1y")
    with pytest.raises(ContentError, match="comparison 'peul_recovered_1y' does not apply to "
                                           "'degenerative_spondylolisthesis'"):
        load_content(content_copy)


def test_a_question_on_a_comparison_asked_of_everyone_is_refused(content_copy):
    _break(content_copy, "diagnoses: [disc_herniation]\n      comparison: peul_recovered_1y",
           "comparison: peul_recovered_1y")
    with pytest.raises(ContentError, match="quiz question 'recovered_1y', field diagnoses"):
        load_content(content_copy)


def test_a_question_resting_on_nothing_is_refused(content_copy):
    _break(content_copy, "      source: girft_cauda_equina\n", "")
    with pytest.raises(ContentError, match="'red_flags': names no comparison, figure or source"):
        load_content(content_copy)


def test_a_diagnosis_with_too_few_questions_of_its_own_is_refused(content_copy):
    _break(content_copy, "diagnoses: [chronic_low_back_pain]\n      comparison: brox_reoperation_9y",
           "diagnoses: [chronic_low_back_pain]\n      source: froholdt_2012")
    with pytest.raises(ContentError, match="'chronic_low_back_pain' is asked 2 question"):
        load_content(content_copy)


# ---------------------------------------------------------------- the page (issue 24: the cut)


def _wrong(question) -> str:
    return next(c.id for c in question.choices if c.id != question.answer)


def _ends_a_sentence(question) -> bool:
    return next(c.text for c in question.choices if c.id == question.answer).rstrip().endswith((".", "!", "?"))


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_a_wrong_answer_shows_the_right_one_and_the_why_as_whole_sentences(content, diagnosis):
    """The red-flags answer ends in a full stop ("... Do not wait."): the feedback once glued the why
    onto it with another, "Do not wait.." (issue 24). Every question, answered wrong: the right
    answer and the why are both there, and no sentence is glued into another."""
    asked = _asked(content, diagnosis)
    assert any(_ends_a_sentence(q) for q in asked)  # the case that broke is among them
    at = app_at(QUIZ_PAGE, record=DecisionRecord(safety_screen_done=True, diagnosis=diagnosis,
                                                 quiz={q.id: _wrong(q) for q in asked}))
    assert_no_exception(at)
    assert len(at.error) == len(asked)
    for q, error in zip(asked, at.error, strict=True):
        right = next(c.text for c in q.choices if c.id == q.answer)
        assert right in error.value and q.explanation in error.value, q.id
        assert ".." not in error.value and ". ." not in error.value, error.value


def test_a_second_try_names_the_first_answer_without_gluing_sentences(content):
    red = next(q for q in content.deliberation.quiz.questions if q.id == "red_flags")
    assert _ends_a_sentence(red)
    record = DecisionRecord(safety_screen_done=True, diagnosis="spinal_stenosis", quiz={red.id: red.answer},
                            quiz_second_tries={red.id: _wrong(red)})
    at = app_at(QUIZ_PAGE, record=record)
    assert_no_exception(at)
    first = next(c.text for c in red.choices if c.id == red.answer)
    (line,) = [c.value for c in at.caption if first in c.value]
    assert ".." not in line, line


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_what_an_answer_rests_on_waits_in_a_closed_read_more(content, diagnosis):
    """The why in a sentence or two shows; its numbers, who was studied and the source wait in a
    closed "Read more" under each answer, as does the rest of the why."""
    from decision.deliberation import comparison_note, evidence_note

    asked = _asked(content, diagnosis)
    at = app_at(QUIZ_PAGE, record=DecisionRecord(safety_screen_done=True, diagnosis=diagnosis,
                                                 quiz={q.id: q.answer for q in asked}))
    assert_no_exception(at)
    more = [e for e in at.expander if e.label == content.pages["quiz.read_more"]]
    assert len(more) == len(asked) and all(not e.proto.expanded for e in more)
    assert [s.value.split("** ", 1)[1] for s in at.success] == [q.explanation for q in asked]
    for q, layer in zip(asked, more, strict=True):
        note = (comparison_note(content, q.comparison) if q.comparison else evidence_note(content, q.figure, q.source))
        inside = " ".join(str(m.value) for m in layer.markdown)
        assert note in inside and q.more in inside, q.id
        assert not any(note in str(c.value) for c in at.main.caption), q.id  # not also shown outside
