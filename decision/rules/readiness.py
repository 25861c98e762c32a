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

Each part is judged in ``readiness_parts``; this module holds the verdict (``Assessment``) and
``assess``, which runs the screen, the questions asked first and then the four parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from decision.content import Content, Level, Readiness
from decision.record import DecisionRecord
from decision.rules.readiness_parts import Part, care_part, helped_part, limits_part, surgeon_part
from decision.rules.red_flags import Screen, screen

Status = Literal["screen_not_done", "emergency", "urgent", "soon", "not_yet", "criteria_met"]


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


def red_flag_status(record: DecisionRecord, content: Content) -> Level | None:
    """The safety screen's level: 'emergency', 'urgent', 'soon', or None."""
    result = screen(record, content)
    return result.level if result else None


def fitting_procedures(diagnosis: str | None, content: Content) -> list[str]:
    return list(dict.fromkeys(p.procedure for p in content.readiness.policies if diagnosis in p.diagnoses))


def assess(record: DecisionRecord, content: Content) -> Assessment:
    r = content.readiness
    msg = r.messages
    flagged = screen(record, content)
    if flagged:
        return _suspended(flagged, r)
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

    _notes_on_care(record, r, reasons, sources)

    if record.diagnosis in (None, "not_sure"):
        return result("not_yet", [msg["no_diagnosis"]])

    fits = fitting_procedures(record.diagnosis, content)
    if record.procedure in (None, "none_yet"):
        reasons.append(msg["fits_diagnosis"].format(operations=_join(_procedure_names(fits, content), content)))
        return result("not_yet", [msg["no_procedure"]])

    policy = content.policy(record.procedure, record.diagnosis)
    if policy is None:
        return result("not_yet", [
            msg["mismatch"].format(
                operation=_procedure_names([record.procedure], content)[0],
                diagnosis=content.pages.get(f"diagnosis.{record.diagnosis}", record.diagnosis),
                operations=_join(_procedure_names(fits, content), content),
            )
        ])

    parts: tuple[Part, ...] = (
        care_part(record, content, policy, sources),
        helped_part(record, content, sources),
        limits_part(record, content, sources),
    )
    surgeon, to_confirm = surgeon_part(record, content, sources)
    parts += (surgeon,)
    missing = [line for part in parts for line in part.missing]
    reasons.extend(policy.notes)
    sources.extend(policy.sources)
    return result("not_yet" if missing else "criteria_met", missing, parts, to_confirm, policy)


def _suspended(flagged: Screen, r: Readiness) -> Assessment:
    """Any sign, 'soon' included, suspends the check until a doctor has seen the sign (NR 1.4)."""
    return Assessment(
        status=flagged.level,
        red_flag=flagged.level,
        reasons=(flagged.action.message, *flagged.why, r.not_judged, *flagged.ticked),
        sources=flagged.sources,
    )


def _notes_on_care(record: DecisionRecord, r: Readiness, reasons: list[str], sources: list[str]) -> None:
    """What the check says about the care whatever the verdict: pain too new for an operation, and
    each treatment that never counts, with its reason."""
    if record.symptom_weeks is not None and record.symptom_weeks < r.early_pain_weeks:
        reasons.append(r.early_pain_advice)
        sources.extend(r.early_pain_sources)
    for t in record.treatments:
        if t.kind in r.not_counting:
            reasons.append(r.not_counting[t.kind].reason)
            sources.extend(r.not_counting[t.kind].sources)


def _procedure_names(procedures: list[str], content: Content) -> list[str]:
    return [content.pages.get(f"procedure.{p}", p) for p in procedures]


def _join(items: list[str], content: Content) -> str:
    """"a, b or c" in content's words (list.or: "{first} or {last}"), so the Spanish says "o" (issue 26)."""
    if len(items) <= 1:
        return "".join(items)
    return content.pages["list.or"].format(first=", ".join(items[:-1]), last=items[-1])
