"""The overview a diagnosis opens with (issue 11, layer 1): its key comparisons as rows, its options as columns.

``overview`` reads the rows from the content (``template.diagnoses.*.overview``) and gives each cell
its key number in a few words (``cell_number``: "63 in 100", "12 weeks") with the subgroup it counts
where that is narrower than the option ("complex fusion"), or the words for "not counted" where the
study had no such arm. A gap row (a study that gives only the gap between two arms) spans only the
columns of the two arms it compares and names them (issue 23); where those columns are not side by
side, the favoured arm's cell holds the gap and the other arm's cell points to it. The diagnosis's
introduction leads the grid. These are the words and numbers only; ``grid`` draws them as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from decision.content import Comparison, Content
from decision.content.wording import Words, amount, arm_of, certainty_words, format_number, gap_short

CellRole = Literal["number", "none", "gap", "gap_other"]


@dataclass(frozen=True)
class OverviewCell:
    option_id: str  # the first column it covers
    text: str  # "63 in 100", "12 weeks", a gap's sentences, or the words for "not counted"
    counted: bool  # a number (or a gap) of this study for this option
    subgroup: str = ""  # who the number counts, where narrower than the option ("complex fusion")
    span: int = 1  # columns covered: a gap whose two arms sit side by side covers both
    role: CellRole = "number"


@dataclass(frozen=True)
class OverviewRow:
    """One row of the overview grid: one comparison, so one study and one time frame."""

    comparison: Comparison
    kind_word: str  # e.g. "Good result" or "Harm": said beside the row's colour, never left to it
    detail: str  # the time frame, how the study was done and, where a review graded it, its certainty
    cells: tuple[OverviewCell, ...]  # covering every column once, in column order
    gap: str = ""  # a gap row's sentences: the two groups named, then the gap

    @property
    def is_gap(self) -> bool:
        return bool(self.gap)


@dataclass(frozen=True)
class Overview:
    options: tuple[str, ...]  # the columns: the diagnosis's options, in template order
    rows: tuple[OverviewRow, ...]
    no_harm: str = ""  # the plain statement where no study counted a harm of care without surgery
    intro: str = ""  # the diagnosis's story, above the grid (issue 23)


def cell_number(comparison: Comparison, option_id: str, words: Words) -> str:
    """The number of one arm, short, for a grid cell: '63 in 100', 'fewer than 1 in 100', '12 weeks'."""
    a = arm_of(comparison, option_id)
    if comparison.measure == "points":
        assert a.points is not None  # measure 'points' has points on every arm (checked at load)
        return amount(a.points, comparison.unit, words)
    assert a.per_100 is not None  # measure 'people' has per_100 on every arm (gaps never reach here)
    return format_number(a.per_100, words).split(" (")[0]


def design_short(content: Content, c: Comparison) -> str:
    """How the study was done in a few words, then how sure the evidence is where a review graded
    it (issue 23: only a source's own grade, never one read off the design)."""
    words = [content.template.designs_short[c.design]]
    if c.certainty is not None:
        words.append(content.pages["compare.certainty"].format(level=certainty_words(content, c)))
    return ", ".join(words)


def detail_words(content: Content, c: Comparison) -> str:
    """The time frame, then the design (and certainty) in a few words."""
    return f"{c.time_frame}, {design_short(content, c)}"


def gap_named(content: Content, c: Comparison) -> str:
    """A gap's short sentence after the sentence naming the two groups it compares."""
    assert c.gap is not None  # only gap rows come here
    other = next(o for o in c.arms if o != c.gap.favours)
    between = content.pages["compare.gap_between"].format(
        favoured=content.option(c.gap.favours).name, other=content.option(other).name)
    return f"{between} {gap_short(c, content.words)}"


def _gap_cells(content: Content, c: Comparison, options: tuple[str, ...], text: str) -> tuple[OverviewCell, ...]:
    """A gap's cells: 'not counted' outside its two arms; one cell over both arms where they are
    neighbours, else the gap in the favoured arm's column and a pointer to it in the other's."""
    assert c.gap is not None  # only gap rows come here
    at = [i for i, o in enumerate(options) if o in c.arms]
    not_counted = content.pages["compare.not_counted"]
    cells: list[OverviewCell] = []
    i = 0
    while i < len(options):
        oid = options[i]
        if oid not in c.arms:
            cells.append(OverviewCell(oid, not_counted, False, role="none"))
        elif at[1] == at[0] + 1:
            cells.append(OverviewCell(oid, text, True, span=2, role="gap"))
            i += 1
        elif oid == c.gap.favours:  # a narrow column: the short sentence; its header and the pointer name both
            cells.append(OverviewCell(oid, gap_short(c, content.words), True, role="gap"))
        else:
            pointer = content.pages["compare.gap_other"].format(favoured=content.option(c.gap.favours).name)
            cells.append(OverviewCell(oid, pointer, False, role="gap_other"))
        i += 1
    return tuple(cells)


def overview(content: Content, diagnosis: str | None) -> Overview:
    """The grid a diagnosis opens with: its key comparisons as rows (content: template.yaml
    ``diagnoses.*.overview``), its options as columns. No diagnosis, or "not sure": no rows."""
    decision = content.decision_for(diagnosis or "not_sure")
    options = tuple(o for o in content.template.option_order if o in decision.options)
    not_counted = content.pages["compare.not_counted"]
    rows = []
    for cid in decision.overview:
        c = content.comparison(cid)
        detail = detail_words(content, c)
        word = content.template.kinds[c.kind].word
        if c.measure == "gap":
            text = gap_named(content, c)
            rows.append(OverviewRow(c, word, detail, _gap_cells(content, c, options, text), text))
            continue
        cells = tuple(
            OverviewCell(oid, cell_number(c, oid, content.words), True, arm_of(c, oid).subgroup) if oid in c.arms
            else OverviewCell(oid, not_counted, False, role="none")
            for oid in options
        )
        rows.append(OverviewRow(c, word, detail, cells))
    no_harm = decision.non_operative_no_harm.text if decision.non_operative_no_harm else ""
    intro = decision.intro if decision.overview else ""
    return Overview(options, tuple(rows), no_harm, intro)
