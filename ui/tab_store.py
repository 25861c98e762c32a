"""The record's home: the patient's own browser tab (``sessionStorage``), never the server.

Why here (README, "Where answers live"): a refresh starts a new Streamlit session, so the answers
must be kept somewhere the next session can find them. The tab's ``sessionStorage`` is that place:

- it belongs to one tab of one browser; no address, token or cookie can reach it from elsewhere,
  so nothing in the address bar or the history is a password;
- it survives a refresh, a page change, a dropped connection and a server restart, and ends when
  the tab is closed;
- the server keeps nothing between sessions: no shared store to fill, to evict from, or to share
  between replicas; nothing on the server's disk.

The component is inline JavaScript through ``st.components.v2`` (no third-party package, no
request to any host). The server sends it the record at the end of every run; the browser writes
it. A new session first asks the tab for what it holds (``read``), and the page waits for that
answer before it draws anything, so an empty record can never overwrite a kept one.

When the link to the server is lost and comes back, the tab loads the page again, so what the
screen shows is what the (possibly new) server holds, and the patient is told.

"Finish and clear" removes the tab's copy and tells every other tab of this aid in the same
browser, over a ``BroadcastChannel``, to remove theirs and start again.
"""

from __future__ import annotations

import json
import secrets
from typing import Any, Callable

import streamlit as st

KEY = "record_home"  # the component's key (one per page run)
STORAGE_KEY = "spine-aid:record"

_JS = r"""
const STORAGE_KEY = "spine-aid:record";
const CLEARED_KEY = "spine-aid:cleared-elsewhere";
const CHANNEL = "spine-aid";

function storage() {
  try { const s = window.sessionStorage; s.getItem(STORAGE_KEY); return s; } catch (e) { return null; }
}

function listenOnce() {
  if (window.__spineAidListening) return;
  window.__spineAidListening = true;
  try {
    const channel = new BroadcastChannel(CHANNEL);
    window.__spineAidChannel = channel;
    channel.onmessage = (event) => {
      if (event.data !== "cleared") return;
      const s = storage();
      if (s) { s.removeItem(STORAGE_KEY); s.setItem(CLEARED_KEY, "1"); }
      window.location.replace("/");
    };
  } catch (e) { /* no BroadcastChannel: this tab cannot be told */ }
  // When the link to the server comes back after it was lost, the server may be a new one (a
  // restart, another replica) that knows nothing of this tab: the screen would show answers the
  // server no longer has. So the page is loaded again; it finds the tab's copy and says so.
  let lost = false;
  const watch = () => {
    const app = document.querySelector("[data-testid='stApp']");
    const state = app && app.getAttribute("data-test-connection-state");
    if (!state) return;
    if (state !== "CONNECTED") lost = true;
    else if (lost) { lost = false; window.location.reload(); }
  };
  new MutationObserver(watch).observe(document.body, {
    subtree: true, attributes: true, attributeFilter: ["data-test-connection-state"],
  });
}

export default function (component) {
  const { data, setTriggerValue } = component;
  listenOnce();
  if (!data) return;
  const s = storage();
  if (data.op === "read") {
    if (window.__spineAidLastRead === data.nonce) return;
    window.__spineAidLastRead = data.nonce;
    let kept = null, cleared = false;
    if (s) {
      kept = s.getItem(STORAGE_KEY);
      cleared = s.getItem(CLEARED_KEY) === "1";
      s.removeItem(CLEARED_KEY);
    }
    setTriggerValue("kept", { kept: kept, cleared_elsewhere: cleared, available: s !== null });
  } else if (data.op === "write" && s) {
    if (data.kept === null) s.removeItem(STORAGE_KEY); else s.setItem(STORAGE_KEY, data.kept);
  } else if (data.op === "clear") {
    if (s) s.removeItem(STORAGE_KEY);
    if (window.__spineAidLastClear !== data.nonce) {
      window.__spineAidLastClear = data.nonce;
      try { window.__spineAidChannel && window.__spineAidChannel.postMessage("cleared"); } catch (e) {}
    }
  }
}
"""

_component = st.components.v2.component("spine_aid_tab_store", js=_JS)


@st.cache_resource(show_spinner=False)
def boot_id() -> str:
    """A random id for this server process, so a tab can tell that the server started again."""
    return secrets.token_hex(8)


def _mount(data: dict[str, Any], on_kept: Callable[[], None] | None = None) -> None:
    # Hidden: it draws nothing, and a zero-height element would still add a gap to the page.
    st.html("<style>.st-key-record_home_box{display:none}</style>")
    with st.container(key="record_home_box"):
        _component(key=KEY, data=data, on_kept_change=on_kept or (lambda: None), height=0)


def ask(on_kept: Callable[[], None]) -> None:
    """Ask the tab what it keeps; ``on_kept`` runs before the next run, with ``reported()`` set."""
    nonce = st.session_state.setdefault("tab_store_nonce", secrets.token_hex(8))
    _mount({"op": "read", "nonce": nonce}, on_kept)


def reported() -> dict[str, Any] | None:
    """The tab's answer to ``ask``, inside ``on_kept``: {"kept": str | None, "cleared_elsewhere", "available"}."""
    state = st.session_state.get(KEY)
    value = getattr(state, "kept", None) if state is not None else None
    if value is None and isinstance(state, dict):
        value = state.get("kept")
    return value if isinstance(value, dict) else None


def keep(payload: dict[str, Any] | None) -> None:
    """Write the record (or nothing, when there is no answer yet) into the tab."""
    kept = None if payload is None else json.dumps({**payload, "boot": boot_id()})
    _mount({"op": "write", "kept": kept})


def clear() -> None:
    """Remove the tab's copy, and tell every other tab of this aid in this browser to remove theirs."""
    nonce = st.session_state.setdefault("tab_store_clear_nonce", secrets.token_hex(8))
    _mount({"op": "clear", "nonce": nonce})
