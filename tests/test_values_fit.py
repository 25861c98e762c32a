"""The values fit follows one written rule (issue 23, item 4).

The fit of a reason is derived from what the source says about the comparison it rests on
(content/deliberation.yaml, values.findings; ``Values.fit``): "tends to fit" only where the comparison
favours that option beyond chance, "tends not to fit" where it favours another, "mixed" otherwise. So
one comparison gives one option one label, whatever the item; check-content refuses content that
breaks the rule; the patient's own concerns sit beside the fit and are never scored.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import defaultdict

import pytest
import yaml

from decision.content import CONTENT_DIR, ContentError, load_content
from decision.deliberation import values_fit
from decision.record import DecisionRecord
from tests.conftest import ROOT, app_at, assert_no_exception

CONTENT = load_content()
VALUES = CONTENT.deliberation.values
COMPARISONS = {c.id: c for c in CONTENT.comparisons}
REASONS = [(item.id, n, r) for item in VALUES.items for n, r in enumerate(item.reasons)]
REASON_IDS = [f"{item_id}.{n}.{r.option}.{r.comparison}" for item_id, n, r in REASONS]
PAIRS = sorted({(r.comparison, r.option) for _, _, r in REASONS})
VALUES_PAGE = "pages/5_What_matters_to_you.py"


# ---------------------------------------------------------------- the rule over every item and option


@pytest.mark.parametrize(("comparison", "option"), PAIRS, ids=[f"{c}.{o}" for c, o in PAIRS])
def test_one_comparison_gives_one_option_one_label_in_every_item(comparison, option):
    labels = defaultdict(set)
    for item in VALUES.items:
        fit = values_fit({item.id: 10}, VALUES, CONTENT.template.option_order)
        for option_fit in fit.options:
            for r in option_fit.reasons:
                labels[(r.comparison, option_fit.option)].add(r.fit)
    assert len(labels[(comparison, option)]) == 1, labels[(comparison, option)]


@pytest.mark.parametrize(("item_id", "n", "reason"), REASONS, ids=REASON_IDS)
def test_tends_to_fit_only_where_the_comparison_favours_that_option_beyond_chance(item_id, n, reason):
    fit = VALUES.fit(reason.option, reason.comparison)
    finding = VALUES.findings.get(reason.comparison)
    favours = finding.favours if finding else None
    if fit == "tends_to_fit":
        assert favours == reason.option
    elif fit == "tends_not_to_fit":
        assert favours is not None and favours != reason.option
    else:
        assert favours is None
    if not COMPARISONS[reason.comparison].paired:  # one arm favours no one: the 33 in 100 of issue 23
        assert fit == "mixed"


@pytest.mark.parametrize(("item_id", "n", "reason"), REASONS, ids=REASON_IDS)
def test_every_reason_rests_on_a_comparison_of_what_its_item_is_about(item_id, n, reason):
    item = next(i for i in VALUES.items if i.id == item_id)
    assert COMPARISONS[reason.comparison].topic in item.topics


@pytest.mark.parametrize("cid", sorted(VALUES.findings))
def test_every_finding_names_where_its_source_says_so(cid):
    basis = VALUES.findings[cid].basis
    assert re.match(r"(OE|NR|PE|VA) \d", basis), basis
    assert COMPARISONS[cid].paired


def test_the_cases_of_issue_23_now_agree_with_their_numbers():
    # The same 33 in 100 (Brox): more surgery after fusion, a first operation after exercise.
    assert VALUES.fit("fusion", "brox_reoperation_9y") == VALUES.fit("non_operative", "brox_operation_later_9y")
    # Decompression alone vs complex fusion only: the source does not compare the fusion a slip has.
    assert VALUES.fit("laminectomy", "ds_life_threatening_30d") == "mixed"
    # A gap the text calls chance (Maine stenosis, P=0.3).
    assert VALUES.fit("laminectomy", "maine_stenosis_better_10y") == "mixed"


# ---------------------------------------------------------------- check-content refuses a broken copy


def _reason(d, item_id, comparison, option):
    item = next(i for i in d["values"]["items"] if i["id"] == item_id)
    return next(r for r in item["reasons"] if r["comparison"] == comparison and r["option"] == option)


def _finding(d, cid):
    return d["values"]["findings"][cid]


BROKEN = {
    "a label written by hand beside the derived one (two labels for one number)": (
        lambda d: _reason(d, "avoid_another_operation", "brox_reoperation_9y", "fusion").update(fit="tends_not_to_fit"),
        r"deliberation.yaml, field values\.items\.3\.reasons\.\d+\.fit"),
    "one number on both arms said to favour one of them": (
        lambda d: _finding(d, "nordsten_good_result_5y").update(favours="laminectomy"),
        r"deliberation.yaml, field values\.findings\.nordsten_good_result_5y\.favours: .*same to another arm"),
    "a tends to fit from a gap its comparison calls chance": (
        lambda d: _finding(d, "maine_stenosis_better_10y").update(favours="laminectomy"),
        r"deliberation.yaml, field values\.findings\.maine_stenosis_better_10y\.favours: .*due to chance"),
    "a tends to fit whose words call the gap chance": (
        lambda d: _reason(d, "fast_leg_relief", "liu_leg_pain_6w", "microdiscectomy").update(
            why="Leg pain eased faster after surgery, but the gap could be due to chance."),
        r"deliberation.yaml, field values\.items\.fast_leg_relief\.reasons\.0\.why: the fit is tends_to_fit"),
    "a finding against its own numbers (more harm said to favour)": (
        lambda d: _finding(d, "ssss_new_narrowing_2y").update(favours="fusion"),
        r"deliberation.yaml, field values\.findings\.ssss_new_narrowing_2y\.favours: .*fewer"),
    "a gap said to favour the other arm": (
        lambda d: _finding(d, "liu_leg_pain_6w").update(favours="non_operative"),
        r"deliberation.yaml, field values\.findings\.liu_leg_pain_6w\.favours: .*favouring microdiscectomy"),
    "a one-arm comparison said to favour its option": (
        lambda d: d["values"]["findings"].update(brox_reoperation_9y={"favours": "fusion", "basis": "OE 6"}),
        r"deliberation.yaml, field values\.findings\.brox_reoperation_9y: .*one arm"),
    "a two-arm comparison with nothing said about its difference": (
        lambda d: d["values"]["findings"].pop("sport_disc_working_4y"),
        r"deliberation.yaml, field values\.items\.little_time_off_work\.reasons\.0\.comparison: .*no entry"),
    "a reason on a comparison of another outcome than its item": (
        lambda d: _reason(d, "little_time_off_work", "sport_disc_working_4y", "microdiscectomy").update(
            comparison="liu_leg_pain_6w"),
        r"deliberation.yaml, field values\.items\.little_time_off_work\.reasons\.0\.comparison: .*is about pain"),
}


@pytest.fixture
def copy(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    return root


def _edit(root, change) -> None:
    path = root / "deliberation.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize("name", list(BROKEN))
def test_check_content_refuses_a_values_fit_that_breaks_the_rule(copy, name):
    change, where = BROKEN[name]
    _edit(copy, change)
    with pytest.raises(ContentError, match=where):
        load_content(copy)


def test_check_content_exits_non_zero_on_a_broken_values_fit(copy):
    _edit(copy, BROKEN["a tends to fit from a gap its comparison calls chance"][0])
    out = subprocess.run([sys.executable, "-m", "decision", "check-content", "--root", str(copy)],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "deliberation.yaml" in out.stderr and "values.findings.maine_stenosis_better_10y.favours" in out.stderr


# ---------------------------------------------------------------- own concerns beside the fit


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def _keyed(node) -> str:
    proto = getattr(node, "proto", None)
    return str(getattr(proto, "id", "")) if getattr(node, "type", None) == "flex_container" else ""


@pytest.mark.parametrize("diagnosis", ["disc_herniation", "spinal_stenosis", "degenerative_spondylolisthesis",
                                       "chronic_low_back_pain"])
def test_own_concerns_show_beside_the_fit_and_are_not_scored(diagnosis):
    concern = "**my job** <b>as a carer</b>"
    item = next(i for i in VALUES.items if any(
        diagnosis in COMPARISONS[r.comparison].applies_to for r in i.reasons))
    plain = DecisionRecord(safety_screen_done=True, diagnosis=diagnosis, values={item.id: 9})
    at = app_at(VALUES_PAGE, plain.model_copy(update={"own_concerns": [concern]}))
    assert_no_exception(at)
    # In the same column as the option cards, above them: beside the fit, not only in the editor.
    column = next(c for c in _walk(at.main) if getattr(c, "type", None) == "column"
                  and any(_keyed(n).endswith("-fit-own-concerns") for n in c.children.values()))
    keys = [_keyed(n) for n in column.children.values() if _keyed(n)]
    assert keys[0].endswith("-fit-own-concerns")
    assert any(k.endswith(f"-fit-{o}") for k in keys[1:] for o in CONTENT.decision_for(diagnosis).options)
    box = next(n for n in column.children.values() if _keyed(n).endswith("-fit-own-concerns"))
    assert concern in [n.value for n in _walk(box) if getattr(n, "type", None) == "text"]
    assert VALUES.own_concerns_note in [n.value for n in _walk(box) if getattr(n, "type", None) == "caption"]
    assert not any(concern in m.value for m in at.markdown)  # plain text, never markup
    # Not scored: every option's fit reads the same with or without the concern.
    fit_cards = [m.value for m in at.markdown if "you rated it" in m.value]
    assert fit_cards
    assert [m.value for m in app_at(VALUES_PAGE, plain).markdown if "you rated it" in m.value] == fit_cards
