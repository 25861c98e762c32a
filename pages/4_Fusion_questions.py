"""Fusion questions: five short cards, the surgeon's plan, and another operation later.

Each card opens with its question, the surgeon's proposal, its bottom line in words (the
uncertainty said out loud) and its key numbers; the rest (the choices, what is known, every other
number, what is not known, questions to ask, sources) is drawn only when the reader turns on "read
more" (issues 11 and 24). Where fusion is not among the diagnosis's options and nobody proposed
it, the page says so and keeps every card in one closed layer (issue 24). A toggle, not an
expander: an expander's contents are sent to the browser on every run even while closed, and this
page was the heaviest of the walk.
In clinic the surgeon's proposal is the first thing on each card; at home a recorded proposal is.
Every word comes from content (fusion.yaml, pages.yaml); decision.compare.fusion_cards splits each card.
"""

import streamlit as st

from decision.compare.fusion_cards import FusionCard, fusion_cards, fusion_in_view, reoperation_layers
from decision.compare.fusion_plan import from_key, planned_segments
from decision.compare.icon_array import KEY_NUMBERS_CSS
from decision.content.wording import sentence
from ui import figures as ui_figures, frame
from ui.figures import source_line
from ui.widgets import choice, text_area

# The key numbers' style only when a card is open: a closed card says its numbers in words (issue 24).
OPEN = any(v for k, v in st.session_state.items() if isinstance(k, str) and k.startswith("fusion_more:"))
content, record = frame.open_page("fusion", css=KEY_NUMBERS_CSS if OPEN else "")
p = content.pages
fusion = content.fusion
W = frame.widget_prefix()
clinic = frame.clinic_mode()
plan = record.fusion_plan
cards = fusion_cards(content, plan)
KIND_WORDS = {kind: p[f"fusion.kind_{kind}"] for kind in ("benefit", "harm", "reoperation", "natural_course")}


def draw_figures(figures, warnings=None) -> None:
    ui_figures.draw_figures_by_kind(content, figures, KIND_WORDS, warnings)


def proposal_words(card: FusionCard) -> str:
    return card.proposal_words or p["fusion.not_answered"]


def surgeon_wrote() -> bool:
    texts = (record.clinical.confirmed_diagnosis, record.clinical.imaging_findings, plan.surgeon_notes)
    return not clinic and not plan.is_blank() and any(texts)


def show_plan_read_only() -> None:
    """What the surgeon wrote beside the plan, in a closed layer: each card says its own part."""
    with st.expander(p["fusion.plan_title"], key="fusion-plan-read-only"):
        st.caption(p["fusion.plan_recorded"])
        for label, text in ((p["fusion.plan_diagnosis"], record.clinical.confirmed_diagnosis),
                            (p["fusion.plan_imaging"], record.clinical.imaging_findings)):
            if text:
                st.markdown(f"**{label}**")
                st.text(text)  # free text: never markdown
        if plan.surgeon_notes:
            st.markdown(f"**{p['fusion.plan_notes']}**")
            st.text(plan.surgeon_notes)


def draw_proposal(card: FusionCard) -> None:
    """First on the card: the surgeon records a choice in clinic; at home a recorded one is shown."""
    field = card.plan_field
    if clinic:
        st.markdown(f"**{p['fusion.proposal_title']}**")
        key = choice(field.question, list(field.values), field.values.get, card.proposal_key,
                     key=f"{W}fusion_plan:{field.field}", horizontal=True)
        if key is not None:
            setattr(plan, field.field, from_key(field, key))
    elif not plan.is_blank():
        st.markdown(p["fusion.proposal_at_home"].format(question=field.question, answer=proposal_words(card)))


def draw_detail(card: FusionCard) -> None:
    q = card.question
    ui_figures.draw_key_numbers(content, card.key_context, card.key_arrays, KIND_WORDS, card.warnings,
                                v2_label=p["fusion.v2_label"])
    st.markdown(f"#### {p['fusion.full_question']}\n\n{q.question}")
    st.markdown(f"#### {p['fusion.choices_title']}\n\n{q.choices_line}\n\n" + "\n".join(
        f"- **{c.name}.** {c.involves}" + (f" {c.no_harm}" if c.no_harm else "") for c in q.choices))
    if card.key_figures:
        st.markdown(f"**{p['fusion.key_applies']}**\n\n" + "\n".join(
            f"- {sentence(f, content.words)} "
            f":small[{f.population[0].upper()}{f.population[1:]}. {source_line(content, f)}]"
            for f in card.key_figures))
    st.markdown(f"#### {p['fusion.known_title']}")
    st.write(q.known)
    if card.other_figures:
        st.markdown(f"#### {p['fusion.more_numbers']}")
        draw_figures(card.other_figures, card.warnings)
    st.markdown(f"#### {p['fusion.not_known_title']}")
    st.write(q.not_known)
    st.markdown(f"#### {p['fusion.ask_title']}\n\n" + "\n".join(f"- {a}" for a in q.ask))
    citations = "\n".join(f"- {content.source(s).citation}" for s in q.sources)
    st.markdown(f"#### {p['fusion.sources_title']}\n\n{citations}")
    if q.id == "length":
        st.markdown(f"#### {p['fusion.drawing_title']}")
        segments = planned_segments(plan)
        if segments is None:
            values = card.plan_field.values
            segments = st.radio(p["fusion.drawing_pick"], [1, 2, 3], format_func=lambda n: values[str(n)],
                                horizontal=True, key=f"{W}fusion_drawing_example")
        ui_figures.draw_spine(content, segments)
        st.caption(fusion.segments_caption)


