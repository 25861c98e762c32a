"""Another site cannot frame the aid, with no proxy in front (issue 21): the app's own
``frame-ancestors 'none'`` (and ``X-Frame-Options: DENY``) make Chromium refuse to draw it.

The other site is a tiny server on another loopback port (another origin); its page holds only an
iframe of the app. The same page framing a harmless page of its own draws it, so the refusal is
about the app's headers, not the set-up. The app's own page, opened directly, shows no
Content-Security-Policy violation in the console.
"""

from __future__ import annotations

import contextlib
import html
import http.server
import threading
import urllib.parse

import pytest
from playwright.sync_api import Browser, TimeoutError as PlaywrightTimeoutError

from tests.browser.conftest import TIMEOUT_MS, Visit, open_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def other_site():
    """Another origin on this machine: a tiny server on another port whose ``/?src=URL`` is a page
    with one iframe of URL, and ``/plain`` a harmless page to frame."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # the standard library's name for it
            query = urllib.parse.urlsplit(self.path)
            if query.path == "/plain":
                body = '<!doctype html><p data-testid="stApp">plain</p>'
            else:
                src = urllib.parse.parse_qs(query.query)["src"][0]
                body = f'<!doctype html><title>other</title><iframe id="f" src="{html.escape(src)}"></iframe>'
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()


def _framed(browser: Browser, other: str, target: str) -> tuple[str, int]:
    """Open the other site's page framing ``target``; the frame's URL and how many apps it shows."""
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto(f"{other}/?src={urllib.parse.quote(target, safe='')}")
        frame = page.frame_locator("#f")
        page.wait_for_load_state("load")
        # A frame that may draw is given every chance to (a generous wait, not a timing); not drawn
        # is what the test expects of the app.
        with contextlib.suppress(PlaywrightTimeoutError):
            frame.locator("[data-testid='stApp']").first.wait_for(timeout=30_000)
        child = page.frames[1] if len(page.frames) > 1 else None
        url = child.url if child is not None else ""
        shown = frame.locator("[data-testid='stApp']").count()
        return url, shown
    finally:
        context.close()


def test_another_site_cannot_frame_the_app(browser: Browser, app_url: str, other_site: str):
    _url, shown = _framed(browser, other_site, f"{other_site}/plain")
    assert shown == 1  # the set-up frames an allowed page
    url, shown = _framed(browser, other_site, app_url + "/")
    assert shown == 0, f"the app was drawn inside another site's page (frame at {url})"


def test_the_apps_own_page_has_no_policy_violation(visit: Visit):
    console: list[str] = []
    visit.page.on("console", lambda m: console.append(m.text))
    open_app(visit)
    assert not [m for m in console if "Content Security Policy" in m or "Content-Security-Policy" in m], console
