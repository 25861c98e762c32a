"""The safety check and the readiness check: the result on page 1, and why on the pages after.

Page 1 says the readiness result and what is missing, or, with a ticked sign, that the check
waits for a doctor. The detail (what is in place, whose rule each line is, and what a met result
does not mean) follows with the answers. With no sign ticked, the safety section says so.
"""

from __future__ import annotations

from decision.content import Content
from decision.output.summary.model import Block, Bullets, Item, Paragraph, Section
from decision.output.summary.words import not_answered
from decision.record import DecisionRecord
from decision.rules.readiness import Assessment


def _safety(record: DecisionRecord, content: Content) -> Section:
    p = content.pages
    value = content.red_flags.none_apply if record.safety_screen_done else not_answered(content)
    return Section("safety", p["visit.safety"], (Item(p["summary.urgent_signs"], value),))


def _readiness(content: Content, result: Assessment) -> Section:
    """Page 1: the result, and what is missing; with a ticked sign, that it waits for the doctor."""
    p = content.pages
    title = content.readiness.status_titles.get(result.status, result.status)
    blocks: list[Block] = [Item(p["summary.result"], title)]
    if result.red_flag:
        # Any ticked sign suspends the check until a doctor has seen it (NR 1.4).
        blocks.append(Paragraph(content.readiness.not_judged))
    elif result.missing:
        blocks += [Paragraph(p["summary.missing"], strong=True), Bullets(result.missing)]
    if not result.red_flag and result.surgeon_to_confirm:
        blocks += [Paragraph(content.readiness.messages["surgeon_to_confirm"], strong=True),
                   Bullets(result.surgeon_to_confirm)]
    return Section("readiness", p["visit.readiness"], tuple(blocks))


def _readiness_detail(content: Content, result: Assessment) -> Section:
    p = content.pages
    blocks: list[Block] = []  # the result itself is on page 1
    # One list, in the order of the parts (care, helped, limits, surgeon), each line saying whose
    # rule it is. The screen shows each part under its own title; on paper the titles would take
    # the room of the figures (issue 20 doubled these lines; the page budget is 3 pages).
    if result.met:
        blocks += [Paragraph(p["summary.in_place"], strong=True), Bullets(result.met)]
    # When met, what it does not mean (for long-term back pain, UK guidance too) in one line; the
    # longer met sentence is on the screen. The aid informs; it never recommends an operation.
    reasons = (result.caveat, *result.reasons[1:]) if result.status == "criteria_met" else result.reasons
    blocks += [Paragraph(r) for r in reasons]
    return Section("readiness_detail", p["summary.readiness_why"], tuple(blocks))
