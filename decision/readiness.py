"""The safety screen first, then: does the non-operative care so far match what many guidelines
and insurers ask for, for the operation being considered?

The thresholds are data (``content/readiness.yaml``, ``content/red_flags.yaml``), each with its
source and whose rule it is; this module only applies them. A red flag at ``emergency`` or
``urgent`` bypasses everything else (NICE CKS, GIRFT and payer policies all waive the
conservative-care rule; shared/evidence/nonoperative-and-red-flags.md section 2). A ``soon`` flag
does not stop the check. An unanswered safety screen gets no verdict at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from decision.content import Content, Level, Policy, Requirement
from decision.record import DecisionRecord, Treatment
from decision.red_flags import screen

Status = Literal["emergency", "urgent", "screen_not_done", "not_yet", "criteria_met"]


@dataclass(frozen=True)
class Assessment:
    status: Status
    red_flag: Level | None = None
    missing: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    met: tuple[str, ...] = field(default=())  # what is in place, for the page and the summary

    def as_json(self) -> dict:
        """The CLI's contract: exactly these five keys."""
        return {
            "status": self.status,
            "red_flag": self.red_flag,
            "missing": list(self.missing),
            "reasons": list(self.reasons),
            "sources": list(self.sources),
        }


def red_flag_status(record: DecisionRecord, content: Content) -> Level | None:
    """The safety screen's level: 'emergency', 'urgent', 'soon', or None."""
    result = screen(record, content)
    return result.level if result else None


def fitting_procedures(diagnosis: str | None, content: Content) -> list[str]:
    return list(dict.fromkeys(p.procedure for p in content.readiness.policies if diagnosis in p.diagnoses))


def _counting(record: DecisionRecord, content: Content) -> list[Treatment]:
    """Treatments that can count: not on the never-count list, and given for at least a week."""
    return [t for t in record.treatments if t.kind not in content.readiness.not_counting and (t.weeks or 0) > 0]


def program_weeks(record: DecisionRecord, content: Content) -> int:
    """A program's length is its longest active or supervised part; a medicine alone never counts."""
    kinds = content.readiness.length_kinds
    return max((t.weeks or 0 for t in _counting(record, content) if t.kind in kinds), default=0)


def _long_enough(requirement: Requirement, t: Treatment) -> bool:
    weeks_needed = requirement.min_weeks_by_kind.get(t.kind, requirement.min_weeks)
    if weeks_needed is None and requirement.min_visits is None:
        return True
    if weeks_needed is not None and (t.weeks or 0) >= weeks_needed:
        return True
    # Visits count only when they fell within the stated period (SelectHealth: 12 in 6 weeks).
    # A course longer than the period has already met the weeks rule, if it has one.
    return (
        requirement.min_visits is not None
        and (t.visits or 0) >= requirement.min_visits
        and (t.weeks or 0) <= (requirement.visits_within_weeks or 0)
    )


def _meets(requirement: Requirement, treatments: list[Treatment], content: Content) -> bool:
    category = {kind: name for name, kinds in content.readiness.categories.items() for kind in kinds}
    found = {category[t.kind] for t in treatments if t.kind in requirement.any_of and _long_enough(requirement, t)}
    return len(found) >= requirement.min_distinct


def _fill(template: str, **values) -> str:
    return template.format(**values)


