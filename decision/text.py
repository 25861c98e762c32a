"""Text as the patient types it, made into text every part of the aid reads the same way.

Issue 21: a control character pasted into a free-text box (a form feed from a copied report, a
vertical tab, ESC, NEL, BEL, NUL) was kept, and the loader then refused the record, so a reload,
a restart or the patient's own save file started empty. And bidirectional controls made the screen
(whose browser reorders text by them) and the paper (which does not) show different words.

``clean_text`` is applied where text is typed (the page says so when it removed something) and to
every string of a file as it is read, so what older versions stored still opens. It removes:

- C0 and C1 control characters (U+0000-U+001F, U+007F-U+009F), except a line break and a tab in a
  box of several lines. A carriage return, CR LF and NEL (U+0085) become one line break there; in
  a one-line box every line break or tab becomes a space.
- Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), and the
  invisible direction marks (U+200E, U+200F, U+061C). Embeddings and overrides can reverse the
  order of a whole line on screen; the marks move punctuation and numbers between right-to-left
  words. The PDF does not apply the bidirectional algorithm, so any of these could make the screen
  and the paper disagree. Right-to-left letters themselves are kept; without the marks a browser
  still shows them in their natural order.

A lone surrogate is not removed: typed text reaches the server as UTF-8 and cannot hold one, and a
file that holds one was never written by the aid, so the loader refuses it ("a broken character").
"""

from __future__ import annotations

import re

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_LINE_BREAKS = re.compile("\r\n|\r|\x85")
_REMOVED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI_CONTROLS + "]")
_ONE_LINE = re.compile("[\n\t]")


def clean_text(text: str, *, multiline: bool = True) -> str:
    """``text`` without the characters above; line breaks kept only when ``multiline``."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _REMOVED.sub("", text)
    return text if multiline else _ONE_LINE.sub(" ", text)


def clean_tree(value):
    """Every string value in a parsed JSON tree cleaned (``clean_text``); keys are left as they are."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_tree(item) for item in value]
    if isinstance(value, dict):
        return {key: clean_tree(item) for key, item in value.items()}
    return value
