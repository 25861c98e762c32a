"""Your visit: one screen for the surgeon and the patient in clinic (issue 24, item 6).

Three columns, all on the first screen at 1280 x 800 in clinic: *before the visit* (the leaning
and the SURE test from home, marked when unsure or in conflict; the readiness result with what the
surgeon must confirm; the safety result), *the surgeon's part* (confirmed diagnosis, level(s),
whether the scan matches the symptoms, the proposal, the fusion plan in one line, the next step)
and *the decision* with the SURE test at the end of the visit.

Every field is the record's own: the Your back, Fusion questions and Summary pages read and write
the same attributes, so nothing is asked twice and an answer given here is the answer there. At
home the page shows the patient's own view the same way and what the surgeon has recorded so far as
text: she sees what the visit will settle, and the surgeon's answers are given in clinic, as on the
Your back and Fusion questions pages. It comes after the Summary, so the walk is no longer.
"""

from datetime import date
from typing import Literal, get_args

import streamlit as st

from decision.compare.fusion_plan import plan_lines
from decision.content import OptionId
from decision.content.page_strings import CHOICES
from decision.deliberation import sure_score, visit_marks
from decision.output.summary import decision_text, sure_text
from decision.output.summary.words import not_answered
from decision.record import DecisionReached, NextStep, Proposal, SureAnswers
from decision.record.limits import LEVELS_LIMIT, TEXT_LIMIT
from decision.rules.readiness import assess
from decision.rules.red_flags import screen
from ui import frame
from ui.widgets import choice, text_area, text_line

# The whole visit on one screen at 1280 x 800 in clinic: this page keeps the home type size (18 px)
# in clinic, a smaller title, and each SURE question on one line with its Yes / No.
CSS = ("html{font-size:18px}[data-testid='stMainBlockContainer'] h1{font-size:1.6rem;padding:2rem 0 0}"
       "[data-testid='stMainBlockContainer'] h4{font-size:1.2rem;padding:.25rem 0 0}"
       "[data-testid='stMainBlockContainer'] [data-testid='stVerticalBlock']{gap:.5rem}"
       "[data-testid='stMainBlockContainer'] [data-testid='stAlertContainer']{padding:.5rem .75rem}"
       ".st-key-visit-sure-after [data-testid='stRadio']{display:flex;align-items:center;gap:1rem}"
       ".st-key-visit-sure-after [data-testid='stRadio'] [data-testid='stWidgetLabel']{flex:1;margin:0}"
       ".st-key-visit-sure-after [data-testid='stRadioGroup']{min-height:0}")

content, record = frame.open_page("visit", css=CSS)
p = content.pages
W = frame.widget_prefix() + "visit:"
clinic = frame.clinic_mode()
YES_NO = {True: p["answer.yes"], False: p["answer.no"]}
NOT_ANSWERED = not_answered(content)


def pick(label: str, options, name, current, key: str):
    """A drop-down that starts at the record's value (or at nothing), its words from content."""
    options = list(options)
    return st.selectbox(label, options, index=options.index(current) if current in options else None,
                        format_func=name, key=key, placeholder=NOT_ANSWERED)


def before_the_visit() -> None:
    """The patient's view from home with its marks; the readiness result and the safety result."""
    d = content.deliberation
    left, right = st.columns(2, gap="medium")
    leaning = d.leaning_options.get(record.leaning, record.leaning) if record.leaning else NOT_ANSWERED
    with left:
        st.markdown(f"**{p['visit.leaning']}:** {leaning}  \n"
                    f"**{p['visit.sure_before']}:** {sure_text(record.sure.before, content)}")
        marks = visit_marks(record)
        said = [p["visit.unsure"]] if marks.unsure else []
        if marks.differs_from:
            said.append(p["visit.differs_decision" if marks.differs_from == "decision" else "visit.differs_proposal"])
        if said:  # one box for both marks: the screen has room for one
            st.warning("  \n".join(said), icon=":material/help:")
    result = assess(record, content)
    title = content.readiness.status_titles.get(result.status, result.status)
    flagged = screen(record, content)
    safety = content.red_flags.levels[flagged.level].title if flagged else p["visit.safety_clear"]
    lines = [f"**{p['visit.readiness']}:** {title}"]
    if result.surgeon_to_confirm and not result.red_flag:
        lines += [content.readiness.messages["surgeon_to_confirm"], *(f"- {x}" for x in result.surgeon_to_confirm)]
    with right:
        st.markdown("  \n".join(lines[:2]) + "".join(f"\n{x}" for x in lines[2:])
                    + f"\n\n**{p['visit.safety']}:** {safety}")


