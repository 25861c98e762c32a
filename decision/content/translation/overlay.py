"""Reading the content in another language: each English file's data with its catalogue's text set in.

``load_content(root, lang="es")`` loads the English, takes its fields (``fields.english_fields``),
then reads every file again through ``translated_reader``, which sets each field's translation into
the file's data before the models validate it. Everything that is not a field (numbers, sources,
labels, ids, rules) is the English file's own data, so it cannot differ between the languages.
A field with no finished translation is refused: the aid never mixes languages on a page.
"""

from __future__ import annotations

from pathlib import Path

from decision.content.catalogue import Content
from decision.content.load import FILES, ContentError, _read_yaml
from decision.content.translation.catalogue import read_file
from decision.content.translation.fields import english_fields

GLOSSARY = FILES["glossary"]


def _set(data, path: tuple[str, ...], text: str, where: str) -> None:
    """Set ``text`` at ``path`` in a file's data; a list item is found by its id, else by its place."""
    node = data
    for i, step in enumerate(path):
        last = i == len(path) - 1
        if isinstance(node, list):
            index = next((n for n, item in enumerate(node) if isinstance(item, dict) and item.get("id") == step),
                         None)
            index = int(step) if index is None and step.isdigit() else index
            if index is None or index >= len(node):
                break
            if last:
                node[index] = text
                return
            node = node[index]
        elif isinstance(node, dict):
            key = next((k for k in node if str(k) == step), step)
            if last:
                node[key] = text
                return
            if key not in node:
                break
            node = node[key]
        else:
            break
    raise ContentError(f"{where}: the English file has no such field.")


def _renamed_terms(data, names: dict[str, str]):
    """``data`` with each glossary term named in a ``terms`` list given its translated name."""
    if isinstance(data, dict):
        return {k: ([names.get(t, t) for t in v] if k == "terms" and isinstance(v, list) else _renamed_terms(v, names))
                for k, v in data.items()}
    if isinstance(data, list):
        return [_renamed_terms(item, names) for item in data]
    return data


def translated_reader(root: Path, lang: str, english: Content):
    """A ``read_yaml(path, root)`` for the loader that returns each file's data in ``lang``."""
    fields = english_fields(english, root)
    texts: dict[str, dict[str, str]] = {}
    for rel, by_key in fields.items():
        entries, _, problems = read_file(root, lang, rel)
        if problems:
            raise ContentError(f"{problems[0]}.")
        for key in by_key:
            entry = entries.get(key)
            if entry is None or not entry.done or entry.en != by_key[key].text:
                why = "missing" if entry is None else "not translated from the current English"
                raise ContentError(f"Translation file {lang}/{rel}, field {key}: {why} "
                                   f"(python -m decision.content.translation status --lang {lang}).")
        texts[rel] = {key: entries[key].text for key in by_key}

    # A glossary entry is named by its term, and other files name it so ("terms: [Disc]"): a translated
    # term is the entry's name in that language, so the names are translated with it.
    glossary = fields.get(GLOSSARY, {})
    names = {f.text: texts[GLOSSARY][k] for k, f in glossary.items() if f.path[-1] == "term"}

    def read_yaml(path: Path, root: Path):
        data = _read_yaml(path, root)
        rel = path.relative_to(root).as_posix()
        for key, field in fields.get(rel, {}).items():
            _set(data, field.path, texts[rel][key], f"Translation file {lang}/{rel}, field {key}")
        return data if rel == GLOSSARY else _renamed_terms(data, names)

    return read_yaml