def assess(record: DecisionRecord, content: Content) -> Assessment:
    r = content.readiness
    msg = r.messages
    flagged = screen(record, content)
    if flagged and flagged.pauses_the_walk:
        return Assessment(
            status=flagged.level,  # type: ignore[arg-type]  # a level that pauses the walk: emergency or urgent
            red_flag=flagged.level,
            reasons=(flagged.action.message, *flagged.why, *flagged.ticked),
            sources=flagged.sources,
        )
    level = flagged.level if flagged else None
    # A 'soon' note leads the reasons, and the check goes on.
    lead: list[str] = [flagged.action.message, *flagged.why] if flagged else []
    reasons: list[str] = []
    sources: list[str] = list(flagged.sources) if flagged else []

    def result(status: Status, missing=(), met=()) -> Assessment:
        said = (*lead, *([msg["met"]] if status == "criteria_met" else []), *reasons)
        return Assessment(status, level, tuple(missing), said, tuple(dict.fromkeys(sources)), tuple(met))

    if not record.safety_screen_done:
        return result("screen_not_done", [msg["screen_not_done"]])

    if record.symptom_weeks is not None and record.symptom_weeks < r.early_pain_weeks:
        reasons.append(r.early_pain_advice)
        sources.extend(r.early_pain_sources)
    for t in record.treatments:
        if t.kind in r.not_counting:
            reasons.append(r.not_counting[t.kind].reason)
            sources.extend(r.not_counting[t.kind].sources)

    if record.diagnosis in (None, "not_sure"):
        return result("not_yet", [msg["no_diagnosis"]])

    fits = fitting_procedures(record.diagnosis, content)
    if record.procedure in (None, "none_yet"):
        reasons.append(_fill(msg["fits_diagnosis"], operations=_join(_procedure_names(fits, content))))
        return result("not_yet", [msg["no_procedure"]])

    policy = content.policy(record.procedure, record.diagnosis)
    if policy is None:
        return result("not_yet", [
            _fill(
                msg["mismatch"],
                operation=_procedure_names([record.procedure], content)[0],
                diagnosis=content.pages.get(f"diagnosis.{record.diagnosis}", record.diagnosis),
                operations=_join(_procedure_names(fits, content)),
            )
        ])

    met, missing = _judge_program(record, content, policy)
    reasons.extend(policy.notes)
    sources.extend(policy.sources)
    return result("not_yet" if missing else "criteria_met", missing, met)


def _judge_program(record: DecisionRecord, content: Content, policy: Policy) -> tuple[list[str], list[str]]:
    msg = content.readiness.messages
    met: list[str] = []
    missing: list[str] = []
    whose = policy.whose
    if record.symptom_weeks is None:
        missing.append(_fill(msg["symptom_weeks_unknown"], weeks=policy.min_weeks, whose=whose))
    elif record.symptom_weeks < policy.min_weeks:
        missing.append(_fill(msg["symptoms_too_short"], weeks=policy.min_weeks, have=record.symptom_weeks, whose=whose))
    else:
        met.append(_fill(msg["symptoms_ok"], have=record.symptom_weeks, weeks=policy.min_weeks, whose=whose))
    weeks = program_weeks(record, content)
    if weeks < policy.min_weeks:
        missing.append(_fill(msg["program_too_short"], weeks=policy.min_weeks, have=weeks, whose=whose))
    else:
        met.append(_fill(msg["program_ok"], have=weeks, weeks=policy.min_weeks, whose=whose))
    counting = _counting(record, content)
    for req in policy.requirements:
        ok = _meets(req, counting, content)
        (met if ok else missing).append(f"{req.met if ok else req.missing} {_fill(msg['whose'], whose=req.whose)}")
    if policy.nicotine_free_weeks is not None:
        ok, line = _nicotine(record, content, policy.nicotine_free_weeks)
        (met if ok else missing).append(line)
    return met, missing


def _nicotine(record: DecisionRecord, content: Content, weeks: int) -> tuple[bool, str]:
    n = content.readiness.nicotine
    whose = _fill(content.readiness.messages["whose"], whose=n.whose)
    if record.nicotine is None:
        return False, f"{n.not_asked} {whose}"
    if record.nicotine == "current":
        return False, f"{_fill(n.current, weeks=weeks)} {whose}"
    if record.nicotine == "stopped" and (record.nicotine_free_weeks or 0) < weeks:
        return False, f"{_fill(n.too_recent, weeks=weeks, have=record.nicotine_free_weeks or 0)} {whose}"
    return True, f"{_fill(n.met, weeks=weeks)} {whose}"


def _procedure_names(procedures: list[str], content: Content) -> list[str]:
    return [content.pages.get(f"procedure.{p}", p) for p in procedures]


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]
