"""How long the walk is, as a reader meets it: each page's height, words, inputs and reading level.

Issue 11's and issue 24's budgets are measured here, in Chromium, the way a person sees the page
(the sidebar is not counted; text in a closed "read more" is not visible, so it is not counted):

- height: ``stMain``'s ``scrollHeight`` in px; screens: that height over the window's height
  (900 px on the laptop of issue 24, 800 px in clinic);
- words: ``stMain``'s ``innerText`` split on white space;
- inputs: the Streamlit widgets in ``stMain``, each counted once by its element's ``data-testid``
  (``INPUT_TESTIDS``): a tick box or a switch, a group of round buttons, a drop-down, a
  multi-select, a slider, a number, a line or a box of text, a date, a button, a download button,
  a file picker. Only the ones drawn: a widget inside a closed "read more" or a closed expander
  (the Oswestry sections at home, save and open at the foot of each page) is not counted, as its
  words are not. A group of radio buttons is one input, not one per choice; page links are not;
- SMOG: ``textstat.smog_index`` of that same text, each line of it taken as a sentence (a line that
  does not end in . ? ! or : gets a full stop: a label or a heading is a sentence of its own, not
  part of the next one).

Used by ``tests/browser/test_length_budgets.py`` (the budgets), ``benchmarks/length.py`` and
``benchmarks/walk.py`` (the figures).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, expect

from ui import navigation

APP_READY = (
    "[data-testid='stApp'][data-test-script-state='notRunning']"
    "[data-test-connection-state='CONNECTED']"
)

# The walk from Start to Summary, as the sidebar names it (content/pages.yaml keys), from the
# page list itself (ui/navigation.py): a page added to the walk is measured too.
WALK = tuple(f"nav.{p.key}" for p in navigation.WALK)

# Issue 24's budgets for the walk with every question answered, at home at 1280 x 900, "read more"
# closed: Start to Summary at most 3,500 visible words and 20 screens of 900 px; no page over 3
# screens but Compare and Fusion; SMOG at most 9 on every walk page's visible text. One place for
# the test that holds them (test_length_budgets.py) and the benchmark that prints them (walk.py).
ANSWERED_WALK_WORDS = 3_500
ANSWERED_WALK_SCREENS = 20
PAGE_SCREENS = 3
LONG_PAGES = ("nav.compare", "nav.fusion")  # the two pages allowed more than PAGE_SCREENS
PAGE_SMOG = 9

# One per Streamlit widget (see the module's note on "inputs").
INPUT_TESTIDS = ("stCheckbox", "stRadio", "stSelectbox", "stMultiSelect", "stSlider", "stNumberInput",
                 "stTextInput", "stTextArea", "stDateInput", "stButton", "stDownloadButton", "stFileUploader")


@dataclass(frozen=True)
class PageLength:
    key: str
    height: int
    words: int
    screens: float = 0.0
    inputs: int = 0
    smog: float = 0.0
    text: str = field(default="", repr=False)


def smog(text: str) -> float:
    """SMOG grade of visible text, each line a sentence (see the module's note)."""
    import textstat  # a build and test requirement (requirements-build.txt), never the app's

    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    sentences = " ".join(ln if ln[-1] in ".?!:" else ln + "." for ln in lines)
    return round(float(textstat.smog_index(sentences)), 1)


def record_with_diagnosis(diagnosis: str, **extra) -> dict:
    """A save file with only the safety screen answered and the diagnosis named."""
    return {"schema_version": 3, "safety_screen_done": True, "red_flags": [], "diagnosis": diagnosis, **extra}


# ---------------------------------------------------------------- a fully answered walk (issue 24)

# Record fields the fully answered record leaves at their default, each with its reason. Every
# other field of DecisionRecord (and of the models inside it) must be answered by
# ``answered_record``: tests/test_walk_record.py walks the model, so a new field fails there until
# it is answered here or listed here.
LEFT_UNANSWERED = {
    "red_flags": "no sign ticked: the safety screen is answered 'none of these'; a sign pauses the walk",
    "oswestry.total_percent": "the other way to answer the Oswestry: only when the ten sections are not known",
    "medicines_unsuitable": "a box left unticked is stored as None: the page stores only a tick",
    "quiz_second_tries": "a changed answer, not a question the page asks",
}
QUESTIONS_OF_HER_OWN = ("How long before I can drive?", "What if the pain comes back after a year?")
CONCERNS_OF_HER_OWN = ("Looking after my grandchildren", "Driving to work again")
# Ratings in turn, 0 to 10: more than half at 7 or above, so the values fit (rated 7 or more) shows.
RATINGS = (9, 3, 8, 10, 2, 7, 5, 8, 1, 9, 6, 7)


def answered_record(diagnosis: str, content=None) -> dict:
    """A save file with every question the walk asks answered, for ``diagnosis``.

    The operation talked about, the leaning, the surgeon's proposal and the decision are the last
    operation that fits the diagnosis (fusion where it fits). Your back: every answer and the ten
    Oswestry sections. Care so far: five treatments, each with its weeks, whether it helped and (for
    supervised care) its visits; the whole span of care; nicotine stopped, with the weeks. Compare:
    the diagnosis's options. Fusion: the surgeon's plan, every part, and both parties' notes. Every
    value rated, every quiz question answered (all right but one), own concerns, leaning and how
    to decide, SURE before and after, questions ticked and her own, the decision reached.
    Built as a DecisionRecord, so it is a file the aid opens as it is.
    """
    from datetime import date

    from decision.content import load_content
    from decision.deliberation import relevant_options, suggested_questions
    from decision.record import (
        Clinical,
        DecisionReached,
        DecisionRecord,
        FusionPlan,
        Oswestry,
        Sure,
        SureAnswers,
        Treatment,
    )

    content = content or load_content()
    options = next(d.options for d in content.template.diagnoses if d.id == diagnosis)
    operations = [o for o in options if o != "non_operative"]
    operation = operations[-1] if operations else None
    d = content.deliberation
    quiz = {q.id: q.answer for q in d.quiz.questions}
    last = d.quiz.questions[-1]
    quiz[last.id] = next((c.id for c in last.choices if c.id != last.answer), last.answer)  # one wrong
    relevant = relevant_options(operation, operation, operation)
    ticked = [q.text for q in suggested_questions(d, relevant)][:4]
    record = DecisionRecord(
        patient_initials="JQ",
        safety_screen_done=True,
        diagnosis=diagnosis,
        procedure=operation or "none_yet",
        symptom_weeks=60,
        worst_pain="both",
        pain_back=6,
        pain_leg=8,
        oswestry=Oswestry(sections=[3, 2, 4, 3, 2, 3, 2, 1, 2, 3]),
        treatments=[
            Treatment(kind="physical_therapy", weeks=10, visits=14, helped="partly"),
            Treatment(kind="home_exercise", weeks=30, helped="no"),
            Treatment(kind="nsaid", weeks=20, helped="yes"),
            Treatment(kind="nerve_pain_medication", weeks=8, helped="not_sure"),
            Treatment(kind="epidural_steroid_injection", weeks=1, helped="partly"),
        ],
        nicotine="stopped",
        nicotine_free_weeks=12,
        care_weeks=40,
        options_compared=list(options),
        clinical=Clinical(
            confirmed_diagnosis="As on the scan, at L4-5",
            imaging_findings="MRI: moderate narrowing at L4-5",
            proposed_operation=operation or "none_yet",
            imaging_matches="yes",
            levels="L4-L5",
            next_step="follow_up",
        ),
        fusion_plan=FusionPlan(
            with_decompression="yes", instrumentation="pedicle_screws", approach="posterior",
            interbody_cage="no", segments=1, surgeon_notes="One level; stable on flexion views.",
        ),
        fusion_patient_notes="I worry about the screws loosening.",
        values={item.id: RATINGS[i % len(RATINGS)] for i, item in enumerate(d.values.items)},
        own_concerns=list(CONCERNS_OF_HER_OWN),
        quiz=quiz,
        leaning=operation or "not_sure",
        decision_role="together",
        sure=Sure(
            before=SureAnswers(sure=False, understand=True, risk_benefit=False, encouragement=True),
            after=SureAnswers(sure=True, understand=True, risk_benefit=True, encouragement=True),
        ),
        questions=[*ticked, *QUESTIONS_OF_HER_OWN],
        decision_reached=DecisionReached(choice=operation or "more_time_needed", on=date(2026, 12, 1)),
    )
    return record.model_dump(mode="json")


def unanswered_fields(record, model=None, prefix: str = "") -> set[str]:
    """The fields of a DecisionRecord (dotted names) left at their default, walked from the model
    itself so that a new field is seen. A list of models counts a field answered when any entry
    answers it (visits are asked only for supervised care); a list answers when it is not empty
    and holds no None; a mapping when it is not empty."""
    from pydantic import BaseModel

    model = model or type(record)
    out: set[str] = set()
    for name, info in model.model_fields.items():
        if name == "schema_version":
            continue
        value, where = getattr(record, name), prefix + name
        if isinstance(value, BaseModel):
            out |= unanswered_fields(value, type(value), where + ".")
        elif isinstance(value, list) and value and all(isinstance(v, BaseModel) for v in value):
            each = [unanswered_fields(v, type(v), where + ".") for v in value]
            out |= set.intersection(*each)
        elif isinstance(value, list):
            if not value or any(v is None for v in value):
                out.add(where)
        elif isinstance(value, dict):
            if not value:
                out.add(where)
        elif value == info.get_default(call_default_factory=True):
            out.add(where)
    return out


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


_MEASURE = (
    "(ids) => { const m = document.querySelector('[data-testid=stMain]');"
    " const sel = ids.map(i => `[data-testid=\"${i}\"]`).join(',');"
    " const widgets = [...m.querySelectorAll(sel)]"
    "   .filter(e => !e.parentElement.closest(sel)"
    "     && e.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true}));"
    " return [m.scrollHeight, m.innerText, widgets.length, window.innerHeight]; }"
)


def measure(page: Page, key: str) -> PageLength:
    """The page as drawn once it stops changing: a page can be "not running" while its elements
    are still arriving (seen in clinic: Your back with half its text and one input), so it is read
    until two reads 500 ms apart agree (at most 12 reads)."""
    last = page.evaluate(_MEASURE, list(INPUT_TESTIDS))
    for _ in range(12):
        page.wait_for_timeout(500)
        settle(page)
        now = page.evaluate(_MEASURE, list(INPUT_TESTIDS))
        if now == last:
            break
        last = now
    height, text, inputs, screen = last
    return PageLength(key, int(height), len(text.split()), round(height / screen, 1), int(inputs), smog(text), text)


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
