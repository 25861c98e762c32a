"""What ``check-content`` refuses in a translation, each problem naming the catalogue file and field.

- a field of the English with no entry (missing), and an entry that is no field of the English
  (extra, or left under ``~obsolete`` by ``extract``);
- an entry made from other English than the current one (run ``extract``), an untranslated entry
  (``es: ""``) and a fuzzy one (``was:`` still there);
- a number in the translation that the English field does not have, or one it leaves out (compared
  as numbers: "17,5" is 17.5), and a {placeholder} that differs;
- anything the English is refused for, once the translation is set in (``load_content(lang=...)``:
  the same models and checks, e.g. a practical line too long);
- text too hard to read: INFLESZ (Szigriszt-Pazos as scaled by Barrio-Cantalejo et al., 2008) below
  55 for a field of ten words or more, and for each file's short fields scored together, as the
  English is scored (``decision.content.readability``: the same walk, the same named terms as one word).

INFLESZ rather than Fernández-Huerta: INFLESZ was validated on Spanish health texts written for
patients and is the scale Spanish studies of consent forms and leaflets report (55 and up reads as
"normal" for a general reader), while Fernández-Huerta is a 1959 re-scaling of Flesch whose usual
form carries a transcription error. textstat scores it with Spanish syllables.
"""

from __future__ import annotations

from pathlib import Path

from decision.content.catalogue import Content
from decision.content.load import FILES, ContentError, load_content
from decision.content.readability import MIN_WORDS, NAMED_TERMS, _plain, _term_pattern
from decision.content.translation.catalogue import Tally, catalogue_files, read_file, tally
from decision.content.translation.fields import Field, english_fields
from decision.content.translation.numbers import number_problems, placeholder_problems

INFLESZ_LIMIT = 55.0
# Names that stay names in Spanish, and medicines by their Spanish names: each counts as one short word.
NAMED_TERMS_ES = (
    *(t for t in NAMED_TERMS if t[:1].isupper()),
    "Índice de Discapacidad de Oswestry", "paracetamol", "acetaminofén", "ibuprofeno", "naproxeno", "celecoxib",
    "gabapentina", "pregabalina", "antiinflamatorio", "antiinflamatorios", "antidepresivo", "antidepresivos",
    # The Oswestry score's band names, as the English counts its own.
    "Discapacidad mínima", "Discapacidad moderada", "Discapacidad grave", "Discapacidad muy grave",
)


def inflesz(text: str) -> float:
    from textstat.textstat import textstatistics  # a build-time tool, as the English grade is

    scorer = textstatistics()
    scorer.set_lang("es")  # this instance only: the English grade keeps its own language
    return float(scorer.szigriszt_pazos(text))


def _field_problems(where: str, field: Field, entry) -> list[str]:
    if entry.en != field.text:
        return [f"{where}: the English has changed since the catalogue was made; run extract and review it"]
    if not entry.text.strip():
        return [f"{where}: not translated yet"]
    if entry.was is not None:
        return [f"{where}: the English changed after it was translated; review it, then delete 'was'"]
    return [f"{where}: {p}" for p in (*number_problems(field.text, entry.text),
                                      *placeholder_problems(field.text, entry.text))]


def catalogue_problems(content: Content, root: Path, lang: str) -> tuple[list[str], list[Tally]]:
    """The catalogue against the English: every problem, and each file's count of finished fields."""
    fields = english_fields(content, root)
    problems: list[str] = []
    tallies = []
    for rel in sorted(set(fields) | set(catalogue_files(root, lang))):
        file = f"Translation file {lang}/{rel}"
        try:
            entries, obsolete, shape = read_file(root, lang, rel)
        except ContentError as exc:
            problems.append(str(exc).rstrip("."))
            continue
        problems += shape
        wanted = fields.get(rel, {})
        problems += [f"{file}, field {key}: missing (run extract)" for key in wanted if key not in entries]
        problems += [f"{file}, field {key}: not a field of content/{rel}; delete it" for key in entries
                     if key not in wanted]
        problems += [f"{file}, field ~obsolete.{key}: no longer in the English; reuse its text, then delete it"
                     for key in obsolete]
        for key, entry in entries.items():
            if key in wanted:
                problems += _field_problems(f"{file}, field {key}", wanted[key], entry)
        tallies.append(tally(rel, {k: e for k, e in entries.items() if k in wanted}, obsolete, len(wanted)))
    return problems + _shared_terms(root, lang), tallies


