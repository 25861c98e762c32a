"""The numbers: the options compared, and the diagnosis's story and comparisons as the chart gets them.

Issue 23: the printed page tells the story the screen's overview tells. The diagnosis's introduction
comes first, then its overview rows (a benefit, then a harm, and so on), then the rest of its
comparisons (the PDF prints those while there is room). Each comparison is one block: its kind in a word, its outcome
and time frame with the design (and the certainty where a review graded it), every arm on a line of
its own (both arms of a pair, always; a gap names its two groups), then its caveat or single-arm
warning, so no single-arm number stands beside another study's number without the warning, and
its source in one short line (authors, journal, year, PMID or doi), so the numbered list on paper
stays short.
"""

from __future__ import annotations

from decision.compare.comparison import compare
from decision.compare.grid import tone
from decision.compare.icon_array import GOOD, HARM, LATER
from decision.compare.overview import cell_number, design_short, overview
from decision.content import Comparison, Content
from decision.content.wording import arm_of, format_number, gap_sentence
from decision.output.summary.model import Block, ComparisonBlock, Item, Paragraph, Section
from decision.output.summary.words import _page, not_answered
from decision.record import DecisionRecord

_COLOUR = {"good": GOOD, "harm": HARM, "later": LATER}


def options_compared(record: DecisionRecord, content: Content) -> tuple[str, ...]:
    """The options the patient set side by side on the Compare page, in the template's order.
    Only what the record says was compared: never all four by default."""
    return tuple(o for o in content.template.option_order if o in record.options_compared)


def _label_words(content: Content, label: str) -> str:
    return content.pages["summary.v2_note"] if label == "V2" else ""


def _arm_lines(content: Content, c: Comparison) -> tuple[str, ...]:
    """Every arm on a line of its own, after its option's name; a gap in one sentence naming both."""
    if c.gap is not None:
        other = next(o for o in c.arms if o != c.gap.favours)
        between = content.pages["compare.gap_between"].format(
            favoured=content.option(c.gap.favours).name, other=content.option(other).name)
        return (f"{between} {gap_sentence(c, content.words)}",)
    return tuple(_arm_line(content, c, oid) for oid in content.template.option_order if oid in c.arms)


def _arm_line(content: Content, c: Comparison, option_id: str) -> str:
    """'Spinal fusion: 6 in 100 (complex fusion)': the option, its number, and the subgroup it counts."""
    arm = arm_of(c, option_id)
    number = (format_number(arm.per_100, content.words) if arm.per_100 is not None
              else cell_number(c, option_id, content.words))
    sub = f" ({arm.subgroup})" if arm.subgroup else ""
    return f"{content.option(option_id).name}: {number}{sub}"


def comparison_block(content: Content, c: Comparison, *, first: bool) -> ComparisonBlock:
    src = content.source(c.source)
    year = f", {src.year}" if src.year else ""
    where = f", PMID {src.pmid}" if src.pmid else f", doi {src.doi}" if src.doi else ""
    notes = tuple(t for t in (c.caveat, c.single_arm, c.scale, _label_words(content, c.label)) if t)
    return ComparisonBlock(
        comparison_id=c.id,
        kind=c.kind,
        kind_word=content.template.kinds[c.kind].word,
        heading=f"{c.outcome}, {c.time_frame}",
        design=design_short(content, c),
        arms=_arm_lines(content, c),
        notes=notes,
        population=content.pages["figure.applies"].format(population=c.population),
        source=content.pages["summary.source"].format(source=f"{src.authors}, {src.publisher}{year}{where}"),
        source_id=c.source,
        colour=_COLOUR[tone(c.kind)],
        overview=first,
    )


def _interleaved(rows: list[Comparison]) -> list[Comparison]:
    """The overview's rows on paper: a benefit, then a harm, and so on, each kind in the overview's
    order, so that wherever the paper runs out, no more benefits than harms are on it."""
    benefits = [c for c in rows if c.kind == "benefit"]
    harms = [c for c in rows if c.kind != "benefit"]
    out: list[Comparison] = []
    for i in range(max(len(benefits), len(harms))):
        out += benefits[i:i + 1] + harms[i:i + 1]
    return out


def _options(record: DecisionRecord, content: Content, sources: list[str]) -> Section:
    """The options compared, then the diagnosis's introduction, then its comparisons: the overview's
    rows first, in the overview's order, then the rest by kind, each with all its arms."""
    view = compare(content, record.diagnosis)
    title, p = _page(content, "summary.figures"), content.pages
    compared = ", ".join(content.option(o).name for o in options_compared(record, content))
    blocks: list[Block] = [Item(p["summary.options_compared"], compared or _page(content, "summary.options_none"))]
    if not view.options:
        blocks.append(Item(p["summary.options_for_diagnosis"], not_answered(content)))
        blocks.append(Paragraph(view.intro))
        return Section("options", title, tuple(blocks))
    blocks.append(Item(p["summary.options_for_diagnosis"], ", ".join(content.option(o).name for o in view.options)))
    grid = overview(content, record.diagnosis)
    if grid.intro:
        blocks.append(Paragraph(grid.intro))
    if view.no_harm:
        blocks.append(Paragraph(view.no_harm))
    first = _interleaved([row.comparison for row in grid.rows])
    rest = [c for c in view.comparisons if c.id not in {f.id for f in first}]
    for c in first + rest:
        blocks.append(comparison_block(content, c, first=c in first))
        sources.append(c.source)
    return Section("options", title, tuple(blocks))
