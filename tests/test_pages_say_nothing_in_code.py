"""A page's words live in content/, not in its code (issue 24, and the ground for a Spanish copy).

Every string a page file writes is scanned: a literal that reads as words (a capital letter or a
space between letters) is English shown to a patient, and belongs in content/pages.yaml or
another content file. Widget keys, content keys, icons and page paths are not words. Pages are
added here once their words have moved (What matters to you and Where you are leaning first).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MOVED = ("pages/5_What_matters_to_you.py", "pages/7_Where_you_are_leaning.py")
NOT_WORDS = re.compile(r"^(:material/[a-z_]+:|pages/\w+\.py)$")  # an icon, a page to link to
CSS = re.compile(r"\[data-testid=|st-key-|\{[^}]*:[^}]*\}")  # a page's own style rules


def _reads_as_words(text: str) -> bool:
    return bool(re.search(r"[A-Z]", text) or (" " in text and re.search(r"[a-z]", text)))


def _docstrings(tree: ast.Module) -> set[int]:
    nodes = [tree, *(n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef)))]
    return {id(n.body[0].value) for n in nodes
            if n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}


def english_literals(source: str) -> list[tuple[int, str]]:
    """The string literals in ``source`` (f-strings' fixed parts too) that read as words."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            text = node.value
            if not NOT_WORDS.match(text) and not CSS.search(text) and _reads_as_words(text):
                found.append((node.lineno, text))
    return found


def test_the_scan_finds_english_in_code():
    assert english_literals('st.subheader("How much does each one matter to you?")') == [
        (1, "How much does each one matter to you?")]
    assert english_literals('st.button("Add", key=f"{W}concern_add")') == [(1, "Add")]
    assert english_literals('x = f"{n} of 4 answered"') == [(1, " of 4 answered")]
    assert english_literals('st.page_link("pages/8_Summary.py", label=p["next.summary"], '
                            'icon=":material/arrow_forward:")') == []
    assert english_literals('st.markdown("- " + p["values.reason"]); st.html(".st-key-x [data-testid=\'a\']{b:0}")'
                            ' ; c = "table.values-fit th{width:43%}"') == []


@pytest.mark.parametrize("page", MOVED)
def test_a_page_whose_words_have_moved_shows_no_english_from_its_code(page):
    assert english_literals((ROOT / page).read_text()) == []
