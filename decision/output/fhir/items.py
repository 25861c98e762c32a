"""Every question the aid asks, as one tree of items: the Questionnaire is drawn from it, and the
QuestionnaireResponse is written and read back through it.

Each ``Spec`` is one question (or a group of them) with a stable ``linkId``: the path of its answer
in the saved record (``diagnosis``, ``clinical.imaging_findings``, ``oswestry.sections.3``,
``values.fast_leg_relief``, ``sure.after.understand``). Inside a repeating group (a treatment) the
children are named ``treatments.kind`` and so on, and their answers sit in each list entry. A
linkId only changes when the record's own field does, which bumps the record's schema version.

The words of each question are the content's own: the question the page asks where content holds
it (SURE, quiz, values, red flags, the fusion plan, nicotine, the span of care), else the
``questionnaire.*`` strings of ``content/pages.yaml``. Choice codes are the aid's own ids, local
to this Questionnaire (no external code system is claimed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from decision.content import Content, Diagnosis, OptionId
from decision.record import DecisionRecord, Procedure
from decision.record.model import NextStep, Proposal

PROCEDURES: tuple[str, ...] = get_args(Procedure)
PROPOSALS: tuple[str, ...] = get_args(Proposal)
NEXT_STEPS: tuple[str, ...] = get_args(NextStep)
WORST_PAIN: tuple[str, ...] = tuple(a for a in get_args(DecisionRecord.model_fields["worst_pain"].annotation)
                                    for a in (get_args(a) or (a,)) if isinstance(a, str))
CHOICES: tuple[str, ...] = (*get_args(OptionId), "more_time_needed")  # DecisionReached.choice
OSWESTRY_SECTIONS = 10


@dataclass(frozen=True)
class Spec:
    """One item. ``kind`` is the FHIR item type; ``options`` the (code, words) of a choice."""

    link_id: str
    kind: str  # group, boolean, integer, decimal, string, text, date, choice
    text: str
    options: tuple[tuple[str, str], ...] = ()
    repeats: bool = False
    children: tuple[Spec, ...] = ()
    numeric_codes: bool = False  # a choice whose stored value is a number where the code is digits

    @property
    def path(self) -> tuple[str | int, ...]:
        """Where the answer sits in the record's JSON (relative to a list entry inside a repeating group)."""
        parts: list[str | int] = [int(p) if p.isdigit() else p for p in self.link_id.split(".")]
        return tuple(parts[1:]) if parts[0] == "treatments" and len(parts) > 1 else tuple(parts)


def _pairs(words: dict, ids=None) -> tuple[tuple[str, str], ...]:
    return tuple((str(i), words[i]) for i in (ids if ids is not None else words))


def specs(content: Content) -> tuple[Spec, ...]:
    """The items, in the order the pages ask them."""
    return (*_start_and_back(content), *_care(content), *_compare_and_fusion(content), *_deliberation(content),
            *_clinic(content))


def _start_and_back(content: Content) -> list[Spec]:
    p = content.pages
    flags = tuple((f.id, f.question) for f in content.red_flags.flags)
    sections = tuple(Spec(f"oswestry.sections.{i}", "integer", content.scores.oswestry_sections[i])
                     for i in range(OSWESTRY_SECTIONS))
    return [
        Spec("patient_initials", "string", p["questionnaire.patient_initials"]),
        Spec("safety_screen_done", "boolean", p["questionnaire.safety_screen_done"]),
        Spec("red_flags", "choice", p["questionnaire.red_flags"], flags, repeats=True),
        Spec("diagnosis", "choice", p["questionnaire.diagnosis"],
             tuple((d, p[f"diagnosis.{d}"]) for d in get_args(Diagnosis))),
        Spec("procedure", "choice", p["questionnaire.procedure"], tuple((x, p[f"procedure.{x}"]) for x in PROCEDURES)),
        Spec("symptom_weeks", "integer", p["questionnaire.symptom_weeks"]),
        Spec("worst_pain", "choice", p["questionnaire.worst_pain"],
             tuple((x, p[f"worst_pain.{x}"]) for x in WORST_PAIN)),
        Spec("pain_back", "integer", p["questionnaire.pain_back"]),
        Spec("pain_leg", "integer", p["questionnaire.pain_leg"]),
        Spec("oswestry", "group", p["questionnaire.oswestry"],
             children=(*sections, Spec("oswestry.total_percent", "decimal", p["questionnaire.oswestry_total"]))),
    ]


