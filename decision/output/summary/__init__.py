"""The summary: one frozen, structured account of a record, drawn both on screen and in the PDF.

``build_summary(record, content)`` turns the patient's answers into sections of plain blocks
(a label and a value, a paragraph, a list, one comparison with every arm's number). The Summary page and
``decision.output.pdf`` only draw these blocks, so the screen and the printout never disagree.
Every clinical word comes from ``content``; this package only picks and orders it.
Text the patient or surgeon typed is marked ``free``: it is always shown as plain text.

Inside: ``model`` (the blocks, the sections and the Summary), ``build`` (``build_summary``, the
order of the sections), ``words`` (how a section reads its words from the content), and one module
per kind of section: ``visit`` (the decision, the surgeon's plan, SURE), ``answers`` (the patient's
answers), ``readiness`` (the safety and readiness checks) and ``evidence`` (the numbers). Import from
``decision.output.summary``; names with a leading underscore are the package's own.
"""

from decision.output.summary.answers import quiz_text
from decision.output.summary.build import build_summary
from decision.output.summary.evidence import options_compared
from decision.output.summary.model import (
    Block,
    Bullets,
    ComparisonBlock,
    Item,
    Paragraph,
    Part,
    Section,
    Summary,
    Table,
)
from decision.output.summary.visit import decision_text, leaning_differs, leaning_text, sure_text
from decision.output.summary.words import not_answered, not_recorded

__all__ = [
    "Block",
    "Bullets",
    "ComparisonBlock",
    "Item",
    "Paragraph",
    "Part",
    "Section",
    "Summary",
    "Table",
    "build_summary",
    "decision_text",
    "leaning_differs",
    "leaning_text",
    "not_answered",
    "not_recorded",
    "options_compared",
    "quiz_text",
    "sure_text",
]
