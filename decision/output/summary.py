"""The summary: one frozen, structured account of a record, drawn both on screen and in the PDF.

``build_summary(record, content)`` turns the patient's answers into sections of plain blocks
(a label and a value, a paragraph, a list, a figure with its icon array). The Summary page and
``decision.output.pdf`` only draw these blocks, so the screen and the printout never disagree.
Every clinical word comes from ``content``; this module only picks and orders it.
Text the patient or surgeon typed is marked ``free``: it is always shown as plain text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from decision.compare.fusion_plan import plan_lines
from decision.compare.icon_array import AFFECTED, colour_for, icon_cells
from decision.content import Content, Figure
from decision.content.wording import label_note, sentence
from decision.deliberation.scores import HIGHLY_RATED, SURE_MAX, score_quiz, sure_score
from decision.record import DecisionRecord, SureAnswers
from decision.record.oswestry import oswestry_score
from decision.rules.readiness import Assessment, assess
from decision.rules.red_flags import screen

NOT_ANSWERED = "Not answered"
NOT_RECORDED = "Not recorded"
SIGNATURES = ("Patient", "Surgeon")
ID_LINES = ("Name", "Date of birth", "Record number")
CONFLICT_FLAG = "possible decisional conflict"

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


# ---------------------------------------------------------------- building it


def build_summary(record: DecisionRecord, content: Content, today: date | None = None) -> Summary:
    """The summary in the order the chart needs it (issue 12): page 1 first, then the rest."""
    sources: list[str] = []
    flagged = screen(record, content)
    flag = flagged.level if flagged and flagged.pauses_the_walk else None
    chart: list[Section] = []
    if flagged:  # a ticked sign leads, at every level: nothing else on the page matters as much
        blocks: tuple[Block, ...] = (
            Paragraph(flagged.action.message, strong=True),
            *(Paragraph(w) for w in flagged.why),
            Bullets(flagged.ticked),
        )
        chart.append(Section("red_flag", flagged.action.title, blocks, alert=True))
        sources += flagged.sources
    else:
        chart.append(_safety(record, content))
    result = assess(record, content)
    chart += [
        _decision(record, content),
        _surgeon(record, content),
        _sure(record, content),
        _readiness(content, result),
        _values(record, content),
        _questions(record, content),
    ]
    answers = [
        _your_back(record, content),
        _baseline(record, content, sources),
        _treatments(record, content),
        _understanding(record, content),
    ]
    if not result.red_flag:
        answers.append(_readiness_detail(content, result))
        sources += result.sources
    text_sources = frozenset(sources)
    figures = [] if flag else [_options(record, content, sources)]  # a red flag pauses the comparison
    m = content.meta
    cited = tuple(s for s in dict.fromkeys(sources) if s in content.source_by_id)
    p = content.pages
    return Summary(
        title=p.get("summary.title", "Your summary"),
        aid_name=m.name,
        content_version=m.content_version,
        content_date=m.last_review,
        made_on=today or date.today(),
        initials=record.patient_initials or NOT_ANSWERED,
        sections=(*chart, *(_as(sec, "answers") for sec in answers), *(_as(sec, "figures") for sec in figures)),
        citations=tuple(content.source(s).citation for s in cited),
        citation_ids=cited,
        id_note=p.get("summary.identify", ""),
        continued=p.get("summary.continued", "…"),
        overleaf=p.get("summary.overleaf", ""),
        more_numbers=p.get("summary.more_numbers", ""),
        text_source_ids=text_sources,
    )


def _as(section: Section, part: Part) -> Section:
    return Section(section.id, section.title, section.blocks, section.alert, part)


def _page(content: Content, key: str, fallback: str) -> str:
    return content.pages.get(key, fallback)


def _answer(content: Content, prefix: str, value: str | None) -> str:
    """The words for a stored choice, or "Not answered" when the question was skipped."""
    return NOT_ANSWERED if value is None else _page(content, f"{prefix}.{value}", value)


def _safety(record: DecisionRecord, content: Content) -> Section:
    value = content.red_flags.none_apply if record.safety_screen_done else NOT_ANSWERED
    return Section("safety", "Safety check", (Item("Urgent signs", value),))


def _your_back(record: DecisionRecord, content: Content) -> Section:
    weeks = f"{record.symptom_weeks} weeks" if record.symptom_weeks is not None else NOT_ANSWERED
    return Section(
        "your_back",
        _page(content, "nav.your_back", "Your back"),
        (
            Item("Diagnosis", _answer(content, "diagnosis", record.diagnosis)),
            Item("Operation talked about", _answer(content, "procedure", record.procedure)),
            Item("Pain began", weeks),
            Item("Worst pain", _answer(content, "worst_pain", record.worst_pain)),
        ),
    )


def _readiness(content: Content, result: Assessment) -> Section:
    """Page 1: the result, and what is missing; with a ticked sign, that it waits for the doctor."""
    title = content.readiness.status_titles.get(result.status, result.status)
    blocks: list[Block] = [Item("Result", title)]
    if result.red_flag:
        # Any ticked sign suspends the check until a doctor has seen it (NR 1.4).
        blocks.append(Paragraph(content.readiness.not_judged))
    elif result.missing:
        blocks += [Paragraph("What is missing:", strong=True), Bullets(result.missing)]
    if not result.red_flag and result.surgeon_to_confirm:
        blocks += [Paragraph(content.readiness.messages["surgeon_to_confirm"], strong=True),
                   Bullets(result.surgeon_to_confirm)]
    return Section("readiness", "Readiness check", tuple(blocks))


def _readiness_detail(content: Content, result: Assessment) -> Section:
    blocks: list[Block] = []  # the result itself is on page 1
    # One list, in the order of the parts (care, helped, limits, surgeon), each line saying whose
    # rule it is. The screen shows each part under its own title; on paper the titles would take
    # the room of the figures (issue 20 doubled these lines; the page budget is 3 pages).
    if result.met:
        blocks += [Paragraph("What is in place:", strong=True), Bullets(result.met)]
    # When met, what it does not mean (for long-term back pain, UK guidance too) in one line; the
    # longer met sentence is on the screen. The aid informs; it never recommends an operation.
    reasons = (result.caveat, *result.reasons[1:]) if result.status == "criteria_met" else result.reasons
    blocks += [Paragraph(r) for r in reasons]
    return Section("readiness_detail", "Readiness check: why", tuple(blocks))


def _treatments(record: DecisionRecord, content: Content) -> Section:
    if not record.treatments:
        return Section("treatments", "Treatments tried", (Item("Treatments", NOT_ANSWERED),))
    names, helped = content.program.treatment_names, content.program.helped_names
    rows = tuple(
        (
            names.get(t.kind, t.kind),
            str(t.weeks) if t.weeks is not None else NOT_ANSWERED,
            str(t.visits) if t.visits is not None else "–",
            helped.get(t.helped, t.helped) if t.helped else NOT_ANSWERED,
        )
        for t in record.treatments
    )
    line = Item("Treatments", ", ".join(dict.fromkeys(r[0] for r in rows)), line=True)
    blocks: list[Block] = [line, Table(("Treatment", "Weeks", "Visits", "Did it help?"), rows)]
    r = content.readiness
    if record.care_weeks is not None:
        blocks.append(Item(r.span.question, str(record.care_weeks)))
    if record.medicines_unsuitable:
        blocks.append(Paragraph(r.medicines_unsuitable.question))
    return Section("treatments", "Treatments tried", tuple(blocks))


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
        colour=colour_for(figure.kind),
    )


def options_compared(record: DecisionRecord, content: Content) -> tuple[str, ...]:
    """The options the patient set side by side on the Compare page, in the template's order.
    Only what the record says was compared: never all four by default."""
    return tuple(o for o in content.template.option_order if o in record.options_compared)


def _arm_block(content: Content, comparison, option_id: str, row: str) -> FigureBlock:
    """One arm of a comparison, with its icon array where it is a count of people."""
    from decision.content.wording import arm_figure, arm_sentence

    src = content.source(comparison.source)
    year = f", {src.year}" if src.year else ""
    figure = arm_figure(comparison, option_id)
    return FigureBlock(
        figure_id=f"{comparison.id}.{option_id}",
        row=row,
        sentence=arm_sentence(comparison, option_id),
        cells=tuple(icon_cells(figure.per_100)) if figure else (),
        population=f"Applies to: {comparison.population}.",
        source=f"Source: {src.authors}, {src.publisher}{year}.",
        source_id=comparison.source,
        note=_label_words(comparison.label),
        colour=colour_for(figure.kind) if figure else AFFECTED,  # no figure: no icon array to colour
    )


def _label_words(label: str) -> str:
    if label == "V2":
        return "Seen only in a secondary report, not in the original study. Treat it with extra caution."
    return "Seen in the original study."


def _options(record: DecisionRecord, content: Content, sources: list[str]) -> Section:
    """The comparison for the record's diagnosis, as ``decision.compare.comparison.compare`` gives it to
    the page and to ``python -m decision compare``: a heading per kind, then one block per
    comparison (its name, then every arm side by side, so a number never prints alone)."""
    from decision.compare.comparison import compare
    from decision.content.wording import design_words, gap_sentence

    view = compare(content, record.diagnosis)
    title = _page(content, "summary.figures", "The numbers")
    compared = ", ".join(content.option(o).name for o in options_compared(record, content))
    blocks: list[Block] = [Item("Options compared", compared or _page(content, "summary.options_none", NOT_ANSWERED))]
    if not view.options:
        blocks.append(Item("Options for your diagnosis", NOT_ANSWERED))
        blocks.append(Paragraph(view.intro))
        return Section("options", title, tuple(blocks))
    blocks.append(Item("Options for your diagnosis", ", ".join(content.option(o).name for o in view.options)))
    if view.no_harm:
        blocks.append(Paragraph(view.no_harm))
    # One block per kind (its heading), holding its comparisons in content order, each arm one
    # figure headed by the comparison's outcome and time frame. The arms of a comparison sit next
    # to each other and are printed together or not at all (``whole``); the paper may hold fewer
    # comparisons than the screen, the same number of figures for every kind.
    for group in view.groups:
        figures: list[FigureBlock] = []
        # One-figure comparisons (one arm, or a gap) first: when the paper holds only one or two
        # figures per kind, every kind still prints something, and pairs follow when room allows.
        for c in sorted(group.comparisons, key=lambda c: 1 if c.measure == "gap" else len(c.arms)):
            head = group.help  # under the kind's title; the PDF caps figures per heading, the same for every kind
            # On paper: the design, the scale and the caveat (e.g. crossover); notes stay on screen.
            extra = " ".join(t for t in (design_words(content, c), c.scale) if t)
            if c.measure == "gap":
                src = content.source(c.source)
                year = f", {src.year}" if src.year else ""
                arms = [FigureBlock(
                    figure_id=c.id, row=head, sentence=gap_sentence(c), cells=(),
                    population=f"Applies to: {c.population}.", source=f"Source: {src.authors}, {src.publisher}{year}.",
                    source_id=c.source, note=_label_words(c.label))]
            else:
                arms = [_arm_block(content, c, oid, head) for oid in c.arms]
            if extra:
                arms[-1] = replace(arms[-1], note=f"{arms[-1].note} {extra}")
            figures += arms
            sources.append(c.source)
        blocks.append(OptionFigures(group.kind, group.title, tuple(figures), whole=True))
    return Section("options", title, tuple(blocks))


def _surgeon(record: DecisionRecord, content: Content) -> Section:
    c, plan = record.clinical, record.fusion_plan
    blocks: list[Block] = [Item("Operation proposed", _answer(content, "procedure", c.proposed_operation))]
    if not plan.model_copy(update={"surgeon_notes": ""}).is_blank():
        blocks += [Item(label, words) for label, words in plan_lines(plan, content)]
    if c.confirmed_diagnosis:
        blocks.append(Item("Confirmed diagnosis", c.confirmed_diagnosis, free=True))
    if c.imaging_findings:
        blocks.append(Item("Imaging findings", c.imaging_findings, free=True))
    if plan.surgeon_notes:
        blocks.append(Item("Surgeon's notes", plan.surgeon_notes, free=True))
    return Section("surgeon", "The surgeon's plan", tuple(blocks))


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
    return Section("values", _page(content, "nav.values", "What matters to you"), tuple(blocks))


def sure_text(answers: SureAnswers) -> str:
    """'3 out of 4: possible decisional conflict', '4 out of 4', or how many were answered.

    Scored by ``decision.deliberation.scores.sure_score``, as on screen: an unfinished test is not scored.
    """
    result = sure_score(answers)
    if result.answered == 0:
        return NOT_ANSWERED
    if not result.complete:
        return f"{result.answered} of {SURE_MAX} questions answered, so not scored"
    text = f"{result.score} out of {SURE_MAX}"
    return text + f": {CONFLICT_FLAG}" if result.conflict else text


def _sure(record: DecisionRecord, content: Content) -> Section:
    return Section(
        "sure",
        "SURE test (are you sure of your choice?)",
        (Item("Before the visit", sure_text(record.sure.before)),
         Item("At the end of the visit", sure_text(record.sure.after))),
    )


def _questions(record: DecisionRecord, content: Content) -> Section:
    if record.questions:
        blocks: tuple[Block, ...] = (Bullets(tuple(record.questions), free=True, numbered=True),)
    else:
        blocks = (Item("Questions", NOT_ANSWERED),)
    return Section("questions", "Questions for the surgeon", blocks)


def quiz_text(record: DecisionRecord, content: Content) -> tuple[str, str | None]:
    """The quiz score (first answers) and, if any answer was changed, a line on the second tries."""
    quiz = content.deliberation.quiz
    score = score_quiz(record.quiz, quiz)
    if not score.answered:
        return NOT_ANSWERED, None
    p = content.pages
    first = p["summary.quiz_score"].format(right=score.right, answered=score.answered, total=score.total)
    changed = {q: a for q, a in record.quiz_second_tries.items() if q in record.quiz}
    if not changed:
        return first, None
    again = score_quiz(changed, quiz)
    return first, p["summary.quiz_second_tries"].format(changed=again.answered, right=again.right)


def _understanding(record: DecisionRecord, content: Content) -> Section:
    d = content.deliberation
    quiz, second = quiz_text(record, content)
    leaning = d.leaning_options.get(record.leaning, record.leaning) if record.leaning else NOT_ANSWERED
    role = d.decision_roles.get(record.decision_role, record.decision_role) if record.decision_role else NOT_ANSWERED
    blocks: list[Block] = [Item("Quiz", quiz)]
    if second:
        blocks.append(Item("Quiz, second tries", second))
    blocks += [Item("Leaning toward", leaning), Item("How you want to decide", role)]
    if record.fusion_patient_notes:
        blocks.append(Item("Your notes on fusion", record.fusion_patient_notes, free=True))
    return Section("leaning", _page(content, "nav.leaning", "Where you are leaning"), tuple(blocks))


def _baseline(record: DecisionRecord, content: Content, sources: list[str]) -> Section:
    def pain(v: int | None) -> str:
        return f"{v} out of 10" if v is not None else NOT_ANSWERED

    odi = oswestry_score(record.oswestry, content.scores)
    if odi:
        sources.append(content.scores.oswestry_source)
        parts = (f"{odi.percent:g} out of 100.", f"{odi.band}." if odi.band else "", odi.how)
        odi_text = " ".join(t for t in parts if t)
    else:
        odi_text = NOT_ANSWERED
    return Section(
        "baseline",
        "Scores at the start",
        (
            Item("Back pain", pain(record.pain_back)),
            Item("Leg pain", pain(record.pain_leg)),
            Item("Oswestry score", odi_text),
        ),
    )


def decision_text(record: DecisionRecord, content: Content) -> str:
    reached = record.decision_reached
    if reached is None:
        return content.pages.get("summary.no_decision", NOT_RECORDED)
    name = content.pages.get(f"option.{reached.choice}")
    if name is None:
        name = content.option(reached.choice).name if reached.choice in content.option_by_id else reached.choice
    return f"{name}, on {reached.on.isoformat()}"


def _decision(record: DecisionRecord, content: Content) -> Section:
    return Section("decision", "Decision reached", (Item("Decision", decision_text(record, content)),))
