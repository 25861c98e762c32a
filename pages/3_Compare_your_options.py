"""Compare your options, in three layers (issue 11).

1. The overview: one grid for the patient's diagnosis, its key comparisons as rows and its
   options as columns, then a small grid of practical issues. It fits one screen in clinic.
2. One result at a time: picking a row draws its card, the arms as icon arrays side by side,
   who was in the study, how it was done, the source and what it cannot tell.
3. The detail, only when asked: every comparison in words, each option in words, the notes.

Layers 2 and 3 are drawn only when opened, so a closed page sends little to the browser. The
numbers come from ``decision.compare.comparison`` and ``decision.compare.overview`` (the same
functions the PDF summary and ``python -m decision compare`` read); the markup from
``decision.compare.grid``.
"""

import streamlit as st

from decision.compare.comparison import (
    compare,
    comparison_rows,
    default_selection,
    fusion_is_on_the_table,
    outcome_choices,
    outcome_labels,
    practical_rows,
)
from decision.compare.grid import CSS, overview_html, practical_html
from decision.compare.overview import overview
from ui import frame
from ui.compare_card import draw_all_results, draw_outcome_card
from ui.situation import draw_situation

FUSION_PAGE = "pages/4_Fusion_questions.py"

content, record = frame.open_page("compare", css=CSS)
p = content.pages
W = frame.widget_prefix()
view = compare(content, record.diagnosis)
grid = overview(content, record.diagnosis)
names = {oid: content.option(oid).name for oid in content.template.option_order}

st.title(p["compare.title"])

# ---------------------------------------------------------------- layer 1: the overview
if grid.rows:
    # The diagnosis's story leads the grid (issue 23): the randomised result before an as-treated row.
    # One paragraph, so that the grid still fits the first screen in clinic at 1280 x 800.
    # The diagnosis's name in bold leads it: the numbers below are for this diagnosis only.
    st.markdown(f"**{p['diagnosis.' + record.diagnosis]}.** {grid.intro}")
    st.markdown(overview_html(content, grid), unsafe_allow_html=True)
    st.caption(" ".join(t for t in (p["compare.overview_intro"], grid.no_harm) if t))
else:  # no diagnosis yet, or "not sure": the orientation, and no numbers
    st.info(view.intro, icon=":material/help:")

# The options set side by side are the patient's answer to "what did we compare": they live in
# the record (the Summary and the PDF list them), so they survive a page change and the save file.
if not record.options_compared:
    record.options_compared = list(default_selection(content, record.diagnosis, record.procedure, show_all=False))
picked = st.multiselect(
    p["compare.options_title"], list(names), default=record.options_compared, format_func=names.get,
    key=f"{W}options_compared", help=p["compare.pick_help"],
)
record.options_compared = [oid for oid in names if oid in picked]
st.subheader(p["compare.practical_title"])
if record.options_compared:
    st.markdown(practical_html(content, practical_rows(content, record.options_compared)), unsafe_allow_html=True)
else:
    st.info(p["compare.pick_none"])
draw_situation(content, record)  # things that change your chances; the note when the worst pain is the back

# ---------------------------------------------------------------- layer 2: one result at a time
choices = outcome_choices(content, record.diagnosis)
if choices:
    labels = outcome_labels(content, choices)
    chosen = st.selectbox(
        p["compare.one_outcome_help"], list(labels), index=None, format_func=labels.get,
        placeholder=p["compare.one_outcome_placeholder"], key=f"{W}compare_outcome:{record.diagnosis}",
    )
    if chosen is not None:
        draw_outcome_card(content, content.comparison(chosen), grid.options)

# ---------------------------------------------------------------- layer 3: the detail, on demand
if st.toggle(p["compare.read_more"], key=f"{W}compare_read_more"):
    if view.options:
        draw_all_results(content, view)
    st.markdown(f"#### {p['compare.before']}\n\n" + "\n".join(f"- {note}" for note in content.template.notes))
    st.markdown(f"#### {p['compare.in_words']}")
    chosen_ids = record.options_compared or list(names)
    for row_view in comparison_rows(content, chosen_ids):
        st.markdown(f"##### {row_view.row.title}\n\n"
                    + "\n".join(f"- **{option.name}.** {text}" for option, text in row_view.cells))
    st.markdown(f"##### {p['compare.not_known']}\n\n"
                + "\n".join(f"- **{names[oid]}.** {content.option(oid).uncertain}"
                            for oid in content.template.option_order if oid in chosen_ids))

if fusion_is_on_the_table(content, record.diagnosis, record.procedure):
    st.page_link(FUSION_PAGE, label=p["next.fusion"], icon=":material/arrow_forward:")
else:
    st.page_link("pages/5_What_matters_to_you.py", label=p["next.values"], icon=":material/arrow_forward:")
frame.close_page(content)
