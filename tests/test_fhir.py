"""The visit as HL7 FHIR R4 (issue 25, item 2), checked with fhir.resources' own models.

Every visit exports to a Bundle that validates, parses back, and gives back the same record (no
answer lost); the PDF in it is the summary's PDF, byte for byte; the Questionnaire asks every
question the record holds (a new field without an item fails here); only codes known for certain
are used; the patient is a placeholder; a bad record gets the one-line refusal of ``summary``.
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import types
import typing
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from pydantic import BaseModel

from decision.output.fhir import leaves, read_bundle, specs
from decision.output.fhir.bundle import bundle_json
from decision.output.fhir.observations import PAIN_LOINC
from decision.output.pdf import build_pdf
from decision.record import DecisionRecord
from tests import records
from tests.visits import BAD_RECORDS, TODAY, visits

ROOT = Path(__file__).resolve().parent.parent
NAMES = ("empty", "full", "red_flag", "open")


def export(record, content) -> tuple[str, bytes]:
    pdf = build_pdf(record, content, TODAY)
    return bundle_json(record, content, pdf, TODAY), pdf


def resources(text: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for entry in json.loads(text)["entry"]:
        out.setdefault(entry["resource"]["resourceType"], []).append(entry["resource"])
    return out


@pytest.mark.parametrize("name", NAMES)
def test_every_visit_exports_validates_and_comes_back_whole(content, name):
    record = visits(content)[name]
    text, pdf = export(record, content)
    bundle = Bundle.model_validate_json(text)  # fhir.resources validates every resource in it
    assert bundle.type == "collection"
    back, pdf_back = read_bundle(text, content)
    assert back == record  # every answer, in its order, with its type
    assert pdf_back == pdf and pdf.startswith(b"%PDF-")
    found = resources(text)
    document = found["DocumentReference"][0]["content"][0]["attachment"]
    assert document["contentType"] == "application/pdf" and base64.b64decode(document["data"]) == pdf
    assert set(found) <= {"Questionnaire", "QuestionnaireResponse", "Observation", "DocumentReference"}


@pytest.mark.parametrize("name", NAMES)
def test_each_answer_is_one_the_questionnaire_offers(content, name):
    text, _ = export(visits(content)[name], content)
    found = resources(text)
    questionnaire = Questionnaire.model_validate(found["Questionnaire"][0])
    response = QuestionnaireResponse.model_validate(found["QuestionnaireResponse"][0])
    assert response.questionnaire == f"{questionnaire.url}|{questionnaire.version}"
    items = {}

    def walk(qitems):
        for i in qitems or []:
            items[i.linkId] = i
            walk(i.item)

    walk(questionnaire.item)

    def check(ritems):
        for r in ritems or []:
            q = items[r.linkId]
            assert len(r.answer or []) <= 1 or q.repeats, r.linkId
            for a in r.answer or []:
                if q.type == "choice":
                    assert a.valueCoding.code in {o.valueCoding.code for o in q.answerOption}, r.linkId
            check(r.item)

    check(response.item)


def _record_questions(model: type[BaseModel], prefix: str, content) -> set[str]:
    """Every answer a record holds, named as its linkId: from the model's own fields, so a field added
    to the record without a Questionnaire item fails the test below."""
    ids = {"values": [v.id for v in content.deliberation.values.items],
           "quiz": [q.id for q in content.deliberation.quiz.questions]}
    ids["quiz_second_tries"] = ids["quiz"]
    out: set[str] = set()
    for name, field in model.model_fields.items():
        if name == "schema_version":
            continue
        link = f"{prefix}{name}"
        union = typing.get_origin(field.annotation) in (typing.Union, types.UnionType)
        args = [a for a in typing.get_args(field.annotation) if a is not type(None)] if union else [field.annotation]
        inner = typing.get_args(args[0]) if typing.get_origin(args[0]) is list else ()
        if isinstance(args[0], type) and issubclass(args[0], BaseModel):
            out |= _record_questions(args[0], f"{link}.", content)
        elif inner and isinstance(inner[0], type) and issubclass(inner[0], BaseModel):
            out |= _record_questions(inner[0], f"{link}.", content)  # a repeating group
        elif typing.get_origin(args[0]) is dict:
            out |= {f"{link}.{i}" for i in ids[name]}
        elif link == "oswestry.sections":
            out |= {f"{link}.{i}" for i in range(10)}
        else:
            out.add(link)
    return out


def test_the_questionnaire_asks_every_question_the_record_holds(content):
    asked = [s.link_id for s in leaves(specs(content))]
    assert len(asked) == len(set(asked)), "a linkId is used twice"
    assert set(asked) == _record_questions(DecisionRecord, "", content)
    assert all(s.text.strip() for s in leaves(specs(content)))
    assert all(s.options for s in leaves(specs(content)) if s.kind == "choice")


def test_the_questionnaire_is_the_same_for_the_same_content(content):
    first = resources(export(DecisionRecord(), content)[0])["Questionnaire"][0]
    second = resources(export(records.full_record(content), content)[0])["Questionnaire"][0]
    assert first == second and first["version"] == content.meta.content_version


def test_only_codes_known_for_certain_and_the_patient_as_a_placeholder(content):
    text, _ = export(records.full_record(content), content)
    found = resources(text)
    codes = {(c.get("system"), c["code"]) for o in found["Observation"] for c in o["code"].get("coding", [])}
    assert codes == {("http://loinc.org", PAIN_LOINC[0])}  # pain: LOINC; Oswestry and SURE: words only
    texts = {o["code"]["text"] for o in found["Observation"]}
    p = content.pages
    assert {p["fhir.pain_back"], p["fhir.pain_leg"], p["fhir.oswestry"], p["fhir.sure_before"],
            p["fhir.sure_after"]} == texts
    assert "Patient" not in found
    subjects = [r["subject"] for kind in ("QuestionnaireResponse", "Observation", "DocumentReference")
                for r in found[kind]]
    assert all(s == {"type": "Patient", "display": p["fhir.patient"]} for s in subjects)


def run(*args):
    return subprocess.run([sys.executable, "-m", "decision", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_the_cli_writes_the_bundle(tmp_path, content):
    saved = tmp_path / "record.json"
    record = records.full_record(content)
    saved.write_text(record.to_json(), encoding="utf-8")
    out = tmp_path / "bundle.json"
    done = run("fhir", str(saved), "-o", str(out))
    assert done.returncode == 0, done.stderr
    back, pdf = read_bundle(out.read_bytes(), content)
    assert back == record and pdf.startswith(b"%PDF-")


@pytest.mark.parametrize("body", BAD_RECORDS.values(), ids=BAD_RECORDS.keys())
def test_the_cli_refuses_a_bad_record_with_the_summarys_one_line(tmp_path, body):
    saved = tmp_path / "record.json"
    saved.write_text(body, encoding="utf-8")
    out = tmp_path / "bundle.json"
    fhir = run("fhir", str(saved), "-o", str(out))
    summary = run("summary", str(saved), "-o", str(tmp_path / "out.pdf"))
    assert fhir.returncode == 2 and fhir.stderr == summary.stderr
    assert len(fhir.stderr.strip().splitlines()) == 1 and "Traceback" not in fhir.stderr
    assert not out.exists()


def test_in_clinic_the_summary_page_offers_the_fhir_download(content):
    from tests.conftest import app_at

    at = app_at("pages/8_Summary.py", record=records.full_record(content), clinic=True)
    assert not at.exception
    buttons = [b for b in at.get("download_button") if b.proto.label == content.pages["fhir.download"]]
    assert len(buttons) == 1 and buttons[0].proto.deferred_file_id  # built only on click
