"""The page strings that moved out of code in issue 26, declared for ``page_strings.PAGES``.

Until issue 26 these words were English literals in ``pages/``, ``ui/`` and the builders of the summary
and its PDF (``decision/output/summary/``, ``decision/output/pdf/``), out of the translation catalogue's
reach; tests/test_pages_say_nothing_in_code.py keeps any from coming back. ``WORDS_26`` are read with
no placeholder; ``FILLED_26`` names the placeholders the code fills in each of the others.
"""

from __future__ import annotations

_PLAIN = """
answer.yes answer.no your_back.surgeon_title your_back.confirmed_diagnosis your_back.imaging_findings
your_back.pain_back your_back.pain_leg your_back.not_rated your_back.oswestry_title your_back.oswestry_blank
your_back.oswestry_total your_back.oswestry_total_placeholder your_back.oswestry_score your_back.oswestry_none
summary.decision_title summary.decision_date summary.clear_decision summary.download summary.download_help
summary.sources about.who_made about.funding about.conflicts about.dates_title about.content_version about.published
about.last_review about.next_review about.evidence_title about.reading_title about.reading_unmeasured
about.glossary_title about.ipdas_title about.col_criterion about.col_where about.col_met about.sources_title
summary.not_answered summary.not_recorded summary.diagnosis summary.operation summary.pain_began summary.worst_pain
summary.baseline_title summary.treatments_title summary.treatments summary.col_treatment summary.col_weeks
summary.col_visits summary.col_helped summary.quiz summary.quiz_second summary.decide_how summary.fusion_notes
summary.top_values summary.own_concerns_heading summary.own_concerns summary.questions summary.questions_title
summary.v2_note summary.options_compared summary.options_for_diagnosis summary.urgent_signs summary.result
summary.missing summary.in_place summary.readiness_why summary.decision summary.surgeon_notes summary.surgeon_plan
summary.sure_title summary.sure_before summary.sure_after summary.sign_patient summary.sign_surgeon summary.id_name
summary.id_birth summary.id_record summary.pdf_subject summary.signatures summary.sign_date
"""

# How a number is said (decision/content/wording.py's frames): whole patterns, so a translation can
# put the number, the outcome and the time in its own order.
_WORDING = "wording.v1_note wording.v2_note wording.decimal_mark"

# The printout in two languages (issue 26 item 3): "seen via" of the summary,
# and the chart copy (page 1 again in the chart's language, decision/output/pdf/build.py; the Summary
# page's box that adds it).
_PRINTOUT = ("summary.chart_copy summary.chart_copy_rest summary.chart_copy_add "
             "summary.chart_copy_add_help")
_PRINTOUT_FILLED: dict[str, tuple[str, ...]] = {
    "summary.seen_via": ("via",),
    "summary.chart_copy_footer": ("name", "version", "page", "pages"),
}

# Streamlit's own words, in the reader's language (ui/language.py: page_words; the page script sets them)
_CHROME = """
chrome.skip_to_main chrome.main_menu chrome.help chrome.file_upload chrome.drag_and_drop chrome.browse_files
chrome.upload chrome.add_files chrome.link_to_heading chrome.open chrome.choose_option chrome.selected_values
chrome.clear_all chrome.icon_check_circle chrome.icon_unchecked chrome.icon_thumb_up chrome.icon_thumb_down
chrome.icon_balance chrome.icon_add chrome.app_pages chrome.sidebar chrome.expand_sidebar chrome.collapse_sidebar
chrome.close chrome.clear_value chrome.increment chrome.decrement chrome.running chrome.notifications
chrome.home_page chrome.markdown"""
CHROME: tuple[str, ...] = tuple(_CHROME.split())
CHROME_FILLED: dict[str, tuple[str, ...]] = {
    "chrome.help_for": ("label",), "chrome.per_file": ("size",), "chrome.remove": ("name",)}

WORDS_26: tuple[str, ...] = tuple(_PLAIN.split()) + tuple(_WORDING.split()) + tuple(_PRINTOUT.split()) + CHROME

FILLED_26: dict[str, tuple[str, ...]] = {
    "figure.source": ("source",), "figure.applies": ("population",), "your_back.oswestry_value": ("percent",),
    "summary.answers_footer": ("name", "version", "reviewed", "made", "initials"),
    "about.figure_count": ("total", "checked", "secondary"), "about.reading_level": ("overall", "hardest"),
    "about.reading_level_translated": ("overall", "lowest"),
    "about.seed": ("authors",), "summary.weeks": ("weeks",), "summary.out_of_10": ("score",),
    "summary.oswestry_value": ("percent",), "summary.none_rated": ("rating",), "summary.source": ("source",),
    "summary.decision_on": ("choice", "day"), "summary.sure_score": ("score", "total"),
    "summary.sure_conflict": ("score", "total"), "summary.sure_partial": ("answered", "total"),
    "summary.pdf_footer": ("name", "version", "page", "pages"),
    "summary.pdf_made": ("app", "version", "reviewed", "made", "initials"), "summary.signature": ("who",),
    "wording.in_100": ("n",), "wording.under_1": ("per_thousand",),
    "wording.people": ("number", "outcome", "time_frame"), "wording.people_about": ("number", "outcome", "time_frame"),
    "wording.range": ("low", "high"), "wording.points": ("outcome", "amount", "time_frame"),
    "wording.unit_points": ("n",), "wording.unit_weeks": ("n",), "wording.unit_days": ("n",),
    **_PRINTOUT_FILLED,
    **CHROME_FILLED,
}


