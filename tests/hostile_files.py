"""A corpus of hostile save files: each must be refused in one plain line, the answers unchanged.

Each case is ``(id, bytes, words)``: the file's bytes, and words its one-line message must hold
(the field it names). They come from the adversarial test in issue 14 and its neighbours: broken
text, huge numbers, deep nesting, oversized lists, markup meant to be rendered, terminal escape
codes, loose types, and plain malformed files.
"""

from __future__ import annotations

import json

BASE = {"schema_version": 2, "safety_screen_done": True, "diagnosis": "spinal_stenosis"}
BIG = "x" * 100_000  # a 100 KB value
MARKUP = {
    "image": "![x](http://evil.example/pixel.png)",
    "html-image": "<img src='http://evil.example/pixel.png'>",
    "link": "[click me](http://evil.example/)",
    "latex": "$\\frac{1}{2}\\color{red}{x}$",
    "colour": ":red[alert] :material/warning:",
    "ansi": "\x1b[31mRED\x1b[0m\x1b]0;title\x07",
}
# Control and bidirectional characters in a text: older versions of the aid stored what the patient
# pasted, so a file opens with them removed (issue 21), and nothing of them reaches the screen or the
# paper. Each case is ``(id, bytes)``.
PASTED = "\x0c\x0b\x1b\x85\x07\x00\x7f\x9b"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
OPENED_CLEAN: list[tuple[str, bytes]] = []  # filled below, after _j

# Words no message may show: pieces of the hostile values above.
FORBIDDEN_IN_MESSAGE = ("evil", "http", "<img", "![", "\\frac", ":red[", "\x1b", "\x07", "xxxxxxxxxx", "RED", "click")


def _j(**fields) -> bytes:
    return json.dumps({**BASE, **fields}).encode()


def _raw(text: str) -> bytes:
    """JSON text written by hand (for what json.dumps will not write, e.g. a lone surrogate escape)."""
    return text.encode()


def _deep(n: int, open_: str = "[", close: str = "]") -> bytes:
    return _raw('{"schema_version": 2, "questions": ' + open_ * n + close * n + "}")


def _deep_objects(n: int) -> bytes:
    return _raw('{"schema_version": 2, "values": ' + '{"a": ' * n + "1" + "}" * n + "}")


OPENED_CLEAN += [
    ("nul-in-text", _j(own_concerns=["a\x00b"])),
    ("ansi-in-concern", _j(own_concerns=[MARKUP["ansi"]])),
    ("ansi-in-surgeon-notes", _j(fusion_plan={"surgeon_notes": MARKUP["ansi"]})),
    ("every-pasted-control-in-every-text", _j(
        schema_version=3, own_concerns=[f"my{PASTED}job"], questions=[f"why{PASTED}?"],
        fusion_patient_notes=f"page one{PASTED}page two", clinical={"confirmed_diagnosis": PASTED,
                                                                      "imaging_findings": f"MRI{PASTED}"},
        fusion_plan={"surgeon_notes": f"L4{PASTED}L5"})),
    ("bidi-override-reverses-a-question", _j(
        schema_version=3, questions=["\u202eWhat is the risk of nerve damage?\u202c"],
        own_concerns=["pay \u2067100\u2069 now", "ok\u200f."], fusion_patient_notes="\u202dnot\u202c sure")),
    ("form-feed-from-a-copied-report", _j(schema_version=3, fusion_patient_notes="Report page 1\x0cReport page 2")),
    # A decimal is checked by its value, not the length of its text (issue 21: the app wrote these).
    ("400-digit-float", _raw('{"schema_version": 2, "oswestry": {"total_percent": 0.' + "1" * 400 + "}}")),
    ("oswestry-total-as-the-app-stored-it", _raw('{"schema_version": 3, "oswestry": {"total_percent": '
                                                 '1.2345678901234568e-05}}')),
]

