"""Downloads made on the server (the Summary's PDF): for the asking session only, and gone at
"Finish and clear" or when the session's link ends (issue 21).

The save file is not made here at all: the browser makes it (``tab_store.save_button``). The PDF
must be made on the server, with Streamlit's deferred download (``st.download_button(data=callable)``):

1. The page sends the browser a random placeholder id (``uuid4``). On a click the browser sends it
   back over the websocket; Streamlit runs the callable and stores the bytes in memory at
   ``/media/<hash of the bytes, type and file name>``, readable by any client with no cookie.
2. Streamlit runs any session's placeholder for any websocket that names it (its handler ignores
   the asking session). Here a placeholder runs only for the session that drew the button.
3. The address is a hash of the bytes, so a PDF anyone can rebuild (same record, same day) had an
   address anyone could compute. The page now gives each PDF a random /ID (``build_pdf``'s
   ``unique_id``, 128 bits), so the bytes, and with them the address, cannot be guessed.
4. Streamlit keeps the stored PDF until two later sweeps (it marks, then deletes), each at the end
   of some session's run, and a closed tab's session only ends ``server.disconnectedSessionTTL``
   (120 s) after its link drops: minutes in all. Here every PDF a session made, and its
   placeholders, are deleted at once when the patient presses "Finish and clear", when the
   session's websocket closes (a tab closed or reloaded: the tab store loads the page again on
   any reconnect, so a disconnected session is never shown again), and when it shuts down.

Streamlit 1.67's ``MediaFileManager`` has no public call to delete one file or one session's
placeholders, so its private ``_lock``, ``_file_metadata``, ``_delete_file``,
``_deferred_ids_by_session`` and ``_drop_deferred_id`` are used (streamlit is pinned; a test
drives each path against a live server, ``tests/test_downloads.py``).
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from typing import Any

from ui import logs

_made_lock = threading.Lock()
_made: defaultdict[str, set[str]] = defaultdict(set)  # session id -> ids of the files its clicks made


def _media_manager() -> Any | None:
    from streamlit import runtime

    return runtime.get_instance().media_file_mgr if runtime.exists() else None


def release(session_id: str) -> int:
    """Delete every file this session's downloads made, and its placeholders. Returns how many files."""
    mgr = _media_manager()
    with _made_lock:
        made = _made.pop(session_id, set())
    if mgr is None:
        return 0
    deleted = 0
    with mgr._lock:
        for file_id in made:
            if file_id in mgr._file_metadata:
                mgr._delete_file(file_id)
                deleted += 1
        for placeholder in list(mgr._deferred_ids_by_session.get(session_id, ())):
            mgr._drop_deferred_id(placeholder)
    return deleted


def release_this_session() -> None:
    """``release`` for the session whose script is running ("Finish and clear")."""
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is not None:
        release(ctx.session_id)


def _file_id(url: str) -> str:
    """``/media/<id>.<ext>`` -> ``<id>`` (MemoryMediaFileStorage.get_url)."""
    return url.rsplit("/", 1)[-1].split(".", 1)[0]


def install() -> None:
    """Bind deferred downloads to the asking session, note what each makes, release at the end."""
    from streamlit.runtime import backend_operation_handler as ops
    from streamlit.runtime.app_session import AppSession
    from streamlit.runtime.websocket_session_manager import WebsocketSessionManager

    handle = ops.DeferredFileHandler.handle

    async def bound(self: Any, request: Any, session_id: str) -> Any:
        placeholder = request.deferred_file.file_id
        mgr = self._get_media_file_mgr()
        with mgr._lock:
            entry = mgr._deferred_callables.get(placeholder)
            owner = entry["session_id"] if entry is not None else None
        if owner != session_id:
            # The same answer Streamlit gives for an unknown id: nothing tells the asker whether it
            # exists. Logged without the id.
            logs.event("download_refused", logging.WARNING, reason="not_this_session")
            return ops.BackendOperationResponse(request_id=request.request_id,
                                                error_msg="Failed to generate file for download")
        response = await handle(self, request, session_id)
        url = response.deferred_file.url if response.HasField("deferred_file") else ""
        if url:
            with _made_lock:
                _made[session_id].add(_file_id(url))
        return response

    ops.DeferredFileHandler.handle = bound  # type: ignore[method-assign]

    disconnect = WebsocketSessionManager.disconnect_session

    def disconnected(self: WebsocketSessionManager, session_id: str) -> None:
        disconnect(self, session_id)
        release(session_id)

    WebsocketSessionManager.disconnect_session = disconnected  # type: ignore[method-assign]

    shutdown = AppSession.shutdown

    def shut(self: AppSession) -> None:
        shutdown(self)
        release(self.id)

    AppSession.shutdown = shut  # type: ignore[method-assign]
