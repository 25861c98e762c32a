"""The content's translation machinery (issue 26), on a content copy with a pseudo-Spanish catalogue.

No Spanish is written yet (the English is still being cut): a fake translation stands in for it. It
swaps every English word for a short Spanish word and keeps numbers, {placeholders} and punctuation,
so a complete catalogue can be made, loaded and broken one way at a time.
"""

from __future__ import annotations

import re
import shutil
import zlib
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given, strategies as st

from decision.__main__ import main as decision_main
from decision.content import CONTENT_DIR, ContentError, load_content
from decision.content.translation.__main__ import main as translation_main
from decision.content.translation.catalogue import OBSOLETE, catalogue_files
from decision.content.translation.checks import catalogue_problems, translation_problems
from decision.content.translation.fields import english_fields
from decision.content.translation.numbers import number_problems, placeholder_problems
from tests.conftest import break_content

WORDS = ("la", "casa", "sol", "mesa", "pan", "dos", "mar", "luz", "paso", "vida", "cama", "pie", "mano", "día")


def pseudo_spanish(text: str) -> str:
    """Each word swapped for a short Spanish word (the same word each time); the rest kept as it is."""
    def word(m: re.Match) -> str:
        swapped = WORDS[zlib.crc32(m.group(0).lower().encode()) % len(WORDS)]
        return swapped.capitalize() if m.group(0)[0].isupper() else swapped

    return "".join(p if p.startswith("{") else re.sub(r"[^\W\d_]+", word, p)
                   for p in re.split(r"(\{[a-z_]+\})", text))


