"""The record's home: the patient's own browser tab (``sessionStorage``), never the server.

Why here (README, "Where answers live"): a refresh starts a new Streamlit session, so the answers
must be kept somewhere the next session can find them. The tab's ``sessionStorage`` is that place:

- it belongs to one tab of one browser; no address, token or cookie can reach it from elsewhere,
  so nothing in the address bar or the history is a password;
- it survives a refresh, a page change, a dropped connection and a server restart, and ends when
  the tab is closed;
- the server keeps nothing between sessions: no shared store to fill, to evict from, or to share
  between replicas; nothing on the server's disk.

The component is our own JavaScript through ``st.components.v2`` (no third-party package, no
request to any other host): ``spine_aid/static/tab_store.js``, a file that our own Streamlit server
serves at ``SCRIPT_URL`` (declared in ``pyproject.toml``). The browser fetches it once per page
load; each run's message names it instead of carrying its ~7 KB (issue 13, bytes per page visit).

The server sends the component the record at the end of every run; the browser writes it. A new
session first asks the tab for what it holds (``read``), and the page waits for that
answer before it draws anything, so an empty record can never overwrite a kept one.

When the link to the server is lost and comes back, the tab loads the page again, so what the
screen shows is what the (possibly new) server holds, and the patient is told.

"Finish and clear" removes the tab's copy and tells every other tab of this aid in the same
browser, over a ``BroadcastChannel``, to remove theirs and start again.
"""

from __future__ import annotations

import functools
import json
import secrets
from collections.abc import Callable
from typing import Any

import streamlit as st

KEY = "record_home"  # the component's key (one per page run)
STORAGE_KEY = "spine-aid:record"

# The script is a file, spine_aid/static/tab_store.js, declared as this component's asset folder in
# pyproject.toml; the project is installed (``pip install -e .``, README) so that Streamlit finds it.
NAME = "spine-aid.tab_store"  # "<project name>.<component name>", as Streamlit names it
SCRIPT = "tab_store.js"  # relative to spine_aid/static/
SCRIPT_URL = f"/_stcore/bidi-components/{NAME}/{SCRIPT}"


@functools.cache
def _component() -> Callable[..., Any]:
    """The store's mount function, made at the first mount, inside a run.

    Made lazily because a file-backed script is looked up in the running server's component
    registry (it read pyproject.toml at start); a bare ``import ui.tab_store`` (the tests import
    ``ui.frame``) has no server, and making it then would fail. If the project is not installed,
    this raises Streamlit's own error ("must be declared in pyproject.toml with asset_dir").
    """
    # Not in a shadow root: the save button it draws (``save_button``) is then an ordinary button of
    # the page, which the page's own style and the held-click logic (see the JS) reach.
    return st.components.v2.component(NAME, js=SCRIPT, isolate_styles=False)


@st.cache_resource(show_spinner=False)
def boot_id() -> str:
    """A random id for this server process, so a tab can tell that the server started again."""
    return secrets.token_hex(8)


# Hidden: it draws nothing, and a zero-height element would still add a gap to the page. The
# frame's one style element carries this rule (ui/frame.py); ``ask`` comes before it, so draws it.
HIDE_CSS = f".st-key-{KEY}{{display:none}}"


def _mount(data: dict[str, Any], on_kept: Callable[[], None] | None = None) -> None:
    _component()(key=KEY, data=data, on_kept_change=on_kept or (lambda: None), on_synced_change=_take_synced,
                 height=0)


def _take_synced() -> None:
    """The tab holds a click until a run that started after this ask has ended (see the JS)."""
    state = st.session_state.get(KEY)
    value = getattr(state, "synced", None) if state is not None else None
    if value is None and isinstance(state, dict):
        value = state.get("synced")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < 2**53:
        st.session_state["tab_store_synced"] = max(int(value), st.session_state.get("tab_store_synced", 0))


def _end_of_run() -> dict[str, Any]:
    """Sent with every write: a new ``run`` each time, so the tab sees each run end, and ``synced``."""
    st.session_state["tab_store_run"] = st.session_state.get("tab_store_run", 0) + 1
    return {"run": st.session_state["tab_store_run"], "synced": st.session_state.get("tab_store_synced", 0)}


def ask(on_kept: Callable[[], None]) -> None:
    """Ask the tab what it keeps; ``on_kept`` runs before the next run, with ``reported()`` set."""
    nonce = st.session_state.setdefault("tab_store_nonce", secrets.token_hex(8))
    st.html(f"<style>{HIDE_CSS}</style>")
    _mount({"op": "read", "nonce": nonce}, on_kept)


def reported() -> dict[str, Any] | None:
    """The tab's answer to ``ask``, inside ``on_kept``: {"kept": str | None, "cleared_elsewhere", "available"}."""
    state = st.session_state.get(KEY)
    value = getattr(state, "kept", None) if state is not None else None
    if value is None and isinstance(state, dict):
        value = state.get("kept")
    return value if isinstance(value, dict) else None


def keep(payload: dict[str, Any] | None, page: dict[str, Any] | None = None) -> None:
    """Write the record (or nothing, when there is no answer yet) into the tab. ``page``: the page's
    language and Streamlit's own words in it (ui/language.py: page_words), set by the same script."""
    # Text, not an object: an object would travel with one level of escaping fewer, but Streamlit
    # then looks for data frames inside it, which loads pandas (+66 MiB per process, measured).
    kept = None if payload is None else json.dumps({**payload, "boot": boot_id()})
    # Mounted at the end of every run, even when the record did not change: the tab learns from
    # it that a run has ended (and which), which is how a held click knows every typed value has
    # reached the server (tests/browser/test_typing_then_click.py, 10 sessions). Skipping an
    # unchanged write saved bytes but lost that signal, so correctness wins here.
    # The page's words as text too, for the same reason as ``kept`` (an object would load pandas).
    _mount({"op": "write", "kept": kept, "page": json.dumps(page or {"lang": "en", "words": []}), **_end_of_run()})


SAVE_KEY = "save_file"


def save_button(label: str, help_text: str, file_name: str, file: str, key: str = SAVE_KEY) -> None:
    """"Save my answers (file)": a button the browser draws, which makes the file in the browser.

    Why not ``st.download_button`` (issue 21): it registers the file's bytes at
    ``/media/<hash of the bytes, type and name>`` on every run, for anyone who asks, with no
    cookie. A record is small and guessable (one sign ticked, no initials, today's date), so a
    stranger could compute the address of each likely record and learn which one a live session
    held; and the file stayed there minutes after "Finish and clear" or the tab closed. Making the
    address random and releasing it in time would narrow that; not having one at all closes it.
    The record already travels to this tab on every run (``keep``), so the file is made there:
    the run sends it with the button, and the click saves it from the page's memory as a
    ``blob:`` address of this page only. Nothing of it is on the server to fetch, ever.
    One ``key`` per place it is drawn (the sidebar and the foot of the page: ui/save_open.py).
    """
    _component()(key=key, data={"op": "save", "label": label, "help": help_text, "name": file_name, "file": file})


def clear() -> None:
    """Remove the tab's copy, and tell every other tab of this aid in this browser to remove theirs."""
    nonce = st.session_state.setdefault("tab_store_clear_nonce", secrets.token_hex(8))
    _mount({"op": "clear", "nonce": nonce, **_end_of_run()})
