"""How the Summary page draws the summary: short lines first, every detail in a closed layer (issue 24).

The screen and the PDF draw the same ``decision.output.summary.Summary``; this module only decides
what a reader meets first. Page 1's sections (the safety result, the decision and leaning, the
surgeon's proposal, SURE, the readiness result, what matters, the questions) are drawn as lines,
a section to one block of text instead of a table per section. The diagnosis's story (the
randomised result where the key result is as-treated, issue 23, and the sentence that no study
counted the harms of care without surgery) stays in view; every comparison, with all its arms,
is behind one closed layer, so benefits and harms are layered together. The answers from home,
the readiness reasons and the sources are behind closed layers too.

Text the patient or the surgeon typed is shown with ``st.text`` (never as Markdown or HTML).
"""

from __future__ import annotations

import re
from dataclasses import replace

import streamlit as st

from decision.content import Content
from decision.output.summary import (
    Bullets,
    ComparisonBlock,
    Item,
    Paragraph,
    Section,
    Summary,
    Table,
)
from ui.figures import draw_table

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")


def plain_md(text: str) -> str:
    """Text shown through markdown exactly as written (every markdown character escaped)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def _line(label: str, value: str, *, bold: bool = True) -> str:
    """'**Label:** value' (no colon after a label that ends in its own stop, a question say)."""
    label = label.strip()
    stop = "" if label[-1:] in ".?!:" else ":"
    said = f"{plain_md(label)}{stop}"
    return f"{f'**{said}**' if bold else said} {plain_md(value)}"


def draw_lines(lines: list[str]) -> None:
    """Lines of markdown as one element: each on a line of its own, no table header, no border."""
    if lines:
        st.markdown("  \n".join(lines))


def draw_block(block) -> None:
    """One block that is not a one-line answer: typed text, a paragraph, a list, a table, a comparison."""
    if isinstance(block, Item):  # typed by the patient or surgeon: its label, then plain text
        st.markdown(f"**{plain_md(block.label)}**")
        st.text(block.value)
    elif isinstance(block, Paragraph):
        if block.strong and not block.free:
            st.markdown(f"**{plain_md(block.text)}**")
        else:
            st.text(block.text)
    elif isinstance(block, Bullets):
        st.text("\n".join(f"{i}. {text}" if block.numbered else f"• {text}" for i, text in enumerate(block.items, 1)))
    elif isinstance(block, Table):
        draw_table(block.header, block.rows)
    elif isinstance(block, ComparisonBlock):
        # In the numbers layer, in the same words as on paper: its kind, outcome and design, every
        # arm on a line of its own, then the caveat, who it applies to and the source.
        st.markdown(f"**{plain_md(f'{block.kind_word}: {block.heading} ({block.design})')}**  \n"
                    + "  \n".join(f"• {plain_md(arm)}" for arm in block.arms))
        st.caption(plain_md(" ".join([*block.notes, block.population, block.source])))


def draw_section(section: Section, *, heading: bool = False, title: bool = True) -> None:
    """A section as lines: its title, then each one-line answer as 'label: value'. A section of one
    answer is one line, under its own title ('Readiness check: ...'). Typed text, lists and tables
    follow the lines they come after. ``heading``: the title as a subheader (in a layer, where
    there is room), not as the first line; ``title=False``: no title, where the labels say it
    ("Decision: ...", "Leaning toward: ...")."""
    if section.alert:  # the red-flag action leads the summary, as it leads the PDF
        with st.container(border=True, key="summary-red-flag"):
            st.error(f"**{section.title}**", icon=":material/emergency:")
            for block in section.blocks:
                draw_block(block)
        return
    blocks = list(section.blocks)
    if not heading and len(blocks) == 1 and isinstance(blocks[0], Item) and not blocks[0].free:
        draw_lines([_line(section.title, blocks[0].value)])
        return
    lines: list[str] = []
    if heading:
        st.subheader(section.title)
    elif title:
        lines.append(f"**{plain_md(section.title)}**")
    for block in blocks:
        if isinstance(block, Item) and not block.free:
            lines.append(_line(block.label, block.value, bold=False))
            continue
        if isinstance(block, Paragraph) and block.strong and not block.free:  # a heading line: "What is missing:"
            lines.append(f"**{plain_md(block.text)}**")
            continue
        draw_lines(lines)
        lines = []
        draw_block(block)
    draw_lines(lines)


def split_surgeon(section: Section, content: Content) -> tuple[Section, Section | None]:
    """At home: the surgeon's proposal and the next step in view; the fusion plan, the level(s)
    and the surgeon's own words in a closed layer (``None`` when there are none)."""
    p = content.pages
    in_view = {p.get("visit.proposal"), p.get("visit.next_step")}
    short = tuple(b for b in section.blocks if isinstance(b, Item) and not b.free and b.label in in_view)
    rest = tuple(b for b in section.blocks if b not in short)
    return (Section(section.id, section.title, short),
            Section(section.id, section.title, rest) if rest else None)