def _fill(root: Path) -> None:
    for path in (root / "es").rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, entry in data.items():  # a glossary term is a name: the fake keeps each one its own
            glossary_term = path.name == "glossary.yaml" and key.endswith(".term")
            entry["es"] = entry["en"] if glossary_term else pseudo_spanish(entry["en"])
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="session")
def translated_master(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("es") / "content"
    shutil.copytree(CONTENT_DIR, root)
    assert translation_main(["extract", "--lang", "es", "--root", str(root)]) == 0
    _fill(root)
    return root


@pytest.fixture
def translated(translated_master, tmp_path) -> Path:
    """A content copy with a complete pseudo-Spanish catalogue, to break."""
    copy = tmp_path / "content"
    shutil.copytree(translated_master, copy)
    return copy


CATALOGUE_FILES = catalogue_files(CONTENT_DIR, "es") or sorted(english_fields(load_content(), CONTENT_DIR))


def _edit(root: Path, rel: str, change) -> None:
    path = root / "es" / rel
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _problems(content, root: Path) -> list[str]:
    return catalogue_problems(content, root, "es")[0]


def _first(root: Path, rel: str, want=lambda en: True) -> str | None:
    data = yaml.safe_load((root / "es" / rel).read_text(encoding="utf-8"))
    return next((k for k, e in data.items() if k != OBSOLETE and want(e["en"])), None)


# ---------------------------------------------------------------- a complete catalogue


def test_a_complete_catalogue_loads_with_the_english_numbers(content, translated_master):
    assert _problems(content, translated_master) == []
    spanish = load_content(translated_master, "es")
    assert spanish.meta.name != content.meta.name
    for condition in content.conditions.conditions:  # a glossary term keeps its place where a file names it
        assert len(spanish.glossary_terms(spanish.condition(condition.id).terms)) == len(
            content.glossary_terms(condition.terms)) > 0

    def leaves(value, path=()):  # every number, flag, date and empty value, by where it is
        if isinstance(value, dict):
            for k, v in value.items():
                yield from leaves(v, (*path, k))
        elif isinstance(value, (list, tuple)):
            for i, v in enumerate(value):
                yield from leaves(v, (*path, i))
        elif not isinstance(value, str):
            yield path, value

    assert dict(leaves(spanish.model_dump())) == dict(leaves(content.model_dump()))
    # A source is the same data in both languages; only who it is, in a patient's words, is translated
    assert [s.model_dump(exclude={"plain_name"}) for s in spanish.sources] == [
        s.model_dump(exclude={"plain_name"}) for s in content.sources]
    assert [bool(s.plain_name) for s in spanish.sources] == [bool(s.plain_name) for s in content.sources]
    assert [f.id for f in spanish.all_figures] == [f.id for f in content.all_figures]
    assert [(f.id, f.source, f.label, f.per_100) for f in spanish.all_figures] == [
        (f.id, f.source, f.label, f.per_100) for f in content.all_figures]


def test_english_is_the_default_and_is_unchanged(content):
    assert load_content(CONTENT_DIR, "en") == content == load_content()


def test_check_content_says_nothing_of_a_translation_where_there_is_none(content_copy, capsys):
    shutil.rmtree(content_copy / "es", ignore_errors=True)  # a content folder with no catalogue
    assert decision_main(["check-content", "--root", str(content_copy)]) == 0
    out = capsys.readouterr()
    assert "es:" not in out.out + out.err and "Translation" not in out.out + out.err


def test_check_content_accepts_a_complete_catalogue_and_refuses_a_broken_one(translated, capsys):
    assert decision_main(["check-content", "--root", str(translated)]) == 0
    assert re.search(r"es: (\d+) of \1 fields translated\.", capsys.readouterr().out)
    key = _first(translated, "meta.yaml")
    _edit(translated, "meta.yaml", lambda d: d.pop(key))
    assert decision_main(["check-content", "--root", str(translated)]) == 1
    err = capsys.readouterr().err
    assert f"Translation file es/meta.yaml, field {key}: missing" in err and "Traceback" not in err
    assert re.search(r"es: (\d+) of (\d+) fields translated\. 1 problem\(s\)\.", err)
    done, total = map(int, re.search(r"es: (\d+) of (\d+)", err).groups())
    assert done == total - 1


# ---------------------------------------------------------------- each broken copy, in every file


@pytest.mark.parametrize("rel", CATALOGUE_FILES)
def test_a_missing_key_is_refused(content, translated, rel):
    key = _first(translated, rel)
    _edit(translated, rel, lambda d: d.pop(key))
    assert _problems(content, translated) == [f"Translation file es/{rel}, field {key}: missing (run extract)"]


def test_the_content_is_not_loaded_half_translated(translated):
    key = _first(translated, "glossary.yaml")
    _edit(translated, "glossary.yaml", lambda d: d.pop(key))
    with pytest.raises(ContentError, match=re.escape(f"Translation file es/glossary.yaml, field {key}: missing")):
        load_content(translated, "es")
    _edit(translated, "meta.yaml", lambda d: d[_first(translated, "meta.yaml")].update(es=""))
    with pytest.raises(ContentError, match="es/"):
        load_content(translated, "es")


@pytest.mark.parametrize("rel", CATALOGUE_FILES)
def test_an_extra_or_obsolete_key_is_refused(content, translated, rel):
    _edit(translated, rel, lambda d: d.update({"no_such.field": {"en": "Hello.", "es": "Hola."}}))
    assert _problems(content, translated) == [
        f"Translation file es/{rel}, field no_such.field: not a field of content/{rel}; delete it"]
    _edit(translated, rel, lambda d: d.update({OBSOLETE: {"gone": d.pop("no_such.field")}}))
    assert _problems(content, translated) == [
        f"Translation file es/{rel}, field ~obsolete.gone: no longer in the English; reuse its text, then delete it"]


@pytest.mark.parametrize("rel", CATALOGUE_FILES)
def test_an_untranslated_key_is_refused(content, translated, rel):
    key = _first(translated, rel)
    _edit(translated, rel, lambda d: d[key].update(es=""))
    assert _problems(content, translated) == [f"Translation file es/{rel}, field {key}: not translated yet"]


@pytest.mark.parametrize("rel", CATALOGUE_FILES)
def test_a_changed_number_is_refused(content, translated, rel):
    key = _first(translated, rel, lambda en: re.search(r"\d", en))
    if key is None:
        key = _first(translated, rel)
        _edit(translated, rel, lambda d: d[key].update(es=d[key]["es"] + " 7"))
        assert _problems(content, translated) == [
            f"Translation file es/{rel}, field {key}: the number 7 is not in the English"]
        return
    _edit(translated, rel, lambda d: d[key].update(es=re.sub(r"\d+", lambda m: str(int(m.group()) + 1), d[key]["es"],
                                                                count=1)))
    problems = _problems(content, translated)
    assert problems and all(p.startswith(f"Translation file es/{rel}, field {key}: the ") for p in problems)
    assert any("is not in the English" in p or "is missing" in p for p in problems)


@pytest.mark.parametrize("rel", CATALOGUE_FILES)
def test_a_changed_placeholder_is_refused(content, translated, rel):
    key = _first(translated, rel, lambda en: "{" in en) or _first(translated, rel)
    _edit(translated, rel, lambda d: d[key].update(es=re.sub(r"\{[a-z_]+\}", "", d[key]["es"]) + " {nombre}"))
    problems = _problems(content, translated)
    assert f"Translation file es/{rel}, field {key}: the placeholder {{nombre}} is not in the English" in problems
    assert all(p.startswith(f"Translation file es/{rel}, field {key}: the placeholder") for p in problems)


HARD = ("La espondilolistesis degenerativa multisegmentaria condiciona inestabilidad biomecánica "
        "intervertebral, frecuentemente acompañada de claudicación neurogénica intermitente progresiva.")


@pytest.mark.parametrize("rel", ["meta.yaml", "options/fusion.yaml", "figures/comparisons.yaml", "pages.yaml"])
def test_a_hard_to_read_field_is_refused(content, translated, rel):
    key = _first(translated, rel, lambda en: len(en.split()) >= 10 and not re.search(r"[\d{]", en))
    _edit(translated, rel, lambda d: d[key].update(es=HARD))
    problems, _ = translation_problems(content, translated, "es")
    assert len(problems) == 1
    assert problems[0].startswith(f"Translation file es/{rel}, field {key}: hard to read (INFLESZ")


def test_two_glossary_terms_may_not_share_one_translation(content, translated):
    data = yaml.safe_load((translated / "es" / "glossary.yaml").read_text(encoding="utf-8"))
    first, second = [k for k in data if k.endswith(".term")][:2]
    _edit(translated, "glossary.yaml", lambda d: d[second].update(es=d[first]["es"]))
    assert _problems(content, translated) == [
        f"Translation file es/glossary.yaml, field {second}: '{data[first]['es']}' is also the translation of "
        f"{first}; each term needs its own words"]


def test_extract_keeps_translations_marks_changed_english_and_lists_gone_keys(content, translated, capsys):
    key = _first(translated, "meta.yaml")
    old = yaml.safe_load((translated / "es" / "meta.yaml").read_text(encoding="utf-8"))[key]
    english = next(f.text for f in english_fields(content, CONTENT_DIR)["meta.yaml"].values() if f.key == key)
    break_content(translated, "meta.yaml", english.split()[0], "Changed", once=False)
    _edit(translated, "meta.yaml", lambda d: d.update({"retired": {"en": "Old.", "es": "Viejo."}}))
    assert translation_main(["extract", "--lang", "es", "--root", str(translated)]) == 0
    data = yaml.safe_load((translated / "es" / "meta.yaml").read_text(encoding="utf-8"))
    assert data[key]["es"] == old["es"] and data[key]["was"] == old["en"] and data[key]["en"] != old["en"]
    assert data[OBSOLETE] == {"retired": {"en": "Old.", "es": "Viejo."}}
    capsys.readouterr()
    assert translation_main(["status", "--lang", "es", "--root", str(translated)]) == 0
    assert "1 to review" in capsys.readouterr().out
    changed = load_content(translated)
    problems = _problems(changed, translated)
    assert f"Translation file es/meta.yaml, field {key}: the English changed after it was translated; review it, " \
           "then delete 'was'" in problems


# ---------------------------------------------------------------- numbers, as numbers


def _english(n: Decimal) -> str:
    return f"{n:,f}"


def _spanish_forms(n: Decimal) -> list[str]:
    whole, _, frac = f"{n:f}".partition(".")
    grouped = f"{int(whole):,}"
    tail = f",{frac}" if frac else ""
    return [grouped.replace(",", ".") + tail, grouped.replace(",", "\u00a0") + tail, whole + tail,
            f"{n:,f}"]  # the last as in Mexico: "1,250.5"


amounts = st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False, allow_infinity=False)


