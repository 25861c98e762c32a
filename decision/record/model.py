"""The patient's record: everything the patient and the surgeon enter, in one model.

One ``DecisionRecord`` per browser session is the single source of truth; every page reads it
and writes it. Its JSON is the save file. ``schema_version`` says which shape a file has:
version 1 is the first shape (the readiness fields only); version 2 adds the deliberation,
clinic and fusion-plan fields; version 3 adds nicotine use (asked before a fusion), stores an
unanswered question as ``None`` (no answer is pre-set) and keeps quiz changes apart from the first
answers. Version 4 adds what the readiness check needs to judge need (issue 20): the whole span
of care in weeks (``care_weeks``), a doctor's word that pain medicines are not safe
(``medicines_unsuitable``) and the surgeon's view of whether the scan matches the symptoms
(``clinical.imaging_matches``); an older file was never asked, so each stays unanswered. Older
files are migrated on load, so a file saved at home last month still opens.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from typing import Any, Final, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from decision.content import Diagnosis, OptionId, RedFlagId, TreatmentKind
from decision.text import clean_tree

SCHEMA_VERSION: Final = 4
MAX_FILE_BYTES = 1_000_000  # 1 MB: a record is a few kilobytes; anything larger is not ours

Procedure = Literal["microdiscectomy", "laminectomy", "fusion", "none_yet"]
Helped = Literal["yes", "partly", "no", "not_sure"]
YesNoUndecided = Literal["yes", "no", "undecided"]

_TEXT_LIMIT = 2000
INITIALS_LETTERS = 4  # letters of any script; spaces, dots, hyphens and apostrophes do not count
_INITIALS_MARKS = " .-'"
INITIALS_PROBLEM = "Use up to 4 letters. Spaces, dots and hyphens are fine, for example J.-L. or Ø."


def initials_problem(text: str) -> str | None:
    """One plain sentence if ``text`` cannot be stored as initials, else None. Never echoes it.

    Any letter of any script counts (Ñ, É, Ø, Ж, 李); a combining accent belongs to its letter.
    """
    text = unicodedata.normalize("NFC", text)
    letters = 0
    for ch in text:
        kind = unicodedata.category(ch)
        if kind.startswith("L"):
            letters += 1
        elif kind.startswith("M") and letters:  # an accent typed as a separate mark
            continue
        elif ch not in _INITIALS_MARKS:
            return INITIALS_PROBLEM
    return INITIALS_PROBLEM if letters > INITIALS_LETTERS else None

# Limits every save file must keep, checked before the model sees it (see parse_record). The
# model's own field limits are tighter; these bound what any field, including a new one, can be.
MAX_DEPTH = 8  # the record nests 3 deep (sure → before → sure); a file is never deeper than this
MAX_ITEMS = 100  # entries in any one list or dict
MAX_STRING = _TEXT_LIMIT  # characters in any one string
MAX_KEY = 60  # characters in any one dict key
MAX_NUMBER_CHARS = 20  # digits of any integer, so a 5,000-digit integer is refused before it is converted
MAX_RATINGS = 40  # values and quiz answers: the content has far fewer items; this bounds a file


class Strict(BaseModel):
    # hide_input_in_errors: a wrong value never reaches an error message, a log line or a traceback.
    model_config = ConfigDict(extra="forbid", validate_assignment=True, hide_input_in_errors=True)


class Treatment(Strict):
    kind: TreatmentKind
    weeks: int | None = Field(default=None, ge=0, le=1040)  # None: ticked, but how long not answered
    visits: int | None = Field(default=None, ge=0, le=500)
    helped: Helped | None = None


class FusionPlan(Strict):
    """The surgeon's proposal, part by part. None: not answered; "undecided" is an answer."""

    with_decompression: YesNoUndecided | None = None
    instrumentation: Literal["pedicle_screws", "none", "undecided"] | None = None
    approach: Literal["posterior", "anterior", "lateral", "combined_360", "undecided"] | None = None
    interbody_cage: YesNoUndecided | None = None
    segments: Literal[1, 2, 3, "undecided"] | None = None
    surgeon_notes: str = Field(default="", max_length=_TEXT_LIMIT)

    @field_validator("segments", mode="before")
    @classmethod
    def _whole_number(cls, v: Any) -> Any:
        # A Literal of numbers compares by equality, so even strict mode took true and 1.0 for 1
        # (issue 21). Only a whole number or one of the words is a count of levels.
        if isinstance(v, (bool, float)):
            raise ValueError("the number of levels must be 1, 2, 3 or undecided")
        return v

    def is_blank(self) -> bool:
        return self == FusionPlan()


