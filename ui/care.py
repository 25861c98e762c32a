"""Draw "Your care so far": the table of what was tried, and the readiness result (issue 24's cut).

What was tried is one compact table: a tick box a row, and only a ticked row opens its weeks, "did
it help?" and (for supervised care) visits beside it, under one header row. The readiness result
leads with its verdict; what is missing and what the surgeon must confirm stay in view; every line
of the check with whose rule it is, the notes on care that never counts, where the rules come from
and the full sources wait in one closed layer. The verdicts and the lines are
``decision.rules.readiness``'s, unchanged: this module only chooses where each one shows.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from decision.content import Content
from decision.record import DecisionRecord, Treatment, longer_than_symptoms
from decision.rules.readiness import Assessment

SUPERVISED = ("physical_therapy", "psychological_therapy", "multidisciplinary_program")
# What was tried | weeks | did it help? | visits: the header row and every row share these widths.
COLUMNS = (3.6, 1.2, 2.0, 1.2)
# The table reads as one: rows closer together than Streamlit's 1rem between elements, and a long
# name ("Low-dose antidepressant for pain or sleep") wraps in its column instead of being cut off.
CSS = (".st-key-treatments,.st-key-treatments [data-testid='stVerticalBlock']{gap:0.4rem}"
       ".st-key-treatments .stCheckbox .stMarkdownEllipsis,"
       ".st-key-treatments .stCheckbox .stMarkdownEllipsis p{white-space:normal;overflow:visible}")


def plain_sources(content: Content, source_ids: Iterable[str]) -> str:
    """Who the sources are, in plain words, each once ("a US insurer; UK guidance (NICE).")."""
    return "; ".join(dict.fromkeys(content.source(s).plain for s in source_ids)) + "."


def treatment_table(content: Content, record: DecisionRecord, w: str) -> list[Treatment]:
    """One row per kind of care; a ticked row asks its weeks, whether it helped and its visits."""
    with st.container(key="treatments"):
        entered = _table(content, record, w)
        _span_row(content, record, w)
    return entered


def _span_row(content: Content, record: DecisionRecord, w: str) -> None:
    """The whole span of care (readiness, part 1) as the table's last row, under "Weeks"."""
    p, span = content.pages, content.readiness.span
    cols = st.columns(COLUMNS, gap="small", vertical_alignment="center")
    cols[0].markdown(p['care.span_row'], help=span.help)
    care_weeks = cols[1].number_input(
        span.question, min_value=0, max_value=5200, step=1, value=record.care_weeks,
        placeholder=p["care.weeks_placeholder"], label_visibility="collapsed", key=f"{w}care_weeks",
    )
    care_weeks = None if care_weeks is None else int(care_weeks)
    if longer_than_symptoms(record.symptom_weeks, [], care_weeks):
        # Longer than the symptoms (issue 21): said where it was typed; the earlier answer stays.
        st.error(p["care.weeks_longer_than_symptoms"].format(weeks=record.symptom_weeks), icon=":material/edit:")
    else:
        record.care_weeks = care_weeks


def _table(content: Content, record: DecisionRecord, w: str) -> list[Treatment]:
    p, program = content.pages, content.program
    head = st.columns(COLUMNS, gap="small")
    head[1].markdown(f"**{p['care.col_weeks']}**")
    head[2].markdown(f"**{p['care.col_helped']}**")
    head[3].markdown(f"**{p['care.col_visits']}**")
    tried = {t.kind: t for t in record.treatments}
    entered: list[Treatment] = []
    for kind, name in program.treatment_names.items():
        with st.container(key=f"treatment-{kind}"):
            entry = _row(content, record, w, kind, name, tried.get(kind))
        if entry is not None:
            entered.append(entry)
    return entered