def fusion_plan_line() -> None:
    """The surgeon's fusion plan in one line (its parts are answered on the Fusion questions page)."""
    plan = record.fusion_plan
    if plan.model_copy(update={"surgeon_notes": ""}).is_blank():
        st.caption(p["visit.fusion_plan_blank"])
        return
    answered = [f"{label}: {words}" for label, words in plan_lines(plan, content, not_answered="")
                if words]
    st.caption(f"**{p['visit.fusion_plan']}:** " + "; ".join(answered))  # in the narrow column: small type


Choice = OptionId | Literal["more_time_needed"]  # DecisionReached.choice


def the_surgeons_part() -> None:
    """The surgeon's fields in two rows of three, the decision last; the fusion plan in one line."""
    c = record.clinical
    st.markdown(f"#### {p['visit.surgeon_title']}")
    first, second, third = st.columns(3, gap="medium")
    with first:
        c.confirmed_diagnosis = text_area(p["fusion.confirmed_diagnosis"], c.confirmed_diagnosis,
                                          max_chars=TEXT_LIMIT, key=f"{W}confirmed_diagnosis",
                                          message=p["input.cleaned"], height=68)
        c.proposed_operation = pick(p["visit.proposal"], get_args(Proposal), lambda v: p[f"proposal.{v}"],
                                    c.proposed_operation, key=f"{W}proposal")
    with second:
        c.levels = text_line(p["visit.levels"], c.levels, max_chars=LEVELS_LIMIT, key=f"{W}levels",
                             message=p["input.cleaned"], help=p["visit.levels_help"])
        c.next_step = pick(p["visit.next_step"], get_args(NextStep), lambda v: p[f"next_step.{v}"], c.next_step,
                           key=f"{W}next_step")
    with third:
        surgeon = content.readiness.surgeon
        c.imaging_matches = choice(p["your_back.imaging_matches"], list(surgeon.choices),
                                   lambda v: surgeon.choices[v], c.imaging_matches, key=f"{W}imaging_matches",
                                   horizontal=True)
        reached = record.decision_reached
        picked = pick(p["visit.decision"], CHOICES, lambda v: p[f"option.{v}"],
                      reached.choice if reached else None, key=f"{W}decision_choice")
    the_decision(picked)


def the_decision(picked: Choice | None) -> None:
    """The decision, dated the day it is recorded here (a date set on the Summary page is kept while
    the choice stands); the fusion plan in one line; beside them the SURE test at the end of the visit."""
    reached = record.decision_reached
    if picked is None:
        record.decision_reached = None
    elif reached is None or reached.choice != picked:
        record.decision_reached = DecisionReached(choice=picked, on=date.today())
    left, right = st.columns([1, 2], gap="medium")
    with left:
        c = record.clinical
        if c.proposed_operation == "fusion" or record.procedure == "fusion" or not record.fusion_plan.is_blank():
            fusion_plan_line()
    with right, st.container(key="visit-sure-after"):
        heading = st.empty()  # with its score once all four are answered, as on the Summary
        given = {item.id: choice(item.question, [True, False], lambda v: YES_NO[v],
                                 getattr(record.sure.after, item.id), key=f"{W}sure_after:{item.id}",
                                 horizontal=True)
                 for item in content.deliberation.sure.items}
        record.sure.after = SureAnswers(**given)
        scored = sure_score(record.sure.after).complete
        heading.markdown(f"**{p['visit.sure_after']}**"
                         + (f": {sure_text(record.sure.after, content)}" if scored else ""))


def at_home() -> None:
    """At home: what the surgeon has recorded so far, as text. The surgeon's answers are given in
    clinic (as on the Your back and Fusion pages); the patient sees what the visit will settle."""
    c = record.clinical
    st.info(p["visit.at_home"], icon=":material/stethoscope:")
    st.markdown(f"#### {p['visit.surgeon_title']}")
    surgeon = content.readiness.surgeon
    rows = [
        (p["fusion.confirmed_diagnosis"], c.confirmed_diagnosis or NOT_ANSWERED),
        (p["visit.levels"], c.levels or NOT_ANSWERED),
        (p["your_back.imaging_matches"], surgeon.choices[c.imaging_matches] if c.imaging_matches else NOT_ANSWERED),
        (p["visit.proposal"], p[f"proposal.{c.proposed_operation}"] if c.proposed_operation else NOT_ANSWERED),
        (p["visit.next_step"], p[f"next_step.{c.next_step}"] if c.next_step else NOT_ANSWERED),
        (p["visit.decision"], decision_text(record, content)),
        (p["visit.sure_after"], sure_text(record.sure.after, content)),
    ]
    for label, value in rows:
        name, answer = st.columns([1, 2])
        name.markdown(f"**{label}**")
        answer.text(value)  # typed by the surgeon: plain text, never markup


st.title(p["visit.title"])
before = st.container()  # filled last: the marks and the readiness result read this run's answers
if clinic:
    the_surgeons_part()
else:
    at_home()
with before:
    before_the_visit()

frame.close_page(content)
