"""The clinical content: loading every file in ``content/`` once, and checking it as a whole.

Every clinical sentence and number the app shows lives in ``content/`` as YAML. Each file's
shape is a frozen pydantic model (``decision.content.models``, re-exported here); this module
assembles them into one ``Content`` and checks the references between files (every figure cites
a source in the bibliography, every option fills every row, no unverified figure). Code
elsewhere takes these models, never raw dicts.
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import cached_property
from pathlib import Path
from typing import Any, get_args

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from decision.content import page_strings
from decision.content.models import (
    HARM_SIDE,
    PRACTICAL_MAX_CHARS,
    Comparison,
    ComparisonKind,
    Deliberation,
    Design,
    Diagnosis,
    DiagnosisDecision,
    Figure,
    Frozen,
    Fusion,
    GlossaryTerm,
    Meta,
    Option,
    Policy,
    Program,
    Readiness,
    RedFlags,
    Scores,
    Source,
    Template,
)

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
CONTENT_ENV = "SPINE_AID_CONTENT"  # a clinic's reviewed copy of content/ can be used instead


def content_dir() -> Path:
    return Path(os.environ.get(CONTENT_ENV) or CONTENT_DIR)


class Content(Frozen):
    meta: Meta
    sources: tuple[Source, ...]
    figures: tuple[Figure, ...]
    comparisons: tuple[Comparison, ...] = ()
    template: Template
    options: tuple[Option, ...]
    red_flags: RedFlags
    readiness: Readiness
    program: Program
    fusion: Fusion
    deliberation: Deliberation
    scores: Scores
    glossary: tuple[GlossaryTerm, ...]
    pages: dict[str, str]  # short page intros and labels, patient-facing

    model_config = ConfigDict(frozen=True, extra="forbid", ignored_types=(cached_property,))

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def figure_by_id(self) -> dict[str, Figure]:
        """Every figure: those written as figures, and each arm of each comparison ("cid.oid")."""
        return {f.id: f for f in self.all_figures}

    @cached_property
    def all_figures(self) -> tuple[Figure, ...]:
        return self.figures + tuple(f for c in self.comparisons for f in c.arm_figures())

    @cached_property
    def comparison_by_id(self) -> dict[str, Comparison]:
        return {c.id: c for c in self.comparisons}

    def comparison(self, comparison_id: str) -> Comparison:
        return self.comparison_by_id[comparison_id]

    @cached_property
    def diagnosis_by_id(self) -> dict[str, DiagnosisDecision]:
        return {d.id: d for d in self.template.diagnoses}

    def decision_for(self, diagnosis: str) -> DiagnosisDecision:
        return self.diagnosis_by_id[diagnosis]

    @cached_property
    def option_by_id(self) -> dict[str, Option]:
        return {o.id: o for o in self.options}

    def option(self, option_id: str) -> Option:
        return self.option_by_id[option_id]

    def figure(self, figure_id: str) -> Figure:
        return self.figure_by_id[figure_id]

    def source(self, source_id: str) -> Source:
        return self.source_by_id[source_id]

    def policy(self, procedure: str, diagnosis: str) -> Policy | None:
        for p in self.readiness.policies:
            if p.procedure == procedure and diagnosis in p.diagnoses:
                return p
        return None

    @model_validator(mode="after")
    def _cross_references(self) -> Content:
        problems: list[str] = []
        source_ids = {s.id for s in self.sources}
        figure_ids = {f.id for f in self.all_figures}
        for dup in _duplicates(s.id for s in self.sources):
            problems.append(f"bibliography/: source id '{dup}' appears twice")
        for dup in _duplicates(f.id for f in self.figures):
            problems.append(f"figures/: figure id '{dup}' appears twice")
        for f in self.figures:
            if f.source not in source_ids:
                problems.append(f"figures/: figure '{f.id}' cites '{f.source}', which is not in bibliography/")
        rows = {r.id: r for r in self.template.rows}
        if set(self.template.option_order) != {o.id for o in self.options}:
            problems.append("template.yaml: option_order must list each option file exactly once")
        for o in self.options:
            where = f"options/{o.id}.yaml"
            problems += _cell_problems(where, "cells", o.cells, list(rows), source_ids)
            problems += _check_refs(f"{where}, field uncertain_sources", o.uncertain_sources, source_ids)
            problems += _cell_problems(where, "practical", o.practical, [r.id for r in self.template.practical_rows],
                                       source_ids, max_chars=PRACTICAL_MAX_CHARS)
        problems += _decision_problems(self, source_ids)
        problems += _overview_problems(self)
        for level, action in self.red_flags.levels.items():
            problems += _check_refs(f"red_flags.yaml (levels.{level})", action.sources, source_ids)
        for rule in self.red_flags.rules:
            problems += _check_refs(f"red_flags.yaml (rules.{rule.id})", rule.sources, source_ids)
        problems += _check_refs("readiness.yaml (nicotine)", self.readiness.nicotine.why_sources, source_ids)
        for kind, item in self.readiness.not_counting.items():
            problems += _check_refs(f"readiness.yaml (not_counting.{kind})", item.sources, source_ids)
        for p in self.readiness.policies:
            problems += _check_refs(f"readiness.yaml ({p.procedure})", p.sources, source_ids)
        problems += _check_refs("readiness.yaml (early pain)", self.readiness.early_pain_sources, source_ids)
        rules = self.readiness
        for name, ids in (("helped", (*rules.helped.sources, *rules.helped.yes_sources)),
                          ("limits", rules.limits.sources), ("surgeon", rules.surgeon.sources)):
            problems += _check_refs(f"readiness.yaml ({name})", ids, source_ids)
        for p in rules.policies:
            for req in p.requirements:
                if req.waiver:
                    where = f"readiness.yaml ({p.procedure}) {req.id}.waiver"
                    problems += _check_refs(where, req.waiver.sources, source_ids)
        for part in self.program.parts:
            problems += _check_refs(f"program.yaml ({part.id})", part.sources, source_ids)
        for q in self.fusion.questions:
            problems += _check_refs(f"fusion.yaml ({q.id})", q.sources, source_ids)
            problems += _check_refs(f"fusion.yaml ({q.id}) figures", q.figures, figure_ids)
        problems += _check_refs("fusion.yaml (reoperation sources)", self.fusion.reoperation.sources, source_ids)
        problems += _check_refs(
            "fusion.yaml (reoperation)",
            self.fusion.reoperation.figures + self.fusion.reoperation.after_non_operative,
            figure_ids,
        )
        comparisons = {c.id: c for c in self.comparisons}
        for value in self.deliberation.values.items:
            for n, r in enumerate(value.reasons):
                c = comparisons.get(r.comparison)
                where = f"deliberation.yaml, field values.items.{value.id}.reasons.{n}.comparison"
                if c is None:
                    problems.append(f"{where}: '{r.comparison}' is not a comparison in figures/")
                elif r.option not in c.arms:
                    problems.append(
                        f"{where}: '{r.comparison}' has no arm for {r.option}, so it cannot be this option's reason")
        for quiz in self.deliberation.quiz.questions:
            if quiz.answer not in {choice.id for choice in quiz.choices}:
                problems.append(
                    f"deliberation.yaml: quiz question '{quiz.id}' answer '{quiz.answer}' is not one of its choices")
            if quiz.figure:
                problems += _check_refs(f"deliberation.yaml (quiz.{quiz.id})", (quiz.figure,), figure_ids)
            if quiz.source:
                problems += _check_refs(f"deliberation.yaml (quiz.{quiz.id})", (quiz.source,), source_ids)
        problems += _check_refs("deliberation.yaml (sure)", (self.deliberation.sure.source,), source_ids)
        problems += _check_refs("scores.yaml", (self.scores.oswestry_source,), source_ids)
        problems += _check_refs("meta.yaml (seed_source)", (self.meta.seed_source,), source_ids)
        if problems:
            raise ValueError("; ".join(problems))
        return self


def _decision_problems(content: Content, source_ids: set[str]) -> list[str]:
    """Rules 2 and 3 of the comparison: every comparison cites a known source and applies only
    where all its arms are options; every option of a diagnosis has a benefit and a harm; fusion's
    harms cover the topics template.yaml names. Messages name the file and field to fix."""
    problems: list[str] = []
    t = content.template
    for dup in _duplicates(c.id for c in content.comparisons):
        problems.append(f"figures/: comparison id '{dup}' appears twice")
    listed = [d.id for d in t.diagnoses]
    for dup in _duplicates(listed):
        problems.append(f"template.yaml, field diagnoses: '{dup}' appears twice")
    for d in get_args(Diagnosis):
        if d not in listed:
            problems.append(f"template.yaml, field diagnoses: '{d}' is missing")
    for kind in get_args(ComparisonKind):
        if kind not in t.kinds:
            problems.append(f"template.yaml, field kinds: '{kind}' needs a heading")
    for design in get_args(Design):
        if design not in t.designs:
            problems.append(f"template.yaml, field designs: '{design}' needs words")
    options_of = {d.id: set(d.options) for d in t.diagnoses}
    for d in t.diagnoses:
        for oid in d.options:
            if oid not in {o.id for o in content.options}:
                problems.append(f"template.yaml, field diagnoses.{d.id}.options: '{oid}' is not an option file")
            elif d.id not in content.option(oid).fits:
                problems.append(f"options/{oid}.yaml, field fits: must list '{d.id}', whose decision names this option")
    for o in content.options:
        for d in o.fits:
            if d in options_of and o.id not in options_of[d]:
                problems.append(f"template.yaml, field diagnoses.{d}.options: must name '{o.id}', which fits it")
    for c in content.comparisons:
        where = f"figures/ comparison '{c.id}'"
        if c.source not in source_ids:
            problems.append(f"{where}, field source: '{c.source}' is not in bibliography/")
        for d in c.applies_to:
            stray = [a for a in c.arms if a not in options_of.get(d, set())]
            if stray:
                problems.append(
                    f"{where}, field applies_to: for '{d}' the arm(s) {', '.join(stray)} are not among its options")
    for d in t.diagnoses:
        here = [c for c in content.comparisons if d.id in c.applies_to]
        for oid in d.options:
            mine = [c for c in here if oid in c.arms]
            where = f"figures/ (comparisons for template.yaml diagnoses.{d.id}, option {oid})"
            if not any(c.kind == "benefit" for c in mine):
                problems.append(f"{where}: no benefit comparison")
            if not any(c.kind in HARM_SIDE for c in mine):
                problems.append(f"{where}: no harm comparison (harm, another_operation or operation_later)")
            if oid == "non_operative":
                # A first operation later is an outcome of the path, not a harm of the care: it does
                # not count. A real harm comparison is needed, or the diagnosis must say plainly
                # that the evidence has no number for one.
                real = any(c.kind == "harm" for c in mine)
                no_harm = d.non_operative_no_harm
                said = no_harm is not None and no_harm.text.strip()
                if not real and not said:
                    problems.append(
                        f"{where}: no harm comparison for care without surgery (operation_later does not count); "
                        f"add one, or say in template.yaml diagnoses.{d.id}.non_operative_no_harm that the evidence "
                        "has none")
                if real and said:
                    problems.append(
                        f"template.yaml, field diagnoses.{d.id}.non_operative_no_harm: there is a harm comparison "
                        "for care without surgery, so do not say there is none")
                if said and no_harm is not None:  # (said implies it; spelled out for the type checker)
                    problems += _check_refs(f"template.yaml, field diagnoses.{d.id}.non_operative_no_harm.sources",
                                            no_harm.sources, source_ids)
            if oid == "fusion":
                covered = {c.topic for c in mine if c.kind in ("harm", "another_operation")}
                for topic in t.fusion_harms:
                    if topic not in covered:
                        problems.append(f"{where}: fusion's harms have no '{topic}' comparison")
    return problems


def _cell_problems(where: str, field: str, cells: dict, rows: list[str], source_ids: set[str],
                   max_chars: int | None = None) -> list[str]:
    """An option's cells for one grid: every row filled, no other row, numbers cited, short where asked."""
    problems = []
    missing = [r for r in rows if r not in cells]
    extra = [c for c in cells if c not in rows]
    if missing:
        problems.append(f"{where}: {field} is missing the row(s) {', '.join(missing)}")
    if extra:
        problems.append(f"{where}: {field} has row(s) not in template.yaml: {', '.join(extra)}")
    for row_id, cell in cells.items():
        if max_chars is not None and len(cell.text) > max_chars:
            problems.append(f"{where}, field {field}.{row_id}.text: longer than {max_chars} characters; "
                            "the full text belongs in cells")
        if any(ch.isdigit() for ch in cell.text) and not cell.sources:
            problems.append(
                f"{where}, field {field}.{row_id}.sources: the text has a number, so it must cite its source")
        problems += _check_refs(f"{where}, field {field}.{row_id}.sources", cell.sources, source_ids)
    return problems


