"""Check your understanding: a short quiz, with the right answer and why after each question."""

import streamlit as st

from decision.deliberation import evidence_note, quiz_feedback, score_quiz
from ui import frame
from ui.widgets import choice

content, record = frame.open_page("quiz")
p, quiz = content.pages, content.deliberation.quiz
W = frame.widget_prefix()

st.title(p["quiz.title"])
st.write(quiz.intro)

answers = dict(record.quiz)
for n, question in enumerate(quiz.questions, start=1):
    texts = {c.id: c.text for c in question.choices}
    with st.container(border=True, key=f"quiz-{question.id}"):
        chosen = choice(
            f"{n}. {question.question}",
            list(texts),
            lambda c, texts=texts: texts[c],
            answers.get(question.id),
            key=f"{W}quiz:{question.id}",
        )
        if chosen is None:
            answers.pop(question.id, None)
            continue
        answers[question.id] = chosen
        feedback = quiz_feedback(question, chosen)
        if feedback.correct:
            st.success(f"**Right.** {feedback.explanation}", icon=":material/check_circle:")
        else:
            st.error(f"**Not quite.** The answer is: {feedback.right_answer}. {feedback.explanation}",
                     icon=":material/cancel:")
        note = evidence_note(content, feedback.figure, feedback.source)
        if note:
            st.caption(note)
record.quiz = answers

score = score_quiz(record.quiz, quiz)
st.metric("Your score", f"{score.right} right of {score.answered} answered",
          help=f"There are {score.total} questions in all.")
st.caption(f"{score.answered} of {score.total} questions answered. "
           "A wrong answer is fine: it shows what to ask your surgeon about.")

st.page_link("pages/7_Where_you_are_leaning.py", label="Next: " + p["nav.leaning"], icon=":material/arrow_forward:")
frame.close_page(content)
