"""The safety screen's rules: every sign alone, every combination, at each level.

The expected levels are written out here, from shared/evidence/nonoperative-and-red-flags.md
section 2 and issue 9, so a change to content/red_flags.yaml that lowers a level fails a test.
"""

from __future__ import annotations

import itertools
import json

import pytest

from decision.content import ContentError, load_content
from decision.record import SCHEMA_VERSION, DecisionRecord, Treatment, parse_record
from decision.rules.readiness import assess
from decision.rules.red_flags import level, screen

CAUDA_EQUINA = [
    "saddle_numbness", "bladder_problems", "bowel_control_loss", "sciatica_both_legs", "new_sexual_dysfunction",
]
NERVE_SIGNS = [*CAUDA_EQUINA, "worsening_leg_weakness", "widespread_neurology"]

ALONE = {
    **dict.fromkeys(CAUDA_EQUINA, "emergency"),
    "widespread_neurology": "emergency",
    "leg_colour_change": "emergency",
    "aortic_aneurysm": "emergency",
    "recent_major_trauma": "emergency",
    "worsening_leg_weakness": "urgent",
    "fever_or_feeling_unwell": "urgent",
    "infection_risk": "soon",
    "cancer_history": "soon",
    "unexplained_weight_loss": "soon",
    "night_pain": "soon",
    "fracture_risk": "soon",
    "inflammatory_pain": "soon",
}
RANK = {"soon": 0, "urgent": 1, "emergency": 2}
# Follow-up signs, asked only once their parent is ticked: (parent, level of the two together).
FOLLOW_UPS = {"cancer_leg_symptoms": ("cancer_history", "emergency")}

COMPLETE_DISC = dict(
    diagnosis="disc_herniation", procedure="microdiscectomy", symptom_weeks=8, pain_leg=6,
    treatments=[Treatment(kind="physical_therapy", weeks=6, helped="no"),
                Treatment(kind="nsaid", weeks=6, helped="no")],
)


def rec(flags, **kw) -> DecisionRecord:
    return DecisionRecord(safety_screen_done=True, red_flags=list(flags), **kw)


def test_the_table_of_expected_levels_covers_every_sign_on_the_screen(content):
    assert set(ALONE) | set(FOLLOW_UPS) == {f.id for f in content.red_flags.flags}
    assert {f.id: f.asked_if for f in content.red_flags.flags if f.asked_if} == {
        k: (parent,) for k, (parent, _) in FOLLOW_UPS.items()}


@pytest.mark.parametrize("follow_up", FOLLOW_UPS)
def test_each_follow_up_with_its_parent_gets_its_level(content, follow_up):
    parent, expected = FOLLOW_UPS[follow_up]
    assert level(rec([parent, follow_up]), content) == expected


@pytest.mark.parametrize("flag", ALONE)
def test_each_sign_alone_gets_its_level(content, flag):
    assert level(rec([flag]), content) == ALONE[flag]


@pytest.mark.parametrize("sign", NERVE_SIGNS)
def test_cancer_with_any_nerve_or_cord_sign_is_an_emergency(content, sign):
    result = screen(rec(["cancer_history", sign]), content)
    assert result.level == "emergency"
    assert "cancer_with_nerve_signs" in {r.id for r in result.rules}


def test_cancer_with_worsening_weakness_is_an_emergency_not_a_same_day_review(content):
    # Review finding C1: this combination (suspected metastatic cord compression) was "urgent".
    result = assess(rec(["cancer_history", "worsening_leg_weakness"]), content)
    assert result.status == "emergency" and result.red_flag == "emergency"


def test_infection_risk_with_fever_is_urgent(content):
    result = screen(rec(["infection_risk", "fever_or_feeling_unwell"]), content)
    assert result.level == "urgent"
    assert "infection_risk_with_fever" in {r.id for r in result.rules}


@pytest.mark.parametrize("pair, rule", [
    (("cancer_history", "unexplained_weight_loss"), "cancer_with_night_pain_or_weight_loss"),
    (("cancer_history", "night_pain"), "cancer_with_night_pain_or_weight_loss"),
    (("infection_risk", "night_pain"), "infection_risk_with_rest_pain"),
])
def test_a_risk_with_a_sign_of_its_disease_is_urgent(content, pair, rule):
    # Issue 20: infection risk with rest pain, and cancer with night pain or weight loss, were
    # "soon" (NR section 2: infection and malignancy rows, urgent; NICE NG234 for night pain).
    result = screen(rec(pair), content)
    assert result.level == "urgent"
    assert rule in {r.id for r in result.rules}
    assert assess(rec(pair, **COMPLETE_DISC), content).status == "urgent"


@pytest.mark.parametrize("pair", [("fracture_risk", "inflammatory_pain"), ("cancer_history", "fracture_risk"),
                                  ("infection_risk", "inflammatory_pain")])
def test_signs_that_call_for_a_check_within_days_stay_soon_together(content, pair):
    assert level(rec(pair), content) == "soon"


def test_cancer_with_new_pain_down_one_leg_is_an_emergency(content):
    # Issue 20: one-sided (radicular) leg symptoms with cancer were in no rule. Emergency, like any
    # nerve sign with cancer (NR section 2, malignancy row).
    result = screen(rec(["cancer_history", "cancer_leg_symptoms"]), content)
    assert result.level == "emergency"
    assert "cancer_with_nerve_signs" in {r.id for r in result.rules}


@pytest.mark.parametrize("a, b", list(itertools.combinations(ALONE, 2)))
def test_two_signs_never_get_less_than_the_higher_of_the_two(content, a, b):
    got = level(rec([a, b]), content)
    assert RANK[got] >= max(RANK[ALONE[a]], RANK[ALONE[b]])


