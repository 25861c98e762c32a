"""Your care so far: what was tried, what a full program holds, and the readiness check."""

import streamlit as st

from decision.record import Treatment, longer_than_symptoms
from decision.rules.readiness import assess
from ui import frame

content, record = frame.open_page("care")
p, program = content.pages, content.program
W = frame.widget_prefix()
SUPERVISED = ("physical_therapy", "psychological_therapy", "multidisciplinary_program")


def _plain(source_ids) -> str:
    """Who the sources are, in plain words, each once ("a US insurer; UK guidance (NICE)")."""
    return "; ".join(dict.fromkeys(content.source(s).plain for s in source_ids)) + "."

st.title(p["care.title"])
st.write(p["care.intro"])

st.subheader("What have you tried?")
tried = {t.kind: t for t in record.treatments}
entered: list[Treatment] = []
for kind, name in program.treatment_names.items():
    before = tried.get(kind)
    with st.container(border=True, key=f"treatment-{kind}"):
        used = st.checkbox(name, value=before is not None, key=f"{W}tried:{kind}")
        if not used:
            continue
        cols = st.columns(3 if kind in SUPERVISED else 2)
        weeks = cols[0].number_input(
            "For how many weeks?", min_value=0, max_value=1040, step=1,
            value=before.weeks if before else None, placeholder="Number", key=f"{W}weeks:{kind}",
        )
        helped_options = list(program.helped_names)
        helped = cols[1].selectbox(
            "Did it help?", [None, *helped_options],
            index=[None, *helped_options].index(before.helped if before else None),
            format_func=lambda h: "Choose" if h is None else program.helped_names[h], key=f"{W}helped:{kind}",
        )
        visits = None
        if kind in SUPERVISED:
            visits = cols[2].number_input(
                "How many visits or sessions?", min_value=0, max_value=500, step=1,
                value=before.visits if before else None, key=f"{W}visits:{kind}", placeholder="Number",
            )
        weeks = None if weeks is None else int(weeks)
        entry = Treatment(kind=kind, weeks=weeks, visits=visits, helped=helped)
        if longer_than_symptoms(record.symptom_weeks, [entry]):
            # Longer than the symptoms (issue 21): said where it was typed; the earlier answer stays.
            st.error(p["care.weeks_longer_than_symptoms"].format(weeks=record.symptom_weeks), icon=":material/edit:")
            entry.weeks = before.weeks if before else None
        entered.append(entry)
record.treatments = entered

# The whole span of care, and a doctor's word that pain medicines are not safe (readiness, part 1).
readiness = content.readiness
st.subheader(p["care.span_title"])
care_weeks = st.number_input(
    readiness.span.question, min_value=0, max_value=5200, step=1, value=record.care_weeks,
    placeholder="Number", help=readiness.span.help, key=f"{W}care_weeks",
)
care_weeks = None if care_weeks is None else int(care_weeks)
if longer_than_symptoms(record.symptom_weeks, [], care_weeks):
    # Longer than the symptoms (issue 21): said where it was typed; the earlier answer stays.
    st.error(p["care.weeks_longer_than_symptoms"].format(weeks=record.symptom_weeks), icon=":material/edit:")
else:
    record.care_weeks = care_weeks
record.medicines_unsuitable = st.checkbox(
    readiness.medicines_unsuitable.question, value=bool(record.medicines_unsuitable), key=f"{W}medicines_unsuitable",
) or None

st.subheader("What a full program has in it")
st.write(program.intro)
# Each part is drawn when asked for (issue 11's layers; a closed expander still sends its text on
# every run, issue 13's page weight).
if st.toggle(p["care.program_toggle"], key="care_program_parts"):
    for part in program.parts:
        with st.expander(part.title):
            st.write(part.text)
            if part.disagreement:
                st.info(f"**Where experts disagree.** {part.disagreement}")
            st.caption(p["care.part_sources"] + " " + _plain(part.sources))

st.subheader(p["care.nicotine_title"])
nicotine = content.readiness.nicotine
choice = st.radio(
    nicotine.question, list(nicotine.choices),
    index=None if record.nicotine is None else list(nicotine.choices).index(record.nicotine),
    format_func=nicotine.choices.get, key=f"{W}nicotine",
)
record.nicotine = choice
if choice == "stopped":
    record.nicotine_free_weeks = st.number_input(
        nicotine.weeks_question, min_value=0, max_value=5200, step=1,
        value=record.nicotine_free_weeks, placeholder="Number", key=f"{W}nicotine_weeks",
    )
else:
    record.nicotine_free_weeks = None
st.write(nicotine.why)
st.caption(f"{p['care.label_v2'] if nicotine.why_label == 'V2' else ''} {p['care.part_sources']} "
           + _plain(nicotine.why_sources))

st.subheader(p["care.readiness_title"])
result = assess(record, content)
title = content.readiness.status_titles[result.status]
# A met result is information, not a success: it never shows green.
boxes = {"criteria_met": st.info, "not_yet": st.warning, "screen_not_done": st.warning, "soon": st.info}
box = boxes.get(result.status, st.error)
box(f"**{title}**")
if result.red_flag:
    # Any ticked sign suspends the check: what to do, and that it waits for the doctor.
    st.write(f"{result.reasons[0]}\n\n{content.readiness.not_judged}")
else:
    # One element for the whole result (each element is a message the server sends on every run).
    lines: list[str] = []
    for part in result.parts:
        if part.met or part.missing:
            lines.append(f"**{part.title}**")
        lines += [f":material/check_circle: {item}" for item in part.met]
        lines += [f":material/radio_button_unchecked: {item}" for item in part.missing]
    if not result.parts and result.missing:
        lines += [f"**{p['care.still_missing']}**", *(f":material/radio_button_unchecked: {m}" for m in result.missing)]
    if result.surgeon_to_confirm and result.status != "criteria_met":
        lines += [f"**{p['care.surgeon_to_confirm']}**", *(f":material/person: {c}" for c in result.surgeon_to_confirm)]
    lines += list(result.reasons)
    if lines:
        st.markdown("\n\n".join(lines))
if result.sources:
    st.caption(p["care.rules_from"] + " " + _plain(result.sources))
# The full citations (codes, authors, addresses) when asked for: the sources layer (issue 24 item 4).
cited = tuple(dict.fromkeys((*nicotine.why_sources, *result.sources)))
if cited and st.toggle(p["care.sources_toggle"], key="care_sources"):
    st.markdown("\n".join(f"- {content.source(s).citation}" for s in cited))
st.caption(content.readiness.messages["disclaimer"])

st.page_link("pages/3_Compare_your_options.py", label=p["next.compare"], icon=":material/arrow_forward:")
frame.close_page(content)
