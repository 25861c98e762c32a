"""The drawings say their words in the screen's language (issue 26, item 1).

The side drawing of a fusion (decision/output/spine_drawing.py) took its text alternative and its labels
from English built in code ("Marked as fused: L4 to L5 (1 motion segment, an example)"). Every sentence is
now content (``spine_drawing.*``): whole sentences, one for one segment and one for several. Here: the
text alternative and the labels in English (as before) and in Spanish with no English left, and the
aria-label on the Spanish Fusion page. The small drawings of each condition already took every word from
content (tests/test_your_back.py); the scan in tests/test_pages_say_nothing_in_code.py keeps both modules
free of English.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from decision.content import load_content
from decision.output.spine_drawing import describe, segments_svg
from decision.record import DecisionRecord
from tests.conftest import APP, assert_no_exception
from tests.svg_spec import page_svgs

ENGLISH = {
    None: "Drawing of the lower back from the side: five lower back bones (L1 to L5) above the sacrum, with a "
          "disc between each. No fusion is marked.",
    1: "Drawing of the lower back from the side: five lower back bones (L1 to L5) above the sacrum, with a "
       "disc between each. Marked as fused: L4 to L5 (1 motion segment, an example). Marked as a neighbouring "
       "level: L3 to L4 and L5 to Sacrum.",
    3: "Drawing of the lower back from the side: five lower back bones (L1 to L5) above the sacrum, with a "
       "disc between each. Marked as fused: L3 to Sacrum (3 motion segments, an example). Marked as a "
       "neighbouring level: L2 to L3.",
}
ENGLISH_WORDS = {"drawing", "lower", "back", "from", "side", "bones", "above", "with", "disc", "between", "each",
                 "marked", "fused", "motion", "segment", "segments", "example", "neighbouring", "level", "sacrum",
                 "body", "front", "these", "grow", "into", "one", "below", "fusion", "the"}


@pytest.fixture(scope="module")
def spanish():
    return load_content(lang="es")


def _drawn_text(svg: str) -> str:
    return " ".join(re.findall(r">([^<>]+)<", svg))


@pytest.mark.parametrize("segments", [None, 1, 3])
def test_the_english_text_alternative_is_as_it_was(segments, content):
    assert describe(segments, content.pages) == ENGLISH[segments]


@pytest.mark.parametrize("segments", [None, 1, 2, 3])
def test_the_spanish_drawing_says_no_english_word(segments, spanish):
    svg = segments_svg(segments, spanish.pages)
    alt = re.search(r'aria-label="([^"]+)"', svg).group(1)
    assert alt == describe(segments, spanish.pages)
    words = {w.lower() for w in re.findall(r"[^\W\d]+", f"{alt} {_drawn_text(svg)}")}
    assert not words & ENGLISH_WORDS, sorted(words & ENGLISH_WORDS)
    assert "{" not in alt and "sacro" in alt.lower()


def test_one_segment_and_several_are_each_their_own_sentence(spanish):
    one, three = describe(1, spanish.pages), describe(3, spanish.pages)
    assert "(1 segmento móvil," in one and "(3 segmentos móviles," in three
    assert "Fusión: 1 segmento móvil" in _drawn_text(segments_svg(1, spanish.pages))


def test_the_fusion_page_in_spanish_labels_its_drawing_in_spanish(spanish):
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["record"] = DecisionRecord(safety_screen_done=True, diagnosis="degenerative_spondylolisthesis",
                                                procedure="fusion")
    at.query_params["lang"] = "es"
    at.run().switch_page("pages/4_Fusion_questions.py").run()
    for toggle in at.toggle:
        if toggle.key and toggle.key.startswith("fusion_more:"):
            toggle.set_value(True)
    at.run()
    assert_no_exception(at)
    [spine] = page_svgs(at, "spine-drawing")
    assert spine.get("aria-label") == describe(1, spanish.pages) != describe(1, load_content().pages)
