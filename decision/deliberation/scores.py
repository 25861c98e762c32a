"""Deliberation: how the options fit what matters to the patient, the quiz, and the SURE test.

Pure functions over the content and the record; each returns a frozen result for a page (or
the summary) to draw. Nothing here picks an option: the values fit lists, option by option,
the reasons the content gives for each thing the patient rated highly, grouped by how it tends
to fit. There is no total score and no "best option" (IPDAS values clarification: show how the
options align with what matters, and say plainly that it is not a recommendation).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from decision.content import Content, Deliberation, Quiz, QuizQuestion, SuggestedQuestion, Values
from decision.content.wording import arm_sentence, gap_sentence, label_note, sentence
from decision.record import SureAnswers

# A rating at or above this counts as "rated highly" (ratings run 0 to 10). A presentation
# rule, not a clinical one: it only chooses which reasons the fit view lists.
HIGHLY_RATED = 7

Fit = Literal["tends_to_fit", "mixed", "tends_not_to_fit"]
FIT_ORDER: tuple[Fit, ...] = ("tends_to_fit", "mixed", "tends_not_to_fit")


# ---------------------------------------------------------------- values fit


@dataclass(frozen=True)
class FitReason:
    item_id: str
    item_label: str
    rating: int
    fit: Fit
    why: str
    comparison: str  # the comparison it rests on (content/figures/comparisons.yaml)


@dataclass(frozen=True)
class OptionFit:
    option: str
    reasons: tuple[FitReason, ...]  # ordered by fit (FIT_ORDER), then by rating, highest first

    def group(self, fit: Fit) -> tuple[FitReason, ...]:
        return tuple(r for r in self.reasons if r.fit == fit)


@dataclass(frozen=True)
class ValuesFit:
    threshold: int
    high_items: tuple[str, ...]  # item ids rated at or above the threshold, highest first
    options: tuple[OptionFit, ...]

    @property
    def has_high_ratings(self) -> bool:
        return bool(self.high_items)


def values_fit(ratings: dict[str, int], values: Values, option_order: Iterable[str],
               threshold: int = HIGHLY_RATED, *, content: Content | None = None,
               diagnosis: str | None = None) -> ValuesFit:
    """For each option, the content's reasons for every item rated at or above ``threshold``.

    With ``content`` and ``diagnosis``, only the diagnosis's options are listed, and only the
    reasons whose comparison applies to that diagnosis: a reason always rests on the patient's
    own condition. Items the content does not know (say, from an older save file) are ignored.
    An option with no reason for a highly rated item simply lists nothing for it.
    """
    applies = None
    if content is not None:
        option_order = [o for o in option_order if o in content.decision_for(diagnosis or "not_sure").options]
        applies = {c.id for c in content.comparisons if diagnosis in c.applies_to}
    items = {item.id: item for item in values.items}
    high = [i for i, r in ratings.items() if i in items and r >= threshold]
    position = {item.id: n for n, item in enumerate(values.items)}
    high.sort(key=lambda i: (-ratings[i], position[i]))
    options = []
    for option in option_order:
        found = [
            FitReason(i, items[i].label, ratings[i], r.fit, r.why, r.comparison)
            for i in high
            for r in items[i].reasons
            if r.option == option and (applies is None or r.comparison in applies)
        ]
        found.sort(key=lambda r: FIT_ORDER.index(r.fit))  # stable: keeps the rating order within a group
        options.append(OptionFit(option, tuple(found)))
    return ValuesFit(threshold, tuple(high), tuple(options))


def evidence_note(content: Content, figure: str | None, source: str | None) -> str:
    """What a reason or an answer rests on: the figure's own sentence, who it applies to and
    where it comes from; or, with no figure, the source. Empty if it names neither."""
    parts = []
    if figure:
        f = content.figure(figure)
        parts.append(f"{sentence(f)} Applies to: {f.population}. Source: {_short(content, f.source)}. {label_note(f)}")
    if source and not (figure and content.figure(figure).source == source):
        parts.append(f"Source: {_short(content, source)}.")
    return " ".join(parts)


def comparison_note(content: Content, comparison_id: str, option: str | None = None) -> str:
    """What a reason rests on: the comparison's numbers (this option's arm first, then the
    others: a number never shows without its comparator), who it applies to, and where from."""
    c = content.comparison(comparison_id)
    order = sorted(c.arms, key=lambda o: o != option)
    parts = [gap_sentence(c)] if c.measure == "gap" else [arm_sentence(c, o) for o in order]
    if c.measure == "points":
        parts.append(c.scale)
    parts.append(f"Applies to: {c.population}. Source: {_short(content, c.source)}.")
    parts.append("Seen only in a secondary report, not in the original study." if c.label == "V2"
                 else "Seen in the original study.")
    return " ".join(parts)


def _short(content: Content, source_id: str) -> str:
    src = content.source(source_id)
    who = src.authors
    if src.publisher != src.authors:
        who += f", {src.publisher}"
    return (who + (f", {src.year}" if src.year else "")).rstrip(".")  # the caller adds the full stop


def add_text(items: list[str], text: str, limit: int) -> list[str]:
    """A new list with ``text`` added: stripped, blank and repeated entries ignored, at most ``limit``."""
    text = text.strip()
    if not text or text in items or len(items) >= limit:
        return list(items)
    return [*items, text]


# ---------------------------------------------------------------- quiz


@dataclass(frozen=True)
class QuizFeedback:
    question_id: str
    chosen: str
    correct: bool
    right_answer: str  # the text of the right choice
    explanation: str
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
        figure=question.figure,
        source=question.source,
    )


def score_quiz(answers: dict[str, str], quiz: Quiz) -> QuizScore:
    """n right of n answered, out of all questions. Answers to unknown questions are ignored."""
    feedback = tuple(f for q in quiz.questions if (f := quiz_feedback(q, answers.get(q.id))) is not None)
    return QuizScore(
        right=sum(f.correct for f in feedback),
        answered=len(feedback),
        total=len(quiz.questions),
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


# ---------------------------------------------------------------- SURE test

# Légaré et al., Can Fam Physician 2010;56:e308 (source legare_2010_sure): four yes/no items,
# yes = 1 and no = 0; a score of 4 means no decisional conflict, 3 or less means conflict.
SURE_ITEMS = ("sure", "understand", "risk_benefit", "encouragement")
SURE_MAX = len(SURE_ITEMS)


@dataclass(frozen=True)
class SureResult:
    answered: int
    score: int | None  # None until all four items are answered
    conflict: bool | None  # None while incomplete: an unfinished test is not a conflict

    @property
    def complete(self) -> bool:
        return self.score is not None


def sure_score(answers: SureAnswers) -> SureResult:
    given = [getattr(answers, item) for item in SURE_ITEMS]
    answered = [a for a in given if a is not None]
    if len(answered) < SURE_MAX:
        return SureResult(answered=len(answered), score=None, conflict=None)
    score = sum(1 for a in answered if a)
    return SureResult(answered=SURE_MAX, score=score, conflict=score < SURE_MAX)


# ---------------------------------------------------------------- questions for the surgeon


def relevant_options(procedure: str | None, leaning: str | None, proposed: str | None = None) -> set[str]:
    """The options the record points at: the operation talked about, the leaning, the surgeon's plan."""
    named = {procedure, leaning, proposed}
    return {o for o in named if o in ("non_operative", "laminectomy", "microdiscectomy", "fusion")}


def suggested_questions(deliberation: Deliberation, relevant: set[str],
                        ticked: Iterable[str] = ()) -> tuple[SuggestedQuestion, ...]:
    """Questions for everyone, those for a relevant option, and any already ticked (never hide a tick)."""
    ticked = set(ticked)
    return tuple(
        q for q in deliberation.questions
        if not q.options or relevant.intersection(q.options) or q.text in ticked
    )


def own_questions(questions: Iterable[str], deliberation: Deliberation) -> list[str]:
    """The patient's own questions: those stored that are not one of the suggested ones."""
    suggested = {q.text for q in deliberation.questions}
    return [q for q in questions if q not in suggested]