@pytest.mark.parametrize("other", ALONE)
@pytest.mark.parametrize("follow_up", FOLLOW_UPS)
def test_a_follow_up_and_its_parent_with_any_other_sign_never_drop_below_either(content, follow_up, other):
    parent, expected = FOLLOW_UPS[follow_up]
    got = level(rec([parent, follow_up, other]), content)
    assert RANK[got] >= max(RANK[expected], RANK[ALONE[other]])


def test_no_sign_means_no_level(content):
    assert screen(rec([]), content) is None


def test_every_sign_ticked_is_an_emergency_and_lists_every_sign(content):
    result = screen(rec([*ALONE, *FOLLOW_UPS]), content)
    assert result.level == "emergency"
    assert len(result.ticked) == len(ALONE) + len(FOLLOW_UPS)


# ------------------------------------------------------------ the words


def test_the_emergency_says_now_and_within_hours_and_names_an_ambulance(content):
    emergency = content.red_flags.levels["emergency"]
    text = f"{emergency.title} {emergency.message}"
    assert "now" in text and "within hours" in text and "ambulance" in text
    assert "today" not in text.lower()


def test_the_three_levels_have_different_titles(content):
    titles = [a.title for a in content.red_flags.levels.values()]
    assert len(set(titles)) == 3
    assert "same day" in content.red_flags.levels["urgent"].message
    assert "few days" in content.red_flags.levels["soon"].message


def test_the_quiz_on_red_flags_does_not_teach_today_for_an_emergency(content):
    for q in content.deliberation.quiz.questions:
        right = next(c for c in q.choices if c.id == q.answer)
        if "emergency" in right.text.lower():
            assert "now" in right.text.lower() and "today" not in right.text.lower()


def test_the_emergency_status_title_says_now(content):
    assert "now" in content.readiness.status_titles["emergency"].lower()


# ------------------------------------------------------------ what each level does to the aid


@pytest.mark.parametrize("flag", [f for f, lv in ALONE.items() if lv != "soon"])
def test_urgent_and_emergency_signs_bypass_a_complete_program(content, flag):
    result = assess(rec([flag], **COMPLETE_DISC), content)
    assert result.status == ALONE[flag] == result.red_flag
    assert result.missing == ()
    assert result.reasons[0] == content.red_flags.levels[ALONE[flag]].message


@pytest.mark.parametrize("flag", [f for f, lv in ALONE.items() if lv == "soon"])
def test_a_soon_sign_suspends_the_readiness_check(content, flag):
    # Issue 20 / NR 1.4: readiness is "not applicable / bypass" whenever a red flag is present;
    # a soon sign used to leave "criteria met" beside it.
    assert assess(rec([], **COMPLETE_DISC), content).status == "criteria_met"
    result = assess(rec([flag], **COMPLETE_DISC), content)
    assert result.red_flag == "soon" and result.status == "soon"
    assert result.reasons[0] == content.red_flags.levels["soon"].message
    assert content.readiness.not_judged in result.reasons
    assert result.missing == () and result.met == ()


def test_an_unanswered_safety_screen_gets_no_readiness_verdict(content):
    result = assess(DecisionRecord(**COMPLETE_DISC), content)
    assert result.status == "screen_not_done"
    assert result.missing == (content.readiness.messages["screen_not_done"],)
    assert result.red_flag is None


def test_a_version_2_record_with_the_screen_unanswered_is_screen_not_done(content):
    data = {"schema_version": 2, "diagnosis": "disc_herniation", "procedure": "microdiscectomy", "symptom_weeks": 8,
            "treatments": [{"kind": "physical_therapy", "weeks": 6}, {"kind": "nsaid", "weeks": 6}]}
    assert assess(parse_record(json.dumps(data)), content).status == "screen_not_done"


@pytest.mark.parametrize("flags, done", [([], True), (["night_pain"], True)])
def test_a_version_1_red_flags_list_counts_as_an_answered_screen(flags, done):
    record = parse_record(json.dumps({"schema_version": 1, "red_flags": flags}))
    assert record.safety_screen_done is done and record.schema_version == SCHEMA_VERSION


def test_a_version_1_file_without_a_red_flags_list_has_not_answered_the_screen():
    assert parse_record(json.dumps({"schema_version": 1})).safety_screen_done is False


# ------------------------------------------------------------ the content check refuses


def _copy(tmp_path, edit):
    import shutil

    from decision.content import CONTENT_DIR

    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    path = root / "red_flags.yaml"
    path.write_text(edit(path.read_text()))
    return root


def test_a_sign_with_no_rule_of_its_own_is_refused(tmp_path):
    root = _copy(tmp_path, lambda s: s.replace("    any_of: [night_pain]\n",
                                               "    any_of: [night_pain]\n    all_of: [cancer_history]\n"))
    with pytest.raises(ContentError, match=r"red_flags\.yaml.*night_pain has no rule"):
        load_content(root)


def test_a_rule_without_a_source_is_refused(tmp_path):
    root = _copy(tmp_path, lambda s: s.replace("    sources: [glos_gcare_red_flags]\n  # Inflammatory",
                                               "    sources: []\n  # Inflammatory"))
    with pytest.raises(ContentError, match=r"red_flags\.yaml"):
        load_content(root)


def test_a_level_name_outside_the_three_is_refused(tmp_path):
    root = _copy(tmp_path, lambda s: s.replace("    level: soon\n    any_of: [night_pain]",
                                               "    level: later\n    any_of: [night_pain]"))
    with pytest.raises(ContentError, match=r"red_flags\.yaml"):
        load_content(root)
