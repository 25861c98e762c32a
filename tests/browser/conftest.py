"""A real server and a real browser for the end-to-end tests.

Playwright cannot download browsers on our machines, so the tests drive the system Chromium
(``/usr/bin/chromium``; CI installs it with apt). If it is missing the tests fail, they do not
skip: a skipped browser suite would hide a broken first visit.

Each test module gets a fresh server (``app_url``), so its first test really is the server's
first visitor. Each test gets a fresh browser context (``visit``): a new Streamlit session with
no cookies, and a list of every URL it asked for.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

from tests.browser.walk_lengths import SIDEBAR_LINK, go

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
# Generous bounds: these are waits for the app's own "settled" signal, not timings. The machines
# are shared (2 cores, other jobs beside the suite); a wait that runs out here means the app never
# settled, not that it was slow. Speed is measured in benchmarks/, never asserted in a test.
TIMEOUT_MS = 120_000
SERVER_START_SECONDS = 180

# Streamlit sets these on the app root; its own e2e suite waits on the same two attributes.
APP_READY = (
    "[data-testid='stApp'][data-test-script-state='notRunning']"
    "[data-test-connection-state='CONNECTED']"
)
ERROR_TEXT = "This app has encountered an error"

expect.set_options(timeout=TIMEOUT_MS)


# ---------------------------------------------------------------- server


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as resp:
            return resp.read().strip() == b"ok"
    except OSError:
        return False


@pytest.fixture(scope="module")
def app_url(request) -> str:
    """A fresh ``streamlit run app.py`` for this module; its URL, e.g. http://127.0.0.1:PORT."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    ARTIFACTS.mkdir(exist_ok=True)
    log_path = ARTIFACTS / f"server-{request.module.__name__.rsplit('.', 1)[-1]}.log"
    cmd = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.port", str(port),
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
    ]
    with open(log_path, "w") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + SERVER_START_SECONDS
            while not _healthy(url):
                if proc.poll() is not None:
                    pytest.fail(f"streamlit exited with code {proc.returncode}:\n{log_path.read_text()[-3000:]}")
                if time.monotonic() > deadline:
                    pytest.fail(f"streamlit did not answer /_stcore/health within {SERVER_START_SECONDS} s "
                                f"(log: {log_path})")
                time.sleep(0.25)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


# ---------------------------------------------------------------- browser


@pytest.fixture(scope="module")
def browser() -> Browser:
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}. The browser tests need it "
            "(Debian/Ubuntu: apt-get install chromium). `playwright install` is not used here."
        )
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@dataclass
class Visit:
    """One visitor: a page in a fresh browser context, and every URL it requested."""

    page: Page
    base_url: str
    requests: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        """Requests to any host other than this machine (telemetry, font CDNs, ...)."""
        out = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.hostname not in LOCAL_HOSTS:
                out.append(url)
        return out


# Every page list the sidebar shows, in order, from the moment the document begins (joined
# labels), in ``window.__pageListsSeen``: a list shown for an instant is caught too.
PAGE_LISTS_SEEN = """
window.__pageListsSeen = [];
new MutationObserver(() => {
  const labels = [...document.querySelectorAll("[data-testid='stSidebarNavLink']")].map((a) => a.textContent.trim());
  const seen = window.__pageListsSeen;
  if (labels.length && seen[seen.length - 1] !== labels.join("|")) seen.push(labels.join("|"));
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


@pytest.fixture
def visit(browser: Browser, app_url: str) -> Visit:
    # An https:// app is the nginx recipe with its test's self-signed certificate (test_two_replicas.py).
    context = browser.new_context(viewport={"width": 1280, "height": 900}, ignore_https_errors=app_url.startswith("https://"))
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(PAGE_LISTS_SEEN)
    page = context.new_page()
    v = Visit(page=page, base_url=app_url)
    page.on("request", lambda r: v.requests.append(r.url))
    page.on("websocket", lambda ws: v.requests.append(ws.url))
    try:
        yield v
    finally:
        context.close()


# ---------------------------------------------------------------- helpers for the tests


def wait_for_app(page: Page) -> None:
    """Wait until the script has finished its run and the socket is connected.

    A click starts a rerun a moment later, so "not running" can be seen just before the rerun
    begins. Callers therefore first wait for what they expect to see, then call this.
    """
    page.wait_for_selector(APP_READY)
    page.wait_for_timeout(250)
    page.wait_for_selector(APP_READY)


def open_app(v: Visit, path: str = "/") -> Page:
    v.page.goto(v.base_url + path)
    v.page.wait_for_selector("[data-testid='stAppViewContainer']")
    wait_for_app(v.page)
    return v.page


def assert_no_exception(page: Page) -> None:
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
    body = page.locator("body").inner_text()
    assert ERROR_TEXT not in body, body[:2000]


def sidebar_links(page: Page) -> Locator:
    return page.locator(SIDEBAR_LINK)


def open_from_sidebar(page: Page, label: str) -> None:
    """Click a sidebar link; return once the address shows that page and its run has finished."""
    go(page, label)


def tick(page: Page, label: str) -> None:
    """Tick a Streamlit checkbox by clicking its label, and wait until it shows as ticked."""
    box = page.get_by_role("checkbox", name=label, exact=True)
    page.locator("[data-testid='stCheckbox']").filter(has_text=label).get_by_text(label, exact=True).click()
    expect(box).to_be_checked()
    wait_for_app(page)


def heading(page: Page, *titles: str) -> Locator:
    """The page's h1, if its text is one of ``titles``."""
    pattern = "|".join(re.escape(t) for t in titles if t)
    return page.locator("h1").filter(has_text=re.compile(rf"^\s*({pattern})\s*$"))


def current_url(page: Page) -> str:
    # page.url can lag behind Streamlit's history.replaceState; the document's own address does not.
    return page.evaluate("location.href")


def screenshot(page: Page, name: str) -> Path:
    """A tall screenshot for a person to look at (never asserted on)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    size = page.viewport_size
    page.set_viewport_size({"width": 1280, "height": 2400})
    wait_for_app(page)
    page.screenshot(path=str(path), full_page=True)
    if size:
        page.set_viewport_size(size)
    return path
