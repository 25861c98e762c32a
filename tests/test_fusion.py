"""The fusion questions: the five cards, the reoperation panel, the spine drawing, and the plan."""

from __future__ import annotations

import re

import pytest

from decision.content import load_content
from decision.content.wording import format_number, sentence
from decision.output.spine_drawing import SEGMENTS, adjacent_segments, describe, fused_segments, segments_svg
from decision.record import DecisionRecord, FusionPlan, parse_record
from tests.conftest import app_at, assert_no_exception
from tests.svg_spec import NS, page_svgs, parts, svgs

WORDS = load_content().pages  # the drawing's words (spine_drawing.*)

PAGE = "pages/4_Fusion_questions.py"
CARD_IDS = ["decompression_alone", "instrumentation", "approach", "cages_or_screws", "length"]
PLAN_KEYS = ["with_decompression", "instrumentation", "approach", "interbody_cage", "segments"]


# ---------------------------------------------------------------- content


def test_the_five_cards_come_in_the_order_of_the_walk(content):
    assert [q.id for q in content.fusion.questions] == CARD_IDS


@pytest.mark.parametrize("card_id", CARD_IDS)
def test_every_card_has_every_part(content, card_id):
    q = next(q for q in content.fusion.questions if q.id == card_id)
    assert q.question.strip().endswith("?")
    assert q.short_question.endswith("?") and len(q.short_question) < len(q.question)
    assert q.choices_line.strip() and "\n" not in q.choices_line
    assert set(q.key_figures) <= set(q.figures)
    assert q.key_figures or q.key_message.strip(), "a closed card shows key numbers, or its answer in words"
    assert len(q.choices) >= 2
    for c in q.choices:
        assert c.name.strip() and c.involves.strip()
    assert q.known.strip() and q.not_known.strip()
    assert 2 <= len(q.ask) <= 3
    assert q.sources
    for fid in q.figures:
        figure = content.figure(fid)
        assert figure.source in content.source_by_id, f"{fid} cites {figure.source}, not in the bibliography"
    for sid in q.sources:
        assert sid in content.source_by_id


def _numbers(text: str) -> list[str]:
    return re.findall(r"\b\d+ in 100\b", text)


@pytest.mark.parametrize("where", [*CARD_IDS, "reoperation"])
def test_each_bottom_line_says_its_key_numbers_as_drawn_and_no_other(content, where):
    """Issue 24: the closed card's bottom line carries its key numbers in words (the icon arrays
    wait behind "read more"). Each number in it is a key figure's number as the aid words it, and
    each key figure's number is in it; a V2 number keeps its label beside it."""
    r = content.fusion.reoperation
    q = next((q for q in content.fusion.questions if q.id == where), None)
    line, key = (q.bottom_line or q.key_message, q.key_figures) if q else (r.bottom_line, r.key_figures)
    said = _numbers(line)
    drawn = [format_number(content.figure(f).per_100, content.words) for f in key]
    assert sorted(said) == sorted(drawn), (where, said, drawn)
    if any(content.figure(f).label == "V2" for f in key):
        assert "seen only in a secondary report" in line.lower()


def test_the_cages_card_says_plainly_that_it_is_not_known(content):
    q = next(q for q in content.fusion.questions if q.id == "cages_or_screws")
    assert "not known" in q.known.lower()


def test_every_fusion_figure_is_a_seen_figure_with_a_source(content):
    ids = {f for q in content.fusion.questions for f in q.figures}
    ids |= set(content.fusion.reoperation.figures) | set(content.fusion.reoperation.after_non_operative)
    for fid in ids:
        figure = content.figure(fid)
        assert figure.label in ("V1", "V2")
        assert figure.source in content.source_by_id


def _reoperation_figures(content):
    r = content.fusion.reoperation
    return [content.figure(f) for f in (*r.figures, *r.after_non_operative)]


def test_every_reoperation_figure_states_its_time_frame(content):
    for figure in _reoperation_figures(content):
        assert re.search(r"\b\d+\s+(years?|months?|weeks?)\b", figure.time_frame), figure.id
        assert figure.horizon != "over_time", figure.id
        assert figure.time_frame in sentence(figure, content.words)


