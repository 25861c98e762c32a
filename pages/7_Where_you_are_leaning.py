"""Where you are leaning: the option you lean toward, how you want to decide, the SURE test, questions."""

import streamlit as st

from decision.deliberation import (
    add_text,
    evidence_note,
    own_questions,
    relevant_options,
    suggested_questions,
    sure_score,
)
from decision.record import SureAnswers
from decision.text import clean_text
from ui import frame
from ui.widgets import CLEANED, choice, cleaned_note

content, record = frame.open_page("leaning")
p, d = content.pages, content.deliberation
W = frame.widget_prefix()
MAX_QUESTIONS = 40  # the record keeps at most 40 (decision/record.py)
YES_NO = {True: "Yes", False: "No"}

st.title(p["leaning.title"])

record.leaning = choice(
    "Which way are you leaning now?",
    list(d.leaning_options),
    lambda k: d.leaning_options[k],
    record.leaning,
    key=f"{W}leaning",
    help="You can change this at any time. It is not a decision.",
)
record.decision_role = choice(
    "How do you want to make the decision?",
    list(d.decision_roles),
    lambda k: d.decision_roles[k],
    record.decision_role,
    key=f"{W}role",
)

# ---------------------------------------------------------------- SURE test


def sure_test(answers: SureAnswers, when: str) -> SureAnswers:
    """Four yes/no radios; returns the answers given (None for an item left blank)."""
    given = {}
    for item in d.sure.items:
        given[item.id] = choice(
            item.question, [True, False], lambda v: YES_NO[v], getattr(answers, item.id),
            key=f"{W}sure_{when}:{item.id}", horizontal=True,
        )
    return SureAnswers(**given)


def show_sure_result(answers: SureAnswers, label: str) -> None:
    result = sure_score(answers)
    if not result.complete:
        st.caption(f"{label}: {result.answered} of 4 answered. The score shows when all four are answered.")
        return
    st.metric(label, f"{result.score} out of 4")
    if result.conflict:
        st.warning(d.sure.conflict_message, icon=":material/help:")
    else:
        st.success(d.sure.no_conflict_message, icon=":material/check_circle:")


st.subheader("Are you ready to choose? The SURE test")
st.write(d.sure.intro)
with st.container(border=True, key="sure-before"):
    record.sure.before = sure_test(record.sure.before, "before")
    show_sure_result(record.sure.before, "Your SURE score")

if frame.clinic_mode():
    st.markdown("**At the end of the visit**, answer the same four questions again.")
    with st.container(border=True, key="sure-after"):
        record.sure.after = sure_test(record.sure.after, "after")
        show_sure_result(record.sure.after, "SURE score at the end of the visit")
elif sure_score(record.sure.after).answered:
    show_sure_result(record.sure.after, "SURE score at the end of the visit")
st.caption(evidence_note(content, None, d.sure.source))

# ---------------------------------------------------------------- questions for the surgeon


def _add_question() -> None:
    rec = frame.record()
    typed = st.session_state[f"{W}question_new"]
    text = clean_text(typed, multiline=False)  # what a file can hold (issue 21)
    st.session_state[CLEANED + f"{W}question_new"] = text != typed
    rec.questions = add_text(rec.questions, text, MAX_QUESTIONS)
    st.session_state[f"{W}question_new"] = ""


def _remove_question(text: str) -> None:
    rec = frame.record()
    rec.questions = [q for q in rec.questions if q != text]


st.subheader("Questions for your surgeon")
st.caption("Tick the questions you want to ask, and add your own. They go on your summary.")
relevant = relevant_options(record.procedure, record.leaning, record.clinical.proposed_operation)
shown = suggested_questions(d, relevant, ticked=record.questions)
ticked = []
full = len(record.questions) >= MAX_QUESTIONS  # the record holds at most 40; never save one it would refuse
for q in shown:
    if st.checkbox(q.text, value=q.text in record.questions, key=f"{W}question:{q.id}",
                   disabled=full and q.text not in record.questions):
        ticked.append(q.text)
mine = own_questions(record.questions, d)
record.questions = ticked + mine

for i, text in enumerate(mine):
    row = st.columns([6, 1], vertical_alignment="center")
    row[0].text(text)  # the patient's words, shown as plain text
    row[1].button("Remove", key=f"{W}question_remove:{i}", on_click=_remove_question, args=(text,),
                  type="tertiary", icon=":material/close:")
cols = st.columns([5, 1], vertical_alignment="bottom")
cols[0].text_input("Add your own question", key=f"{W}question_new", max_chars=300)
cleaned_note(f"{W}question_new", p["input.cleaned"])
cols[1].button("Add", key=f"{W}question_add", on_click=_add_question, disabled=len(record.questions) >= MAX_QUESTIONS)
if len(record.questions) >= MAX_QUESTIONS:
    st.caption(p["limit.questions"])

st.page_link("pages/8_Summary.py", label=p["next.summary"], icon=":material/arrow_forward:")
frame.close_page(content)
