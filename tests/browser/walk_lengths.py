"""How long the walk is, as a reader meets it: each page's height and its visible words.

Issue 11's budgets are measured here, in Chromium, the way a person sees the page: the height is
``stMain``'s ``scrollHeight`` and the words are those of ``stMain``'s ``innerText`` (text in a
closed "read more" is not visible, so it is not counted; the sidebar is not counted). Used by
``tests/browser/test_length_budgets.py`` (the budgets) and ``benchmarks/length.py`` (the figures).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, expect

APP_READY = (
    "[data-testid='stApp'][data-test-script-state='notRunning']"
    "[data-test-connection-state='CONNECTED']"
)

# The walk from Start to Summary, as the sidebar names it (content/pages.yaml keys).
WALK = ("nav.start", "nav.your_back", "nav.care", "nav.compare", "nav.fusion", "nav.values",
        "nav.quiz", "nav.leaning", "nav.summary")


@dataclass(frozen=True)
class PageLength:
    key: str
    height: int
    words: int


def record_with_diagnosis(diagnosis: str, **extra) -> dict:
    """A save file with only the safety screen answered and the diagnosis named."""
    return {"schema_version": 3, "safety_screen_done": True, "red_flags": [], "diagnosis": diagnosis, **extra}


def settle(page: Page) -> None:
    page.wait_for_selector(APP_READY)
    page.wait_for_timeout(300)
    page.wait_for_selector(APP_READY)


def open_record(page: Page, base_url: str, record: dict, tmp: Path) -> None:
    """Open the aid and load ``record`` through the sidebar's "Open saved answers"."""
    page.goto(base_url + "/")
    page.wait_for_selector("[data-testid='stAppViewContainer']")
    settle(page)
    path = tmp / "record.json"
    path.write_text(json.dumps(record))
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.locator("input[type='file']").set_input_files(str(path))
    # (On a narrow screen the sidebar is closed: the message is there, out of sight.)
    expect(sidebar.get_by_text("Your saved answers are open.")).to_have_count(1)
    settle(page)


# The page list Streamlit draws in the sidebar from st.navigation (app.py).
SIDEBAR_LINK = "[data-testid='stSidebar'] a[data-testid='stSidebarNavLink']"


def go(page: Page, label: str) -> None:
    link = page.locator(SIDEBAR_LINK).filter(has_text=re.compile(rf"^\s*{re.escape(label)}\s*$"))
    href = link.get_attribute("href") or ""
    link.click()
    # The link's address is absolute ("http://host/Your_back"); wait until the tab shows it.
    page.wait_for_function(
        "href => new URL(href, location.href).pathname.replace(/\\/+$/, '') === location.pathname.replace(/\\/+$/, '')",
        arg=href,
    )
    settle(page)


def measure(page: Page, key: str) -> PageLength:
    height, text = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=stMain]');"
        " return [m.scrollHeight, m.innerText]; }"
    )
    return PageLength(key, int(height), len(text.split()))


def set_clinic(page: Page, on: bool) -> None:
    """The sidebar's "Together in clinic" switch."""
    switch = page.locator("[data-testid='stSidebar'] [data-testid='stCheckbox']").filter(has_text="clinic")
    box = switch.locator("input")
    if box.is_checked() != on:
        switch.locator("label").first.click()
        settle(page)


def measure_walk(page: Page, pages: dict[str, str], keys=WALK) -> list[PageLength]:
    """Visit each page of the walk from the sidebar and measure it."""
    out = []
    for key in keys:
        go(page, pages[key])
        out.append(measure(page, key))
    return out
