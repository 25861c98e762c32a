"""The values fit follows one written rule (issue 23, item 4).

The fit of a reason is derived from what the source says about the comparison it rests on
(content/deliberation.yaml, values.findings; ``Values.fit``): "tends to fit" only where the comparison
favours that option beyond chance, "tends not to fit" where it favours another, "mixed" otherwise. So
one comparison gives one option one label, whatever the item; check-content refuses content that
breaks the rule; the patient's own concerns sit beside the fit and are never scored.

A second kind of reason follows from what an option IS, not from a study: an item about having an
operation at all (``about_operation_itself``) gives care without surgery "tends to fit" and every
surgical option "tends not to fit" (``Values.fit_by_what_it_is``), with the item's two whys written
once and a note in place of a study's numbers. The one-comparison-one-label rule holds for the
reasons that rest on a comparison; these have none.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import defaultdict
from html.parser import HTMLParser

import pytest
import yaml

from decision.content import CONTENT_DIR, SURGICAL, ContentError, load_content
from decision.content.models import ByWhatItIs
from decision.deliberation import FitReason, FitTable, OptionFit, cell_fit, fit_table_html, values_fit
from decision.output.summary import build_summary
from decision.record import DecisionRecord
from tests.conftest import ROOT, app_at, assert_no_exception

CONTENT = load_content()
VALUES = CONTENT.deliberation.values
COMPARISONS = {c.id: c for c in CONTENT.comparisons}
REASONS = [(item.id, n, r) for item in VALUES.items for n, r in enumerate(item.reasons)]
REASON_IDS = [f"{item_id}.{n}.{r.option}.{r.comparison}" for item_id, n, r in REASONS]
PAIRS = sorted({(r.comparison, r.option) for _, _, r in REASONS})
VALUES_PAGE = "pages/5_What_matters_to_you.py"
DIAGNOSES = ["disc_herniation", "spinal_stenosis", "degenerative_spondylolisthesis", "chronic_low_back_pain"]
RISKS = "avoid_operation_risks"


# ---------------------------------------------------------------- the rule over every item and option


@pytest.mark.parametrize(("comparison", "option"), PAIRS, ids=[f"{c}.{o}" for c, o in PAIRS])
def test_one_comparison_gives_one_option_one_label_in_every_item(comparison, option):
    labels = defaultdict(set)
    for item in VALUES.items:
        fit = values_fit({item.id: 10}, VALUES, CONTENT.template.option_order)
        for option_fit in fit.options:
            for r in option_fit.reasons:
                if r.comparison is not None:  # a reason by what the option is rests on no comparison
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


# ---------------------------------------------------------------- reasons by what an option is


def _by_what_it_is(diagnosis: str, item_id: str = RISKS) -> dict[str, list]:
    fit = values_fit({item_id: 10}, VALUES, CONTENT.template.option_order, content=CONTENT, diagnosis=diagnosis)
    return {o.option: [r for r in o.reasons if r.comparison is None] for o in fit.options}


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_care_without_surgery_tends_to_fit_avoiding_an_operation_and_every_operation_tends_not_to(diagnosis):
    item = next(i for i in VALUES.items if i.id == RISKS)
    assert item.by_what_it_is is not None
    found = _by_what_it_is(diagnosis)
    options = CONTENT.decision_for(diagnosis).options
    assert set(found) == set(options) and "non_operative" in options
    for option, reasons in found.items():
        assert len(reasons) == 1, (option, reasons)
        r = reasons[0]
        assert r.by_what_it_is and r.item_id == RISKS
        if option == "non_operative":
            assert (r.fit, r.why) == ("tends_to_fit", item.by_what_it_is.no_operation)
        else:
            assert option in SURGICAL
            assert (r.fit, r.why) == ("tends_not_to_fit", item.by_what_it_is.an_operation)
    # The numbers stay beside it, each with its own label: the one-arm "had an operation later"
    # is mixed for care without surgery, never a second "tends to fit".
    full = values_fit({RISKS: 10}, VALUES, CONTENT.template.option_order, content=CONTENT, diagnosis=diagnosis)
    non_op = next(o for o in full.options if o.option == "non_operative")
    numbers = [r for r in non_op.reasons if r.comparison is not None]
    assert numbers and all(r.fit == "mixed" for r in numbers)


def test_the_rule_gives_every_surgical_option_the_same_label_and_words():
    # No option-specific authoring: the label is the rule's, the words two per item, written once.
    assert {VALUES.fit_by_what_it_is(o) for o in SURGICAL} == {"tends_not_to_fit"}
    assert VALUES.fit_by_what_it_is("non_operative") == "tends_to_fit"
    assert set(ByWhatItIs.model_fields) == {"no_operation", "an_operation"}
    surgical = {(r.fit, r.why) for d in DIAGNOSES for o, rs in _by_what_it_is(d).items() if o in SURGICAL for r in rs}
    assert len(surgical) == 1, surgical
    seen = {o for d in DIAGNOSES for o in _by_what_it_is(d)}
    assert seen == {"non_operative", *SURGICAL}  # every option is one or the other: none is left unlabelled


def test_only_the_items_the_rule_names_are_about_the_operation_itself():
    # The rule at the head of deliberation.yaml's values names avoid_operation_risks only (and says why
    # trying care first, keeping movement and treating a slip are not): a change here is a change there.
    assert [i.id for i in VALUES.items if i.about_operation_itself] == [RISKS]
    assert [i.id for i in VALUES.items if i.by_what_it_is] == [RISKS]
    header = (CONTENT_DIR / "deliberation.yaml").read_text(encoding="utf-8").split("\n  intro:")[0]
    assert "Which items are about having an operation at all: avoid_operation_risks only." in header


def test_no_reason_by_what_an_option_is_for_an_item_not_about_the_operation_itself():
    for item in VALUES.items:
        if not item.about_operation_itself:
            for d in DIAGNOSES:
                assert not any(_by_what_it_is(d, item.id).values()), item.id


def test_the_claim_by_what_it_is_shows_under_one_label():
    # "No operation now, so none of its risks" is the reason by what care without surgery is: the
    # reasons that rest on a count of later operations say the numbers, not the claim again as "mixed".
    item = next(i for i in VALUES.items if i.id == RISKS)
    for r in item.reasons:
        assert "no operation now" not in r.why.lower(), r.why


def test_the_summary_prints_the_rating_of_an_item_about_the_operation_itself():
    # The summary's values section prints what the patient rated, never a fit label, so a reason
    # with no comparison changes nothing there; it must still build for every diagnosis.
    for d in DIAGNOSES:
        record = DecisionRecord(safety_screen_done=True, diagnosis=d, values={RISKS: 9})
        summary = build_summary(record, CONTENT)
        assert ("Avoiding the risks of an operation", "9 out of 10") in [
            (getattr(b, "label", None), getattr(b, "value", None)) for b in summary.section("values").blocks]
        assert "tends to fit" not in summary.text().lower() and "tends not to fit" not in summary.text().lower()


# ---------------------------------------------------------------- check-content refuses a broken copy


def _reason(d, item_id, comparison, option):
    item = next(i for i in d["values"]["items"] if i["id"] == item_id)
    return next(r for r in item["reasons"] if r["comparison"] == comparison and r["option"] == option)


def _item(d, item_id):
    return next(i for i in d["values"]["items"] if i["id"] == item_id)


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
    "a reason by what an option is on an item about outcomes": (
        lambda d: _item(d, "fast_leg_relief").update(by_what_it_is={
            "no_operation": "Without surgery, no wound to heal.", "an_operation": "Surgery takes the pressure off."}),
        r"deliberation.yaml, field values\.items\.fast_leg_relief\.by_what_it_is: .*about_operation_itself"),
    "an item marked about the operation itself, with no reason by what an option is": (
        lambda d: _item(d, "avoid_operation_risks").pop("by_what_it_is"),
        r"deliberation.yaml, field values\.items\.avoid_operation_risks\.by_what_it_is: .*marked"),
    "a number in a reason by what an option is": (
        lambda d: _item(d, "avoid_operation_risks")["by_what_it_is"].update(
            no_operation="No operation now. About half have one later."),
        r"deliberation.yaml, field values\.items\.avoid_operation_risks\.by_what_it_is\.no_operation: 'half'"),
    "a label written by hand on a reason by what an option is": (
        lambda d: _item(d, "avoid_operation_risks")["by_what_it_is"].update(fit="tends_to_fit"),
        r"deliberation.yaml, field values\.items\.2\.by_what_it_is\.fit"),
    "a reason by what an option is written for one option": (
        lambda d: _item(d, "avoid_operation_risks")["by_what_it_is"].update(fusion="Fusion is a big operation."),
        r"deliberation.yaml, field values\.items\.2\.by_what_it_is\.fusion"),
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
    # In the same block as the option cards, above them: beside the fit, said once (issue 24).
    column = next(c for c in _walk(at.main) if _keyed(c).endswith("-fit")
                  and any(_keyed(n).endswith("-fit-own-concerns") for n in c.children.values()))
    keys = [_keyed(n) for n in _walk(column) if _keyed(n) and n is not column]
    assert keys[0].endswith("-fit-own-concerns")
    assert any(k.endswith(f"-fit-{o}") for k in keys[1:] for o in CONTENT.decision_for(diagnosis).options)
    box = next(n for n in column.children.values() if _keyed(n).endswith("-fit-own-concerns"))
    assert concern in [n.value for n in _walk(box) if getattr(n, "type", None) == "text"]
    assert [n.value for n in _walk(at.main) if getattr(n, "type", None) == "text"].count(concern) == 1
    assert VALUES.own_concerns_note in [n.value for n in _walk(box) if getattr(n, "type", None) == "caption"]
    assert not any(concern in m.value for m in at.markdown)  # plain text, never markup
    # Not scored: every option's fit reads the same with or without the concern.
    fit_cards = [m.value for m in at.markdown if "you rated it" in m.value]
    assert fit_cards
    assert [m.value for m in app_at(VALUES_PAGE, plain).markdown if "you rated it" in m.value] == fit_cards


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_the_page_shows_a_reason_by_what_an_option_is_with_its_own_words_not_numbers(diagnosis):
    record = DecisionRecord(safety_screen_done=True, diagnosis=diagnosis, values={RISKS: 9})
    at = app_at(VALUES_PAGE, record)
    assert_no_exception(at)
    item = next(i for i in VALUES.items if i.id == RISKS)
    assert item.by_what_it_is is not None
    for option in CONTENT.decision_for(diagnosis).options:
        card = next(n for n in _walk(at.main) if _keyed(n).endswith(f"-fit-{option}"))
        nodes = [n for n in _walk(card) if getattr(n, "type", None) in ("markdown", "caption")]
        why = item.by_what_it_is.no_operation if option == "non_operative" else item.by_what_it_is.an_operation
        title = "Tends to fit" if option == "non_operative" else "Tends not to fit"
        at_why = next(k for k, n in enumerate(nodes) if n.type == "markdown" and why in n.value)
        # Under its label's heading, and under it the basis in words where a study's numbers would be.
        heading = [n.value for n in nodes[:at_why] if n.type == "markdown" and "**" in n.value and "- " not in n.value]
        assert heading[-1].endswith(f"**{title}**"), heading
        assert nodes[at_why + 1].type == "caption" and nodes[at_why + 1].value == VALUES.by_what_it_is_note
        # Every other reason on the card shows its comparison's numbers, never the note.
        notes = [n.value for n in nodes if n.type == "caption"]
        assert notes.count(VALUES.by_what_it_is_note) == 1
        assert all(re.search(r"\d", v) for v in notes if v != VALUES.by_what_it_is_note)


# ---------------------------------------------------------------- the compact table, reasons on demand (issue 24)


class _Table(HTMLParser):
    """The values-fit table's rows, each a list of its cells' text (header cells included)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.caption = ""
        self._cell: list[str] | None = None
        self._in_caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell = []
            if tag == "th":
                assert dict(attrs).get("scope") in ("col", "row")
        elif tag == "caption":
            self._in_caption = True

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None
        elif tag == "caption":
            self._in_caption = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        elif self._in_caption:
            self.caption += data


