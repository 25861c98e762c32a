"""The patient's record: everything the patient and the surgeon enter, in one model.

One ``DecisionRecord`` per browser session is the single source of truth; every page reads it
and writes it. Its JSON is the save file. ``schema_version`` says which shape a file has:
version 1 is the first shape (the readiness fields only); version 2 adds the deliberation,
clinic and fusion-plan fields. Older files are migrated on load, so a file saved at home last
month still opens.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from decision.content import Diagnosis, OptionId, RedFlagId, TreatmentKind

SCHEMA_VERSION = 2
MAX_FILE_BYTES = 1_000_000  # 1 MB: a record is a few kilobytes; anything larger is not ours

Procedure = Literal["microdiscectomy", "laminectomy", "fusion", "none_yet"]
Helped = Literal["yes", "partly", "no", "not_sure"]
YesNoUndecided = Literal["yes", "no", "undecided"]

_TEXT_LIMIT = 2000

# Limits every save file must keep, checked before the model sees it (see parse_record). The
# model's own field limits are tighter; these bound what any field, including a new one, can be.
MAX_DEPTH = 8  # the record nests 3 deep (sure → before → sure); a file is never deeper than this
MAX_ITEMS = 100  # entries in any one list or dict
MAX_STRING = _TEXT_LIMIT  # characters in any one string
MAX_KEY = 60  # characters in any one dict key
MAX_NUMBER_CHARS = 20  # digits of any number, so a 5,000-digit integer is refused before it is converted
MAX_RATINGS = 40  # values and quiz answers: the content has far fewer items; this bounds a file


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Treatment(Strict):
    kind: TreatmentKind
    weeks: int = Field(ge=0, le=1040)
    visits: int | None = Field(default=None, ge=0, le=500)
    helped: Helped | None = None


class FusionPlan(Strict):
    with_decompression: YesNoUndecided = "undecided"
    instrumentation: Literal["pedicle_screws", "none", "undecided"] = "undecided"
    approach: Literal["posterior", "anterior", "lateral", "combined_360", "undecided"] = "undecided"
    interbody_cage: YesNoUndecided = "undecided"
    segments: Literal[1, 2, 3] | None = None
    surgeon_notes: str = Field(default="", max_length=_TEXT_LIMIT)

    def is_blank(self) -> bool:
        return self == FusionPlan()


class Clinical(Strict):
    """What the surgeon adds in clinic."""

    confirmed_diagnosis: str = Field(default="", max_length=_TEXT_LIMIT)
    imaging_findings: str = Field(default="", max_length=_TEXT_LIMIT)
    proposed_operation: Procedure | None = None


class Oswestry(Strict):
    """Section scores 0-5 (None for a section left blank), or a total entered directly."""

    sections: list[int | None] = Field(default_factory=lambda: [None] * 10, min_length=10, max_length=10)
    total_percent: float | None = Field(default=None, ge=0, le=100)

    @field_validator("sections")
    @classmethod
    def _range(cls, v: list[int | None]) -> list[int | None]:
        for s in v:
            if s is not None and not 0 <= s <= 5:
                raise ValueError("each Oswestry section score is 0 to 5")
        return v


class SureAnswers(Strict):
    sure: bool | None = None
    understand: bool | None = None
    risk_benefit: bool | None = None
    encouragement: bool | None = None


class Sure(Strict):
    before: SureAnswers = Field(default_factory=SureAnswers)
    after: SureAnswers = Field(default_factory=SureAnswers)


class DecisionReached(Strict):
    choice: OptionId | Literal["more_time_needed"]
    on: date


class DecisionRecord(Strict):
    schema_version: Literal[2] = SCHEMA_VERSION
    patient_initials: str = Field(default="", max_length=4, pattern=r"^[A-Za-z .'-]*$")

    # Safety screen
    safety_screen_done: bool = False
    red_flags: list[RedFlagId] = Field(default_factory=list)

    # Your back
    diagnosis: Diagnosis = "not_sure"
    procedure: Procedure = "none_yet"
    symptom_weeks: int | None = Field(default=None, ge=0, le=5200)
    worst_pain: Literal["back", "leg", "both"] | None = None
    pain_back: int | None = Field(default=None, ge=0, le=10)
    pain_leg: int | None = Field(default=None, ge=0, le=10)
    oswestry: Oswestry = Field(default_factory=Oswestry)

    # Your care so far (one entry per kind of treatment)
    treatments: list[Treatment] = Field(default_factory=list, max_length=len(get_args(TreatmentKind)))

    # Fusion questions and the surgeon's plan
    clinical: Clinical = Field(default_factory=Clinical)
    fusion_plan: FusionPlan = Field(default_factory=FusionPlan)
    fusion_patient_notes: str = Field(default="", max_length=_TEXT_LIMIT)

    # Deliberation
    values: dict[str, int] = Field(default_factory=dict, max_length=MAX_RATINGS)
    own_concerns: list[str] = Field(default_factory=list, max_length=20)
    quiz: dict[str, str] = Field(default_factory=dict, max_length=MAX_RATINGS)
    leaning: OptionId | Literal["not_sure"] | None = None
    decision_role: Literal["myself", "together", "surgeon"] | None = None
    sure: Sure = Field(default_factory=Sure)
    questions: list[str] = Field(default_factory=list, max_length=40)

    # Clinic
    decision_reached: DecisionReached | None = None

    @field_validator("red_flags")
    @classmethod
    def _unique_flags(cls, v: list[str]) -> list[str]:
        return list(dict.fromkeys(v))

    @field_validator("values")
    @classmethod
    def _ratings(cls, v: dict[str, int]) -> dict[str, int]:
        for rating in v.values():
            if not 0 <= rating <= 10:
                raise ValueError("each rating must be 0 to 10")
        return v

    @field_validator("treatments")
    @classmethod
    def _one_per_kind(cls, v: list[Treatment]) -> list[Treatment]:
        if len({t.kind for t in v}) != len(v):
            raise ValueError("each kind of treatment may appear only once")
        return v

    @field_validator("own_concerns", "questions")
    @classmethod
    def _short_texts(cls, v: list[str]) -> list[str]:
        for text in v:
            if len(text) > _TEXT_LIMIT:
                raise ValueError(f"a text is longer than {_TEXT_LIMIT} characters")
        return v

    # ------------------------------------------------------------ save file

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)


class RecordError(Exception):
    """A save file that cannot be used. ``str()`` is one plain sentence for the user."""


def _migrate(data: dict) -> dict:
    """Bring an older save file up to the current shape."""
    version = data.get("schema_version")
    if version == 1:
        # Version 1 held the readiness fields only; everything added in version 2 has a default.
        data = {**data, "schema_version": 2}
    return data


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


def _number(text: str, kind):
    if len(text) > MAX_NUMBER_CHARS:
        raise _TooLong
    return kind(text)


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


def _place(loc) -> str:
    """A field's place, e.g. ``treatments → 0 → kind``; parts that are not plain names are left out."""
    parts = []
    for part in loc:
        if isinstance(part, int) and not isinstance(part, bool):
            parts.append(str(part))
        elif isinstance(part, str) and _NAME.match(part):
            parts.append(part)
    return " → ".join(parts) or "the top level"


