"""The safety screen first, then: for the operation being considered, does the care so far match
what many guidelines and insurers ask for, and is an operation still needed?

Readiness judges need in four parts (issue 20; shared/evidence/nonoperative-and-red-flags.md
sections 1.2-1.4, "generic 'failed conservative care' is not enough"):

1. *Your care*: symptoms long enough, the **whole span** of care long enough (estimated from the
   parts unless the patient gives it), the kinds of care the rule asks for, nicotine before fusion.
2. *Has it helped?*: care that is helping ("yes" on its main part) is a reason to go on: not yet.
3. *How much it still limits you*: pain or the Oswestry score above a named threshold; mild or
   unanswered is never met.
4. *Your surgeon's part*: whether the scan matches the symptoms; at home it is listed for the
   surgeon to confirm, and "no" gives not yet.

The thresholds and every sentence are data (``content/readiness.yaml``, each with whose rule it is
and its sources); this module only applies them. **Any** ticked sign on the safety screen, ``soon``
included, suspends the check: its status is the sign's level (NR 1.4: "not applicable / bypass
whenever a red flag is present"). An unanswered safety screen gets no verdict at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from decision.content import Content, Level, Policy, Requirement
from decision.record import DecisionRecord, Treatment
from decision.record.oswestry import oswestry_score
from decision.rules.red_flags import screen

Status = Literal["screen_not_done", "emergency", "urgent", "soon", "not_yet", "criteria_met"]
PartId = Literal["care", "helped", "limits", "surgeon"]


@dataclass(frozen=True)
class Part:
    """One part of the check: what is in place and what is missing, each line saying whose rule."""

    id: PartId
    title: str
    met: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class Assessment:
    status: Status
    red_flag: Level | None = None
    missing: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    met: tuple[str, ...] = field(default=())  # what is in place, for the page and the summary
    surgeon_to_confirm: tuple[str, ...] = ()  # what only the surgeon can judge, not yet judged
    parts: tuple[Part, ...] = ()  # the same lines as met and missing, part by part
    caveat: str = ""  # when met: what it does not mean, in one line (page 1 of the summary)

    def as_json(self) -> dict:
        """The CLI's contract: exactly these six keys."""
        return {
            "status": self.status,
            "red_flag": self.red_flag,
            "missing": list(self.missing),
            "reasons": list(self.reasons),
            "sources": list(self.sources),
            "surgeon_to_confirm": list(self.surgeon_to_confirm),
        }


@dataclass(frozen=True)
class CareSpan:
    """How long the care has lasted, in weeks, and how the aid knows (``None``: no weeks given)."""

    weeks: int | None
    how: Literal["told", "estimated", "capped", "not_answered"]


def red_flag_status(record: DecisionRecord, content: Content) -> Level | None:
    """The safety screen's level: 'emergency', 'urgent', 'soon', or None."""
    result = screen(record, content)
    return result.level if result else None


def fitting_procedures(diagnosis: str | None, content: Content) -> list[str]:
    return list(dict.fromkeys(p.procedure for p in content.readiness.policies if diagnosis in p.diagnoses))


def _counting(record: DecisionRecord, content: Content) -> list[Treatment]:
    """Treatments that can count: not on the never-count list, and given for at least a week."""
    return [t for t in record.treatments if t.kind not in content.readiness.not_counting and (t.weeks or 0) > 0]


def care_span(record: DecisionRecord, content: Content, policy: Policy) -> CareSpan:
    """The whole span of care: the patient's own total if given, else the sum of the weeks of the
    parts the rule counts; never more than the weeks of symptoms (care cannot start before them)."""
    cap = record.symptom_weeks
    if record.care_weeks is not None:
        if cap is not None and record.care_weeks > cap:
            return CareSpan(cap, "capped")
        return CareSpan(record.care_weeks, "told")
    parts = [t.weeks or 0 for t in _counting(record, content) if t.kind in policy.span_kinds]
    if not parts:
        return CareSpan(None, "not_answered")
    if cap is not None and sum(parts) > cap:
        return CareSpan(cap, "capped")
    return CareSpan(sum(parts), "estimated")


def worst_pain(record: DecisionRecord) -> int | None:
    rated = [p for p in (record.pain_back, record.pain_leg) if p is not None]
    return max(rated) if rated else None


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


