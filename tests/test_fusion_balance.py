"""The fusion cards answer their own question, with a harm for each choice and the single-arm warning
(issue 23, item 3), and check-content refuses a card that breaks that balance."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import pytest

from decision.content import ContentError, load_content
from decision.content.wording import sentence
from tests.conftest import app_at, assert_no_exception, break_content

PAGE = "pages/4_Fusion_questions.py"
CARD_IDS = ["decompression_alone", "instrumentation", "approach", "cages_or_screws", "length"]
JNNP_TABLE = "Journal of Neurology, Neurosurgery and Psychiatry"


def card(content, card_id):
    return next(q for q in content.fusion.questions if q.id == card_id)


# ---------------------------------------------------------------- each card answers its own question


@pytest.mark.parametrize("card_id", CARD_IDS)
def test_every_harm_on_a_card_is_a_harm_of_one_of_its_choices(content, card_id):
    """A harm answers the card's question only if it belongs to one of the card's choices."""
    q = card(content, card_id)
    named = {h for c in q.choices for h in c.harms}
    harms = {f for f in q.figures if content.figure(f).kind == "harm"}
    assert harms == named
    if harms:
        for c in q.choices:
            assert c.harms or c.no_harm.strip(), f"{c.name} has no harm and no sentence saying none is counted"


def test_the_cage_card_shows_no_360_figure_and_says_the_reviews_disagree(content):
    q = card(content, "cages_or_screws")
    from_fritzell = [f for f in q.figures if content.figure(f).source == "fritzell_2003"]
    assert not from_fritzell, "Fritzell's 360° answers another question"
    assert "fritzell_2003" not in q.sources
    assert not q.key_figures and "No one knows" in q.key_message
    assert "None found a clear difference in complications" in q.key_message
    # the reviews it cites, each in the bibliography and each in the words
    assert {"liu_2014", "plif_vs_plf_meta_2019", "plif_vs_plf_meta_2020", "plif_vs_plf_slip_meta"} <= set(q.sources)
    assert "Four reviews" in q.known and "card 3" in q.known


def test_the_360_figures_answer_the_approach_card_back_against_both(content):
    q = card(content, "approach")
    both = next(c for c in q.choices if "both" in c.name.lower())
    back = next(c for c in q.choices if "back" in c.name.lower())
    assert "fritzell_complication_360_2y" in both.harms and "fritzell_complication_screws_2y" in back.harms
    assert {"fritzell_complication_360_2y", "fritzell_complication_screws_2y"} <= set(q.key_figures)


def test_the_approach_card_has_harms_for_front_and_back_on_the_closed_card(content):
    q = card(content, "approach")
    for side in ("back", "front", "both"):
        choice = next(c for c in q.choices if side in c.name.lower())
        assert choice.harms, f"no harm for the {side}"
        assert all(content.figure(h).kind == "harm" for h in choice.harms)
        assert set(choice.harms) & set(q.key_figures), f"the closed card shows no harm for the {side}"
    dural = content.figure("ds_dural_tear.fusion")
    assert dural.per_100 == 10.5 and dural.label == "V1"
    assert "ds_dural_tear.fusion" in next(c for c in q.choices if "back" in c.name.lower()).harms
    # PLIF nerve-root injury: a range with no single number, so in words, labelled as secondary
    assert "under 1 to 24 in 100" in q.known and "seen only in a secondary report" in q.known


def test_the_screws_card_names_every_trial_of_its_review_table(content):
    q = card(content, "instrumentation")
    table = [s for s in content.sources if s.secondary_via and JNNP_TABLE in s.secondary_via]
    assert {s.id for s in table} >= {"fischgrund_1997", "zdeblick_1993", "fritzell_2002"}
    for s in table:
        assert s.id in q.sources, f"{s.id} is in the same review table but not on the screws card"
        name = s.authors.split(",")[0].split()[0]
        assert name in q.known, f"the screws card does not name {name}"
        assert [f for f in q.figures if content.figure(f).source == s.id], f"no figure from {s.id}"
    assert "zdeblick_screws_excellent_result_gap" in q.key_figures  # better results with screws, on the closed card
    gaps = ("zdeblick_screws_fusion_gap", "zdeblick_screws_excellent_result_gap", "fritzell_2002_screws_fusion_gap")
    for fid in gaps:
        assert content.figure(fid).label == "V2"


# ---------------------------------------------------------------- the warning is drawn beside the number


def _warning_cells(html: str) -> dict[str, str]:
    """Each drawn key-number cell's sentence -> the warning drawn in the same cell ("" if none)."""
    cells = re.findall(r'<div class="key-number".*?(?=<div class="key-number"|$)', html, flags=re.S)
    out = {}
    for c in cells:
        s = re.search(r'<div class="kn-sentence">(.*?)</div>', c).group(1)
        w = re.search(r'<div class="kn-warning">(.*?)</div>', c)
        out[s] = w.group(1) if w else ""
    return out


