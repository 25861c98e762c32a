"""The shared frame around every page: content, the record, navigation, safety, save and load.

Every page starts with ``content, record = frame.open_page("key")`` and ends with
``frame.close_page(content)``. Between them it draws widgets from the record and writes
their values back to it. Nothing clinical is decided here.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date

import streamlit as st

from decision.content import Content, ContentError, RedFlagId, load_content
from decision.record import DecisionRecord, RecordError, parse_record
from decision.rules.red_flags import screen
from ui import downloads, logs, navigation, safety, tab_store
from ui.navigation import PAGE_BY_KEY, START

_RULE = "1px solid rgba(49,51,63,0.2)"
_FRAME_CSS = (
    "[data-testid='stCaptionContainer']{opacity:1;color:#525c69}"
    f".st-key-save_place{{border-top:{_RULE};padding-top:1.5rem;margin-top:0.5rem}}"
    f".st-key-load_record{{border-bottom:{_RULE};padding-bottom:1.5rem;margin-bottom:0.5rem}}"
    # The save button (drawn by the browser, tab_store.save_button) looks like Streamlit's buttons.
    f".st-key-{tab_store.SAVE_KEY} button{{font:inherit;color:inherit;background:#fff;border:{_RULE};"
    "border-radius:0.5rem;padding:0.25rem 0.75rem;min-height:2.5rem;line-height:1.6;cursor:pointer}"
    f".st-key-{tab_store.SAVE_KEY} button:hover{{border-color:#1f5f8b;color:#1f5f8b}}"
    f".st-key-{tab_store.SAVE_KEY} button:focus-visible{{outline:none;box-shadow:0 0 0 0.2rem rgba(31,95,139,0.5)}}"
    f".aid-footer{{border-top:{_RULE};padding-top:1.5rem;margin-top:1.5rem;font-size:0.875rem;color:#525c69}}"
)

WIDGET_PREFIX = "w:"  # every input's key starts with widget_prefix(), so a load can reset them all
_WIDGET_KEY = re.compile(r"^w\d*:")




# ---------------------------------------------------------------- loaded once per process


@st.cache_resource(show_spinner=False)
def content_or_error() -> tuple[Content | None, str | None]:
    try:
        return load_content(), None
    except ContentError as exc:
        return None, str(exc)


# ---------------------------------------------------------------- the record


def record() -> DecisionRecord:
    return st.session_state["record"]


def clinic_mode() -> bool:
    return bool(st.session_state.get("clinic_mode", False))


def _restore_or_create() -> bool:
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
    if data[2] != tab_store.boot_id():
        st.session_state["tab_notice"] = "tab_store.server_restarted"


def _parse_kept(kept: str) -> tuple[DecisionRecord, bool, str]:
    """The tab's copy, checked as strictly as a file: anyone can edit their own tab's storage."""
    if len(kept) > 2 * 1_000_000:
        raise ValueError("too large")
    outer = json.loads(kept)
    if not isinstance(outer, dict) or not isinstance(outer.get("record"), str):
        raise ValueError("not ours")
    record = parse_record(outer["record"])
    return record, outer.get("clinic") is True, str(outer.get("boot", ""))


def _remember() -> None:
    """Keep the answers in the tab (called at the end of each run). Nothing is kept before an answer."""
    if st.session_state.pop("tab_clear_pending", False):
        tab_store.clear()
        return
    rec = record()
    if rec == DecisionRecord() and not clinic_mode():
        tab_store.keep(None)
    else:
        tab_store.keep({"record": rec.model_dump_json(), "clinic": clinic_mode()})


def widget_prefix() -> str:
    """The start of every input's key: "w:" at first, "w1:", "w2:"… after each load of a file.

    The browser keeps what an input shows under the input's key, even when the server forgets
    the key, so a loaded record would not show. New keys make new inputs, which start from the
    loaded record.
    """
    generation = st.session_state.get("widget_generation", 0)
    return WIDGET_PREFIX if generation == 0 else f"w{generation}:"


KEPT_SIGNS = "signs_kept_at_load"  # (signs kept, the file's own safety answer), for "I ticked this by mistake"


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
    for key in [k for k in st.session_state if isinstance(k, str) and _WIDGET_KEY.match(k)]:
        del st.session_state[key]
    st.session_state["widget_generation"] = st.session_state.get("widget_generation", 0) + 1
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


def finish_and_clear() -> None:
    """Forget everything: this session's memory, this tab's copy, and every other tab's copy, and
    every file a download of this session made on the server (the PDF; ui/downloads.py)."""
    downloads.release_this_session()
    generation = st.session_state.get("widget_generation", 0)
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    st.query_params.clear()
    st.session_state["record"] = DecisionRecord()
    st.session_state["tab_clear_pending"] = True  # the next run's end removes the tab's copy (tab_store.clear)
    st.session_state["cleared"] = True
    # New input keys, so this tab's inputs start empty too (see widget_prefix).
    st.session_state["widget_generation"] = generation + 1


# ---------------------------------------------------------------- page frame


def open_page(key: str, css: str = "") -> tuple[Content, DecisionRecord]:
    """Start a page: content, the record, the frame. ``css``: the page's own style rules, drawn in
    the frame's one style element (each element is a message sent on every run)."""
    info = PAGE_BY_KEY[key]
    content, error = content_or_error()
    navigation.take_over_from_the_pages_folder(content)
    st.set_page_config(
        page_title=(content.meta.name if content else "Decision aid"),
        layout="wide" if st.session_state.get("clinic_mode") else "centered",
        initial_sidebar_state="auto",  # collapsed on a phone, so it never covers the safety screen
    )
    if error:
        # Invalid content: one clear message, and no numbers at all.
        st.error(
            "This aid cannot start because its content did not pass its checks. "
            "Please tell the clinic team. Details for them: " + error
        )
        st.stop()
    assert content is not None  # for the type checker: content_or_error gives content or an error
    if not _restore_or_create():
        st.stop()
    # One style element for the whole frame: each element is a message the server sends on every
    # run (issue 13), so lines between parts of the sidebar and above the footer are borders here,
    # not divider elements, and the tab store's element is hidden from here too.
    # st.caption draws text at 60% opacity: 4.2:1 on our background, under WCAG AA's 4.5:1
    # (found by axe, tests/browser/test_accessibility.py). Full opacity, a lighter grey: 6.5:1.
    # In clinic: larger type for two people at one screen, and less empty space above the title,
    # so that the Compare page's overview fits the first screen at 1280 x 800 (issue 11).
    # The title is smaller there too: the Compare page's story now sits above its grid (issue 23).
    clinic_css = ("html{font-size:21px}[data-testid='stMainBlockContainer']"
                  "{padding-top:2rem;padding-left:2rem;padding-right:2rem}"
                  "[data-testid='stMainBlockContainer'] h1{font-size:2.1rem}") if clinic_mode() else ""
    st.html(f"<style>{_FRAME_CSS}{tab_store.HIDE_CSS}{clinic_css}{css}</style>")
    _sidebar(content, key)
    rec = record()
    _red_flag_banner(content, rec)
    _tab_notice(content, key)
    if info.needs_safety_check and not rec.safety_screen_done:
        st.warning(content.pages["start.safety_gate"])
        st.page_link(START, label=content.pages["nav.start"], icon=":material/health_and_safety:")
        _finish_run(content)
        st.stop()
    flagged = screen(rec, content)
    if not info.open_when_flagged and flagged and flagged.pauses_the_walk:
        st.info(content.pages["start.walk_paused"])
        _finish_run(content)
        st.stop()
    return content, rec


