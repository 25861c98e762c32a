"""The pack's numbers: every comparison with its arms, every other figure, and the numbers written in sentences."""

from __future__ import annotations

from pathlib import Path

from decision.content import Comparison, Content, Figure
from decision.output.review_pack.page import Html, lines, missing, paragraph, section, table, tag
from decision.output.review_pack.sources import LABELS, evidence_cell, file_notes, notes_by_id, source_cell

HEADER = ["Comparison", "Numbers", "Population, time frame, design", "Label", "Source", "Evidence section"]


def _n(x: float | None) -> str:
    return "" if x is None else f"{x:g}"


def _range(low: float | None, high: float | None) -> str:
    return f" (range {_n(low)} to {_n(high)})" if low is not None else ""


def _diagnoses(content: Content, ids) -> str:
    return ", ".join(f"{content.pages.get(f'diagnosis.{d}', d)} ({d})" for d in ids)


def _option(content: Content, oid: str) -> str:
    option = content.option_by_id.get(oid)
    return f"{option.name} ({oid})" if option else oid


def arm_lines(content: Content, c: Comparison) -> list[object]:
    out: list[object] = []
    for oid, arm in c.arms.items():
        if c.measure == "people":
            value = f"{_n(arm.per_100)} in 100{_range(arm.low, arm.high)}"
        elif c.measure == "points":
            value = f"{_n(arm.points)} {c.unit}{_range(arm.low, arm.high)}"
        else:
            value = "(the study gives only the gap below)"
        out.append(f"• {_option(content, oid)}: {value}, {arm.outcome}")
    if c.measure == "points":
        out.append(f"Scale: {c.scale}")
    if c.gap is not None:
        out.append(f"Gap: {_n(c.gap.points)} points{_range(c.gap.low, c.gap.high)}, favours "
                   f"{_option(content, c.gap.favours)}")
    for name, text in (("Why one arm", c.single_arm), ("Caveat", c.caveat), ("Note", c.note)):
        if text:
            out.append(f"{name}: {text}")
    return out


def comparison_row(content: Content, c: Comparison, file: str, note: str) -> list[object]:
    return [
        lines(tag("code", c.id), c.outcome, f"Kind: {c.kind}; topic: {c.topic}; measure: {c.measure}",
              f"For: {_diagnoses(content, c.applies_to)}", f"File: content/{file}"),
        lines(*arm_lines(content, c)),
        lines(f"Population: {c.population}", f"Time frame: {c.time_frame}",
              f"Design: {content.template.designs.get(c.design, c.design)} ({c.design})"),
        LABELS[c.label],
        source_cell(content, (c.source,)),
        evidence_cell(note, file),
    ]


def figure_row(content: Content, f: Figure, file: str, note: str) -> list[object]:
    return [
        lines(tag("code", f.id), f"Kind: {f.kind}", f"File: content/{file}"),
        lines(f"{_n(f.per_100)} in 100{_range(f.low, f.high)}, {f.outcome}"),
        lines(f"Population: {f.population}", f"Time frame: {f.time_frame}",
              missing("Design: not recorded (a figure of this kind has no design field)")),
        LABELS[f.label],
        source_cell(content, (f.source,)),
        evidence_cell(note, file),
    ]


def numbers_sections(content: Content, root: Path) -> list[Html]:
    notes = file_notes(root, "figures/*.yaml")
    comparison_notes = notes_by_id(notes, "comparisons")
    figure_notes = notes_by_id(notes, "figures")
    unknown = ("figures/", "")
    comparisons = section(
        f"1. Every comparison ({len(content.comparisons)})",
        paragraph("Each comparison is one outcome of one study, in one population, over one time frame, with a "
                  "number for each option it compares (its arms). The evidence section is the note written above "
                  "the entry in its content file, as written there; where there is none, the pack says so."),
        table(HEADER, [comparison_row(content, c, *comparison_notes.get(c.id, unknown)) for c in content.comparisons],
              ids=[f"comparison-{c.id}" for c in content.comparisons], cls="numbers"),
        id="comparisons",
    )
    figures = section(
        f"2. Every other figure ({len(content.figures)})",
        paragraph("The figures of the fusion questions and of the reoperation card, as N in 100 people."),
        table(["Figure", "Number", *HEADER[2:]],
              [figure_row(content, f, *figure_notes.get(f.id, unknown)) for f in content.figures],
              ids=[f"figure-{f.id}" for f in content.figures], cls="numbers"),
        id="figures",
    )
    return [comparisons, figures, _numbers_in_words(content)]


def _texts_with_numbers(content: Content):
    """(where, text, source ids) for each sentence that holds a number outside a comparison or figure."""
    for o in content.options:
        for group, cells in (("cells", o.cells), ("practical", o.practical)):
            for row_id, cell in cells.items():
                yield f"options/{o.id}.yaml {group}.{row_id}", cell.text, cell.sources
        yield f"options/{o.id}.yaml uncertain", o.uncertain, o.uncertain_sources
    for d in content.template.diagnoses:
        if d.non_operative_no_harm:
            yield (f"template.yaml diagnoses.{d.id}.non_operative_no_harm", d.non_operative_no_harm.text,
                   d.non_operative_no_harm.sources)
    for part in content.program.parts:
        yield f"program.yaml {part.id}", f"{part.text} {part.disagreement}", part.sources
    for q in content.fusion.questions:
        for name in ("known", "not_known"):
            yield f"fusion.yaml {q.id}.{name}", getattr(q, name), q.sources
    reop = content.fusion.reoperation
    yield "fusion.yaml reoperation", f"{reop.intro} {reop.caution}", reop.sources
    for quiz in content.deliberation.quiz.questions:
        figure = content.figure_by_id.get(quiz.figure or "")
        sources = (quiz.source,) if quiz.source else (figure.source,) if figure else ()
        yield f"deliberation.yaml quiz.{quiz.id}", f"{quiz.explanation} {quiz.more}".strip(), sources
    n = content.readiness.nicotine
    yield "readiness.yaml nicotine.why", f"{n.why} ({LABELS[n.why_label]})", n.why_sources


def _numbers_in_words(content: Content) -> Html:
    rows = [[tag("code", where), text, source_cell(content, sources) if sources else missing("No source cited.")]
            for where, text, sources in _texts_with_numbers(content) if any(ch.isdigit() for ch in text)]
    return section(
        f"3. Numbers written in sentences ({len(rows)})",
        paragraph("Text that holds a number outside a comparison or figure, with the sources its entry cites. "
                  "A quiz answer without a source of its own shows that of the figure it names. The rules' "
                  "thresholds are in sections 4 and 5."),
        table(["Where", "Text", "Sources"], rows),
        id="sentences",
    )