def _text_problem(text: str, limit: int) -> str | None:
    if len(text) > limit:
        return f"a text is longer than {limit:,} characters"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "a text holds a broken character"
    if any(unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS for c in text):
        return "a text holds a control character"
    return None


def _check_tree(value: Any, loc: tuple) -> None:
    """Every string valid text within its limit, every list and dict within MAX_ITEMS."""
    if isinstance(value, str):
        problem = _text_problem(value, MAX_STRING)
        if problem:
            raise RecordError(f"This file has a wrong value at {_place(loc)}: {problem}.")
    elif isinstance(value, list):
        if len(value) > MAX_ITEMS:
            raise RecordError(f"This file has a wrong value at {_place(loc)}: more than {MAX_ITEMS} entries.")
        for i, item in enumerate(value):
            _check_tree(item, (*loc, i))
    elif isinstance(value, dict):
        if len(value) > MAX_ITEMS:
            raise RecordError(f"This file has a wrong value at {_place(loc)}: more than {MAX_ITEMS} entries.")
        for key, item in value.items():
            problem = _text_problem(key, MAX_KEY)
            if problem:
                raise RecordError(f"This file has a wrong name in {_place(loc)}: {problem.replace('a text', 'a name')}.")
            _check_tree(item, (*loc, key))


def _plain_message(msg: str) -> str:
    """Pydantic's message, in our words where it speaks of programming types; one line, printable."""
    msg = msg.removeprefix("Value error, ")
    msg = "".join(c if c.isprintable() else " " for c in msg)
    return msg[:200]


def parse_record(raw: bytes | str) -> DecisionRecord:
    """Validate a save file. Raises RecordError with one plain sentence on any problem.

    In order: size; readable UTF-8 JSON; nesting depth (before parsing, so deep nesting cannot
    exhaust the stack); numbers no longer than MAX_NUMBER_CHARS (during parsing, before any
    conversion); every string, key, list and dict within its limit; then the model, in pydantic's
    strict mode (no "yes" for true, no "5" for 5), so every field, including one added later, gets
    the same checks.
    """
    size = len(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw)
    if size > MAX_FILE_BYTES:
        raise RecordError(f"This file is too large to be a saved record ({size:,} bytes; the limit is 1 MB).")
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise RecordError("This file is not a saved record: it is not readable JSON.") from None
    text = raw.removeprefix("\ufeff")
    if _depth(text) > MAX_DEPTH:
        raise RecordError(f"This file is not a saved record: it nests deeper than {MAX_DEPTH} levels.")
    try:
        data = json.loads(
            text,
            parse_int=lambda t: _number(t, int),
            parse_float=lambda t: _number(t, float),
            parse_constant=_no_constant,
        )
    except _TooLong:
        raise RecordError(f"This file has a number longer than {MAX_NUMBER_CHARS} digits.") from None
    except (ValueError, RecursionError):
        raise RecordError("This file is not a saved record: it is not readable JSON.") from None
    if not isinstance(data, dict):
        raise RecordError("This file is not a saved record: it does not hold a set of answers.")
    version = data.get("schema_version")
    if version is None:
        raise RecordError("This file is not a saved record: it has no schema_version.")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise RecordError("This file has an unknown schema_version.")
    if version > SCHEMA_VERSION:
        raise RecordError(
            f"This file was saved by a newer version of the aid (schema_version {min(version, 10**6)}); "
            f"this one reads up to {SCHEMA_VERSION}."
        )
    _check_tree(data, ())
    try:
        # Strict, from JSON: JSON's own types only (a date may be its ISO text).
        return DecisionRecord.model_validate_json(json.dumps(_migrate(data)), strict=True)
    except ValidationError as exc:
        first = exc.errors()[0]
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        if first["type"] == "extra_forbidden":
            where = _place(first["loc"][:-1])
            name = first["loc"][-1]
            what = f"“{name}” is not a field the aid knows" if _NAME.match(str(name)) else "a field the aid does not know"
            raise RecordError(f"This file has a wrong value at {where}: {what}{more}.") from None
        raise RecordError(
            f"This file has a wrong value at {_place(first['loc'])}: {_plain_message(first['msg'])}{more}."
        ) from None
