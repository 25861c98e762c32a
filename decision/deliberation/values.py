"""Values fit: how the options fit what the patient rated highly, reason by reason, with no total.

For each option, the reasons the content gives for each thing the patient rated highly, grouped
by how it tends to fit. The fit of a reason is not written in the content: it is derived from what
the source says about the comparison the reason rests on (``Values.fit``, the rule written at the
head of content/deliberation.yaml's values), so one comparison never gives one option two labels.
An item about having an operation at all also gives, for every option of the diagnosis, a reason by
what the option is (``Values.fit_by_what_it_is``): no comparison, no number, and a note that says so.
Nothing here picks an option: there is no total score and no "best option" (IPDAS values
clarification: show how the options align with what matters, and say plainly that it is not a
recommendation).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from decision.content import Content, Values
from decision.content.models.deliberation import Fit, ValueItem

# A rating at or above this counts as "rated highly" (ratings run 0 to 10). A presentation
# rule, not a clinical one: it only chooses which reasons the fit view lists.
HIGHLY_RATED = 7

FIT_ORDER: tuple[Fit, ...] = ("tends_to_fit", "mixed", "tends_not_to_fit")


@dataclass(frozen=True)
class FitReason:
    item_id: str
    item_label: str
    rating: int
    fit: Fit
    why: str
    comparison: str | None  # the comparison it rests on (content/figures/comparisons.yaml); None: by what it is

    @property
    def by_what_it_is(self) -> bool:
        """A reason by what the option is, not from a study: it has no numbers to show."""
        return self.comparison is None


@dataclass(frozen=True)
class OptionFit:
    option: str
    reasons: tuple[FitReason, ...]  # ordered by fit (FIT_ORDER), then by rating, highest first

    def group(self, fit: Fit) -> tuple[FitReason, ...]:
        return tuple(r for r in self.reasons if r.fit == fit)


@dataclass(frozen=True)
class ValuesFit:
    threshold: int
    high_items: tuple[str, ...]  # item ids rated at or above the threshold, highest first
    options: tuple[OptionFit, ...]

    @property
    def has_high_ratings(self) -> bool:
        return bool(self.high_items)


def values_fit(ratings: dict[str, int], values: Values, option_order: Iterable[str],
               threshold: int = HIGHLY_RATED, *, content: Content | None = None,
               diagnosis: str | None = None) -> ValuesFit:
    """For each option, the content's reasons for every item rated at or above ``threshold``.

    With ``content`` and ``diagnosis``, only the diagnosis's options are listed, and only the
    reasons whose comparison applies to that diagnosis: a reason always rests on the patient's
    own condition. Items the content does not know (say, from an older save file) are ignored.
    An option with no reason for a highly rated item simply lists nothing for it.
    """
    applies = None
    if content is not None:
        option_order = [o for o in option_order if o in content.decision_for(diagnosis or "not_sure").options]
        applies = {c.id for c in content.comparisons if diagnosis in c.applies_to}
    items = {item.id: item for item in values.items}
    high = [i for i, r in ratings.items() if i in items and r >= threshold]
    position = {item.id: n for n, item in enumerate(values.items)}
    high.sort(key=lambda i: (-ratings[i], position[i]))
    options = []
    for option in option_order:
        found: list[FitReason] = []
        for i in high:
            found += _by_what_it_is(values, items[i], ratings[i], option)
            found += [
                FitReason(i, items[i].label, ratings[i], values.fit(option, r.comparison), r.why, r.comparison)
                for r in items[i].reasons
                if r.option == option and (applies is None or r.comparison in applies)
            ]
        found.sort(key=lambda r: FIT_ORDER.index(r.fit))  # stable: keeps the rating order within a group
        options.append(OptionFit(option, tuple(found)))
    return ValuesFit(threshold, tuple(high), tuple(options))


def _by_what_it_is(values: Values, item: ValueItem, rating: int, option: str) -> list[FitReason]:
    """The reason an item about having an operation at all gives this option by what it is, if any:
    the label is the rule's, the same for every surgical option; the words are the item's, written once."""
    whys = item.by_what_it_is
    fit = values.fit_by_what_it_is(option)
    if not item.about_operation_itself or whys is None or fit is None:
        return []
    why = whys.no_operation if fit == "tends_to_fit" else whys.an_operation
    return [FitReason(item.id, item.label, rating, fit, why, None)]


def cell_fit(option_fit: OptionFit, item_id: str) -> Fit | None:
    """The one label of an option for one highly rated item, for the compact table.

    The rule (said again in the table's caption, content/pages.yaml ``values.table_caption``):
    no reason gives None (a blank cell); reasons that all carry one label give that label;
    several reasons with different labels give "mixed". Derived from ``values_fit``'s own
    reasons, so the table and the reasons under it can never disagree.
    """
    labels = {r.fit for r in option_fit.reasons if r.item_id == item_id}
    if not labels:
        return None
    if len(labels) > 1:
        return "mixed"
    return next(iter(labels))


@dataclass(frozen=True)
class FitTable:
    items: tuple[tuple[str, str], ...]  # (item id, its label), the rows, highest rated first
    options: tuple[str, ...]  # the columns, in the diagnosis's option order
    cells: tuple[tuple[Fit | None, ...], ...]  # cells[row][column]


def fit_table(fit: ValuesFit, values: Values) -> FitTable:
    """One row per highly rated item, one column per option, one label (or none) per cell."""
    labels = {item.id: item.label for item in values.items}
    return FitTable(
        items=tuple((i, labels[i]) for i in fit.high_items),
        options=tuple(o.option for o in fit.options),
        cells=tuple(tuple(cell_fit(o, i) for o in fit.options) for i in fit.high_items),
    )


def fit_table_html(table: FitTable, option_names: dict[str, str], words: dict[str, str], *,
                   item_heading: str, blank: str, caption: str) -> str:
    """The table as small accessible HTML: a caption, column and row headers with scope, each cell a
    label in words (never colour alone). Every text is escaped, so none becomes markup."""
    head = "".join(f'<th scope="col">{_e(option_names[o])}</th>' for o in table.options)
    rows = "".join(
        f'<tr><th scope="row">{_e(label)}</th>'
        + "".join(f"<td>{_e(words[c] if c is not None else blank)}</td>" for c in cells)
        + "</tr>"
        for (_, label), cells in zip(table.items, table.cells, strict=True)
    )
    return (f'<table class="values-fit"><caption style="text-align:left;font-size:.9em">{_e(caption)}</caption>'
            f'<thead><tr><th scope="col">{_e(item_heading)}</th>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def _e(text: str) -> str:
    return escape(" ".join(str(text).split()))
