"""The shared frame around every page: content, the record, navigation, safety, save and load.

Every page starts with ``content, record = frame.open_page("key")`` and ends with
``frame.close_page(content)``. Between them it draws widgets from the record and writes
their values back to it. Nothing clinical is decided here.

What the frame draws lives beside it, one module each: the red-flag box (ui/safety.py), save and
open (ui/save_open.py), "Finish and clear" (ui/finish.py). The record it hands the page, and its
copy in the tab, are ui/session.py; the names the pages call are re-exported here.
"""

from __future__ import annotations

import html

import streamlit as st

from decision.content import Content, ContentError, load_content
from decision.record import DecisionRecord
from decision.rules.red_flags import screen
from ui import finish, language, navigation, safety, save_open, session, tab_store
from ui.navigation import PAGE_BY_KEY, START

# The pages' own calls (frame.record(), frame.widget_prefix()…), kept under these names.
from ui.session import (  # noqa: F401
    KEPT_SIGNS,
    WIDGET_PREFIX,
    clinic_mode,
    forget_kept_signs,
    kept_signs,
    record,
    replace_record,
    untick_signs,
    widget_prefix,
)

_RULE = "1px solid rgba(49,51,63,0.2)"
_FRAME_CSS = (
    "[data-testid='stCaptionContainer']{opacity:1;color:#525c69}"
    f".aid-footer{{border-top:{_RULE};padding-top:1.5rem;margin-top:1.5rem;font-size:0.875rem;color:#525c69}}"
    # The step line sits close above the title: in clinic, Compare's overview still fits the first
    # screen at 1280 x 800 (issue 11) with it.
    ".aid-progress{font-size:0.875rem;color:#525c69;margin:0 0 -1rem}"
    # Streamlit leaves 6rem above a page and 10rem below it: empty screens a reader scrolls past
    # (issue 24 counts screens). The top keeps clear of Streamlit's header (3.75rem); the bottom
    # keeps a little air under the footer. The type is not made smaller.
    "[data-testid='stMainBlockContainer']{padding-top:4.25rem;padding-bottom:2rem}"
    + save_open.CSS + finish.CSS
)


# ---------------------------------------------------------------- loaded once per process


@st.cache_resource(show_spinner=False)
def content_or_error(lang: str = "en") -> tuple[Content | None, str | None]:
    """The content in ``lang``, loaded once per language per process (ui/language.py offers a
    language only when this loads)."""
    try:
        return load_content(lang=lang), None
    except ContentError as exc:
        return None, str(exc)


# ---------------------------------------------------------------- page frame


def open_page(key: str, css: str = "") -> tuple[Content, DecisionRecord]:
    """Start a page: content, the record, the frame. ``css``: the page's own style rules, drawn in
    the frame's one style element (each element is a message sent on every run)."""
    info = PAGE_BY_KEY[key]
    content, error = content_or_error(language.current())
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
    if not session.restore_or_create():
        st.stop()
    # One style element for the whole frame: each element is a message the server sends on every
    # run (issue 13), so lines between parts of the sidebar and above the footer are borders here,
    # not divider elements, and the tab store's element is hidden from here too.
    # st.caption draws text at 60% opacity: 4.2:1 on our background, under WCAG AA's 4.5:1
    # (found by axe, tests/browser/test_accessibility.py). Full opacity, a lighter grey: 6.5:1.
    # In clinic: larger type for two people at one screen, and less empty space above the title,
    # so that the Compare page's overview fits the first screen at 1280 x 800 (issue 11).
    # The title is smaller there too: the Compare page's story now sits above its grid (issue 23). The
    # step line starts below Streamlit's header (3.75rem, opaque), where the title's own top padding
    # used to lie; that padding is trimmed instead.
    clinic_css = ("html{font-size:21px}[data-testid='stMainBlockContainer']"
                  "{padding-top:2rem;padding-left:2rem;padding-right:2rem}"
                  ".aid-progress{margin-top:1.85rem;line-height:1.3}"
                  "[data-testid='stMainBlockContainer'] h1{font-size:1.9rem;padding:0.25rem 0 0.25rem}"
                  ) if clinic_mode() else ""
    st.html(f"<style>{_FRAME_CSS}{tab_store.HIDE_CSS}{clinic_css}{css}</style>")
    _sidebar(content, key)
    rec = record()
    _red_flag_banner(content, rec)
    _tab_notice(content, key)
    _progress(content, key)
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


def _progress(content: Content, key: str) -> None:
    """Where the reader is in the walk, in words: "Step 3 of 9: Your care so far" (issue 24).
    The count comes from the page list (ui/navigation.py), so a page added to the walk counts."""
    step = navigation.walk_step(key)
    if step is not None:
        p = content.pages
        line = p["frame.progress"].format(step=step[0], total=step[1], title=p[f"nav.{key}"])
        st.html(f'<p class="aid-progress">{html.escape(line)}</p>')


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
    """The foot of every page (save and open, the footer), then the sidebar's save button and the
    tab's copy, both with the record as the whole run has left it."""
    save_open.on_the_page(content)
    m = content.meta
    footer = content.pages["frame.footer"].format(
        name=m.name, version=m.content_version, reviewed=m.last_review, due=m.next_review)
    st.html(f'<p class="aid-footer">{html.escape(footer)}</p>')
    save_open.sidebar_save(content)
    session.remember()


def _red_flag_banner(content: Content, rec: DecisionRecord) -> None:
    """At the top of every page while a sign is ticked: emergency, urgent, or the 'soon' note."""
    result = screen(rec, content)
    if result:
        safety.box(result, key="banner")


def _sidebar(content: Content, current: str) -> None:
    p = content.pages
    with st.sidebar:
        language.switch(p["frame.language"], "sidebar")
        toggle_key = "clinic_toggle_" + current
        st.toggle(
            p["mode.clinic"],
            value=clinic_mode(),
            key=toggle_key,
            # A callback, so the page's width and type size change in the same click.
            on_change=lambda: st.session_state.update(clinic_mode=st.session_state[toggle_key]),
            help=p["frame.clinic_help"],
        )
        # A line above the save button, and one above "Finish and clear" (their modules' CSS).
        save_open.sidebar_place()
        save_open.open_file(content, save_open.SIDEBAR)
        finish.draw(content, current)
