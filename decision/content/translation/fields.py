"""The translatable fields of the English content: which file each is in, and its key there.

The fields are the ones the readability check scores (``decision.content.readability``: its walk and
``NOT_PROSE``), walked with list items named by their ``id`` (``by_id``), so a key stays the same when
an item is added or moved before it. Each field has

- the English file it is in (``meta.yaml``, ``options/fusion.yaml``, ``figures/comparisons.yaml``…),
  which is also where its catalogue is, under ``es/``;
- its key in that catalogue: the path from the top of that file, joined with dots
  ("steps.safety.title", "comparisons.peul_time_to_recovery.caveat");
- the same path as a tuple, to set the text in the file's data as it is read.

Numbers, sources, labels and ids are not fields: they stay the English data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from decision.content.catalogue import Content
from decision.content.load import FILES, ContentError, parse_yaml
from decision.content.readability import NOT_PROSE, by_id, walk_parts

# Fields the readability score reads but that hold data, not words: kinds of treatment, source and
# figure ids, a label, and which card and plan field a row of the fusion plan is. Their values are ids,
# the same in every language (the English score counts them among its short labels, as it always has).
DATA = frozenset({"categories", "card", "field", "why_label", "oswestry_source", "yes_sources", "why_sources",
                  "early_pain_sources", "after_non_operative"})
SKIP = NOT_PROSE | DATA


@dataclass(frozen=True)
class Field:
    path: tuple[str, ...]  # from the top of the English file's data
    text: str  # the English

    @property
    def key(self) -> str:
        return ".".join(self.path)


def _list_files(root: Path, folder: str, keys: tuple[str, ...]) -> dict[tuple[str, str], str]:
    """(list key, item id) -> the file of ``folder`` that holds the item."""
    where = {}
    for path in sorted((root / folder).glob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        data = parse_yaml(path.read_bytes(), f"Content file {rel}", "content", ContentError)
        for key in keys:
            for item in (data or {}).get(key) or ():
                if isinstance(item, dict):
                    where[(key, str(item.get("id")))] = rel
    return where


def _file_and_path(path: tuple[str, ...], lists: dict[tuple[str, str], str]) -> tuple[str, tuple[str, ...]]:
    top = path[0]
    if top == "options":
        return f"options/{path[1]}.yaml", path[2:]
    if top in ("figures", "comparisons", "sources"):
        return lists[(top, path[1])], path
    if top == "glossary":
        return FILES[top], ("terms", *path[1:])
    return FILES[top], path[1:]


def english_fields(content: Content, root: Path) -> dict[str, dict[str, Field]]:
    """English file -> catalogue key -> field, in the order the English reads."""
    lists = {**_list_files(root, "figures", ("figures", "comparisons")),
             **_list_files(root, "bibliography", ("sources",))}  # a source's plain name (Source.plain_name)
    out: dict[str, dict[str, Field]] = {}
    for path, text in walk_parts(content, by_id, SKIP):
        rel, inner = _file_and_path(path, lists)
        field = Field(inner, text)
        fields = out.setdefault(rel, {})
        if field.key in fields:  # two paths joined to one key (a key with a dot in it): name the clash
            raise ContentError(f"Content file {rel}, field {field.key}: two fields share this translation key.")
        fields[field.key] = field
    return out
