"""The first visitor of a fresh server, in a real browser.

Why a fresh server: a Streamlit app with a ``pages/`` folder can draw its own page list in the
sidebar on the very first request of a new process (streamlit-notes.md, 1.1). Our sidebar is our
own list of page links, so the first visitor must see exactly that list and nothing else.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    ROOT,
    Visit,
    assert_no_exception,
    heading,
    open_app,
    open_from_sidebar,
    screenshot,
    sidebar_links,
    tick,
    wait_for_app,
)

pytestmark = pytest.mark.browser


def nav(content) -> list[tuple[str, str]]:
    """(page key, sidebar label) for every page, in the order of the nav.* keys."""
    return [(k.removeprefix("nav."), label) for k, label in content.pages.items() if k.startswith("nav.")]


def titles_for(content, key: str) -> tuple[str, ...]:
    """A page's h1 is its ``<key>.title`` text, or its sidebar label while the page is a stub."""
    p = content.pages
    return tuple(t for t in (p.get(f"{key}.title"), p[f"nav.{key}"]) if t)


def test_first_visitor_sees_the_start_page_our_sidebar_and_no_other_host(visit: Visit, content):
    P, NAV = content.pages, nav(content)
    # This is the first test in the module, so this is the first visit to a fresh server.
    page = open_app(visit, "/")
    expect(heading(page, P["start.title"])).to_have_count(1)
    assert_no_exception(page)

    # Exactly our list, one link per page, in order, and never Streamlit's list of the ``pages/``
    # folder ("app", "Start", ...), not even for a moment: the init script records every list the
    # sidebar has shown since the document began.
    assert len(NAV) == len(list((ROOT / "pages").glob("*.py"))), "one nav.* label per page"
    expect(sidebar_links(page)).to_have_text([label for _, label in NAV])
    assert page.evaluate("window.__pageListsSeen") == ["|".join(label for _, label in NAV)]
    screenshot(page, "start-page.png")

    tick(page, content.red_flags.none_apply)
    expect(page.get_by_text(P["start.safety_done"])).to_be_visible()

    for key, label in NAV[1:] + NAV[:1]:  # every page, then back to the start
        open_from_sidebar(page, label)
        expect(heading(page, *titles_for(content, key))).to_have_count(1)
        wait_for_app(page)
        expect(page.locator("h1")).to_have_count(1)
        expect(page.get_by_text(P["start.safety_gate"])).to_have_count(0)
        assert_no_exception(page)
        if key == "compare":
            screenshot(page, "compare-page.png")

    assert visit.requests, "the request recorder saw nothing"
    assert visit.foreign_requests() == []


@pytest.mark.parametrize("key", ["your_back", "compare"])
def test_pages_stay_closed_until_the_safety_check_is_answered(visit: Visit, content, key: str):
    P = content.pages
    page = open_app(visit, "/")
    open_from_sidebar(page, P[f"nav.{key}"])
    expect(page.get_by_text(P["start.safety_gate"])).to_be_visible()
    wait_for_app(page)
    expect(heading(page, *titles_for(content, key))).to_have_count(0)
    expect(page.locator("[data-testid='stMain'] h1")).to_have_count(0)
    assert_no_exception(page)
    assert visit.foreign_requests() == []


def test_a_cauda_equina_sign_shows_the_emergency_message_on_every_page(visit: Visit, content):
    P = content.pages
    flag = next(f for f in content.red_flags.flags if f.id == "saddle_numbness")
    emergency = content.red_flags.levels["emergency"].title
    banner = visit.page.locator("[data-testid='stAlert']").filter(has_text=emergency)

    page = open_app(visit, "/")
    expect(banner).to_have_count(0)
    tick(page, flag.question)
    expect(banner.first).to_be_visible()
    assert_no_exception(page)
    page.get_by_role("button", name=content.red_flags.acknowledge).click()  # close the alert over the page
    expect(page.get_by_role("dialog")).to_have_count(0)

    for key in ("your_back", "summary"):  # a page the sign pauses, and one it leaves open
        open_from_sidebar(page, P[f"nav.{key}"])
        expect(banner.first).to_be_visible()
        assert_no_exception(page)
    assert visit.foreign_requests() == []
