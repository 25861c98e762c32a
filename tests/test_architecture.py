"""decision/ keeps its shape: packages that name its concepts, imports that run one way, rooms that stay small.

README's "How it is built" describes the layout. This test holds it, so the next feature lands in the
right package instead of a flat folder, and no module grows back into a 600-line room:

- imports go one way: ``output`` (and the command line) may use everything; ``rules``, ``compare`` and
  ``deliberation`` use ``content`` and ``record``; ``record`` uses ``content``; ``content`` uses only the
  base helpers (``decision.text``, ``decision.version``), which use nothing of ours;
- no module over 300 lines, no class over 150, no function over 60 (each exception is listed below with
  its reason);
- ``decision/`` never imports streamlit, plotly or anything of ``ui/`` and ``pages/``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DECISION = ROOT / "decision"

# package -> the packages of decision/ it may import (besides itself)
BASE = {"text", "version"}
ALLOWED: dict[str, set[str]] = {
    "text": set(),
    "version": set(),
    "content": BASE,
    "record": BASE | {"content"},
    "rules": BASE | {"content", "record"},
    "compare": BASE | {"content", "record"},
    "deliberation": BASE | {"content", "record"},
    "output": BASE | {"content", "record", "rules", "compare", "deliberation"},
    "__main__": BASE | {"content", "record", "rules", "compare", "deliberation", "output"},
    "__init__": set(),
}
PACKAGES = {"content", "record", "rules", "compare", "deliberation", "output"}

MODULE_LINES, CLASS_LINES, FUNCTION_LINES = 300, 150, 60
# Longer on purpose, each with its reason (path relative to the repository, name, limit kept).
EXCEPTIONS: dict[tuple[str, str], str] = {}

FORBIDDEN_TOP = {"streamlit", "plotly", "ui", "pages", "app"}


def _modules() -> list[Path]:
    return sorted(DECISION.rglob("*.py"))


def _unit(path: Path) -> str:
    """The package (or base module) a file of decision/ belongs to."""
    parts = path.relative_to(DECISION).parts
    return parts[0] if len(parts) > 1 else path.stem


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative imports are not used in decision/; say so if one appears
                found.append((node.lineno, "." * node.level + (node.module or "")))
            elif node.module:
                found.append((node.lineno, node.module))
                if node.module == "decision":  # from decision import content
                    found += [(node.lineno, f"decision.{alias.name}") for alias in node.names]
    return found


def test_the_layout_is_the_documented_one():
    units = {_unit(p) for p in _modules()}
    assert units >= PACKAGES, f"missing packages: {PACKAGES - units}"
    flat = sorted(p.name for p in DECISION.glob("*.py"))
    assert flat == ["__init__.py", "__main__.py", "text.py", "version.py"], (
        "decision/ keeps only the command line and the base helpers at its top; put a new module in the "
        f"package of its concept (README, 'How it is built'). Found: {flat}")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for package in PACKAGES:
        assert f"decision/{package}/" in readme, f"README's 'How it is built' does not describe decision/{package}/"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_run_one_way(path):
    unit = _unit(path)
    allowed = ALLOWED[unit] | {unit}
    wrong = []
    for line, name in _imports(path):
        top = name.split(".")[0]
        assert not name.startswith("."), f"{path.name}:{line}: use absolute imports (decision.…)"
        if top in FORBIDDEN_TOP:
            wrong.append(f"line {line}: {name} (decision/ is pure Python; the interface lives in ui/ and pages/)")
        if top == "decision" and name != "decision":
            target = name.split(".")[1]
            if target not in allowed:
                wrong.append(f"line {line}: {name} ({unit} may use only {sorted(allowed)})")
    assert not wrong, f"{path.relative_to(ROOT)} imports against the layering:\n" + "\n".join(wrong)


def _sizes(path: Path):
    source = path.read_text(encoding="utf-8")
    yield "<module>", len(source.splitlines()), MODULE_LINES
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            yield node.name, node.end_lineno - node.lineno + 1, CLASS_LINES
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node.name, node.end_lineno - node.lineno + 1, FUNCTION_LINES


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_room_grows_too_big(path):
    rel = str(path.relative_to(ROOT))
    too_big = [f"{name}: {lines} lines (limit {limit})" for name, lines, limit in _sizes(path)
               if lines > limit and (rel, name) not in EXCEPTIONS]
    assert not too_big, f"{rel} has grown past the size limits (README, 'How it is built'):\n" + "\n".join(too_big)


def test_every_exception_still_exists_and_says_why():
    for (rel, name), reason in EXCEPTIONS.items():
        assert len(reason) > 20, f"say why {rel}:{name} may be longer"
        sizes = {n: (lines, limit) for n, lines, limit in _sizes(ROOT / rel)}
        assert name in sizes and sizes[name][0] > sizes[name][1], f"{rel}:{name} is no longer over its limit; drop it"


def test_the_layering_test_would_catch_a_wrong_import(tmp_path):
    """The checker itself: an import running back up (content -> output) is found."""
    bad = tmp_path / "bad.py"
    bad.write_text("from decision.output.summary import build_summary\nimport streamlit as st\n")
    names = [name for _, name in _imports(bad)]
    assert names == ["decision.output.summary", "streamlit"]
    assert "output" not in ALLOWED["content"] | {"content"}