def draw_card(card: FusionCard) -> None:
    with st.container(border=True, key=f"card-{card.question.id}", gap="xsmall"):
        draw_proposal(card)
        st.subheader(f"{card.number}. {card.question.short_question}")
        st.write(card.question.bottom_line or card.key_message)  # its key numbers in words; arrays behind
        if st.toggle(p["fusion.read_more"].format(number=card.number), key=f"fusion_more:{card.question.id}"):
            draw_detail(card)


def draw_notes() -> None:
    """The surgeon's clinical facts in clinic; the patient's own notes at home."""
    if clinic:
        with st.container(border=True, key="fusion-clinical"):
            st.subheader(p["fusion.clinical_title"])
            record.clinical.confirmed_diagnosis = text_area(
                p["fusion.confirmed_diagnosis"], record.clinical.confirmed_diagnosis, max_chars=2000,
                key=f"{W}clinical:confirmed_diagnosis", message=p["input.cleaned"],
            )
            record.clinical.imaging_findings = text_area(
                p["fusion.imaging_findings"], record.clinical.imaging_findings, max_chars=2000,
                key=f"{W}clinical:imaging_findings", message=p["input.cleaned"],
            )
            plan.surgeon_notes = text_area(
                p["fusion.surgeon_notes"], plan.surgeon_notes, max_chars=2000, key=f"{W}fusion_plan:surgeon_notes",
                message=p["input.cleaned"],
            )
            if record.fusion_patient_notes:
                st.markdown(f"**{p['fusion.patient_notes_title']}**")
                st.text(record.fusion_patient_notes)
    else:  # beside them, what the surgeon wrote (the width used: one row, not two)
        mine, surgeons = st.columns(2) if surgeon_wrote() else (st.container(), None)
        if surgeons is not None:
            with surgeons:
                show_plan_read_only()
        with mine:
            record.fusion_patient_notes = text_area(
                p["fusion.patient_notes"], record.fusion_patient_notes, max_chars=2000,
                key=f"{W}fusion_patient_notes", help=p["fusion.patient_notes_help"], message=p["input.cleaned"],
            )


def draw_reoperation() -> None:
    reop, layers = fusion.reoperation, reoperation_layers(content)
    with st.container(border=True, key="card-reoperation", gap="xsmall"):
        st.subheader(reop.title)
        st.write(reop.bottom_line)
        if st.toggle(p["fusion.reop_read_more"], key="fusion_more:reoperation"):
            ui_figures.draw_key_numbers(content, (), layers.key, KIND_WORDS, v2_label=p["fusion.v2_label"])
            st.write(reop.intro)
            st.info(reop.caution)
            st.caption("\n\n".join(p["fusion.from_source"].format(citation=content.source(s).citation)
                                   for s in reop.sources))
            st.caption(" ".join(source_line(content, f) for f in layers.key))
            draw_figures(layers.other)
            st.markdown(f"#### {p['fusion.after_non_operative']}")
            draw_figures(layers.after_non_operative)


def draw_questions() -> None:
    st.write(p["fusion.intro"] + " " + fusion.intro)
    for card in cards:
        draw_card(card)


st.title(p["fusion.title"])
if fusion_in_view(content, record.diagnosis, record.procedure, record.clinical.proposed_operation):
    draw_questions()
    draw_notes()
    draw_reoperation()
else:  # fusion is not among this diagnosis's options: said plainly, every card still one click away
    st.markdown(p["fusion.your_diagnosis"].format(diagnosis=p[f"diagnosis.{record.diagnosis}"]))
    st.write(p["fusion.not_an_option"])
    with st.expander(p["fusion.cards_layer"], key="fusion-cards-layer"):
        draw_questions()
        draw_reoperation()
    draw_notes()

st.page_link("pages/5_What_matters_to_you.py", label=p["fusion.next"], icon=":material/arrow_forward:")
frame.close_page(content)
