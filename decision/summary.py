"""The summary: one frozen, structured account of a record, drawn both on screen and in the PDF.

``build_summary(record, content)`` turns the patient's answers into sections of plain blocks
(a label and a value, a paragraph, a list, a figure with its icon array). The Summary page and
``decision.pdf`` only draw these blocks, so the screen and the printout never disagree.
Every clinical word comes from ``content``; this module only picks and orders it.
Text the patient or surgeon typed is marked ``free``: it is always shown as plain text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Union

from decision.content import Content, Figure
from decision.icon_array import icon_cells, label_note, sentence
from decision.oswestry import oswestry_score
from decision.readiness import assess
from decision.red_flags import screen
from decision.deliberation import HIGHLY_RATED, SURE_MAX, score_quiz, sure_score
from decision.fusion_plan import plan_lines
from decision.record import DecisionRecord, FusionPlan, SureAnswers

NOT_ANSWERED = "Not answered"
NOT_RECORDED = "Not recorded"
KEY_ROWS = ("benefit", "harms", "reoperation")  # the comparison rows whose figures the summary repeats
SIGNATURES = ("Patient", "Surgeon")
CONFLICT_FLAG = "possible decisional conflict"

# Words for the surgeon's fusion plan. The record stores short codes; these are their names.
# A clinic can override any of them with a key "plan.<field>.<value>" in content/pages.yaml.
# ---------------------------------------------------------------- the blocks


@dataclass(frozen=True)
class Item:
    """A label and its value, e.g. 'Diagnosis: Spinal stenosis'."""

    label: str
    value: str
    free: bool = False  # typed by the patient or surgeon


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


@dataclass(frozen=True)
class OptionFigures:
    option_id: str
    name: str
    figures: tuple[FigureBlock, ...]


Block = Union[Item, Paragraph, Bullets, Table, FigureBlock, OptionFigures]


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...]
    alert: bool = False  # the red-flag action: drawn so it cannot be missed


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

    def citation_number(self, source_id: str) -> int | None:
        """1-based number of a source in the list of citations."""
        return self.citation_ids.index(source_id) + 1 if source_id in self.citation_ids else None

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def text(self) -> str:
        """Every word of the summary, in order (for tests and for a plain-text view)."""
        out = [self.title, self.aid_name, self.content_version, self.content_date, self.initials]
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


# ---------------------------------------------------------------- building it


def build_summary(record: DecisionRecord, content: Content, today: date | None = None) -> Summary:
    sources: list[str] = []
    flagged = screen(record, content)
    flag = flagged.level if flagged and flagged.pauses_the_walk else None
    sections: list[Section] = []
    if flagged:  # a ticked sign leads, at every level: nothing else on the page matters as much
        blocks = (Paragraph(flagged.action.message, strong=True), *(Paragraph(w) for w in flagged.why), Bullets(flagged.ticked))
        sections.append(Section("red_flag", flagged.action.title, blocks, alert=True))
        sources += flagged.sources
    else:
        sections.append(_safety(record, content))
    sections += [
        _your_back(record, content),
        _readiness(record, content, sources, flagged=bool(flag)),
        _treatments(record, content),
        _options(record, content, sources),
        _surgeon(record, content),
        _values(record, content),
        _understanding(record, content),
        _baseline(record, content, sources),
        _decision(record, content),
    ]
    m = content.meta
    cited = tuple(s for s in dict.fromkeys(sources) if s in content.source_by_id)
    return Summary(
        title=content.pages.get("summary.title", "Your summary"),
        aid_name=m.name,
        content_version=m.content_version,
        content_date=m.last_review,
        made_on=today or date.today(),
        initials=record.patient_initials or NOT_ANSWERED,
        sections=tuple(sections),
        citations=tuple(content.source(s).citation for s in cited),
        citation_ids=cited,
    )


def _page(content: Content, key: str, fallback: str) -> str:
    return content.pages.get(key, fallback)


def _safety(record: DecisionRecord, content: Content) -> Section:
    value = content.red_flags.none_apply if record.safety_screen_done else NOT_ANSWERED
    return Section("safety", "Safety check", (Item("Urgent signs", value),))


def _your_back(record: DecisionRecord, content: Content) -> Section:
    weeks = f"{record.symptom_weeks} weeks" if record.symptom_weeks is not None else NOT_ANSWERED
    worst = _page(content, f"worst_pain.{record.worst_pain}", record.worst_pain) if record.worst_pain else NOT_ANSWERED
    return Section(
        "your_back",
        _page(content, "nav.your_back", "Your back"),
        (
            Item("Diagnosis", _page(content, f"diagnosis.{record.diagnosis}", record.diagnosis)),
            Item("Operation talked about", _page(content, f"procedure.{record.procedure}", record.procedure)),
            Item("Pain began", weeks),
            Item("Worst pain", worst),
        ),
    )


def _readiness(record: DecisionRecord, content: Content, sources: list[str], *, flagged: bool) -> Section:
    result = assess(record, content)
    title = content.readiness.status_titles.get(result.status, result.status)
    blocks: list[Block] = [Item("Result", title)]
    if not flagged:  # when flagged, the action at the top already says what to do
        if result.met:
            blocks += [Paragraph("What is in place:", strong=True), Bullets(result.met)]
        if result.missing:
            blocks += [Paragraph("What is missing:", strong=True), Bullets(result.missing)]
        blocks += [Paragraph(r) for r in result.reasons]
        sources += result.sources
    return Section("readiness", "Readiness check", tuple(blocks))


def _treatments(record: DecisionRecord, content: Content) -> Section:
    if not record.treatments:
        return Section("treatments", "Treatments tried", (Item("Treatments", NOT_ANSWERED),))
    names, helped = content.program.treatment_names, content.program.helped_names
    rows = tuple(
        (
            names.get(t.kind, t.kind),
            str(t.weeks),
            str(t.visits) if t.visits is not None else "–",
            helped.get(t.helped, t.helped) if t.helped else NOT_ANSWERED,
        )
        for t in record.treatments
    )
    return Section("treatments", "Treatments tried", (Table(("Treatment", "Weeks", "Visits", "Did it help?"), rows),))


def _figure_block(content: Content, figure: Figure, row: str) -> FigureBlock:
    src = content.source(figure.source)
    year = f", {src.year}" if src.year else ""
    return FigureBlock(
        figure_id=figure.id,
        row=row,
        sentence=sentence(figure),
        # A "context" figure (e.g. a gap between two groups) is not a count of people: no icon array.
        cells=() if figure.kind == "context" else tuple(icon_cells(figure.per_100)),
        population=f"Applies to: {figure.population}.",
        source=f"Source: {src.authors}, {src.publisher}{year}.",
        source_id=figure.source,
        note=label_note(figure),
    )


def _options(record: DecisionRecord, content: Content, sources: list[str]) -> Section:
    order = [o for o in content.template.option_order if o in content.option_by_id]
    names = [content.option(o).name for o in order]
    rows = {r.id: r.title for r in content.template.rows}
    blocks: list[Block] = [Item("Options compared", ", ".join(names))]
    fitting = [content.option(o) for o in order if record.diagnosis in content.option(o).fits]
    if not fitting:
        blocks.append(Item("Options that fit your diagnosis", NOT_ANSWERED if record.diagnosis == "not_sure" else "None"))
    for option in fitting:
        figures = []
        for row_id in KEY_ROWS:
            cell = option.cells.get(row_id)
            for fid in cell.figures if cell else ():
                if fid in content.figure_by_id and fid not in {f.figure_id for f in figures}:
                    fig = content.figure(fid)
                    figures.append(_figure_block(content, fig, rows.get(row_id, row_id)))
                    sources.append(fig.source)
        blocks.append(OptionFigures(option.id, option.name, tuple(figures)))
    return Section("options", _page(content, "nav.compare", "Compare your options"), tuple(blocks))


def _plan_items(content: Content, plan: FusionPlan) -> list[Item]:
    items = []
    for label, words in plan_lines(plan, content):
        items.append(Item(label, words))
    return items


def _surgeon(record: DecisionRecord, content: Content) -> Section:
    c, plan = record.clinical, record.fusion_plan
    blocks: list[Block] = []
    if c.confirmed_diagnosis:
        blocks.append(Item("Confirmed diagnosis", c.confirmed_diagnosis, free=True))
    if c.imaging_findings:
        blocks.append(Item("Imaging findings", c.imaging_findings, free=True))
    if c.proposed_operation:
        blocks.append(Item("Operation proposed", _page(content, f"procedure.{c.proposed_operation}", c.proposed_operation)))
    if not plan.model_copy(update={"surgeon_notes": ""}).is_blank():
        blocks.append(Paragraph("Fusion plan:", strong=True))
        blocks += _plan_items(content, plan)
    if plan.surgeon_notes:
        blocks.append(Item("Surgeon's notes", plan.surgeon_notes, free=True))
    if not blocks:
        blocks.append(Item("From the surgeon", NOT_ANSWERED))
    return Section("surgeon", "The surgeon's plan and notes", tuple(blocks))


def _values(record: DecisionRecord, content: Content) -> Section:
    labels = {v.id: v.label for v in content.deliberation.values.items}
    top = sorted(
        ((rating, labels[vid]) for vid, rating in record.values.items() if vid in labels and rating >= HIGHLY_RATED),
        key=lambda pair: -pair[0],
    )
    blocks: list[Block] = []
    if top:
        blocks += [Item(label, f"{rating} out of 10") for rating, label in top]
    else:
        blocks.append(Item("Top values", NOT_ANSWERED if not record.values else f"None rated {HIGHLY_RATED} or more"))
    if record.own_concerns:
        blocks += [Paragraph("Your own concerns:", strong=True), Bullets(tuple(record.own_concerns), free=True)]
    else:
        blocks.append(Item("Your own concerns", NOT_ANSWERED))
    if record.fusion_patient_notes:
        blocks.append(Item("Your notes on fusion", record.fusion_patient_notes, free=True))
    return Section("values", _page(content, "nav.values", "What matters to you"), tuple(blocks))


def sure_text(answers: SureAnswers) -> str:
    """'3 out of 4: possible decisional conflict', '4 out of 4', or how many were answered.

    Scored by ``decision.deliberation.sure_score``, as on screen: an unfinished test is not scored.
    """
    result = sure_score(answers)
    if result.answered == 0:
        return NOT_ANSWERED
    if not result.complete:
        return f"{result.answered} of {SURE_MAX} questions answered, so not scored"
    text = f"{result.score} out of {SURE_MAX}"
    return text + f": {CONFLICT_FLAG}" if result.conflict else text


def _understanding(record: DecisionRecord, content: Content) -> Section:
    d = content.deliberation
    score = score_quiz(record.quiz, content.deliberation.quiz)
    quiz = f"{score.right} right of {score.answered} answered ({score.total} questions)" if score.answered else NOT_ANSWERED
    leaning = d.leaning_options.get(record.leaning, record.leaning) if record.leaning else NOT_ANSWERED
    role = d.decision_roles.get(record.decision_role, record.decision_role) if record.decision_role else NOT_ANSWERED
    blocks: list[Block] = [
        Item("Quiz", quiz),
        Item("Leaning toward", leaning),
        Item("How you want to decide", role),
        Item("SURE test before", sure_text(record.sure.before)),
        Item("SURE test after", sure_text(record.sure.after)),
    ]
    if record.questions:
        blocks += [Paragraph("Questions for the surgeon:", strong=True), Bullets(tuple(record.questions), free=True, numbered=True)]
    else:
        blocks.append(Item("Questions for the surgeon", NOT_ANSWERED))
    return Section("leaning", _page(content, "nav.leaning", "Where you are leaning"), tuple(blocks))


def _baseline(record: DecisionRecord, content: Content, sources: list[str]) -> Section:
    def pain(v: int | None) -> str:
        return f"{v} out of 10" if v is not None else NOT_ANSWERED

    odi = oswestry_score(record.oswestry, content.scores)
    if odi:
        sources.append(content.scores.oswestry_source)
        odi_text = " ".join(t for t in (f"{odi.percent:g} out of 100.", f"{odi.band}." if odi.band else "", odi.how) if t)
    else:
        odi_text = NOT_ANSWERED
    return Section(
        "baseline",
        "Scores at the start",
        (Item("Back pain", pain(record.pain_back)), Item("Leg pain", pain(record.pain_leg)), Item("Oswestry score", odi_text)),
    )


def decision_text(record: DecisionRecord, content: Content) -> str:
    reached = record.decision_reached
    if reached is None:
        return NOT_RECORDED
    name = content.pages.get(f"option.{reached.choice}")
    if name is None:
        name = content.option(reached.choice).name if reached.choice in content.option_by_id else reached.choice
    return f"{name}, on {reached.on.isoformat()}"


def _decision(record: DecisionRecord, content: Content) -> Section:
    return Section("decision", "Decision reached", (Item("Decision", decision_text(record, content)),))
