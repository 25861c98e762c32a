"""Why a save file, the tab's copy or a typed value was refused: a code and its numbers; the words are content.

A ``RecordError`` carries a ``code`` (one of ``CODES``), the ``place`` in the file (pydantic's location:
field names and list positions) and the numbers its sentence names (a limit, a count). It never carries
what the file holds, except a field's name that is a plain identifier (``_NAME`` in ``parse``), so no
message can echo a patient's value or carry markup.

The words are whole sentences in ``content/pages.yaml`` (``record_error.<code>``, and the names of the
fields, ``record_field.<name>``), so each exists in every language of the content:

- ``exc.message(content.pages, content.lang)`` is what a page shows: the place in the reader's words
  ("Treatments you have tried, item 2"), numbers in the reader's form;
- ``str(exc)`` is the same sentence from the shipped English content, with the place as the file
  names it ("treatments → 1 → weeks"), for the command line and the tests; the logs keep a code only.

Pure Python; nothing here imports streamlit.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import yaml

from decision.content import CONTENT_DIR
from decision.content.locale_format import format_number
from decision.content.page_words import RECORD_ERRORS as CODES, RECORD_FIELDS as FIELDS

# pydantic's error types, by what they mean to a reader; the number a limit names is in the error's ctx.
_PYDANTIC: dict[str, tuple[str, str | None]] = {
    **dict.fromkeys(("int_type", "int_parsing", "int_from_float", "int_parsing_size"), ("not_whole_number", None)),
    **dict.fromkeys(("float_type", "float_parsing", "finite_number"), ("not_number", None)),
    **dict.fromkeys(("bool_type", "bool_parsing"), ("not_true_false", None)),
    **dict.fromkeys(("string_type", "string_unicode"), ("not_text", None)),
    **dict.fromkeys(("list_type", "tuple_type", "set_type"), ("not_list", None)),
    **dict.fromkeys(("dict_type", "model_type", "model_attributes_type", "dataclass_type"), ("not_group", None)),
    **dict.fromkeys(("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact",
                     "date_past", "date_future"), ("not_date", None)),
    **dict.fromkeys(("literal_error", "enum", "union_tag_invalid", "union_tag_not_found"), ("not_a_choice", None)),
    "missing": ("missing", None),
    "greater_than_equal": ("too_small", "ge"), "greater_than": ("too_small", "gt"),
    "less_than_equal": ("too_big", "le"), "less_than": ("too_big", "lt"),
    "too_long": ("too_many", "max_length"), "too_short": ("too_few", "min_length"),
    "string_too_long": ("text_too_long", "max_length"),
}


def pydantic_code(error_type: str, ctx: Mapping[str, Any] | None) -> tuple[str, dict[str, Any]]:
    """Our code and its numbers for one of pydantic's errors (a validator of ours raises our code itself)."""
    if error_type in CODES:
        return error_type, {k: v for k, v in (ctx or {}).items() if k == "limit"}
    code, limit_key = _PYDANTIC.get(error_type, ("wrong_kind", None))
    value = (ctx or {}).get(limit_key) if limit_key else None
    if limit_key and not isinstance(value, (int, float)):
        return "wrong_kind", {}
    return code, ({"limit": value} if limit_key else {})


class RecordError(Exception):
    """A save file (or a value) that cannot be used: a code, its place and numbers; never the file's content.

    ``RecordError("text_too_long", place=("questions", 0), limit=2000)``. A positional text that is not a
    code is a sentence the command line built itself (decision/__main__.py, about a path it was given):
    it is kept as given, for the terminal only.
    """

    def __init__(self, code: str, /, *, place: tuple = (), more: int = 0, **numbers: Any) -> None:
        super().__init__(code)
        self.code, self.place, self.more, self.numbers = code, tuple(place), more, numbers

    def message(self, pages: Mapping[str, str], lang: str = "en") -> str:
        """One plain sentence (two with "and N more") in ``pages``' language, the place in the reader's words."""
        return _render(self, pages, lang, screen_place(self.place, pages))

    def __str__(self) -> str:
        if self.code not in CODES:
            return self.code
        return _render(self, english_pages(), "en", file_place(self.place) or english_pages()["record_error.place_top"])


def _render(exc: RecordError, pages: Mapping[str, str], lang: str, place: str) -> str:
    if exc.code not in CODES:
        return exc.code
    fill = {k: format_number(_whole(v), lang) if isinstance(v, (int, float)) else v for k, v in exc.numbers.items()}
    said = pages[f"record_error.{exc.code}"].format(place=place, **fill)
    if exc.more == 1:
        said += " " + pages["record_error.one_more"]
    elif exc.more > 1:
        said += " " + pages["record_error.more"].format(count=format_number(exc.more, lang))
    return said


def _whole(value: int | float) -> int | float:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def file_place(loc: tuple) -> str:
    """The place as the file names it, e.g. ``treatments → 0 → kind`` ("" at the top level)."""
    return " → ".join(str(p) for p in loc)


def screen_place(loc: tuple, pages: Mapping[str, str]) -> str:
    """The place in the reader's words: the top-level field's name, and its item in a list (from 1)."""
    names = [p for p in loc if isinstance(p, str)]
    if not names:
        return pages["record_error.place_top"]
    field = pages.get(f"record_field.{names[0]}") if names[0] in FIELDS else None
    if field is None:
        return pages["record_error.place_unknown"]
    items = [p for p in loc[1:] if isinstance(p, int) and not isinstance(p, bool)]
    return pages["record_error.place_item"].format(field=field, n=items[0] + 1) if items else field


@functools.cache
def english_pages() -> dict[str, str]:
    """The shipped English sentences (content/pages.yaml), for ``str()``: the terminal and the tests."""
    data = yaml.safe_load((CONTENT_DIR / "pages.yaml").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if k.startswith(("record_error.", "record_field."))}
