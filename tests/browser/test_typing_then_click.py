"""Nothing typed is lost: a value entered and followed at once (under 50 ms) by a page click.

Every kind of input the pages use (text box, number box, text area, radio, checkbox, select
box, slider; a text box committed with Enter) is changed and then, within 50 ms, a sidebar page
link is clicked with the mouse. The record the tab keeps must hold every value. Then a save
download is clicked right after typing, and must arrive, with the typed value in it. The walk
runs in 1 session and in 10 sessions at once (one browser, ten contexts, asyncio).
"""

from __future__ import annotations

import asyncio
import json
import re

import pytest
from playwright.async_api import Page, async_playwright

from decision.record import parse_record
from tests.browser.conftest import APP_READY, CHROMIUM, CHROMIUM_ARGS, SIDEBAR_LINK

pytestmark = pytest.mark.browser
STORAGE = "spine-aid:record"
GAP_MS = 50


async def ready(page: Page) -> None:
    await page.wait_for_selector(APP_READY, timeout=300_000)
    await page.wait_for_timeout(250)
    await page.wait_for_selector(APP_READY, timeout=300_000)


class Walk:
    def __init__(self, page: Page, content):
        self.page, self.p, self.content = page, content.pages, content
        self.gaps: list[float] = []

    def link(self, label: str):
        return self.page.locator(SIDEBAR_LINK).filter(
            has_text=re.compile(rf"^\s*{re.escape(label)}\s*$"))

    async def go(self, key: str) -> None:
        await self.link(self.p[f"nav.{key}"]).click()
        await self.page.wait_for_selector(f"h1:has-text('{self.p[key + '.title']}')", timeout=300_000)
        await ready(self.page)

    async def then_click_away(self, action, away: str = "about") -> None:
        """Do ``action``, then click the ``away`` page's sidebar link with the mouse at once."""
        box = await self.link(self.p[f"nav.{away}"]).bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        await self.page.evaluate("window.__lastInput = 0; window.__measure = true")
        await action()
        await self.page.mouse.click(x, y)
        self.gaps.extend(await self.page.evaluate("window.__gaps.splice(0)"))
        await self.page.wait_for_selector(f"h1:has-text('{self.p[away + '.title']}')", timeout=300_000)
        await ready(self.page)

    async def kept(self) -> dict:
        raw = await self.page.evaluate(f"sessionStorage.getItem('{STORAGE}')")
        return json.loads(parse_record(json.loads(raw)["record"]).model_dump_json())