def _care(content: Content) -> list[Spec]:
    p, program, r = content.pages, content.program, content.readiness
    treatment = (
        Spec("treatments.kind", "choice", p["questionnaire.treatment_kind"], _pairs(program.treatment_names)),
        Spec("treatments.weeks", "integer", p["questionnaire.treatment_weeks"]),
        Spec("treatments.visits", "integer", p["questionnaire.treatment_visits"]),
        Spec("treatments.helped", "choice", p["questionnaire.treatment_helped"], _pairs(program.helped_names)),
    )
    return [
        Spec("treatments", "group", p["questionnaire.treatments"], repeats=True, children=treatment),
        Spec("nicotine", "choice", r.nicotine.question, _pairs(r.nicotine.choices)),
        Spec("nicotine_free_weeks", "integer", r.nicotine.weeks_question),
        Spec("care_weeks", "integer", r.span.question),
        Spec("medicines_unsuitable", "boolean", r.medicines_unsuitable.question),
    ]


def _compare_and_fusion(content: Content) -> list[Spec]:
    p = content.pages
    options = tuple((o.id, o.name) for o in content.options)
    clinical = (
        Spec("clinical.confirmed_diagnosis", "text", p["fusion.confirmed_diagnosis"]),
        Spec("clinical.imaging_findings", "text", p["fusion.imaging_findings"]),
        Spec("clinical.proposed_operation", "choice", p["questionnaire.proposed_operation"],
             tuple((x, p[f"proposal.{x}"]) for x in PROPOSALS)),
        Spec("clinical.imaging_matches", "choice", p["your_back.imaging_matches"],
             _pairs(content.readiness.surgeon.choices)),
        Spec("clinical.levels", "text", p["visit.levels"]),
        Spec("clinical.next_step", "choice", p["visit.next_step"],
             tuple((x, p[f"next_step.{x}"]) for x in NEXT_STEPS)),
    )
    plan = tuple(Spec(f"fusion_plan.{f.field}", "choice", f.question, _pairs(f.values),
                      numeric_codes=f.field == "segments") for f in content.fusion.plan)
    return [
        Spec("options_compared", "choice", p["questionnaire.options_compared"], options, repeats=True),
        Spec("clinical", "group", p["questionnaire.clinical"], children=clinical),
        Spec("fusion_plan", "group", p["questionnaire.fusion_plan"],
             children=(*plan, Spec("fusion_plan.surgeon_notes", "text", p["fusion.surgeon_notes"]))),
        Spec("fusion_patient_notes", "text", p["fusion.patient_notes"]),
    ]


def _deliberation(content: Content) -> list[Spec]:
    p, d = content.pages, content.deliberation
    values = tuple(Spec(f"values.{v.id}", "integer", v.label) for v in d.values.items)

    def quiz(group: str) -> tuple[Spec, ...]:
        return tuple(Spec(f"{group}.{q.id}", "choice", q.question, tuple((c.id, c.text) for c in q.choices))
                     for q in d.quiz.questions)

    def sure(when: str) -> tuple[Spec, ...]:
        return tuple(Spec(f"sure.{when}.{item.id}", "boolean", item.question) for item in d.sure.items)

    return [
        Spec("values", "group", p["questionnaire.values"], children=values),
        Spec("own_concerns", "string", p["questionnaire.own_concerns"], repeats=True),
        Spec("quiz", "group", p["questionnaire.quiz"], children=quiz("quiz")),
        Spec("quiz_second_tries", "group", p["questionnaire.quiz_second_tries"], children=quiz("quiz_second_tries")),
        Spec("leaning", "choice", p["questionnaire.leaning"], _pairs(d.leaning_options)),
        Spec("decision_role", "choice", p["questionnaire.decision_role"], _pairs(d.decision_roles)),
        Spec("sure", "group", p["questionnaire.sure"], children=(
            Spec("sure.before", "group", p["questionnaire.sure_before"], children=sure("before")),
            Spec("sure.after", "group", p["questionnaire.sure_after"], children=sure("after")))),
        Spec("questions", "string", p["questionnaire.questions"], repeats=True),
    ]


def _clinic(content: Content) -> list[Spec]:
    p = content.pages
    return [Spec("decision_reached", "group", p["questionnaire.decision_reached"], children=(
        Spec("decision_reached.choice", "choice", p["questionnaire.decision_choice"],
             tuple((c, p[f"option.{c}"]) for c in CHOICES)),
        Spec("decision_reached.on", "date", p["questionnaire.decision_day"])))]


def leaves(items: tuple[Spec, ...]) -> list[Spec]:
    """Every item that holds an answer (not a group), depth first."""
    out: list[Spec] = []
    for s in items:
        out += leaves(s.children) if s.kind == "group" else [s]
    return out