def test_the_reoperation_panel_covers_each_operation_and_care_without_surgery(content):
    r = content.fusion.reoperation
    for fid in ("sport_stenosis_reoperation_4y.laminectomy", "sport_stenosis_reoperation_8y.laminectomy",
                "sport_disc_reherniation_4y.microdiscectomy", "maine_sciatica_reoperation_10y.microdiscectomy",
                "sport_ds_reoperation_8y.fusion", "reop_any_11y"):
        assert fid in r.figures
    for fid in ("peul_operation_later_1y.non_operative", "sport_disc_operation_later_8y.non_operative",
                "sport_stenosis_operation_later_8y.non_operative"):
        assert fid in r.after_non_operative
    assert all(content.figure(f).kind == "reoperation" for f in r.figures)


def test_decompression_and_fusion_are_compared_on_the_same_time_frame(content):
    """Balance: each pair of arms is shown over the same time and in the same way."""
    pairs = [("nordsten_good_result_decompression_2y", "nordsten_good_result_fusion_2y"),
             ("slip_reop_decompression_4y", "slip_reop_fusion_4y"),
             ("new_narrowing_above_decompression_2y", "new_narrowing_above_fusion_2y"),
             ("reop_slip_decompression_11y", "reop_slip_fusion_11y"),
             ("reop_other_decompression_11y", "reop_other_fusion_11y")]
    for a, b in pairs:
        fa, fb = content.figure(a), content.figure(b)
        assert (fa.time_frame, fa.horizon, fa.source, fa.label) == (fb.time_frame, fb.horizon, fb.source, fb.label)


# ---------------------------------------------------------------- the spine drawing


def segments_figure(segments):
    (svg,) = svgs(segments_svg(segments, WORDS))
    return svg


def _named(svg, kind: str) -> list[str]:
    return parts(svg, kind)


def _texts(svg) -> str:
    return " ".join("".join(t.itertext()) for t in svg.iter(f"{NS}text"))


@pytest.mark.parametrize("segments", [1, 2, 3])
def test_the_drawing_fills_as_many_segments_as_are_fused(segments):
    fig = segments_figure(segments)
    fused = _named(fig, "fused")
    assert len(fused) == segments
    positions = [SEGMENTS.index(s) for s in fused]
    assert positions == list(range(positions[0], positions[0] + segments)), "a fusion is one unbroken run"


@pytest.mark.parametrize("segments", [1, 2, 3])
def test_the_drawing_marks_the_levels_next_to_the_fusion(segments):
    fig = segments_figure(segments)
    fused = [SEGMENTS.index(s) for s in _named(fig, "fused")]
    adjacent = _named(fig, "adjacent")
    assert adjacent and set(adjacent) == set(adjacent_segments(segments))
    for s in adjacent:
        i = SEGMENTS.index(s)
        assert i == min(fused) - 1 or i == max(fused) + 1
    assert min(fused) - 1 >= 0 and SEGMENTS[min(fused) - 1] in adjacent, "the level above is always marked"
    texts = _texts(fig)
    assert "Neighbouring level above the fusion" in texts
    assert f"Fused: {segments} motion segment" in texts


def test_the_drawing_without_a_length_marks_nothing():
    fig = segments_figure(None)
    assert _named(fig, "fused") == [] and _named(fig, "adjacent") == []
    assert len(_named(fig, "disc")) == len(SEGMENTS)
    assert "No fusion is marked" in describe(None, WORDS)


def test_the_drawing_refuses_a_length_it_cannot_show():
    with pytest.raises(ValueError):
        fused_segments(4)


def test_the_words_for_the_drawing_name_the_fused_and_neighbouring_levels():
    assert "L4 to L5 (1 motion segment" in describe(1, WORDS)
    assert "L3 to L4" in describe(1, WORDS) and "L5 to Sacrum" in describe(1, WORDS)
    assert "L3 to Sacrum (3 motion segments" in describe(3, WORDS)


# ---------------------------------------------------------------- the plan in the record


PLAN = FusionPlan(with_decompression="yes", instrumentation="pedicle_screws", approach="combined_360",
                  interbody_cage="no", segments=2, surgeon_notes="Check **bone density** <b>first</b>.")


def test_the_fusion_plan_survives_save_and_load():
    record = DecisionRecord(safety_screen_done=True, fusion_plan=PLAN, fusion_patient_notes="Ask about work.")
    record.clinical.confirmed_diagnosis = "Degenerative spondylolisthesis L4-5"
    loaded = parse_record(record.to_json())
    assert loaded == record
    assert loaded.fusion_plan == PLAN


