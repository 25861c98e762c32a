"""What the clinic visit settles, on page 1: the decision reached, the surgeon's plan, the SURE test.

The decision reached (or that there is none yet) with the patient's leaning beside it, and a mark
in words when the two name different options (issue 23: the chart sees at once that the visit
changed the patient's mind, or did not); what the surgeon proposes (an operation, care without
surgery or more time) with the fusion plan, the next step, the level(s) of the spine and the
surgeon's own words (typed text, so marked ``free``), and the SURE test
before and at the end of the visit, scored as on screen: an unfinished test is not scored.
"""

from __future__ import annotations

from typing import get_args

from decision.compare.fusion_plan import plan_lines
from decision.content import Content, OptionId
from decision.deliberation import SURE_MAX, sure_score
from decision.output.summary.model import Block, Item, Paragraph, Section
from decision.output.summary.words import NOT_ANSWERED, NOT_RECORDED, _answer, _page
from decision.record import DecisionRecord, SureAnswers

CONFLICT_FLAG = "possible decisional conflict"
OPTION_IDS = frozenset(get_args(OptionId))


def decision_text(record: DecisionRecord, content: Content) -> str:
    reached = record.decision_reached
    if reached is None:
        return content.pages.get("summary.no_decision", NOT_RECORDED)
    name = content.pages.get(f"option.{reached.choice}")
    if name is None:
        name = content.option(reached.choice).name if reached.choice in content.option_by_id else reached.choice
    return f"{name}, on {reached.on.isoformat()}"


def leaning_text(record: DecisionRecord, content: Content) -> str:
    """The patient's leaning in the content's words, or "Not answered"."""
    d = content.deliberation
    return d.leaning_options.get(record.leaning, record.leaning) if record.leaning else NOT_ANSWERED


def leaning_differs(record: DecisionRecord) -> bool:
    """True when the decision names an option and the leaning names another one. "Not sure yet",
    "more time needed" and an unanswered leaning differ from nothing: the leaning is shown, unmarked."""
    reached, leaning = record.decision_reached, record.leaning
    return (reached is not None and reached.choice in OPTION_IDS and leaning in OPTION_IDS
            and leaning != reached.choice)


def _decision(record: DecisionRecord, content: Content) -> Section:
    blocks: list[Block] = [Item("Decision", decision_text(record, content)),
                           Item("Leaning toward", leaning_text(record, content))]
    if leaning_differs(record):
        blocks.append(Paragraph(content.pages["summary.leaning_differs"], strong=True))
    return Section("decision", "Decision reached", tuple(blocks))


def _surgeon(record: DecisionRecord, content: Content) -> Section:
    c, plan = record.clinical, record.fusion_plan
    blocks: list[Block] = [Item(_page(content, "visit.proposal", "Surgeon's proposal"),
                                _answer(content, "proposal", c.proposed_operation))]
    if not plan.model_copy(update={"surgeon_notes": ""}).is_blank():
        # One line, as on the Visit page: page 1 has room for the level(s) and the next step too.
        blocks.append(Item(_page(content, "visit.fusion_plan", "Fusion plan"),
                           "; ".join(f"{label}: {words}" for label, words in plan_lines(plan, content))))
    if c.next_step is not None:
        blocks.append(Item(_page(content, "visit.next_step", "Next step"), _answer(content, "next_step", c.next_step)))
    if c.levels:
        blocks.append(Item(_page(content, "visit.levels", "Levels of the spine"), c.levels, free=True))
    if c.confirmed_diagnosis:
        blocks.append(Item("Confirmed diagnosis", c.confirmed_diagnosis, free=True))
    if c.imaging_findings:
        blocks.append(Item("Imaging findings", c.imaging_findings, free=True))
    if plan.surgeon_notes:
        blocks.append(Item("Surgeon's notes", plan.surgeon_notes, free=True, whole=True))
    return Section("surgeon", "The surgeon's plan", tuple(blocks))


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


def _sure(record: DecisionRecord, content: Content) -> Section:
    return Section(
        "sure",
        "SURE test (are you sure of your choice?)",
        (Item("Before the visit", sure_text(record.sure.before)),
         Item("At the end of the visit", sure_text(record.sure.after))),
    )
