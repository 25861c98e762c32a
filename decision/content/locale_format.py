"""Dates and numbers as the reader's language writes them (issue 26): the one place code formats them.

English keeps what the aid has always shown (ISO dates, "17.5", "1,000"), so an English reader sees
no change. Spanish writes "6 de diciembre de 2026" and "17,5" (Babel, CLDR's "es" locale: a decimal
comma, a point between thousands: "1.234,5"). Latin American usage differs by country (Mexico writes
"17.5"); the Spanish content writes the comma everywhere ("17,5"), and so does the code. It sits
beside ``wording`` (how a figure is said in words), so content, output and the pages can all use it.

The digits are the same in both languages: the number is rounded once, here, the English way, and
Babel only writes it. Pure Python: nothing here imports streamlit.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal as _babel_decimal

LANGUAGES = ("en", "es")  # English first: the default, and the language every check is written in
_LOCALE = {"es": "es"}  # CLDR's "es": a decimal comma (its "es_419" writes a point)


def check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"not a language of this aid: {lang!r}")
    return lang


def language_name(lang: str) -> str:
    """The language's own name, as its readers look for it on a switch: 'English', 'Español' (CLDR)."""
    name = Locale.parse(check_lang(lang)).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]


def format_date(day: date, lang: str = "en") -> str:
    """'2026-12-06' in English (as before); '6 de diciembre de 2026' in Spanish."""
    if check_lang(lang) == "en":
        return day.isoformat()
    return _babel_date(day, format="long", locale=_LOCALE[lang])


def format_score(score: float, lang: str = "en") -> str:
    """A score of one decimal at most (the Oswestry percent), as the reader writes it: '53.3' or '40' in
    English, as the aid always showed it ('{:g}'), '53,3' in Spanish."""
    return format_number(score, lang, decimals=0 if float(score).is_integer() else 1)


def format_number(value: float | int | Decimal, lang: str = "en", *, decimals: int = 0) -> str:
    """``value`` with ``decimals`` places: '17.5' / '1,000' in English, '17,5' / '1000' in Spanish."""
    english = f"{value:,.{decimals}f}"
    if check_lang(lang) == "en":
        return english
    rounded = Decimal(english.replace(",", ""))  # rounded once, so both languages show the same digits
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return _babel_decimal(rounded, format=pattern, locale=_LOCALE[lang], decimal_quantization=False)
