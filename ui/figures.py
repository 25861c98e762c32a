"""Draw figures: the sentences, the icon arrays, and where each number comes from.

The icon arrays and the spine drawing are small inline SVG built in ``decision/`` (pure Python);
``st.markdown(..., unsafe_allow_html=True)`` puts them in the page as they are, with no chart library
and no extra download. (``st.html`` cannot: its sanitiser keeps HTML only and drops every SVG
element.) The markup is ours, built from validated content, and every content string in it is
escaped (``html.escape``), so no patient input and no content text becomes markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape

import streamlit as st

from decision.compare.icon_array import icon_array_svg, icon_arrays_html, keyed_arrays_html
from decision.content import Content, Figure
from decision.content.wording import label_note, sentence
from decision.output.spine_drawing import segments_svg


def _svg(markup: str) -> None:
    st.markdown(markup, unsafe_allow_html=True)


def source_line(content: Content, figure: Figure) -> str:
    where = content.pages["figure.source"].format(source=content.source(figure.source).plain)
    return f"{where} {label_note(figure, content.words)}"


def applies_line(content: Content, figure: Figure) -> str:
    """Who a number applies to, and where it comes from: "Applies to: adults with... Source: ..."."""
    return f"{content.pages['figure.applies'].format(population=figure.population)} {source_line(content, figure)}"


def draw_figure(content: Content, figure: Figure, *, key: str, show_array: bool = True) -> None:
    """One number. The sentence is the text alternative of the icon array and is always shown."""
    text = sentence(figure, content.words)
    with st.container(border=True, key=f"fig-{key}"):
        st.markdown(f"**{text}**")
        if show_array:
            _svg(icon_array_svg(figure, content.words))
        st.caption(content.pages["figure.applies"].format(population=figure.population))
        st.caption(source_line(content, figure))


def draw_figures(content: Content, figures: Iterable[Figure], *, key: str) -> None:
    """A group of numbers: each sentence numbered, then their icon arrays side by side.

    A figure of kind "context" (e.g. a gap between two groups) is not a count of people, so it
    gets its sentence but no icon array.
    """
    figures = list(figures)
    if len(figures) == 1:
        draw_figure(content, figures[0], key=key, show_array=figures[0].kind != "context")
        return
    arrays = [f for f in figures if f.kind != "context"]
    with st.container(border=True, key=f"figs-{key}"):
        # One element for the whole list (a long page reruns faster): sentence, then small print.
        st.markdown("\n\n".join(
            f"**{i}. {sentence(figure, content.words)}**\n\n:small[{applies_line(content, figure)}]"
            for i, figure in enumerate(arrays, start=1)
        ))
        if arrays:
            _svg(icon_arrays_html(arrays, content.words))
        for figure in figures:
            if figure.kind == "context":
                st.markdown(f"**{sentence(figure, content.words)}**")
                st.caption(applies_line(content, figure))


def _warnings(figures: Sequence[Figure], warnings: Mapping[str, str] | None) -> tuple[str, ...] | None:
    return tuple(warnings.get(f.id, "") for f in figures) if warnings else None


def draw_key_numbers(content: Content, context: Sequence[Figure], arrays: Sequence[Figure],
                     kind_words: dict[str, str], warnings: Mapping[str, str] | None = None,
                     *, v2_label: str | None = None) -> None:
    """A card's key numbers, short: gaps between groups in words, then the counts side by side,
    each with a word for its kind (benefit, harm...) and its icon array in that kind's colour, and
    under it the card's warning for a number that stands alone from its study (``warnings``, by id).
    One line of sources below; who each number applies to waits behind the card's "read more".
    With ``v2_label`` the sources line waits there too, and each number seen only in a secondary
    report carries that label beside it instead (issue 24: sources out of the sentence).
    """
    def label(f: Figure) -> str:
        return v2_label if v2_label and f.label == "V2" else ""

    if context:
        st.markdown("\n\n".join(f"**{sentence(f, content.words)}**" + (f" :small[{label(f)}]" if label(f) else "")
                                for f in context))
    lines = "" if v2_label is not None else " ".join(
        dict.fromkeys(source_line(content, f) for f in (*context, *arrays)))  # once each, in order
    if arrays:
        notes = tuple(label(f) for f in arrays) if any(label(f) for f in arrays) else None
        # The sources in the same element as the arrays: one message fewer per card, every run.
        _svg(keyed_arrays_html(tuple((f, kind_words[f.kind]) for f in arrays), content.words, notes,
                               _warnings(arrays, warnings))
             + (f'<p class="kn-sources">{escape(lines)}</p>' if lines else ""))
    elif lines:
        st.caption(lines)


def draw_figures_by_kind(content: Content, figures: Sequence[Figure], kind_words: dict[str, str],
                         warnings: Mapping[str, str] | None = None) -> None:
    """A group of numbers in full, coloured and named by kind like the key numbers: each with its
    sentence, icon array, its warning if it stands alone from its study (``warnings``, by id), who it
    applies to and its source. Gaps between groups in words first."""
    context = [f for f in figures if f.kind == "context"]
    arrays = tuple(f for f in figures if f.kind != "context")
    for figure in context:
        st.markdown(f"**{sentence(figure, content.words)}**")
        st.caption(applies_line(content, figure))
    if arrays:
        notes = tuple(applies_line(content, f) for f in arrays)
        _svg(keyed_arrays_html(tuple((f, kind_words[f.kind]) for f in arrays), content.words, notes,
                               _warnings(arrays, warnings)))


def draw_spine(content: Content, segments: int | None) -> None:
    """The side drawing of the lower back with a fusion of ``segments``, in content's words; ``describe()`` is
    its accessible name."""
    _svg(segments_svg(segments, content.pages))


def draw_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A plain table, as escaped HTML: ``st.table`` would load pandas and pyarrow (~80 MiB of
    server memory, which every post-run garbage collection then walks) for a few lines of text.
    Every cell is escaped, so no text, typed or from content, becomes markup; no cell holds a
    newline, so the whole table stays one HTML block and no markdown is applied inside it.
    """
    def cell(tag: str, value: object) -> str:
        return f"<{tag}>{escape(' '.join(str(value).split()))}</{tag}>"

    head = "".join(cell("th", h) for h in header)
    body = "".join("<tr>" + "".join(cell("td", v) for v in row) + "</tr>" for row in rows)
    _svg(f'<table class="aid-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')