def test_the_fusion_plan_survives_a_page_switch():
    at = app_at(PAGE, clinic=True)
    assert_no_exception(at)
    at.radio(key="w:fusion_plan:with_decompression").set_value("yes").run()
    at.radio(key="w:fusion_plan:instrumentation").set_value("pedicle_screws").run()
    at.radio(key="w:fusion_plan:approach").set_value("anterior").run()
    at.radio(key="w:fusion_plan:interbody_cage").set_value("yes").run()
    at.radio(key="w:fusion_plan:segments").set_value("3").run()
    at.text_area(key="w:fusion_plan:surgeon_notes").input("Review in 6 weeks.").run()
    at.text_area(key="w:clinical:confirmed_diagnosis").input("Stenosis L3-4 with slip").run()
    at.text_area(key="w:clinical:imaging_findings").input("MRI: narrowing at L3-4").run()
    assert_no_exception(at)
    at.switch_page("pages/3_Compare_your_options.py").run()
    at.switch_page(PAGE).run()
    assert_no_exception(at)
    record = at.session_state["record"]
    assert record.fusion_plan == FusionPlan(with_decompression="yes", instrumentation="pedicle_screws",
                                            approach="anterior", interbody_cage="yes", segments=3,
                                            surgeon_notes="Review in 6 weeks.")
    assert record.clinical.confirmed_diagnosis == "Stenosis L3-4 with slip"
    assert record.clinical.imaging_findings == "MRI: narrowing at L3-4"
    # and the widgets show the plan again after the switch
    assert at.radio(key="w:fusion_plan:approach").value == "anterior"
    assert at.radio(key="w:fusion_plan:segments").value == "3"


# ---------------------------------------------------------------- the page


def _all_markdown(at) -> str:
    """Every piece of text the page renders as markdown (markdown, headings, notes)."""
    parts = (*at.markdown, *at.header, *at.subheader, *at.info, *at.caption)
    return "\n".join(str(m.value) for m in parts)


def _card(at, card_id: str):
    """The card's container, and its elements in the order they are drawn."""
    (block,) = [b for b in at.main.children.values() if getattr(b, "key", None) == f"card-{card_id}"]
    return block, list(block.children.values())


def _open_every_card(at):
    for toggle in at.toggle:
        if toggle.key and toggle.key.startswith("fusion_more:"):
            toggle.set_value(True)
    return at.run()


def test_each_closed_card_shows_its_question_bottom_line_and_key_numbers_only(content):
    """Issue 24: the closed card is its question, its bottom line in words (the uncertainty said out
    loud) and its key numbers; the choices line and the sources wait behind "read more"."""
    at = app_at(PAGE, clinic=False)
    assert_no_exception(at)
    text = _all_markdown(at)
    for q in content.fusion.questions:
        _, elements = _card(at, q.id)
        card = "\n".join(str(getattr(e, "value", "")) for e in elements)
        assert q.short_question in card and q.choices_line not in card
        assert (q.bottom_line or q.key_message) in card
        assert "Source:" not in card, f"the sources of {q.id} wait behind 'read more'"
        if q.key_message:
            assert q.key_message in card
        for fid in q.figures:  # the key numbers are said in the bottom line; their arrays wait
            assert sentence(content.figure(fid), content.words) not in card, f"{fid} is drawn on the closed card {q.id}"
        assert q.not_known not in text and q.known not in text
    assert not page_svgs(at, "spine-drawing"), "the drawing waits behind 'read more'"
    assert [t.label for t in at.toggle if (t.key or "").startswith("fusion_more:")] == [
        content.pages["fusion.read_more"].format(number=n) for n in range(1, 6)
    ] + [content.pages["fusion.reop_read_more"]]
    r = content.fusion.reoperation
    assert r.bottom_line in text and r.intro not in text and r.caution not in text
    assert not page_svgs(at, "icon-array"), "the icon arrays wait behind 'read more'"


