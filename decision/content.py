"""The clinical content: models, and loading every file in ``content/`` once.

Every clinical sentence and number the app shows lives in ``content/`` as YAML. This module
turns those files into frozen pydantic models and checks the cross-references (every figure
cites a source in the bibliography, every option row exists, no unverified figure). Code
elsewhere takes these models, never raw dicts.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
CONTENT_ENV = "SPINE_AID_CONTENT"  # a clinic's reviewed copy of content/ can be used instead


def content_dir() -> Path:
    return Path(os.environ.get(CONTENT_ENV) or CONTENT_DIR)

Label = Literal["V1", "V2"]
"""V1: seen in the primary source. V2: seen only in a secondary report (the app says so).
Unverified figures ("U") have no place here: the type refuses them."""

Diagnosis = Literal[
    "disc_herniation", "spinal_stenosis", "degenerative_spondylolisthesis", "chronic_low_back_pain", "not_sure"
]
OptionId = Literal["non_operative", "laminectomy", "microdiscectomy", "fusion"]
TreatmentKind = Literal[
    "physical_therapy",
    "home_exercise",
    "activity_modification",
    "acetaminophen",
    "nsaid",
    "nerve_pain_medication",
    "low_dose_antidepressant",
    "opioid",
    "epidural_steroid_injection",
    "psychological_therapy",
    "multidisciplinary_program",
    "heat_ice_massage_ultrasound",
]
RedFlagId = Literal[
    "saddle_numbness",
    "bladder_problems",
    "bowel_control_loss",
    "sciatica_both_legs",
    "new_sexual_dysfunction",
    "worsening_leg_weakness",
    "fever_or_feeling_unwell",
    "cancer_history",
    "unexplained_weight_loss",
    "recent_major_trauma",
]
Horizon = Literal["operation", "30_days", "90_days", "1_year", "2_years", "4_years", "5_years", "8_11_years", "over_time"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# ---------------------------------------------------------------- bibliography and figures


class Source(Frozen):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    authors: str
    title: str
    publisher: str  # journal or publisher
    year: int | None = Field(default=None, ge=1950, le=2100)  # None for an undated web page
    doi: str | None = None
    pmid: str | None = None
    url: str | None = None
    secondary_via: str | None = None  # where a V2 figure was seen

    @model_validator(mode="after")
    def _locatable(self) -> "Source":
        if not (self.doi or self.pmid or self.url):
            raise ValueError("a source needs a doi, a pmid or a url so a reader can find it")
        return self

    @property
    def citation(self) -> str:
        where = f"doi {self.doi}" if self.doi else f"PMID {self.pmid}" if self.pmid else self.url
        year = f", {self.year}" if self.year else ""
        via = f" Seen via {self.secondary_via}." if self.secondary_via else ""
        return f"{self.authors}. {self.title}. {self.publisher}{year}. {where}.{via}"


class Figure(Frozen):
    """One number, always as N in 100 people, with its time frame, population, source and label."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    outcome: str  # plain words, completes "N in 100 people ..."
    per_100: float = Field(ge=0, le=100)
    low: float | None = Field(default=None, ge=0, le=100)
    high: float | None = Field(default=None, ge=0, le=100)
    time_frame: str  # plain words, e.g. "within 8 years"
    horizon: Horizon
    population: str  # who the number applies to
    source: str  # id in the bibliography
    label: Label
    kind: Literal["benefit", "harm", "reoperation", "natural_course", "context"]

    @model_validator(mode="after")
    def _range_brackets_value(self) -> "Figure":
        if (self.low is None) != (self.high is None):
            raise ValueError("give both low and high for a range, or neither")
        if self.low is not None and not (self.low <= self.per_100 <= self.high):
            raise ValueError("the range must contain the value")
        return self


# ---------------------------------------------------------------- the options and their template


class Row(Frozen):
    """One row of the comparison template. Every option fills every row, in this order."""

    id: str
    title: str
    kind: Literal["text", "figures"]
    horizon: Horizon | None = None  # when set, every figure in the row shares this time frame
    help: str = ""


class Cell(Frozen):
    text: str
    figures: tuple[str, ...] = ()


class Option(Frozen):
    id: OptionId
    name: str
    summary: str
    fits: tuple[Diagnosis, ...]
    cells: dict[str, Cell]
    uncertain: str  # what is not known, said out loud


class Template(Frozen):
    rows: tuple[Row, ...]
    option_order: tuple[OptionId, ...]
    notes: tuple[str, ...]  # plain statements shown above the comparison (crossover, as-treated)


# ---------------------------------------------------------------- safety and readiness


class RedFlag(Frozen):
    id: RedFlagId
    question: str  # asked of the patient
    group: Literal["cauda_equina", "urgent"]


class Action(Frozen):
    title: str
    message: str
    sources: tuple[str, ...]


class RedFlags(Frozen):
    intro: str
    flags: tuple[RedFlag, ...]
    emergency: Action
    urgent: Action
    none_apply: str  # label of the explicit "none of these" answer


class Requirement(Frozen):
    """Part of a program: at least ``min_distinct`` kinds from ``any_of``, each given for at
    least ``min_weeks`` weeks or ``min_visits`` supervised visits (either is enough)."""

    id: str
    met: str  # plain words shown when the requirement is met
    missing: str  # plain words shown when it is not
    any_of: tuple[TreatmentKind, ...]
    min_distinct: int = Field(default=1, ge=1)
    min_weeks: int | None = Field(default=None, ge=0)
    min_visits: int | None = Field(default=None, ge=0)


