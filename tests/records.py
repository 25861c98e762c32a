"""Records for tests: a complete one with every field set, built against the content's own ids.

The quiz and values keys are taken from the content, so the record stays valid while the
content's wording and ids change.
"""

from __future__ import annotations

from datetime import date

from decision.content import Content, load_content
from decision.record import (
    Clinical,
    DecisionReached,
    DecisionRecord,
    FusionPlan,
    Oswestry,
    Sure,
    SureAnswers,
    Treatment,
)

SURGEON_NOTES = "L4-5 slip of 6 mm; stable on flexion views – plan ≥ 1 level. <b>x</b> **y**"
OWN_CONCERNS = ("Looking after my grandchildren", "Driving to work again")
QUESTIONS = ("How long before I can drive?", "What if the pain comes back after a year?")
PATIENT_FUSION_NOTE = "I worry about the screws loosening."
CONFIRMED_DIAGNOSIS = "Degenerative spondylolisthesis at L4–5"
IMAGING = "MRI: moderate canal narrowing at L4-5"
LEVELS = "L4-L5"
DECISION_DAY = date(2026, 12, 1)


def full_record(content: Content | None = None) -> DecisionRecord:
    """A record with every field set (no red flags), for summary, PDF and save-file tests."""
    content = content or load_content()
    quiz = content.deliberation.quiz.questions
    # Right on all but the last question, which gets a wrong choice where one exists.
    answers = {q.id: q.answer for q in quiz}
    last = quiz[-1]
    wrong = [c.id for c in last.choices if c.id != last.answer]
    if wrong:
        answers[last.id] = wrong[0]
    # The first six values get a rating; the rest are left unrated, as a patient may leave them.
    ratings = (9, 8, 3, 7, 2, 10)
    values = {item.id: rating for item, rating in zip(content.deliberation.values.items, ratings, strict=False)}
    return DecisionRecord(
        patient_initials="JQ",
        safety_screen_done=True,
        red_flags=[],
        diagnosis="degenerative_spondylolisthesis",
        procedure="fusion",
        symptom_weeks=40,
        worst_pain="leg",
        pain_back=6,
        pain_leg=8,
        oswestry=Oswestry(sections=[3, 2, 4, 3, 2, 3, 2, None, 2, 3]),
        treatments=[
            Treatment(kind="physical_therapy", weeks=10, visits=14, helped="partly"),
            Treatment(kind="nsaid", weeks=20, helped="yes"),
            Treatment(kind="home_exercise", weeks=16, helped="no"),
            Treatment(kind="epidural_steroid_injection", weeks=1, visits=1, helped="not_sure"),
        ],
        nicotine="stopped",
        nicotine_free_weeks=12,
        clinical=Clinical(
            confirmed_diagnosis=CONFIRMED_DIAGNOSIS,
            imaging_findings=IMAGING,
            proposed_operation="fusion",
            imaging_matches="yes",
            levels=LEVELS,
            next_step="surgery_scheduled",
        ),
        fusion_plan=FusionPlan(
            with_decompression="yes",
            instrumentation="pedicle_screws",
            approach="posterior",
            interbody_cage="no",
            segments=1,
            surgeon_notes=SURGEON_NOTES,
        ),
        fusion_patient_notes=PATIENT_FUSION_NOTE,
        values=values,
        own_concerns=list(OWN_CONCERNS),
        quiz=answers,
        leaning="fusion",
        decision_role="together",
        sure=Sure(
            before=SureAnswers(sure=False, understand=True, risk_benefit=False, encouragement=True),
            after=SureAnswers(sure=True, understand=True, risk_benefit=True, encouragement=True),
        ),
        questions=list(QUESTIONS),
        decision_reached=DecisionReached(choice="fusion", on=DECISION_DAY),
    )
