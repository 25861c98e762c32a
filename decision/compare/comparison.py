"""The "Compare your options" step: the decision a diagnosis poses, and its comparisons.

Pure functions over the content and the record. Content is organised by diagnosis: each one
names its options (``template.diagnoses``), and each comparison names the diagnoses it applies
to. ``compare`` is THE function the page, the PDF summary and ``python -m decision compare``
read, so the three always show the same numbers. The order of the options never changes (it is
``template.option_order``); an option that does not fit the diagnosis stays reachable in words,
but is never mixed into the numbers.

The overview grid's rows are built in ``overview``; the About page's IPDAS self-check in
``self_check``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from decision.content import Comparison, ComparisonKind, Content, Option, Row

KIND_ORDER: tuple[ComparisonKind, ...] = ("benefit", "harm", "another_operation", "operation_later")


@dataclass(frozen=True)
class OptionView:
    option: Option
    fits: bool  # the option is one of the diagnosis's options (False for all when it is "not sure")


@dataclass(frozen=True)
class RowView:
    row: Row
    cells: tuple[tuple[Option, str], ...]  # (option, text) per option


@dataclass(frozen=True)
class KindGroup:
    kind: str
    title: str
    help: str
    comparisons: tuple[Comparison, ...]


@dataclass(frozen=True)
class CompareView:
    diagnosis: str | None  # None: not chosen yet, shown as "not sure"
    intro: str
    options: tuple[str, ...]  # the diagnosis's options, in template order (empty for "not sure")
    groups: tuple[KindGroup, ...]  # one per kind that has comparisons, in KIND_ORDER
    no_harm: str = ""  # where the evidence has no harm number for care without surgery, it says so (also in intro)

    @property
    def comparisons(self) -> tuple[Comparison, ...]:
        return tuple(c for g in self.groups for c in g.comparisons)


def options_in_order(content: Content, diagnosis: str) -> tuple[OptionView, ...]:
    """Every option, in the template's order, each marked if it is an option for the diagnosis."""
    mine = set(content.decision_for(diagnosis).options) if diagnosis in content.diagnosis_by_id else set()
    return tuple(OptionView(content.option(oid), oid in mine) for oid in content.template.option_order)


def fitting_option_ids(content: Content, diagnosis: str) -> tuple[str, ...]:
    return tuple(v.option.id for v in options_in_order(content, diagnosis) if v.fits)


def comparisons_for(content: Content, diagnosis: str | None) -> tuple[Comparison, ...]:
    """The comparisons that apply to the diagnosis, grouped by kind (benefits first), each in
    content order. Every arm of each is one of the diagnosis's options (check-content holds it)."""
    here = [c for c in content.comparisons if diagnosis in c.applies_to]
    return tuple(c for kind in KIND_ORDER for c in here if c.kind == kind)


def compare(content: Content, diagnosis: str | None) -> CompareView:
    """What the comparison shows for a diagnosis: its options and its comparisons, by kind.
    No diagnosis yet (None) is shown as "not sure": the orientation, and no numbers."""
    decision = content.decision_for(diagnosis or "not_sure")
    chosen = comparisons_for(content, diagnosis)
    groups = tuple(
        KindGroup(kind, content.template.kinds[kind].title, content.template.kinds[kind].help,
                  tuple(c for c in chosen if c.kind == kind))
        for kind in KIND_ORDER
        if any(c.kind == kind for c in chosen)
    )
    options = tuple(o for o in content.template.option_order if o in decision.options)
    intro, no_harm = decision.intro, ""
    if decision.non_operative_no_harm is not None:
        no_harm = decision.non_operative_no_harm.text
        intro = f"{intro} {no_harm}"
    return CompareView(diagnosis, intro, options, groups, no_harm)


def as_json(view: CompareView) -> dict:
    """The JSON contract of ``python -m decision compare`` (README)."""

    def arm(a) -> dict:
        out = {"per_100": a.per_100, "low": a.low, "high": a.high}
        if a.points is not None:
            out["points"] = a.points
        return out

    def one(c: Comparison) -> dict:
        out = {
            "id": c.id, "kind": c.kind, "outcome": c.outcome, "source": c.source, "design": c.design,
            "time_frame": c.time_frame, "population": c.population, "label": c.label,
            "applies_to": list(c.applies_to), "measure": c.measure,
            "arms": {oid: arm(a) for oid, a in c.arms.items()},
        }
        if c.gap is not None:
            out["gap"] = {"points": c.gap.points, "low": c.gap.low, "high": c.gap.high, "favours": c.gap.favours}
        return out

    return {"diagnosis": view.diagnosis, "options": list(view.options),
            "comparisons": [one(c) for c in view.comparisons]}


def practical_rows(content: Content, option_ids) -> tuple[RowView, ...]:
    """The practical grid: the day, the stay, work, driving, a line per option, in template order."""
    chosen = [oid for oid in content.template.option_order if oid in option_ids]
    return tuple(
        RowView(row, tuple((content.option(oid), content.option(oid).practical[row.id].text) for oid in chosen))
        for row in content.template.practical_rows
    )


def outcome_choices(content: Content, diagnosis: str | None) -> tuple[Comparison, ...]:
    """Every comparison of the diagnosis, the overview's rows first, for "one outcome at a time"."""
    decision = content.decision_for(diagnosis or "not_sure")
    first = [content.comparison(cid) for cid in decision.overview]
    rest = [c for c in comparisons_for(content, diagnosis) if c.id not in decision.overview]
    return tuple(first + rest)


def outcome_label(content: Content, comparison: Comparison) -> str:
    """How an outcome is named where the patient picks it: the kind's word, the outcome, the time."""
    word = content.template.kinds[comparison.kind].word
    return f"{word}: {comparison.outcome}, {comparison.time_frame}"


def outcome_labels(content: Content, comparisons) -> dict[str, str]:
    """Each comparison's label by id; where two read the same, each names its study as well."""
    plain = {c.id: outcome_label(content, c) for c in comparisons}
    counts = Counter(plain.values())
    out = {}
    for c in comparisons:
        label = plain[c.id]
        if counts[label] > 1:
            src = content.source(c.source)
            label = f"{label} ({src.authors.split(',')[0].split()[0]}{', ' + str(src.year) if src.year else ''})"
        out[c.id] = label
    return out


# ---------------------------------------------------------------- words for one comparison


# ---------------------------------------------------------------- the rows in words, and the next step


def default_selection(content: Content, diagnosis: str, procedure: str, *, show_all: bool) -> tuple[str, ...]:
    """The options set side by side when the page opens: the diagnosis's own options (two or
    three). In clinic, or when the diagnosis is not known, all four, in words only."""
    order = content.template.option_order
    mine = fitting_option_ids(content, diagnosis)
    if show_all or not mine:
        return tuple(order)
    return mine


def comparison_rows(content: Content, option_ids: tuple[str, ...] | list[str]) -> tuple[RowView, ...]:
    """The template's rows in words, each with the chosen options' cells, in template order."""
    chosen = [oid for oid in content.template.option_order if oid in option_ids]
    return tuple(
        RowView(row, tuple((content.option(oid), content.option(oid).cells[row.id].text) for oid in chosen))
        for row in content.template.rows
    )


def fusion_is_on_the_table(content: Content, diagnosis: str, procedure: str) -> bool:
    """The Fusion questions step comes next when fusion was talked about or fits the diagnosis."""
    return procedure == "fusion" or "fusion" in fitting_option_ids(content, diagnosis)
