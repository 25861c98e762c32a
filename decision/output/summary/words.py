"""How a section finds its words: a page string with its fallback, and the words for a stored choice.

Every clinical word of the summary comes from ``content``; the sections only pick and order it.
``_page`` and ``_answer`` read ``content.pages`` with a key the caller names (the page-strings
test scans their calls for those keys). What an unanswered question shows is said here once, in
the content's words (issue 26: no English in code).
"""

from __future__ import annotations

from decision.content import Content


def _page(content: Content, key: str, fallback: str | None = None) -> str:
    """The page string ``key``; with a ``fallback`` (a stored id, never English), that when it has none."""
    return content.pages[key] if fallback is None else content.pages.get(key, fallback)


def not_answered(content: Content) -> str:
    return content.pages["summary.not_answered"]


def not_recorded(content: Content) -> str:
    return content.pages["summary.not_recorded"]


def _answer(content: Content, prefix: str, value: str | None) -> str:
    """The words for a stored choice, or "Not answered" when the question was skipped."""
    return not_answered(content) if value is None else _page(content, f"{prefix}.{value}", value)

