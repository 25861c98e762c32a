"""Your care so far: what was tried, what a full program holds, and the readiness check.

Issue 24's cut: a compact table of what was tried (ui/care.py), the program and the numbers behind
the nicotine question in closed layers, and the readiness result led by its verdict.
"""

import streamlit as st

from decision.rules.readiness import assess
from ui import care, frame

content, record = frame.open_page("care", css=care.CSS)
p, program, readiness = content.pages, content.program, content.readiness
W = frame.widget_prefix()

st.title(p["care.title"])
st.write(p["care.intro"])

record.treatments = care.treatment_table(content, record, W)

# A doctor's word that pain medicines are not safe (readiness, part 1; the whole span is the
# table's last row).
record.medicines_unsuitable = st.checkbox(
    readiness.medicines_unsuitable.question, value=bool(record.medicines_unsuitable), key=f"{W}medicines_unsuitable",
) or None

# What a full program holds, drawn when asked for (issue 11's layers; a closed expander still sends
# its text on every run, issue 13's page weight).
if st.toggle(p["care.program_toggle"], key="care_program_parts"):
    st.write(program.intro)
    for part in program.parts:
        with st.expander(part.title):
            st.write(part.text)
            if part.disagreement:
                st.info(f"**{p['care.experts_disagree']}** {part.disagreement}")
            st.caption(p["care.part_sources"] + " " + care.plain_sources(content, part.sources))

nicotine = readiness.nicotine
choice = st.radio(
    nicotine.question, list(nicotine.choices),
    index=None if record.nicotine is None else list(nicotine.choices).index(record.nicotine),
    format_func=nicotine.choices.get, horizontal=True, key=f"{W}nicotine",
)
record.nicotine = choice
if choice == "stopped":
    record.nicotine_free_weeks = st.number_input(
        nicotine.weeks_question, min_value=0, max_value=5200, step=1,
        value=record.nicotine_free_weeks, placeholder=p["care.weeks_placeholder"], key=f"{W}nicotine_weeks",
    )
else:
    record.nicotine_free_weeks = None
# Why it is asked, with its numbers: the V2 label goes with them into the layer.
with st.expander(p["care.nicotine_why_title"]):
    st.write(nicotine.why)
    st.caption(f"{p['care.label_v2'] if nicotine.why_label == 'V2' else ''} {p['care.part_sources']} "
               + care.plain_sources(content, nicotine.why_sources))

st.subheader(p["care.readiness_title"])
result = assess(record, content)
care.readiness_result(content, result, tuple(dict.fromkeys((*nicotine.why_sources, *result.sources))))

st.page_link("pages/3_Compare_your_options.py", label=p["next.compare"], icon=":material/arrow_forward:")
frame.close_page(content)
