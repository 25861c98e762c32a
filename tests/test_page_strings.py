"""The page strings' contract (decision/content/page_strings.py) is honest, and the content check keeps it.

Issue 21, "a health check that lies": content missing a ``pages.yaml`` key a page reads, or with a
``{placeholder}`` the code does not fill, passed ``check-content`` and strict mode, and ``/healthz``
said 200 while every page showed "This app has encountered an error". Here:

- an AST scan of ``app.py``, ``pages/``, ``ui/`` and ``decision/`` finds every key read from the
  pages mapping (``p["x"]``, ``content.pages.get("x")``, ``f"nav.{key}"`` as the form "nav.{}")
  and the keyword names passed to ``.format`` on it, and fails when the contract does not say so;
- a copy of content/ with a key removed or an unknown placeholder added is refused by
  ``python -m decision check-content`` (exit 1, file and key named), by strict mode, and makes
  ``/healthz`` answer 503 under README's ``streamlit run app.py``.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import typing
from pathlib import Path

import pytest
import yaml

from decision.compare.self_check import ipdas_self_check
from decision.content import CONTENT_DIR, ContentError, load_content, page_strings
from decision.content.page_strings import FAMILIES, PAGES, TEMPLATES
from decision.deliberation import FIT_ORDER
from decision.record import DecisionReached, DecisionRecord, Procedure
from tests.test_server import START_SECONDS, Server, _free_port, _get
from ui import navigation

ROOT = Path(__file__).resolve().parent.parent
SCANNED = [ROOT / "app.py", *(p for d in ("pages", "ui", "decision") for p in sorted((ROOT / d).rglob("*.py")))]

# Reads whose key the scan cannot see at the read itself, and where it is seen instead.
# decision/output/summary/words.py: _page(content, KEY, fallback) and _answer(content, PREFIX, value)
# read KEY and f"{PREFIX}.{value}"; their calls, anywhere in decision/output/summary/, are scanned
# (READERS). ui/frame.py: _tab_notice reads the notice ui/session.py keeps in
# st.session_state["tab_notice"]; its values are checked below. ui/language.py: _page_words reads
# every key of page_words.CHROME and CHROME_FILLED, which are declared (test below).
SUMMARY_PACKAGE = "decision/output/summary/"
INDIRECT = {(f"{SUMMARY_PACKAGE}words.py", "_page"), (f"{SUMMARY_PACKAGE}words.py", "_answer"),
            ("ui/frame.py", "_tab_notice"), ("ui/language.py", "_page_words")}
READERS = {"_page": "{}", "_answer": "{}.{{}}"}  # helper -> the key form, from its second argument


def _forms(node: ast.AST) -> list[str] | None:
    """The keys an expression can be: literal text, "{}" for each value an f-string puts in."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _forms(node.left) or ["{}"], _forms(node.right) or ["{}"]
        return [a + b for a in left for b in right]
    if isinstance(node, ast.IfExp):
        body, orelse = _forms(node.body), _forms(node.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


class Read(typing.NamedTuple):
    where: str  # file:line
    function: str
    keys: list[str] | None  # None: not seen at the read
    fills: tuple[str, ...] | None  # keyword names passed to .format; None: not formatted; "**": a mapping
    ids: tuple[str, ...] = ()  # for an f-string over a literal tuple: the ids it is read with


def _reads(path: Path) -> list[Read]:
    rel = path.relative_to(ROOT).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}

    def pages_attr(n: ast.AST) -> bool:
        return isinstance(n, ast.Attribute) and n.attr == "pages"

    def pages_value(n: ast.AST) -> bool:  # content.pages, or content.pages if content else {}
        return pages_attr(n) or (isinstance(n, ast.IfExp) and pages_attr(n.body))

    names = set()  # the module's names for the mapping: p = content.pages; p, d = content.pages, ...
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and pages_value(node.value):
                    names.add(target.id)
                if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                    names |= {a.id for a, b in zip(target.elts, node.value.elts, strict=False)
                              if isinstance(a, ast.Name) and pages_value(b)}

    def is_pages(n: ast.AST) -> bool:
        return pages_attr(n) or (isinstance(n, ast.Name) and n.id in names)

    def enclosing(n: ast.AST) -> str:
        while n in parents:
            n = parents[n]
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return n.name
        return "<module>"

    def literal_ids(key: ast.AST, n: ast.AST) -> tuple[str, ...]:
        """f"fusion.kind_{kind}" inside `for kind in ("benefit", ...)`: the ids of that tuple."""
        values = [v.value for v in key.values if isinstance(v, ast.FormattedValue)] if isinstance(
            key, ast.JoinedStr) else []
        if len(values) != 1 or not isinstance(values[0], ast.Name):
            return ()
        while n in parents:
            n = parents[n]
            gens = n.generators if isinstance(n, (ast.DictComp, ast.ListComp, ast.SetComp, ast.GeneratorExp)) else (
                [n] if isinstance(n, ast.For) else [])
            for g in gens:
                if (isinstance(g.target, ast.Name) and g.target.id == values[0].id
                        and isinstance(g.iter, (ast.Tuple, ast.List))):
                    return tuple(e.value for e in g.iter.elts if isinstance(e, ast.Constant))
        return ()

    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and is_pages(node.value):
            key = node.slice
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
              and is_pages(node.func.value)):
            key = node.args[0]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in READERS
              and rel.startswith(SUMMARY_PACKAGE) and len(node.args) >= 2):
            arg = None if enclosing(node) in READERS else _forms(node.args[1])  # _answer calls _page
            keys = None if arg is None else [READERS[node.func.id].format(a) for a in arg]
            out.append(Read(f"{rel}:{node.lineno}", enclosing(node), keys, None))
            continue
        else:
            continue
        fills = None
        parent = parents.get(node)
        if isinstance(parent, ast.Attribute) and parent.attr == "format" and isinstance(parents.get(parent), ast.Call):
            fills = tuple(sorted(k.arg or "**" for k in parents[parent].keywords))
        out.append(Read(f"{rel}:{node.lineno}", enclosing(node), _forms(key), fills, literal_ids(key, node)))
    return out


