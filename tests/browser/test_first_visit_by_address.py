"""The first visitor of a fresh server who arrives at a page's own address, not at "/".

On a fresh process Streamlit runs such a page straight from the ``pages/`` folder, without app.py,
and would list the folder's files in the sidebar ("app", "Start", ...). This module's server is
new (one per module), so its first test is that first visit (ui/navigation.py, take_over_from_the_pages_folder).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Visit, assert_no_exception, heading, open_app, sidebar_links

pytestmark = pytest.mark.browser


def test_a_first_visit_straight_to_a_page_shows_that_page_and_only_our_page_list(visit: Visit, content):
    P = content.pages
    labels = [label for key, label in P.items() if key.startswith("nav.")]
    page = open_app(visit, "/About")
    expect(heading(page, P["about.title"])).to_have_count(1)
    expect(sidebar_links(page)).to_have_text(labels)
    assert page.evaluate("window.__pageListsSeen") == ["|".join(labels)]
    assert page.evaluate("location.pathname") == "/About"
    assert_no_exception(page)


def test_a_later_visit_straight_to_a_page_behind_the_safety_check_is_held_there(visit: Visit, content):
    P = content.pages
    page = open_app(visit, "/Compare_your_options")
    expect(page.get_by_text(P["start.safety_gate"])).to_be_visible()
    expect(page.locator("[data-testid='stMain'] h1")).to_have_count(0)
    nav_labels = "|".join(label for key, label in P.items() if key.startswith("nav."))
    assert page.evaluate("window.__pageListsSeen") == [nav_labels]
    assert_no_exception(page)
