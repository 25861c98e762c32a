"""The summary's structure: the blocks a section is made of, the sections, and the Summary itself.

A block is a label and its value, a paragraph, a list, a table, or a figure with its icon array
(one figure alone, or the arms of one comparison side by side). A section holds blocks under a
title and says which part of the printout it belongs to. ``Summary`` holds the sections in the
order the chart needs them, with the sources they cite; it is frozen, and the Summary page and
the PDF only draw it. Nothing here reads the record or the content: ``build.py`` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from decision.compare.icon_array import AFFECTED

SIGNATURES = ("Patient", "Surgeon")
ID_LINES = ("Name", "Date of birth", "Record number")

# ---------------------------------------------------------------- the blocks


@dataclass(frozen=True)
class Item:
    """A label and its value, e.g. 'Diagnosis: Spinal stenosis'."""

    label: str
    value: str
    free: bool = False  # typed by the patient or surgeon
    line: bool = False  # a one-line account of the detail that follows it in the same section


@dataclass(frozen=True)
class Paragraph:
    text: str
    free: bool = False
    strong: bool = False


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    free: bool = False
    numbered: bool = False
    paper: bool = True  # False: on screen only, where the printout has no room (it says where to look)


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class FigureBlock:
    figure_id: str
    row: str  # the comparison row it comes from, e.g. "Chance of benefit"
    sentence: str  # the words, and the text alternative of the icon array
    cells: tuple[bool, ...]  # 100 icons, index 0 bottom left, True = affected; () when no array is drawn
    population: str
    source: str  # short source line
    source_id: str  # its id in the bibliography, for the numbered source list
    note: str  # how certain: seen in the original study, or only in a secondary report
    colour: str = AFFECTED  # the affected people's colour, as on screen (icon_array.colour_for)


@dataclass(frozen=True)
class OptionFigures:
    """One comparison: its name (outcome, time frame, design and caveats) and its arms, drawn
    side by side. ``option_id`` holds the comparison's id."""

    option_id: str
    name: str
    figures: tuple[FigureBlock, ...]
    whole: bool = False  # figures "cid.option" of one comparison print together or not at all


Block = Item | Paragraph | Bullets | Table | FigureBlock | OptionFigures
Part = Literal["chart", "answers", "figures"]


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...]
    alert: bool = False  # the red-flag action: drawn so it cannot be missed
    part: Part = "chart"  # chart: page 1 of the PDF and the top of the screen; then answers, figures


@dataclass(frozen=True)
class Summary:
    title: str
    aid_name: str
    content_version: str
    content_date: str
    made_on: date
    initials: str
    sections: tuple[Section, ...]
    citations: tuple[str, ...]
    citation_ids: tuple[str, ...]  # the source id of each citation, in the same order
    signatures: tuple[str, ...] = SIGNATURES
    id_lines: tuple[str, ...] = ID_LINES  # blank lines for the clinic: nothing identifying is stored
    id_note: str = ""
    continued: str = "…"  # ends free text cut to fit the printout
    overleaf: str = ""  # ends page 1 when some of it had to move to page 2
    more_numbers: str = ""  # says that figures left off the printout are on the screen
    text_source_ids: frozenset[str] = frozenset()  # sources cited by something other than a figure

    def citation_number(self, source_id: str) -> int | None:
        """1-based number of a source in the list of citations."""
        return self.citation_ids.index(source_id) + 1 if source_id in self.citation_ids else None

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def part(self, part: Part) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.part == part)

    def text(self) -> str:
        """Every word of the summary, in order (for tests and for a plain-text view)."""
        out = [self.title, self.aid_name, self.content_version, self.content_date, self.initials, *self.id_lines]
        for s in self.sections:
            out.append(s.title)
            out += [t for b in s.blocks for t in _block_text(b)]
        return "\n".join([*out, *self.citations])


def _block_text(block: Block) -> list[str]:
    if isinstance(block, Item):
        return [block.label, block.value]
    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, Bullets):
        return list(block.items)
    if isinstance(block, Table):
        return [*block.header, *(c for r in block.rows for c in r)]
    if isinstance(block, FigureBlock):
        return [block.row, block.sentence, block.population, block.source, block.note]
    return [block.name, *(t for f in block.figures for t in _block_text(f))]
