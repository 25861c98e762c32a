"""The Fusion questions page stays short: five closed cards in a length budget (issue 11, item 4; issue 24).

Measured in a real Chromium, as a patient with a diagnosis sees it: at 1280x900 at home, every card
closed, the main column is at most FUSION_MAX_PX tall. In clinic at 1280x800 the surgeon's proposal
on the first card is on the first screen, so the surgeon does not scroll past the evidence to
record a plan.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    ARTIFACTS,
    Visit,
    assert_no_exception,
    heading,
    open_app,
    open_from_sidebar,
    tick,
    wait_for_app,
)
from tests.browser.test_accessibility import set_clinic_mode
from tests.browser.walk_lengths import measure as measure_length

pytestmark = pytest.mark.browser

# Issue 11 asked for <= 6,000 px with every card closed; issue 24's cut asks for <= 2.8 screens
# (2,520 px at 1280x900) and <= 480 words where fusion is one of the diagnosis's options (the walk's
# fully answered record is measured by benchmarks/walk.py; this record has no plan yet, so it is shorter).
FUSION_MAX_PX = 2_520
FUSION_MAX_WORDS = 480
DIAGNOSIS = "degenerative_spondylolisthesis"
MAIN = "[data-testid='stMain']"


def reach_fusion_with_a_diagnosis(page: Page, content) -> None:
    p = content.pages
    tick(page, content.red_flags.none_apply)
    open_from_sidebar(page, p["nav.your_back"])
    label = p[f"diagnosis.{DIAGNOSIS}"]
    page.locator("[data-testid='stRadio']").get_by_text(label, exact=True).first.click()
    expect(page.get_by_role("radio", name=label, exact=True)).to_be_checked()
    wait_for_app(page)
    open_from_sidebar(page, p["nav.fusion"])
    expect(heading(page, p["fusion.title"])).to_be_visible()
    assert_no_exception(page)


def measure(page: Page) -> tuple[int, int]:
    """The main column's height in px and the number of words it shows (as the walk's budgets count)."""
    length = measure_length(page, "nav.fusion")
    return length.height, length.words


def tall_screenshot(page: Page, name: str) -> None:
    """The whole main column in one picture, for a person to look at (never asserted on).
    Streamlit scrolls inside stMain, so a full-page screenshot would stop at the window."""
    size = page.viewport_size
    height, _ = measure(page)
    page.set_viewport_size({"width": size["width"], "height": height + 100})
    wait_for_app(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name))
    page.set_viewport_size(size)
    wait_for_app(page)


def test_the_fusion_page_with_every_card_closed_fits_the_length_budget(visit: Visit, content):
    page = open_app(visit, "/")
    reach_fusion_with_a_diagnosis(page, content)
    height, words = measure(page)
    print(f"\nFusion questions at home, 1280x900, cards closed: {height} px, {words} words")
    tall_screenshot(page, "fusion-home-closed.png")
    assert height <= FUSION_MAX_PX, f"{height} px is over the {FUSION_MAX_PX} px budget"
    assert words <= FUSION_MAX_WORDS, f"{words} words is over the {FUSION_MAX_WORDS} word aim"
    # Nothing is lost: opening a card's detail shows what is known on that card.
    first = content.fusion.questions[0]
    page.get_by_text(content.pages["fusion.read_more"].format(number=1), exact=True).click()
    expect(page.get_by_text(content.pages["fusion.known_title"]).first).to_be_visible()
    wait_for_app(page)
    assert first.not_known.split(".")[0] in page.locator(MAIN).inner_text()
    print(f"with card 1 open: {measure(page)[0]} px")
    tall_screenshot(page, "fusion-home-card-1-open.png")
    assert_no_exception(page)
    assert visit.foreign_requests() == []


def test_in_clinic_the_first_proposal_is_on_the_first_screen(visit: Visit, content):
    page = visit.page
    page.set_viewport_size({"width": 1280, "height": 800})
    open_app(visit, "/")
    reach_fusion_with_a_diagnosis(page, content)
    set_clinic_mode(page, content.pages["mode.clinic"], True)
    height, words = measure(page)
    print(f"\nFusion questions in clinic, 1280x800, cards closed: {height} px, {words} words")
    page.evaluate("window.scrollTo(0, 0); document.querySelector(\"[data-testid='stMain']\").scrollTo(0, 0)")
    first_field = content.fusion.plan[0]
    proposal = page.get_by_role("radiogroup", name=first_field.question)
    expect(proposal).to_be_visible()
    box = proposal.bounding_box()
    title = heading(page, content.pages["fusion.title"]).bounding_box()
    card = page.locator(f".st-key-card-{content.fusion.questions[0].id}").bounding_box()
    page.screenshot(path=str(ARTIFACTS / "fusion-clinic-first-screen.png"))
    print(f"title bottom {title['y'] + title['height']:.0f} px, card top {card['y']:.0f} px, "
          f"proposal {box['y']:.0f}-{box['y'] + box['height']:.0f} px")
    assert box["y"] + box["height"] <= 800, "the first card's proposal is not on the first screen"
    assert box["y"] - card["y"] <= 200, "the proposal is not at the top of its card"
    assert_no_exception(page)
