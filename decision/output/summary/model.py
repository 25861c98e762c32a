"""The summary's structure: the blocks a section is made of, the sections, and the Summary itself.

A block is a label and its value, a paragraph, a list, a table, or one comparison of the diagnosis
with every arm's number (a number never prints alone). A section holds blocks under a
title and says which part of the printout it belongs to. ``Summary`` holds the sections in the
order the chart needs them, with the sources they cite; it is frozen, and the Summary page and
the PDF only draw it. Nothing here reads the record or the content: ``build.py`` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from decision.compare.icon_array import AFFECTED

# ---------------------------------------------------------------- the blocks


@dataclass(frozen=True)
class Item:
    """A label and its value, e.g. 'Diagnosis: Spinal stenosis'."""

    label: str
    value: str
    free: bool = False  # typed by the patient or surgeon
    line: bool = False  # a one-line account of the detail that follows it in the same section
    whole: bool = False  # typed text printed whole, never cut (the surgeon's notes: nothing else keeps them)


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
class ComparisonBlock:
    """One comparison of the diagnosis, as the chart gets it (issue 23): its kind in a word, its
    outcome and time frame with how the study was done, every arm's number on a line of its own (a
    two-arm comparison always prints both; a gap names the two groups), then the caveat or the
    single-arm warning under it, who it applies to and its source."""

    comparison_id: str
    kind: str  # benefit, harm, another_operation, operation_later
    kind_word: str  # "Good result", "Harm": said in words beside the colour
    heading: str  # the outcome and the time frame, e.g. "A good result, at 5 years"
    design: str  # how the study was done, and how sure the evidence is where a review graded it
    arms: tuple[str, ...]  # per arm "Option: N in 100 (subgroup)"; a gap: one sentence naming both groups
    notes: tuple[str, ...]  # the caveat, the single-arm warning, the scale, a secondary report's warning
    population: str
    source: str  # short source line
    source_id: str  # its id in the bibliography, for the numbered source list
    colour: str = AFFECTED  # the kind's colour, as on screen (benefit, harm, later)
    overview: bool = False  # one of the diagnosis's overview rows: printed first, and always


Block = Item | Paragraph | Bullets | Table | ComparisonBlock
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
    signatures: tuple[str, ...] = ()  # who signs: the patient, the surgeon
    signature_lines: tuple[str, ...] = ()  # the words under each one's signature line
    id_lines: tuple[str, ...] = ()  # blank lines for the clinic: nothing identifying is stored
    id_note: str = ""
    continued: str = "…"  # ends free text cut to fit the printout
    overleaf: str = ""  # ends page 1 when some of it had to move to page 2
    notes_overleaf: str = ""  # under surgeon's notes that go on at the top of page 2
    notes_continued: str = ""  # the heading of the rest of those notes on page 2
    more_numbers: str = ""  # says that figures left off the printout are on the screen
    text_source_ids: frozenset[str] = frozenset()  # sources cited by something other than a figure
    # The printout's own words, from content (issue 26): its subject, footer, first line and signatures
    pdf_subject: str = ""
    pdf_footer: str = ""  # the aid and content version, and "{page}" for fpdf's page number and "{nb}" for the count
    pdf_made: str = ""  # the app and content versions, the day it was made, the initials
    signatures_title: str = ""
    sign_date: str = ""
    sources_title: str = ""
    lang: str = "en"  # the language of its words (Content.lang): the PDF's /Lang, its dates and numbers
    # Page 1 again at the end, in the chart's language (issue 26): its first line, its footer, and
    # what it says where page 1 had to move something overleaf
    chart_copy: str = ""
    chart_copy_footer: str = ""
    chart_copy_rest: str = ""

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
    return [block.kind_word, block.heading, block.design, *block.arms, *block.notes, block.population, block.source]
