"""The overview a diagnosis opens with (issue 11, layer 1): its key comparisons as rows, its options as columns.

``overview`` reads the rows from the content (``template.diagnoses.*.overview``) and gives each cell
its key number in a few words (``cell_number``: "63 in 100", "12 weeks"), or the words for "not
counted" where the study had no such arm; a gap row gets one short sentence across the columns.
These are the words and numbers only; ``grid`` draws them as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

from decision.content import Comparison, Content
from decision.content.wording import arm_of, format_number, gap_short, plain_number


@dataclass(frozen=True)
class OverviewCell:
    option_id: str
    text: str  # "63 in 100", "12 weeks", or the words for "not counted"
    counted: bool


@dataclass(frozen=True)
class OverviewRow:
    """One row of the overview grid: one comparison, so one study and one time frame."""

    comparison: Comparison
    kind_word: str  # e.g. "Good result" or "Harm": said beside the row's colour, never left to it
    detail: str  # the time frame and how the study was done, in a few words
    cells: tuple[OverviewCell, ...]  # one per column; empty for a gap row
    gap: str = ""  # a gap row's short sentence, across all the columns


@dataclass(frozen=True)
class Overview:
    options: tuple[str, ...]  # the columns: the diagnosis's options, in template order
    rows: tuple[OverviewRow, ...]
    no_harm: str = ""  # the plain statement where no study counted a harm of care without surgery


def cell_number(comparison: Comparison, option_id: str) -> str:
    """The number of one arm, short, for a grid cell: '63 in 100', 'fewer than 1 in 100', '12 weeks'."""
    a = arm_of(comparison, option_id)
    if comparison.measure == "points":
        assert a.points is not None  # measure 'points' has points on every arm (checked at load)
        return f"{plain_number(a.points)} {comparison.unit}"
    assert a.per_100 is not None  # measure 'people' has per_100 on every arm (gaps never reach here)
    return format_number(a.per_100).split(" (")[0]


def overview(content: Content, diagnosis: str | None) -> Overview:
    """The grid a diagnosis opens with: its key comparisons as rows (content: template.yaml
    ``diagnoses.*.overview``), its options as columns. No diagnosis, or "not sure": no rows."""
    decision = content.decision_for(diagnosis or "not_sure")
    options = tuple(o for o in content.template.option_order if o in decision.options)
    not_counted = content.pages["compare.not_counted"]
    rows = []
    for cid in decision.overview:
        c = content.comparison(cid)
        detail = f"{c.time_frame}, {content.template.designs_short[c.design]}"
        word = content.template.kinds[c.kind].word
        if c.measure == "gap":
            rows.append(OverviewRow(c, word, detail, (), gap_short(c)))
            continue
        cells = tuple(
            OverviewCell(oid, cell_number(c, oid), True) if oid in c.arms else OverviewCell(oid, not_counted, False)
            for oid in options
        )
        rows.append(OverviewRow(c, word, detail, cells))
    no_harm = decision.non_operative_no_harm.text if decision.non_operative_no_harm else ""
    return Overview(options, tuple(rows), no_harm)