def test_key_numbers_say_benefit_or_harm_in_a_word_and_a_colour(content):
    """Behind each card's "read more" (issue 24), its key numbers first, then the rest."""
    at = _open_every_card(app_at(PAGE, clinic=False))
    blocks = [m.value for m in at.markdown if 'class="key-numbers"' in str(m.value)]
    with_arrays = [q for q in content.fusion.questions
                   if any(content.figure(f).kind != "context" for f in q.key_figures)]
    assert len(blocks) >= len(with_arrays) + 1  # the cards with counts, and "another operation later"
    html = "\n".join(blocks)
    p = content.pages
    assert p["fusion.kind_benefit"] in html and p["fusion.kind_harm"] in html
    assert 'data-kind="benefit"' in html and 'data-kind="harm"' in html
    from decision.compare.icon_array import KIND_COLORS
    assert KIND_COLORS["benefit"] != KIND_COLORS["harm"]
    assert KIND_COLORS["benefit"] in html and KIND_COLORS["harm"] in html
    arrays = page_svgs(at, "icon-array")
    key_figures = [content.figure(f) for q in content.fusion.questions for f in q.key_figures]
    assert len(arrays) >= sum(f.kind != "context" for f in key_figures) + 1
    assert all(int(svg.get("width")) >= 150 for svg in arrays)
    for q in content.fusion.questions:  # a V2 key number keeps its label beside it behind "read more" too
        for fid in q.key_figures:
            if content.figure(fid).label == "V2":
                said = sentence(content.figure(fid), content.words)
                drawn = next(m.value for m in at.markdown if said in str(m.value))
                assert content.pages["fusion.v2_label"] in drawn, fid


def test_read_more_shows_everything_on_the_card(content):
    at = _open_every_card(app_at(PAGE, clinic=False))
    assert_no_exception(at)
    text = _all_markdown(at)
    for q in content.fusion.questions:
        assert q.question in text and q.known in text and q.not_known in text and q.choices_line in text
        for c in q.choices:
            assert c.name in text and c.involves in text
        for a in q.ask:
            assert a in text
        for fid in q.figures:
            figure = content.figure(fid)
            assert sentence(figure, content.words) in text
            assert figure.population[1:] in text, f"who {fid} applies to is lost"
        for sid in q.sources:
            assert content.source(sid).citation in text
    r = content.fusion.reoperation
    for fid in (*r.figures, *r.after_non_operative):
        assert sentence(content.figure(fid), content.words) in text
    assert r.intro in text and r.caution in text
    for fid in (*r.key_figures, *(f for q in content.fusion.questions for f in q.key_figures)):
        figure = content.figure(fid)
        assert f"Source: {content.source(figure.source).plain}." in text, f"the source of key number {fid} is lost"
    spines = page_svgs(at, "spine-drawing")
    assert len(spines) == 1 and spines[0].get("aria-label") == describe(1, WORDS)


def test_the_page_walks_at_home_without_the_surgeons_fields(content):
    at = _open_every_card(app_at(PAGE, clinic=False))
    assert_no_exception(at)
    keys = {w.key for w in (*at.radio, *at.text_area)}
    assert not any(k.startswith(("w:fusion_plan:", "w:clinical:")) for k in keys)
    assert "w:fusion_patient_notes" in keys
    assert page_svgs(at, "icon-array")


def test_the_page_walks_in_clinic_with_the_surgeons_fields():
    at = app_at(PAGE, clinic=True)
    assert_no_exception(at)
    for field in PLAN_KEYS:
        assert at.radio(key=f"w:fusion_plan:{field}") is not None
    for key in ("w:clinical:confirmed_diagnosis", "w:clinical:imaging_findings", "w:fusion_plan:surgeon_notes"):
        assert at.text_area(key=key) is not None


@pytest.mark.parametrize("card_id,field", list(zip(CARD_IDS, PLAN_KEYS, strict=True)))
def test_in_clinic_the_proposal_is_the_first_thing_on_its_card(content, card_id, field):
    at = app_at(PAGE, clinic=True)
    _block, elements = _card(at, card_id)
    widgets = [e for e in elements if e.type in ("radio", "toggle", "text_area")]
    assert widgets[0].key == f"w:fusion_plan:{field}"
    assert elements.index(widgets[0]) <= 1, "only the words 'The surgeon's proposal' come before it"
    q = next(q for q in content.fusion.questions if q.id == card_id)
    heading = next(i for i, e in enumerate(elements) if e.type == "subheader")
    assert q.short_question in elements[heading].value and heading > elements.index(widgets[0])


