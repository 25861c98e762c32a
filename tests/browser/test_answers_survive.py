"""A browser refresh keeps the answers; "Finish and clear" removes them for good.

A refresh starts a new Streamlit session. The app keeps the answers in server memory under a
random token carried in the address (``?s=...``; ui/session_store.py, ui/frame.py), so the
refreshed page finds them again. After "Finish and clear" that token must lead nowhere.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    Visit,
    assert_no_exception,
    current_url,
    heading,
    open_app,
    open_from_sidebar,
    tick,
    wait_for_app,
)

pytestmark = pytest.mark.browser

INITIALS = "Your initials (optional)"
DIAGNOSIS = "spinal_stenosis"


def token(url: str) -> str | None:
    return parse_qs(urlsplit(url).query).get("s", [None])[0]


def initials_box(page: Page):
    return page.get_by_role("textbox", name=INITIALS, exact=True)


def test_a_refresh_keeps_the_answers_and_finish_and_clear_forgets_them(visit: Visit, content):
    p = content.pages
    diagnosis_label = p[f"diagnosis.{DIAGNOSIS}"]

    page = open_app(visit, "/")
    tick(page, content.red_flags.none_apply)
    open_from_sidebar(page, p["nav.your_back"])
    expect(heading(page, p["your_back.title"], p["nav.your_back"])).to_have_count(1)

    box = initials_box(page)
    box.fill("AB")
    box.press("Enter")  # a text input sends its value on Enter or blur
    wait_for_app(page)
    page.locator("[data-testid='stRadio']").get_by_text(diagnosis_label, exact=True).click()
    expect(page.get_by_role("radio", name=diagnosis_label, exact=True)).to_be_checked()
    wait_for_app(page)
    page.wait_for_function("() => new URLSearchParams(location.search).has('s')")
    old_url = current_url(page)
    old_token = token(old_url)
    assert old_token, old_url

    # Refresh: a new session, same address. The answers come back.
    page.reload()
    wait_for_app(page)
    expect(initials_box(page)).to_have_value("AB")
    expect(page.get_by_role("radio", name=diagnosis_label, exact=True)).to_be_checked()
    assert token(current_url(page)) == old_token
    assert_no_exception(page)

    # Finish and clear: back to the start, with a message, and a new token in the address.
    page.locator("[data-testid='stSidebar']").get_by_role("button", name="Finish and clear").click()
    expect(page.locator("[data-testid='stAlertContentSuccess']").filter(has_text=re.compile("cleared"))).to_be_visible()
    expect(heading(page, p["start.title"])).to_have_count(1)
    page.wait_for_function("old => !location.search.includes(old)", arg=old_token)
    wait_for_app(page)
    assert urlsplit(current_url(page)).path == "/"
    assert token(current_url(page)) != old_token
    assert_no_exception(page)
    # In this same tab, the safety answers are gone from the screen too, not only from the record.
    expect(page.get_by_role("checkbox", name=content.red_flags.none_apply, exact=True)).not_to_be_checked()

    # The old address (old token) no longer brings the answers back.
    open_app(visit, urlsplit(old_url).path + "?" + urlsplit(old_url).query)
    expect(page.get_by_text(p["start.safety_gate"])).to_be_visible()  # even the safety answer is gone
    expect(initials_box(page)).to_have_count(0)
    open_from_sidebar(page, p["nav.start"])
    expect(page.get_by_role("checkbox", name=content.red_flags.none_apply, exact=True)).not_to_be_checked()
    tick(page, content.red_flags.none_apply)
    open_from_sidebar(page, p["nav.your_back"])
    expect(initials_box(page)).to_have_value("")
    expect(page.get_by_role("radio", name=diagnosis_label, exact=True)).not_to_be_checked()
    assert_no_exception(page)
    assert visit.foreign_requests() == []


def test_finish_and_clear_on_the_start_page_empties_what_the_screen_shows(visit: Visit, content):
    page = open_app(visit, "/")
    tick(page, content.red_flags.none_apply)
    page.locator("[data-testid='stSidebar']").get_by_role("button", name="Finish and clear").click()
    expect(page.locator("[data-testid='stAlertContentSuccess']").filter(has_text=re.compile("cleared"))).to_be_visible()
    wait_for_app(page)
    expect(page.get_by_role("checkbox", name=content.red_flags.none_apply, exact=True)).not_to_be_checked()
    open_from_sidebar(page, content.pages["nav.your_back"])
    expect(page.get_by_text(content.pages["start.safety_gate"])).to_be_visible()
