"""The walk's pages in order, and the page list Streamlit draws in the sidebar (``st.navigation``).

``app.py`` routes with ``navigation_pages``; ``ui/frame.py`` opens every page and, on a fresh
process's first runs, calls ``take_over_from_the_pages_folder``. Nothing clinical is decided here.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from decision.content import Content


@dataclass(frozen=True)
class PageInfo:
    key: str
    path: str
    needs_safety_check: bool = True  # blocked until the safety screen is answered
    open_when_flagged: bool = False  # still usable when a red flag has paused the walk


START = "pages/0_Start.py"
PAGES: tuple[PageInfo, ...] = (
    PageInfo("start", START, needs_safety_check=False, open_when_flagged=True),
    PageInfo("your_back", "pages/1_Your_back.py"),
    PageInfo("care", "pages/2_Your_care_so_far.py"),
    PageInfo("compare", "pages/3_Compare_your_options.py"),
    PageInfo("fusion", "pages/4_Fusion_questions.py"),
    PageInfo("values", "pages/5_What_matters_to_you.py"),
    PageInfo("quiz", "pages/6_Check_your_understanding.py"),
    PageInfo("leaning", "pages/7_Where_you_are_leaning.py"),
    PageInfo("summary", "pages/8_Summary.py", open_when_flagged=True),
    # The clinic's one screen (issue 24): after the walk, so the walk's length is unchanged at home.
    PageInfo("visit", "pages/10_Visit.py", open_when_flagged=True),
    PageInfo("about", "pages/9_About.py", needs_safety_check=False, open_when_flagged=True),
)
PAGE_BY_KEY = {p.key: p for p in PAGES}


def _walk(pages: tuple[PageInfo, ...]) -> tuple[PageInfo, ...]:
    """The walk: Start to Summary, in the sidebar's order (issue 24). A page after the Summary
    (About, a clinic page) is not a step; a page put between them is, and the count follows."""
    keys = [p.key for p in pages]
    return pages[keys.index("start"): keys.index("summary") + 1]


WALK: tuple[PageInfo, ...] = _walk(PAGES)


def walk_step(key: str) -> tuple[int, int] | None:
    """(step, total) of a walk page, counted from 1, for "Step 3 of 9"; None for a page outside the walk."""
    keys = [p.key for p in WALK]
    return (keys.index(key) + 1, len(keys)) if key in keys else None


def take_over_from_the_pages_folder(content: Content | None) -> None:
    """On a run that came through the ``pages/`` folder (below), send our page list after the
    folder's, so the sidebar shows ours, and switch the process to it. The page goes on drawing:
    it is the page its address names in both lists. Once per fresh process (its first visitors)."""
    if _run_came_through_pages_folder():
        st.navigation(navigation_pages(content), position="sidebar", expanded=True)


def _run_came_through_pages_folder() -> bool:
    """True on a run that Streamlit started the classic way, from the ``pages/`` folder.

    A fresh process does that until ``st.navigation`` (app.py) has run once: a page opened
    straight from its address runs without app.py, and Streamlit lists the folder's files in the
    sidebar under their file names ("app", "Start"...). That run registers app.py itself as a
    page, which ``st.navigation`` never does; so this is a test of this run, not of the process.
    """
    ctx = get_script_run_ctx()
    if ctx is None:
        return False
    main = _resolved_main_script(ctx.main_script_path)
    return any(page.get("script_path") == main for page in ctx.pages_manager.get_pages().values())


@functools.cache
def _resolved_main_script(path: str) -> str:
    return str(Path(path).resolve())


def navigation_pages(content: Content | None) -> list[st.Page]:
    """The walk's pages for ``st.navigation`` (app.py): fresh copies of page objects made once.

    Streamlit draws their titles in the sidebar from its navigation message, which it sends on
    every run anyway; ten ``st.page_link`` elements cost ten more messages on every run, and the
    classic ``pages/`` folder made a page object for every file on every run, each resolving its
    path on disk (py-spy, issue 13). A page object also records that it may be run once, so two
    sessions must never share one: each run gets its own shallow copies (no disk access). They are
    kept per language, the content's own (a Spanish first visitor once made every English title Spanish).
    """
    return [copy.copy(page) for page in _page_templates(content.lang if content else "en", content)]


@st.cache_resource(show_spinner=False)
def _page_templates(lang: str, _content: Content | None) -> tuple[st.Page, ...]:
    """Made once per process and language (the content is too; the leading underscore keeps
    Streamlit from hashing it, so the language is the key). The start page is the default: its
    address is "/". Titles come from content (``nav.*``); if the content is broken, the page says
    so and the titles fall back to the file names."""
    # .streamlit/config.toml hides Streamlit's own page list, so the list it makes from the
    # ``pages/`` folder on a fresh process's first run is never seen; ours is shown from here on.
    st.set_option("client.showSidebarNavigation", True)
    titles = _content.pages if _content else {}
    return tuple(st.Page(info.path, title=titles.get(f"nav.{info.key}"), default=info.path == START) for info in PAGES)
