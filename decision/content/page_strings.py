"""The strings the code reads from content, and the placeholders it fills in each.

A page that reads a key ``content/pages.yaml`` does not have, or fills a string that names a
``{placeholder}`` the code does not pass, stops with Streamlit's "This app has encountered an
error" (issue 21). Pydantic cannot see either: ``pages`` is a plain mapping and a template is
plain text. So this module declares the contract, and ``decision.content.load.load_content`` refuses
content that breaks it, with one message naming the file and the key. Every check that trusts
the loader sees it: ``python -m decision check-content``, strict mode, each page's own check and
``/healthz``.

``PAGES`` is every key of ``content.pages`` the code reads, with the placeholders the code fills
in it (most fill none). ``TEMPLATES`` is the same for the other files' strings that the code
fills with ``.format`` (or ``.replace``). A string anywhere in content that names a placeholder
its contract does not fill is refused; a placeholder the code fills but the text leaves out is
fine. ``tests/test_page_strings.py`` scans ``pages/``, ``ui/`` and ``decision/`` so that a key the
code reads cannot be missing here.
"""

from __future__ import annotations

import re
import string
from fnmatch import fnmatchcase
from typing import Any, get_args

from decision.content.models import Diagnosis, OptionId
from decision.content.models.comparisons import Certainty
from decision.content.page_words import FILLED_26, WORDS_26

# The ids a page builds keys from (a test keeps each equal to the code's own list or Literal).
NAV_PAGES = ("start", "your_back", "care", "compare", "fusion", "values", "quiz", "leaning", "summary", "visit",
             "about")
PROCEDURES = ("microdiscectomy", "laminectomy", "fusion", "none_yet")  # decision.record.Procedure
WORST_PAIN = ("back", "leg", "both")  # DecisionRecord.worst_pain
# The surgeon's proposal and the next step (decision.record.Proposal, decision.record.NextStep)
PROPOSALS = ("microdiscectomy", "laminectomy", "fusion", "non_operative", "more_time_needed", "none_yet")
NEXT_STEPS = ("follow_up", "referral", "trial_of_care", "surgery_scheduled", "other")
CHOICES = (*get_args(OptionId), "more_time_needed")  # the decision's choice (DecisionRecord)
FUSION_KINDS = ("benefit", "harm", "reoperation", "natural_course")  # pages/4_Fusion_questions.py
TAB_NOTICES = ("unavailable", "unreadable", "server_restarted")  # ui/session.py, st.session_state["tab_notice"]
CERTAINTY = tuple(level.replace(" ", "_") for level in get_args(Certainty))  # a comparison's certainty.level
FIT_KINDS = ("tends_to_fit", "mixed", "tends_not_to_fit")  # decision.deliberation.FIT_ORDER
IPDAS = ("balance", "same_frame", "ranges", "cited")  # decision.compare.self_check.ipdas_self_check

# A key written as an f-string in code (f"nav.{key}"), and the ids it is read with.
FAMILIES: dict[str, tuple[str, ...]] = {
    "nav.{}": NAV_PAGES,
    "diagnosis.{}": get_args(Diagnosis),
    "procedure.{}": PROCEDURES,
    "worst_pain.{}": WORST_PAIN,
    "proposal.{}": PROPOSALS,
    "next_step.{}": NEXT_STEPS,
    "option.{}": CHOICES,
    "fusion.kind_{}": FUSION_KINDS,
    "tab_store.{}": TAB_NOTICES,
    "ipdas.{}.where": IPDAS,
    "values.fit_{}": FIT_KINDS,
    "certainty.{}": CERTAINTY,
    "about.met_{}": ("yes", "partly", "no"),  # decision.content.models.aid.IpdasRow.met
}


# Plain strings of the chart note, the FHIR export and its Questionnaire (decision/output/note.py, fhir/)
NOTE = ("title", "safety", "diagnosis", "readiness", "options", "leaning", "decision", "values", "questions", "paused",
        "end", "copy_title", "copy_help")
