"""The reader's language (issue 26): English or Español, chosen on Start and in the sidebar, or by
``?lang=es`` in the address (it holds no answer, so the address is safe to share).

The choice is kept beside the record, not in it (ui/session.py keeps both in the tab): the record
is the patient's answers, saved to a file, printed and exported, and the same answers read in either
language; which language the screen shows is how they are read, like clinic mode. So a saved file
opens in the language on screen, and switching changes no answer.

A language is offered only when its whole catalogue loads (``load_content(lang=...)``): until the
Spanish is complete, English is the only one, no switch is drawn and nothing changes. Each
language's content is loaded once per process (``ui.frame.content_or_error``, keyed by language).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from decision.content import content_dir
from decision.content.locale_format import LANGUAGES, language_name
from decision.content.translation.catalogue import catalogue_files

KEY = "lang"  # ui/session.py keeps it in the tab (LANG_KEY)
PARAM = "lang"


@st.cache_resource(show_spinner=False)
def _available(root: str) -> tuple[str, ...]:
    """English, and each language whose catalogue is present and loads (once per process)."""
    from ui.frame import content_or_error  # the frame imports this module

    return ("en", *(lang for lang in LANGUAGES[1:]
                    if catalogue_files(Path(root), lang) and content_or_error(lang)[0] is not None))


def available() -> tuple[str, ...]:
    return _available(str(content_dir()))


def current() -> str:
    """The language of this run: ``?lang=`` in the address if it names one on offer, else the one
    chosen (or kept in the tab), else English. An unknown value is ignored: the page is English."""
    asked = st.query_params.get(PARAM)
    if asked is not None and asked in available():
        st.session_state[KEY] = asked
    lang = st.session_state.get(KEY, "en")
    return lang if lang in available() else "en"


def _switched(widget_key: str) -> None:
    """A callback: the new language, and every input drawn again from the record (no answer changes)."""
    from ui import session

    lang = st.session_state[widget_key]
    st.session_state[KEY] = lang
    if lang == "en":
        st.query_params.pop(PARAM, None)
    else:
        st.query_params[PARAM] = lang
    session.restart_inputs()


def page_words() -> dict:
    """The page's language and Streamlit's own words in it, for the page script (spine_aid/static/
    tab_store.js, ``pageLanguage``): [Streamlit's English, the translation] pairs, none in English.
    Streamlit has no setting for its own words (its file uploader's hint, a help icon's name), so
    the page sets them, as it sets the page's ``lang`` for a screen reader."""
    lang = current()
    return {"lang": lang, "words": list(_page_words(lang))}


@st.cache_resource(show_spinner=False)
def _page_words(lang: str) -> tuple[tuple[str, str], ...]:
    """Once per process and language: the pairs, from the English content and the reader's."""
    from decision.content.page_words import CHROME, CHROME_FILLED
    from ui.frame import content_or_error  # the frame imports this module

    english, reader = content_or_error("en")[0], content_or_error(lang)[0]
    if lang == "en" or english is None or reader is None:
        return ()
    return tuple((english.pages[k], reader.pages[k]) for k in (*CHROME, *CHROME_FILLED))


def switch(label: str, where: str) -> None:
    """English / Español as one row of choices; nothing at all while English is the only language."""
    langs = available()
    if len(langs) < 2:
        return
    widget_key = f"lang_switch_{where}"
    st.session_state[widget_key] = current()  # both switches show the language in use
    st.radio(label, langs, format_func=language_name, horizontal=True, key=widget_key,
             on_change=_switched, args=(widget_key,))
