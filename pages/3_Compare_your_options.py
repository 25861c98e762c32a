"""Compare your options: the decision the diagnosis poses, its comparisons, then the options in words.

The numbers come from ``decision.comparison.compare`` (the same function the PDF summary and
``python -m decision compare`` read): one block per comparison, its arms side by side, headed by
its kind. The practical rows in words follow for the options picked; an option that does not fit
the diagnosis can be added there, but it never enters the numbers.
"""

import streamlit as st

from decision.comparison import (
    arm_figure, arm_sentence, compare, comparison_rows, default_selection, design_words, fusion_is_on_the_table,
    gap_sentence, options_in_order,
)
from ui import frame
from ui.figures import draw_figures

FITS_BADGE = ":green-badge[:material/check: Fits your diagnosis]"
FUSION_PAGE = "pages/4_Fusion_questions.py"

content, record = frame.open_page("compare")
p = content.pages
W = frame.widget_prefix()
view = compare(content, record.diagnosis)

st.title(p["compare.title"])
st.write(p["compare.intro"])
if record.diagnosis in (None, "not_sure"):  # None: not answered yet
    st.info(view.intro, icon=":material/help:")
else:
    st.markdown(f"**{p['compare.your_diagnosis']}** {p['diagnosis.' + record.diagnosis]}")
    st.write(view.intro)
    with st.container(border=True, key="compare-notes"):
        st.markdown(f"**{p['compare.before']}**")
        for note in content.template.notes:
            st.markdown(f"- {note}")

views = options_in_order(content, record.diagnosis)
fits = {v.option.id for v in views if v.fits}
names = {v.option.id: v.option.name for v in views}


# ---------------------------------------------------------------- the numbers, one comparison at a time
for group in view.groups:
    st.subheader(group.title)
    st.caption(group.help)
    for c in group.comparisons:
        with st.container(border=True, key=f"cmp-{c.id}"):
            st.markdown(f"**{c.outcome}, {c.time_frame}**")
            st.caption(design_words(content, c))
            if c.measure == "people":
                draw_figures(content, [arm_figure(c, oid) for oid in c.arms], key=f"cmp-{c.id}")
            else:
                lines = [f"- {arm_sentence(c, oid)}" for oid in c.arms] if c.measure == "points" else []
                if c.scale:
                    lines.append(f"- {c.scale}")
                if c.gap is not None:
                    first, second = (c.arms[o].outcome for o in c.arms)
                    lines.append(f"- {p['compare.gap_arms'].format(first=first, second=second)}")
                    lines.append(f"- **{gap_sentence(c)}**")
                st.markdown("\n".join(lines))
                src = content.source(c.source)
                label = ("Seen only in a secondary report, not in the original study." if c.label == "V2"
                         else "Seen in the original study.")
                st.caption(f"Applies to: {c.population}. Source: {src.authors}, {src.publisher}"
                           f"{', ' + str(src.year) if src.year else ''}. {label}")
            for extra in (c.single_arm, c.caveat, c.note):
                if extra:
                    st.caption(extra)

# ---------------------------------------------------------------- the options in words
st.subheader(p["compare.in_words"])


def _label(option_id: str) -> str:
    return names[option_id] + (" ✓ fits your diagnosis" if option_id in fits else "")


mode = "clinic" if frame.clinic_mode() else "home"
picked = st.multiselect(
    p["compare.pick"],
    list(names),
    default=list(default_selection(content, record.diagnosis, record.procedure, show_all=mode == "clinic")),
    format_func=_label,
    key=f"{W}compare_options:{mode}",
    help=p["compare.pick_help"],
)
if not picked:
    st.info(p["compare.pick_none"])
else:
    chosen = [oid for oid in names if oid in picked]
    with st.container(border=True, key="compare-header"):
        for col, oid in zip(st.columns(len(chosen)), chosen):
            with col:
                st.markdown(f"### {names[oid]}" + (f"\n\n{FITS_BADGE}" if oid in fits else ""))
                st.write(content.option(oid).summary)
                if oid == "fusion":
                    st.page_link(FUSION_PAGE, label="More: " + p["nav.fusion"], icon=":material/arrow_forward:")
    for row_view in comparison_rows(content, chosen):
        st.markdown(f"#### {row_view.row.title}")
        if row_view.row.help:
            st.caption(row_view.row.help)
        for col, (option, text) in zip(st.columns(len(row_view.cells)), row_view.cells):
            with col:
                st.markdown(f"**{option.name}**")
                st.write(text)
    st.markdown(f"#### {p['compare.not_known']}")
    for col, oid in zip(st.columns(len(chosen)), chosen):
        with col:
            st.markdown(f"**{names[oid]}**")
            st.write(content.option(oid).uncertain)

if fusion_is_on_the_table(content, record.diagnosis, record.procedure):
    st.page_link(FUSION_PAGE, label="Next: " + p["nav.fusion"], icon=":material/arrow_forward:")
else:
    st.page_link("pages/5_What_matters_to_you.py", label="Next: " + p["nav.values"], icon=":material/arrow_forward:")
frame.close_page(content)