class Policy(Frozen):
    procedure: Literal["microdiscectomy", "laminectomy", "fusion"]
    diagnoses: tuple[Diagnosis, ...]
    min_weeks: int = Field(ge=0)
    requirements: tuple[Requirement, ...]
    notes: tuple[str, ...] = ()  # always shown with the result (e.g. NICE on fusion)
    sources: tuple[str, ...]


class Readiness(Frozen):
    not_counting: tuple[TreatmentKind, ...]  # never count toward a program
    policies: tuple[Policy, ...]
    early_pain_weeks: int  # under this many weeks: the self-care advice
    early_pain_advice: str
    early_pain_sources: tuple[str, ...]
    messages: dict[str, str]  # plain sentences with {placeholders}, keyed by situation
    status_titles: dict[str, str]


class ProgramPart(Frozen):
    id: str
    title: str
    text: str
    kinds: tuple[TreatmentKind, ...] = ()
    disagreement: str = ""
    sources: tuple[str, ...]


class Program(Frozen):
    intro: str
    parts: tuple[ProgramPart, ...]
    treatment_names: dict[TreatmentKind, str]
    helped_names: dict[str, str]


# ---------------------------------------------------------------- fusion questions


class Choice(Frozen):
    name: str
    involves: str


class FusionQuestion(Frozen):
    id: Literal["decompression_alone", "instrumentation", "approach", "cages_or_screws", "length"]
    question: str
    choices: tuple[Choice, ...]
    known: str
    figures: tuple[str, ...]
    not_known: str
    ask: tuple[str, ...] = Field(min_length=2, max_length=3)
    sources: tuple[str, ...]


class Reoperation(Frozen):
    title: str
    intro: str
    figures: tuple[str, ...]
    after_non_operative: tuple[str, ...]
    caution: str
    sources: tuple[str, ...] = ()  # sources of statements in the words (figures cite their own)


PlanFieldId = Literal["with_decompression", "instrumentation", "approach", "interbody_cage", "segments"]


class PlanField(Frozen):
    """How one part of the surgeon's fusion plan is asked and shown: on a card, in the summary."""

    card: Literal["decompression_alone", "instrumentation", "approach", "cages_or_screws", "length"]
    field: PlanFieldId
    question: str  # asked of the surgeon on the card
    label: str  # short label in the summary
    values: dict[str, str]  # stored value (segments as "1", "2", "3"; "undecided" for none) -> words


class Fusion(Frozen):
    intro: str
    questions: tuple[FusionQuestion, ...]
    reoperation: Reoperation
    segments_caption: str
    plan: tuple[PlanField, ...] = Field(min_length=5, max_length=5)


# ---------------------------------------------------------------- deliberation


class Reason(Frozen):
    option: OptionId
    fit: Literal["tends_to_fit", "mixed", "tends_not_to_fit"]
    why: str
    figure: str | None = None  # a figure id the reason rests on, if any
    source: str | None = None


class ValueItem(Frozen):
    id: str
    label: str
    reasons: tuple[Reason, ...]


class Values(Frozen):
    intro: str
    disclaimer: str
    items: tuple[ValueItem, ...]


class QuizChoice(Frozen):
    id: str
    text: str


class QuizQuestion(Frozen):
    id: str
    question: str
    choices: tuple[QuizChoice, ...]
    answer: str
    explanation: str
    figure: str | None = None
    source: str | None = None


class Quiz(Frozen):
    intro: str
    questions: tuple[QuizQuestion, ...] = Field(min_length=6, max_length=8)


class SureItem(Frozen):
    id: Literal["sure", "understand", "risk_benefit", "encouragement"]
    question: str


class Sure(Frozen):
    intro: str
    items: tuple[SureItem, ...] = Field(min_length=4, max_length=4)
    conflict_message: str
    no_conflict_message: str
    source: str


class SuggestedQuestion(Frozen):
    id: str
    text: str
    options: tuple[OptionId, ...] = ()  # empty: for everyone


class Deliberation(Frozen):
    values: Values
    quiz: Quiz
    sure: Sure
    questions: tuple[SuggestedQuestion, ...]
    leaning_options: dict[str, str]
    decision_roles: dict[str, str]


class OswestryBand(Frozen):
    low: int = Field(ge=0, le=100)
    high: int = Field(ge=0, le=100)
    label: str


class Scores(Frozen):
    oswestry_intro: str
    oswestry_sections: tuple[str, ...] = Field(min_length=10, max_length=10)
    oswestry_bands: tuple[OswestryBand, ...]
    oswestry_source: str
    pain_intro: str


# ---------------------------------------------------------------- the aid itself


class Meta(Frozen):
    name: str
    content_version: str
    published: str
    last_review: str
    next_review: str
    authors: tuple[str, ...]
    funding: str
    conflicts: str
    update_policy: str
    evidence_method: str
    purpose: str
    not_for: tuple[str, ...]
    steps: tuple[str, ...]
    seed_source: str
    ipdas: tuple[dict[str, str], ...] = ()


class GlossaryTerm(Frozen):
    term: str
    meaning: str


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
        problems += _check_refs("red_flags.yaml", self.red_flags.emergency.sources + self.red_flags.urgent.sources, source_ids)
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
