"""Every content file validates; sources and labels hold; plain language; broken content is refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from decision.content import (
    CONTENT_DIR,
    CONTENT_ENV,
    FILES,
    Comparison,
    ContentError,
    Figure,
    GlossaryTerm,
    Option,
    Source,
    content_files,
    load_content,
)
from decision.content.load import _PART_MODELS
from decision.content.readability import GRADE_LIMIT, score_content
from tests.conftest import APP, break_content, check_content_on
from tests.svg_spec import drawings

ALL_FILES = content_files()
LIST_MODELS = {"bibliography": ("sources", Source), "figures": ("figures", Figure)}
PART_FOR_FILE = {name: key for key, name in FILES.items()}


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.relative_to(CONTENT_DIR).as_posix())
def test_every_content_file_validates_against_its_model(path: Path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rel = path.relative_to(CONTENT_DIR)
    folder = rel.parts[0] if len(rel.parts) > 1 else None
    if folder == "figures":
        assert data.get("figures") or data.get("comparisons"), f"{rel} lists nothing"
        for item in data.get("figures", []):
            Figure.model_validate(item)
        for item in data.get("comparisons", []):
            Comparison.model_validate(item)
    elif folder in LIST_MODELS:
        key, model = LIST_MODELS[folder]
        assert data[key], f"{rel} lists nothing"
        for item in data[key]:
            model.model_validate(item)
    elif folder == "options":
        assert Option.model_validate(data).id == path.stem
    elif rel.name == "glossary.yaml":
        for term in data["terms"]:
            GlossaryTerm.model_validate(term)
    elif PART_FOR_FILE[rel.name] in _PART_MODELS:
        _PART_MODELS[PART_FOR_FILE[rel.name]].model_validate(data)
    else:
        assert isinstance(data, dict) and all(isinstance(v, str) for v in data.values())


def test_the_whole_content_loads_with_its_cross_references(content):
    assert {o.id for o in content.options} == {"non_operative", "laminectomy", "microdiscectomy", "fusion"}


def test_every_figure_cites_a_source_in_the_bibliography_and_none_is_unverified(content):
    for figure in content.figures:
        assert figure.source in content.source_by_id, figure.id
        assert figure.label in ("V1", "V2"), figure.id


def test_every_source_can_be_found_by_a_reader(content):
    for source in content.sources:
        assert source.doi or source.pmid or source.url or source.meeting, source.id


def test_every_source_is_used_somewhere(content):
    text = "\n".join(p.read_text(encoding="utf-8") for p in ALL_FILES if "bibliography" not in p.parts)
    unused = [s.id for s in content.sources if s.id not in text]
    assert not unused, f"sources listed but never cited: {unused}"


SCORES = score_content(load_content())


@pytest.mark.parametrize("scored", SCORES, ids=[s.where for s in SCORES])
def test_patient_text_reads_at_grade_8_or_below(scored):
    assert scored.grade <= GRADE_LIMIT, f"{scored.where} reads at grade {scored.grade:.1f}: {scored.text!r}"


# ------------------------------------------------------------ broken content


def test_a_figure_labelled_unverified_is_refused(content_copy):
    break_content(content_copy, "figures/comparisons.yaml", "label: V1", "label: U")
    with pytest.raises(ContentError, match=r"figures/comparisons.yaml, field comparisons\.\d+ \(\w+\)\.label"):
        load_content(content_copy)


def test_a_missing_field_names_the_file_and_the_field(content_copy):
    break_content(content_copy, "red_flags.yaml", "none_apply:", "none_applies:")
    with pytest.raises(ContentError, match=re.escape("red_flags.yaml, field none_apply: Field required")):
        load_content(content_copy)


def test_a_figure_citing_an_unknown_source_is_refused(content_copy):
    break_content(content_copy, "figures/comparisons.yaml", "source: ", "source: nobody_1999  # was ")
    with pytest.raises(ContentError, match="nobody_1999"):
        load_content(content_copy)


def test_invalid_yaml_names_the_file_and_line(content_copy):
    (content_copy / "meta.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError, match=re.escape("meta.yaml is not valid YAML at line")):
        load_content(content_copy)


@pytest.mark.parametrize(("raw", "message"), [
    ("a: " + "[" * 5000 + "]" * 5000 + "\n", "meta.yaml is nested too deeply to be content."),
    (b"\xff\xfe not text", "meta.yaml is not UTF-8 text."),
], ids=["nested-5000-deep", "not-utf8"])
def test_a_hostile_content_file_gets_one_plain_message(content_copy, raw, message):
    """PyYAML recurses once per level of nesting; 5,000 levels used to end in a RecursionError traceback."""
    path = content_copy / "meta.yaml"
    if isinstance(raw, bytes):
        path.write_bytes(raw)
    else:
        path.write_text(raw, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    assert str(caught.value) == f"Content file {message}"


def test_check_content_exits_non_zero_and_names_file_and_field(content_copy):
    break_content(content_copy, "readiness.yaml", "min_weeks: 6", "min_weeks: six")
    out = check_content_on(content_copy)
    assert out.returncode == 1
    assert "readiness.yaml" in out.stderr and "min_weeks" in out.stderr
    assert "Traceback" not in out.stderr


def test_the_app_shows_one_clear_error_and_no_numbers_on_broken_content(content_copy, monkeypatch):
    import streamlit as st

    break_content(content_copy, "figures/comparisons.yaml", "per_100: 95}", "per_100: lots}")
    monkeypatch.setenv(CONTENT_ENV, str(content_copy))
    st.cache_resource.clear()
    try:
        at = AppTest.from_file(APP, default_timeout=60).run()
        assert not at.exception
        assert len(at.error) == 1
        assert "figures/comparisons.yaml" in at.error[0].value and "per_100" in at.error[0].value
        assert not at.checkbox and not drawings(at)
    finally:
        monkeypatch.delenv(CONTENT_ENV)
        st.cache_resource.clear()


def test_no_two_sources_point_at_the_same_paper(content):
    # The MRC trial was once in the bibliography twice, under two ids, and printed twice in the PDF.
    # One paper may have two entries only when one of them is how a figure was seen second-hand
    # (e.g. Deyo 2010's deaths, seen in a news report): the entries then differ in secondary_via.
    for key in ("pmid", "doi"):
        seen: dict[tuple, str] = {}
        for s in content.sources:
            value = getattr(s, key)
            if value:
                ident = (value, s.secondary_via)
                assert ident not in seen, f"{s.id} and {seen[ident]} share {key} {value}"
                seen[ident] = s.id
