"""The catalogue of one language: ``content/<lang>/``, one YAML file per English content file that has text.

Each file maps a field's key (``decision.content.translation.fields``) to an entry::

    steps.safety.title:
      en: Check for warning signs        # the English this entry was made from (the msgid)
      es: Revise las señales de alarma   # the translation; "" while untranslated
      was: Check for danger signs        # only when the English changed since: review, then delete

``extract`` makes and updates the files from the English, as ``pybabel update`` does for code strings:
a new field is added with ``es: ""``; a field whose English changed keeps its translation, takes the new
English and the old one as ``was`` (fuzzy until a translator deletes it); a key no longer in the English
moves under ``~obsolete`` (a name no field can have), where a translator can reuse its text before
deleting it. Files are rewritten in the English's order, so a diff shows what changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from decision.content.load import ContentError, parse_yaml
from decision.content.translation.fields import Field

OBSOLETE = "~obsolete"
HEADER = ("# '{lang}' for content/{rel}: each key is a field of that file; write its '{lang}' (\"\" is untranslated).\n"
          "# Made and updated by: python -m decision.content.translation extract --lang {lang}\n"
          "# Not here: numbers, sources, labels and ids, which are the English data.\n")


@dataclass(frozen=True)
class Entry:
    en: str
    text: str  # the translation ("" untranslated)
    was: str | None = None  # the English the translation was made for, when it has changed since

    @property
    def done(self) -> bool:
        return bool(self.text.strip()) and self.was is None


def catalogue_dir(root: Path, lang: str) -> Path:
    return Path(root) / lang


def has_catalogue(root: Path, lang: str) -> bool:
    return any(catalogue_dir(root, lang).rglob("*.yaml"))


def catalogue_files(root: Path, lang: str) -> list[str]:
    """The English file each catalogue file is for ("options/fusion.yaml"), sorted."""
    base = catalogue_dir(root, lang)
    return sorted(p.relative_to(base).as_posix() for p in base.rglob("*.yaml"))


def read_file(root: Path, lang: str, rel: str) -> tuple[dict[str, Entry], dict[str, Entry], list[str]]:
    """(entries, obsolete entries, problems of shape) of the catalogue file for ``rel``."""
    where = f"{lang}/{rel}"
    path = catalogue_dir(root, lang) / rel
    if not path.is_file():
        return {}, {}, []
    data = parse_yaml(path.read_bytes(), f"Translation file {where}", "a translation", ContentError) or {}
    if not isinstance(data, dict):
        raise ContentError(f"Translation file {where}: expected a mapping of field keys to entries.")
    problems: list[str] = []
    obsolete = data.pop(OBSOLETE, None) or {}
    entries = _entries(data, lang, where, problems)
    gone = _entries(obsolete if isinstance(obsolete, dict) else {}, lang, where, problems)
    return entries, gone, problems


def _entries(data: dict, lang: str, where: str, problems: list[str]) -> dict[str, Entry]:
    out = {}
    for key, value in data.items():
        text = value.get(lang) if isinstance(value, dict) else None
        en = value.get("en") if isinstance(value, dict) else None
        was = value.get("was") if isinstance(value, dict) else None
        if not (isinstance(text, str) and isinstance(en, str) and (was is None or isinstance(was, str))):
            problems.append(f"Translation file {where}, field {key}: needs 'en' and '{lang}' as text")
            continue
        out[str(key)] = Entry(en, text, was)
    return out


def updated(fields: dict[str, Field], entries: dict[str, Entry], obsolete: dict[str, Entry]) -> tuple[dict, dict]:
    """The entries for ``fields`` (kept, changed or new) and the obsolete ones, as ``extract`` writes them."""
    out: dict[str, Entry] = {}
    for key, field in fields.items():
        old = entries.get(key)
        if old is None:
            out[key] = Entry(field.text, "")
        elif old.en == field.text or not old.text.strip():
            out[key] = Entry(field.text, old.text, old.was)
        else:  # the English changed under a translation: keep it, fuzzy until reviewed
            out[key] = Entry(field.text, old.text, old.was if old.was is not None else old.en)
    gone = {**obsolete, **{k: e for k, e in entries.items() if k not in fields}}
    return out, gone


def _as_yaml(entries: dict[str, Entry], lang: str) -> dict:
    out = {}
    for key, e in entries.items():
        out[key] = {"en": e.en, lang: e.text, **({"was": e.was} if e.was is not None else {})}
    return out


def write_file(root: Path, lang: str, rel: str, entries: dict[str, Entry], obsolete: dict[str, Entry]) -> None:
    data = _as_yaml(entries, lang)
    if obsolete:
        data[OBSOLETE] = _as_yaml(obsolete, lang)
    path = catalogue_dir(root, lang) / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(HEADER.format(lang=lang, rel=rel) + body, encoding="utf-8")


@dataclass(frozen=True)
class Tally:
    rel: str
    done: int
    fuzzy: int
    total: int
    obsolete: int


def extract(fields: dict[str, dict[str, Field]], root: Path, lang: str) -> list[Tally]:
    """Write or update every catalogue file of ``lang`` from the English ``fields``."""
    tallies = []
    for rel in sorted(set(fields) | set(catalogue_files(root, lang))):
        entries, gone, problems = read_file(root, lang, rel)
        if problems:
            raise ContentError(f"{problems[0]}; fix it before extracting again.")
        entries, gone = updated(fields.get(rel, {}), entries, gone)
        write_file(root, lang, rel, entries, gone)
        tallies.append(tally(rel, entries, gone))
    return tallies


def tally(rel: str, entries: dict[str, Entry], obsolete: dict[str, Entry], total: int | None = None) -> Tally:
    """The count of one file: ``total`` is the English's number of fields (default: the entries')."""
    return Tally(rel, sum(e.done for e in entries.values()), sum(e.was is not None for e in entries.values()),
                 len(entries) if total is None else total, len(obsolete))


def summary(tallies: list[Tally], lang: str) -> str:
    done, total = sum(t.done for t in tallies), sum(t.total for t in tallies)
    fuzzy, gone = sum(t.fuzzy for t in tallies), sum(t.obsolete for t in tallies)
    return (f"{lang}: {done} of {total} fields translated"
            + (f", {fuzzy} to review (English changed)" if fuzzy else "")
            + (f", {gone} obsolete" if gone else "") + ".")
