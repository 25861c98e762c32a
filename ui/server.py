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

Here: ``/healthz``, the routes and middleware ``app.py`` mounts, and ``start``. The headers are
ui/headers.py; the changes to Streamlit's own behaviour (lookups, client messages, reruns, the
session and log lines) are ui/streamlit_patches.py.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading

from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from decision.content import content_fingerprint
from decision.version import app_version
from ui import downloads, logs, streamlit_patches
from ui.headers import Hardening

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


def start() -> None:
    """Everything above, once, as the server starts (``app.py`` calls it); then the start line."""
    logs.configure()
    streamlit_patches.install()
    downloads.install()
    # The pages' own cached load (ui/frame.py): loaded once per process, here at start, and the
    # same answer every page and /healthz then read.
    from ui.frame import content_or_error
    from ui.language import available

    content, problem = content_or_error()
    valid = content is not None
    # Each translation whose catalogue loads, loaded here too (not on a patient's first page), and said.
    languages = list(available()) if valid else []
    content_version = content.meta.content_version if content else None
    strict = os.environ.get("SPINE_AID_STRICT", "0") == "1"
    logs.event("start", version=app_version(), content_version=content_version, content_hash=content_fingerprint(),
               content_valid=valid, languages=languages, strict=strict,
               custom_content=bool(os.environ.get("SPINE_AID_CONTENT")))
    if strict and not valid:
        logs.event("not_starting", logging.ERROR, reason="content_invalid")
        # For the operator's terminal only (names a content file and field, nothing of a patient).
        print(f"Not starting: the content did not pass its checks. {problem or ''}", file=sys.stderr)
        sys.exit(1)
