"""Your back in Chromium at 1280 x 900 (issue 24 item 2): picking each diagnosis brings its meaning
and its drawing into view beside the choice, with nothing fetched from anywhere else, and the page
with a drawing on it passes axe's automated WCAG checks."""

from __future__ import annotations

from typing import get_args

import pytest
from playwright.sync_api import expect

from decision.content import load_content
from decision.content.models import Diagnosis
from tests.browser.conftest import Visit, assert_no_exception, open_app, open_from_sidebar, tick, wait_for_app
from tests.browser.test_accessibility import assert_accessible

pytestmark = pytest.mark.browser

CONTENT = load_content()


def test_picking_each_diagnosis_shows_its_meaning_and_drawing_in_view(visit: Visit):
    p = CONTENT.pages
    page = open_app(visit, "/")
    tick(page, CONTENT.red_flags.none_apply)
    open_from_sidebar(page, p["nav.your_back"])
    for diagnosis in get_args(Diagnosis):
        condition = CONTENT.condition(diagnosis)
        label = p[f"diagnosis.{diagnosis}"]
        page.locator("[data-testid='stRadio']").get_by_text(label, exact=True).first.click()
        expect(page.get_by_role("radio", name=label, exact=True)).to_be_checked()
        meaning = page.get_by_text(condition.meaning, exact=True)
        expect(meaning).to_be_visible()
        wait_for_app(page)
        expect(meaning).to_be_in_viewport()
        drawing = page.get_by_role("img", name=condition.drawing_alt, exact=True)
        expect(drawing).to_be_visible()
        expect(drawing).to_be_in_viewport()
        box = drawing.bounding_box()
        assert box is not None and box.get("width", 0) <= 400, "the drawing stays small"
        assert_no_exception(page)
    # The drawing of a slip, with its meaning and notes, passes axe's WCAG A/AA checks.
    label = p["diagnosis.degenerative_spondylolisthesis"]
    page.locator("[data-testid='stRadio']").get_by_text(label, exact=True).first.click()
    expect(page.get_by_text(CONTENT.condition("degenerative_spondylolisthesis").meaning, exact=True)).to_be_visible()
    assert_accessible(page, "Your back with a slipped vertebra picked")
    assert visit.foreign_requests() == []
