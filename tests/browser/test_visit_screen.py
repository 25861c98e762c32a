"""Issue 24, item 6, held in Chromium: in clinic at 1280 x 800 the first screen of the Visit page
shows the leaning, the SURE result before the visit with its marks, the readiness result with what
the surgeon must confirm, the safety result, the surgeon's fields, the decision and the SURE test at
the end of the visit, without scrolling.

The record is the tallest the page meets without a red flag: unsure (SURE 2 of 4), in conflict
(leaning to fusion, the surgeon proposing care without surgery), the scan still to confirm (so the
readiness result lists it) and a fusion plan (so its line shows). Each item's box (its element's
``getBoundingClientRect``, the page scrolled to the top) must lie inside the viewport.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from decision.record import DecisionRecord
from decision.rules.readiness import assess
from tests import records
from tests.browser.conftest import ARTIFACTS, assert_no_exception
from tests.browser.walk_lengths import go, open_record, set_clinic

pytestmark = pytest.mark.browser

# For each label: the box of the widget it names (label and input), or of the line of text it starts.
BOXES = """labels => {
  const main = document.querySelector("[data-testid='stMain']");
  // The first screen: every scrolled box back at its top.
  window.scrollTo(0, 0);
  for (const el of document.querySelectorAll("*")) if (el.scrollTop) el.scrollTop = 0;
  const found = {};
  const widgets = [...main.querySelectorAll("[data-testid='stWidgetLabel']")];
  const lines = [...main.querySelectorAll(
    "[data-testid='stMarkdownContainer'] :is(strong, p, li), [data-testid='stCaptionContainer'] :is(strong, p)")];
  const alerts = [...main.querySelectorAll("[data-testid='stAlert']")];
  for (const label of labels) {
    const widget = widgets.find(h => h.textContent.trim().startsWith(label));
    const line = lines.find(h => h.textContent.trim().startsWith(label))
      || alerts.find(a => a.textContent.includes(label));
    if (!widget && !line) { found[label] = null; continue; }
    // A widget: its label and its input; a line of text: the line itself.
    const box = (widget ? widget.closest("[data-testid='stElementContainer']") : line).getBoundingClientRect();
    found[label] = {top: box.top, bottom: box.bottom, left: box.left, right: box.right};
  }
  return {boxes: found, vw: window.innerWidth, vh: window.innerHeight};
}"""


def _tallest_record(content) -> dict:
    record = records.full_record(content)
    clinical = record.clinical.model_copy(update={"proposed_operation": "non_operative", "imaging_matches": None,
                                                  "next_step": "follow_up"})
    record = record.model_copy(update={"clinical": clinical, "decision_reached": None})
    return record.model_dump(mode="json")


def test_in_clinic_the_visit_page_holds_the_visit_on_the_first_screen(browser, app_url, content, tmp_path):
    p = content.pages
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page: Page = context.new_page()
        record = _tallest_record(content)
        to_confirm = assess(DecisionRecord.model_validate(record), content).surgeon_to_confirm[0]
        open_record(page, app_url, record, tmp_path)
        set_clinic(page, True)
        go(page, p["nav.visit"])
        page.wait_for_selector("text=" + p["visit.surgeon_title"])
        assert_no_exception(page)
        labels = {
            "leaning": p["visit.leaning"], "SURE before": p["visit.sure_before"],
            "unsure mark": p["visit.unsure"].split(":")[0], "conflict mark": p["visit.differs_proposal"].split(":")[0],
            "readiness": p["visit.readiness"], "to confirm": to_confirm,
            "safety": p["visit.safety"],
            "confirmed diagnosis": p["fusion.confirmed_diagnosis"], "levels": p["visit.levels"],
            "scan matches": p["your_back.imaging_matches"], "proposal": p["visit.proposal"],
            "fusion plan": p["visit.fusion_plan"], "next step": p["visit.next_step"],
            "decision": p["visit.decision"], "SURE after": p["visit.sure_after"],
            **{f"SURE after: {item.id}": item.question for item in content.deliberation.sure.items},
        }
        found = page.evaluate(BOXES, list(labels.values()))
        page.screenshot(path=str(ARTIFACTS / "visit-clinic-first-screen.png"))
        vw, vh = found["vw"], found["vh"]
        lowest = max((b["bottom"] for b in found["boxes"].values() if b), default=0)
        print(f"\nVisit page in clinic, {vw}x{vh}: lowest of the checked items at y={lowest:.0f} px")
        missing = [name for name, label in labels.items() if found["boxes"][label] is None]
        assert not missing, f"not on the page: {missing}"
        outside = {name: found["boxes"][label] for name, label in labels.items()
                   if not (found["boxes"][label]["top"] >= 0 and found["boxes"][label]["bottom"] <= vh
                           and found["boxes"][label]["left"] >= 0 and found["boxes"][label]["right"] <= vw)}
        assert not outside, f"below or beside the first screen ({vw}x{vh}): {outside}"
    finally:
        context.close()
