"""The chart note: the visit in plain text, for the surgeon to paste into any electronic record.

Built from the same ``Summary`` as PDF page 1 (``decision.output.summary.build_summary``), so the
note, the screen and the paper never disagree: the aid and content version and the day; the
safety result (a ticked sign leads, with its action); the diagnosis, the scores and the levels
of the plan; the readiness result, what is in place (the surgeon's word among it) and what the
surgeon still has to confirm; the options
compared; where the patient is leaning and SURE before and after; the decision and the plan; the
patient's top values and own concerns; and the questions.

Plain text only: no Markdown, no HTML, no tabs, one fact per line, so any record system shows it
as written. Text the patient or surgeon typed is cleaned (``decision.text.clean_text``) and its
extra lines are indented, so typed text cannot pass for a heading of the note. The note's
headings and its sentences live in ``content/pages.yaml`` (``note.*``); the labels and values of
each line are the summary's own.
"""

from __future__ import annotations

from datetime import date

from decision.content import Content
from decision.content.locale_format import format_date
from decision.output.summary import Bullets, Item, Paragraph, Section, Summary, Table, build_summary
from decision.record import DecisionRecord
from decision.text import clean_text
from decision.version import app_version

INDENT = "  "
RULE = "-" * 40


def build_note(record: DecisionRecord, content: Content, today: date | None = None) -> str:
    """The visit note of ``record``, as plain text ending with a line break."""
    return note_text(build_summary(record, content, today), content)


def note_text(summary: Summary, content: Content) -> str:
    """The note drawn from a summary already built (the Summary page builds one per rerun)."""
    p = content.pages
    ids = {s.id for s in summary.sections}
    parts = [
        (p["note.safety"], ("red_flag", "safety")),
        (p["note.diagnosis"], ("your_back", "baseline")),
        (p["note.readiness"], ("readiness", "readiness_detail")),
        (p["note.options"], ("options",)),
        (p["note.leaning"], ("leaning", "sure")),
        (p["note.decision"], ("decision", "surgeon")),
        (p["note.values"], ("values",)),
        (p["note.questions"], ("questions",)),
    ]
    lines = [
        p["note.title"],
        p["note.made"].format(name=summary.aid_name, app=app_version(), version=summary.content_version,
                              reviewed=summary.content_date, day=format_date(summary.made_on, summary.lang)),
        p["note.initials"].format(initials=_one_line(summary.initials)),
    ]
    for heading, section_ids in parts:
        body = [line for sid in section_ids if sid in ids for line in _section_lines(summary.section(sid))]
        if body:
            lines += ["", heading.upper(), *body]
    if "red_flag" in ids:  # the comparison is paused by a ticked sign; say why it is absent
        lines += ["", p["note.paused"]]
    lines += ["", RULE, p["note.end"]]
    return "\n".join(lines) + "\n"


def _section_lines(section: Section) -> list[str]:
    """A section's lines: its title as a sub-heading where it is an alert, then each block."""
    out = [section.title] if section.alert else []
    for block in section.blocks:
        if section.id == "options" and not isinstance(block, Item):
            continue  # the options' names only: their numbers need the icon arrays and sources of the PDF
        out += _block_lines(block)
    return out


def _block_lines(block: object) -> list[str]:
    if isinstance(block, Item):
        value = _typed(block.value) if block.free else _one_line(block.value)
        return _hang(f"{_one_line(block.label)}: ", value)
    if isinstance(block, Paragraph):
        return _hang("", _typed(block.text) if block.free else _one_line(block.text))
    if isinstance(block, Bullets):
        out: list[str] = []
        for n, text in enumerate(block.items, start=1):
            mark = f"{n}. " if block.numbered else "- "
            out += _hang(mark, _typed(text) if block.free else _one_line(text))
        return out
    if isinstance(block, Table):
        return [", ".join(_one_line(c) for c in row) for row in block.rows]
    return []  # figures and their icon arrays are on the PDF and the screen, not in a note


def _hang(lead: str, text: str) -> list[str]:
    """``lead`` then ``text``; any further line of the text indented under it."""
    first, *rest = text.split("\n")
    return [f"{lead}{first}", *(f"{INDENT}{line}" if line else "" for line in rest)]


def _typed(text: str) -> str:
    """Typed text: control and direction characters removed, tabs as spaces, blank lines dropped."""
    cleaned = clean_text(text, multiline=True).replace("\t", " ")
    return "\n".join(line.rstrip() for line in cleaned.split("\n") if line.strip())


def _one_line(text: str) -> str:
    return clean_text(text, multiline=False).strip()
