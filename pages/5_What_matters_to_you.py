"""What matters to you: rate what people weigh, add your own concerns, see how each option tends to fit."""

import streamlit as st

from decision.deliberation import FIT_ORDER, add_text, comparison_note, fit_table, fit_table_html, values_fit
from decision.text import clean_text
from ui import frame
from ui.widgets import CLEANED, cleaned_note

content, record = frame.open_page("values")
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

# ---------------------------------------------------------------- ratings
st.subheader("How much does each one matter to you?")
ratings = dict(record.values)
for item in values.items:
    rating = st.select_slider(
        item.label,
        options=[None, *range(11)],
        value=ratings.get(item.id),
        format_func=lambda v: "Not rated" if v is None else str(v),
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


# ---------------------------------------------------------------- fit view
st.subheader(p["values.fit_title"])
st.warning(f"**{values.disclaimer}**", icon=":material/info:")
fit = values_fit(record.values, values, content.template.option_order, content=content,
                 diagnosis=record.diagnosis)

main, side = st.columns([2, 1])
with side, st.container(border=True, key="own_concerns"):
    st.markdown(f"**{values.own_concerns_title}**")
    st.caption(values.own_concerns_note)
    for i, concern in enumerate(record.own_concerns):
        st.text(concern)  # the patient's words, shown as plain text
        st.button("Remove", key=f"{W}concern_remove:{i}", on_click=_remove_concern, args=(i,),
                  type="tertiary", icon=":material/close:")
    st.text_input("Add a concern", key=f"{W}concern_new", max_chars=300,
                  placeholder="For example: my job")
    cleaned_note(f"{W}concern_new", p["input.cleaned"])
    st.button("Add", key=f"{W}concern_add", on_click=_add_concern,
              disabled=len(record.own_concerns) >= MAX_CONCERNS)
    if len(record.own_concerns) >= MAX_CONCERNS:
        st.caption(p["limit.concerns"])

with main:
    if record.diagnosis in (None, "not_sure"):
        st.info(content.decision_for("not_sure").intro, icon=":material/help:")
    elif not fit.has_high_ratings:
        st.info(f"Rate something {fit.threshold} or more above to see how each option tends to fit it.")
    else:
        if record.own_concerns:  # beside the fit, in the patient's own words, never scored
            with st.container(border=True, key="fit-own-concerns"):
                st.markdown(f":material/edit_note: **{values.own_concerns_title}**")
                for concern in record.own_concerns:
                    st.text(concern)  # the patient's words, shown as plain text
                st.caption(values.own_concerns_note)
        # The compact table first (one word per cell, escaped HTML), the reasons folded below it.
        names = {o.option: content.option(o.option).name for o in fit.options}
        st.markdown(fit_table_html(
            fit_table(fit, values), names, {g: p[f"values.fit_{g}"] for g in FIT_ORDER},
            item_heading=p["values.table_item"], blank=p["values.table_blank"],
            caption=p["values.table_caption"].format(threshold=fit.threshold)), unsafe_allow_html=True)
        for option_fit in fit.options:
            with (st.container(key=f"fit-{option_fit.option}"),
                  st.expander(p["values.why_for"].format(option=names[option_fit.option]), expanded=False)):
                if not option_fit.reasons:
                    st.caption(p["values.no_reason"])
                for group in FIT_ORDER:
                    reasons = option_fit.group(group)
                    if not reasons:
                        continue
                    st.markdown(f"{FIT_ICONS[group]} **{p[f'values.fit_{group}']}**")
                    for r in reasons:
                        st.markdown(f"- **{r.item_label}** (you rated it {r.rating}): {r.why}")
                        if r.comparison is None:  # by what the option is: no study, no numbers to show
                            st.caption(values.by_what_it_is_note)
                        else:
                            st.caption(comparison_note(content, r.comparison, option_fit.option))

st.page_link("pages/6_Check_your_understanding.py", label=p["next.quiz"], icon=":material/arrow_forward:")
frame.close_page(content)
