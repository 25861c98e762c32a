"""The language switch in a browser (issue 26), on a server whose content has a complete pseudo-Spanish
catalogue (tests/test_translation.py's fake translator): ``?lang=es`` opens Start in it, the switch
goes back to English, and an answer ticked before the switch is still ticked after it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from decision.content import CONTENT_ENV
from tests.browser.conftest import Visit, assert_no_exception, current_url, heading, open_app, tick, wait_for_app
from tests.test_translation import pseudo_spanish, translated_master  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", autouse=True)
def spanish_server(translated_master):  # noqa: F811  (autouse: set before this module's server starts)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(CONTENT_ENV, str(translated_master))
        yield


def test_lang_es_opens_start_in_spanish_and_the_switch_keeps_the_answer(visit: Visit, content):
    P, flags = content.pages, content.red_flags
    page = open_app(visit, "/?lang=es")
    expect(heading(page, pseudo_spanish(P["start.title"]))).to_have_count(1)
    assert_no_exception(page)
    tick(page, pseudo_spanish(flags.none_apply))
    main = page.locator("[data-testid='stMain']")
    main.get_by_text("English", exact=True).click()
    expect(heading(page, P["start.title"])).to_have_count(1)
    wait_for_app(page)
    expect(page.get_by_role("checkbox", name=flags.none_apply, exact=True)).to_be_checked()
    assert "lang=" not in current_url(page)
    main.get_by_text("Español", exact=True).click()
    expect(heading(page, pseudo_spanish(P["start.title"]))).to_have_count(1)
    wait_for_app(page)
    assert "lang=es" in current_url(page)
    assert_no_exception(page)
