"""What ``check-content`` refuses across files, in one place.

Each model checks one file's own fields as it is read (``decision.content.models``), and the page
strings' contract checks the keys and placeholders the pages read (``decision.content.page_strings``).
What needs more than one file is checked here, one module per family, each listing in its docstring
what it refuses:

- ``references``: every id written once, every source, figure, comparison and quiz answer a file
  names exists;
- ``options``: each option file fills the template's rows and practical rows, cites its numbers, and
  keeps its practical lines short;
- ``decisions``: the decision each diagnosis poses: its options, and a benefit and a harm in numbers
  for each of them;
- ``overview``: the overview grid of each diagnosis is fair (harms in equal detail);
- ``fusion``: each fusion card is balanced (a harm for each choice where it counts one, a warning on
  a number that stands alone from its study);
- ``values``: the values fit follows its one rule (each finding true to its comparison, each
  reason's words true to its derived label);
- ``quiz``: each diagnosis is asked about its own comparisons, and enough of them;
- ``conditions``: what each diagnosis is: one entry each, its glossary terms and sources exist;
- ``situation``: every option of every diagnosis says what changes its chances (sourced or silent).

``problems`` runs them all; assembling a ``Content`` calls it and refuses the content if it finds
any, with every problem in one message, in this order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from decision.content.checks.conditions import condition_problems
from decision.content.checks.decisions import decision_problems
from decision.content.checks.fusion import fusion_problems
from decision.content.checks.options import option_problems
from decision.content.checks.overview import overview_problems
from decision.content.checks.quiz import quiz_problems
from decision.content.checks.references import bibliography_problems, citation_problems
from decision.content.checks.situation import situation_problems
from decision.content.checks.values import values_problems

if TYPE_CHECKING:
    from decision.content.catalogue import Content


def problems(content: Content) -> list[str]:
    """Every problem across the files of ``content``, each naming the file and field to fix."""
    source_ids = {s.id for s in content.sources}
    figure_ids = {f.id for f in content.all_figures}
    return [
        *bibliography_problems(content, source_ids),
        *option_problems(content, source_ids),
        *decision_problems(content, source_ids),
        *overview_problems(content),
        *fusion_problems(content, figure_ids),
        *quiz_problems(content),
        *situation_problems(content, source_ids),
        *citation_problems(content, source_ids, figure_ids),
        *values_problems(content),
        *condition_problems(content, source_ids),
    ]
