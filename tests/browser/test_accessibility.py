"""Automated accessibility checks (axe-core) on every page, in a real browser, and a keyboard check.

axe-core finds the WCAG 2.x A/AA failures a machine can find: missing names and labels,
low contrast, broken ARIA, heading and landmark misuse. It cannot judge plain language or
whether the order makes sense; those stay with people. The axe script is bundled in the
``axe-playwright-python`` wheel, so nothing is fetched at run time.

One server and one browser tab for the walk through the pages (the safety screen is answered
once); the emergency banner and the keyboard check each get a fresh visitor.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import (
    TIMEOUT_MS,
    Visit,
    assert_no_exception,
    open_app,
    open_from_sidebar,
    tick,
    wait_for_app,
)
from ui.navigation import PAGES

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
PAGE_KEYS = [p.key for p in PAGES]
SCROLL_BOXES = "[data-testid='stMain'], [data-testid='stSidebarContent'], [data-testid='stAppViewContainer']"
MAX_HEIGHT = 45_000  # px; the longest page (Compare, all four options in clinic) is about 33 000
MAX_TABS = 80  # far more than the sidebar and the start page's controls before the first box


def axe_violations(page: Page) -> list[dict]:
    """Every WCAG A/AA violation axe finds on the whole page, not only the part in view.

    Streamlit scrolls the main area and the sidebar inside their own boxes, and axe does not
    check the colour contrast of text scrolled out of such a box. So the window is first made
    tall enough to show everything at once.
    """
    wait_for_app(page)
    size = page.viewport_size or {"width": 1280, "height": 900}
    height = page.evaluate(
        "sel => Math.max(0, ...[...document.querySelectorAll(sel)].map(e => e.scrollHeight))", SCROLL_BOXES
    )
    assert height + 100 <= MAX_HEIGHT, f"the page is {height} px tall; raise MAX_HEIGHT so axe still sees all of it"
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], height + 100)})
    try:
        wait_for_app(page)
        page.wait_for_timeout(300)  # let charts and icons redraw at the new size
        return Axe().run(page, options=AXE_OPTIONS).response["violations"]
    finally:
        page.set_viewport_size(size)


def describe(page: Page, violations: list[dict], where: str, nodes: int = 4) -> str:
    lines = [f"{len(violations)} axe violation(s) on {where}:"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}  [{v['helpUrl']}]")
        for node in v["nodes"][:nodes]:
            target = " ".join(str(t) for t in node["target"])
            text = page.evaluate(
                "sel => { const e = document.querySelector(sel); return e ? e.innerText.slice(0, 160) : ''; }",
                str(node["target"][0]),
            )  # axe shortens the HTML of long elements to their opening tag
            lines.append(f"    {target}\n      {node['html'][:300]}\n      text: {text!r}")
            if node.get("failureSummary"):
                lines.append("      " + node["failureSummary"].replace("\n", "\n      "))
        if len(v["nodes"]) > nodes:
            lines.append(f"    ... and {len(v['nodes']) - nodes} more")
    return "\n".join(lines)


def assert_accessible(page: Page, where: str) -> None:
    assert_no_exception(page)
    violations = axe_violations(page)
    assert not violations, describe(page, violations, where)


def set_clinic_mode(page: Page, label: str, on: bool) -> None:
    switch = page.locator("[data-testid='stSidebar']").get_by_role("switch", name=label, exact=True)
    if switch.is_checked() != on:
        page.locator("[data-testid='stSidebar'] [data-testid='stCheckbox']").filter(has_text=label).get_by_text(
            label, exact=True
        ).click()
    (expect(switch).to_be_checked if on else expect(switch).not_to_be_checked)()
    wait_for_app(page)


# ---------------------------------------------------------------- one tab for the walk


@pytest.fixture(scope="module")
def walk(browser: Browser, app_url: str, content) -> Page:
    """One visitor who has answered the safety screen with "None of these apply to me"."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        open_app(Visit(page=page, base_url=app_url), "/")
        tick(page, content.red_flags.none_apply)
        expect(page.get_by_text(content.pages["start.safety_done"])).to_be_visible()
        yield page
    finally:
        context.close()


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_every_page_passes_the_automated_wcag_checks(walk: Page, content, key: str):
    open_from_sidebar(walk, content.pages[f"nav.{key}"])
    expect(walk.get_by_text(content.pages["start.safety_gate"])).to_have_count(0)
    assert_accessible(walk, f"page '{key}'")


# summary: its clinic-only note box and FHIR download (issue 25)
@pytest.mark.parametrize("key", ["compare", "fusion", "summary", "visit"])
def test_clinic_mode_pages_pass_the_automated_wcag_checks(walk: Page, content, key: str):
    open_from_sidebar(walk, content.pages[f"nav.{key}"])
    set_clinic_mode(walk, content.pages["mode.clinic"], True)
    try:
        assert_accessible(walk, f"page '{key}' in clinic mode")
    finally:
        set_clinic_mode(walk, content.pages["mode.clinic"], False)


# ---------------------------------------------------------------- fresh visitors


def test_the_emergency_banner_passes_the_automated_wcag_checks(visit: Visit, content):
    flag = next(f for f in content.red_flags.flags if f.id == "saddle_numbness")
    page = open_app(visit, "/")
    tick(page, flag.question)
    expect(page.get_by_role("dialog").locator("[data-testid='stAlert']").filter(has_text=content.red_flags.levels["emergency"].title)).to_be_visible()
    assert_accessible(page, "the start page with a cauda equina sign ticked")


def test_the_safety_screen_can_be_answered_with_the_keyboard_alone(visit: Visit, content):
    flag = content.red_flags.flags[0]
    assert flag.id == "saddle_numbness"  # the first sign on the screen is a cauda equina sign
    action = content.red_flags.levels["emergency"]
    page = open_app(visit, "/")
    box = page.get_by_role("checkbox", name=flag.question, exact=True)
    expect(box).not_to_be_checked()
    page.locator("body").focus()
    for presses in range(1, MAX_TABS + 1):  # noqa: B007  (read after the loop: how many presses it took)
        page.keyboard.press("Tab")
        if box.evaluate("el => el === document.activeElement"):
            break
    else:
        focused = page.evaluate("document.activeElement && document.activeElement.outerHTML.slice(0, 200)")
        pytest.fail(f"{MAX_TABS} presses of Tab never reached the first safety box; focus ended on {focused}")
    print(f"Tab pressed {presses} times to reach the first safety box")
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    wait_for_app(page)
    expect(page.get_by_role("dialog").locator("[data-testid='stAlert']").filter(has_text=action.title)).to_be_visible()
    assert_no_exception(page)