def _meets(requirement: Requirement, record: DecisionRecord, content: Content) -> tuple[bool, bool]:
    """(met, met only because the medicines are not safe for the patient)."""
    r = content.readiness
    category = {kind: name for name, kinds in r.categories.items() for kind in kinds}
    found = {category[t.kind] for t in _counting(record, content)
             if t.kind in requirement.any_of and _long_enough(requirement, t)}
    if len(found) >= requirement.min_distinct:
        return True, False
    if requirement.medicines_unsuitable_counts and record.medicines_unsuitable:
        found |= {category[k] for k in r.medicines_unsuitable.kinds if k in requirement.any_of}
        return len(found) >= requirement.min_distinct, True
    return False, False


def assess(record: DecisionRecord, content: Content) -> Assessment:
    r = content.readiness
    msg = r.messages
    flagged = screen(record, content)
    if flagged:
        # Any sign, 'soon' included, suspends the check until a doctor has seen the sign (NR 1.4).
        return Assessment(
            status=flagged.level,
            red_flag=flagged.level,
            reasons=(flagged.action.message, *flagged.why, r.not_judged, *flagged.ticked),
            sources=flagged.sources,
        )
    reasons: list[str] = []
    sources: list[str] = []

    def result(status: Status, missing=(), parts: tuple[Part, ...] = (), to_confirm=(), policy=None) -> Assessment:
        met_message = policy.met_message if policy else None
        caveat = ((policy.met_caveat if policy else None) or msg["met_caveat"]) if status == "criteria_met" else ""
        said = (*([met_message or msg["met"]] if status == "criteria_met" else []), *reasons)
        if status == "criteria_met" and to_confirm:
            said = (*said, msg["surgeon_to_confirm"], *to_confirm)
        met = tuple(line for part in parts for line in part.met)
        return Assessment(status, None, tuple(missing), said, tuple(dict.fromkeys(sources)), met, tuple(to_confirm),
                          parts, caveat)

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
        reasons.append(msg["fits_diagnosis"].format(operations=_join(_procedure_names(fits, content))))
        return result("not_yet", [msg["no_procedure"]])

    policy = content.policy(record.procedure, record.diagnosis)
    if policy is None:
        return result("not_yet", [
            msg["mismatch"].format(
                operation=_procedure_names([record.procedure], content)[0],
                diagnosis=content.pages.get(f"diagnosis.{record.diagnosis}", record.diagnosis),
                operations=_join(_procedure_names(fits, content)),
            )
        ])

    parts: tuple[Part, ...] = (
        _care(record, content, policy, sources),
        _helped(record, content, sources),
        _limits(record, content, sources),
    )
    surgeon, to_confirm = _surgeon(record, content, sources)
    parts += (surgeon,)
    missing = [line for part in parts for line in part.missing]
    reasons.extend(policy.notes)
    sources.extend(policy.sources)
    return result("not_yet" if missing else "criteria_met", missing, parts, to_confirm, policy)


def _care(record: DecisionRecord, content: Content, policy: Policy, sources: list[str]) -> Part:
    r = content.readiness
    msg, span_text = r.messages, r.span
    met: list[str] = []
    missing: list[str] = []
    whose = policy.whose
    if record.symptom_weeks is None:
        missing.append(msg["symptom_weeks_unknown"].format(weeks=policy.min_weeks, whose=whose))
    elif record.symptom_weeks < policy.min_weeks:
        missing.append(msg["symptoms_too_short"].format(weeks=policy.min_weeks, have=record.symptom_weeks, whose=whose))
    else:
        met.append(msg["symptoms_ok"].format(have=record.symptom_weeks, weeks=policy.min_weeks, whose=whose))

    span = care_span(record, content, policy)
    if span.weeks is None:
        missing.append(f"{span_text.not_answered} {msg['whose'].format(whose=whose)}")
    else:
        how = {"told": span_text.told, "estimated": span_text.estimated, "capped": span_text.capped}[span.how]
        enough = span.weeks >= policy.min_weeks
        template = span_text.ok if enough else span_text.too_short
        line = template.format(have=span.weeks, weeks=policy.min_weeks, whose=whose)
        (met if enough else missing).append(f"{line} {how.format(weeks=span.weeks)}")

    pain = worst_pain(record)
    unsuitable_used = False
    for req in policy.requirements:
        ok, by_unsuitability = _meets(req, record, content)
        unsuitable_used |= by_unsuitability and ok
        whose_req = msg["whose"].format(whose=req.whose)
        if ok:
            met.append(f"{req.met} {whose_req}")
        elif req.waiver is not None and pain is not None and pain >= req.waiver.pain_at_least:
            met.append(f"{req.waiver.text} {whose_req}")
            sources.extend(req.waiver.sources)
        else:
            missing.append(f"{req.missing} {whose_req}")
    if unsuitable_used:
        met.append(f"{r.medicines_unsuitable.met} {msg['whose'].format(whose=r.medicines_unsuitable.whose)}")
    if policy.nicotine_free_weeks is not None:
        ok, line = _nicotine(record, content, policy.nicotine_free_weeks)
        (met if ok else missing).append(line)
    return Part("care", r.part_titles["care"], tuple(met), tuple(missing))


