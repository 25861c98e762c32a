"""English words in text meant to be Spanish (issue 26: "a whole walk in Spanish shows no English word
outside proper names and sources").

What counts as English is measured from the catalogue itself, not from a list written here: a word is
English-only when some English field of content uses it and no Spanish field does (case-folded, three
letters or more). So "the", "your", "people", "surgery", "within" are English-only, and "SPORT",
"NICE", "Oswestry", "Cleveland" or "mm" are not: the Spanish uses them too, as names. The words of a
few short English function words that the catalogue's Spanish never holds are added ("a", "in", "of"
are Spanish or names too, so they are not).

Before text is scanned, what may stay English is taken out: each source's citation, authors, title and
publisher (the sources layer is the studies' own words), and every text the patient typed (her own
questions and notes are in the language she wrote them).
"""

from __future__ import annotations

import re
from functools import cache
from html import unescape
from pathlib import Path

from decision.content import Content, content_dir
from decision.content.locale_format import LANGUAGES, language_name
from decision.content.translation.catalogue import catalogue_files, read_file

LANGUAGE_NAMES = tuple(language_name(lang) for lang in LANGUAGES)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SLOT = re.compile(r"\{[a-z_]+\}")
_TAG = re.compile(r"<[^>]+>")
_STYLE = re.compile(r"<style\b.*?</style>|^\s*[.#\[][^{}<]*\{[^{}]*\}.*$", re.S | re.I)  # a style sheet is not read
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # a Markdown backslash escape shows the mark alone
_ICON = re.compile(r":material/[a-z_]+:")  # Streamlit's icon codes draw an icon, not words
_ARIA = re.compile(r'aria-label="([^"]*)"')


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


@cache
def english_only(root: str | None = None, lang: str = "es") -> frozenset[str]:
    """The words some English field uses and no field of the ``lang`` catalogue does."""
    folder = Path(root) if root else content_dir()
    english: set[str] = set()
    translated: set[str] = set()
    for rel in catalogue_files(folder, lang):
        entries, _, _ = read_file(folder, lang, rel)
        for entry in entries.values():  # a {placeholder} is a name the code fills, not a word
            english.update(words(_SLOT.sub(" ", entry.en)))
            translated.update(words(_SLOT.sub(" ", entry.text)))
    return frozenset(w for w in english - translated if len(w) >= 3)


def visible_text(html_or_markdown: str) -> str:
    """The words a reader meets in a markdown or HTML body: the text between tags, and each drawing's
    text alternative (``aria-label``), which a screen reader reads aloud."""
    labels = " ".join(_ARIA.findall(html_or_markdown))
    text = _ESCAPE.sub(r"\1", _ICON.sub(" ", _STYLE.sub(" ", html_or_markdown)))
    return unescape(_TAG.sub(" ", text) + " " + labels)


def allowed_english(content: Content, typed: tuple[str, ...] = ()) -> re.Pattern:
    """The texts that may stay English on a Spanish page: the sources' own words, what was typed, and
    each language's own name on the language switch ("English"). Matched as whole words only, so an
    author named "Ales" does not take a bite out of "personales"."""
    parts: set[str] = set(LANGUAGE_NAMES)
    for source in content.sources:
        parts.update(p for p in (source.citation, source.cite(""), source.authors, source.title, source.publisher,
                                 source.doi, source.pmid, source.url, source.meeting, source.secondary_via) if p)
    parts.update(t for t in typed if t.strip())
    ordered = sorted(parts, key=len, reverse=True)  # the longest first, so a part inside another goes with it
    return re.compile("|".join(rf"(?<!\w){re.escape(p)}(?!\w)" for p in ordered))


def english_in(text: str, content: Content, typed: tuple[str, ...] = ()) -> list[str]:
    """The English-only words in ``text``, once each in the order met, after the allowed texts are removed."""
    text = allowed_english(content, typed).sub(" ", text)
    found = english_only()
    return list(dict.fromkeys(w for w in words(text) if w in found))


def record_texts(record) -> tuple[str, ...]:
    """Every string a record holds (what the patient and surgeon typed, and the ids of its choices)."""
    out: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)

    walk(record.model_dump(mode="json"))
    return tuple(out)