def test_a_proposal_made_on_a_card_is_saved_to_the_record():
    at = app_at(PAGE, clinic=True)
    at.radio(key="w:fusion_plan:interbody_cage").set_value("no").run()
    at.radio(key="w:fusion_plan:segments").set_value("2").run()
    assert_no_exception(at)
    plan = at.session_state["record"].fusion_plan
    assert (plan.interbody_cage, plan.segments) == ("no", 2)


def test_patient_notes_written_at_home_are_kept():
    at = app_at(PAGE, clinic=False)
    at.text_area(key="w:fusion_patient_notes").input("Worried about time off work.").run()
    assert_no_exception(at)
    assert at.session_state["record"].fusion_patient_notes == "Worried about time off work."


def test_the_home_view_shows_a_recorded_plan_read_only():
    record = DecisionRecord(safety_screen_done=True, fusion_plan=PLAN)
    record.clinical.imaging_findings = "MRI: slip at L4-5"
    at = app_at(PAGE, record=record, clinic=False)
    assert_no_exception(at)
    keys = {w.key for w in (*at.radio, *at.text_area)}
    assert not any(k.startswith(("w:fusion_plan:", "w:clinical:")) for k in keys), "the plan is not editable at home"
    shown = _all_markdown(at)
    for label in ("Front and back (360°)", "Screws and rods", "No cage", "2 motion segments"):
        assert label in shown
    plain = [t.value for t in at.text]
    assert PLAN.surgeon_notes in plain, "free text is shown as plain text"
    assert "MRI: slip at L4-5" in plain
    assert PLAN.surgeon_notes not in _all_markdown(at), "free text is never rendered as markdown"
    at = _open_every_card(at)
    assert not [r for r in at.radio if r.key == "w:fusion_drawing_example"], "the drawing shows the planned length"
    assert page_svgs(at, "spine-drawing")[0].get("aria-label") == describe(2, WORDS)


@pytest.mark.parametrize("card_id", CARD_IDS)
def test_at_home_a_recorded_proposal_is_the_first_thing_on_its_card(content, card_id):
    at = app_at(PAGE, record=DecisionRecord(safety_screen_done=True, fusion_plan=PLAN), clinic=False)
    _, elements = _card(at, card_id)
    # one line of text (issue 24: not a coloured box; the plan is said once, here on its card)
    assert type(elements[0]).__name__ == "Markdown"
    assert elements[0].value.startswith(content.pages["fusion.proposal_at_home"].split("{")[0])
    field = next(f for f in content.fusion.plan if f.card == card_id)
    from decision.compare.fusion_plan import stored_key
    words = field.values[stored_key(getattr(PLAN, field.field))]
    assert field.question in elements[0].value and words in elements[0].value


def test_a_blank_plan_is_not_shown_at_home(content):
    at = app_at(PAGE, clinic=False)
    assert_no_exception(at)
    assert content.pages["fusion.plan_title"] not in "\n".join(s.value for s in at.subheader)
    assert not at.info or all(content.pages["fusion.plan_title"] not in i.value for i in at.info)
    for card_id in CARD_IDS:
        _, elements = _card(at, card_id)
        assert elements[0].type == "subheader", "with no plan, each card opens with its question"


def test_every_plan_value_the_record_can_hold_has_words_in_content(content):
    import typing

    from decision.compare.fusion_plan import stored_key

    def values(annotation) -> set[str]:
        if annotation is type(None):  # not answered: printed as "Not answered", no content words
            return set()
        args = typing.get_args(annotation)
        if typing.get_origin(annotation) is typing.Literal:
            return {stored_key(a) for a in args}
        return set().union(*(values(a) for a in args))

    for field in content.fusion.plan:
        assert set(field.values) == values(FusionPlan.model_fields[field.field].annotation), field.field


def test_each_card_splits_its_figures_into_key_and_other_and_loses_none(content):
    from decision.compare.fusion_cards import fusion_cards, reoperation_layers

    cards = fusion_cards(content, PLAN)
    assert [c.question.id for c in cards] == CARD_IDS and [c.number for c in cards] == [1, 2, 3, 4, 5]
    for card in cards:
        shown = [f.id for f in (*card.key_figures, *card.other_figures)]
        assert sorted(shown) == sorted(card.question.figures)
        assert card.key_arrays or card.key_message, f"card {card.number} shows nothing on its closed card"
        assert all(f.kind != "context" for f in card.key_arrays)
    assert cards[2].proposal_words == "Front and back (360°)" and cards[4].proposal_key == "2"
    assert fusion_cards(content, FusionPlan())[0].proposal_words is None
    r, layers = content.fusion.reoperation, reoperation_layers(content)
    shown = [f.id for f in (*layers.key, *layers.other, *layers.after_non_operative)]
    assert sorted(shown) == sorted((*r.figures, *r.after_non_operative))


