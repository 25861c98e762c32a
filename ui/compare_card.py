"""Draw one result of the comparison as a card (layer 2), and every result in words (layer 3).

The words and numbers come from ``decision.compare.comparison`` and content; the pictures from
``decision.compare.grid`` (escaped HTML and inline SVG, no chart library).
"""

from __future__ import annotations

import streamlit as st

from decision.compare.comparison import CompareView
from decision.compare.grid import paired_arrays_html, tone
from decision.content import Comparison, Content
from decision.content.wording import arm_sentence, design_words, gap_sentence, summary_sentences

_BADGE = {"good": "blue", "harm": "orange", "later": "violet"}


def _source_line(content: Content, c: Comparison) -> str:
    label = content.pages["compare.label_v2" if c.label == "V2" else "compare.label_v1"]
    return f"{content.source(c.source).plain}. {label}"


def _heading(content: Content, c: Comparison) -> str:
    word = content.template.kinds[c.kind].word
    return f":{_BADGE[tone(c.kind)]}-badge[{word}] **{c.outcome}, {c.time_frame}**"


def draw_outcome_card(content: Content, c: Comparison, options: tuple[str, ...]) -> None:
    """One comparison: its arms side by side (same study, same time, same denominator), then who
    was in it, how it was done, the source and its label, and what it cannot tell."""
    p = content.pages
    with st.container(border=True, key="outcome-card"):
        st.markdown(_heading(content, c))
        if c.measure == "people":
            st.markdown(paired_arrays_html(content, c, options), unsafe_allow_html=True)
            # The sentences in the order of the pictures above them (the columns' order).
            st.markdown("\n".join(f"- {arm_sentence(c, oid, content.words)}" for oid in options if oid in c.arms))
        else:
            st.markdown("\n".join(f"- {line}" for line in summary_sentences(c, content.words)))
            if c.gap is not None:
                first, second = (c.arms[o].outcome for o in c.arms)
                st.caption(p["compare.gap_arms"].format(first=first, second=second))
        st.markdown(f"**{p['compare.card_applies']}** {c.population}. {design_words(content, c)}")
        st.caption(f"{p['compare.source']} {_source_line(content, c)}")
        limits = [t for t in (c.single_arm, c.caveat) if t]
        if limits:
            st.markdown(f"**{p['compare.card_cannot_tell']}**\n\n" + "\n".join(f"- {t}" for t in limits))
        if c.note:
            st.caption(c.note)


def draw_all_results(content: Content, view: CompareView) -> None:
    """Every comparison of the diagnosis in words, by kind: nothing is lost, only not in the way."""
    p = content.pages
    st.markdown(f"#### {p['compare.all_results']}")
    for group in view.groups:
        lines = []
        w = content.words
        for c in group.comparisons:
            said = [arm_sentence(c, oid, w) for oid in c.arms] if c.measure == "people" else [*summary_sentences(c, w)]
            if c.measure == "gap" and not said:
                said = [gap_sentence(c, content.words)]
            extra = " ".join(t for t in (c.single_arm, c.caveat) if t)
            lines.append(f"- **{c.outcome}, {c.time_frame}.** " + " ".join(said)
                         + f" :small[{c.population}. {design_words(content, c)} {p['compare.source']} "
                         f"{_source_line(content, c)}{' ' + extra if extra else ''}]")
        st.markdown(f"##### {group.title}\n\n{group.help}\n\n" + "\n".join(lines))