FHIR = ("download", "download_help", "patient", "document", "pain_back", "pain_leg", "site_back", "site_leg",
        "oswestry", "sure_before", "sure_after")
QUESTIONNAIRE = (
    "patient_initials", "safety_screen_done", "red_flags", "diagnosis", "procedure", "symptom_weeks", "worst_pain",
    "pain_back", "pain_leg", "oswestry", "oswestry_total", "treatments", "treatment_kind", "treatment_weeks",
    "treatment_visits", "treatment_helped", "options_compared", "clinical", "proposed_operation", "fusion_plan",
    "values", "own_concerns", "quiz", "quiz_second_tries", "leaning", "decision_role", "sure", "sure_before",
    "sure_after", "questions", "decision_reached", "decision_choice", "decision_day")


def _each(form: str, placeholders: tuple[str, ...] = ()) -> dict[str, tuple[str, ...]]:
    return {form.replace("{}", i): placeholders for i in FAMILIES[form]}


PAGES: dict[str, tuple[str, ...]] = {
    # The sidebar's page titles (ui/navigation.py) and the Summary's section titles
    **_each("nav.{}"),
    # The frame around every page (ui/frame.py): safety gate, sidebar, tab store, footer; save and open
    # (ui/save_open.py), in the sidebar and at the foot of each page; "Finish and clear" (ui/finish.py)
    "start.safety_gate": (), "start.walk_paused": (), "mode.clinic": (), "frame.clinic_help": (), "frame.language": (),
    "frame.finish_title": (), "frame.finish": (), "frame.finish_help": (), "frame.clear_confirm": (),
    "frame.clear_yes": (), "frame.clear_cancel": (), "frame.cleared": (),
    "frame.save_open_title": (), "frame.save_open_intro": (),
    "frame.save": (), "frame.save_help": (), "frame.open": (),
    "frame.opened": (), "frame.opened_sign_kept": (), "frame.not_changed": (), **_each("tab_store.{}"),
    "frame.footer": ("name", "version", "reviewed", "due"),
    "frame.progress": ("step", "total", "title"),  # "Step 3 of 9: Your care so far" (ui/frame.py)
    # Words for a stored answer, on the pages, the Summary, the PDF and in readiness messages
    **_each("diagnosis.{}"), **_each("procedure.{}"), **_each("worst_pain.{}"), **_each("option.{}"),
    **_each("proposal.{}"), **_each("next_step.{}"),
    "input.cleaned": (), "limit.concerns": (), "limit.questions": (),
    "next.care": (), "next.compare": (), "next.fusion": (), "next.values": (), "next.quiz": (), "next.leaning": (),
    "next.summary": (),
    # Start (pages/0_Start.py)
    "start.title": (), "start.not_for_title": (), "start.steps_title": (),
    "start.safety_title": (), "start.sign_kept": (), "start.ticked_by_mistake": (),
    "start.safety_hint": (), "start.safety_soon": (), "start.safety_done": (), "start.begin": (),
    # Your back (pages/1_Your_back.py)
    "your_back.title": (), "your_back.intro": (), "your_back.imaging_matches": (),
    "your_back.weeks_shorter_than_care": ("weeks",),
    "your_back.initials": (), "your_back.initials_help": (), "your_back.diagnosis_question": (),
    "your_back.procedure_question": (), "your_back.worst_pain_question": (), "your_back.weeks_question": (),
    "your_back.weeks_help": (), "your_back.weeks_placeholder": (),
    "your_back.words_title": (), "your_back.not_covered_more": (), "your_back.sources": ("sources",),
    # Your care so far (pages/2_Your_care_so_far.py)
    "care.title": (), "care.intro": (), "care.program_toggle": (),
    "care.readiness_title": (), "care.rules_from": (), "care.part_sources": (), "care.sources_toggle": (),
    "care.label_v2": (), "care.still_missing": (), "care.col_weeks": (),
    "care.col_helped": (), "care.col_visits": (), "care.weeks_label": ("name",), "care.helped_label": ("name",),
    "care.visits_label": ("name",), "care.weeks_placeholder": (), "care.visits_placeholder": (),
    "care.helped_placeholder": (), "care.experts_disagree": (), "care.nicotine_why_title": (),
    "care.whose_rules_title": (), "care.in_place": ("parts",), "care.span_row": (),
    "care.surgeon_to_confirm": (), "care.weeks_longer_than_symptoms": ("weeks",),
    # Compare your options (pages/3_Compare_your_options.py, ui/compare_card.py, decision/grid.py, comparison.py)
    "compare.title": (), "compare.options_title": (), "compare.practical_title": (), "compare.read_more": (),
    "compare.pick_help": (), "compare.pick_none": (), "compare.one_outcome_help": (),
    "compare.one_outcome_placeholder": (), "compare.overview_intro": (),
    "compare.in_words": (), "compare.before": (), "compare.not_known": (), "compare.label_v1": (),
    "compare.label_v2": (), "compare.all_results": (), "compare.card_applies": (), "compare.source": (),
    "compare.card_cannot_tell": (), "compare.not_counted": (), "compare.card_not_counted": (),
    "compare.outcome_col": (), "compare.v2_short": (), "compare.gap_arms": ("first", "second"),
    "compare.gap_between": ("favoured", "other"), "compare.gap_other": ("favoured",), "compare.certainty": ("level",),
    "compare.certainty_sentence": ("level",),
    # Fusion questions (pages/4_Fusion_questions.py)
    **_each("fusion.kind_{}"),
    "fusion.title": (), "fusion.intro": (), "fusion.not_answered": (), "fusion.patient_notes": (),
    "fusion.patient_notes_title": (), "fusion.patient_notes_help": (), "fusion.reop_read_more": (), "fusion.next": (),
    "fusion.plan_title": (), "fusion.plan_recorded": (), "fusion.plan_diagnosis": (), "fusion.plan_imaging": (),
    "fusion.plan_notes": (), "fusion.clinical_title": (), "fusion.confirmed_diagnosis": (),
    "fusion.imaging_findings": (), "fusion.surgeon_notes": (), "fusion.full_question": (), "fusion.known_title": (),
    "fusion.not_known_title": (), "fusion.sources_title": (), "fusion.drawing_title": (), "fusion.drawing_pick": (),
    "fusion.proposal_title": (), "fusion.choices_title": (), "fusion.key_applies": (), "fusion.more_numbers": (),
    "fusion.ask_title": (), "fusion.after_non_operative": (), "fusion.v2_label": (), "fusion.not_an_option": (),
    "fusion.cards_layer": (), "fusion.your_diagnosis": ("diagnosis",),
    "fusion.read_more": ("number",), "fusion.proposal_at_home": ("question", "answer"),
    "fusion.from_source": ("citation",),
    # What matters to you, Check your understanding, Where you are leaning (pages/5 to 7)
    **_each("values.fit_{}"),
    "values.fit_title": (), "values.table_item": ("threshold",), "values.table_blank": (),
    "values.table_caption": ("threshold",),
    "values.why_title": (), "values.no_reason": (), "values.reason": ("item", "rating", "why"),
    "values.rate_more": ("threshold",), "values.not_rated": (), "values.concern_new": (), "values.concern_example": (),
    "values.add": (), "values.remove": (),
    "values.title": (), "quiz.title": (), "leaning.title": (),
    "leaning.question": (), "leaning.question_help": (), "leaning.role_question": (),
    "leaning.yes": (), "leaning.no": (),
    "leaning.sure_title": (), "leaning.sure_about": (), "leaning.sure_score": (), "leaning.sure_score_after": (),
    "leaning.sure_out_of": ("score",), "leaning.sure_partial": ("label", "answered"), "leaning.sure_again": (),
    "leaning.questions_title": (), "leaning.question_new": (), "leaning.add": (),
    "leaning.remove": (), "quiz.second_try": ("first",),
    "quiz.right": (), "quiz.not_quite": (), "quiz.read_more": (), "quiz.score_label": (),
    "quiz.score": ("right", "answered"), "quiz.score_help": ("total",),
    # Summary (pages/8_Summary.py) and its PDF (decision/output/summary/, decision/output/pdf/)
    "summary.title": (), "summary.home_answers": (), "summary.settle": (), "summary.no_decision": (),
    "summary.identify": (), "summary.continued": (), "summary.overleaf": (), "summary.more_numbers": (),
    "summary.figures": (), "summary.options_none": (), "summary.save_file": (), "summary.leaning_differs": (),
    "summary.notes_overleaf": (), "summary.notes_continued": (),
    "summary.all_numbers": (), "summary.surgeon_more": (),
    "summary.quiz_score": ("right", "answered", "total"), "summary.quiz_second_tries": ("changed", "right"),
    # Your visit (pages/10_Visit.py); the new surgeon's fields in the summary (decision/output/summary/visit.py)
    "visit.title": (), "visit.at_home": (), "visit.leaning": (), "visit.sure_before": (),
    "visit.unsure": (), "visit.differs_decision": (), "visit.differs_proposal": (), "visit.readiness": (),
    "visit.safety": (), "visit.safety_clear": (), "visit.surgeon_title": (), "visit.levels": (),
    "visit.levels_help": (), "visit.proposal": (), "visit.fusion_plan": (), "visit.fusion_plan_blank": (),
    "visit.next_step": (), "visit.decision": (),
    "visit.sure_after": (),
    # About (pages/9_About.py): the IPDAS self-check's "where" column is filled with its counts
    "about.title": (), "about.show_sources": ("count",), "about.app_version": ("version",),
    "about.review_title": (), "about.not_reviewed": (),
    "about.translation_title": (), "about.translation": (), "about.reviewed": (), "about.review_role": (),
    "about.review_date": (), "about.review_scope": (),
    "ipdas.balance.where": ("diagnoses",), "ipdas.same_frame.where": ("comparisons", "single"),
    "ipdas.ranges.where": ("ranged", "comparisons"), "ipdas.cited.where": ("uncited",),
    # The chart note (decision/output/note.py) and the FHIR record (decision/output/fhir/), issue 25
    **{f"note.{k}": () for k in NOTE}, "note.made": ("name", "app", "version", "reviewed", "day"),
    "note.initials": ("initials",), **{f"fhir.{k}": () for k in FHIR}, "fhir.questionnaire_title": ("name",),
    **{f"questionnaire.{k}": () for k in QUESTIONNAIRE},
    # Words that were literals in pages/, ui/ and the summary builders until issue 26 (page_words.py)
    **dict.fromkeys(WORDS_26, ()), **FILLED_26,
}

