"""The options and the template they fill: every option's practical issues in words (``Cell``s, one per
template ``Row``), the decision each diagnosis poses (``DiagnosisDecision``, with its overview grid),
how each kind of comparison is headed, and the program of care without surgery (``Program``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from decision.content.models.base import Diagnosis, Frozen, OptionId, TreatmentKind
from decision.content.models.comparisons import ComparisonKind, Design, Topic


class Row(Frozen):
    """One row of practical issues in words. Every option fills every row, in this order. The
    numbers of the comparison are not rows: they are ``Comparison``s, headed by their kind."""

    id: str
    title: str
    kind: Literal["text"] = "text"
    help: str = ""


class Cell(Frozen):
    text: str
    sources: tuple[str, ...] = ()  # where the text's numbers and claims come from (required if it has a number)


class KindHeading(Frozen):
    """How one kind of comparison is headed, on screen and in the PDF."""

    title: str
    help: str
    # One or two words that mark every row and card of this kind (beside its colour, never
    # instead of it), e.g. "Good result" or "Harm".
    word: str = Field(min_length=1, max_length=20)


OVERVIEW_MAX_ROWS = 7  # the overview grid fits one screen in clinic at 1280 x 800 (tests/browser)
PRACTICAL_MAX_CHARS = 100  # a practical cell is a line or two, not a paragraph


class DiagnosisDecision(Frozen):
    """The decision a diagnosis poses: its options and a short orientation. For "not sure" there
    are no options: the orientation asks the patient to confirm the diagnosis with their doctor."""

    id: Diagnosis
    options: tuple[OptionId, ...]
    intro: str
    # Where no study in the evidence counted a harm of care without surgery for this diagnosis, the
    # content says so here, in plain words (shown after the intro), instead of inventing a number.
    # check-content accepts it in place of a non_operative harm comparison, never beside one.
    non_operative_no_harm: Cell | None = None
    # The overview grid (issue 11, layer 1): the comparisons that matter most for this diagnosis,
    # one row each, in order. Every row is one comparison, so one study, one time frame and one
    # denominator; check-content holds its balance (benefit and harm rows for every option).
    overview: tuple[str, ...] = Field(default=(), max_length=OVERVIEW_MAX_ROWS)


class Option(Frozen):
    id: OptionId
    name: str
    summary: str
    fits: tuple[Diagnosis, ...]
    cells: dict[str, Cell]
    # The practical issues in a line each (the overview's second grid): the day, the stay, work,
    # driving. Each repeats, shorter, what the option's full cells say, with the same sources.
    practical: dict[str, Cell] = Field(default_factory=dict)
    uncertain: str  # what is not known, said out loud
    uncertain_sources: tuple[str, ...] = ()  # where the numbers and claims in ``uncertain`` come from


class Template(Frozen):
    rows: tuple[Row, ...]
    practical_rows: tuple[Row, ...] = ()  # the rows of the practical grid, filled by Option.practical
    option_order: tuple[OptionId, ...]
    notes: tuple[str, ...]  # plain statements shown above the comparison (crossover, as-treated)
    kinds: dict[ComparisonKind, KindHeading]  # the heading of each kind of comparison
    designs: dict[Design, str]  # the words for each study design
    designs_short: dict[Design, str] = Field(default_factory=dict)  # a few words, for a row of the overview
    diagnoses: tuple[DiagnosisDecision, ...]
    fusion_harms: tuple[Topic, ...] = ()  # topics fusion's harms must cover wherever fusion is an option


class ProgramPart(Frozen):
    id: str
    title: str
    text: str
    kinds: tuple[TreatmentKind, ...] = ()
    disagreement: str = ""
    sources: tuple[str, ...]


class Program(Frozen):
    intro: str
    parts: tuple[ProgramPart, ...]
    treatment_names: dict[TreatmentKind, str]
    helped_names: dict[str, str]
