"""Reading ``content/``: every file once, each checked by its model, assembled into one ``Content``.

Every clinical sentence and number the app shows lives in ``content/`` as YAML. This module finds
the files (``FILES``, ``content_files``, the folder a clinic may point at with ``SPINE_AID_CONTENT``),
fingerprints them, reads them, validates each against its model (``decision.content.models``) so an
error names the file and field it is in, and builds the ``Content`` (``decision.content.catalogue``),
whose assembly runs the checks across files (``decision.content.checks``). Anything wrong is one
plain ``ContentError``. Code elsewhere takes these models, never raw dicts.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from decision.content import page_strings
from decision.content.catalogue import Content
from decision.content.models import (
    Comparison,
    Conditions,
    Deliberation,
    Figure,
    Fusion,
    Meta,
    Option,
    Program,
    Readiness,
    RedFlags,
    Scores,
    Situation,
    Source,
    Template,
)

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
CONTENT_ENV = "SPINE_AID_CONTENT"  # a clinic's reviewed copy of content/ can be used instead


def content_dir() -> Path:
    return Path(os.environ.get(CONTENT_ENV) or CONTENT_DIR)


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
    "conditions": "conditions.yaml",
    "pages": "pages.yaml",
    "situation": "situation.yaml",
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
    # A translation's catalogue (content/es/...) is content too: a changed Spanish sentence is a
    # change a reviewer signs off again.
    for path in [*content_files(root), *sorted(root.glob("??/**/*.yaml"))]:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"(missing)")
        digest.update(b"\0")
    return digest.hexdigest()


def _read_yaml(path: Path, root: Path):
    rel = path.relative_to(root).as_posix()
    if not path.is_file():
        raise ContentError(f"Content file {rel} is missing.")
    return parse_yaml(path.read_bytes(), f"Content file {rel}", "content", ContentError)


def parse_yaml(raw: bytes, where: str, what: str, error: type[Exception]):
    """YAML from a file's bytes, or ``error`` with one plain message naming ``where`` (no traceback,
    nothing of the file echoed): the content's files and the sign-off record are read the same way."""
    try:
        return yaml.safe_load(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise error(f"{where} is not UTF-8 text.") from None
    except RecursionError:  # PyYAML recurses once per level of nesting: "[[[[...]]]]" overflows it
        raise error(f"{where} is nested too deeply to be {what}.") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        raise error(f"{where} is not valid YAML{at}.") from None


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
    "conditions": Conditions,
    "situation": Situation,
}


def _load_list(root: Path, key: str, folder: str, model, *, optional: bool = False,
               read: dict[str, Any] | None = None, read_yaml=_read_yaml, context: dict | None = None) -> list:
    items: list = []
    paths = sorted((root / folder).glob("*.yaml"))
    if not paths:
        raise ContentError(f"Content folder {folder}/ has no files.")
    for path in paths:
        rel = path.relative_to(root).as_posix()
        data = read_yaml(path, root)
        if read is not None:
            read[rel] = data
        listed = data.get(key) if isinstance(data, dict) else None
        if optional and isinstance(data, dict) and key not in data:
            continue
        if not isinstance(listed, list):
            raise ContentError(f"Content file {rel}, field {key}: expected a list.")
        for i, item in enumerate(listed):
            try:
                model.model_validate(item, context=context)
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


def load_content(root: Path | None = None, lang: str = "en") -> Content:
    """Read and validate every content file. Raises ContentError naming the file and field.

    ``lang="es"``: the same content with each patient-facing text replaced by its translation from
    ``content/es/`` (``decision.content.translation``), checked by the same models and checks, so its
    numbers, sources and ids are the English ones. English needs no catalogue and reads nothing more."""
    root = Path(root) if root else content_dir()
    if lang != "en":
        from decision.content.translation.overlay import translated_reader  # it loads the English first

        return _load(root, translated_reader(root, lang, _load(root, _read_yaml, "en")), lang)
    return _load(root, _read_yaml, "en")


def _load(root: Path, read_yaml, lang: str) -> Content:
    """Every file read with ``read_yaml(path, root)``, each checked by its model, then assembled."""
    # A wording rule written in English holds on the English only; English passes no context, as before.
    context = None if lang == "en" else {"lang": lang}
    read: dict[str, Any] = {}  # each file's data by its path in content/, for the strings' contract
    raw: dict = {
        "sources": _load_list(root, "sources", "bibliography", Source, read=read, read_yaml=read_yaml,
                              context=context),
        "figures": _load_list(root, "figures", "figures", Figure, optional=True, read=read, read_yaml=read_yaml,
                              context=context),
        "comparisons": _load_list(root, "comparisons", "figures", Comparison, optional=True, read_yaml=read_yaml,
                                  context=context),
    }
    for key, name in FILES.items():
        data = read_yaml(root / name, root)
        read[name] = data
        if key == "glossary":
            terms = data.get("terms") if isinstance(data, dict) else None
            if not isinstance(terms, list):
                raise ContentError(f"Content file {name}, field terms: expected a list.")
            data = terms
        if key in _PART_MODELS:
            try:
                _PART_MODELS[key].model_validate(data, context=context)
            except ValidationError as exc:
                raise ContentError(_validation_message(name, exc)) from None
        raw[key] = data
    options = []
    for path in sorted((root / "options").glob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        data = read_yaml(path, root)
        try:
            options.append(Option.model_validate(data, context=context))
        except ValidationError as exc:
            raise ContentError(_validation_message(rel, exc)) from None
        if data.get("id") != path.stem:
            raise ContentError(f"Content file {rel}, field id: must be '{path.stem}', the file's name.")
        read[rel] = data
    raw["options"] = options
    try:
        content = Content.model_validate({**raw, "lang": lang}, context=context)
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
