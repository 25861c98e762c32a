"""Where you are leaning: the option you lean toward, how you want to decide, the SURE test, questions."""

import streamlit as st

from decision.deliberation import (
    add_text,
    evidence_note,
    is_ticked,
    own_questions,
    relevant_options,
    suggested_questions,
    sure_score,
)
from decision.record import SureAnswers
from decision.text import clean_text
from ui import frame
from ui.widgets import CLEANED, choice, cleaned_note

# Issue 24 (fewer screens, the type not made smaller): each SURE question on one line with its
# Yes and No, as on the Your visit page (pages/10_Visit.py); the questions for the surgeon in two
# columns, each question wrapping onto a second line rather than cut off with "…" (Streamlit's
# tick-box labels stay on one line by default); the patient's own questions a little closer together.
CSS = (".st-key-own-questions{gap:0.5rem}"
       ".st-key-suggested [data-testid='stCheckbox'] .stMarkdownEllipsis,"
       ".st-key-suggested [data-testid='stCheckbox'] .stMarkdownEllipsis p{white-space:normal}"
       "[class*='st-key-sure-'] [data-testid='stRadio']{display:flex;align-items:center;gap:1rem}"
       "[class*='st-key-sure-'] [data-testid='stRadio'] [data-testid='stWidgetLabel']{flex:1;margin:0}"
       "[class*='st-key-sure-'] [data-testid='stRadioGroup']{min-height:0}")
content, record = frame.open_page("leaning", css=CSS)
p, d = content.pages, content.deliberation
W = frame.widget_prefix()
MAX_QUESTIONS = 40  # the record keeps at most 40 (decision/record.py)
YES_NO = {True: p["leaning.yes"], False: p["leaning.no"]}

st.title(p["leaning.title"])

# The two choices side by side: each a short list (issue 24: use the width).
lean, role = st.columns(2, gap="large")
with lean:
    record.leaning = choice(
        p["leaning.question"],
        list(d.leaning_options),
        lambda k: d.leaning_options[k],
        record.leaning,
        key=f"{W}leaning",
        help=p["leaning.question_help"],
    )
with role:
    record.decision_role = choice(
        p["leaning.role_question"],
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
    """The score, and beside it what a score under 4 means (4 out of 4 says itself)."""
    result = sure_score(answers)
    if not result.complete:
        st.caption(p["leaning.sure_partial"].format(label=label, answered=result.answered))
        return
    score, meaning = st.columns([1, 3], vertical_alignment="center")
    score.metric(label, p["leaning.sure_out_of"].format(score=result.score))
    if result.conflict:
        meaning.warning(d.sure.conflict_message)


st.subheader(p["leaning.sure_title"])
with st.expander(p["leaning.sure_about"]):  # how it is scored and where it comes from
    st.write(d.sure.intro)
    st.caption(evidence_note(content, None, d.sure.source))
with st.container(border=True, key="sure-before"):
    record.sure.before = sure_test(record.sure.before, "before")
    show_sure_result(record.sure.before, p["leaning.sure_score"])

if frame.clinic_mode():  # at home, the score from the end of the visit is on the Summary, said once
    st.markdown(p["leaning.sure_again"])
    with st.container(border=True, key="sure-after"):
        record.sure.after = sure_test(record.sure.after, "after")
        show_sure_result(record.sure.after, p["leaning.sure_score_after"])

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


st.subheader(p["leaning.questions_title"])
relevant = relevant_options(record.procedure, record.leaning, record.clinical.proposed_operation)
shown = suggested_questions(d, relevant, ticked=record.questions)
ticked = []
full = len(record.questions) >= MAX_QUESTIONS  # the record holds at most 40; never save one it would refuse
half = (len(shown) + 1) // 2
# Two columns of tick boxes, read down the first, then the second.
columns = st.container(key="suggested").columns(2, gap="medium")
for i, q in enumerate(shown):
    held = is_ticked(q, record.questions)  # in these words, or in words an earlier version saved
    if columns[i >= half].checkbox(q.text, value=held, key=f"{W}question:{q.id}", disabled=full and not held):
        ticked.append(q.text)
mine = own_questions(record.questions, d)
record.questions = ticked + mine

own = st.container(key="own-questions")
for i, text in enumerate(mine):
    row = own.columns([6, 1], vertical_alignment="center")
    row[0].text(text)  # the patient's words, shown as plain text
    row[1].button(p["leaning.remove"], key=f"{W}question_remove:{i}", on_click=_remove_question, args=(text,),
                  type="tertiary")
cols = st.columns([5, 1], vertical_alignment="bottom")
cols[0].text_input(p["leaning.question_new"], key=f"{W}question_new", max_chars=300)
cleaned_note(f"{W}question_new", p["input.cleaned"])
cols[1].button(p["leaning.add"], key=f"{W}question_add", on_click=_add_question,
               disabled=len(record.questions) >= MAX_QUESTIONS)
if len(record.questions) >= MAX_QUESTIONS:
    st.caption(p["limit.questions"])

st.page_link("pages/8_Summary.py", label=p["next.summary"], icon=":material/arrow_forward:")
frame.close_page(content)