def test_the_decompression_card_draws_the_single_arm_warning_beside_ssss(content):
    at = app_at(PAGE, clinic=False)
    at.toggle(key="fusion_more:decompression_alone").set_value(True)
    at.run()
    assert_no_exception(at)
    q = card(content, "decompression_alone")
    html = "\n".join(str(m.value) for m in at.markdown if "key-number" in str(m.value))
    cells = _warning_cells(html)
    ssss = escape(sentence(content.figure("ssss_reoperation_5y.laminectomy"), content.words))
    slip = escape(sentence(content.figure("slip_reop_decompression_4y"), content.words))
    assert slip in cells and ssss in cells, "SSSS and SLIP are both drawn on card 1"
    warning = q.single_arm["ssss_reoperation_5y.laminectomy"]
    assert cells[ssss] == escape(warning) and "Do not compare" in warning and "SLIP" in warning


def test_the_approach_card_draws_a_warning_beside_each_number_alone_from_its_study(content):
    """Its key numbers are said on the closed card with "do not compare them"; beside each drawn
    array behind "read more" (issue 24), its own warning."""
    at = app_at(PAGE, clinic=False)
    at.toggle(key="fusion_more:approach").set_value(True)
    at.run()
    q = card(content, "approach")
    assert "do not compare" in q.bottom_line.lower()
    html = "\n".join(str(m.value) for m in at.markdown if "key-number" in str(m.value))
    cells = _warning_cells(html)
    for fid in q.key_figures:
        drawn = cells[escape(sentence(content.figure(fid), content.words))]
        assert drawn == escape(q.single_arm.get(fid, "")), fid
    lone = escape(sentence(content.figure("anterior_vessel_injury"), content.words))
    assert cells[lone], "a lone number with no warning"


# ---------------------------------------------------------------- check-content refuses a broken copy


def _break(copy: Path, old: str, new: str) -> None:
    break_content(copy, "fusion.yaml", old, new, once=True)


def test_the_content_as_shipped_passes(content_copy):
    load_content(content_copy)


def test_a_card_with_harms_for_the_front_only_is_refused(content_copy):
    _break(content_copy, "        harms: [ds_dural_tear.fusion, fritzell_complication_screws_2y]\n", "")
    with pytest.raises(ContentError, match=r"fusion\.yaml \(approach\) choices.*ds_dural_tear\.fusion"):
        load_content(content_copy)


FRONT_WARNINGS = (
    "      anterior_vessel_injury: >-\n"
    "        From one hospital. Do not compare it with numbers from other studies.\n"
    "      anterior_retrograde_ejaculation: >-\n"
    "        This counts surgery from the front only. Do not compare it with numbers from other studies.\n"
)
APPROACH_KEY = (
    "      - ds_dural_tear.fusion\n      - fritzell_complication_screws_2y\n"
    "      - anterior_vessel_injury\n      - fritzell_complication_360_2y\n    question:"
)


def test_a_choice_with_no_harm_is_accepted_only_with_a_sentence_saying_so(content_copy):
    """The front's harms taken off the card: refused until the front says none is counted."""
    _break(content_copy, "        harms: [anterior_vessel_injury, anterior_retrograde_ejaculation]\n", "")
    _break(content_copy, "      - anterior_vessel_injury\n      - fritzell_complication_360_2y\n    question:",
           "      - fritzell_complication_360_2y\n    question:")
    _break(content_copy, "      - anterior_vessel_injury\n      - anterior_retrograde_ejaculation\n", "")
    _break(content_copy, FRONT_WARNINGS, "")
    with pytest.raises(ContentError,
                       match=r"\(approach\) choices \(From the front \(anterior\)\): the card counts harms"):
        load_content(content_copy)
    _break(content_copy, "the disc. The nerves at the back cannot be freed this way.\n",
           "the disc. The nerves at the back cannot be freed this way.\n"
           "        no_harm: Our evidence counts no harm for this way.\n")
    load_content(content_copy)


def test_a_closed_card_hiding_every_harm_of_one_choice_is_refused(content_copy):
    without_the_back = "      - anterior_vessel_injury\n      - fritzell_complication_360_2y\n    question:"
    _break(content_copy, APPROACH_KEY, without_the_back)
    with pytest.raises(ContentError,
                       match=r"\(approach\) key_figures: the closed card shows a harm for another choice"):
        load_content(content_copy)


def test_fritzells_360_figures_back_on_the_cage_card_are_refused(content_copy):
    _break(content_copy, "    figures: []\n",
           "    figures: [fritzell_complication_screws_2y, fritzell_complication_360_2y]\n")
    with pytest.raises(ContentError, match=r"\(cages_or_screws\) choices: the harm fritzell_complication_360_2y"):
        load_content(content_copy)


def test_ssss_beside_slip_without_its_warning_is_refused(content_copy):
    _break(content_copy, "      ssss_reoperation_5y.laminectomy: >-\n", "      ssss_reoperation_5y_gone: >-\n")
    with pytest.raises(ContentError, match=r"single_arm and choices' harms must name figures"):
        load_content(content_copy)
    _break(content_copy, "      ssss_reoperation_5y_gone: >-\n", "      slip_reop_fusion_4y: >-\n")
    with pytest.raises(ContentError,
                       match=r"\(decompression_alone\) figures: ssss_reoperation_5y\.laminectomy stands alone"):
        load_content(content_copy)
