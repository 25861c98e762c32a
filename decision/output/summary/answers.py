"""The patient's own answers: their back, the scores at the start, the treatments tried, the quiz
and the leaning, what matters to them and their questions for the surgeon.

Each function turns one part of the record into a section, in the words the content gives each
stored choice; what the patient typed (own concerns, questions, notes on fusion) is marked ``free``.
Values rated highly are those at ``HIGHLY_RATED`` or more, as on the values page; the quiz is scored
on the first answers, with a line on any second tries.
"""

from __future__ import annotations

from decision.content import Content
from decision.content.locale_format import format_score
from decision.deliberation import HIGHLY_RATED, score_quiz
from decision.output.summary.model import Block, Bullets, Item, Paragraph, Section, Table
from decision.output.summary.words import _answer, _page, not_answered
from decision.record import DecisionRecord
from decision.record.oswestry import oswestry_score


def _your_back(record: DecisionRecord, content: Content) -> Section:
    p = content.pages
    weeks = (p["summary.weeks"].format(weeks=record.symptom_weeks) if record.symptom_weeks is not None
             else not_answered(content))
    return Section(
        "your_back",
        _page(content, "nav.your_back"),
        (
            Item(p["summary.diagnosis"], _answer(content, "diagnosis", record.diagnosis)),
            Item(p["summary.operation"], _answer(content, "procedure", record.procedure)),
            Item(p["summary.pain_began"], weeks),
            Item(p["summary.worst_pain"], _answer(content, "worst_pain", record.worst_pain)),
        ),
    )


def _baseline(record: DecisionRecord, content: Content, sources: list[str]) -> Section:
    p = content.pages

    def pain(v: int | None) -> str:
        return p["summary.out_of_10"].format(score=v) if v is not None else not_answered(content)

    odi = oswestry_score(record.oswestry, content.scores)
    if odi:
        sources.append(content.scores.oswestry_source)
        parts = (p["summary.oswestry_value"].format(percent=format_score(odi.percent, content.lang)),
                 f"{odi.band}." if odi.band else "", odi.how)
        odi_text = " ".join(t for t in parts if t)
    else:
        odi_text = not_answered(content)
    return Section(
        "baseline",
        p["summary.baseline_title"],
        (
            Item(p["your_back.pain_back"], pain(record.pain_back)),
            Item(p["your_back.pain_leg"], pain(record.pain_leg)),
            Item(p["your_back.oswestry_score"], odi_text),
        ),
    )


def _treatments(record: DecisionRecord, content: Content) -> Section:
    p = content.pages
    if not record.treatments:
        return Section("treatments", p["summary.treatments_title"],
                       (Item(p["summary.treatments"], not_answered(content)),))
    names, helped = content.program.treatment_names, content.program.helped_names
    rows = tuple(
        (
            names.get(t.kind, t.kind),
            str(t.weeks) if t.weeks is not None else not_answered(content),
            str(t.visits) if t.visits is not None else "–",
            helped.get(t.helped, t.helped) if t.helped else not_answered(content),
        )
        for t in record.treatments
    )
    line = Item(p["summary.treatments"], ", ".join(dict.fromkeys(r[0] for r in rows)), line=True)
    header = (p["summary.col_treatment"], p["summary.col_weeks"], p["summary.col_visits"], p["summary.col_helped"])
    blocks: list[Block] = [line, Table(header, rows)]
    r = content.readiness
    if record.care_weeks is not None:
        blocks.append(Item(r.span.question, str(record.care_weeks)))
    if record.medicines_unsuitable:
        blocks.append(Paragraph(r.medicines_unsuitable.question))
    return Section("treatments", p["summary.treatments_title"], tuple(blocks))


def quiz_text(record: DecisionRecord, content: Content) -> tuple[str, str | None]:
    """The quiz score (first answers) and, if any answer was changed, a line on the second tries.
    Both count only the questions asked for the record's diagnosis (issue 23)."""
    quiz = content.deliberation.quiz
    score = score_quiz(record.quiz, quiz, record.diagnosis)
    if not score.answered:
        return not_answered(content), None
    p = content.pages
    first = p["summary.quiz_score"].format(right=score.right, answered=score.answered, total=score.total)
    changed = {q: a for q, a in record.quiz_second_tries.items() if q in record.quiz}
    if not changed:
        return first, None
    again = score_quiz(changed, quiz, record.diagnosis)
    return first, p["summary.quiz_second_tries"].format(changed=again.answered, right=again.right)


def _understanding(record: DecisionRecord, content: Content) -> Section:
    d, p = content.deliberation, content.pages
    quiz, second = quiz_text(record, content)
    role = (d.decision_roles.get(record.decision_role, record.decision_role) if record.decision_role
            else not_answered(content))
    blocks: list[Block] = [Item(p["summary.quiz"], quiz)]
    if second:
        blocks.append(Item(p["summary.quiz_second"], second))
    blocks.append(Item(p["summary.decide_how"], role))  # the leaning is on page 1, beside the decision
    if record.fusion_patient_notes:
        blocks.append(Item(p["summary.fusion_notes"], record.fusion_patient_notes, free=True))
    return Section("leaning", _page(content, "nav.leaning"), tuple(blocks))


def _values(record: DecisionRecord, content: Content) -> Section:
    p = content.pages
    labels = {v.id: v.label for v in content.deliberation.values.items}
    top = sorted(
        ((rating, labels[vid]) for vid, rating in record.values.items() if vid in labels and rating >= HIGHLY_RATED),
        key=lambda pair: -pair[0],
    )
    blocks: list[Block] = []
    if top:
        blocks += [Item(label, p["summary.out_of_10"].format(score=rating)) for rating, label in top]
    else:
        blocks.append(Item(p["summary.top_values"], not_answered(content) if not record.values
                           else p["summary.none_rated"].format(rating=HIGHLY_RATED)))
    if record.own_concerns:
        blocks += [Paragraph(p["summary.own_concerns_heading"], strong=True),
                   Bullets(tuple(record.own_concerns), free=True)]
    else:
        blocks.append(Item(p["summary.own_concerns"], not_answered(content)))
    return Section("values", _page(content, "nav.values"), tuple(blocks))


def _questions(record: DecisionRecord, content: Content) -> Section:
    if record.questions:
        blocks: tuple[Block, ...] = (Bullets(tuple(record.questions), free=True, numbered=True),)
    else:
        blocks = (Item(content.pages["summary.questions"], not_answered(content)),)
    return Section("questions", content.pages["summary.questions_title"], blocks)
