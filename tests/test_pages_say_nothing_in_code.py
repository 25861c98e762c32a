"""A page's words live in content/, not in its code (issues 24 and 26: the ground for a Spanish copy).

Every string literal in every file of ``pages/`` and ``ui/``, of the builders of the summary and
its PDF (``decision/output/summary/``, ``decision/output/pdf/``), of the record's refusals
(``decision/record/``) and of the drawings is scanned: a literal that reads as
words (a capital letter, or a space between letters) is English shown to a patient or a surgeon,
and belongs in content/pages.yaml (declared in decision/content/page_strings.py), where the
translation catalogue sees it. What is not a sentence a person reads (an icon, a page path, a
style rule, a header, a log code, an evidence label compared with data) is allowed below, each
entry with its reason; an entry whose literal has gone from its file fails too, so the list
cannot grow stale.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The drawings (issue 26): their words are content too; the rest of them is SVG markup.
DRAWINGS = ("decision/output/spine_drawing.py", "decision/output/condition_drawing.py")
# decision/record/ (issue 26): why a file or a typed value was refused, and how a score was reached, is
# content (decision/record/messages.py); nothing there may build an English sentence again.
SCANNED = sorted([*(str(p.relative_to(ROOT)) for d in ("pages", "ui", "decision/output/summary", "decision/output/pdf",
                                                       "decision/record") for p in (ROOT / d).glob("*.py")),
                  *DRAWINGS])
NOT_WORDS = re.compile(r"^(:material/[a-z_]+:|pages/\w+\.py)$")  # an icon, a page to link to
CSS = re.compile(r"\[data-testid=|st-key-|\{[^}]*:[^}]*\}")  # a page's own style rules
MARKUP = re.compile(r'^( :small\[|(<[a-z]+( class="[a-z-]+")?>)+)$')  # Streamlit's small print; an HTML tag's opening
# In a drawing: an SVG attribute or tag, or path data (which also reads a vertebra's name, L1 … L5, the
# same in every language).
SVG = re.compile(r'="|^<[a-z]+ $|^[MLHVCQZl0-9 .\-]+$')

_STYLE = "a piece of a style rule, not words"
_EVIDENCE_LABEL = "the evidence label of a number (V1, V2) compared with the data, never shown: its words are content"
_REFUSAL_CODE = "the text of an internal refusal, matched to a log code (ui/logs.py); never shown, never logged as text"
_HEADER = "an HTTP header name or value, read by the browser"
_FONT = "a font's name, style or file, or a cell's border or alignment code (fpdf)"
_NO_CONTENT = ("shown only when the content failed its checks, so there is no content to take it from "
               "(the clinic team reads it, in English)")

# (file, literal): why it is not a sentence in code. Nothing else that reads as words may stay in code.
ALLOWED: dict[tuple[str, str], str] = {
    ("pages/2_Your_care_so_far.py", "V2"): _EVIDENCE_LABEL,
    ("pages/9_About.py", "V1"): _EVIDENCE_LABEL,
    ("ui/compare_card.py", "V2"): _EVIDENCE_LABEL,
    ("ui/figures.py", "V2"): _EVIDENCE_LABEL,
    ("ui/care.py", ":material/check_circle: "): "an icon before a content sentence",
    ("ui/care.py", ":material/radio_button_unchecked: "): "an icon before a content sentence",
    ("ui/frame.py", "1px solid rgba(49,51,63,0.2)"): _STYLE,
    ("ui/save_open.py", "1px solid rgba(49,51,63,0.2)"): _STYLE,
    ("ui/save_open.py", " button"): _STYLE,
    ("ui/save_open.py", " button:hover"): _STYLE,
    ("ui/save_open.py", " button:focus-visible"): _STYLE,
    ("ui/save_open.py", ";border-radius:0.5rem;padding:0.25rem 0.75rem;min-height:2.5rem;line-height:1.6;"
                        "cursor:pointer}"): _STYLE,
    ("ui/frame.py", "Decision aid"): "the browser tab's title " + _NO_CONTENT,
    ("ui/frame.py", "This aid cannot start because its content did not pass its checks. Please tell the clinic "
                    "team. Details for them: "): _NO_CONTENT,
    ("ui/server.py", "Not starting: the content did not pass its checks. "): (
        "printed on the operator's terminal when strict mode refuses bad content: " + _NO_CONTENT),
    ("ui/downloads.py", "Failed to generate file for download"): (
        "Streamlit's own answer to an unknown download id, word for word so that a refusal cannot be told "
        "from a missing file; a protocol message, not drawn on a page"),
    ("ui/session.py", "too large"): _REFUSAL_CODE,
    ("ui/session.py", "not ours"): _REFUSAL_CODE,
    **{("ui/logs.py", reason): _REFUSAL_CODE for reason in (
        "too large", "not readable JSON", "nests deeper", "number longer", "does not hold a set of answers",
        "no schema_version", "unknown schema_version", "wrong name", "wrong value")},
    ("ui/logs.py", "%Y-%m-%dT%H:%M:%S"): "the log's time format",
    # decision/record/ and the drawings
    ("decision/record/limits.py", "NFC"): "a Unicode normal form's name",
    ("decision/record/model.py", "NFC"): "a Unicode normal form's name",
    ("decision/record/limits.py", "L"): "a Unicode category's first letter (a letter of any script)",
    ("decision/record/limits.py", "M"): "a Unicode category's first letter (a combining mark)",
    ("decision/record/parse.py", "Cc"): "a Unicode category (a control character)",
    ("decision/record/parse.py", "^[A-Za-z_][A-Za-z0-9_]{0,39}$"): "a pattern",
    ("decision/output/spine_drawing.py", "S"): "the sacrum's id in the drawing's data-part; its name is content",
    ("ui/logs.py", "Z"): "the log's time zone mark (UTC)",
    **{("ui/headers.py", h): _HEADER for h in (
        "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options",
        "Permissions-Policy", "DENY", "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        "default-src 'self'; script-src ",
        "; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        "connect-src 'self'; frame-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
        "form-action 'self'; frame-ancestors 'none'")},
    ("ui/headers.py", "<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>"): "a pattern that finds Streamlit's scripts",
    ("ui/headers.py", "not found"): "the body of a 404 for Streamlit's metrics address, which no page links to",
    ("ui/server.py", "Cache-Control"): _HEADER,
    ("ui/server.py", "GET"): "an HTTP method",
    ("ui/server.py", "HEAD"): "an HTTP method",
    ("ui/server.py", "SPINE_AID_STRICT"): "an environment variable's name",
    ("ui/server.py", "SPINE_AID_CONTENT"): "an environment variable's name",
    ("ui/navigation.py", "client.showSidebarNavigation"): "a Streamlit option's name",
    ("ui/widgets.py", "T"): "a type variable's name",
    # The summary and its PDF
    ("decision/output/summary/evidence.py", "V2"): _EVIDENCE_LABEL,
    ("decision/output/summary/evidence.py", ", PMID "): "a citation's identifier, written so in every language",
    ("decision/output/summary/evidence.py", ", doi "): "a citation's identifier, written so in every language",
    ("decision/output/pdf/build.py", "unique_id must be 2 to 64 hex digits"): (
        "a programming error raised to the caller (the id is made by the app), never shown to a person"),
    ("decision/output/pdf/build.py", "[0-9A-Fa-f]{2,64}"): "a pattern",
    ("decision/output/pdf/layout.py", "NFC"): "a Unicode normal form's name",
    ("decision/output/pdf/layout.py", "A4"): "a paper size",
    **{(f"decision/output/pdf/{f}", code): _FONT for f, code in (
        ("blocks.py", "B"), ("layout.py", "B"), ("layout.py", "C"), ("layout.py", "DejaVu"),
        ("layout.py", "DejaVuSans.ttf"), ("layout.py", "DejaVuSans-Bold.ttf"), ("figures.py", "F"),
        ("page_one.py", "LTR"), ("page_one.py", "LBR"), ("page_one.py", "L"))},
}


def _reads_as_words(text: str) -> bool:
    return bool(re.search(r"[A-Z]", text) or (" " in text and re.search(r"[a-z]", text)))


def _exported_names(tree: ast.Module) -> set[int]:
    """The names listed in ``__all__``: identifiers, not words."""
    return {id(e) for n in tree.body if isinstance(n, ast.Assign) and isinstance(n.value, ast.List)
            and any(isinstance(t, ast.Name) and t.id == "__all__" for t in n.targets) for e in n.value.elts}


def _docstrings(tree: ast.Module) -> set[int]:
    nodes = [tree, *(n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef)))]
    return {id(n.body[0].value) for n in nodes
            if n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}


def english_literals(source: str, *, drawing: bool = False) -> list[tuple[int, str]]:
    """The string literals in ``source`` (f-strings' fixed parts too) that read as words (in a drawing, SVG
    markup aside)."""
    tree = ast.parse(source)
    skip = _docstrings(tree) | _exported_names(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            text = node.value
            if not NOT_WORDS.match(text) and not CSS.search(text) and not MARKUP.match(text) \
                    and not (drawing and SVG.search(text)) and _reads_as_words(text):
                found.append((node.lineno, text))
    return found


def test_the_scan_finds_english_in_code():
    assert english_literals('st.subheader("How much does each one matter to you?")') == [
        (1, "How much does each one matter to you?")]
    assert english_literals('st.button("Add", key=f"{W}concern_add")') == [(1, "Add")]
    assert english_literals('x = f"{n} of 4 answered"') == [(1, " of 4 answered")]
    assert english_literals('st.markdown(f"{a} :small[{b}]"); st.html(f\'<p class="aid-footer">{x}</p>\')') == []
    assert english_literals('__all__ = ["Item", "build_summary"]') == []
    assert english_literals('st.page_link("pages/8_Summary.py", label=p["next.summary"], '
                            'icon=":material/arrow_forward:")') == []
    assert english_literals('st.markdown("- " + p["values.reason"]); st.html(".st-key-x [data-testid=\'a\']{b:0}")'
                            ' ; c = "table.values-fit th{width:43%}"') == []


def test_every_file_of_pages_and_ui_is_scanned():
    assert len(SCANNED) >= 45 and "pages/0_Start.py" in SCANNED and "ui/frame.py" in SCANNED
    assert "decision/output/summary/answers.py" in SCANNED and "decision/output/pdf/page_one.py" in SCANNED
    assert {"decision/record/parse.py", "decision/record/model.py", "decision/record/oswestry.py", *DRAWINGS} \
        <= set(SCANNED)


def test_the_scan_finds_english_in_a_refusal_or_a_drawing():
    assert english_literals('raise RecordError(f"This file has a wrong value at {place}: {problem}.")') == [
        (1, "This file has a wrong value at ")]
    assert english_literals('raise ValueError("each rating must be 0 to 10")') == [
        (1, "each rating must be 0 to 10")]
    drawn = 'parts.append(_text(0, 1, ["Front of the body"])); x = f\'<text x="{a}" y="{b}">\'; d = f"M{a} 84Q178 107 "'
    assert english_literals(drawn, drawing=True) == [(1, "Front of the body")]


@pytest.mark.parametrize("path", SCANNED)
def test_a_page_or_ui_file_shows_no_english_from_its_code(path):
    found = [(line, text) for line, text in english_literals((ROOT / path).read_text(), drawing=path in DRAWINGS)
             if (path, text) not in ALLOWED]
    assert found == [], f"{path}: move these to content/pages.yaml (and decision/content/page_strings.py)"


def test_each_allowed_literal_is_still_there_and_says_why():
    here = {(path, text) for path in SCANNED
            for _, text in english_literals((ROOT / path).read_text(), drawing=path in DRAWINGS)}
    assert sorted(set(ALLOWED) - here) == []
    assert all(reason.strip() for reason in ALLOWED.values())
