"""Sources out of the sentence (issue 24 item 4): a patient reads "a US insurer" or "UK guidance";
policy codes, authors and addresses wait in the sources layer (a closed "Sources" expander, the
About page, the PDF's numbered list).

Each walk page is run with a fully answered record; the text outside every expander must hold no
policy code, no web address and not the names a patient cannot place.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1.element_tree import Expander

from decision.record import DecisionRecord
from tests.browser.walk_lengths import answered_record
from tests.conftest import app_at, assert_no_exception

WALK = ("pages/0_Start.py", "pages/1_Your_back.py", "pages/2_Your_care_so_far.py",
        "pages/3_Compare_your_options.py", "pages/4_Fusion_questions.py", "pages/5_What_matters_to_you.py",
        "pages/6_Check_your_understanding.py", "pages/7_Where_you_are_leaning.py", "pages/8_Summary.py")

# A policy code ("SUR712.036", "CMM-609", "MP 517", "L33382"), a web address, or a name a patient cannot place.
JARGON = re.compile(r"\b[A-Z]{2,}[- ]?\d{3}|\b[A-Z]+\d{3}\.\d+|\bL\d{5}\b|https?://|www\.|eviCore|Berman"
                    r"|not in our evidence|not named in")
DIAGNOSES = ("disc_herniation", "spinal_stenosis", "degenerative_spondylolisthesis", "chronic_low_back_pain",
             "not_sure")


def _visible(node) -> list[str]:
    """The text of every element under ``node``, skipping whatever sits inside a closed expander."""
    if isinstance(node, Expander) and not node.proto.expanded:
        return []
    children = getattr(node, "children", None)
    if children:
        return [t for child in children.values() for t in _visible(child)]
    out = []
    for attr in ("value", "body", "label", "help", "placeholder"):
        try:
            v = getattr(node, attr, None)
        except Exception:  # a widget whose value needs state it has not got
            v = None
        if isinstance(v, str):  # the first text an element has (markdown's body repeats its value)
            out.append(v)
            break
    proto = getattr(node, "proto", None)
    if proto is not None and hasattr(proto, "options"):
        out += [o if isinstance(o, str) else getattr(o, "label", "") for o in proto.options]
    return out


@pytest.mark.parametrize("diagnosis", DIAGNOSES)
@pytest.mark.parametrize("page", WALK)
def test_no_code_address_or_author_in_visible_walk_text(page, diagnosis, content):
    record = DecisionRecord.model_validate(answered_record(diagnosis, content))
    at = app_at(page, record)
    assert_no_exception(at)
    text = _visible(at.main)
    found = sorted(m.group(0) for t in text for m in JARGON.finditer(t))
    print(page, len(found), found)  # the before/after figure of the report
    assert not found, (page, found, [t[:160] for t in text if JARGON.search(t)][:6])


def test_the_care_page_keeps_the_full_citations_behind_its_sources_toggle(content):
    """The toggle lives in the closed "whose rules these are" layer (issue 24's cut): the citations
    show there when asked for, and never in the text outside it."""
    record = DecisionRecord.model_validate(answered_record("degenerative_spondylolisthesis", content))
    at = app_at("pages/2_Your_care_so_far.py", record)
    citation = content.source("sur712_036").citation

    def layer() -> str:
        found = [e for e in at.expander if e.label == content.pages["care.whose_rules_title"]]
        assert len(found) == 1
        return " ".join(m.value for m in found[0].markdown)

    assert citation not in layer()
    at.toggle(key="care_sources").set_value(True).run()
    assert_no_exception(at)
    shown = layer()
    assert citation in shown
    assert re.search(r"https?://", shown)
    assert citation not in " ".join(_visible(at.main))
