"""The patient's answers as a FHIR ``QuestionnaireResponse``, and the record read back from one.

``response(record, specs, ...)`` walks the items (``decision.output.fhir.items``) and writes one
answer per answered question: an unanswered question has no item, as FHIR asks. A list (red
flags, options compared, concerns, questions) is one item with an answer per entry, in order; a
treatment is one repeating group, in the record's order. ``record_from_response`` does the
reverse, so an exported visit loses nothing: ``tests/test_fhir.py`` checks that every test record
comes back equal.
"""

from __future__ import annotations

from typing import Any

from decision.output.fhir.items import Spec
from decision.record import DecisionRecord

_VALUE = {"boolean": "valueBoolean", "integer": "valueInteger", "decimal": "valueDecimal", "string": "valueString",
          "text": "valueString", "date": "valueDate", "choice": "valueCoding"}


def response_items(record: DecisionRecord, items: tuple[Spec, ...]) -> list[dict]:
    """The QuestionnaireResponse's ``item`` list for ``record``."""
    return _items(record.model_dump(mode="json"), items)


def _get(data: Any, path: tuple) -> Any:
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _items(data: dict, items: tuple[Spec, ...]) -> list[dict]:
    out: list[dict] = []
    for spec in items:
        if spec.kind == "group" and spec.repeats:
            for entry in _get(data, spec.path) or []:
                children = _items(entry, spec.children)
                if children:
                    out.append({"linkId": spec.link_id, "text": spec.text, "item": children})
        elif spec.kind == "group":
            children = _items(data, spec.children)
            if children:
                out.append({"linkId": spec.link_id, "text": spec.text, "item": children})
        else:
            value = _get(data, spec.path)
            # None, and "" for a text box left empty (the record's default), are not answers.
            values = (value or []) if spec.repeats else ([] if value is None or value == "" else [value])
            if values:
                out.append({"linkId": spec.link_id, "text": spec.text, "answer": [_answer(spec, v) for v in values]})
    return out


def _answer(spec: Spec, value: Any) -> dict:
    if spec.kind == "choice":
        words = dict(spec.options)
        coding = {"code": str(value)}
        if str(value) in words:
            coding["display"] = words[str(value)]
        return {"valueCoding": coding}
    return {_VALUE[spec.kind]: value}


# ---------------------------------------------------------------- reading it back


def record_from_response(items: list[dict], specs: tuple[Spec, ...]) -> DecisionRecord:
    """The record a QuestionnaireResponse's ``item`` list (as JSON) holds, validated by the record's model."""
    data = DecisionRecord().model_dump(mode="json")
    data["treatments"] = []
    _read(items, specs, data)
    return DecisionRecord.model_validate(data)


def _read(items: list[dict], specs: tuple[Spec, ...], data: dict) -> None:
    by_id = {s.link_id: s for s in _flat(specs)}
    for item in items:
        spec = by_id.get(item["linkId"])
        if spec is None:
            continue  # an item this version does not ask (a newer questionnaire): not ours to guess
        if spec.kind == "group" and spec.repeats:
            entry: dict = {}
            _read(item.get("item", []), spec.children, entry)
            _put(data, spec.path, [*(_get(data, spec.path) or []), entry])
        elif spec.kind == "group":
            _read(item.get("item", []), spec.children, data)
        else:
            values = [_value(spec, a) for a in item.get("answer", [])]
            _put(data, spec.path, values if spec.repeats else values[0] if values else None)


def _flat(specs: tuple[Spec, ...]) -> list[Spec]:
    out: list[Spec] = []
    for s in specs:
        out.append(s)
        if not s.repeats:
            out += _flat(s.children)
    return out


def _value(spec: Spec, answer: dict) -> Any:
    if spec.kind == "choice":
        code = answer["valueCoding"]["code"]
        return int(code) if spec.numeric_codes and code.isdigit() else code
    value = answer[_VALUE[spec.kind]]
    if spec.kind == "decimal":
        return float(value)
    return value


def _put(data: dict, path: tuple, value: Any) -> None:
    for part in path[:-1]:
        if isinstance(data, dict) and data.get(part) is None:  # e.g. decision_reached, None until answered
            data[part] = {}
        data = data[part]
    data[path[-1]] = value  # a dict's key, or a place in a fixed list (the Oswestry sections)
