"""Initials of any script, typed in Chromium, and a server log that never holds them (issue 12).

The server here logs at debug level, the most it can say, so any line that carried a typed value
would be in the log file this test reads.
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    ARTIFACTS,
    ROOT,
    SERVER_START_SECONDS,
    Visit,
    _free_port,
    _healthy,
    assert_no_exception,
    heading,
    open_app,
    open_from_sidebar,
    tick,
    wait_for_app,
)

pytestmark = pytest.mark.browser

ACCEPTED = ("JÑ", "Ø.", "É-L")
REFUSED = "QZXWVK"  # too many letters: a message beside the field, never an exception


@pytest.fixture(scope="module")
def server_log():
    """A fresh server that logs at debug level; yields (url, log path)."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    ARTIFACTS.mkdir(exist_ok=True)
    log_path = ARTIFACTS / "server-test_initials-debug.log"
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
           "--server.headless", "true", "--browser.gatherUsageStats", "false", "--logger.level", "debug"]
    with open(log_path, "w") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + SERVER_START_SECONDS
            while not _healthy(url):
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"streamlit did not start (log: {log_path})")
                time.sleep(0.25)
            yield url, log_path
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture
def app_url(server_log):  # the conftest's ``visit`` opens this server
    return server_log[0]


def test_accented_initials_are_taken_and_never_reach_the_server_log(visit: Visit, server_log, content):
    p = content.pages
    page = open_app(visit, "/")
    tick(page, content.red_flags.none_apply)
    open_from_sidebar(page, p["nav.your_back"])
    expect(heading(page, p["your_back.title"], p["nav.your_back"])).to_have_count(1)
    box = page.get_by_role("textbox", name="Your initials (optional)", exact=True)
    for initials in ACCEPTED:
        box.fill(initials)
        box.press("Enter")
        wait_for_app(page)
        assert_no_exception(page)
        expect(page.get_by_text(p["record_error.initials_typed"])).to_have_count(0)
        open_from_sidebar(page, p["nav.summary"])  # the summary shows what the record holds
        expect(page.get_by_text(f"initials: {initials}", exact=False)).to_have_count(1)
        open_from_sidebar(page, p["nav.your_back"])
        expect(box).to_have_value(initials)
    box.fill(REFUSED)
    box.press("Enter")
    wait_for_app(page)
    assert_no_exception(page)
    expect(page.get_by_text(p["record_error.initials_typed"])).to_have_count(1)
    time.sleep(0.5)  # let the server flush its log
    log = server_log[1].read_text(encoding="utf-8", errors="replace")
    assert log.strip(), "the server wrote no log at all, so this test would prove nothing"
    for typed in (*ACCEPTED, REFUSED):
        assert typed not in log, typed
    assert "input_value" not in log and "Traceback" not in log