class Clinical(Strict):
    """What the surgeon adds in clinic."""

    confirmed_diagnosis: str = Field(default="", max_length=_TEXT_LIMIT)
    imaging_findings: str = Field(default="", max_length=_TEXT_LIMIT)
    proposed_operation: Procedure | None = None
    # Does the scan match the symptoms? Only the surgeon can judge (readiness, part 4).
    imaging_matches: Literal["yes", "no", "unsure"] | None = None


class Oswestry(Strict):
    """Section scores 0-5 (None for a section left blank), or a total entered directly."""

    sections: list[int | None] = Field(default_factory=lambda: [None] * 10, min_length=10, max_length=10)  # type: ignore[arg-type]  # the lambda reads as list[None]
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
    schema_version: Literal[4] = SCHEMA_VERSION
    patient_initials: str = Field(default="", max_length=16)

    # Safety screen
    safety_screen_done: bool = False
    red_flags: list[RedFlagId] = Field(default_factory=list)

    # Your back
    diagnosis: Diagnosis | None = None  # None: not answered ("not_sure" is an answer)
    procedure: Procedure | None = None  # None: not answered ("none_yet" is an answer)
    symptom_weeks: int | None = Field(default=None, ge=0, le=5200)
    worst_pain: Literal["back", "leg", "both"] | None = None
    pain_back: int | None = Field(default=None, ge=0, le=10)
    pain_leg: int | None = Field(default=None, ge=0, le=10)
    oswestry: Oswestry = Field(default_factory=Oswestry)

    # Your care so far (one entry per kind of treatment)
    treatments: list[Treatment] = Field(default_factory=list, max_length=len(get_args(TreatmentKind)))
    nicotine: Literal["none", "stopped", "current"] | None = None  # None: not asked or not answered
    nicotine_free_weeks: int | None = Field(default=None, ge=0, le=5200)  # when stopped
    # The whole span of care, as the patient gives it; None: the aid estimates it from the parts.
    care_weeks: int | None = Field(default=None, ge=0, le=5200)
    # "My doctor said these medicines are not safe for me, or I could not take them." None: not said.
    medicines_unsuitable: bool | None = None

    # Compare your options: the options set side by side there. The Summary and the PDF call these
    # "options compared"; an option the patient never had on that page is never listed.
    options_compared: list[OptionId] = Field(default_factory=list, max_length=4)

    # Fusion questions and the surgeon's plan
    clinical: Clinical = Field(default_factory=Clinical)
    fusion_plan: FusionPlan = Field(default_factory=FusionPlan)
    fusion_patient_notes: str = Field(default="", max_length=_TEXT_LIMIT)

    # Deliberation
    values: dict[str, int] = Field(default_factory=dict, max_length=MAX_RATINGS)
    own_concerns: list[str] = Field(default_factory=list, max_length=20)
    quiz: dict[str, str] = Field(default_factory=dict, max_length=MAX_RATINGS)
    # the latest answer, where it was changed
    quiz_second_tries: dict[str, str] = Field(default_factory=dict, max_length=MAX_RATINGS)
    leaning: OptionId | Literal["not_sure"] | None = None
    decision_role: Literal["myself", "together", "surgeon"] | None = None
    sure: Sure = Field(default_factory=Sure)
    questions: list[str] = Field(default_factory=list, max_length=40)

    # Clinic
    decision_reached: DecisionReached | None = None

    @field_validator("patient_initials")
    @classmethod
    def _initials(cls, v: str) -> str:
        v = unicodedata.normalize("NFC", v).strip()
        problem = initials_problem(v)
        if problem:
            raise ValueError(problem)
        return v

    @field_validator("red_flags", "options_compared")
    @classmethod
    def _unique_flags(cls, v: list[str]) -> list[str]:
        return list(dict.fromkeys(v))

    @field_validator("treatments")
    @classmethod
    def _one_per_kind(cls, v: list[Treatment]) -> list[Treatment]:
        # The Care page keeps one entry per kind; two would disagree (issue 21: 0 weeks shown, 52 counted).
        kinds = [t.kind for t in v]
        if len(set(kinds)) != len(kinds):
            raise ValueError("each kind of treatment can be listed only once")
        return v

    @model_validator(mode="after")
    def _plausible_spans(self) -> DecisionRecord:
        # Where both are answered, no treatment lasted longer than the symptoms (issue 21: 1,040
        # weeks of therapy against 12 weeks of pain read "criteria met"). Pydantic runs this on
        # every assignment too and keeps the assigned value when it fails, so the pages check
        # first (longest_treatment / longer_than_symptoms) and never assign such a pair.
        if longer_than_symptoms(self.symptom_weeks, self.treatments, self.care_weeks):
            raise ValueError("a treatment cannot have lasted longer than the symptoms (symptom_weeks)")
        return self

    @field_validator("values")
    @classmethod
    def _ratings(cls, v: dict[str, int]) -> dict[str, int]:
        for rating in v.values():
            if not 0 <= rating <= 10:
                raise ValueError("each rating must be 0 to 10")
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


