"""The review pack (issue 25, item 3): everything a clinical lead signs, in one printable HTML file.

``python -m decision review-pack -o pack.html``. HTML, not PDF: a pack of this length (every number,
every rule, notes of a paragraph each) is a set of long tables, which a browser lays out, paginates
(header repeated on each page) and prints without the pack measuring every line, with any character
in the content (fpdf2's core fonts are Latin-1 only); a reviewer can also search it and copy a row
into a governance report. It is one self-contained file: inline style, no script, nothing fetched.

The words of the pack are for a clinical reviewer, not for patients, so they live here rather than
in ``content/``; everything it quotes from content is escaped.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from decision.content import Content, content_dir
from decision.content.signoff import sign_off_status
from decision.output.review_pack.numbers import numbers_sections
from decision.output.review_pack.page import Html, document, join, lines, paragraph, table, tag
from decision.output.review_pack.review import reading_section, signoff_section
from decision.output.review_pack.rules import readiness_section, red_flag_sections, rule_ids
from decision.output.review_pack.situation import situation_section
from decision.version import app_version

__all__ = ["build_review_pack", "rule_ids", "write_pack"]


def build_review_pack(content: Content, root: Path | None = None, today: dt.date | None = None) -> str:
    """The pack for the content in ``root`` (default: the content in use), as one HTML page."""
    root = Path(root) if root else content_dir()
    status = sign_off_status(content.meta.content_version, root)
    m = content.meta
    intro = Html(tag("h1", f"Clinical review pack: {m.name}") + "".join((
        paragraph(lines(
            f"Content version {m.content_version}, published {m.published}, last review {m.last_review}, next "
            f"review due {m.next_review}. App version {app_version()}. Pack made on "
            f"{(today or dt.date.today()).isoformat()}.",
            join("Content hash: ", tag("code", status.fingerprint)))),
        paragraph(tag("strong", "Signed off for this content." if status.current else
                      "No clinician has signed off this version of the content.")),
        paragraph("What to check: that each number says what its source says, for the population and time frame "
                  "given; that each rule's level and threshold is one your service would apply; that the choices "
                  "the aid made where the evidence left a question open are acceptable; and that the text reads "
                  "plainly. Labels: V1, seen in the primary source; V2, seen only in a secondary report (the "
                  "aid says so on screen)."),
        table(["Part", "Count"], [
            ["1. Comparisons (each with its arms)", str(len(content.comparisons))],
            ["2. Other figures", str(len(content.figures))],
            ["4. Red-flag rules", str(len(content.red_flags.rules))],
            ["5. Readiness rules", str(len(rule_ids(content)) - len(content.red_flags.rules))],
            ["Sources in the bibliography", str(len(content.sources))],
        ]))))
    body = [intro, *numbers_sections(content, root), *red_flag_sections(content, root),
            readiness_section(content, root), situation_section(content), reading_section(content, root),
            signoff_section(status, root)]
    return document(f"Clinical review pack, content version {m.content_version}", body)


def write_pack(content: Content, root: Path | str | None, output: str) -> int:
    """``python -m decision review-pack``: write the pack; one plain line and exit code 2 if it cannot be written."""
    try:
        Path(output).write_text(build_review_pack(content, Path(root) if root else None), encoding="utf-8")
    except OSError as exc:
        where = "".join(c if c.isprintable() else "?" for c in output)[:300]
        print(f"Could not write {where}: {exc.strerror}.", file=sys.stderr)
        return 2
    print(f"Wrote {output}")
    return 0