def _shared_terms(root: Path, lang: str) -> list[str]:
    """A glossary term is looked up by its words, so two terms may not be translated alike."""
    try:
        entries, _, _ = read_file(root, lang, FILES["glossary"])
    except ContentError:  # already said by catalogue_problems
        return []
    seen: dict[str, str] = {}
    problems = []
    for key, entry in entries.items():
        if key.endswith(".term") and entry.text.strip():
            if entry.text in seen:
                problems.append(f"Translation file {lang}/{FILES['glossary']}, field {key}: '{entry.text}' is also "
                                f"the translation of {seen[entry.text]}; each term needs its own words")
            seen.setdefault(entry.text, key)
    return problems


def inflesz_scores(translated: Content, root: Path) -> list[tuple[str, str | None, float]]:
    """(file, field key, INFLESZ) for each field of the translated content long enough to score alone,
    and (file, None, INFLESZ) for each file's short fields scored together."""
    terms = _term_pattern(translated, NAMED_TERMS_ES)
    scores: list[tuple[str, str | None, float]] = []
    for rel, fields in english_fields(translated, root).items():
        short = []
        for key, field in fields.items():
            plain = _plain(field.text, terms)
            if len(plain.split()) < MIN_WORDS:
                short.append(plain.rstrip(".?!:") + ".")
            else:
                scores.append((rel, key, inflesz(plain)))
        if short:
            scores.append((rel, None, inflesz(" ".join(short))))
    return scores


def overall_inflesz(translated: Content, root: Path) -> float:
    """The whole translated text scored as one (as the English overall grade is)."""
    terms = _term_pattern(translated, NAMED_TERMS_ES)
    return inflesz(" ".join(_plain(f.text, terms) for fields in english_fields(translated, root).values()
                            for f in fields.values()))


def readability_problems(translated: Content, root: Path, lang: str) -> list[str]:
    """Each field (or file's short fields together) of the translated content below the INFLESZ limit."""
    problems = []
    for rel, key, score in inflesz_scores(translated, root):
        if score >= INFLESZ_LIMIT:
            continue
        if key is None:
            problems.append(f"Translation file {lang}/{rel}, its short fields together: hard to read (INFLESZ "
                            f"{score:.0f}, the limit is {INFLESZ_LIMIT:.0f}); use shorter words")
        else:
            problems.append(f"Translation file {lang}/{rel}, field {key}: hard to read (INFLESZ {score:.0f}, "
                            f"the limit is {INFLESZ_LIMIT:.0f}); use shorter sentences and shorter words")
    return problems


def translation_problems(content: Content, root: Path, lang: str) -> tuple[list[str], list[Tally]]:
    """Every problem of ``lang``'s catalogue: its keys and numbers first; if they hold, the content
    loaded in ``lang`` (the same models and checks) and the readability of each field."""
    problems, tallies = catalogue_problems(content, root, lang)
    if problems:
        return problems, tallies
    try:
        translated = load_content(root, lang)
    except ContentError as exc:
        return [f"In {lang}: {exc}".rstrip(".")], tallies
    return readability_problems(translated, root, lang), tallies


def translations_report(folder: Path) -> dict:
    """Each complete translation's own score (INFLESZ for Spanish: higher is easier), for its About page."""
    from decision.content.translation import LANGUAGES
    from decision.content.translation.catalogue import has_catalogue

    out = {}
    for lang in (lang for lang in LANGUAGES if has_catalogue(folder, lang)):
        try:
            translated = load_content(folder, lang)
        except ContentError:  # incomplete: check-content says why; nothing to report yet
            continue
        scores = inflesz_scores(translated, folder)
        rel, key, lowest = min(scores, key=lambda s: s[2])
        out[lang] = {"overall_inflesz": round(overall_inflesz(translated, folder), 1),
                     "lowest_inflesz": round(lowest, 1),
                     "lowest_where": f"{lang}/{rel}: {key or '(short labels together)'}",
                     "inflesz_limit": INFLESZ_LIMIT,
                     "method": "INFLESZ (Szigriszt-Pazos, textstat); named terms count as one short word"}
    return out
