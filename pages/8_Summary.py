"""Summary: what the visit needs on one screen, the printable PDF, and (in clinic) the decision reached.

At home the page leads with lines, not tables: the safety result, the decision and leaning, the
surgeon's proposal, the readiness result, SURE, what matters most and the questions; then the PDF;
then the diagnosis's story (issue 23). Every number, every answer from home, the readiness reasons
and the surgeon's plan in full are one click away, each in a closed layer near what it explains
(issue 24; ui/summary_view.py). On a screen in Spanish, a box (ticked at first) makes the PDF end
with page 1 again in English, for the chart (issue 26). In clinic the page opens with what the
visit must settle: the decision, with the SURE result and any conflict beside it and the SURE at the
end of the visit, then the open questions, the readiness result and the surgeon's fields, all in view.

The screen and the PDF draw the same ``decision.output.summary.Summary``. Text the patient or the
surgeon typed is shown with ``st.text`` (never as Markdown or HTML).
"""

import secrets
from datetime import date

import streamlit as st

from decision.content.locale_format import format_date
from decision.deliberation import sure_score
from decision.output.pdf import build_pdf
from decision.output.summary import build_summary, leaning_differs, leaning_text, sure_text
from decision.record import DecisionReached, SureAnswers
from decision.rules.readiness import assess
from ui import frame, language
from ui.chart_exports import chart_exports
from ui.summary_view import (
    back_pain_note,
    draw_all_answers,
    draw_numbers,
    draw_readiness,
    draw_section,
    plain_md,
    split_surgeon,
)
from ui.widgets import choice

content, record = frame.open_page("summary")
p = content.pages
W = frame.widget_prefix()
CHOICES = ("non_operative", "laminectomy", "microdiscectomy", "fusion", "more_time_needed")
YES_NO = {True: p["answer.yes"], False: p["answer.no"]}


def _choice_name(choice: str) -> str:
    return p.get(f"option.{choice}") or content.option(choice).name


def _clear_decision() -> None:
    frame.record().decision_reached = None
    for key in (f"{W}decision_choice", f"{W}decision_date"):
        st.session_state.pop(key, None)


def decision_reached_control() -> None:
    """Clinic only: the option chosen (or more time needed) and the day, into the record."""
    reached = record.decision_reached
    with st.container(border=True, key="decision_reached"):
        st.subheader(p["summary.decision_title"])
        choice = st.radio(
            p["visit.decision"],
            CHOICES,
            index=CHOICES.index(reached.choice) if reached else None,
            format_func=_choice_name,
            key=f"{W}decision_choice",
        )
        on = st.date_input(p["summary.decision_date"], value=reached.on if reached else date.today(),
                           key=f"{W}decision_date")
        record.decision_reached = DecisionReached(choice=choice, on=on) if choice and on else None
        # The leaning beside the decision, and a mark in words when they name different options
        st.markdown(f"**{p['visit.leaning']}:** {plain_md(leaning_text(record, content))}")
        if leaning_differs(record):
            st.warning(p["summary.leaning_differs"], icon=":material/compare_arrows:")
        st.button(p["summary.clear_decision"], key="clear_decision", on_click=_clear_decision,
                  disabled=record.decision_reached is None)


def sure_beside_the_decision() -> None:
    """The SURE result from before the visit, its conflict flag, and the SURE at the end of the visit."""
    d = content.deliberation
    before = sure_score(record.sure.before)
    st.markdown(f"**{p['visit.sure_before']}:** {plain_md(sure_text(record.sure.before, content))}")
    if before.conflict:
        st.warning(d.sure.conflict_message, icon=":material/help:")
    st.markdown(f"**{p['visit.sure_after']}**")
    given = {
        item.id: choice(item.question, [True, False], lambda v: YES_NO[v], getattr(record.sure.after, item.id),
                        key=f"{W}summary_sure_after:{item.id}", horizontal=True)
        for item in d.sure.items
    }
    record.sure.after = SureAnswers(**given)
    after = sure_score(record.sure.after)
    if after.complete:
        st.markdown(f"**{p['visit.sure_after']}:** {plain_md(sure_text(record.sure.after, content))}")
        if after.conflict:
            st.warning(d.sure.conflict_message, icon=":material/help:")