READS = [r for path in SCANNED for r in _reads(path)]


def test_the_scan_finds_the_reads_it_should():
    # If the scan went blind (a refactor renamed the mapping), this would pass for nothing.
    keys = {k for r in READS for k in r.keys or ()}
    assert {"frame.footer", "start.title", "nav.{}", "diagnosis.{}", "ipdas.{}.where", "summary.quiz_score",
            "compare.label_v1", "compare.label_v2", "nav.your_back", "procedure.{}"} <= keys
    assert len(READS) > 150


def test_every_key_the_code_reads_is_in_the_contract():
    unknown = []
    for r in READS:
        if r.keys is None:
            assert (r.where.split(":")[0], r.function) in INDIRECT, f"{r.where}: a key the scan cannot see"
            continue
        for key in r.keys:
            if "{}" in key:
                if key not in FAMILIES:
                    unknown.append(f"{r.where}: {key} (add the form and its ids to FAMILIES)")
                elif not set(r.ids) <= set(FAMILIES[key]):
                    unknown.append(f"{r.where}: {key} is read with {sorted(set(r.ids) - set(FAMILIES[key]))}")
            elif key not in PAGES:
                unknown.append(f"{r.where}: {key}")
    assert not unknown, ("keys read from content.pages that decision/content/page_strings.py does not declare:\n"
                         + "\n".join(unknown))


def test_the_contract_says_which_placeholders_the_code_fills():
    filled: dict[str, set[tuple[str, ...] | None]] = {}
    for r in READS:
        for key in r.keys or ():
            if "{}" not in key:
                filled.setdefault(key, set()).add(r.fills)
    wrong = []
    for key, seen in filled.items():
        said = tuple(sorted(PAGES[key]))
        if len(seen) > 1:
            wrong.append(f"{key}: read with {sorted(map(str, seen))}; one read shows the text unfilled")
        elif seen != {said} and not (seen == {None} and not said):
            wrong.append(f"{key}: the code fills {sorted(seen)[0]}, the contract says {said}")
    assert not wrong, "\n".join(wrong)


def test_the_families_are_the_codes_own_ids(content):
    def literal(annotation) -> set[str]:
        return {a for arg in typing.get_args(annotation) for a in (literal(arg) if typing.get_args(arg) else {arg})
                if isinstance(a, str)}

    assert FAMILIES["nav.{}"] == tuple(p.key for p in navigation.PAGES)
    assert FAMILIES["values.fit_{}"] == FIT_ORDER
    assert set(FAMILIES["procedure.{}"]) == set(typing.get_args(Procedure))
    assert set(FAMILIES["worst_pain.{}"]) == literal(DecisionRecord.model_fields["worst_pain"].annotation)
    assert set(FAMILIES["option.{}"]) == literal(DecisionReached.model_fields["choice"].annotation)
    kept = ast.parse((ROOT / "ui" / "session.py").read_text(encoding="utf-8"))
    notices = {n.value.value for n in ast.walk(kept) if isinstance(n, ast.Assign)
               and isinstance(n.targets[0], ast.Subscript) and isinstance(n.targets[0].slice, ast.Constant)
               and n.targets[0].slice.value == "tab_notice" and isinstance(n.value, ast.Constant)}
    assert notices == {f"tab_store.{n}" for n in FAMILIES["tab_store.{}"]}
    # The About page fills "ipdas.<key>.where" with each check's counts (**c.counts).
    checks = ipdas_self_check(content)
    assert {c.key for c in checks} == set(FAMILIES["ipdas.{}.where"])
    for c in checks:
        assert set(PAGES[f"ipdas.{c.key}.where"]) == set(c.counts)