def _overview_problems(content: Content) -> list[str]:
    """The overview grid of each diagnosis (issue 11, layer 1) is fair by construction: every row is
    a comparison of that diagnosis (one study, one time frame), a gap row has its short sentence,
    every option has a benefit row and a harm-side row with its own number, and there are at least
    as many harm-side rows as benefit rows."""
    problems: list[str] = []
    t = content.template
    for design in get_args(Design):
        if design not in t.designs_short:
            problems.append(f"template.yaml, field designs_short: '{design}' needs words")
    for d in t.diagnoses:
        where = f"template.yaml, field diagnoses.{d.id}.overview"
        if not d.options:
            if d.overview:
                problems.append(f"{where}: a diagnosis with no options has no numbers, so no overview")
            continue
        if len(d.overview) < 3:
            problems.append(f"{where}: list at least 3 comparisons")
        for dup in _duplicates(d.overview):
            problems.append(f"{where}: '{dup}' appears twice")
        rows = []
        for cid in d.overview:
            c = content.comparison_by_id.get(cid)
            if c is None:
                problems.append(f"{where}: '{cid}' is not a comparison in figures/")
            elif d.id not in c.applies_to:
                problems.append(f"{where}: '{cid}' does not apply to {d.id}")
            elif c.measure == "gap" and not (c.gap and c.gap.short):
                problems.append(
                    f"figures/ comparison '{cid}', field gap.short: a gap in an overview needs its short sentence")
            else:
                rows.append(c)
        benefit = [c for c in rows if c.kind == "benefit"]
        harm_side = [c for c in rows if c.kind in HARM_SIDE]
        if len(harm_side) < len(benefit):
            problems.append(
                f"{where}: {len(benefit)} benefit rows but {len(harm_side)} harm rows; show harms in equal detail")
        for oid in d.options:
            if not any(oid in c.arms for c in benefit):
                problems.append(f"{where}: no benefit row with a number for {oid}")
            if not any(oid in c.arms for c in harm_side):
                problems.append(
                    f"{where}: no harm row (harm, another operation, or an operation later) with a number for {oid}")
    return problems