def _every_item_rated(diagnosis: str) -> DecisionRecord:
    ratings = {item.id: [9, 7, 3, 10, 8, 0, 6, 7, 5][n % 9] for n, item in enumerate(VALUES.items)}
    return DecisionRecord(safety_screen_done=True, diagnosis=diagnosis, values=ratings)


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_the_page_shows_the_fit_as_a_table_of_one_label_per_item_and_option(diagnosis):
    record = _every_item_rated(diagnosis)
    at = app_at(VALUES_PAGE, record)
    assert_no_exception(at)
    fit = values_fit(record.values, VALUES, CONTENT.template.option_order, content=CONTENT, diagnosis=diagnosis)
    tables = [m.value for m in at.markdown if 'class="values-fit"' in m.value]
    assert len(tables) == 1
    parsed = _Table()
    parsed.feed(tables[0])
    header, *rows = parsed.rows
    pages = CONTENT.pages
    assert header == [pages["values.table_item"].format(threshold=fit.threshold),
                      *(CONTENT.option(o.option).name for o in fit.options)]
    assert {o.option for o in fit.options} == set(CONTENT.decision_for(diagnosis).options)
    labels = {i.id: i.label for i in VALUES.items}
    assert [r[0] for r in rows] == [labels[i] for i in fit.high_items]
    assert len(rows) == sum(r >= 7 for r in record.values.values())
    # Each cell, from values_fit's own reasons: none, the one label they share, or Mixed when they differ.
    for row, item_id in zip(rows, fit.high_items, strict=True):
        for cell, option_fit in zip(row[1:], fit.options, strict=True):
            found = {r.fit for r in option_fit.reasons if r.item_id == item_id}
            want = (pages["values.table_blank"] if not found
                    else pages["values.fit_mixed"] if len(found) > 1 else pages[f"values.fit_{found.pop()}"])
            assert cell == want, (item_id, option_fit.option)
    assert parsed.caption == " ".join(pages["values.table_caption"].format(threshold=fit.threshold).split())
    # The disclaimer stays in view, above the table.
    assert any(VALUES.disclaimer in w.value for w in at.warning)


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
def test_the_reasons_are_folded_in_one_closed_layer_with_every_option(diagnosis):
    record = _every_item_rated(diagnosis)
    at = app_at(VALUES_PAGE, record)
    assert_no_exception(at)
    options = [o for o in CONTENT.template.option_order if o in CONTENT.decision_for(diagnosis).options]
    whys = [e for e in at.expander if e.label == CONTENT.pages["values.why_title"]]
    assert len(whys) == 1 and not whys[0].proto.expanded  # closed until the patient opens it
    # Every option in it, in order, under its own name: the same detail for each (issue 24).
    cards = [n for n in _walk(whys[0]) if any(_keyed(n).endswith(f"-fit-{o}") for o in options)]
    assert [next(o for o in options if _keyed(c).endswith(f"-fit-{o}")) for c in cards] == options
    for card, option in zip(cards, options, strict=True):
        assert next(n for n in _walk(card) if getattr(n, "type", None) == "markdown").value == \
            f"#### {CONTENT.option(option).name}"
    inside = {id(n) for n in _walk(whys[0])}
    reasons = [m for m in at.markdown if "you rated it" in m.value]
    assert reasons and all(id(m) in inside for m in reasons)
    # The notes under each reason stay with it, inside.
    assert all(id(c) in inside for c in at.caption if c.value == VALUES.by_what_it_is_note)


def test_an_option_whose_reasons_for_one_item_differ_reads_mixed():
    def reason(fit):
        return FitReason("x", "X", 9, fit, "why", None)

    assert cell_fit(OptionFit("a", ()), "x") is None
    assert cell_fit(OptionFit("a", (reason("tends_to_fit"), reason("tends_to_fit"))), "x") == "tends_to_fit"
    assert cell_fit(OptionFit("a", (reason("tends_to_fit"), reason("tends_not_to_fit"))), "x") == "mixed"
    assert cell_fit(OptionFit("a", (reason("tends_not_to_fit"),)), "y") is None


def test_the_table_escapes_every_text():
    table = FitTable(items=(("x", "<b>pain</b>"),), options=("a",), cells=(("mixed",),))
    html = fit_table_html(table, {"a": "<i>A</i>"}, {"mixed": "Mixed & <u>so</u>"},
                          item_heading="<s>h</s>", blank="—", caption="<em>c</em>")
    assert "<b>" not in html and "<i>" not in html and "<u>" not in html and "<s>" not in html
    assert "<em>" not in html and "&lt;b&gt;pain&lt;/b&gt;" in html
