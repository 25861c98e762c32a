"""The quiz: right or wrong for each answer, with the right answer and why, and the score.

The questions asked are those of the patient's diagnosis (``Quiz.for_diagnosis``: its own
comparisons, and the general questions; issue 23). The score counts the first answer to each
question asked: once the feedback has shown the right answer, changing it is a second try, kept
apart, and never raises the score. An answer to a question not asked for this diagnosis (the
diagnosis changed, or an older file) stays in the record but is not scored.
"""

from __future__ import annotations

from dataclasses import dataclass

from decision.content import Quiz, QuizQuestion


@dataclass(frozen=True)
class QuizFeedback:
    question_id: str
    chosen: str
    correct: bool
    right_answer: str  # the text of the right choice
    explanation: str
    more: str  # the rest of the why, for "Read more" (may be empty)
    comparison: str | None  # what the answer rests on: a comparison, a figure, or a source
    figure: str | None
    source: str | None


@dataclass(frozen=True)
class QuizScore:
    right: int
    answered: int
    total: int
    feedback: tuple[QuizFeedback, ...]  # one per answered question, in quiz order


def quiz_feedback(question: QuizQuestion, chosen: str | None) -> QuizFeedback | None:
    """Right or wrong, with the right answer and its explanation. None if not (validly) answered."""
    texts = {c.id: c.text for c in question.choices}
    if chosen not in texts:
        return None
    return QuizFeedback(
        question_id=question.id,
        chosen=chosen,
        correct=chosen == question.answer,
        right_answer=texts[question.answer],
        explanation=question.explanation,
        more=question.more,
        comparison=question.comparison,
        figure=question.figure,
        source=question.source,
    )


def score_quiz(answers: dict[str, str], quiz: Quiz, diagnosis: str | None) -> QuizScore:
    """n right of n answered, out of the questions asked for ``diagnosis``. Answers to questions
    not asked for it, or unknown, are not scored (the record keeps them)."""
    asked = quiz.for_diagnosis(diagnosis)
    feedback = tuple(f for q in asked if (f := quiz_feedback(q, answers.get(q.id))) is not None)
    return QuizScore(
        right=sum(f.correct for f in feedback),
        answered=len(feedback),
        total=len(asked),
        feedback=feedback,
    )


def record_quiz_answer(first: dict[str, str], second: dict[str, str], question_id: str,
                       chosen: str | None) -> tuple[dict[str, str], dict[str, str]]:
    """New (first answers, second tries) after the patient picks ``chosen`` for a question.

    The first answer is kept for the score, whatever comes after it: changing an answer once
    the feedback showed the right one must not raise the score. A different later answer is a
    second try; going back to the first answer leaves no second try.
    """
    first, second = dict(first), dict(second)
    if chosen is None:
        return first, second
    if question_id not in first:
        first[question_id] = chosen
    elif chosen == first[question_id]:
        second.pop(question_id, None)
    else:
        second[question_id] = chosen
    return first, second


def current_quiz_answer(first: dict[str, str], second: dict[str, str], question_id: str) -> str | None:
    """What the question shows now: the second try if there is one, else the first answer."""
    return second.get(question_id, first.get(question_id))
