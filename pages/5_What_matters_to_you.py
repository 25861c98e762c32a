"""What matters to you: rate what people weigh, add your own concerns, see how each option tends to fit."""

import streamlit as st

from decision.deliberation import FIT_ORDER, add_text, comparison_note, fit_table, fit_table_html, values_fit
from decision.text import clean_text
from ui import frame
from ui.widgets import CLEANED, cleaned_note

# Issue 24 (the page in fewer screens, the type not made smaller): the slider's end labels ("Not
# rated", "10") show only while the pointer is over it, and the intro says the scale and the thumb
# its value, so they are not drawn; the rows of ratings and the concerns' lines sit closer; the
# table's first column is wide enough for most things rated to fit on one line.
CSS = (".st-key-ratings [data-testid='stSliderTickBar']{display:none}"
       ".st-key-fit-own-concerns [data-testid='stVerticalBlock']{gap:0.5rem}"
       ".st-key-ratings{gap:0.5rem}"
       "table.values-fit th[scope='row']{width:43%}")
content, record = frame.open_page("values", css=CSS)
p, values = content.pages, content.deliberation.values
W = frame.widget_prefix()
MAX_CONCERNS = 20  # the record keeps at most 20 (decision/record.py)
FIT_ICONS = {
    "tends_to_fit": ":material/thumb_up:",
    "mixed": ":material/balance:",
    "tends_not_to_fit": ":material/thumb_down:",
}

st.title(p["values.title"])
st.write(values.intro)

# ---------------------------------------------------------------- ratings, three to a row (issue 24: use the width)
ratings = dict(record.values)
ratings_box = st.container(key="ratings")
for start in range(0, len(values.items), 3):
    row = ratings_box.columns(3, gap="medium", vertical_alignment="bottom")
    for column, item in zip(row, values.items[start:start + 3], strict=False):
        rating = column.select_slider(
            item.label,
            options=[None, *range(11)],
            value=ratings.get(item.id),
            format_func=lambda v: p["values.not_rated"] if v is None else str(v),
            key=f"{W}value:{item.id}",
        )
        if rating is None:
            ratings.pop(item.id, None)
        else:
            ratings[item.id] = rating
record.values = ratings

# ---------------------------------------------------------------- own concerns


def _add_concern() -> None:
    rec = frame.record()
    typed = st.session_state[f"{W}concern_new"]
    text = clean_text(typed, multiline=False)  # what a file can hold (issue 21)
    st.session_state[CLEANED + f"{W}concern_new"] = text != typed
    rec.own_concerns = add_text(rec.own_concerns, text, MAX_CONCERNS)
    st.session_state[f"{W}concern_new"] = ""


def _remove_concern(index: int) -> None:
    rec = frame.record()
    rec.own_concerns = [c for i, c in enumerate(rec.own_concerns) if i != index]


def own_concerns() -> None:
    """The patient's own concerns, said once: beside the fit, above it, where they are typed and
    removed. Shown as plain text, never scored."""
    with st.container(key="fit-own-concerns"):
        listed, adding = st.columns(2, gap="medium")
        with listed:
            st.markdown(f"**{values.own_concerns_title}**")
            for i, concern in enumerate(record.own_concerns):
                row = st.columns([3, 1], vertical_alignment="center")
                row[0].text(concern)  # the patient's words, shown as plain text
                row[1].button(p["values.remove"], key=f"{W}concern_remove:{i}", on_click=_remove_concern,
                              args=(i,), type="tertiary")
        with adding:
            full = len(record.own_concerns) >= MAX_CONCERNS
            cols = st.columns([3, 1], vertical_alignment="bottom")
            cols[0].text_input(p["values.concern_new"], key=f"{W}concern_new", max_chars=300,
                               placeholder=p["values.concern_example"])
            cols[1].button(p["values.add"], key=f"{W}concern_add", on_click=_add_concern, disabled=full)
            cleaned_note(f"{W}concern_new", p["input.cleaned"])
            st.caption(values.own_concerns_note)
            if full:
                st.caption(p["limit.concerns"])


# ---------------------------------------------------------------- fit view
st.subheader(p["values.fit_title"])
st.warning(f"**{values.disclaimer}**")
fit = values_fit(record.values, values, content.template.option_order, content=content,
                 diagnosis=record.diagnosis)

with st.container(key="fit"):
    own_concerns()
    if record.diagnosis in (None, "not_sure"):
        st.info(content.decision_for("not_sure").intro, icon=":material/help:")
    elif not fit.has_high_ratings:
        st.info(p["values.rate_more"].format(threshold=fit.threshold))
    else:
        # The compact table first (one word per cell, escaped HTML), the reasons folded below it.
        names = {o.option: content.option(o.option).name for o in fit.options}
        st.markdown(fit_table_html(
            fit_table(fit, values), names, {g: p[f"values.fit_{g}"] for g in FIT_ORDER},
            item_heading=p["values.table_item"].format(threshold=fit.threshold), blank=p["values.table_blank"],
            caption=p["values.table_caption"].format(threshold=fit.threshold)), unsafe_allow_html=True)
        # The reasons, for every option, in one closed layer under the table: the same detail for each.
        with st.expander(p["values.why_title"], expanded=False):
            for option_fit in fit.options:
                with st.container(key=f"fit-{option_fit.option}"):
                    st.markdown(f"#### {names[option_fit.option]}")
                    if not option_fit.reasons:
                        st.caption(p["values.no_reason"])
                    for group in FIT_ORDER:
                        reasons = option_fit.group(group)
                        if not reasons:
                            continue
                        st.markdown(f"{FIT_ICONS[group]} **{p[f'values.fit_{group}']}**")
                        for r in reasons:
                            st.markdown("- " + p["values.reason"].format(item=r.item_label, rating=r.rating, why=r.why))
                            if r.comparison is None:  # by what the option is: no study, no numbers to show
                                st.caption(values.by_what_it_is_note)
                            else:
                                st.caption(comparison_note(content, r.comparison, option_fit.option))

st.page_link("pages/6_Check_your_understanding.py", label=p["next.quiz"], icon=":material/arrow_forward:")
frame.close_page(content)
