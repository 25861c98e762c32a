"""Deliberation: how the options fit what matters to the patient, the quiz, and the SURE test.

Pure functions over the content and the record; each returns a frozen result for a page (or
the summary) to draw. Nothing here picks an option: the values fit lists, option by option,
the reasons the content gives for each thing the patient rated highly, grouped by how it tends
to fit. There is no total score and no "best option" (IPDAS values clarification: show how the
options align with what matters, and say plainly that it is not a recommendation).

Inside: ``values`` (the values fit), ``quiz`` (feedback and score), ``sure`` (the SURE test),
``notes`` (what a reason or an answer rests on; the patient's own notes), ``questions`` (the
questions for the surgeon) and ``visit`` (the marks the clinic visit sees first: unsure, or in
conflict). Import from ``decision.deliberation``.
"""

from decision.deliberation.notes import add_text, comparison_note, evidence_note
from decision.deliberation.questions import is_ticked, own_questions, relevant_options, suggested_questions
from decision.deliberation.quiz import (
    QuizFeedback,
    QuizScore,
    current_quiz_answer,
    quiz_feedback,
    record_quiz_answer,
    score_quiz,
)
from decision.deliberation.sure import SURE_ITEMS, SURE_MAX, SureResult, sure_score
from decision.deliberation.values import (
    FIT_ORDER,
    HIGHLY_RATED,
    Fit,
    FitReason,
    FitTable,
    OptionFit,
    ValuesFit,
    cell_fit,
    fit_table,
    fit_table_html,
    values_fit,
)
from decision.deliberation.visit import VisitMarks, visit_marks

__all__ = [
    "FIT_ORDER",
    "HIGHLY_RATED",
    "SURE_ITEMS",
    "SURE_MAX",
    "Fit",
    "FitReason",
    "FitTable",
    "OptionFit",
    "QuizFeedback",
    "QuizScore",
    "SureResult",
    "ValuesFit",
    "VisitMarks",
    "add_text",
    "cell_fit",
    "comparison_note",
    "current_quiz_answer",
    "evidence_note",
    "fit_table",
    "fit_table_html",
    "is_ticked",
    "own_questions",
    "quiz_feedback",
    "record_quiz_answer",
    "relevant_options",
    "score_quiz",
    "suggested_questions",
    "sure_score",
    "values_fit",
    "visit_marks",
]