# ---------------------------------------------------------------- issue 26, item 1: refusals and drawings
# Why a save file, the tab's copy or a typed value was refused (decision/record/messages.py): one whole
# sentence per code, ``record_error.<code>``, with the placeholders the code fills; the top-level fields
# each named for the place a sentence names (``record_field.<name>``, a test keeps them equal to the model's).
_AT: tuple[str, ...] = ("place",)
RECORD_ERRORS: dict[str, tuple[str, ...]] = {
    # The file as a whole
    "too_large": ("size",), "not_json": (), "too_deep": ("levels",), "long_number": ("digits",),
    "repeated_name": (), "not_a_record": (), "no_version": (), "unknown_version": (),
    "newer_version": ("version", "newest"), "not_fhir": (),
    # A name (a key) in the file
    "name_too_long": ("place", "limit"), "name_broken": _AT, "name_control": _AT,
    # A value in the file: texts and sizes
    "text_too_long": ("place", "limit"), "text_broken": _AT, "text_control": _AT,
    "too_many": ("place", "limit"), "too_few": ("place", "limit"),
    "unknown_field": ("place", "name"), "unknown_field_unnamed": _AT,
    # A value of the wrong kind (pydantic's error types in our words: messages.pydantic_code)
    "missing": _AT, "not_whole_number": _AT, "not_number": _AT, "not_true_false": _AT, "not_text": _AT,
    "not_list": _AT, "not_group": _AT, "not_date": _AT, "not_a_choice": _AT, "too_small": ("place", "limit"),
    "too_big": ("place", "limit"), "wrong_kind": _AT,
    # The record's own rules (decision/record/model.py's validators raise these codes)
    "segments": _AT, "oswestry_section": _AT, "initials": _AT, "treatment_once": _AT,
    "longer_than_symptoms": _AT, "rating": _AT,
}
RECORD_FIELDS = (
    "schema_version", "patient_initials", "safety_screen_done", "red_flags", "diagnosis", "procedure",
    "symptom_weeks", "worst_pain", "pain_back", "pain_leg", "oswestry", "treatments", "nicotine",
    "nicotine_free_weeks", "care_weeks", "medicines_unsuitable", "options_compared", "clinical", "fusion_plan",
    "fusion_patient_notes", "values", "own_concerns", "quiz", "quiz_second_tries", "leaning", "decision_role",
    "sure", "questions", "decision_reached",
)
RECORD_WORDS: dict[str, tuple[str, ...]] = {
    **{f"record_error.{code}": fills for code, fills in RECORD_ERRORS.items()},
    # "(and N more)": a second sentence, one for a single further problem and one for several
    "record_error.one_more": (), "record_error.more": ("count",),
    # the place in the reader's words: a field's name and its item in a list, the top level, or neither
    "record_error.place_item": ("field", "n"), "record_error.place_top": (), "record_error.place_unknown": (),
    # beside initials the Your back page cannot keep (decision.record.limits.initials_problem)
    "record_error.initials_typed": (),
    **{f"record_field.{name}": () for name in RECORD_FIELDS},
}
FILLED_26 |= RECORD_WORDS

# The side drawing of a fusion (decision/output/spine_drawing.py): its text alternative as whole sentences
# (one segment and several, one neighbouring level and two), its labels and the sacrum's name.
SPINE_DRAWING_FILLED: dict[str, tuple[str, ...]] = {
    "spine_drawing.alt": (), "spine_drawing.alt_none": (),
    "spine_drawing.alt_fused_one": ("upper", "lower"), "spine_drawing.alt_fused_many": ("upper", "lower", "n"),
    "spine_drawing.alt_neighbour_one": ("upper", "lower"),
    "spine_drawing.alt_neighbour_two": ("upper", "lower", "next_upper", "next_lower"),
    "spine_drawing.sacrum": (), "spine_drawing.neighbour_above": (), "spine_drawing.neighbour_below": (),
    "spine_drawing.fused_one": ("n",), "spine_drawing.fused_many": ("n",), "spine_drawing.grow_into_one": (),
    "spine_drawing.front": (), "spine_drawing.back": (),
}
SPINE_DRAWING_WORDS: tuple[str, ...] = tuple(SPINE_DRAWING_FILLED)
FILLED_26 |= SPINE_DRAWING_FILLED

# A list's last item joined with "or" (decision/rules/readiness.py).
FILLED_26 |= {"list.or": ("first", "last")}