def _duplicates(ids) -> list[str]:
    seen, dups = set(), []
    for i in ids:
        if i in seen:
            dups.append(i)
        seen.add(i)
    return dups


def _check_refs(where: str, refs, known: set[str]) -> list[str]:
    return [f"{where}: '{r}' is not defined" for r in refs if r not in known]


# ---------------------------------------------------------------- loading


class ContentError(Exception):
    """Content that cannot be used. ``str()`` is one plain message naming file and field."""


# One file per part of Content. Three parts are folders, so several authors can work side by
# side: bibliography/ and figures/ (lists merged across files) and options/ (one file per option).
FILES: dict[str, str] = {
    "meta": "meta.yaml",
    "template": "template.yaml",
    "red_flags": "red_flags.yaml",
    "readiness": "readiness.yaml",
    "program": "program.yaml",
    "fusion": "fusion.yaml",
    "deliberation": "deliberation.yaml",
    "scores": "scores.yaml",
    "glossary": "glossary.yaml",
    "pages": "pages.yaml",
}
LIST_FOLDERS: dict[str, str] = {"sources": "bibliography", "figures": "figures"}


def content_files(root: Path | None = None) -> list[Path]:
    """Every file the loader reads, so tests can be parametrised over them."""
    root = Path(root) if root else content_dir()
    files = [root / name for name in FILES.values()]
    for folder in (*LIST_FOLDERS.values(), "options"):
        files += sorted((root / folder).glob("*.yaml"))
    return files


