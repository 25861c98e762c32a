"""The patient's own answers: their back, the scores at the start, the treatments tried, the quiz
and the leaning, what matters to them and their questions for the surgeon.

Each function turns one part of the record into a section, in the words the content gives each
stored choice; what the patient typed (own concerns, questions, notes on fusion) is marked ``free``.
Values rated highly are those at ``HIGHLY_RATED`` or more, as on the values page; the quiz is scored
on the first answers, with a line on any second tries.
"""

from __future__ import annotations

from decision.content import Content
from decision.deliberation import HIGHLY_RATED, score_quiz
from decision.output.summary.model import Block, Bullets, Item, Paragraph, Section, Table
from decision.output.summary.words import NOT_ANSWERED, _answer, _page
from decision.record import DecisionRecord
from decision.record.oswestry import oswestry_score


def _your_back(record: DecisionRecord, content: Content) -> Section:
    weeks = f"{record.symptom_weeks} weeks" if record.symptom_weeks is not None else NOT_ANSWERED
    return Section(
        "your_back",
        _page(content, "nav.your_back", "Your back"),
        (
            Item("Diagnosis", _answer(content, "diagnosis", record.diagnosis)),
            Item("Operation talked about", _answer(content, "procedure", record.procedure)),
            Item("Pain began", weeks),
            Item("Worst pain", _answer(content, "worst_pain", record.worst_pain)),
        ),
    )


def _baseline(record: DecisionRecord, content: Content, sources: list[str]) -> Section:
    def pain(v: int | None) -> str:
        return f"{v} out of 10" if v is not None else NOT_ANSWERED

    odi = oswestry_score(record.oswestry, content.scores)
    if odi:
        sources.append(content.scores.oswestry_source)
        parts = (f"{odi.percent:g} out of 100.", f"{odi.band}." if odi.band else "", odi.how)
        odi_text = " ".join(t for t in parts if t)
    else:
        odi_text = NOT_ANSWERED
    return Section(
        "baseline",
        "Scores at the start",
        (
            Item("Back pain", pain(record.pain_back)),
            Item("Leg pain", pain(record.pain_leg)),
            Item("Oswestry score", odi_text),
        ),
    )


def _treatments(record: DecisionRecord, content: Content) -> Section:
    if not record.treatments:
        return Section("treatments", "Treatments tried", (Item("Treatments", NOT_ANSWERED),))
    names, helped = content.program.treatment_names, content.program.helped_names
    rows = tuple(
        (
            names.get(t.kind, t.kind),
            str(t.weeks) if t.weeks is not None else NOT_ANSWERED,
            str(t.visits) if t.visits is not None else "–",
            helped.get(t.helped, t.helped) if t.helped else NOT_ANSWERED,
        )
        for t in record.treatments
    )
    line = Item("Treatments", ", ".join(dict.fromkeys(r[0] for r in rows)), line=True)
    blocks: list[Block] = [line, Table(("Treatment", "Weeks", "Visits", "Did it help?"), rows)]
    r = content.readiness
    if record.care_weeks is not None:
        blocks.append(Item(r.span.question, str(record.care_weeks)))
    if record.medicines_unsuitable:
        blocks.append(Paragraph(r.medicines_unsuitable.question))
    return Section("treatments", "Treatments tried", tuple(blocks))


def quiz_text(record: DecisionRecord, content: Content) -> tuple[str, str | None]:
    """The quiz score (first answers) and, if any answer was changed, a line on the second tries.
    Both count only the questions asked for the record's diagnosis (issue 23)."""
    quiz = content.deliberation.quiz
    score = score_quiz(record.quiz, quiz, record.diagnosis)
    if not score.answered:
        return NOT_ANSWERED, None
    p = content.pages
    first = p["summary.quiz_score"].format(right=score.right, answered=score.answered, total=score.total)
    changed = {q: a for q, a in record.quiz_second_tries.items() if q in record.quiz}
    if not changed:
        return first, None
    again = score_quiz(changed, quiz, record.diagnosis)
    return first, p["summary.quiz_second_tries"].format(changed=again.answered, right=again.right)


def _understanding(record: DecisionRecord, content: Content) -> Section:
    d = content.deliberation
    quiz, second = quiz_text(record, content)
    role = d.decision_roles.get(record.decision_role, record.decision_role) if record.decision_role else NOT_ANSWERED
    blocks: list[Block] = [Item("Quiz", quiz)]
    if second:
        blocks.append(Item("Quiz, second tries", second))
    blocks.append(Item("How you want to decide", role))  # the leaning is on page 1, beside the decision
    if record.fusion_patient_notes:
        blocks.append(Item("Your notes on fusion", record.fusion_patient_notes, free=True))
    return Section("leaning", _page(content, "nav.leaning", "Where you are leaning"), tuple(blocks))


def _values(record: DecisionRecord, content: Content) -> Section:
    labels = {v.id: v.label for v in content.deliberation.values.items}
    top = sorted(
        ((rating, labels[vid]) for vid, rating in record.values.items() if vid in labels and rating >= HIGHLY_RATED),
        key=lambda pair: -pair[0],
    )
    blocks: list[Block] = []
    if top:
        blocks += [Item(label, f"{rating} out of 10") for rating, label in top]
    else:
        blocks.append(Item("Top values", NOT_ANSWERED if not record.values else f"None rated {HIGHLY_RATED} or more"))
    if record.own_concerns:
        blocks += [Paragraph("Your own concerns:", strong=True), Bullets(tuple(record.own_concerns), free=True)]
    else:
        blocks.append(Item("Your own concerns", NOT_ANSWERED))
    return Section("values", _page(content, "nav.values", "What matters to you"), tuple(blocks))


def _questions(record: DecisionRecord, content: Content) -> Section:
    if record.questions:
        blocks: tuple[Block, ...] = (Bullets(tuple(record.questions), free=True, numbered=True),)
    else:
        blocks = (Item("Questions", NOT_ANSWERED),)
    return Section("questions", "Questions for the surgeon", blocks)