def _row(content: Content, record: DecisionRecord, w: str, kind: str, name: str,
         before: Treatment | None) -> Treatment | None:
    p, program = content.pages, content.program
    cols = st.columns(COLUMNS, gap="small", vertical_alignment="center")
    if not cols[0].checkbox(name, value=before is not None, key=f"{w}tried:{kind}"):
        return None
    # Each input keeps its own name for a screen reader; the header row names the column on screen.
    weeks = cols[1].number_input(
        p["care.weeks_label"].format(name=name), min_value=0, max_value=1040, step=1,
        value=before.weeks if before else None, placeholder=p["care.weeks_placeholder"],
        label_visibility="collapsed", key=f"{w}weeks:{kind}",
    )
    choices = [None, *program.helped_names]
    helped = cols[2].selectbox(
        p["care.helped_label"].format(name=name), choices,
        index=choices.index(before.helped if before else None),
        format_func=lambda h: p["care.helped_placeholder"] if h is None else program.helped_names[h],
        label_visibility="collapsed", key=f"{w}helped:{kind}",
    )
    visits = None
    if kind in SUPERVISED:
        visits = cols[3].number_input(
            p["care.visits_label"].format(name=name), min_value=0, max_value=500, step=1,
            value=before.visits if before else None, placeholder=p["care.visits_placeholder"],
            label_visibility="collapsed", key=f"{w}visits:{kind}",
        )
    entry = Treatment.model_validate(
        {"kind": kind, "weeks": None if weeks is None else int(weeks), "visits": visits, "helped": helped})
    if longer_than_symptoms(record.symptom_weeks, [entry]):
        # Longer than the symptoms (issue 21): said where it was typed; the earlier answer stays.
        st.error(p["care.weeks_longer_than_symptoms"].format(weeks=record.symptom_weeks), icon=":material/edit:")
        entry.weeks = before.weeks if before else None
    return entry


def readiness_result(content: Content, result: Assessment, cited: tuple[str, ...]) -> None:
    """The verdict and what it means; what is missing and what the surgeon must confirm; the rest
    (each line with whose rule it is, notes, sources) in one closed layer."""
    r, p = content.readiness, content.pages
    title = r.status_titles[result.status]
    # A met result is information, not a success: it never shows green.
    boxes = {"criteria_met": st.info, "not_yet": st.warning, "screen_not_done": st.warning, "soon": st.info}
    boxes.get(result.status, st.error)(f"**{title}**")
    if result.red_flag:
        # Any ticked sign suspends the check: what to do, and that it waits for the doctor.
        st.write(f"{result.reasons[0]}\n\n{r.not_judged}")
    else:
        _in_view(content, result)
    with st.expander(p["care.whose_rules_title"]):
        _layer(content, result, cited)


def _in_view(content: Content, result: Assessment) -> None:
    """What must stay in view: the verdict's meaning, each line not met, what the surgeon must
    confirm, the notes that weigh on the choice; the parts fully in place, named in one line."""
    r, p = content.readiness, content.pages
    never_counted = {n.reason for n in r.not_counting.values()}
    said = [line for line in result.reasons if line not in never_counted]
    lines: list[str] = []
    if result.status == "criteria_met" and said:
        lines.append(said.pop(0))  # "This does not mean you should have it. It means ... the talk."
    for part in result.parts:
        if part.missing:
            lines += [f"**{part.title}**", *(f"- {item}" for item in part.missing)]
    if not result.parts and result.missing:
        lines += [f"**{p['care.still_missing']}**", *(f"- {m}" for m in result.missing)]
    if result.surgeon_to_confirm and result.status != "criteria_met":
        lines += [f"**{p['care.surgeon_to_confirm']}**", *(f"- {c}" for c in result.surgeon_to_confirm)]
    lines += said
    in_place = [part.title for part in result.parts if part.met and not part.missing]
    if in_place:
        lines.append(p["care.in_place"].format(parts=" · ".join(in_place)))
    if lines:
        st.markdown("\n\n".join(lines))


def _layer(content: Content, result: Assessment, cited: tuple[str, ...]) -> None:
    """Every line of the check, each saying whose rule it is; care that never counts; the sources."""
    r, p = content.readiness, content.pages
    lines: list[str] = []
    for part in result.parts:
        if part.met or part.missing:
            lines.append(f"**{part.title}**")
        lines += [f":material/check_circle: {item}" for item in part.met]
        lines += [f":material/radio_button_unchecked: {item}" for item in part.missing]
    never_counted = {n.reason for n in r.not_counting.values()}
    lines += [line for line in result.reasons if line in never_counted]
    lines.append(r.messages["disclaimer"])
    st.markdown("\n\n".join(lines))
    if result.sources:
        st.caption(p["care.rules_from"] + " " + plain_sources(content, result.sources))
    # The full citations (codes, authors, addresses) when asked for: the sources layer (issue 24 item 4).
    if cited and st.toggle(p["care.sources_toggle"], key="care_sources"):
        st.markdown("\n".join(f"- {content.source(s).citation}" for s in cited))
