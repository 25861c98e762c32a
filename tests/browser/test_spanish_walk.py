"""A whole walk in Spanish in Chromium (issue 26, "done when"): what only a browser shows, read as a
reader meets it: every word painted in the page and its sidebar (Streamlit's own too: the file
uploader's button and hint), every accessible name a screen reader says (``aria-label``, ``title``,
``placeholder``), and the page's declared language. The answers are opened from a save file through
the Spanish sidebar, and stay the same to the end. tests/test_spanish_walk.py reads the same walk
through AppTest (every diagnosis); this reads one diagnosis, the one with the most pages.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from decision.content import load_content
from decision.record import DecisionRecord
from tests.browser.conftest import Visit, assert_no_exception, heading, open_app
from tests.browser.walk_lengths import answered_record, go, settle
from tests.english_words import english_in, record_texts
from ui.navigation import PAGES

pytestmark = pytest.mark.browser

# Everything a reader meets: the painted text of the whole page, and each accessible name, title,
# placeholder and image description (an icon's ligature name, e.g. "check_circle", is not read: it
# is drawn as an icon, and its element is hidden from screen readers).
_READ = """() => {
  const said = [document.body.innerText];
  for (const e of document.querySelectorAll('[aria-label],[title],[placeholder],img[alt]')) {
    if (e.closest('[aria-hidden="true"]')) continue;
    for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
      const v = e.getAttribute(a); if (v) said.push(v);
    }
  }
  return [document.documentElement.lang, document.title, said.join('\\n')];
}"""
# An icon drawn from a ligature font, hidden from screen readers (its spoken name, where it has one, is
# an aria-label, read above).
_ICONS = "[data-testid='stIconMaterial'], [data-testid='stExpanderIcon'], [translate='no'][aria-hidden='true']"


@pytest.fixture(scope="module")
def spanish():
    return load_content(lang="es")


def _without_icons(page) -> None:
    """Streamlit writes a Material icon as its name in a ligature font ("check_circle"): the reader
    sees an icon. Its name would read as English words, so it is taken out of the text read."""
    page.evaluate(f"() => document.querySelectorAll(\"{_ICONS}\").forEach(e => e.textContent = '')")


def test_a_whole_walk_in_spanish_in_a_browser_shows_no_english_word(visit: Visit, spanish, tmp_path):
    page = visit.page
    record = answered_record("degenerative_spondylolisthesis")
    # What she typed, and the name of the file she chose (the uploader shows it): her own words
    typed = (*record_texts(DecisionRecord.model_validate(record)), "record.json")
    open_app(visit, "/?lang=es")
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record))
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.locator("input[type='file']").set_input_files(str(path))
    expect(sidebar.get_by_text(spanish.pages["frame.opened"])).to_have_count(1)
    settle(page)

    found: dict[str, list[str]] = {}
    languages = set()
    for info in PAGES:
        go(page, spanish.pages[f"nav.{info.key}"])
        assert_no_exception(page)
        page.wait_for_timeout(300)
        _without_icons(page)
        lang, title, text = page.evaluate(_READ)
        languages.add(lang)
        lines = [line for line in (text + "\n" + title).splitlines() if english_in(line, spanish, typed)]
        if lines:  # each line that holds an English word, as read, so a failure says where
            found[info.key] = [f"{english_in(line, spanish, typed)}: {line[:100]}" for line in dict.fromkeys(lines)]
    assert found == {}
    assert languages == {"es"}  # a screen reader reads the page with Spanish sounds
    # The sidebar's links carry no ?lang=: the tab keeps the language beside the record, so a reload
    # (a new session) is still in Spanish, with every answer.
    page.reload()
    settle(page)
    expect(heading(page, spanish.pages["about.title"])).to_have_count(1)
    assert page.evaluate("() => document.documentElement.lang") == "es"


def test_back_in_english_streamlit_s_own_words_are_english_again(visit: Visit, spanish, content):
    page = open_app(visit, "/?lang=es")
    main = page.locator("[data-testid='stMain']")
    expect(page.locator("[data-testid='stSkipToContent']")).to_have_text(spanish.pages["chrome.skip_to_main"])
    main.get_by_text("English", exact=True).click()
    expect(heading(page, content.pages["start.title"])).to_have_count(1)
    expect(page.locator("[data-testid='stSkipToContent']")).to_have_text(content.pages["chrome.skip_to_main"])
    assert page.evaluate("() => document.documentElement.lang") == "en"