# ---------------------------------------------------------------- fusion not among the options (issue 24)


def _layer(at):
    """The closed layer that holds every card where fusion is not among the diagnosis's options."""
    return [b for b in at.main.children.values() if getattr(b, "key", None) == "fusion-cards-layer"]


@pytest.mark.parametrize("diagnosis,procedure,proposal,whole", [
    ("degenerative_spondylolisthesis", "laminectomy", "laminectomy", True),  # fusion is one of its options
    ("chronic_low_back_pain", "none_yet", "none_yet", True),
    ("disc_herniation", "microdiscectomy", "microdiscectomy", False),
    ("spinal_stenosis", "laminectomy", "non_operative", False),
    ("spinal_stenosis", "fusion", "none_yet", True),  # the operation talked about is fusion
    ("disc_herniation", "microdiscectomy", "fusion", True),  # the surgeon proposes fusion
    ("not_sure", "none_yet", "none_yet", True),  # no options yet: nothing to say fusion is not among
    (None, "none_yet", "none_yet", True),
])
def test_the_whole_page_shows_unless_fusion_is_not_among_the_options_and_nobody_raised_it(
        content, diagnosis, procedure, proposal, whole):
    from decision.compare.fusion_cards import fusion_in_view
    assert fusion_in_view(content, diagnosis, procedure, proposal) is whole


def _record(diagnosis: str, procedure: str = "none_yet", proposal: str = "none_yet") -> DecisionRecord:
    record = DecisionRecord(safety_screen_done=True, diagnosis=diagnosis, procedure=procedure, fusion_plan=PLAN)
    record.clinical.proposed_operation = proposal
    return record


@pytest.mark.parametrize("diagnosis", ["disc_herniation", "spinal_stenosis"])
def test_where_fusion_is_not_an_option_the_page_says_so_and_keeps_every_card_in_a_closed_layer(content, diagnosis):
    at = app_at(PAGE, _record(diagnosis), clinic=False)
    assert_no_exception(at)
    p = content.pages
    assert p["fusion.not_an_option"] in [m.value for m in at.markdown]
    assert p["fusion.your_diagnosis"].format(diagnosis=p[f"diagnosis.{diagnosis}"]) in [m.value for m in at.markdown]
    (layer,) = _layer(at)
    assert layer.label == p["fusion.cards_layer"] and not layer.proto.expanded, "the cards wait, closed"
    inside = {getattr(b, "key", None) for b in layer.children.values()}
    assert {f"card-{c}" for c in CARD_IDS} | {"card-reoperation"} <= inside, "every card is still there"
    assert at.text_area(key="w:fusion_patient_notes") is not None, "her notes stay outside the layer"


def test_where_fusion_is_not_an_option_the_surgeon_still_reaches_the_plan_in_clinic(content):
    at = app_at(PAGE, _record("disc_herniation"), clinic=True)
    assert_no_exception(at)
    assert _layer(at)
    for field in PLAN_KEYS:
        assert at.radio(key=f"w:fusion_plan:{field}") is not None
    at.radio(key="w:fusion_plan:segments").set_value("2").run()
    assert at.session_state["record"].fusion_plan.segments == 2
    for key in ("w:clinical:confirmed_diagnosis", "w:clinical:imaging_findings", "w:fusion_plan:surgeon_notes"):
        assert at.text_area(key=key) is not None


@pytest.mark.parametrize("procedure,proposal", [("fusion", "none_yet"), ("microdiscectomy", "fusion")])
def test_fusion_talked_about_or_proposed_shows_the_whole_page_whatever_the_diagnosis(content, procedure, proposal):
    at = app_at(PAGE, _record("disc_herniation", procedure, proposal), clinic=False)
    assert_no_exception(at)
    assert not _layer(at) and content.pages["fusion.not_an_option"] not in [m.value for m in at.markdown]
    for card_id in CARD_IDS:
        assert _card(at, card_id)
