"""The numbers: the options compared and the figures for the record's diagnosis.

The comparison as ``decision.compare.comparison.compare`` gives it to the Compare page, drawn as
blocks: a heading per kind, each comparison's arms side by side (a number never prints alone),
each with who it applies to, its source and how certain it is. The sources cited are added to
the summary's list as they are drawn.
"""

from __future__ import annotations

from dataclasses import replace

from decision.compare.icon_array import AFFECTED, colour_for, icon_cells
from decision.content import Content, Figure
from decision.content.wording import label_note, sentence
from decision.output.summary.model import Block, FigureBlock, Item, OptionFigures, Paragraph, Section
from decision.output.summary.words import NOT_ANSWERED, _page
from decision.record import DecisionRecord


def _figure_block(content: Content, figure: Figure, row: str) -> FigureBlock:
    src = content.source(figure.source)
    year = f", {src.year}" if src.year else ""
    return FigureBlock(
        figure_id=figure.id,
        row=row,
        sentence=sentence(figure),
        # A "context" figure (e.g. a gap between two groups) is not a count of people: no icon array.
        cells=() if figure.kind == "context" else tuple(icon_cells(figure.per_100)),
        population=f"Applies to: {figure.population}.",
        source=f"Source: {src.authors}, {src.publisher}{year}.",
        source_id=figure.source,
        note=label_note(figure),
        colour=colour_for(figure.kind),
    )


def options_compared(record: DecisionRecord, content: Content) -> tuple[str, ...]:
    """The options the patient set side by side on the Compare page, in the template's order.
    Only what the record says was compared: never all four by default."""
    return tuple(o for o in content.template.option_order if o in record.options_compared)


def _arm_block(content: Content, comparison, option_id: str, row: str) -> FigureBlock:
    """One arm of a comparison, with its icon array where it is a count of people."""
    from decision.content.wording import arm_figure, arm_sentence

    src = content.source(comparison.source)
    year = f", {src.year}" if src.year else ""
    figure = arm_figure(comparison, option_id)
    return FigureBlock(
        figure_id=f"{comparison.id}.{option_id}",
        row=row,
        sentence=arm_sentence(comparison, option_id),
        cells=tuple(icon_cells(figure.per_100)) if figure else (),
        population=f"Applies to: {comparison.population}.",
        source=f"Source: {src.authors}, {src.publisher}{year}.",
        source_id=comparison.source,
        note=_label_words(comparison.label),
        colour=colour_for(figure.kind) if figure else AFFECTED,  # no figure: no icon array to colour
    )


def _label_words(label: str) -> str:
    if label == "V2":
        return "Seen only in a secondary report, not in the original study. Treat it with extra caution."
    return "Seen in the original study."


def _options(record: DecisionRecord, content: Content, sources: list[str]) -> Section:
    """The comparison for the record's diagnosis, as ``decision.compare.comparison.compare`` gives it to
    the page and to ``python -m decision compare``: a heading per kind, then one block per
    comparison (its name, then every arm side by side, so a number never prints alone)."""
    from decision.compare.comparison import compare
    from decision.content.wording import design_words, gap_sentence

    view = compare(content, record.diagnosis)
    title = _page(content, "summary.figures", "The numbers")
    compared = ", ".join(content.option(o).name for o in options_compared(record, content))
    blocks: list[Block] = [Item("Options compared", compared or _page(content, "summary.options_none", NOT_ANSWERED))]
    if not view.options:
        blocks.append(Item("Options for your diagnosis", NOT_ANSWERED))
        blocks.append(Paragraph(view.intro))
        return Section("options", title, tuple(blocks))
    blocks.append(Item("Options for your diagnosis", ", ".join(content.option(o).name for o in view.options)))
    if view.no_harm:
        blocks.append(Paragraph(view.no_harm))
    # One block per kind (its heading), holding its comparisons in content order, each arm one
    # figure headed by the comparison's outcome and time frame. The arms of a comparison sit next
    # to each other and are printed together or not at all (``whole``); the paper may hold fewer
    # comparisons than the screen, the same number of figures for every kind.
    for group in view.groups:
        figures: list[FigureBlock] = []
        # One-figure comparisons (one arm, or a gap) first: when the paper holds only one or two
        # figures per kind, every kind still prints something, and pairs follow when room allows.
        for c in sorted(group.comparisons, key=lambda c: 1 if c.measure == "gap" else len(c.arms)):
            head = group.help  # under the kind's title; the PDF caps figures per heading, the same for every kind
            # On paper: the design, the scale and the caveat (e.g. crossover); notes stay on screen.
            extra = " ".join(t for t in (design_words(content, c), c.scale) if t)
            if c.measure == "gap":
                src = content.source(c.source)
                year = f", {src.year}" if src.year else ""
                arms = [FigureBlock(
                    figure_id=c.id, row=head, sentence=gap_sentence(c), cells=(),
                    population=f"Applies to: {c.population}.", source=f"Source: {src.authors}, {src.publisher}{year}.",
                    source_id=c.source, note=_label_words(c.label))]
            else:
                arms = [_arm_block(content, c, oid, head) for oid in c.arms]
            if extra:
                arms[-1] = replace(arms[-1], note=f"{arms[-1].note} {extra}")
            figures += arms
            sources.append(c.source)
        blocks.append(OptionFigures(group.kind, group.title, tuple(figures), whole=True))
    return Section("options", title, tuple(blocks))