def content_fingerprint(root: Path | None = None) -> str:
    """sha256 over every content file the loader reads (names and bytes), in a fixed order: which
    content a report was made from (reading_level.json), and which one a server started with."""
    root = Path(root) if root else content_dir()
    digest = hashlib.sha256()
    for path in content_files(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"(missing)")
        digest.update(b"\0")
    return digest.hexdigest()


def _read_yaml(path: Path, root: Path):
    rel = path.relative_to(root).as_posix()
    if not path.is_file():
        raise ContentError(f"Content file {rel} is missing.")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        raise ContentError(f"Content file {rel} is not valid YAML{at}.") from None


def _field_path(loc: tuple) -> str:
    return ".".join(str(p) for p in loc) or "(top level)"


def _validation_message(rel: str, exc: ValidationError) -> str:
    first = exc.errors()[0]
    more = f" (and {exc.error_count() - 1} more problem(s))" if exc.error_count() > 1 else ""
    return f"Content file {rel}, field {_field_path(first['loc'])}: {first['msg']}{more}."


# Which model checks each file on its own, so an error names the file it is in.
_PART_MODELS: dict[str, type[BaseModel]] = {
    "meta": Meta,
    "template": Template,
    "red_flags": RedFlags,
    "readiness": Readiness,
    "program": Program,
    "fusion": Fusion,
    "deliberation": Deliberation,
    "scores": Scores,
}