# Strings of the other files that the code fills (decision/readiness.py with .format,
# decision/comparison.py with .replace), by their field; "*" stands for any list index.
# Fields without placeholders are here when they sit in a plain mapping the code reads by key.
TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "readiness.yaml": {
        # Part 1, care: the span of care and the messages keyed by situation
        "span.estimated": ("weeks",), "span.capped": ("weeks",), "span.told": ("weeks",),
        "span.too_short": ("have", "weeks", "whose"), "span.ok": ("have", "weeks", "whose"),
        "messages.whose": ("whose",), "messages.fits_diagnosis": ("operations",),
        "messages.mismatch": ("operation", "diagnosis", "operations"),
        "messages.symptom_weeks_unknown": ("weeks", "whose"),
        "messages.symptoms_too_short": ("weeks", "have", "whose"), "messages.symptoms_ok": ("have", "weeks", "whose"),
        "messages.screen_not_done": (), "messages.no_diagnosis": (), "messages.no_procedure": (),
        "messages.met": (), "messages.met_caveat": (), "messages.surgeon_to_confirm": (), "messages.disclaimer": (),
        # Parts 2 to 4 and nicotine: "has it helped", how much it limits, the surgeon's word
        "helped.yes": ("part",), "helped.partly": ("part",), "helped.no": ("part",), "helped.not_sure": ("part",),
        "helped.not_answered": ("part",),
        "limits.pain_ok": ("pain", "whose"), "limits.oswestry_ok": ("score", "whose"), "limits.pain_low": ("pain",),
        "limits.oswestry_low": ("score",),
        "nicotine.current": ("weeks",), "nicotine.too_recent": ("weeks", "have"), "nicotine.met": ("weeks",),
        "part_titles.care": (), "part_titles.helped": (), "part_titles.limits": (), "part_titles.surgeon": (),
    },
    "scores.yaml": {"oswestry_how_sections": ("points", "answered", "out_of"), "oswestry_how_total": ()},
    "figures/*.yaml": {
        # The gap between two arms, in a sentence and in the overview's short cell
        "comparisons.*.gap.sentence": ("points", "low", "high"), "comparisons.*.gap.short": ("points",),
    },
}


