"""Your back: the diagnosis as the doctor named it, where the pain is, how long, baseline scores."""

from typing import get_args

import streamlit as st

from decision.content.locale_format import format_score
from decision.record import Proposal, initials_problem, longer_than_symptoms, longest_treatment
from decision.record.oswestry import oswestry_score
from ui import frame
from ui.condition import draw_condition, draw_diagnosis_words
from ui.widgets import choice, text_area

content, record = frame.open_page("your_back")
p = content.pages
W = frame.widget_prefix()

st.title(p["your_back.title"])
st.write(p["your_back.intro"])

initials_col, initials_note = st.columns([1, 2], vertical_alignment="bottom")
typed = initials_col.text_input(
    p["your_back.initials"],
    value=record.patient_initials,
    max_chars=16,  # 4 letters of any script, with spaces, dots and hyphens between them
    key=f"{W}initials",
    help=p["your_back.initials_help"],
)
problem = initials_problem(typed.strip())
if problem:  # one plain message beside the field; the record keeps what it had, nothing is logged
    initials_note.error(p["record_error.initials_typed"], icon=":material/edit:")
else:
    record.patient_initials = typed.strip()

# Each choice says what it is in one line; the picked one gets a small drawing, its meaning and what
# its numbers do not cover (issue 24: she chooses where the condition is explained).
diagnoses = [k.removeprefix("diagnosis.") for k in p if k.startswith("diagnosis.")]
record.diagnosis = choice(
    p["your_back.diagnosis_question"],
    diagnoses,
    lambda d: p[f"diagnosis.{d}"],
    record.diagnosis,
    key=f"{W}diagnosis",
    captions=[content.condition(d).short for d in diagnoses],
)
draw_diagnosis_words(content)
if record.diagnosis:
    draw_condition(content, record.diagnosis)
# Three short questions side by side, not stacked (issue 24: use the width, not a longer page).
operation_col, worst_col, weeks_col = st.columns(3)
with operation_col:
    record.procedure = choice(
        p["your_back.procedure_question"],
        ["microdiscectomy", "laminectomy", "fusion", "none_yet"],
        lambda d: p[f"procedure.{d}"],
        record.procedure,
        key=f"{W}procedure",
    )
with worst_col:
    record.worst_pain = choice(
        p["your_back.worst_pain_question"],
        ["back", "leg", "both"],
        lambda d: p[f"worst_pain.{d}"],
        record.worst_pain,
        key=f"{W}worst_pain",
    )
weeks = weeks_col.number_input(
    p["your_back.weeks_question"],
    min_value=0,
    max_value=5200,
    value=record.symptom_weeks,
    step=1,
    key=f"{W}symptom_weeks",
    placeholder=p["your_back.weeks_placeholder"],
    help=p["your_back.weeks_help"],
)
weeks = int(weeks) if weeks is not None else None
if longer_than_symptoms(weeks, record.treatments, record.care_weeks):
    # A treatment cannot have lasted longer than the pain (issue 21); the record keeps what it had.
    longest = longest_treatment(record.treatments, record.care_weeks)
    st.error(p["your_back.weeks_shorter_than_care"].format(weeks=longest),
             icon=":material/edit:")
else:
    record.symptom_weeks = weeks

if frame.clinic_mode():
    with st.container(border=True, key="surgeon_facts"):
        st.subheader(p["your_back.surgeon_title"])
        clinical = record.clinical
        clinical.confirmed_diagnosis = text_area(
            p["your_back.confirmed_diagnosis"], clinical.confirmed_diagnosis, max_chars=2000,
            key=f"{W}confirmed_diagnosis",
            message=p["input.cleaned"],
        )
        clinical.imaging_findings = text_area(
            p["your_back.imaging_findings"], clinical.imaging_findings, max_chars=2000, key=f"{W}imaging_findings",
            message=p["input.cleaned"],
        )
        clinical.proposed_operation = choice(  # the same field and choices as on the Visit page
            p["visit.proposal"],
            get_args(Proposal),
            lambda d: p[f"proposal.{d}"],
            clinical.proposed_operation,
            key=f"{W}proposed_operation",
            horizontal=True,
        )
        surgeon_part = content.readiness.surgeon
        clinical.imaging_matches = choice(
            p["your_back.imaging_matches"], list(surgeon_part.choices), surgeon_part.choices.get,
            clinical.imaging_matches, key=f"{W}imaging_matches", horizontal=True,
        )

st.markdown(f"**{content.scores.pain_intro}**")  # the question the two sliders answer
cols = st.columns(2)
with cols[0]:
    record.pain_back = st.select_slider(
        p["your_back.pain_back"], options=[None, *range(11)], value=record.pain_back,
        format_func=lambda v: p["your_back.not_rated"] if v is None else str(v), key=f"{W}pain_back",
    )
with cols[1]:
    record.pain_leg = st.select_slider(
        p["your_back.pain_leg"], options=[None, *range(11)], value=record.pain_leg,
        format_func=lambda v: p["your_back.not_rated"] if v is None else str(v), key=f"{W}pain_leg",
    )

with st.expander(p["your_back.oswestry_title"], expanded=frame.clinic_mode()):
    st.write(content.scores.oswestry_intro)
    sections = list(record.oswestry.sections)
    grid = st.columns(2)
    for i, name in enumerate(content.scores.oswestry_sections):
        with grid[i % 2]:
            sections[i] = st.selectbox(
                name, [None, 0, 1, 2, 3, 4, 5], index=[None, 0, 1, 2, 3, 4, 5].index(sections[i]),
                format_func=lambda v: p["your_back.oswestry_blank"] if v is None else str(v), key=f"{W}odi:{i}",
            )
    record.oswestry.sections = sections
    total = st.number_input(
        p["your_back.oswestry_total"], min_value=0.0, max_value=100.0,
        value=record.oswestry.total_percent, step=1.0, key=f"{W}odi_total",
        placeholder=p["your_back.oswestry_total_placeholder"],
    )
    record.oswestry.total_percent = total
    result = oswestry_score(record.oswestry, content.scores)
    if result:
        percent = format_score(result.percent, content.lang)
        st.metric(p["your_back.oswestry_score"], p["your_back.oswestry_value"].format(percent=percent), help=result.how)
        st.write(f"{result.band}. {result.how}")
    else:
        st.caption(p["your_back.oswestry_none"])

st.page_link("pages/2_Your_care_so_far.py", label=p["next.care"], icon=":material/arrow_forward:")
frame.close_page(content)
