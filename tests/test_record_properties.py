"""Property tests of parse_record: any JSON at all is either a whole record or one plain sentence.

Whatever hypothesis builds (arbitrary JSON, records near their limits, text from the whole of
Unicode including lone surrogates), parse_record never raises anything but RecordError, its
message is one printable line that repeats none of the file's text, and every record it accepts
saves to a file it accepts again, unchanged.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings, strategies as st

from decision.record import MAX_STRING, DecisionRecord, RecordError, parse_record
from decision.text import clean_text

FIELDS = list(DecisionRecord.model_fields)

json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text() | st.sampled_from(FIELDS), inner, max_size=5),
    max_leaves=30,
)
# Objects that look like records: real field names, a real version, anything as the values.
record_like = st.fixed_dictionaries(
    {"schema_version": st.sampled_from([1, 2])},
    optional={name: json_values for name in FIELDS if name != "schema_version"},
)


def check(raw: str | bytes) -> None:
    try:
        record = parse_record(raw)
    except RecordError as exc:
        message = str(exc)
        assert message.isprintable() and "\n" not in message and len(message) <= 300, repr(message)
        return
    saved = record.to_json()
    again = parse_record(saved)
    assert again == record
    assert again.to_json() == saved


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_arbitrary_json_is_a_record_or_one_plain_sentence(value):
    check(json.dumps(value))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record_like)
def test_record_like_json_is_a_record_or_one_plain_sentence(value):
    check(json.dumps(value))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_are_refused_or_accepted_never_crash(raw):
    check(raw)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=50), st.sampled_from(["own_concerns", "questions"]))
def test_free_text_from_all_of_unicode_is_kept_exactly_or_refused(text, field):
    """Kept as the page would keep it (control and bidi characters removed, decision/text.py), or
    refused when it is not valid text."""
    raw = json.dumps({"schema_version": 2, field: [text]})  # json.dumps writes a lone surrogate as an escape
    try:
        record = parse_record(raw)
    except RecordError as exc:
        assert "broken character" in str(exc), str(exc)
        return
    assert getattr(record, field) == [clean_text(text)]
    text.encode("utf-8")  # what was accepted is valid text


def test_the_fullest_record_the_app_can_save_opens_again():
    """Every list and string at the model's own limits: the app never saves what it refuses."""
    fields = DecisionRecord.model_fields
    long = "é" * MAX_STRING
    record = DecisionRecord(
        safety_screen_done=True,
        own_concerns=[f"{i} {long}"[:MAX_STRING] for i in range(fields["own_concerns"].metadata[0].max_length)],
        questions=[f"{i} {long}"[:MAX_STRING] for i in range(fields["questions"].metadata[0].max_length)],
        values={f"value_{i}": 10 for i in range(fields["values"].metadata[0].max_length)},
        quiz={f"question_{i}": "a" * 50 for i in range(fields["quiz"].metadata[0].max_length)},
        fusion_patient_notes=long,
        treatments=[{"kind": kind, "weeks": 1040, "visits": 500, "helped": "yes"}
                    for kind in DecisionRecord.model_fields["treatments"].annotation.__args__[0].model_fields["kind"]
                    .annotation.__args__],
    )
    assert parse_record(record.to_json()) == record
