"""The safety screen's message is in view the moment a sign is ticked, wherever the page is
scrolled, on a desktop and on a phone; and a 'soon' sign leaves the aid open.

Only a browser can show what is inside the viewport, so these are browser tests.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Visit, assert_no_exception, open_app, open_from_sidebar, wait_for_app

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop-1280x800": (1280, 800), "phone-390x844": (390, 844)}


def _in_viewport(page: Page, locator) -> bool:
    box = locator.bounding_box()
    if box is None:
        return False
    size = page.viewport_size
    return box["y"] >= 0 and box["y"] + min(box["height"], 120) <= size["height"] and box["x"] >= 0


def _banner_colour(page: Page) -> str:
    alert = page.locator("[data-testid='stMain'] [data-testid='stAlertContainer']").first
    return alert.evaluate("el => getComputedStyle(el).backgroundColor")


def _scroll_to(page: Page, label: str):
    row = page.locator("[data-testid='stCheckbox']").filter(has_text=label)
    row.scroll_into_view_if_needed()
    row.evaluate("el => el.scrollIntoView({block: 'end'})")  # the list's end: the top of the page is out of view
    page.wait_for_timeout(200)
    return row


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("flag_id", ["bladder_problems", "new_sexual_dysfunction"])
def test_ticking_a_cauda_equina_sign_puts_the_emergency_message_in_view(visit: Visit, content, viewport, flag_id):
    width, height = VIEWPORTS[viewport]
    visit.page.set_viewport_size({"width": width, "height": height})
    page = open_app(visit, "/")
    flag = next(f for f in content.red_flags.flags if f.id == flag_id)
    emergency = content.red_flags.levels["emergency"]
    row = _scroll_to(page, flag.question)
    top_banner = page.locator("[data-testid='stMain'] [data-testid='stAlert']").first
    row.get_by_text(flag.question, exact=True).click()
    message = page.get_by_role("dialog").get_by_text(emergency.message.split(". ")[0], exact=False)
    expect(message).to_be_visible()
    wait_for_app(page)
    assert _in_viewport(page, message), f"the emergency message is outside the {viewport} viewport"
    dialog_text = page.get_by_role("dialog").inner_text()
    assert emergency.title in dialog_text and "now" in dialog_text and "within hours" in dialog_text
    # Behind the alert, the page has the message at the top too, and beside the list.
    expect(top_banner).to_contain_text(emergency.title)
    expect(page.locator("[data-testid='stAlert']").filter(has_text=emergency.title)).to_have_count(3)
    assert_no_exception(page)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_an_urgent_sign_looks_different_from_an_emergency(visit: Visit, content, viewport):
    width, height = VIEWPORTS[viewport]
    visit.page.set_viewport_size({"width": width, "height": height})
    page = open_app(visit, "/")
    flag = next(f for f in content.red_flags.flags if f.id == "fever_or_feeling_unwell")
    urgent = content.red_flags.levels["urgent"]
    row = _scroll_to(page, flag.question)
    row.get_by_text(flag.question, exact=True).click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text(urgent.title)
    wait_for_app(page)
    assert _in_viewport(page, dialog.get_by_text(urgent.title).first)
    assert content.red_flags.levels["emergency"].title not in dialog.inner_text()
    page.get_by_role("button", name=content.red_flags.acknowledge).click()
    expect(dialog).to_have_count(0)

    # Ticking a cauda equina sign as well raises the level: the alert opens again, now red.
    amber = _banner_colour(page)
    flag2 = next(f for f in content.red_flags.flags if f.id == "saddle_numbness")
    row = _scroll_to(page, flag2.question)
    row.get_by_text(flag2.question, exact=True).click()
    expect(page.get_by_role("dialog")).to_contain_text(content.red_flags.levels["emergency"].title)
    wait_for_app(page)
    red = _banner_colour(page)
    assert red != amber, "emergency and urgent boxes have the same colour"


def test_cancer_history_alone_shows_the_soon_note_and_the_aid_goes_on(visit: Visit, content):
    page = open_app(visit, "/")
    flag = next(f for f in content.red_flags.flags if f.id == "cancer_history")
    soon = content.red_flags.levels["soon"]
    _scroll_to(page, flag.question).get_by_text(flag.question, exact=True).click()
    note = page.locator("[data-testid='stAlert']").filter(has_text=soon.title)
    expect(note.first).to_be_visible()
    wait_for_app(page)
    expect(page.get_by_role("dialog")).to_have_count(0)  # no alert over the page for a 'soon' sign
    open_from_sidebar(page, content.pages["nav.your_back"])
    expect(page.locator("h1")).to_have_text(content.pages["your_back.title"])
    expect(note.first).to_be_visible()  # the note stays on every page
    assert_no_exception(page)
    assert visit.foreign_requests() == []


def test_a_stenosis_patient_with_long_standing_leg_symptoms_is_not_sent_to_an_ambulance(visit: Visit, content):
    """Issue 20: pain in both legs for years, and walking that has long been unsteady, are the
    usual picture of stenosis, not cauda equina syndrome. The signs now ask about onset, so she
    answers "none of these" and walks on; a new bladder sign still brings the emergency into view."""
    from tests.browser.conftest import tick

    page = open_app(visit, "/")
    flags = {f.id: f for f in content.red_flags.flags}
    # The two signs she might have ticked before say "in the last few days or weeks" on screen.
    for flag_id in ("sciatica_both_legs", "widespread_neurology"):
        row = page.locator("[data-testid='stCheckbox']").filter(has_text=flags[flag_id].question)
        expect(row).to_contain_text("in the last few days or weeks")
    tick(page, content.red_flags.none_apply)
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.locator("[data-testid='stAlert']").filter(has_text=content.red_flags.levels["emergency"].title)).to_have_count(0)
    open_from_sidebar(page, content.pages["nav.your_back"])
    # The page's first question, not the sidebar's language switch (a radio group too, since issue 26).
    main = page.locator("[data-testid='stMain']")
    main.get_by_role("radiogroup").first.get_by_text(content.pages["diagnosis.spinal_stenosis"], exact=True).click()
    wait_for_app(page)
    expect(page.locator("h1")).to_have_text(content.pages["your_back.title"])
    assert content.red_flags.levels["emergency"].title not in page.locator("body").inner_text()

    # Later a new cauda equina sign starts: she goes back to the screen and ticks it.
    open_from_sidebar(page, content.pages["nav.start"])
    none_apply = content.red_flags.none_apply
    page.locator("[data-testid='stCheckbox']").filter(has_text=none_apply).get_by_text(none_apply, exact=True).click()
    expect(page.get_by_role("checkbox", name=none_apply, exact=True)).not_to_be_checked()
    wait_for_app(page)
    emergency = content.red_flags.levels["emergency"]
    row = _scroll_to(page, flags["bladder_problems"].question)
    row.get_by_text(flags["bladder_problems"].question, exact=True).click()
    message = page.get_by_role("dialog").get_by_text(emergency.message.split(". ")[0], exact=False)
    expect(message).to_be_visible()
    wait_for_app(page)
    assert _in_viewport(page, message)
    assert_no_exception(page)
