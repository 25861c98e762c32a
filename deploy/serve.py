"""The aid as served in production: ``streamlit run deploy/serve.py`` (from the repository root).

The same app as ``streamlit run app.py``, plus one route, ``/healthz``, that tells the truth:
Streamlit's own ``/_stcore/health`` answers ``ok`` whenever the server runs, even when the
content failed its checks and every page shows only the error. ``/healthz`` answers 200 only
when the content this process serves passed validation, and 503 otherwise. Container health
checks (Dockerfile HEALTHCHECK, deploy/healthcheck.py) and load balancers (Kubernetes readiness
probe, a hospital load balancer's HTTP check) use it.

It also refuses to start on invalid content (``SPINE_AID_STRICT=0`` turns that off), so a bad
replica never listens and a reverse proxy with passive checks only, such as open-source nginx,
sends patients to the other replicas (connection refused counts as a failure there).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402
from starlette.concurrency import run_in_threadpool  # noqa: E402
from starlette.requests import Request  # noqa: E402
from starlette.responses import Response  # noqa: E402
from starlette.routing import Route  # noqa: E402

from decision.content import ContentError, load_content  # noqa: E402


def content_status() -> tuple[bool, str]:
    """(valid, what to say): the very check the pages use, cached with them (ui/frame.py)."""
    from ui.frame import content_or_error

    content, _error = content_or_error()
    if content is None:
        return False, "content invalid"
    return True, f"content version {content.meta.content_version}"


async def healthz(request: Request) -> Response:
    ok, detail = await run_in_threadpool(content_status)
    # The reason stays short and names no file: details are in `python -m decision check-content`.
    body = json.dumps({"status": "ok" if ok else "unhealthy", "detail": detail})
    return Response(body, status_code=200 if ok else 503, media_type="application/json",
                    headers={"Cache-Control": "no-store"})


if os.environ.get("SPINE_AID_STRICT", "1") != "0":
    try:
        load_content()
    except ContentError as exc:
        print(f"Not starting: the content did not pass its checks. {exc}", file=sys.stderr)
        sys.exit(1)

app = st.App(ROOT / "app.py", routes=[Route("/healthz", healthz, methods=["GET", "HEAD"])])