def _load_list(root: Path, key: str, folder: str, model, *, optional: bool = False,
               read: dict[str, Any] | None = None) -> list:
    items: list = []
    paths = sorted((root / folder).glob("*.yaml"))
    if not paths:
        raise ContentError(f"Content folder {folder}/ has no files.")
    for path in paths:
        rel = path.relative_to(root).as_posix()
        data = _read_yaml(path, root)
        if read is not None:
            read[rel] = data
        listed = data.get(key) if isinstance(data, dict) else None
        if optional and isinstance(data, dict) and key not in data:
            continue
        if not isinstance(listed, list):
            raise ContentError(f"Content file {rel}, field {key}: expected a list.")
        for i, item in enumerate(listed):
            try:
                model.model_validate(item)
            except ValidationError as exc:
                ident = item.get("id") if isinstance(item, dict) else None
                where = f"{key}.{i}" + (f" ({ident})" if ident else "")
                first = exc.errors()[0]
                field, msg = _field_path(first["loc"]), first["msg"]
                # A rule between fields (a model validator) names its field at the start: "arms: ..."
                named = re.match(r"^Value error, ([\w.]+): (.*)$", msg, re.S)
                if named and not first["loc"]:
                    field, msg = named.group(1), named.group(2)
                raise ContentError(f"Content file {rel}, field {where}.{field}: {msg}.") from None
        items += listed
    return items


def load_content(root: Path | None = None) -> Content:
    """Read and validate every content file. Raises ContentError naming the file and field."""
    root = Path(root) if root else content_dir()
    read: dict[str, Any] = {}  # each file's data by its path in content/, for the strings' contract
    raw: dict = {
        "sources": _load_list(root, "sources", "bibliography", Source, read=read),
        "figures": _load_list(root, "figures", "figures", Figure, optional=True, read=read),
        "comparisons": _load_list(root, "comparisons", "figures", Comparison, optional=True),
    }
    for key, name in FILES.items():
        data = _read_yaml(root / name, root)
        read[name] = data
        if key == "glossary":
            terms = data.get("terms") if isinstance(data, dict) else None
            if not isinstance(terms, list):
                raise ContentError(f"Content file {name}, field terms: expected a list.")
            data = terms
        if key in _PART_MODELS:
            try:
                _PART_MODELS[key].model_validate(data)
            except ValidationError as exc:
                raise ContentError(_validation_message(name, exc)) from None
        raw[key] = data
    options = []
    for path in sorted((root / "options").glob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        data = _read_yaml(path, root)
        try:
            options.append(Option.model_validate(data))
        except ValidationError as exc:
            raise ContentError(_validation_message(rel, exc)) from None
        if data.get("id") != path.stem:
            raise ContentError(f"Content file {rel}, field id: must be '{path.stem}', the file's name.")
        read[rel] = data
    raw["options"] = options
    try:
        content = Content.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ContentError(f"Content check failed: {first['msg'].removeprefix('Value error, ')}.") from None
    # A key a page reads, or a placeholder its code does not fill, breaks the page as it draws
    # (decision/page_strings.py): refused here, so every check that loads content sees it.
    broken = [problem for rel, data in read.items() for problem in page_strings.problems(rel, data)]
    if broken:
        more = f" (and {len(broken) - 1} more problem(s))" if len(broken) > 1 else ""
        raise ContentError(f"{broken[0]}{more}.")
    return content
