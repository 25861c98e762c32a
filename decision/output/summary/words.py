"""How a section finds its words: a page string with its fallback, and the words for a stored choice.

Every clinical word of the summary comes from ``content``; the sections only pick and order it.
``_page`` and ``_answer`` read ``content.pages`` with a key the caller names (the page-strings
test scans their calls for those keys). What an unanswered question shows is said here once.
"""

from __future__ import annotations

from decision.content import Content

NOT_ANSWERED = "Not answered"
NOT_RECORDED = "Not recorded"


def _page(content: Content, key: str, fallback: str) -> str:
    return content.pages.get(key, fallback)


def _answer(content: Content, prefix: str, value: str | None) -> str:
    """The words for a stored choice, or "Not answered" when the question was skipped."""
    return NOT_ANSWERED if value is None else _page(content, f"{prefix}.{value}", value)
