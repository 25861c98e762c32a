"""The tab store's script comes from our own server, as a file, once per page load (issue 13).

ui/tab_store.py mounts a component whose script is ``spine_aid/static/tab_store.js``, served by
Streamlit at ``tab_store.SCRIPT_URL``; each run's message only names it (tests/
test_tab_store_script.py). Here a real browser loads the aid: the script arrives from this server
with a JavaScript type, nothing comes from any other host, the tab keeps the record (so the script
ran), and moving between pages does not fetch it again.
"""

from __future__ import annotations

import json
import urllib.request

import pytest

from tests.browser.conftest import ROOT, Visit, open_app, open_from_sidebar, tick, wait_for_app
from ui import tab_store

pytestmark = pytest.mark.browser

SCRIPT = ROOT / "spine_aid" / "static" / tab_store.SCRIPT


def test_the_script_is_served_by_this_server_as_javascript(app_url: str):
    with urllib.request.urlopen(app_url + tab_store.SCRIPT_URL, timeout=10) as resp:
        assert resp.status == 200
        assert resp.headers.get_content_type() in ("application/javascript", "text/javascript")
        assert resp.read() == SCRIPT.read_bytes()


def test_a_browser_fetches_it_once_from_here_and_it_keeps_the_record(visit: Visit, content):
    responses: list[tuple[str, int, str]] = []
    visit.page.on("response", lambda r: responses.append((r.url, r.status, r.headers.get("content-type", ""))))
    page = open_app(visit, "/")
    tick(page, content.red_flags.none_apply)
    wait_for_app(page)
    page.wait_for_function("sessionStorage.getItem('spine-aid:record') !== null")
    kept = json.loads(page.evaluate("sessionStorage.getItem('spine-aid:record')"))
    assert json.loads(kept["record"])["safety_screen_done"] is True

    for key in ("your_back", "about", "start"):
        open_from_sidebar(page, content.pages[f"nav.{key}"])
        wait_for_app(page)

    script = [r for r in responses if r[0] == visit.base_url + tab_store.SCRIPT_URL]
    assert len(script) == 1, script  # once for the page load, not once per run or per page
    [(_, status, ctype)] = script
    assert status == 200 and "javascript" in ctype, script
    assert visit.foreign_requests() == []
