"""Compare your options: the four options in one template, the same rows in the same order.

At home (a narrow page) the patient sets two options side by side, non-operative care and the
operation that fits; in clinic (wide) all four show. Every option can be added at any time.
Which options fit, and which show first, is decided in ``decision.comparison``.
"""

import streamlit as st

from decision.comparison import comparison_rows, default_selection, fusion_is_on_the_table, options_in_order
from ui import frame
from ui.figures import draw_figures

FITS_BADGE = ":green-badge[:material/check: Fits your diagnosis]"
FUSION_PAGE = "pages/4_Fusion_questions.py"

content, record = frame.open_page("compare")
p = content.pages
W = frame.widget_prefix()

st.title(p["compare.title"])
st.write(p["compare.intro"])
with st.container(border=True, key="compare-notes"):
    st.markdown("**Before you compare**")
    for note in content.template.notes:
        st.markdown(f"- {note}")

views = options_in_order(content, record.diagnosis)
fits = {v.option.id for v in views if v.fits}
names = {v.option.id: v.option.name for v in views}

if record.diagnosis in (None, "not_sure"):  # None: not answered yet
    st.caption(
        'Tell us your diagnosis on the "Your back" page, and the options used for it will be marked here.'
    )
else:
    st.caption(
        f"Your diagnosis: {p['diagnosis.' + record.diagnosis]}. Options used for it are marked "
        '"Fits your diagnosis". The others stay here, so you can compare them too.'
    )


def _label(option_id: str) -> str:
    return names[option_id] + (" ✓ fits your diagnosis" if option_id in fits else "")


# One pick per mode: two side by side at home, all four on the wide clinic screen.
mode = "clinic" if frame.clinic_mode() else "home"
picked = st.multiselect(
    "Options to compare side by side",
    list(names),
    default=list(default_selection(content, record.diagnosis, record.procedure, show_all=mode == "clinic")),
    format_func=_label,
    key=f"{W}compare_options:{mode}",
    help="Pick two to read them side by side. You can add any option, or all four.",
)
if not picked:
    st.info("Pick at least one option above to see it here.")
    frame.close_page(content)
    st.stop()


def _heading(option_id: str) -> str:
    return f"**{names[option_id]}**" + (f" {FITS_BADGE}" if option_id in fits else "")


# One header per option: its name, whether it fits, and what it is in a line.
chosen = [oid for oid in names if oid in picked]
with st.container(border=True, key="compare-header"):
    for col, oid in zip(st.columns(len(chosen)), chosen):
        with col:
            st.markdown(f"### {names[oid]}" + (f"\n\n{FITS_BADGE}" if oid in fits else ""))
            st.write(content.option(oid).summary)
            if oid == "fusion":
                st.page_link(FUSION_PAGE, label="More: " + p["nav.fusion"], icon=":material/arrow_forward:")

# The rows, in the template's order; each cell is one option's text and its figures.
for view in comparison_rows(content, chosen):
    row = view.row
    st.subheader(row.title)
    if row.help:
        st.caption(row.help)
    for col, (option, text, figures) in zip(st.columns(len(view.cells)), view.cells):
        with col:
            st.markdown(_heading(option.id))
            st.write(text)
            if figures:
                draw_figures(content, figures, key=f"{row.id}-{option.id}")
            if option.id == "fusion" and row.id in ("harms", "reoperation"):
                st.page_link(FUSION_PAGE, label=p["nav.fusion"], icon=":material/arrow_forward:")

st.subheader("What is not known")
for col, oid in zip(st.columns(len(chosen)), chosen):
    with col:
        st.markdown(_heading(oid))
        st.write(content.option(oid).uncertain)

if fusion_is_on_the_table(content, record.diagnosis, record.procedure):
    st.page_link(FUSION_PAGE, label="Next: " + p["nav.fusion"], icon=":material/arrow_forward:")
else:
    st.page_link("pages/5_What_matters_to_you.py", label="Next: " + p["nav.values"], icon=":material/arrow_forward:")
frame.close_page(content)
