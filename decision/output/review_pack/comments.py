"""The notes written as YAML comments above each entry of a content file, found by the entry's path.

The content records where each number and rule comes from in the evidence ("OE 1.2", "NR section 2")
and the choices made where the evidence left a level open ("we choose the safer level"), as comments
above the entry (yaml.safe_load drops them). A reviewer needs exactly those notes, so this reads
them back from the file's text, line by line: a comment block belongs to the key or list item on
the line right after it. A list item is named by its ``id`` when its first key is ``id``, else by
its index. This is a reader for the project's own files, not a YAML parser: a comment it cannot
place is simply not shown, and the pack then says that no note is recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_KEY = re.compile(
    r"""^(?P<indent> *)(?P<dash>- +)?(?P<key>[A-Za-z0-9_.-]+|"[^"\n]*"|'[^'\n]*') *:(?: +(?P<value>.*))?$""")
_BLOCK = re.compile(r"^[>|][+-]?[0-9]?\s*(#.*)?$")  # a block scalar starts: its lines are text, not keys
_RULER = re.compile(r"^[-=]{3,}")  # "# ------- screws or no screws": a heading over a group, not a note

Path = tuple[str, ...]


@dataclass
class Notes:
    """A file's comments: the block at its top, and each later block by the path of what follows it."""

    header: str = ""
    by_path: dict[Path, str] = field(default_factory=dict)
    items: list[Path] = field(default_factory=list)  # every list item seen, noted or not

    def of(self, *path: str) -> str:
        return self.by_path.get(tuple(path), "")

    def within(self, *path: str, depth: int = 1) -> list[str]:
        """The note of ``path`` and those of its keys down to ``depth`` levels, in file order."""
        n = len(path)
        return [text for p, text in self.by_path.items() if p[:n] == tuple(path) and len(p) - n <= depth]


def _unquote(text: str) -> str:
    text = text.split(" #", 1)[0].strip()
    return text[1:-1] if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'" else text


def _comment(line: str) -> str:
    text = line.strip().lstrip("#").strip()
    return "" if _RULER.match(text) else text


def read_notes(text: str) -> Notes:
    notes = Notes()
    pending: list[str] = []
    stack: list[tuple[int, str, bool]] = []  # (indent, path segment, is a list item)
    counters: dict[Path, int] = {}
    block_indent: int | None = None
    seen_key = False
    for line in text.splitlines():
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None:
            if not stripped or indent > block_indent:
                continue
            block_indent = None
        if not stripped:
            if pending and not seen_key and not notes.header:
                notes.header = " ".join(pending)
            pending = []
            continue
        if stripped.startswith("#"):
            if _comment(line):
                pending.append(_comment(line))
            continue
        m = _KEY.match(line)
        if m is None:  # a scalar list item or a continued value: no key to note
            if stripped.startswith("- ") and _BLOCK.match(stripped[2:].strip()):
                block_indent = indent
            pending = []
            continue
        if not seen_key and pending and not notes.header:
            notes.header, pending = " ".join(pending), []
        seen_key = True
        key = _unquote(m["key"])
        if m["dash"]:
            while stack and (stack[-1][0] > indent or (stack[-1][0] == indent and stack[-1][2])):
                stack.pop()
            parent = tuple(s for _, s, _ in stack)
            n = counters.get(parent, 0)
            counters[parent] = n + 1
            name = _unquote(m["value"]) if key == "id" and m["value"] else str(n)
            stack.append((indent, name, True))
            target = (*parent, name)
            notes.items.append(target)
            key_indent = indent + len(m["dash"])
        else:
            while stack and stack[-1][0] >= indent:
                stack.pop()
            target = (*(s for _, s, _ in stack), key)
            key_indent = indent
        if pending:
            notes.by_path[target] = " ".join(pending)
        pending = []
        stack.append((key_indent, key, False))
        if m["value"] and _BLOCK.match(m["value"].strip()):
            block_indent = key_indent
    return notes


_SECTION = re.compile(r"\b(?:OE|VA|NR)\s*(?:section\s*)?\d|\baddendum\s*\d|\bsections?\s*\d", re.IGNORECASE)


def names_a_section(note: str) -> bool:
    """Whether a note points at a numbered section of the evidence (e.g. "OE 1.2", "NR section 2")."""
    return bool(_SECTION.search(note))
