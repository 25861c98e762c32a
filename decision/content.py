"""The clinical content: loading every file in ``content/`` once, and checking it as a whole.

Every clinical sentence and number the app shows lives in ``content/`` as YAML. Each file's
shape is a frozen pydantic model (``decision.content_schema``, re-exported here); this module
assembles them into one ``Content`` and checks the references between files (every figure cites
a source in the bibliography, every option fills every row, no unverified figure). Code
elsewhere takes these models, never raw dicts.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import ConfigDict, ValidationError, model_validator

from decision.rules_schema import (  # noqa: F401  (re-exported)
    RedFlagId,
    Level,
    LEVEL_ORDER,
    RedFlag,
    RedFlagRule,
    Action,
    RedFlags,
    Requirement,
    Policy,
    Nicotine,
    NotCounting,
    Readiness,
)
from decision.content_schema import (  # noqa: F401  (re-exported: the models are part of this module's API)
    Label,
    Diagnosis,
    OptionId,
    TreatmentKind,
    Horizon,
    Frozen,
    Source,
    Figure,
    Row,
    Cell,
    Option,
    Template,
    ProgramPart,
    Program,
    Choice,
    FusionQuestion,
    Reoperation,
    PlanFieldId,
    PlanField,
    Fusion,
    Reason,
    ValueItem,
    Values,
    QuizChoice,
    QuizQuestion,
    Quiz,
    SureItem,
    Sure,
    SuggestedQuestion,
    Deliberation,
    OswestryBand,
    Scores,
    Meta,
    GlossaryTerm,
)

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
CONTENT_ENV = "SPINE_AID_CONTENT"  # a clinic's reviewed copy of content/ can be used instead


def content_dir() -> Path:
    return Path(os.environ.get(CONTENT_ENV) or CONTENT_DIR)


class Content(Frozen):
    meta: Meta
    sources: tuple[Source, ...]
    figures: tuple[Figure, ...]
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
        return {f.id: f for f in self.figures}

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
    def _cross_references(self) -> "Content":
        problems: list[str] = []
        source_ids = {s.id for s in self.sources}
        figure_ids = {f.id for f in self.figures}
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
            missing = [r for r in rows if r not in o.cells]
            extra = [c for c in o.cells if c not in rows]
            if missing:
                problems.append(f"{where}: cells is missing the row(s) {', '.join(missing)}")
            if extra:
                problems.append(f"{where}: cells has row(s) not in template.yaml: {', '.join(extra)}")
            for row_id, cell in o.cells.items():
                row = rows.get(row_id)
                for fid in cell.figures:
                    if fid not in figure_ids:
                        problems.append(f"{where}: cells.{row_id} names figure '{fid}', which is not in figures/")
                    elif row and row.horizon and self.figure_by_id[fid].horizon != row.horizon:
                        problems.append(
                            f"{where}: cells.{row_id} figure '{fid}' has horizon "
                            f"'{self.figure_by_id[fid].horizon}', but the row compares at '{row.horizon}'"
                        )
                if row and row.kind == "text" and cell.figures:
                    problems.append(f"{where}: cells.{row_id} is a text row and cannot hold figures")
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
        for item in self.deliberation.values.items:
            for r in item.reasons:
                if r.figure:
                    problems += _check_refs(f"deliberation.yaml (values.{item.id})", (r.figure,), figure_ids)
                if r.source:
                    problems += _check_refs(f"deliberation.yaml (values.{item.id})", (r.source,), source_ids)
        for q in self.deliberation.quiz.questions:
            if q.answer not in {c.id for c in q.choices}:
                problems.append(f"deliberation.yaml: quiz question '{q.id}' answer '{q.answer}' is not one of its choices")
            if q.figure:
                problems += _check_refs(f"deliberation.yaml (quiz.{q.id})", (q.figure,), figure_ids)
            if q.source:
                problems += _check_refs(f"deliberation.yaml (quiz.{q.id})", (q.source,), source_ids)
        problems += _check_refs("deliberation.yaml (sure)", (self.deliberation.sure.source,), source_ids)
        problems += _check_refs("scores.yaml", (self.scores.oswestry_source,), source_ids)
        problems += _check_refs("meta.yaml (seed_source)", (self.meta.seed_source,), source_ids)
        if problems:
            raise ValueError("; ".join(problems))
        return self


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
_PART_MODELS = {
    "meta": Meta,
    "template": Template,
    "red_flags": RedFlags,
    "readiness": Readiness,
    "program": Program,
    "fusion": Fusion,
    "deliberation": Deliberation,
    "scores": Scores,
}


def _load_list(root: Path, key: str, folder: str, model) -> list:
    items: list = []
    paths = sorted((root / folder).glob("*.yaml"))
    if not paths:
        raise ContentError(f"Content folder {folder}/ has no files.")
    for path in paths:
        rel = path.relative_to(root).as_posix()
        data = _read_yaml(path, root)
        listed = data.get(key) if isinstance(data, dict) else None
        if not isinstance(listed, list):
            raise ContentError(f"Content file {rel}, field {key}: expected a list.")
        for i, item in enumerate(listed):
            try:
                model.model_validate(item)
            except ValidationError as exc:
                ident = item.get("id") if isinstance(item, dict) else None
                where = f"{key}.{i}" + (f" ({ident})" if ident else "")
                first = exc.errors()[0]
                raise ContentError(
                    f"Content file {rel}, field {where}.{_field_path(first['loc'])}: {first['msg']}."
                ) from None
        items += listed
    return items


def load_content(root: Path | None = None) -> Content:
    """Read and validate every content file. Raises ContentError naming the file and field."""
    root = Path(root) if root else content_dir()
    raw: dict = {
        "sources": _load_list(root, "sources", "bibliography", Source),
        "figures": _load_list(root, "figures", "figures", Figure),
    }
    for key, name in FILES.items():
        data = _read_yaml(root / name, root)
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
    raw["options"] = options
    try:
        return Content.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ContentError(f"Content check failed: {first['msg'].removeprefix('Value error, ')}.") from None
