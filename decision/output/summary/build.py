"""Building the summary: the sections of a record in the order the chart needs them (issue 12).

A ticked sign leads, at every level; then page 1 (the decision, the surgeon's plan, SURE, the
readiness result, what matters, the questions), the answers, and the numbers (paused by a red
flag). The sources cited along the way become the numbered list of citations.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from decision.content import Content
from decision.content.locale_format import format_date
from decision.output.summary.answers import (
    _baseline,
    _questions,
    _treatments,
    _understanding,
    _values,
    _your_back,
)
from decision.output.summary.evidence import _options
from decision.output.summary.model import Block, Bullets, Paragraph, Part, Section, Summary
from decision.output.summary.readiness import _readiness, _readiness_detail, _safety
from decision.output.summary.situation import _situation
from decision.output.summary.visit import _decision, _sure, _surgeon
from decision.output.summary.words import not_answered
from decision.record import DecisionRecord
from decision.rules.readiness import assess
from decision.rules.red_flags import screen
from decision.version import app_version


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
        *_situation(record, content, sources),  # things that change your chances, after the worst pain
        _baseline(record, content, sources),
        _treatments(record, content),
        _understanding(record, content),
    ]
    if not result.red_flag:
        answers.append(_readiness_detail(content, result))
        sources += result.sources
    text_sources = frozenset(sources)
    figures = [] if flag else [_options(record, content, sources)]  # a red flag pauses the comparison
    m, p = content.meta, content.pages
    cited = tuple(s for s in dict.fromkeys(sources) if s in content.source_by_id)
    return Summary(
        title=p["summary.title"],
        aid_name=m.name,
        content_version=m.content_version,
        content_date=_day(m.last_review, content.lang),
        made_on=today or date.today(),
        initials=record.patient_initials or not_answered(content),
        sections=(*chart, *(_as(sec, "answers") for sec in answers), *(_as(sec, "figures") for sec in figures)),
        citations=tuple(_citation(content, s) for s in cited),
        citation_ids=cited,
        id_note=p.get("summary.identify", ""),
        continued=p.get("summary.continued", "…"),
        overleaf=p.get("summary.overleaf", ""),
        notes_overleaf=p.get("summary.notes_overleaf", ""),
        notes_continued=p.get("summary.notes_continued", ""),
        more_numbers=p.get("summary.more_numbers", ""),
        text_source_ids=text_sources,
        lang=content.lang,
        **_printout_words(record, content, today or date.today()),
    )


def _printout_words(record: DecisionRecord, content: Content, made: date) -> dict[str, Any]:
    """The printout's own words, from content: its first line, footer, signatures and headings."""
    p, m = content.pages, content.meta
    signers = (p["summary.sign_patient"], p["summary.sign_surgeon"])
    return {
        "signatures": signers,
        "signature_lines": tuple(p["summary.signature"].format(who=who) for who in signers),
        "id_lines": (p["summary.id_name"], p["summary.id_birth"], p["summary.id_record"]),
        "pdf_subject": p["summary.pdf_subject"],
        # fpdf fills {nb} (the page count); the footer fills {page} on each page
        "pdf_footer": p["summary.pdf_footer"].format(name=m.name, version=m.content_version, page="{page}",
                                                     pages="{nb}"),
        "pdf_made": p["summary.pdf_made"].format(app=app_version(), version=m.content_version,
                                                 reviewed=_day(m.last_review, content.lang),
                                                 made=format_date(made, content.lang),
                                                 initials=record.patient_initials or not_answered(content)),
        "signatures_title": p["summary.signatures"],
        "sign_date": p["summary.sign_date"],
        "sources_title": p["summary.sources"],
        "chart_copy": p["summary.chart_copy"],
        "chart_copy_footer": p["summary.chart_copy_footer"].format(name=m.name, version=m.content_version,
                                                                   page="{page}", pages="{nb}"),
        "chart_copy_rest": p["summary.chart_copy_rest"],
    }


def _citation(content: Content, source_id: str) -> str:
    """A numbered source's citation, saying in the reader's words where a secondary figure was seen."""
    src = content.source(source_id)
    return src.cite(content.pages["summary.seen_via"].format(via=src.secondary_via) if src.secondary_via else "")


def _day(iso: str, lang: str) -> str:
    """A day the content writes as ISO text (its last review), in the reader's form; as written if not a day."""
    try:
        return format_date(date.fromisoformat(iso), lang)
    except ValueError:
        return iso


def _as(section: Section, part: Part) -> Section:
    return Section(section.id, section.title, section.blocks, section.alert, part)
