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
  holdClicksUntilTypingIsIn();
}

// A value typed into a box is sent when the box loses focus or Enter is pressed, and the page
// runs again to take it. A click on a page link (or a download) at that very moment would start
// the next page, or a new run, before the value is in the record. So such a click is held until
// the run that takes the value has finished, then made again.
const HELD = "a[data-testid='stPageLink-NavLink'], [data-testid='stDownloadButton'] button";
const MAX_HOLD_MS = 15000;  // only while a sent value's run has not been seen; normally 0.1 s
let dirty = false;         // typed into a box, not yet sent
let pendingSince = 0;      // sent (blur or Enter), the run that takes it not yet finished
let pendingSawRun = false;
function scriptState() {
  const app = document.querySelector("[data-testid='stApp']");
  return app ? app.getAttribute("data-test-script-state") : null;
}
function pending() {
  if (pendingSince && Date.now() - pendingSince > MAX_HOLD_MS) pendingSince = 0;
  return pendingSince !== 0;
}
function holdClicksUntilTypingIsIn() {
  const isBox = (el) => el && (el.tagName === "TEXTAREA" ||
    (el.tagName === "INPUT" && !["checkbox", "radio", "file", "button"].includes(el.type)));
  const sent = () => { if (dirty) { dirty = false; pendingSince = Date.now(); pendingSawRun = false; } };
  document.addEventListener("input", (e) => { if (isBox(e.target)) dirty = true; }, true);
  document.addEventListener("focusout", (e) => { if (isBox(e.target)) sent(); }, true);
  document.addEventListener("keydown", (e) => { if (e.key === "Enter" && isBox(e.target)) sent(); }, true);
  // Inputs that send at once: a tick box or radio (change), a list choice (click), a slider (key or pointer up).
  const now = () => { dirty = true; sent(); };
  document.addEventListener("change", (e) => {
    if (e.target && e.target.tagName === "INPUT" && ["checkbox", "radio"].includes(e.target.type)) now();
  }, true);
  document.addEventListener("click", (e) => {
    const option = e.target instanceof Element && e.target.closest("[role='option']");
    if (option && option.getAttribute("aria-selected") !== "true") now();
  }, true);
  const onSlider = (e) => e.target instanceof Element && e.target.closest("[role='slider']");
  document.addEventListener("keyup", (e) => { if (onSlider(e) && e.key.startsWith("Arrow")) now(); }, true);
  document.addEventListener("pointerup", (e) => { if (onSlider(e)) now(); }, true);
  new MutationObserver(() => {
    const state = scriptState();
    if (state === "running") pendingSawRun = true;
    else if (pendingSawRun) { pendingSince = 0; pendingSawRun = false; }
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-test-script-state"] });

  document.addEventListener("click", (e) => {
    const target = e.target instanceof Element ? e.target.closest(HELD) : null;
    if (!target || target.__spineAidPass) return;
    // A link or download clicked while a box is focused: its value is sent by this very click
    // (the box loses focus on mousedown), so the mousedown's focusout has marked it pending.
    if (!pending() && scriptState() !== "running") return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const started = Date.now();
    const again = () => {
      if ((pending() || scriptState() === "running") && Date.now() - started < MAX_HOLD_MS) {
        setTimeout(again, 20);
        return;
      }
      // The run may have drawn the link or button again: find the same one by its text and address.
      let now = target;
      if (!now.isConnected) {
        now = [...document.querySelectorAll(HELD)].find((el) =>
          el.textContent === target.textContent && el.getAttribute("href") === target.getAttribute("href")) ||
          (target.getAttribute("href") !== null &&
           document.querySelector(`a[data-testid='stPageLink-NavLink'][href='${target.getAttribute("href")}']`)) || null;
      }
      if (!now) return;
      now.__spineAidPass = true;
      try { now.click(); } finally { now.__spineAidPass = false; }
    };
    setTimeout(again, 20);
  }, true);
}
export default function (component) {
  const { data, setTriggerValue } = component;
  listenOnce();
  if (!data) return;
  const s = storage();
  if (data.op === "read") {
    if (window.__spineAidLastRead === data.nonce) return;
    window.__spineAidLastRead = data.nonce;
    window.__spineAidAwaiting = data.nonce;
    let kept = null, cleared = false;
    if (s) {
      kept = s.getItem(STORAGE_KEY);
      cleared = s.getItem(CLEARED_KEY) === "1";
      s.removeItem(CLEARED_KEY);
    }
    // Sent again until the server shows it has the record (its next message is a write): a busy
    // server can drop a trigger that arrives while an earlier run is being stopped.
    let attempt = 0;
    const send = () => {
      if (window.__spineAidAwaiting !== data.nonce || attempt > 20) return;
      attempt += 1;
      setTriggerValue("kept", { kept: kept, cleared_elsewhere: cleared, available: s !== null, attempt: attempt });
      setTimeout(send, 1500);
    };
    send();
    return;
  }
  window.__spineAidAwaiting = null;
  if (data.op === "write" && s) {
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



def _compact(js: str) -> str:
    """The script as sent to the browser: no comment lines, indentation or blank lines.

    It travels inside every message that mounts the store, so its comments cost bytes on each
    page (benchmarks/load.py). Only whole-line ``//`` comments and leading spaces go: line breaks
    stay, so the code means the same (no template literal in it spans lines).
    """
    lines = (line.strip() for line in js.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


_component = st.components.v2.component("spine_aid_tab_store", js=_compact(_JS))
_LAST_KEPT = "tab_store_last_kept"  # what this session last wrote into the tab


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
    # The tab already holds what this session last wrote to it, so a run that changed nothing
    # (a page change) sends nothing: the store and its script were ~half of a page's bytes, and
    # the browser mounted it again after every click. A new session has written nothing yet, so
    # its first run always writes (which also ends the tab's resending of its answer to ``ask``).
    if st.session_state.get(_LAST_KEPT, ()) == kept:
        return
    _mount({"op": "write", "kept": kept})
    st.session_state[_LAST_KEPT] = kept  # only once the write is on its way


def clear() -> None:
    """Remove the tab's copy, and tell every other tab of this aid in this browser to remove theirs."""
    nonce = st.session_state.setdefault("tab_store_clear_nonce", secrets.token_hex(8))
    _mount({"op": "clear", "nonce": nonce})
