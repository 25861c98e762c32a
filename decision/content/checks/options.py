"""What check-content refuses about the option files: each option fills the template, cites its
numbers, and keeps its practical lines short.

Refused, each with the file and field named:

- template.yaml's option_order not listing each option file exactly once;
- an option (options/*.yaml) missing a row of the template in its cells, or with a row the template
  does not have; the same for its practical lines and the template's practical rows;
- a cell or practical line with a number in its text but no source, or citing a source not in
  bibliography/; an option's uncertain_sources naming a source not in bibliography/;
- a practical line longer than 100 characters (``PRACTICAL_MAX_CHARS``; the full text belongs in cells).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from decision.content.checks.references import check_refs
from decision.content.models import PRACTICAL_MAX_CHARS

if TYPE_CHECKING:
    from decision.content.catalogue import Content


def option_problems(content: Content, source_ids: set[str]) -> list[str]:
    """Every option file against the template: its rows, its practical rows, its sources."""
    problems: list[str] = []
    rows = {r.id: r for r in content.template.rows}
    if set(content.template.option_order) != {o.id for o in content.options}:
        problems.append("template.yaml: option_order must list each option file exactly once")
    for o in content.options:
        where = f"options/{o.id}.yaml"
        problems += _cell_problems(where, "cells", o.cells, list(rows), source_ids)
        problems += check_refs(f"{where}, field uncertain_sources", o.uncertain_sources, source_ids)
        problems += _cell_problems(where, "practical", o.practical, [r.id for r in content.template.practical_rows],
                                   source_ids, max_chars=PRACTICAL_MAX_CHARS)
    return problems


def _cell_problems(where: str, field: str, cells: dict, rows: list[str], source_ids: set[str],
                   max_chars: int | None = None) -> list[str]:
    """An option's cells for one grid: every row filled, no other row, numbers cited, short where asked."""
    problems = []
    missing = [r for r in rows if r not in cells]
    extra = [c for c in cells if c not in rows]
    if missing:
        problems.append(f"{where}: {field} is missing the row(s) {', '.join(missing)}")
    if extra:
        problems.append(f"{where}: {field} has row(s) not in template.yaml: {', '.join(extra)}")
    for row_id, cell in cells.items():
        if max_chars is not None and len(cell.text) > max_chars:
            problems.append(f"{where}, field {field}.{row_id}.text: longer than {max_chars} characters; "
                            "the full text belongs in cells")
        if any(ch.isdigit() for ch in cell.text) and not cell.sources:
            problems.append(
                f"{where}, field {field}.{row_id}.sources: the text has a number, so it must cite its source")
        problems += check_refs(f"{where}, field {field}.{row_id}.sources", cell.sources, source_ids)
    return problems
