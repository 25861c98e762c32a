"""Security headers on every HTTP answer, and Streamlit's metrics closed (ui/server.py wires it in).

A CSP that allows this page's own scripts and styles and nothing from any other host, with
``frame-ancestors 'none'``; nosniff; ``Referrer-Policy: no-referrer``; and ``/_stcore/metrics``
(caches, session counts) answers 404 under any base path.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from starlette.datastructures import MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send


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