def draw_readiness(summary: Summary, *, full: bool, caveat: str = "") -> None:
    """The readiness result as a line, and why in a closed layer just under it: what is missing,
    what the surgeon must confirm (``full``: in clinic, these stay in view), what is in place and
    whose rule each line is. With a ticked sign there is no why: that the check waits for a doctor
    stays in view. A met result keeps what it does not mean (``caveat``) in view beside it: the aid
    never recommends."""
    chart = {s.id: s for s in summary.part("chart")}
    if "readiness" not in chart:
        return
    result, *rest = chart["readiness"].blocks
    detail = [s for s in summary.part("answers") if s.id == "readiness_detail"]
    if full or not detail:
        draw_section(chart["readiness"])
        rest = []
    else:
        draw_section(Section("readiness", chart["readiness"].title, (result,)))
    if caveat:
        st.markdown(plain_md(caveat))
        detail = [Section(s.id, s.title, tuple(b for b in s.blocks if getattr(b, "text", None) != caveat))
                  for s in detail]
    if detail:
        with st.expander(detail[0].title, key="summary-readiness-why"):
            for section in (Section("readiness", "", tuple(rest)), *detail):
                draw_section(section, title=False)


def back_pain_note(summary: Summary, content: Content) -> tuple[Section | None, Summary]:
    """Issue 24 item 3's note (the worst pain is the back, an operation mainly for leg pain is in
    view) stays in view; the rest of "things that change your chances" goes with the answers."""
    title = content.situation.back_pain.title
    note = tuple(b for s in summary.part("answers") if s.id == "situation"
                 for b in s.blocks if isinstance(b, Item) and b.label == title)
    if not note:
        return None, summary
    sections = tuple(
        Section(s.id, s.title, tuple(b for b in s.blocks if b not in note), s.alert, s.part)
        if s.id == "situation" else s for s in summary.sections)
    return Section("situation", title, note), replace(summary, sections=sections)


def draw_numbers(summary: Summary, content: Content) -> None:
    """The diagnosis's story in view (its introduction and the sentence on uncounted harms, issue
    23); the options compared, every comparison (benefits and harms alike) and the sources in one
    closed layer. With no numbers (a red flag pauses them), the sources have a layer of their own."""
    p = content.pages
    figures = summary.part("figures")
    for section in figures:
        story = [b for b in section.blocks if isinstance(b, Paragraph)]
        rest = [b for b in section.blocks if not isinstance(b, Paragraph)]
        st.subheader(section.title)
        for paragraph in story:
            st.markdown(plain_md(paragraph.text))
        with st.expander(p["summary.all_numbers"], key="summary-all-numbers"):
            draw_lines([_line(b.label, b.value) for b in rest if isinstance(b, Item)])
            for block in rest:
                if not isinstance(block, Item):
                    draw_block(block)
            _sources(summary, content)
    if not figures and summary.citations:
        with st.expander(content.pages["summary.sources"], key="summary-sources"):
            _sources(summary, content)


def draw_all_answers(summary: Summary, content: Content, made: str) -> None:
    """Every answer from home and when the summary was made: one closed layer."""
    with st.expander(content.pages["summary.home_answers"], key="summary-all-answers"):
        for section in summary.part("answers"):
            if section.id != "readiness_detail":  # with the readiness result, in its own layer
                draw_section(section, heading=True)
        st.caption(made)


def _sources(summary: Summary, content: Content) -> None:
    if summary.citations:
        st.markdown(f"**{content.pages['summary.sources']}**")
        st.text("\n".join(f"{i}. {citation}" for i, citation in enumerate(summary.citations, start=1)))
