"""Red flags first, then: was a serious non-operative program tried for the operation considered?

The thresholds are data (``content/readiness.yaml``, ``content/red_flags.yaml``), each with its
source; this module only applies them. Red flags bypass everything else (NICE CKS, GIRFT, and
payer policies all waive the conservative-care rule for cauda equina and progressive weakness;
see ``shared/evidence/nonoperative-and-red-flags.md`` section 2).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from decision.content import Content, Policy, Requirement
from decision.record import DecisionRecord, Treatment

Status = Literal["emergency", "urgent", "not_yet", "criteria_met"]

ACTIVE_EXERCISE = ("physical_therapy", "home_exercise")


@dataclass(frozen=True)
class Assessment:
    status: Status
    missing: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    met: tuple[str, ...] = field(default=())  # what is in place, for the page and the summary

    def as_json(self) -> dict:
        """The CLI's contract: exactly these four keys."""
        return {
            "status": self.status,
            "missing": list(self.missing),
            "reasons": list(self.reasons),
            "sources": list(self.sources),
        }


def red_flag_status(record: DecisionRecord, content: Content) -> Status | None:
    """'emergency' for any cauda equina sign, 'urgent' for any other red flag, else None."""
    groups = {f.id: f.group for f in content.red_flags.flags}
    ticked = [groups[f] for f in record.red_flags if f in groups]
    if "cauda_equina" in ticked:
        return "emergency"
    if ticked:
        return "urgent"
    return None


def fitting_procedures(diagnosis: str, content: Content) -> list[str]:
    return list(dict.fromkeys(p.procedure for p in content.readiness.policies if diagnosis in p.diagnoses))


def _counting(record: DecisionRecord, content: Content) -> list[Treatment]:
    return [t for t in record.treatments if t.kind not in content.readiness.not_counting]


def program_weeks(record: DecisionRecord, content: Content) -> int:
    """A program's length is the longest qualifying treatment's weeks."""
    return max((t.weeks for t in _counting(record, content)), default=0)


def _meets(requirement: Requirement, treatments: list[Treatment]) -> bool:
    def long_enough(t: Treatment) -> bool:
        if requirement.min_weeks is None and requirement.min_visits is None:
            return True
        by_weeks = requirement.min_weeks is not None and t.weeks >= requirement.min_weeks
        by_visits = requirement.min_visits is not None and (t.visits or 0) >= requirement.min_visits
        return by_weeks or by_visits

    kinds = {t.kind for t in treatments if t.kind in requirement.any_of and long_enough(t)}
    return len(kinds) >= requirement.min_distinct


def _fill(template: str, **values) -> str:
    return template.format(**values)


def assess(record: DecisionRecord, content: Content) -> Assessment:
    r = content.readiness
    msg = r.messages
    flag = red_flag_status(record, content)
    if flag:
        action = content.red_flags.emergency if flag == "emergency" else content.red_flags.urgent
        labels = [f.question for f in content.red_flags.flags if f.id in record.red_flags]
        return Assessment(
            status=flag,
            reasons=(action.message, *labels),
            sources=action.sources,
        )

    missing: list[str] = []
    reasons: list[str] = []
    sources: list[str] = []
    if record.symptom_weeks is not None and record.symptom_weeks < r.early_pain_weeks:
        reasons.append(r.early_pain_advice)
        sources.extend(r.early_pain_sources)

    if record.diagnosis in (None, "not_sure"):  # None: not answered, read as "not sure"
        missing.append(msg["no_diagnosis"])
        return Assessment("not_yet", tuple(missing), tuple(reasons), tuple(dict.fromkeys(sources)))

    fits = fitting_procedures(record.diagnosis, content)
    if record.procedure in (None, "none_yet"):  # None: not answered, read as "none named yet"
        missing.append(msg["no_procedure"])
        reasons.append(_fill(msg["fits_diagnosis"], operations=_join(_procedure_names(fits, content))))
        return Assessment("not_yet", tuple(missing), tuple(reasons), tuple(dict.fromkeys(sources)))

    policy = content.policy(record.procedure, record.diagnosis)
    if policy is None:
        missing.append(
            _fill(
                msg["mismatch"],
                operation=_procedure_names([record.procedure], content)[0],
                diagnosis=content.pages.get(f"diagnosis.{record.diagnosis}", record.diagnosis),
                operations=_join(_procedure_names(fits, content)),
            )
        )
        return Assessment("not_yet", tuple(missing), tuple(reasons), tuple(dict.fromkeys(sources)))

    met, missing_here = _judge_program(record, content, policy)
    missing.extend(missing_here)
    reasons.extend(policy.notes)
    sources.extend(policy.sources)
    status: Status = "not_yet" if missing else "criteria_met"
    if status == "criteria_met":
        reasons.insert(0, msg["met"])
    return Assessment(status, tuple(missing), tuple(reasons), tuple(dict.fromkeys(sources)), tuple(met))


def _judge_program(record: DecisionRecord, content: Content, policy: Policy) -> tuple[list[str], list[str]]:
    msg = content.readiness.messages
    met: list[str] = []
    missing: list[str] = []
    weeks = program_weeks(record, content)
    if record.symptom_weeks is None:
        missing.append(_fill(msg["symptom_weeks_unknown"], weeks=policy.min_weeks))
    elif record.symptom_weeks < policy.min_weeks:
        missing.append(_fill(msg["symptoms_too_short"], weeks=policy.min_weeks, have=record.symptom_weeks))
    else:
        met.append(_fill(msg["symptoms_ok"], have=record.symptom_weeks, weeks=policy.min_weeks))
    if weeks < policy.min_weeks:
        missing.append(_fill(msg["program_too_short"], weeks=policy.min_weeks, have=weeks))
    else:
        met.append(_fill(msg["program_ok"], have=weeks, weeks=policy.min_weeks))
    counting = _counting(record, content)
    for req in policy.requirements:
        if _meets(req, counting):
            met.append(req.met)
        else:
            missing.append(req.missing)
    return met, missing


def _procedure_names(procedures: list[str], content: Content) -> list[str]:
    return [content.pages.get(f"procedure.{p}", p) for p in procedures]


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]
