"""The one record of a session, and its copy in the patient's browser tab (ui/tab_store.py).

A new session first asks the tab for the record it keeps; each run's end writes the record back.
A loaded file replaces the record (``replace_record``); a ticked sign is never cleared by it.
Nothing here draws: the frame (ui/frame.py) and the pages call these.
"""

from __future__ import annotations

import json
import re

import streamlit as st

from decision.content import RedFlagId
from decision.content.locale_format import LANGUAGES
from decision.record import DecisionRecord, RecordError, parse_record
from ui import logs, tab_store

WIDGET_PREFIX = "w:"  # every input's key starts with widget_prefix(), so a load can reset them all
_WIDGET_KEY = re.compile(r"^w\d*:")
LANG_KEY = "lang"  # ui/language.py's KEY: the language on screen, kept in the tab beside the record
KEPT_SIGNS = "signs_kept_at_load"  # (signs kept, the file's own safety answer), for "I ticked this by mistake"


def record() -> DecisionRecord:
    return st.session_state["record"]


def clinic_mode() -> bool:
    return bool(st.session_state.get("clinic_mode", False))


def restore_or_create() -> bool:
    """One record per session. A new session first asks the tab for the record it keeps.

    Returns False while that answer is awaited (the page then draws nothing, so an empty record
    can never overwrite the kept one); the tab answers at once and the page runs again.
    """
    if "record" in st.session_state:
        return True
    tab_store.ask(_take_kept)
    return False


def _take_kept() -> None:
    """The tab's answer (a callback, so it is in place before the page runs)."""
    report = tab_store.reported()
    if report is None or "record" in st.session_state:
        return
    st.session_state["record"] = DecisionRecord()
    if report.get("cleared_elsewhere"):
        # "Finish and clear" in another tab: this tab starts empty, as the message says, even if a
        # write in flight put a copy back before the tab loaded again (issue 21). The run's end
        # writes the empty record, which removes that copy (not a clear: that would tell the other
        # tabs again, and they this one, without end).
        st.session_state["cleared"] = True
        return
    if not report.get("available", True):
        st.session_state["tab_notice"] = "tab_store.unavailable"
    kept = report.get("kept")
    if not isinstance(kept, str):
        return
    try:
        data = _parse_kept(kept)
    except (RecordError, ValueError, TypeError, KeyError) as exc:
        logs.refused("tab_copy", exc)
        st.session_state["tab_notice"] = "tab_store.unreadable"
        return
    st.session_state["record"] = data[0]
    st.session_state["clinic_mode"] = data[1]
    if data[3] != "en":  # beside the record, as clinic mode is (ui/language.py says why)
        st.session_state.setdefault(LANG_KEY, data[3])  # ?lang= in the address, read first, wins
    if data[2] != tab_store.boot_id():
        st.session_state["tab_notice"] = "tab_store.server_restarted"


def _parse_kept(kept: str) -> tuple[DecisionRecord, bool, str, str]:
    """The tab's copy, checked as strictly as a file: anyone can edit their own tab's storage."""
    if len(kept) > 2 * 1_000_000:
        raise ValueError("too large")
    outer = json.loads(kept)
    if not isinstance(outer, dict) or not isinstance(outer.get("record"), str):
        raise ValueError("not ours")
    record = parse_record(outer["record"])
    lang = str(outer["lang"]) if outer.get("lang") in LANGUAGES else "en"  # anything else: English
    return record, outer.get("clinic") is True, str(outer.get("boot", "")), lang


def remember() -> None:
    """Keep the answers in the tab (called at the end of each run). Nothing is kept before an answer."""
    if st.session_state.pop("tab_clear_pending", False):
        tab_store.clear()
        return
    rec, lang = record(), st.session_state.get(LANG_KEY, "en")
    from ui.language import page_words  # the language module imports this one

    page = page_words()
    if rec == DecisionRecord() and not clinic_mode() and lang == "en":
        tab_store.keep(None, page)
    else:
        tab_store.keep({"record": rec.model_dump_json(), "clinic": clinic_mode(), "lang": lang}, page)


def widget_prefix() -> str:
    """The start of every input's key: "w:" at first, "w1:", "w2:"… after each load of a file.

    The browser keeps what an input shows under the input's key, even when the server forgets
    the key, so a loaded record would not show. New keys make new inputs, which start from the
    loaded record.
    """
    generation = st.session_state.get("widget_generation", 0)
    return WIDGET_PREFIX if generation == 0 else f"w{generation}:"


def restart_inputs() -> None:
    """Every input starts again from the record under a new key (a load, a change of language):
    the browser keeps what an input shows under its key, so an old key would show old values."""
    for key in [k for k in st.session_state if isinstance(k, str) and _WIDGET_KEY.match(k)]:
        del st.session_state[key]
    st.session_state["widget_generation"] = st.session_state.get("widget_generation", 0) + 1


def replace_record(new: DecisionRecord) -> list[RedFlagId]:
    """Swap in a loaded record; every input starts again from it under a new key.

    A sign ticked on screen is never cleared by a file (issue 21): the file's answers open, and
    every sign ticked now stays ticked beside the file's own. Returns the signs kept that the file
    did not have; the safety screen then offers "I ticked this by mistake" for them
    (``forget_kept_signs``), so only the patient can clear them.
    """
    before = record().red_flags if "record" in st.session_state else []
    ticked_now = [f for f in before if f not in new.red_flags]
    if ticked_now:
        st.session_state[KEPT_SIGNS] = (ticked_now, new.safety_screen_done)
        new.red_flags = [*new.red_flags, *ticked_now]
        new.safety_screen_done = True
    else:
        st.session_state.pop(KEPT_SIGNS, None)
    st.session_state["record"] = new
    restart_inputs()
    return ticked_now


def kept_signs() -> list[str]:
    """Signs a file did not have but were ticked on screen when it opened, and are still ticked."""
    kept = st.session_state.get(KEPT_SIGNS)
    return [f for f in kept[0] if f in record().red_flags] if kept else []


def forget_kept_signs() -> None:
    """The patient says the signs kept at the load were ticked by mistake: untick them (a callback)."""
    kept, file_screen_done = st.session_state.pop(KEPT_SIGNS, ([], False))
    rec = record()
    rec.red_flags = [f for f in rec.red_flags if f not in kept]
    rec.safety_screen_done = bool(rec.red_flags) or file_screen_done
    for flag in kept:  # the boxes show the record again
        st.session_state[f"{widget_prefix()}flag:{flag}"] = False


def untick_signs() -> None:
    """The patient says the signs were ticked by mistake: untick them all and ask the screen again
    (a callback; the only way the aid clears a ticked sign besides unticking its own box)."""
    st.session_state.pop(KEPT_SIGNS, None)
    rec = record()
    for flag in rec.red_flags:
        st.session_state[f"{widget_prefix()}flag:{flag}"] = False
    rec.red_flags = []
    rec.safety_screen_done = False
