"""Fusion questions: five open questions about fusion, the surgeon's plan, and another operation later.

Every clinical word and number comes from content/fusion.yaml and its figures. In clinic the
surgeon records the clinical facts and a proposed choice on each card; at home the patient sees
the same cards, keeps notes, and sees a recorded plan read-only.
"""

import streamlit as st

from ui import frame
from ui import figures as ui_figures
from ui.widgets import choice
from decision.fusion_plan import from_key, plan_field, planned_segments, stored_key

content, record = frame.open_page("fusion")
p = content.pages
fusion = content.fusion
W = frame.widget_prefix()
clinic = frame.clinic_mode()
plan = record.fusion_plan

def draw_figures(figure_ids, key: str) -> None:
    ui_figures.draw_figures(content, [content.figure(fid) for fid in figure_ids], key=key)


def plan_line(card_id: str) -> str:
    field = plan_field(content, card_id)
    key = stored_key(getattr(plan, field.field))
    return f"{field.question} **{'Not answered' if key is None else field.values[key]}**"


def show_plan_read_only() -> None:
    with st.container(border=True, key="fusion-plan-read-only"):
        st.subheader("Your surgeon's proposed plan")
        st.caption("Recorded in clinic. You can talk about any part of it with your surgeon.")
        for label, text in (("Diagnosis", record.clinical.confirmed_diagnosis),
                            ("What the scans show", record.clinical.imaging_findings)):
            if text:
                st.markdown(f"**{label}**")
                st.text(text)
        for q in fusion.questions:
            st.markdown("- " + plan_line(q.id))
        if plan.surgeon_notes:
            st.markdown("**The surgeon's notes**")
            st.text(plan.surgeon_notes)


st.title(p["fusion.title"])
st.write(p["fusion.intro"])
st.write(fusion.intro)

if clinic:
    with st.container(border=True, key="fusion-clinical"):
        st.subheader("For the surgeon: the clinical facts")
        record.clinical.confirmed_diagnosis = st.text_area(
            "Confirmed diagnosis", value=record.clinical.confirmed_diagnosis, max_chars=2000,
            key=f"{W}clinical:confirmed_diagnosis",
        )
        record.clinical.imaging_findings = st.text_area(
            "Imaging findings", value=record.clinical.imaging_findings, max_chars=2000,
            key=f"{W}clinical:imaging_findings",
        )
        if record.fusion_patient_notes:
            st.markdown("**The patient's notes**")
            st.text(record.fusion_patient_notes)
elif not plan.is_blank():
    show_plan_read_only()

for number, q in enumerate(fusion.questions, start=1):
    with st.container(border=True, key=f"card-{q.id}"):
        st.subheader(f"{number}. {q.question}")
        # One element per list, not per item: a long page reruns faster (benchmarks/bench.py).
        st.markdown("#### The choices\n\n" + "\n".join(f"- **{c.name}.** {c.involves}" for c in q.choices))
        st.markdown("#### What is known")
        st.write(q.known)
        draw_figures(q.figures, key=q.id)
        st.markdown("#### What is not known")
        st.write(q.not_known)
        st.markdown("#### Questions to ask your surgeon\n\n" + "\n".join(f"- {a}" for a in q.ask))
        with st.expander("Sources for this card"):
            st.markdown("\n".join(f"- {content.source(sid).citation}" for sid in q.sources))
        field = plan_field(content, q.id)
        if clinic:
            st.markdown("#### The surgeon's proposal")
            key = choice(field.question, list(field.values), field.values.get, stored_key(getattr(plan, field.field)),
                         key=f"{W}fusion_plan:{field.field}", horizontal=True)
            if key is not None:
                setattr(plan, field.field, from_key(field, key))
        elif not plan.is_blank():
            st.info("Your surgeon's proposal: " + plan_line(q.id))
        if q.id == "length":
            st.markdown("#### A picture of fusion length")
            segments = planned_segments(plan)
            if segments is None:
                segments = st.radio("Show a fusion of", [1, 2, 3], format_func=lambda n: field.values[str(n)], horizontal=True,
                                    key=f"{W}fusion_drawing_example")
            ui_figures.draw_spine(segments)
            st.caption(fusion.segments_caption)

if clinic:
    plan.surgeon_notes = st.text_area(
        "The surgeon's notes on the fusion plan", value=plan.surgeon_notes, max_chars=2000,
        key=f"{W}fusion_plan:surgeon_notes",
    )
else:
    record.fusion_patient_notes = st.text_area(
        "Your notes and questions about fusion",
        value=record.fusion_patient_notes, max_chars=2000, key=f"{W}fusion_patient_notes",
        help="Anything you want to remember or ask. It is kept with your answers.",
    )

reop = fusion.reoperation
st.header(reop.title)
st.write(reop.intro)
for sid in reop.sources:
    st.caption("From: " + content.source(sid).citation)
draw_figures(reop.figures, key="reop")
st.subheader("After starting without an operation")
draw_figures(reop.after_non_operative, key="after-nonop")
st.info(reop.caution)

st.page_link("pages/5_What_matters_to_you.py", label="Next: " + p["nav.values"], icon=":material/arrow_forward:")
frame.close_page(content)
