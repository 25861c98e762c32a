"""The pack's last two parts: the reading level per file, and the sign-off (the record so far and the table to sign)."""

from __future__ import annotations

from pathlib import Path

from decision.content import Content
from decision.content.readability import GRADE_LIMIT, read_report, score_content
from decision.content.signoff import SIGNOFF_FILE, SignOffError, SignOffStatus, load_signoffs
from decision.output.review_pack.page import Html, join, lines, missing, paragraph, pre, section, table, tag

SCOPES = (
    "Sections 1 to 3: every number, with its population, time frame, design, label and source",
    "Section 4: the safety screen (red-flag rules and their levels)",
    "Section 5: the readiness rules, and the choices the aid made",
    "Section 6: the reading level of the patient-facing text",
    "The whole content, as listed in this pack",
)


def reading_section(content: Content, root: Path) -> Html:
    try:
        scored = score_content(content)
    except ImportError:  # textstat is a build requirement (requirements-build.txt), not the app's
        return section("6. Reading level per file", paragraph(missing(
            "Not measured here: textstat is not installed. Install requirements-build.lock and make the pack again.")),
            id="reading")
    files: dict[str, list] = {}
    for s in scored:
        files.setdefault(s.where.split(":")[0], []).append(s)
    rows = []
    for file, items in sorted(files.items()):
        hardest = max(items, key=lambda s: s.grade)
        over = sum(s.grade > GRADE_LIMIT for s in items)
        rows.append([tag("code", file), str(len(items)), f"{hardest.grade:.1f}", hardest.where.split(": ", 1)[-1],
                     str(over) if not over else tag("strong", str(over))])
    report = read_report(root)
    said = (f"The checked-in report (reading_level.json) gives grade {report.overall:.1f} overall and "
            f"{report.hardest:.1f} for the hardest passage, and it is "
            + ("up to date with this content." if report.current else "OUT OF DATE for this content.")
            if report else "There is no reading-level report (reading_level.json) beside this content.")
    return section(
        "6. Reading level per file",
        paragraph(f"US school grade (Flesch-Kincaid, via textstat). Fields of ten words or more are scored one by "
                  f"one; a file's short labels are scored together. Names the aid explains (operations, conditions, "
                  f"guideline bodies) count as one short word. The limit is grade {GRADE_LIMIT:g}. {said}"),
        table(["File", "Passages scored", "Hardest grade", "Hardest passage (field)", f"Over grade {GRADE_LIMIT:g}"],
              rows),
        id="reading")


def signoff_section(status: SignOffStatus, root: Path) -> Html:
    try:
        signoffs = load_signoffs(root)
    except (SignOffError, OSError):  # status already holds the one plain message
        signoffs = ()
    state = (paragraph(tag("strong", f"Signed off: this content was signed off on {status.signed.date.isoformat()} "
                                     f"by {status.signed.role} ({status.signed.scope}).")) if status.signed else
             paragraph(tag("strong", "No clinician has signed off this version of the content."), Html(" "),
                       status.problem or ""))
    done = table(["Date", "Reviewer's role", "Scope", "Content version", "Content hash", "This content?"],
                 [[s.date.isoformat(), s.role, s.scope, s.content_version, tag("code", s.content_hash),
                   "yes" if (s.content_version, s.content_hash) == (status.version, status.fingerprint) else "no"]
                  for s in signoffs]) if signoffs else paragraph(missing(f"content/{SIGNOFF_FILE} holds no sign-off."))
    blank = table(["What was reviewed", "Reviewer's role", "Date", "Signature", "Comments"],
                  [[scope, "", "", "", ""] for scope in SCOPES], cls="sign")
    entry = (f"  - role: ...\n    date: YYYY-MM-DD\n    scope: ...\n"
             f"    content_version: \"{status.version}\"\n    content_hash: {status.fingerprint}")
    return section(
        "7. Sign-off",
        state,
        paragraph(lines(f"Content version: {status.version}",
                        join("Content hash (sha256 of every content file the app reads, except the sign-off "
                             "record): ", tag("code", status.fingerprint)))),
        tag("h3", "Sign-offs recorded so far"), done,
        tag("h3", "To sign"),
        paragraph("Sign each part you reviewed. A name is not needed: the role is. Then add one entry to "
                  f"content/{SIGNOFF_FILE}, under signoffs:, with this version and hash. The About page then "
                  "shows the sign-off, and python -m decision check-content stops warning, until the content "
                  "changes again."),
        blank,
        pre(entry),
        id="signoff")