CASES: list[tuple[str, bytes, str]] = [
    # Broken text: lone surrogates and control characters, in values, list items and keys.
    ("surrogate-own-concerns", _raw('{"schema_version": 2, "own_concerns": ["\\ud800"]}'), "own_concerns → 0"),
    ("surrogate-questions", _raw('{"schema_version": 2, "questions": ["ok", "a\\udfffb"]}'), "questions → 1"),
    ("surrogate-values-key", _raw('{"schema_version": 2, "values": {"\\ud83d": 3}}'), "values"),
    ("surrogate-quiz-value", _raw('{"schema_version": 2, "quiz": {"q1": "\\ud800"}}'), "quiz → q1"),
    ("surrogate-initials", _raw('{"schema_version": 2, "patient_initials": "\\udc00"}'), "patient_initials"),
    ("surrogate-notes", _raw('{"schema_version": 2, "fusion_patient_notes": "\\ud800\\ud800"}'),
     "fusion_patient_notes"),
    ("surrogate-top-key", _raw('{"schema_version": 2, "\\ud800": 1}'), "name"),
    ("ansi-in-diagnosis", _j(diagnosis=MARKUP["ansi"]), "diagnosis"),
    ("ansi-as-key", _j(**{MARKUP["ansi"]: 1}), "name"),
    # Numbers too long to convert, and numbers JSON does not have.
    ("5000-digit-int", _raw('{"schema_version": 2, "symptom_weeks": ' + "9" * 5000 + "}"), "number"),
    ("5000-digit-version", _raw('{"schema_version": ' + "1" * 5000 + "}"), "number"),
    ("5000-digit-negative", _raw('{"schema_version": 2, "pain_back": -' + "9" * 5000 + "}"), "number"),
    ("float-overflow", _raw('{"schema_version": 2, "oswestry": {"total_percent": 1e400}}'), "total_percent"),
    ("nan", _raw('{"schema_version": 2, "oswestry": {"total_percent": NaN}}'), "not readable JSON"),
    ("infinity", _raw('{"schema_version": 2, "symptom_weeks": Infinity}'), "not readable JSON"),
    ("minus-infinity", _raw('{"schema_version": 2, "pain_leg": -Infinity}'), "not readable JSON"),
    ("31-digit-version", _raw('{"schema_version": ' + "9" * 31 + "}"), "number"),
    # Nesting.
    ("nested-1500-lists", _deep(1500), "nests deeper"),
    ("nested-1500-objects", _deep_objects(1500), "nests deeper"),
    ("nested-100000-lists", _deep(100_000), "nests deeper"),
    ("nested-20", _deep(20), "nests deeper"),
    ("nested-in-values", _deep_objects(3), "values → a"),
    ("unbalanced-brackets", _raw('{"schema_version": 2, "questions": [[[[}'), "not readable JSON"),
    # Sizes.
    ("15000-treatments", _j(treatments=[{"kind": "nsaid", "weeks": 1}] * 15_000), "treatments"),
    ("101-treatments", _j(treatments=[{"kind": "nsaid", "weeks": 1}] * 101), "treatments"),
    ("30-treatments", _j(treatments=[{"kind": "nsaid", "weeks": 1}] * 30), "treatments"),
    ("500-values", _j(values={f"v{i}": 5 for i in range(500)}), "values"),
    ("41-values", _j(values={f"v{i}": 5 for i in range(41)}), "values"),
    ("41-quiz", _j(quiz={f"q{i}": "a" for i in range(41)}), "quiz"),
    ("21-concerns", _j(own_concerns=[f"concern {i}" for i in range(21)]), "own_concerns"),
    ("41-questions", _j(questions=[f"question {i}" for i in range(41)]), "questions"),
    ("100KB-concern", _j(own_concerns=[BIG]), "own_concerns → 0"),
    ("100KB-question", _j(questions=[BIG]), "questions → 0"),
    ("100KB-key", _j(values={BIG: 1}), "values"),
    ("100KB-diagnosis", _j(diagnosis=BIG), "diagnosis"),
    ("100KB-quiz-answer", _j(quiz={"q1": BIG}), "quiz → q1"),
    ("2001-char-notes", _j(fusion_patient_notes="n" * 2001), "fusion_patient_notes"),
    ("oswestry-11-sections", _j(oswestry={"sections": [1] * 11}), "oswestry → sections"),
    ("over-1MB", b'{"schema_version": 2, "questions": ["' + b"q" * 1_000_100 + b'"]}', "too large"),
    # Markup meant to be rendered by the page (Markdown, HTML, LaTeX, colour), in values and names.
    *[(f"{name}-as-value", _j(diagnosis=text), "diagnosis") for name, text in MARKUP.items() if name != "ansi"],
    *[(f"{name}-as-field", _j(**{text: 1}), "field the aid does not know") for name, text in MARKUP.items()
      if name != "ansi"],
    ("image-as-values-key", _j(values={MARKUP["image"]: 11}), "values"),
    ("image-in-treatment-kind", _j(treatments=[{"kind": MARKUP["image"], "weeks": 1}]), "treatments → 0 → kind"),
    # Loose types: strict, no coercion.
    ("yes-for-true", _j(safety_screen_done="yes"), "safety_screen_done"),
    ("string-true", _j(safety_screen_done="true"), "safety_screen_done"),
    ("one-for-true", _j(safety_screen_done=1), "safety_screen_done"),
    ("string-number", _j(pain_back="5"), "pain_back"),
    ("float-for-int", _j(pain_back=5.0), "pain_back"),
    ("true-for-int", _j(symptom_weeks=True), "symptom_weeks"),
    ("string-for-list", _j(questions="ask about pain"), "questions"),
    ("object-for-list", _j(own_concerns={"a": "b"}), "own_concerns"),
    ("null-for-bool", _j(safety_screen_done=None), "safety_screen_done"),
    ("list-diagnosis", _j(diagnosis=["spinal_stenosis"]), "diagnosis"),
    ("number-in-questions", _j(questions=[1]), "questions → 0"),
    ("string-rating", _j(values={"fast_leg_relief": "high"}), "values"),
    ("rating-11", _j(values={"fast_leg_relief": 11}), "0 to 10"),
    ("pain-11", _j(pain_back=11), "pain_back"),
    ("weeks-negative", _j(symptom_weeks=-1), "symptom_weeks"),
    ("oswestry-6", _j(oswestry={"sections": [6] + [None] * 9}), "oswestry → sections"),
    ("bad-date", _j(decision_reached={"choice": "fusion", "on": "not a date"}), "decision_reached → on"),
    ("impossible-date", _j(decision_reached={"choice": "fusion", "on": "2026-02-30"}), "decision_reached → on"),
    ("unknown-red-flag", _j(red_flags=["headache"]), "red_flags → 0"),
    ("extra-in-treatment", _j(treatments=[{"kind": "nsaid", "weeks": 1, "dose": 9}]), "treatments → 0"),
    ("unknown-option-compared", _j(schema_version=3, options_compared=["acupuncture"]), "options_compared → 0"),
    ("five-options-compared", _j(schema_version=3, options_compared=["fusion"] * 5), "options_compared"),
    ("options-compared-string", _j(schema_version=3, options_compared="fusion"), "options_compared"),
    # Versions.
    ("version-string", _j(schema_version="2"), "schema_version"),
    ("version-true", _j(schema_version=True), "schema_version"),
    ("version-float", _j(schema_version=2.0), "schema_version"),
    ("version-negative", _j(schema_version=-1), "schema_version"),
    ("version-future", _j(schema_version=99), "newer version"),
    ("version-missing", json.dumps({"diagnosis": "spinal_stenosis"}).encode(), "no schema_version"),
    # Not a record at all.
    ("empty", b"", "not readable JSON"),
    ("whitespace", b" \n\t ", "not readable JSON"),
    ("truncated", _j()[:-5], "not readable JSON"),
    ("top-level-list", b"[1, 2, 3]", "does not hold a set of answers"),
    ("top-level-string", b'"schema_version"', "does not hold a set of answers"),
    ("top-level-number", b"2", "does not hold a set of answers"),
    # Issue 21: a reader of the file sees a red flag that the loader would drop (the last key wins).
    ("repeated-key-red-flags", _raw('{"schema_version": 3, "safety_screen_done": true, '
                                    '"red_flags": ["bladder_problems"], "red_flags": []}'), "same name twice"),
    ("repeated-key-nested", _raw('{"schema_version": 3, "fusion_plan": {"segments": 1, "segments": 3}}'),
     "same name twice"),
    ("repeated-schema-version", _raw('{"schema_version": 3, "schema_version": 2}'), "same name twice"),
    # The same treatment twice: the 0-week entry showed, the 52-week one made "criteria met".
    ("same-treatment-twice", _j(schema_version=3, symptom_weeks=60, treatments=[
        {"kind": "physical_therapy", "weeks": 0}, {"kind": "physical_therapy", "weeks": 52}]), "treatments"),
    ("same-treatment-twice-unanswered", _j(schema_version=3, treatments=[{"kind": "nsaid"}, {"kind": "nsaid"}]),
     "treatments"),
    # A number for the levels given as true or as a decimal.
    ("true-for-segments", _j(schema_version=3, fusion_plan={"segments": True}), "fusion_plan → segments"),
    ("decimal-for-segments", _j(schema_version=3, fusion_plan={"segments": 1.0}), "fusion_plan → segments"),
    ("false-for-segments", _j(schema_version=3, fusion_plan={"segments": False}), "fusion_plan → segments"),
    ("decimal-for-weeks", _j(schema_version=3, treatments=[{"kind": "nsaid", "weeks": 4.0}]), "treatments → 0 → weeks"),
    # Treatment longer than the symptoms: 1,040 weeks of therapy against 12 weeks of pain.
    ("therapy-longer-than-symptoms", _j(schema_version=3, symptom_weeks=12, treatments=[
        {"kind": "physical_therapy", "weeks": 1040, "visits": 12, "helped": "no"}]), "longer than the symptoms"),
    ("utf-16", json.dumps(BASE).encode("utf-16"), "not readable JSON"),
    ("latin-1-bytes", _raw('{"schema_version": 2, "own_concerns": ["') + b"\xe9\xff" + b'"]}', "not readable JSON"),
    ("binary", bytes(range(256)), "not readable JSON"),
]