st.title(p.get("summary.title", p["nav.summary"]))

alert_slot = st.container()  # a red flag's action leads the page; filled once the summary is built

clinic = frame.clinic_mode()
if clinic:  # what the visit must settle comes first, before the summary that reports it
    with st.container(border=True, key="settle"):
        st.subheader(p["summary.settle"])
        left, right = st.columns(2)
        with left:
            decision_reached_control()
        with right:
            sure_beside_the_decision()

summary = build_summary(record, content)  # once per rerun, after the clinic controls wrote the record
note, summary = back_pain_note(summary, content)  # issue 24 item 3: the note stays in view
caveat = assess(record, content).caveat  # a met readiness result: what it does not mean, in view
with alert_slot:
    for section in summary.sections:
        if section.alert:
            draw_section(section)
chart = {s.id: s for s in summary.part("chart") if not s.alert}
if clinic:  # the open questions and the readiness result, then the rest; the SURE is beside the decision
    draw_section(chart["questions"])
    draw_readiness(summary, full=True, caveat=caveat)
    for id_ in ("safety", "surgeon", "values"):
        if id_ in chart:
            draw_section(chart[id_])
    if note:
        draw_section(note)
else:  # at home: what the visit needs, as lines; the detail one click away, under what it explains
    surgeon, surgeon_more = split_surgeon(chart["surgeon"], content)
    left, right = st.columns(2)
    with left:
        if "safety" in chart:
            draw_section(chart["safety"])
        draw_section(chart["decision"], title=False)  # "Decision: ...", "Leaning toward: ..."
        draw_section(surgeon)
        if surgeon_more:
            with st.expander(p["summary.surgeon_more"], key="summary-surgeon-more"):
                draw_section(surgeon_more)
        draw_readiness(summary, full=False, caveat=caveat)
        if note:
            draw_section(note)
    with right:
        draw_section(chart["sure"])
        draw_section(chart["values"])
    draw_section(chart["questions"])

# The PDF is built only when the button is clicked, in a thread of its own that cannot read
# st.session_state; so the callable holds this session's record object (widgets change it in
# place, and a loaded file reruns the page, which makes a new callable). Each PDF gets a random
# /ID: Streamlit serves the bytes at /media/<hash of the bytes>, and without it the same record on
# the same day would give an address anyone could compute (issue 21; see ui/downloads.py).
# On a screen in another language, the PDF can end with page 1 again in English, for the chart
# (issue 26): a setting of this download, not an answer, so it is not in the record.
chart_content = None
if content.lang != "en" and st.checkbox(p["summary.chart_copy_add"], value=True, key="chart_copy_english",
                                        help=p["summary.chart_copy_add_help"]):
    chart_content = frame.content_or_error("en")[0]  # loaded once per process
initials = (record.patient_initials or "record").replace(" ", "")
st.download_button(
    p["summary.download"],
    data=lambda rec=record, chart=chart_content: build_pdf(rec, content, unique_id=secrets.token_hex(16),
                                                           chart_content=chart),
    file_name=f"spine-decision-summary-{initials}-{date.today().isoformat()}.pdf",
    mime="application/pdf",
    on_click="ignore",
    key="download_pdf",
    icon=":material/download:",
    help=p["summary.download_help"],
)
if clinic:  # the note to paste into the chart, and the visit for the record system (issue 25)
    chart_exports(summary, record, content, initials)
st.caption(p["summary.save_file"])

draw_numbers(summary, content)
draw_all_answers(summary, content, p["summary.answers_footer"].format(
    name=summary.aid_name, version=summary.content_version, reviewed=summary.content_date,
    made=format_date(summary.made_on, language.current()), initials=summary.initials))

frame.close_page(content)
