"""Summary: every answer on one page, the printable PDF, and (in clinic) the decision reached.

In clinic the page opens with what the visit must settle: the decision, with the SURE result
and any conflict beside it and the SURE at the end of the visit, then the open questions and
the readiness result. The answers from home follow, one line each, with detail on demand.

The screen and the PDF draw the same ``decision.output.summary.Summary``. Text the patient or the
surgeon typed is shown with ``st.text`` (never as Markdown or HTML).
"""

import re
import secrets
from datetime import date

import streamlit as st

from decision.deliberation import sure_score
from decision.output.pdf import build_pdf
from decision.output.summary import (
    Bullets,
    ComparisonBlock,
    Item,
    Paragraph,
    Section,
    Table,
    build_summary,
    leaning_differs,
    leaning_text,
    sure_text,
)
from decision.record import DecisionReached, SureAnswers
from ui import frame
from ui.chart_exports import chart_exports
from ui.figures import draw_table
from ui.widgets import choice

content, record = frame.open_page("summary")
p = content.pages
W = frame.widget_prefix()
CHOICES = ("non_operative", "laminectomy", "microdiscectomy", "fusion", "more_time_needed")
YES_NO = {True: "Yes", False: "No"}


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
        st.subheader("Decision reached")
        choice = st.radio(
            "What was decided today?",
            CHOICES,
            index=CHOICES.index(reached.choice) if reached else None,
            format_func=_choice_name,
            key=f"{W}decision_choice",
        )
        on = st.date_input("Date", value=reached.on if reached else date.today(), key=f"{W}decision_date")
        record.decision_reached = DecisionReached(choice=choice, on=on) if choice and on else None
        # The leaning beside the decision, and a mark in words when they name different options
        st.markdown(f"**Leaning toward:** {_plain_md(leaning_text(record, content))}")
        if leaning_differs(record):
            st.warning(p["summary.leaning_differs"], icon=":material/compare_arrows:")
        st.button("Clear the decision", key="clear_decision", on_click=_clear_decision,
                  disabled=record.decision_reached is None)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")


