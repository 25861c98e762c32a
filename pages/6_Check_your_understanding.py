"""Check your understanding: a short quiz, with the right answer and why after each question.

The questions are those of the patient's diagnosis (``Quiz.for_diagnosis``). The score counts the
first answer to each of them. A changed answer is kept as a second try and shown as such
(``decision.deliberation.record_quiz_answer``); answers to questions of another diagnosis stay in
the record, unscored.

Each question is one row (issue 24: the quiz was 3.9 screens): the choices on the left, and once
answered, on the right, right or not (a wrong answer with the right one), the why, and a closed
"Read more" with the rest of the why, the numbers, who was studied and the source.
"""

import streamlit as st

from decision.deliberation import (
    comparison_note,
    current_quiz_answer,
    evidence_note,
    quiz_feedback,
    record_quiz_answer,
    score_quiz,
)
from ui import frame
from ui.widgets import choice

content, record = frame.open_page("quiz")
p, quiz = content.pages, content.deliberation.quiz
W = frame.widget_prefix()

st.title(p["quiz.title"])
st.write(quiz.intro)

first, second = dict(record.quiz), dict(record.quiz_second_tries)
for n, question in enumerate(quiz.for_diagnosis(record.diagnosis), start=1):
    texts = {c.id: c.text for c in question.choices}
    asked, answered = st.container(key=f"quiz-{question.id}").columns(2, gap="medium")
    with asked:
        chosen = choice(
            f"{n}. {question.question}",
            list(texts),
            lambda c, texts=texts: texts[c],
            current_quiz_answer(first, second, question.id),
            key=f"{W}quiz:{question.id}",
        )
    first, second = record_quiz_answer(first, second, question.id, chosen)
    if chosen is None:
        continue
    feedback = quiz_feedback(question, chosen)
    if feedback is None:  # an answer from an older file that the content no longer has
        continue
    with answered:
        if feedback.correct:
            st.success(f"**{p['quiz.right']}** {feedback.explanation}")
        else:  # the right answer on its own, then the why: two paragraphs, never one glued sentence
            st.error(f"**{p['quiz.not_quite']}** {feedback.right_answer}\n\n{feedback.explanation}")
        if question.id in second and first.get(question.id) in texts:
            st.caption(p["quiz.second_try"].format(first=texts[first[question.id]]))
        note = (comparison_note(content, feedback.comparison) if feedback.comparison
                else evidence_note(content, feedback.figure, feedback.source))
        if feedback.more or note:
            with st.expander(p["quiz.read_more"]):
                st.write("\n\n".join(t for t in (feedback.more, note) if t))
record.quiz, record.quiz_second_tries = first, second

score = score_quiz(record.quiz, quiz, record.diagnosis)
st.metric(p["quiz.score_label"], p["quiz.score"].format(right=score.right, answered=score.answered),
          help=p["quiz.score_help"].format(total=score.total))

st.page_link("pages/7_Where_you_are_leaning.py", label=p["next.leaning"], icon=":material/arrow_forward:")
frame.close_page(content)
