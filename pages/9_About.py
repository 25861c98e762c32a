"""About: who made the aid, funding, conflicts, dates, update policy, evidence, sources, reading level."""

import streamlit as st

from decision.compare.self_check import ipdas_self_check
from decision.content.locale_format import format_date, format_number
from decision.version import app_version
from ui import frame, language
from ui.about import reading_level, sign_off_here
from ui.figures import draw_table

content, record = frame.open_page("about")
m = content.meta
pg = content.pages
lang = language.current()

st.title(content.pages["about.title"])
st.write(m.purpose)

st.subheader(pg["about.who_made"])
for author in m.authors:
    st.write(author)
st.subheader(pg["about.funding"])
st.write(m.funding)
st.subheader(pg["about.conflicts"])
st.write(m.conflicts)

st.subheader(pg["about.dates_title"])
st.markdown(
    f"- {content.pages['about.app_version'].format(version=app_version())}\n"
    f"- {pg['about.content_version']}: **{m.content_version}**\n"
    f"- {pg['about.published']}: **{m.published}**\n"
    f"- {pg['about.last_review']}: **{m.last_review}**\n"
    f"- {pg['about.next_review']}: **{m.next_review}**"
)
st.write(m.update_policy)

st.subheader(content.pages["about.review_title"])
review = sign_off_here(m.content_version)  # only a sign-off of this very content (version and hash) counts
if review.signed is None:
    st.write(content.pages["about.not_reviewed"])
else:
    st.write(content.pages["about.reviewed"])
    draw_table([pg["about.review_role"], pg["about.review_date"], pg["about.review_scope"]],
               [[review.signed.role, format_date(review.signed.date, lang), review.signed.scope]])
if lang != "en" or len(language.available()) > 1:  # who translated, how it was checked, who has not
    st.subheader(content.pages["about.translation_title"])
    st.write(content.pages["about.translation"])

st.subheader(pg["about.evidence_title"])
st.write(m.evidence_method)
v1 = sum(f.label == "V1" for f in content.all_figures)
v2 = len(content.all_figures) - v1
st.write(pg["about.figure_count"].format(total=len(content.all_figures), checked=v1, secondary=v2))

st.subheader(pg["about.reading_title"])
level = reading_level()
if level is not None and level.current and lang in level.translated:  # a translation says its own score
    overall, lowest = (format_number(s, lang, decimals=0) for s in level.translated[lang])
    st.write(pg["about.reading_level_translated"].format(overall=overall, lowest=lowest))
elif level is not None and level.current:
    overall, hardest = (format_number(g, lang, decimals=1) for g in (level.overall, level.hardest))
    st.write(pg["about.reading_level"].format(overall=overall, hardest=hardest))
else:
    st.write(pg["about.reading_unmeasured"])

st.subheader(pg["about.glossary_title"])
# One element for the whole list: every element is a message the server sends on every run.
st.markdown("\n\n".join(f"**{term.term}**: {term.meaning}" for term in content.glossary))

st.subheader(pg["about.ipdas_title"])
# Four claims are computed from the content (decision.compare.self_check.ipdas_self_check), not written:
# they replace the same criterion in meta.yaml, so the page cannot claim more than the content holds.
checks = {c.key: c for c in ipdas_self_check(content)}
rows = []
for row in m.ipdas:
    c = checks.get(row.computed or "")
    where, met = (pg[f"ipdas.{c.key}.where"].format(**c.counts), c.met) if c else (row.where, row.met)
    rows.append([row.criterion, where, pg[f"about.met_{met}"]])
draw_table([pg["about.col_criterion"], pg["about.col_where"], pg["about.col_met"]], rows)

st.subheader(pg["about.sources_title"])
seed = content.source(m.seed_source)
st.caption(pg["about.seed"].format(authors=seed.authors))
# The full list (over a hundred sources) is drawn when asked for, as one element: on every visit
# it was a third of the page's bytes and a hundred messages (benchmarks/load.py, issue 13).
if st.toggle(pg["about.show_sources"].format(count=len(content.sources)), key="about_show_sources"):
    by_author = sorted(content.sources, key=lambda s: s.authors.lower())
    st.markdown("\n".join(f"- {source.citation}" for source in by_author))

frame.close_page(content)
