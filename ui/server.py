"""The app's own server, as ``streamlit run app.py`` serves it (issues 19 and 21).

``app.py`` builds its ``st.App`` from what is here, so README's run command, the image's ``CMD``
and every test server get the same protection, with or without a proxy in front:

- ``/healthz``: 200 only when the content this process serves passes the very check the pages
  use; 503 otherwise. The body gives the version and the status, never the problem (that is for
  ``python -m decision check-content``). A change of health is logged.
- Security headers on every HTTP answer (CSP with ``frame-ancestors 'none'``, nosniff,
  ``Referrer-Policy: no-referrer``), and ``/_stcore/metrics`` answers 404.
- No lookup of the machine's addresses on the internet, ever: Streamlit asks
  checkip.amazonaws.com for the banner at start (``logger.hideWelcomeMessage`` in the config stops
  that) and again whenever a websocket arrives from a foreign origin (stopped here).
- Client messages that would touch other patients are ignored: ``clear_cache`` empties every
  user's cache; ``load_git_info`` runs ``git`` on the server. Reruns are bounded per session
  (a burst, then a steady rate; the excess is merged into one later run), so one client's flood
  of rerun requests cannot stall everyone else (``benchmarks/flood.py``).
- Logs: one JSON object per line on stdout (ui/logs.py), Streamlit's own included; a line per
  session opened and ended, with the number live (what the closed metrics endpoint told).
- Downloads made on the server (the PDF) run only for the session that drew the button, cannot
  be guessed, and are deleted at "Finish and clear" and when the session's link ends
  (``ui/downloads.py``); the save file is never on the server (``tab_store.save_button``).
- Strict mode (``SPINE_AID_STRICT=1``, set in the image): refuse to start on invalid content, so
  a bad replica never listens and a proxy with passive checks only sends patients elsewhere.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import re
import sys
import threading
import time
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from decision.content import content_fingerprint
from decision.version import app_version
from ui import downloads, logs

ROOT = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------- security headers


def _inline_script_hashes() -> list[str]:
    """CSP hashes of the inline scripts in Streamlit's own index.html (one line in 1.67).

    Read from the installed Streamlit, so an upgrade that changes the line cannot break the page.
    """
    import streamlit

    index = Path(streamlit.__file__).parent / "static" / "index.html"
    html = index.read_text(encoding="utf-8")
    hashes = []
    for m in re.finditer(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", html, re.DOTALL):
        if "src=" not in m["attrs"] and m["body"].strip():
            digest = base64.b64encode(hashlib.sha256(m["body"].encode("utf-8")).digest()).decode()
            hashes.append(f"'sha256-{digest}'")
    return hashes


def content_security_policy() -> str:
    """The page needs its own scripts, inline styles (Streamlit's), data: images and fonts, and
    its websocket; nothing from any other host. No site may frame it."""
    scripts = " ".join(["'self'", "blob:", *_inline_script_hashes()])
    return (
        f"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src 'self'; "
        "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
        "frame-ancestors 'none'"
    )


SECURITY_HEADERS = {
    "Content-Security-Policy": content_security_policy(),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",  # older browsers that ignore frame-ancestors
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
# Streamlit's metrics list caches and session counts: not for the public. Any base path, any tail.
_METRICS = re.compile(r"(^|/)_stcore/metrics(/|$)")


class Hardening:
    """ASGI middleware, outside Streamlit's own: headers on every HTTP answer, 404 on metrics."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        if _METRICS.search(scope.get("path", "")):
            await Response("not found", status_code=404, media_type="text/plain")(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


# ---------------------------------------------------------------- health


_health_lock = threading.Lock()
_last_health: bool | None = None


def content_status() -> bool:
    """True when the content this process serves passes the check every page makes first.

    The same cached call as the pages (``ui/frame.content_or_error``): whatever makes a page
    refuse to draw makes this false.
    """
    from ui.frame import content_or_error

    content, _error = content_or_error()
    return content is not None


def _note_health(ok: bool) -> None:
    global _last_health
    with _health_lock:
        if ok == _last_health:
            return
        _last_health = ok
    logs.event("health", logging.INFO if ok else logging.ERROR, status="ok" if ok else "unhealthy")


async def healthz(request: Request) -> Response:
    ok = await run_in_threadpool(content_status)
    _note_health(ok)
    # No detail of a problem for the public: `python -m decision check-content` names it.
    body = json.dumps({"status": "ok" if ok else "unhealthy", "version": app_version()})
    return Response(body, status_code=200 if ok else 503, media_type="application/json",
                    headers={"Cache-Control": "no-store"})


ROUTES = [Route("/healthz", healthz, methods=["GET", "HEAD"])]
MIDDLEWARE = [Middleware(Hardening)]


# ---------------------------------------------------------------- Streamlit's behaviour


def _no_address_lookups() -> None:
    """Never ask the internet (or route a socket towards it) for this machine's addresses.

    Streamlit's websocket origin check, for an origin that is not the page's own, tries the
    machine's internal address (a UDP socket "connected" to 8.8.8.8) and then its external one
    (an HTTP request to checkip.amazonaws.com, blocking for up to 2 s when a firewall drops it,
    and again on every such connection while it fails). Without them a foreign origin is checked
    against localhost, ``browser.serverAddress`` and ``server.corsAllowedOrigins`` only.
    """
    from streamlit import net_util

    net_util.get_external_ip = lambda: None
    net_util.get_internal_ip = lambda: None


def _ignore_client_messages() -> None:
    """Any websocket client may send any BackMsg. Two of them reach beyond the sender's session:

    - ``clear_cache`` empties ``st.cache_data`` and ``st.cache_resource`` for every user (the
      content, the page objects, the process's boot id, so every tab that reloads is told the
      server restarted, issue 21);
    - ``load_git_info`` runs ``git`` on the server for the toolbar this app does not show.

    Streamlit's own toolbar sends them only in developer mode (``client.toolbarMode = "viewer"``
    here), so no patient loses anything. Each is logged (type only) and dropped.
    """
    from streamlit.runtime.app_session import AppSession

    def ignored(kind: str):
        def handler(self: AppSession) -> None:
            logs.event("client_message_ignored", logging.WARNING, type=kind)

        handler.__name__ = f"_ignored_{kind}"
        return handler

    AppSession._handle_clear_cache_request = ignored("clear_cache")  # type: ignore[method-assign]
    AppSession._handle_git_information_request = ignored("load_git_info")  # type: ignore[method-assign]


# A patient's page makes a few reruns in a row (a click, the tab store's answers) and then waits
# for the patient; a flood is thousands per second. Streamlit starts a new script thread for each
# rerun request (runner.fastReruns), so each one costs the whole process CPU and the GIL.
RERUN_BURST = 40
RERUN_PER_SECOND = 20.0


class _RerunBucket:
    """A token bucket per session, and the one rerun held back while the session is over it."""

    __slots__ = ("at", "held", "merged", "pending", "tokens")

    def __init__(self) -> None:
        self.tokens = float(RERUN_BURST)
        self.at = time.monotonic()
        self.pending: Any = None
        self.held = False
        self.merged = 0

    def refill(self) -> None:
        now = time.monotonic()
        self.tokens = min(float(RERUN_BURST), self.tokens + (now - self.at) * RERUN_PER_SECOND)
        self.at = now


def _bound_reruns() -> None:
    """Over the rate, a session's rerun requests are merged into one run that starts when the
    bucket allows: the newest request wins, with any button press of the older ones kept
    (Streamlit's own merge for a rerun that arrives while a run is going), so nothing a patient
    did is dropped; it only runs later. Logged once per held run, with how many were merged."""
    import asyncio

    from streamlit.runtime.app_session import AppSession
    from streamlit.runtime.scriptrunner_utils.script_requests import (
        _coalesce_widget_states,
    )

    original = AppSession._handle_rerun_script_request

    def fire(session: AppSession) -> None:
        bucket: _RerunBucket = session.__dict__["_aid_reruns"]
        state, merged = bucket.pending, bucket.merged
        bucket.pending, bucket.held, bucket.merged = None, False, 0
        bucket.refill()
        bucket.tokens = max(0.0, bucket.tokens - 1)
        logs.event("reruns_merged", logging.WARNING, count=merged)
        original(session, state)

    def bounded(self: AppSession, client_state: Any = None) -> None:
        bucket = self.__dict__.get("_aid_reruns")
        if bucket is None:
            bucket = self.__dict__["_aid_reruns"] = _RerunBucket()
        bucket.refill()
        if not bucket.held and bucket.tokens >= 1:
            bucket.tokens -= 1
            original(self, client_state)
            return
        if not bucket.held:
            bucket.held, bucket.pending, bucket.merged = True, client_state, 1
            asyncio.get_running_loop().call_later((1 - bucket.tokens) / RERUN_PER_SECOND, fire, self)
            return
        bucket.merged += 1
        old = bucket.pending
        if client_state is None or old is None:
            bucket.pending = client_state if client_state is not None else old
            return
        merged = _coalesce_widget_states(old.widget_states, client_state.widget_states)
        if merged is not None:
            client_state.widget_states.CopyFrom(merged)
        bucket.pending = client_state

    AppSession._handle_rerun_script_request = bounded  # type: ignore[method-assign]


_sessions_lock = threading.Lock()
_live_sessions = 0


def _log_sessions() -> None:
    """A line when a session opens and when it ends, with the number live: what the closed
    metrics endpoint told an operator, without any id."""
    from streamlit.runtime.app_session import AppSession

    opened, shut = AppSession.__init__, AppSession.shutdown

    def init(self: AppSession, *args: Any, **kwargs: Any) -> None:
        global _live_sessions
        opened(self, *args, **kwargs)
        with _sessions_lock:
            _live_sessions += 1
            live = _live_sessions
        self.__dict__["_aid_live"] = True
        logs.event("session_opened", live=live)

    def shutdown(self: AppSession) -> None:
        global _live_sessions
        shut(self)
        if self.__dict__.pop("_aid_live", False):
            with _sessions_lock:
                _live_sessions -= 1
                live = _live_sessions
            logs.event("session_ended", live=live)

    AppSession.__init__ = init  # type: ignore[method-assign]
    AppSession.shutdown = shutdown  # type: ignore[method-assign]


def _route_streamlit_logs() -> None:
    """Streamlit's loggers write through our JSON handler to stdout, with no tracebacks."""
    from streamlit import logger as st_logger

    def setup_formatter(logger: logging.Logger) -> None:
        old = getattr(logger, "streamlit_console_handler", None)
        if old is not None and old is not logs.HANDLER:
            logger.removeHandler(old)
        logger.streamlit_console_handler = logs.HANDLER  # type: ignore[attr-defined]
        if logs.HANDLER not in logger.handlers:
            logger.addHandler(logs.HANDLER)

    st_logger.setup_formatter = setup_formatter
    # No access log: a request line carries its query string, which can carry what a page was given.
    logging.getLogger("uvicorn.access").disabled = True
    for name in list(st_logger._loggers):
        setup_formatter(st_logger._loggers[name])


def start() -> None:
    """Everything above, once, as the server starts (``app.py`` calls it); then the start line."""
    logs.configure()
    _route_streamlit_logs()
    _no_address_lookups()
    _ignore_client_messages()
    _bound_reruns()
    _log_sessions()
    downloads.install()
    # The pages' own cached load (ui/frame.py): loaded once per process, here at start, and the
    # same answer every page and /healthz then read.
    from ui.frame import content_or_error

    content, problem = content_or_error()
    valid = content is not None
    content_version = content.meta.content_version if content else None
    strict = os.environ.get("SPINE_AID_STRICT", "0") == "1"
    logs.event("start", version=app_version(), content_version=content_version, content_hash=content_fingerprint(),
               content_valid=valid, strict=strict,
               custom_content=bool(os.environ.get("SPINE_AID_CONTENT")))
    if strict and not valid:
        logs.event("not_starting", logging.ERROR, reason="content_invalid")
        # For the operator's terminal only (names a content file and field, nothing of a patient).
        print(f"Not starting: the content did not pass its checks. {problem or ''}", file=sys.stderr)
        sys.exit(1)
