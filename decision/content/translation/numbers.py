"""What a translation must keep from its English: every number and every {placeholder}.

Numbers are compared as numbers, not as digits. The English writes them one way ("1,250", "17.5"):
a comma between groups of three digits, a point before decimals. Spanish writes "17,5" in most
countries and "17.5" in Mexico, and groups thousands with a point, a (narrow) no-break space or
nothing ("1.250", "1 250", "1250"), so a Spanish number may be read more than one way: it matches
when one of its readings is a number of the English field. A number written in words is not compared.
"""

from __future__ import annotations

import re
from decimal import Decimal

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_ENGLISH = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?")
_GROUP = "\u00a0\u202f\u2009"  # no-break, narrow no-break and thin space between groups of three digits
_SPANISH = re.compile(rf"\d+(?:[.,{_GROUP}]\d+)*")


def english_numbers(text: str) -> list[Decimal]:
    """Each number of an English text, in order ("1,250" is 1250; "1,2" is 1 and 2)."""
    out = []
    for token in _ENGLISH.findall(text):
        out.append(Decimal(token.replace(",", "")))
    return out


def spanish_readings(token: str) -> set[Decimal]:
    """Every number a Spanish token may be: the last separator as the decimal mark or as a thousands
    separator; the others must group thousands ("1.250,5", "1 250", "17,5", "17.5")."""
    parts = re.split(rf"([.,{_GROUP}])", token)
    digits, seps = parts[0::2], parts[1::2]
    readings = set()
    if all(len(d) == 3 for d in digits[1:]) and len(set(seps)) <= 1:
        readings.add(Decimal("".join(digits)))  # every separator groups thousands
    if seps and seps[-1] in ",." and all(len(d) == 3 for d in digits[1:-1]) and seps[-1] not in seps[:-1]:
        readings.add(Decimal("".join(digits[:-1]) + "." + digits[-1]))  # the last one is the decimal mark
    return readings


def spanish_numbers(text: str) -> list[tuple[str, set[Decimal]]]:
    """Each number of a Spanish text with its readings; a token that reads as no number (a list
    like "1,2,3") counts as its separate digit runs."""
    out = []
    for token in _SPANISH.findall(text):
        readings = spanish_readings(token)
        if readings:
            out.append((token, readings))
        else:
            out += [(run, {Decimal(run)}) for run in re.findall(r"\d+", token)]
    return out


def _say(number: Decimal) -> str:
    return format(number.normalize(), "f")


def number_problems(english: str, translated: str) -> list[str]:
    """Each number of the translation that is not a number of the English, and each English number
    the translation leaves out."""
    wanted = english_numbers(english)
    found = spanish_numbers(translated)
    problems = [f"the number {token} is not in the English" for token, readings in found
                if not readings & set(wanted)]
    every_reading = set().union(*(r for _, r in found)) if found else set()
    problems += [f"the English number {_say(n)} is missing" for n in dict.fromkeys(wanted) if n not in every_reading]
    return problems


def placeholder_problems(english: str, translated: str) -> list[str]:
    """A {placeholder} the code fills must be in the translation as it is in the English, and no other."""
    en, tr = set(PLACEHOLDER.findall(english)), set(PLACEHOLDER.findall(translated))
    problems = [f"the placeholder {p} is not in the English" for p in sorted(tr - en)]
    problems += [f"the placeholder {p} of the English is missing" for p in sorted(en - tr)]
    return problems