async def one_walk(browser, base_url: str, content, n: int, tmp_path) -> tuple[list[str], list[float]]:
    """One patient's walk; returns the values that did not reach the record, and the click gaps."""
    context = await browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    context.set_default_timeout(300_000)
    # The gap is measured in the page: from the last input event to the link's mousedown.
    await context.add_init_script("""
      window.__lastInput = 0; window.__gaps = [];
      for (const type of ["input", "change", "keyup", "click"]) {
        document.addEventListener(type, (e) => {
          if (!(e.target instanceof Element)
              || !e.target.closest("a[data-testid='stSidebarNavLink'], a[data-testid='stPageLink-NavLink']"))
            window.__lastInput = performance.now();
        }, true);
      }
      document.addEventListener("mousedown", (e) => {
        if (e.target instanceof Element
            && e.target.closest("[data-testid='stSidebar'] a[data-testid='stSidebarNavLink']")
            && window.__measure) {
          window.__gaps.push(performance.now() - window.__lastInput); window.__measure = false;
        }
      }, true);
    """)
    page = await context.new_page()
    w = Walk(page, content)
    p = content.pages
    initials = "AB"[: 1] + chr(ord("C") + n % 20)
    try:
        await page.goto(base_url + "/")
        await ready(page)
        await page.locator("[data-testid='stCheckbox']").get_by_text(content.red_flags.none_apply, exact=True).click()
        await ready(page)

        await w.go("your_back")
        await w.then_click_away(lambda: page.get_by_role("textbox", name="Your initials (optional)").fill(initials))
        await w.go("your_back")
        await w.then_click_away(lambda: page.get_by_role(
            "spinbutton", name=p["your_back.weeks_question"]).fill(str(30 + n)))
        await w.go("your_back")
        await w.then_click_away(lambda: page.locator("[data-testid='stRadio']").get_by_text(
            p["diagnosis.spinal_stenosis"], exact=True).first.click())
        await w.go("your_back")

        async def slide():
            thumb = page.get_by_role("slider").first
            await thumb.focus()
            for _ in range(4):
                await thumb.press("ArrowRight")  # Not rated → 0 → 1 → 2 → 3
        await w.then_click_away(slide)

        await w.go("care")
        name = content.program.treatment_names["physical_therapy"]
        box = page.locator("[data-testid='stCheckbox']").get_by_text(name, exact=True)
        await w.then_click_away(lambda: box.click())
        await w.go("care")
        weeks = page.locator(".st-key-treatment-physical_therapy").get_by_role("spinbutton", name="For how many weeks?")
        await w.then_click_away(lambda: weeks.fill("9"))
        await w.go("care")

        async def choose():
            await page.locator(".st-key-treatment-physical_therapy [data-testid='stSelectbox']").click()
            await page.get_by_role("option", name=content.program.helped_names["partly"], exact=True).click()
        await w.then_click_away(choose)

        await w.go("fusion")
        await w.then_click_away(lambda: page.get_by_role(
            "textbox", name="Your notes and questions about fusion").fill(f"Ask about walking {n}"))

        await w.go("your_back")

        async def enter():
            box = page.get_by_role("textbox", name="Your initials (optional)")
            await box.fill(initials + "Z")
            await box.press("Enter")
        await w.then_click_away(enter)

        # The save download, clicked right after typing: never cancelled, and it has the value.
        await w.go("your_back")
        box = page.get_by_role("textbox", name="Your initials (optional)")
        save = page.locator("[data-testid='stSidebar']").get_by_role("button", name="Save my answers (file)")
        async with page.expect_download(timeout=300_000) as download:
            await box.fill(initials)
            await save.click()
        path = tmp_path / f"saved-{n}.json"
        saved_file = await download.value
        cancelled = await saved_file.failure()  # None when the file arrived whole
        if not cancelled:
            await saved_file.save_as(path)
        await ready(page)

        record = await w.kept()
        expected = {
            "patient_initials": initials,
            "symptom_weeks": 30 + n,
            "diagnosis": "spinal_stenosis",
            "pain_back": 3,
            "treatments": [{"kind": "physical_therapy", "weeks": 9, "visits": None, "helped": "partly"}],
            "fusion_patient_notes": f"Ask about walking {n}",
        }
        lost = [f"{field}={record[field]!r}" for field, value in expected.items() if record[field] != value]
        if cancelled:
            lost.append(f"save download cancelled ({cancelled})")
        elif parse_record(path.read_bytes()).patient_initials != initials:
            lost.append(f"saved file initials={parse_record(path.read_bytes()).patient_initials!r}")
        return lost, w.gaps
    finally:
        await context.close()


async def walks(base_url: str, content, sessions: int, tmp_path):
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return await asyncio.gather(*(one_walk(browser, base_url, content, n, tmp_path) for n in range(sessions)))
        finally:
            await browser.close()


@pytest.mark.parametrize("sessions", [1, 10])
def test_a_value_followed_at_once_by_a_click_reaches_the_record(app_url, content, sessions, tmp_path):
    results = asyncio.run(walks(app_url, content, sessions, tmp_path))
    lost = [item for items, _ in results for item in items]
    gaps = [g for _, gs in results for g in gs]
    within = sum(g <= GAP_MS for g in gaps)
    print(f"\n{sessions} session(s): {len(lost)} lost of {sessions * 9} inputs typed "
          f"({sum('cancelled' in item for item in lost)} save downloads cancelled); click gaps "
          f"{min(gaps):.0f}-{max(gaps):.0f} ms, median {sorted(gaps)[len(gaps) // 2]:.0f}, "
          f"{within} of {len(gaps)} within {GAP_MS} ms of the last input event")
    assert lost == [], lost
    assert len(gaps) == sessions * 9, gaps
    # The click must really follow at once, or the run proved nothing about the race: then it
    # skips with its figures rather than fails. Whether the browser delivers a click within 50 ms
    # is the machine's load, not the app's behaviour (on the shared 2-core machine, ten sessions at
    # once delivered 1-28 of 90 clicks within 50 ms). One session needs its median click within
    # 50 ms; ten need at least one racing click per session on average.
    raced = sorted(gaps)[len(gaps) // 2] <= GAP_MS if sessions == 1 else within >= sessions
    if not raced:
        pytest.skip(f"the machine could not produce the race: {within} of {len(gaps)} clicks within "
                    f"{GAP_MS} ms (median {sorted(gaps)[len(gaps) // 2]:.0f} ms); nothing was lost")