def longest_treatment(treatments: list[Treatment], care_weeks: int | None = None) -> int | None:
    """The most weeks any treatment (or the whole span of care) lasted, or None when none is answered."""
    weeks = [t.weeks for t in treatments if t.weeks is not None] + ([care_weeks] if care_weeks is not None else [])
    return max(weeks) if weeks else None


def longer_than_symptoms(symptom_weeks: int | None, treatments: list[Treatment], care_weeks: int | None = None) -> bool:
    """True when both are answered and a treatment (or the whole span of care) lasted longer than the symptoms."""
    longest = longest_treatment(treatments, care_weeks)
    return symptom_weeks is not None and longest is not None and longest > symptom_weeks


class RecordError(Exception):
    """A save file that cannot be used. ``str()`` is one plain sentence for the user."""


def _migrate(data: dict) -> dict:
    """Bring an older save file up to the current shape."""
    version = data.get("schema_version")
    if version == 1:
        # Version 1 held the readiness fields only, with no separate "screen answered" field: its
        # red_flags list was the screen's answer (an empty list meant "none apply"). Everything
        # added in version 2 has a default.
        data = {**data, "schema_version": 2}
        if "safety_screen_done" not in data:
            data["safety_screen_done"] = isinstance(data.get("red_flags"), list)
        version = 2
    if version == 2:
        # Version 3 adds nicotine use; a version 2 file was never asked, so it stays unanswered.
        # Version 2 also pre-selected "not_sure" and "none_yet" on arrival, so in a v2 file they
        # cannot be told from a skipped question. They become "not answered": the reading that
        # never prints an answer the patient may not have given. A missing key was the same default.
        data = dict(data)
        if data.get("diagnosis", "not_sure") == "not_sure":
            data["diagnosis"] = None
        if data.get("procedure", "none_yet") == "none_yet":
            data["procedure"] = None
        plan = data.get("fusion_plan")
        if isinstance(plan, dict):  # the plan's radios were pre-set to "undecided" in the same way
            # The notes are free text, kept as written, even a note that says "undecided" (issue 21).
            data["fusion_plan"] = {k: (None if v == "undecided" and k != "surgeon_notes" else v)
                                   for k, v in plan.items()}
        data["schema_version"] = 3
        version = 3
    if version == 3:
        # Version 4 adds care_weeks, medicines_unsuitable and clinical.imaging_matches. A version 3
        # file was never asked them: each stays unanswered (its default), never assumed.
        data = {**data, "schema_version": 4}
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
                said = problem.replace("a text", "a name")
                raise RecordError(f"This file has a wrong name in {_place(loc)}: {said}.")
            _check_tree(item, (*loc, key))


def _plain_message(msg: str) -> str:
    """Pydantic's message, in our words where it speaks of programming types; one line, printable."""
    msg = msg.removeprefix("Value error, ")
    msg = "".join(c if c.isprintable() else " " for c in msg)
    return msg[:200]


def parse_record(raw: bytes | str) -> DecisionRecord:
    """Validate a save file. Raises RecordError with one plain sentence on any problem.

    In order: size; readable UTF-8 JSON; nesting depth (before parsing, so deep nesting cannot
    exhaust the stack); integers no longer than MAX_NUMBER_CHARS (during parsing, before any
    conversion; a decimal is checked by its value); control and bidirectional characters removed
    from every text (decision/text.py); every string, key, list and dict within its limit; then the model, in pydantic's
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
            parse_int=_integer,
            parse_constant=_no_constant,
            object_pairs_hook=_no_repeats,
        )
    except _TooLong:
        raise RecordError(f"This file has a number longer than {MAX_NUMBER_CHARS} digits.") from None
    except _Repeated:
        raise RecordError("This file is not a saved record: it gives the same name twice in one place.") from None
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
    # Control and bidirectional characters in a text are removed, not refused: older versions of
    # the aid stored what the patient pasted (decision/text.py). Names are still checked as they are.
    data = clean_tree(data)
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
            known = _NAME.match(str(name))
            what = f"“{name}” is not a field the aid knows" if known else "a field the aid does not know"
            raise RecordError(f"This file has a wrong value at {where}: {what}{more}.") from None
        raise RecordError(
            f"This file has a wrong value at {_place(first['loc'])}: {_plain_message(first['msg'])}{more}."
        ) from None
