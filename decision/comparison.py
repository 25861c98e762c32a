"""The "Compare your options" step: which options fit the diagnosis, and which to show first.

Pure functions over the content and the record. The order of the options never changes (it is
``template.option_order``), so a patient sees every option in the same place each time; the
options that fit the diagnosis are flagged, never moved or hidden.
"""

from __future__ import annotations

from dataclasses import dataclass

from decision.content import Content, Figure, Option, Row


@dataclass(frozen=True)
class OptionView:
    option: Option
    fits: bool  # the option is used for the patient's diagnosis (False when it is "not sure")


@dataclass(frozen=True)
class RowView:
    row: Row
    cells: tuple[tuple[Option, str, tuple[Figure, ...]], ...]  # (option, text, figures) per option


def options_in_order(content: Content, diagnosis: str) -> tuple[OptionView, ...]:
    """Every option, in the template's order, each marked if it fits the diagnosis."""
    return tuple(
        OptionView(content.option(oid), diagnosis != "not_sure" and diagnosis in content.option(oid).fits)
        for oid in content.template.option_order
    )


def fitting_option_ids(content: Content, diagnosis: str) -> tuple[str, ...]:
    return tuple(v.option.id for v in options_in_order(content, diagnosis) if v.fits)


def default_selection(content: Content, diagnosis: str, procedure: str, *, show_all: bool) -> tuple[str, ...]:
    """The options set side by side when the page opens.

    In clinic (a wide screen) all four. At home, two: non-operative care beside the operation
    that was talked about, or else beside the first operation that fits the diagnosis, so the
    comparison starts from the choice the patient actually faces. The patient can add any other.
    """
    order = content.template.option_order
    if show_all:
        return tuple(order)
    baseline = "non_operative"
    if procedure in order and procedure != baseline:
        return tuple(o for o in order if o in (baseline, procedure))
    fitting = [o for o in fitting_option_ids(content, diagnosis) if o != baseline]
    second = fitting[0] if fitting else next(o for o in order if o != baseline)
    return tuple(o for o in order if o in (baseline, second))


def comparison_rows(content: Content, option_ids: tuple[str, ...] | list[str]) -> tuple[RowView, ...]:
    """The template's rows, each with the chosen options' cells, in template order."""
    chosen = [oid for oid in content.template.option_order if oid in option_ids]
    return tuple(
        RowView(
            row,
            tuple(
                (
                    content.option(oid),
                    content.option(oid).cells[row.id].text,
                    tuple(content.figure(fid) for fid in content.option(oid).cells[row.id].figures),
                )
                for oid in chosen
            ),
        )
        for row in content.template.rows
    )


def fusion_is_on_the_table(content: Content, diagnosis: str, procedure: str) -> bool:
    """The Fusion questions step comes next when fusion was talked about or fits the diagnosis."""
    return procedure == "fusion" or "fusion" in fitting_option_ids(content, diagnosis)