def main_part(record: DecisionRecord, content: Content) -> Treatment | None:
    """The main part of the care: the longest active part (exercise, therapy, a program), else the
    longest part of any kind that counts."""
    counting = _counting(record, content)
    active = [t for t in counting if t.kind in content.readiness.helped.main_kinds]
    return max(active or counting, key=lambda t: t.weeks or 0, default=None)


def _helped(record: DecisionRecord, content: Content, sources: list[str]) -> Part:
    r = content.readiness
    rule = r.helped
    whose = r.messages["whose"].format(whose=rule.whose)
    title = r.part_titles["helped"]
    main = main_part(record, content)
    sources.extend(rule.sources)
    if main is None:
        return Part("helped", title, missing=(f"{rule.nothing_tried} {whose}",))
    name = content.program.treatment_names.get(main.kind, main.kind)
    if main.helped is None:
        return Part("helped", title, missing=(f"{rule.not_answered.format(part=name)} {whose}",))
    text = {"yes": rule.yes, "partly": rule.partly, "no": rule.no, "not_sure": rule.not_sure}[main.helped]
    line = f"{text.format(part=name)} {whose}"
    if main.helped == "yes":
        sources.extend(rule.yes_sources)
    if main.helped in ("partly", "no"):
        return Part("helped", title, met=(line,))
    return Part("helped", title, missing=(line,))


def _limits(record: DecisionRecord, content: Content, sources: list[str]) -> Part:
    r = content.readiness
    rule = r.limits
    whose = r.messages["whose"]
    title = r.part_titles["limits"]
    sources.extend(rule.sources)
    pain = worst_pain(record)
    odi = oswestry_score(record.oswestry, content.scores)
    score = None if odi is None else odi.percent
    met = []
    if pain is not None and pain >= rule.pain_at_least:
        met.append(rule.pain_ok.format(pain=pain, whose=rule.pain_whose))
    # The bands are whole numbers (0-20 is minimal): a score is read as its band reads it.
    if score is not None and round(score) > rule.oswestry_above:
        met.append(rule.oswestry_ok.format(score=f"{score:g}", whose=rule.oswestry_whose))
    if met:
        return Part("limits", title, met=tuple(met))
    both = whose.format(whose=f"{rule.pain_whose}; {rule.oswestry_whose}")
    if pain is None and score is None:
        return Part("limits", title, missing=(f"{rule.not_answered} {both}",))
    said = [rule.mild]
    said.append(rule.add_pain if pain is None else rule.pain_low.format(pain=pain))
    said.append(rule.add_oswestry if score is None else rule.oswestry_low.format(score=f"{score:g}"))
    said.append(both)
    return Part("limits", title, missing=(" ".join(said),))


def _surgeon(record: DecisionRecord, content: Content, sources: list[str]) -> tuple[Part, tuple[str, ...]]:
    r = content.readiness
    rule = r.surgeon
    whose = r.messages["whose"].format(whose=rule.whose)
    title = r.part_titles["surgeon"]
    answer = record.clinical.imaging_matches
    if answer in ("yes", "no"):
        sources.extend(rule.sources)
    if answer == "yes":
        return Part("surgeon", title, met=(f"{rule.yes} {whose}",)), ()
    if answer == "no":
        return Part("surgeon", title, missing=(f"{rule.no} {whose}",)), ()
    return Part("surgeon", title), (rule.to_confirm,)


def _nicotine(record: DecisionRecord, content: Content, weeks: int) -> tuple[bool, str]:
    n = content.readiness.nicotine
    whose = content.readiness.messages["whose"].format(whose=n.whose)
    if record.nicotine is None:
        return False, f"{n.not_asked} {whose}"
    if record.nicotine == "current":
        return False, f"{n.current.format(weeks=weeks)} {whose}"
    if record.nicotine == "stopped" and (record.nicotine_free_weeks or 0) < weeks:
        return False, f"{n.too_recent.format(weeks=weeks, have=record.nicotine_free_weeks or 0)} {whose}"
    return True, f"{n.met.format(weeks=weeks)} {whose}"


def _procedure_names(procedures: list[str], content: Content) -> list[str]:
    return [content.pages.get(f"procedure.{p}", p) for p in procedures]


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]
