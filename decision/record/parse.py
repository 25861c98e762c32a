"""Reading a save file that may be broken or hostile: refused in one plain sentence, or accepted whole.

``parse_record`` runs the checks in a fixed order, each a named step below: the file's size and
encoding, its nesting depth (before parsing), its JSON (integers bounded, no NaN, no name given
twice), its schema version, its texts cleaned and every string, key, list and dict within the
limits of ``limits``; then the older shapes are migrated (``migrate``) and the model validates the
rest strictly. Any fault is a ``RecordError`` whose message names the field and never echoes what
the file holds.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from pydantic import ValidationError

from decision.record.limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_ITEMS, MAX_KEY, MAX_NUMBER_CHARS, MAX_STRING
from decision.record.messages import RecordError, pydantic_code
from decision.record.migrate import migrate
from decision.record.model import SCHEMA_VERSION, DecisionRecord
from decision.text import clean_tree

# ---------------------------------------------------------------- reading a file safely
#
# A save file comes from anywhere. It is refused in one plain sentence, or accepted whole. The
# sentence names the field and never repeats more than a few characters of what the file holds,
# and those only letters, digits and "_", so it cannot carry markup or terminal codes.

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,39}$")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_BRACKET = re.compile(r"[\[\]{}]")
_ALLOWED_CONTROLS = {"\n", "\r", "\t"}


class _TooLong(Exception):
    pass


class _Repeated(Exception):
    pass


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict:
    # json.loads keeps the last of two equal names, so a file could show a reader a red flag that
    # the aid would drop (issue 21). A name given twice is refused.
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise _Repeated
    return obj


def _integer(text: str) -> int:
    # Converting an integer's text costs time by its square, so its size is bounded first.
    if len(text) > MAX_NUMBER_CHARS:
        raise _TooLong
    return int(text)


# A decimal is checked by its value (the model's own limits), not by the length of its text: the
# app itself writes 0.0000123456789012345 as 1.2345678901234568e-05 (issue 21). float() reads any
# length in linear time, and the file is at most 1 MB.


def _no_constant(name: str):
    raise ValueError(name)  # NaN and Infinity are not JSON; json.loads would accept them


def _depth(text: str) -> int:
    """How deep the brackets nest, strings aside; stops counting past MAX_DEPTH."""
    depth = deepest = 0
    for bracket in _BRACKET.findall(_STRING.sub('""', text)):
        depth += 1 if bracket in "[{" else -1
        if depth > deepest:
            deepest = depth
            if deepest > MAX_DEPTH:
                break
    return deepest


def _place(loc) -> tuple:
    """A field's place, e.g. ``("treatments", 0, "kind")``; parts that are not plain names are left out."""
    return tuple(part for part in loc if (isinstance(part, int) and not isinstance(part, bool))
                 or (isinstance(part, str) and _NAME.match(part)))


def _text_problem(text: str, limit: int) -> str | None:
    """What is wrong with a text (or a name): "too_long", "broken" or "control"; None if nothing."""
    if len(text) > limit:
        return "too_long"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "broken"
    if any(unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS for c in text):
        return "control"
    return None


def _check_tree(value: Any, loc: tuple) -> None:
    """Every string valid text within its limit, every list and dict within MAX_ITEMS."""
    if isinstance(value, str):
        problem = _text_problem(value, MAX_STRING)
        if problem:
            raise RecordError(f"text_{problem}", place=_place(loc), **_limit(problem, MAX_STRING))
    elif isinstance(value, list):
        if len(value) > MAX_ITEMS:
            raise RecordError("too_many", place=_place(loc), limit=MAX_ITEMS)
        for i, item in enumerate(value):
            _check_tree(item, (*loc, i))
    elif isinstance(value, dict):
        if len(value) > MAX_ITEMS:
            raise RecordError("too_many", place=_place(loc), limit=MAX_ITEMS)
        for key, item in value.items():
            problem = _text_problem(key, MAX_KEY)
            if problem:
                raise RecordError(f"name_{problem}", place=_place(loc), **_limit(problem, MAX_KEY))
            _check_tree(item, (*loc, key))


def _limit(problem: str, limit: int) -> dict[str, int]:
    return {"limit": limit} if problem == "too_long" else {}


def parse_record(raw: bytes | str) -> DecisionRecord:
    """Validate a save file. Raises RecordError with one plain sentence on any problem.

    In order: size; readable UTF-8 JSON; nesting depth (before parsing, so deep nesting cannot
    exhaust the stack); integers no longer than MAX_NUMBER_CHARS (during parsing, before any
    conversion; a decimal is checked by its value); control and bidirectional characters removed
    from every text (decision/text.py); every string, key, list and dict within its limit; then the model, in pydantic's
    strict mode (no "yes" for true, no "5" for 5), so every field, including one added later, gets
    the same checks.
    """
    data = _loaded(_text_of(raw))
    _check_version(data)
    # Control and bidirectional characters in a text are removed, not refused: older versions of
    # the aid stored what the patient pasted (decision/text.py). Names are still checked as they are.
    data = clean_tree(data)
    _check_tree(data, ())
    return _validated(migrate(data))


def _text_of(raw: bytes | str) -> str:
    """The file as text: within MAX_FILE_BYTES, readable UTF-8, without a byte-order mark."""
    size = len(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw)
    if size > MAX_FILE_BYTES:
        raise RecordError("too_large", size=size)
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise RecordError("not_json") from None
    return raw.removeprefix("\ufeff")


def _loaded(text: str) -> dict:
    """The file's JSON, nested no deeper than MAX_DEPTH, its integers bounded, no name given twice."""
    if _depth(text) > MAX_DEPTH:
        raise RecordError("too_deep", levels=MAX_DEPTH)
    try:
        data = json.loads(
            text,
            parse_int=_integer,
            parse_constant=_no_constant,
            object_pairs_hook=_no_repeats,
        )
    except _TooLong:
        raise RecordError("long_number", digits=MAX_NUMBER_CHARS) from None
    except _Repeated:
        raise RecordError("repeated_name") from None
    except (ValueError, RecursionError):
        raise RecordError("not_json") from None
    if not isinstance(data, dict):
        raise RecordError("not_a_record")
    return data


def _check_version(data: dict) -> None:
    """A schema_version this aid reads: a whole number from 1 up to SCHEMA_VERSION."""
    version = data.get("schema_version")
    if version is None:
        raise RecordError("no_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise RecordError("unknown_version")
    if version > SCHEMA_VERSION:
        raise RecordError("newer_version", version=min(version, 10**6), newest=SCHEMA_VERSION)


def _validated(data: dict) -> DecisionRecord:
    """The model, from the file's (migrated) data, in strict mode; its first fault in plain words."""
    try:
        # Strict, from JSON: JSON's own types only (a date may be its ISO text).
        return DecisionRecord.model_validate_json(json.dumps(data), strict=True)
    except ValidationError as exc:
        first = exc.errors(include_input=False)[0]
        more = exc.error_count() - 1
        if first["type"] == "extra_forbidden":
            where = _place(first["loc"][:-1])
            name = first["loc"][-1]
            if isinstance(name, str) and _NAME.match(name):
                raise RecordError("unknown_field", place=where, more=more, name=name) from None
            raise RecordError("unknown_field_unnamed", place=where, more=more) from None
        code, numbers = pydantic_code(first["type"], first.get("ctx"))
        raise RecordError(code, place=_place(first["loc"]), more=more, **numbers) from None
