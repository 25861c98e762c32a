"""The limits every record keeps: the size and shape of a save file, text lengths, and the initials rule.

``parse`` checks a file against the file limits (size, nesting depth, entries per list or dict,
characters per string, key and integer) before the model sees it; ``model`` uses the text and
rating limits for its own, tighter field limits. The initials rule is here too, with the code of its
message, because the Your back page checks typed initials with it before the model does.
"""

from __future__ import annotations

import unicodedata

TEXT_LIMIT = 2000  # characters in a free text the patient or the surgeon types
LEVELS_LIMIT = 60  # characters in the level(s) of the spine the surgeon types, one line ("L4-L5 and L5-S1")

# Limits every save file must keep, checked before the model sees it (see parse_record). The
# model's own field limits are tighter; these bound what any field, including a new one, can be.
MAX_FILE_BYTES = 1_000_000  # 1 MB: a record is a few kilobytes; anything larger is not ours
MAX_DEPTH = 8  # the record nests 3 deep (sure → before → sure); a file is never deeper than this
MAX_ITEMS = 100  # entries in any one list or dict
MAX_STRING = TEXT_LIMIT  # characters in any one string
MAX_KEY = 60  # characters in any one dict key
MAX_NUMBER_CHARS = 20  # digits of any integer, so a 5,000-digit integer is refused before it is converted
MAX_RATINGS = 40  # values and quiz answers: the content has far fewer items; this bounds a file

INITIALS_LETTERS = 4  # letters of any script; spaces, dots, hyphens and apostrophes do not count
_INITIALS_MARKS = " .-'"
# The code of the one problem initials can have; its sentence is content (``record_error.initials_typed``
# where it is typed, ``record_error.initials`` in a file), so it exists in every language.
INITIALS_PROBLEM = "initials"


def initials_problem(text: str) -> str | None:
    """``INITIALS_PROBLEM`` if ``text`` cannot be stored as initials, else None. Never echoes it.

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
