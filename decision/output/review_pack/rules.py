"""The pack's rules: every red-flag rule and readiness rule, with its sources and the choices the aid made.

Every rule row carries an id (``red_flags.<rule id>``, ``readiness.<part>``, ``readiness.policy.<procedure>.
<diagnoses>`` and ``…<requirement id>``) so a reviewer can name the row they question, and a test can
count that none is missing.
"""

from __future__ import annotations

import re
from pathlib import Path

from decision.content import Content, Policy, Requirement
from decision.output.review_pack.comments import read_notes
from decision.output.review_pack.page import Html, lines, missing, paragraph, section, table, tag
from decision.output.review_pack.sources import LABELS, source_cell

# Words with which the content's notes mark a choice the aid made where the evidence left it open.
_CHOICE = re.compile(r"\bchoo?se\b|\bchose\b|\bchoice\b|left open|left .{0,40}to clinical judgement|"
                     r"FOR CLINICAL REVIEW|this aid's|our own|unverified", re.IGNORECASE)
CHOICE_MARK = "The aid made a choice here, or the evidence is unverified: see the note."


def note_cell(*notes: str, what: str = "rule") -> Html:
    found = [n for n in notes if n]
    if not found:
        return missing(f"No note recorded in the content file for this {what}.")
    flagged = any(_CHOICE.search(n) for n in found)
    return lines(tag("strong", CHOICE_MARK) if flagged else "", *found)


def rule_ids(content: Content) -> list[str]:
    """Every rule id the pack lists, in its order: red flags, then readiness."""
    return [f"red_flags.{r.id}" for r in content.red_flags.rules] + [rid for rid, _ in _readiness_rows(content, None)]


def red_flag_sections(content: Content, root: Path) -> list[Html]:
    rf = content.red_flags
    notes = read_notes((root / "red_flags.yaml").read_text(encoding="utf-8"))
    question = {f.id: f.question for f in rf.flags}
    levels = table(
        ["Level", "What the patient is told", "Sources"],
        [[tag("code", level), lines(action.title, action.message), source_cell(content, action.sources)]
         for level, action in rf.levels.items()])
    signs = table(
        ["Sign", "Question asked", "Note in content/red_flags.yaml"],
        [[lines(tag("code", f.id), f"Asked only after: {', '.join(f.asked_if)}" if f.asked_if else ""),
          f.question, note_cell(notes.of("flags", f.id), what="sign")] for f in rf.flags])
    rules = table(
        ["Rule", "Fires when", "Why (shown to the patient)", "Sources", "Evidence and choices (note in the file)"],
        [[lines(tag("code", f"red_flags.{r.id}"), f"Level: {r.level}"),
          lines(*([f"All of: {', '.join(r.all_of)}"] if r.all_of else []),
                *([f"Any of: {', '.join(r.any_of)}"] if r.any_of else []),
                *(f"{s}: {question.get(s, '')}" for s in (*r.all_of, *r.any_of))),
          r.why, source_cell(content, r.sources), note_cell(notes.of("rules", r.id))] for r in rf.rules],
        ids=[f"rule-red_flags.{r.id}" for r in rf.rules], cls="rules")
    return [section(
        f"4. The safety screen: every red-flag rule ({len(rf.rules)})",
        paragraph("The highest level among the rules that fire is the screen's result."),
        paragraph(f"From the top of content/red_flags.yaml: {notes.header}"),
        tag("h3", "Levels"), levels, tag("h3", "Signs"), signs, tag("h3", "Rules"), rules, id="red-flags")]


def _requirement(req: Requirement) -> Html:
    parts = [f"Any of: {', '.join(req.any_of)}"]
    if req.min_distinct > 1:
        parts.append(f"At least {req.min_distinct} different kinds")
    if req.min_weeks:
        parts.append(f"Each for at least {req.min_weeks} weeks")
    if req.min_visits:
        parts.append(f"Or at least {req.min_visits} visits within {req.visits_within_weeks} weeks")
    parts += [f"{kind}: at least {weeks} weeks" for kind, weeks in req.min_weeks_by_kind.items()]
    if req.medicines_unsuitable_counts:
        parts.append("A doctor's word that the medicines are not safe counts")
    if req.waiver:
        parts.append(f"Not asked when pain is {req.waiver.pain_at_least} or more out of 10: {req.waiver.text}")
    return lines(*parts, f"Met: {req.met}", f"Missing: {req.missing}")