def contract_for(rel: str) -> dict[str, tuple[str, ...]]:
    """The declared strings of one content file (its path inside content/, e.g. "pages.yaml")."""
    if rel == "pages.yaml":
        return PAGES
    return next((fields for pattern, fields in TEMPLATES.items() if fnmatchcase(rel, pattern)), {})


_NAMED = re.compile(r"\{[^{}]*\}")  # "{weeks}", "{}", "{0}": what .format would try to fill


class _Filler:
    """Stands in for any value the code passes, whatever format spec the text gives it."""

    def __format__(self, spec: str) -> str:
        return "0"


def _strings(data: Any, path: str = ""):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, f"{path}.{i}" if path else str(i))
    elif isinstance(data, str):
        yield path, data


def _lookup(data: Any, parts: list[str]) -> Any:
    for part in parts:
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def _placeholder_problem(text: str, fills: tuple[str, ...]) -> str | None:
    if not fills:
        found = _NAMED.search(text)
        return f"{found.group()} is not a placeholder the app fills here (it fills none)" if found else None
    names = ", ".join("{" + n + "}" for n in sorted(fills))
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return f"a {{ or }} is not part of a placeholder (the app fills {names} here)"
    for name in fields:
        if name not in fills:
            return f"{{{name}}} is not a placeholder the app fills here (it fills {names})"
    try:
        text.format(**{n: _Filler() for n in fills})
    except (ValueError, KeyError, IndexError, AttributeError, TypeError):
        return f"its placeholders cannot be filled in (the app fills {names} here)"
    return None


def problems(rel: str, data: Any) -> list[str]:
    """What breaks the contract in one content file's data, each naming the file and the key."""
    contract = contract_for(rel)
    word = "key" if rel == "pages.yaml" else "field"
    out: list[str] = []
    for path in contract:
        if "*" in path:
            continue
        value = _lookup(data, [path] if rel == "pages.yaml" else path.split("."))  # pages.yaml's keys hold dots
        if value is None:
            out.append(f"Content file {rel}, {word} {path}: missing; the app reads it")
        elif not isinstance(value, str):
            out.append(f"Content file {rel}, {word} {path}: must be text")
    for path, text in _strings(data):
        fills = contract.get(path)
        if fills is None:
            fills = next((f for pattern, f in contract.items() if "*" in pattern and fnmatchcase(path, pattern)), ())
        problem = _placeholder_problem(text, fills)
        if problem:
            out.append(f"Content file {rel}, {word} {path}: {problem}")
    return out