def test_every_declared_key_and_template_is_in_the_shipped_content(content):
    assert set(PAGES) <= set(content.pages)
    for rel in ("pages.yaml", *(rel for rel in TEMPLATES if "*" not in rel)):
        data = yaml.safe_load((CONTENT_DIR / rel).read_text(encoding="utf-8"))
        assert page_strings.problems(rel, data) == []


# ---------------------------------------------------------------- broken copies are refused


def _copy(tmp: Path, rel: str, old: str, new: str) -> Path:
    copy = tmp / "content"
    shutil.copytree(CONTENT_DIR, copy)
    path = copy / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy


def _line_of(rel: str, key: str) -> str:
    return next(line for line in (CONTENT_DIR / rel).read_text(encoding="utf-8").splitlines()
                if line.startswith(f"{key}:"))


def missing_key(tmp: Path) -> Path:  # the Start page's title, read by the first page every patient sees
    return _copy(tmp, "pages.yaml", _line_of("pages.yaml", "start.title") + "\n", "")


def unknown_placeholder(tmp: Path) -> Path:  # the footer of every page, filled with name, version and dates
    return _copy(tmp, "pages.yaml", "does not recommend an operation.", "does not recommend an operation {clinic}.")


BROKEN = {
    "missing_key": (missing_key, "pages.yaml", "start.title"),
    "unknown_placeholder": (unknown_placeholder, "pages.yaml", "frame.footer"),
    "unknown_placeholder_in_readiness": (
        lambda tmp: _copy(tmp, "readiness.yaml", 'whose: "Whose rule: {whose}."', 'whose: "Whose rule: {who}."'),
        "readiness.yaml", "messages.whose"),
    "placeholder_in_a_plain_page_string": (
        lambda tmp: _copy(tmp, "pages.yaml", "start.begin: Start with your back", "start.begin: Start with {name}"),
        "pages.yaml", "start.begin"),
    "positional_placeholder": (
        lambda tmp: _copy(tmp, "pages.yaml", "{version}", "{}"), "pages.yaml", "about.app_version"),
    "missing_readiness_message": (
        lambda tmp: _copy(tmp, "readiness.yaml", "  no_procedure:", "  no_procedure_any_more:"),
        "readiness.yaml", "messages.no_procedure"),
    "unknown_placeholder_in_a_gap": (
        lambda tmp: _copy(tmp, "figures/comparisons.yaml", "less pain in the surgery group, out of 100.",
                          "less pain in the surgery group, out of {scale}."),
        "figures/comparisons.yaml", "gap.short"),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_check_content_refuses_a_broken_copy_naming_file_and_key(tmp_path, name):
    make, rel, key = BROKEN[name]
    root = make(tmp_path)
    done = subprocess.run([sys.executable, "-m", "decision", "check-content", "--root", str(root)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1, done.stdout
    message = done.stderr.strip()
    assert message.startswith(f"Content is not valid: Content file {rel},") and key in message, message
    assert "Traceback" not in done.stderr and len(message.splitlines()) == 1
    with pytest.raises(ContentError):
        load_content(root)


def test_a_filled_placeholder_the_text_leaves_out_is_fine(tmp_path):
    root = _copy(tmp_path, "pages.yaml", "· next review due {due}", "")
    assert load_content(root).pages["frame.footer"].count("{") == 3


@pytest.mark.parametrize("name", ["missing_key", "unknown_placeholder"])
def test_healthz_answers_503_for_a_broken_copy_under_readmes_run(tmp_path, name):
    make, _, _ = BROKEN[name]
    s = Server(tmp_path, env={"SPINE_AID_CONTENT": str(make(tmp_path))})
    try:
        status, body, _ = _get(s.url + "/healthz")
        assert status == 503, body
        assert json.loads(body)["status"] == "unhealthy"
        assert "pages.yaml" not in body  # no detail for the public
    finally:
        s.stop()


def test_in_strict_mode_a_missing_page_key_does_not_start(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(_free_port())],
        cwd=ROOT, env={**os.environ, "SPINE_AID_CONTENT": str(missing_key(tmp_path)), "SPINE_AID_STRICT": "1"},
        capture_output=True, text=True, timeout=START_SECONDS, check=False,
    )
    assert done.returncode != 0
    assert "Not starting" in done.stderr and "pages.yaml" in done.stderr and "start.title" in done.stderr


def test_streamlit_s_own_words_are_declared_and_said_in_every_language(content):
    """The page script translates Streamlit's words by matching its English exactly, so each English
    text must be Streamlit's own: a key here names it, and the content gives it in each language."""
    from decision.content.page_words import CHROME, CHROME_FILLED

    for key in (*CHROME, *CHROME_FILLED):
        assert key in page_strings.PAGES, key
        assert content.pages[key].strip(), key