@given(amounts)
def test_a_number_matches_in_every_spanish_form(n):
    for form in _spanish_forms(n):
        assert number_problems(f"About {_english(n)} in 100 people.", f"Unas {form} de cada 100 personas.") == [], form


@given(amounts, amounts)
def test_a_different_number_is_refused(n, m):
    if n == m:
        return
    problems = number_problems(f"About {_english(n)} people.", f"Unas {_spanish_forms(m)[0]} personas.")
    assert problems and "is not in the English" in problems[0]


def test_placeholders_are_compared_as_names():
    assert placeholder_problems("Hello {name}, {count} left.", "Hola {name}, quedan {count}.") == []
    assert placeholder_problems("{count} left.", "Quedan {cuenta}.") == [
        "the placeholder {cuenta} is not in the English", "the placeholder {count} of the English is missing"]


def test_the_shipped_spanish_is_complete_and_says_the_english_numbers(content, capsys):
    """The catalogue in content/es/ is whole: check-content counts every field translated, and the
    Spanish content has every number, source and label of the English (issue 26)."""
    assert decision_main(["check-content"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"es: (\d+) of \1 fields translated\.", out), out
    spanish = load_content(CONTENT_DIR, "es")
    assert [(f.id, f.source, f.label, f.per_100) for f in spanish.all_figures] == [
        (f.id, f.source, f.label, f.per_100) for f in content.all_figures]
    assert spanish.option("fusion").name != content.option("fusion").name


def test_a_changed_spanish_sentence_changes_the_content_fingerprint(content_copy):
    # The sign-off and the reading-level report name the content by this hash: a Spanish change is a
    # content change a reviewer must see again.
    from decision.content import content_fingerprint

    before = content_fingerprint(content_copy)
    path = content_copy / "es" / "pages.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert content_fingerprint(content_copy) != before