def _policy(p: Policy) -> Html:
    return lines(f"Procedure: {p.procedure}; diagnoses: {', '.join(p.diagnoses)}",
                 f"Symptoms and care for at least {p.min_weeks} weeks",
                 f"No nicotine for {p.nicotine_free_weeks} weeks" if p.nicotine_free_weeks else "",
                 f"Care that adds to the span: {', '.join(p.span_kinds)}",
                 *(f"Shown with the result: {n}" for n in p.notes),
                 f"Own wording when met: {p.met_message}" if p.met_message else "")


def _readiness_rows(content: Content, notes) -> list[tuple[str, list[object]]]:
    """(rule id, row) for every readiness rule. ``notes`` None: ids only."""
    r = content.readiness

    def note(*path: str, depth: int = 0) -> Html:
        return note_cell(*notes.within(*path, depth=depth)) if notes is not None else Html("")

    def row(rid: str, what: object, whose: str, sources, note_html: Html) -> tuple[str, list[object]]:
        return rid, [tag("code", rid), what, whose, source_cell(content, tuple(sources)), note_html]

    rows = [row(f"readiness.not_counting.{kind}", f"Not counted: {item.reason}", "", item.sources,
                note("not_counting", kind)) for kind, item in r.not_counting.items()]
    rows += [
        row("readiness.categories", lines(*(f"{name}: {', '.join(kinds)}" for name, kinds in r.categories.items())),
            "", (), note("categories")),
        row("readiness.early_pain", f"Pain for under {r.early_pain_weeks} week(s): {r.early_pain_advice}", "",
            r.early_pain_sources, note("early_pain_weeks")),
        row("readiness.span", lines(r.span.question, r.span.help), "", (), note("span")),
        row("readiness.medicines_unsuitable", lines(f"Stands in for: {', '.join(r.medicines_unsuitable.kinds)}",
                                                    r.medicines_unsuitable.met), r.medicines_unsuitable.whose, (),
            note("medicines_unsuitable")),
        row("readiness.helped", lines(f"Main part of care: {', '.join(r.helped.main_kinds)}",
                                      f"If it helped: {r.helped.yes}"),
            r.helped.whose, (*r.helped.sources, *r.helped.yes_sources), note("helped")),
        row("readiness.limits", lines(f"Worse pain at least {r.limits.pain_at_least} out of 10 "
                                      f"(whose: {r.limits.pain_whose})",
                                      f"Or an Oswestry score above {r.limits.oswestry_above:g}% "
                                      f"(whose: {r.limits.oswestry_whose})"), "", r.limits.sources, note("limits")),
        row("readiness.surgeon", lines(r.surgeon.question, r.surgeon.to_confirm), r.surgeon.whose,
            r.surgeon.sources, note("surgeon")),
        row("readiness.not_judged", r.not_judged, "", (), note("not_judged")),
        row("readiness.nicotine", lines(r.nicotine.question, r.nicotine.why, LABELS[r.nicotine.why_label]),
            r.nicotine.whose, r.nicotine.why_sources, note("nicotine")),
    ]
    for i, p in enumerate(r.policies):
        pid = f"readiness.policy.{p.procedure}.{'+'.join(p.diagnoses)}"
        rows.append(row(pid, _policy(p), p.whose, p.sources, note("policies", str(i), depth=1)))
        for req in p.requirements:
            rows.append(row(f"{pid}.{req.id}", _requirement(req), req.whose, req.waiver.sources if req.waiver else (),
                            note("policies", str(i), "requirements", req.id, depth=1)))
    return rows


def readiness_section(content: Content, root: Path) -> Html:
    notes = read_notes((root / "readiness.yaml").read_text(encoding="utf-8"))
    rows = _readiness_rows(content, notes)
    return section(
        f"5. The readiness check: every rule ({len(rows)})",
        paragraph(f"From the top of content/readiness.yaml: {notes.header}"),
        paragraph("A requirement's own sources are those of its waiver, if any; otherwise its policy's sources apply."),
        table(["Rule", "What it asks", "Whose rule", "Sources", "Evidence and choices (note in the file)"],
              [cells for _, cells in rows], ids=[f"rule-{rid}" for rid, _ in rows], cls="rules"),
        id="readiness")