def _tab_notice(content: Content, page: str) -> None:
    """What happened to the kept answers, said on the page where it happened, until the next page."""
    notice = st.session_state.get("tab_notice")
    if not notice:
        return
    shown_on = st.session_state.setdefault("tab_notice_page", page)
    if shown_on != page:
        del st.session_state["tab_notice"], st.session_state["tab_notice_page"]
        return
    st.info(content.pages[notice], icon=":material/info:")


def close_page(content: Content) -> None:
    _finish_run(content)


def _finish_run(content: Content) -> None:
    m = content.meta
    footer = content.pages["frame.footer"].format(
        name=m.name, version=m.content_version, reviewed=m.last_review, due=m.next_review)
    st.html(f'<p class="aid-footer">{html.escape(footer)}</p>')
    _save_button(content)
    _remember()


def _red_flag_banner(content: Content, rec: DecisionRecord) -> None:
    """At the top of every page while a sign is ticked: emergency, urgent, or the 'soon' note."""
    result = screen(rec, content)
    if result:
        safety.box(result, key="banner")


def _sidebar(content: Content, current: str) -> None:
    p = content.pages
    with st.sidebar:
        toggle_key = "clinic_toggle_" + current
        st.toggle(
            p["mode.clinic"],
            value=clinic_mode(),
            key=toggle_key,
            # A callback, so the page's width and type size change in the same click.
            on_change=lambda: st.session_state.update(clinic_mode=st.session_state[toggle_key]),
            help=p["frame.clinic_help"],
        )
        # The save button is drawn into this place at the end of the run (_finish_run), with the
        # record as the whole page has left it. Lines above it and below the upload (_FRAME_CSS).
        st.session_state["save_area"] = st.container(key="save_place")
        _load(content)
        if st.button(p["frame.finish"], key="finish_" + current, help=p["frame.finish_help"]):
            finish_and_clear()
            st.switch_page(START)


def _save_button(content: Content) -> None:
    """The save file is made in the browser, from this run's record: no server address (tab_store.save_button)."""
    rec = record()
    name = f"spine-decision-{(rec.patient_initials or 'record').replace(' ', '')}-{date.today().isoformat()}.json"
    with st.session_state.pop("save_area", None) or st.sidebar:
        tab_store.save_button(content.pages["frame.save"], content.pages["frame.save_help"], name, rec.to_json())


def _load(content: Content) -> None:
    p = content.pages
    upload = st.file_uploader(p["frame.open"], type=["json"], key="load_record", max_upload_size=1)
    if upload is not None and st.session_state.get("loaded_upload") != upload.file_id:
        st.session_state["loaded_upload"] = upload.file_id
        try:
            kept = replace_record(parse_record(upload.getvalue()))
            st.session_state["load_message"] = ("ok", p["frame.opened_sign_kept" if kept else "frame.opened"])
        except RecordError as exc:
            logs.refused("file", exc)
            st.session_state["load_message"] = ("error", f"{exc} {p['frame.not_changed']}")
        st.rerun()
    message = st.session_state.get("load_message")
    if message:
        (st.success if message[0] == "ok" else st.error)(plain_markdown(message[1]))


_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def plain_markdown(text: str) -> str:
    """``text`` for an element that renders Markdown (st.error does), shown as the plain text it is.

    Every ASCII punctuation mark is backslash-escaped (CommonMark's rule), so no link, image,
    LaTeX, colour, emoji code or HTML can form from it; control characters become spaces.
    """
    text = "".join(c if c.isprintable() else " " for c in text)
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
