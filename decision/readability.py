"""Reading level of the patient-facing text (US grade, Flesch-Kincaid, via textstat).

Names of operations and conditions are long words that the aid explains in its glossary
(laminectomy, spondylolisthesis…). Counted as they are, they would push every sentence that
names them past grade 8 however plain the rest is, so each glossary term, option name and
diagnosis name counts as one short word. Fields of ten words or more are scored one by one; short
labels say too little to score alone, so the short fields of each file are scored together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import textstat
from pydantic import BaseModel

from decision.content import Content, FILES

GRADE_LIMIT = 8.0
MIN_WORDS = 10

# Fields that hold identifiers, references, numbers or dates, not prose for the patient.
NOT_PROSE = {
    "id", "source", "sources", "figure", "figures", "label", "horizon", "kind", "fits", "any_of",
    "answer", "option", "fit", "group", "procedure", "diagnoses", "not_counting", "option_order",
    "content_version", "published", "last_review", "next_review", "seed_source", "ipdas", "options",
    "authors", "publisher", "title_source", "url", "doi", "pmid", "year", "secondary_via",
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
)


@dataclass(frozen=True)
class Scored:
    where: str
    text: str
    grade: float


def _file_for(path: tuple) -> str:
    top = path[0]
    if top == "figures":
        return "figures/"
    if top == "options":
        return f"options/{path[1]}"
    return FILES.get(top, top)


def _walk(value, path: tuple):
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name in NOT_PROSE:
                continue
            yield from _walk(getattr(value, name), path + (name,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, path + (str(key),))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _walk(item, path + (str(i),))
    elif isinstance(value, str) and value.strip():
        yield path, value


def patient_texts(content: Content) -> list[tuple[str, str]]:
    """(where, text) for every patient-facing string; ``where`` names the file and field."""
    out = []
    for name in ("meta", "figures", "template", "options", "red_flags", "readiness", "program", "fusion",
                 "deliberation", "scores", "glossary", "pages"):
        value = getattr(content, name)
        if name == "options":
            for option in value:
                for path, text in _walk(option, ("options", option.id)):
                    out.append((f"{_file_for(path)}: {'.'.join(path[2:])}", text))
            continue
        for path, text in _walk(value, (name,)):
            out.append((f"{_file_for(path)}: {'.'.join(path[1:])}", text))
    return out


def _term_pattern(content: Content) -> re.Pattern:
    terms = {t.term for t in content.glossary} | set(NAMED_TERMS)
    terms |= {o.name for o in content.options}
    terms |= {v for k, v in content.pages.items() if k.startswith(("diagnosis.", "procedure."))}
    ordered = sorted((t for t in terms if t), key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in ordered), re.IGNORECASE)


def _plain(text: str, terms: re.Pattern) -> str:
    text = re.sub(r"\{[a-z_]+\}", "six", text)  # message placeholders are short numbers or names
    return terms.sub("term", text)


def grade(text: str) -> float:
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