def _plain_md(text: str) -> str:
    """Text shown through markdown exactly as written (every markdown character escaped)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def draw_items(items: list[Item]) -> None:
    """Labels and answers as one two-column table: one element, not five per answer."""
    rows = "\n".join(f"| **{_plain_md(i.label)}** | {_plain_md(i.value)} |" for i in items)
    st.markdown("| Item | Answer |\n|---|---|\n" + rows)


def draw_item(item: Item) -> None:
    if item.free:
        st.markdown(f"**{_plain_md(item.label)}**")
        st.text(item.value)  # typed by the patient or surgeon: plain text
    else:
        draw_items([item])


def draw_block(block, key: str) -> None:
    if isinstance(block, Item):
        draw_item(block)
    elif isinstance(block, Paragraph):
        if block.strong and not block.free:
            st.markdown(f"**{block.text}**")
        else:
            st.text(block.text)
    elif isinstance(block, Bullets):
        st.text("\n".join(f"{i}. {text}" if block.numbered else f"• {text}" for i, text in enumerate(block.items, 1)))
    elif isinstance(block, Table):
        draw_table(block.header, block.rows)
    elif isinstance(block, ComparisonBlock):
        # One comparison per expander, closed at first: the summary stays short to read (issue 11's
        # length budget); every number is one click away, in the same words as on paper.
        with st.expander(_plain_md(f"{block.kind_word}: {block.heading} ({block.design})"), expanded=False):
            st.markdown("\n".join(f"- {_plain_md(arm)}" for arm in block.arms))
            st.caption(_plain_md(" ".join([*block.notes, block.population, block.source])))


def draw_section(section: Section) -> None:
    if section.alert:  # the red-flag action leads the summary, as it leads the PDF
        with st.container(border=True, key="summary-red-flag"):
            st.error(f"**{section.title}**", icon=":material/emergency:")
            for i, block in enumerate(section.blocks):
                draw_block(block, f"{section.id}-{i}")
        return
    st.subheader(section.title)
    run: list[Item] = []  # answers in a row share one table
    for i, block in enumerate(section.blocks):
        if isinstance(block, Item) and not block.free:
            run.append(block)
            continue
        if run:
            draw_items(run)
            run = []
        draw_block(block, f"{section.id}-{i}")
    if run:
        draw_items(run)


def draw_answers(section: Section) -> None:
    """A home answer: its one-line items, and any detail behind an expander."""
    lines = [b for b in section.blocks if isinstance(b, Item) and not b.free]
    detail = [b for b in section.blocks if b not in lines]
    st.subheader(section.title)
    if lines:
        draw_items(lines)
    if detail:
        with st.expander(f"{section.title}: more detail"):
            for i, block in enumerate(detail):
                draw_block(block, f"{section.id}-{i}")


def sure_beside_the_decision() -> None:
    """The SURE result from before the visit, its conflict flag, and the SURE at the end of the visit."""
    d = content.deliberation
    before = sure_score(record.sure.before)
    st.markdown(f"**SURE before the visit:** {_plain_md(sure_text(record.sure.before))}")
    if before.conflict:
        st.warning(d.sure.conflict_message, icon=":material/help:")
    st.markdown("**SURE at the end of the visit**")
    given = {
        item.id: choice(item.question, [True, False], lambda v: YES_NO[v], getattr(record.sure.after, item.id),
                        key=f"{W}summary_sure_after:{item.id}", horizontal=True)
        for item in d.sure.items
    }
    record.sure.after = SureAnswers(**given)
    after = sure_score(record.sure.after)
    if after.complete:
        st.markdown(f"**SURE at the end of the visit:** {_plain_md(sure_text(record.sure.after))}")
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
with alert_slot:
    for section in summary.sections:
        if section.alert:
            draw_section(section)
chart = [s for s in summary.part("chart") if not s.alert]
if clinic:  # then the open questions and the readiness result; the SURE is beside the decision
    first = [s for id_ in ("questions", "readiness") for s in chart if s.id == id_]
    chart = first + [s for s in chart if s not in first and s.id not in ("sure", "decision")]
for section in chart:
    draw_section(section)

# The PDF is built only when the button is clicked, in a thread of its own that cannot read
# st.session_state; so the callable holds this session's record object (widgets change it in
# place, and a loaded file reruns the page, which makes a new callable). Each PDF gets a random
# /ID: Streamlit serves the bytes at /media/<hash of the bytes>, and without it the same record on
# the same day would give an address anyone could compute (issue 21; see ui/downloads.py).
initials = (record.patient_initials or "record").replace(" ", "")
st.download_button(
    "Download the summary (PDF)",
    data=lambda rec=record: build_pdf(rec, content, unique_id=secrets.token_hex(16)),
    file_name=f"spine-decision-summary-{initials}-{date.today().isoformat()}.pdf",
    mime="application/pdf",
    on_click="ignore",
    key="download_pdf",
    icon=":material/download:",
    help="A summary to print for you and your surgeon. It has room for you both to sign.",
)
if clinic:  # the note to paste into the chart, and the visit for the record system (issue 25)
    chart_exports(summary, record, content, initials)
st.caption(p["summary.save_file"])
st.caption(
    f"{summary.aid_name} · content version {summary.content_version}, reviewed {summary.content_date} · "
    f"summary made on {summary.made_on.isoformat()} · initials: {summary.initials}"
)

st.header(p["summary.home_answers"])
for section in summary.part("answers"):
    draw_answers(section)

for section in summary.part("figures"):
    draw_section(section)

if summary.citations:
    with st.expander("Sources"):
        for i, citation in enumerate(summary.citations, start=1):
            st.text(f"{i}. {citation}")

frame.close_page(content)
