"""The four parts of the readiness check, each judged from the record and the content's rule.

``care_part`` (symptoms and the whole span of care long enough, the kinds of care the rule asks
for, nicotine before fusion), ``helped_part`` (has the main part of the care helped?),
``limits_part`` (how much pain or the Oswestry score still limits the patient) and
``surgeon_part`` (does the scan match the symptoms?) each return a ``Part``: what is in place and
what is missing, every line saying whose rule it is. The helpers they share (which treatments
count, the span of care, the worst pain, the main part of the care) are here too; ``readiness``
puts the parts together into the verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from decision.content import Content, Policy, Requirement
from decision.content.locale_format import format_score
from decision.record import DecisionRecord, Treatment
from decision.record.oswestry import oswestry_score

PartId = Literal["care", "helped", "limits", "surgeon"]


@dataclass(frozen=True)
class Part:
    """One part of the check: what is in place and what is missing, each line saying whose rule."""

    id: PartId
    title: str
    met: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()



@dataclass(frozen=True)
class CareSpan:
    """How long the care has lasted, in weeks, and how the aid knows (``None``: no weeks given)."""

    weeks: int | None
    how: Literal["told", "estimated", "capped", "not_answered"]



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



def care_part(record: DecisionRecord, content: Content, policy: Policy, sources: list[str]) -> Part:
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


def helped_part(record: DecisionRecord, content: Content, sources: list[str]) -> Part:
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


def limits_part(record: DecisionRecord, content: Content, sources: list[str]) -> Part:
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
        met.append(rule.oswestry_ok.format(score=format_score(score, content.lang), whose=rule.oswestry_whose))
    if met:
        return Part("limits", title, met=tuple(met))
    both = whose.format(whose=f"{rule.pain_whose}; {rule.oswestry_whose}")
    if pain is None and score is None:
        return Part("limits", title, missing=(f"{rule.not_answered} {both}",))
    said = [rule.mild]
    said.append(rule.add_pain if pain is None else rule.pain_low.format(pain=pain))
    said.append(rule.add_oswestry if score is None
                else rule.oswestry_low.format(score=format_score(score, content.lang)))
    said.append(both)
    return Part("limits", title, missing=(" ".join(said),))


def surgeon_part(record: DecisionRecord, content: Content, sources: list[str]) -> tuple[Part, tuple[str, ...]]:
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

