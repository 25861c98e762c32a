"""What this app changes in Streamlit's own behaviour, once, as the server starts (ui/server.py).

- No lookup of the machine's addresses on the internet (``_no_address_lookups``).
- Client messages that would touch other patients are ignored: ``clear_cache`` and
  ``load_git_info`` (``_ignore_client_messages``).
- Reruns are bounded per session: a burst, then a steady rate; the excess is merged into one
  later run, so nothing a patient did is dropped (``_bound_reruns``, ``benchmarks/flood.py``).
- A log line when a session opens and ends, with the number live (``_log_sessions``).
- Streamlit's loggers write through our JSON handler (``_route_streamlit_logs``, ui/logs.py).
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from ui import logs


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


def install() -> None:
    """Every change above (``ui/server.start`` calls it, once)."""
    _route_streamlit_logs()
    _no_address_lookups()
    _ignore_client_messages()
    _bound_reruns()
    _log_sessions()
