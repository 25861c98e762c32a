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
from decision.content.locale_format import format_date
from decision.deliberation import SURE_MAX, sure_score
from decision.output.summary.model import Block, Item, Paragraph, Section
from decision.output.summary.words import _answer, _page, not_answered, not_recorded
from decision.record import DecisionRecord, SureAnswers

OPTION_IDS = frozenset(get_args(OptionId))


def decision_text(record: DecisionRecord, content: Content) -> str:
    reached = record.decision_reached
    if reached is None:
        return content.pages.get("summary.no_decision") or not_recorded(content)
    name = content.pages.get(f"option.{reached.choice}")
    if name is None:
        name = content.option(reached.choice).name if reached.choice in content.option_by_id else reached.choice
    return content.pages["summary.decision_on"].format(choice=name, day=format_date(reached.on, content.lang))


def leaning_text(record: DecisionRecord, content: Content) -> str:
    """The patient's leaning in the content's words, or "Not answered"."""
    d = content.deliberation
    return d.leaning_options.get(record.leaning, record.leaning) if record.leaning else not_answered(content)


def leaning_differs(record: DecisionRecord) -> bool:
    """True when the decision names an option and the leaning names another one. "Not sure yet",
    "more time needed" and an unanswered leaning differ from nothing: the leaning is shown, unmarked."""
    reached, leaning = record.decision_reached, record.leaning
    return (reached is not None and reached.choice in OPTION_IDS and leaning in OPTION_IDS
            and leaning != reached.choice)


def _decision(record: DecisionRecord, content: Content) -> Section:
    p = content.pages
    blocks: list[Block] = [Item(p["summary.decision"], decision_text(record, content)),
                           Item(p["visit.leaning"], leaning_text(record, content))]
    if leaning_differs(record):
        blocks.append(Paragraph(content.pages["summary.leaning_differs"], strong=True))
    return Section("decision", p["summary.decision_title"], tuple(blocks))


def _surgeon(record: DecisionRecord, content: Content) -> Section:
    c, plan, p = record.clinical, record.fusion_plan, content.pages
    blocks: list[Block] = [Item(_page(content, "visit.proposal"),
                                _answer(content, "proposal", c.proposed_operation))]
    if not plan.model_copy(update={"surgeon_notes": ""}).is_blank():
        # One line, as on the Visit page: page 1 has room for the level(s) and the next step too.
        blocks.append(Item(_page(content, "visit.fusion_plan"),
                           "; ".join(f"{label}: {words}" for label, words in plan_lines(plan, content))))
    if c.next_step is not None:
        blocks.append(Item(_page(content, "visit.next_step"), _answer(content, "next_step", c.next_step)))
    if c.levels:
        blocks.append(Item(_page(content, "visit.levels"), c.levels, free=True))
    if c.confirmed_diagnosis:
        blocks.append(Item(p["your_back.confirmed_diagnosis"], c.confirmed_diagnosis, free=True))
    if c.imaging_findings:
        blocks.append(Item(p["your_back.imaging_findings"], c.imaging_findings, free=True))
    if plan.surgeon_notes:
        blocks.append(Item(p["summary.surgeon_notes"], plan.surgeon_notes, free=True, whole=True))
    return Section("surgeon", p["summary.surgeon_plan"], tuple(blocks))


def sure_text(answers: SureAnswers, content: Content) -> str:
    """'3 out of 4: possible decisional conflict', '4 out of 4', or how many were answered.

    Scored by ``decision.deliberation.sure_score``, as on screen: an unfinished test is not scored.
    """
    result, p = sure_score(answers), content.pages
    if result.answered == 0:
        return not_answered(content)
    if not result.complete:
        return p["summary.sure_partial"].format(answered=result.answered, total=SURE_MAX)
    return p["summary.sure_conflict" if result.conflict else "summary.sure_score"].format(
        score=result.score, total=SURE_MAX)


def _sure(record: DecisionRecord, content: Content) -> Section:
    p = content.pages
    return Section(
        "sure",
        p["summary.sure_title"],
        (Item(p["summary.sure_before"], sure_text(record.sure.before, content)),
         Item(p["summary.sure_after"], sure_text(record.sure.after, content))),
    )
