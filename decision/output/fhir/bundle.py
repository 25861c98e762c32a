"""One visit as a FHIR R4 ``Bundle`` of type ``collection``, validated with ``fhir.resources``.

Why ``collection`` and not ``document``: a ``document`` Bundle is an attested clinical document. It
must open with a ``Composition`` naming its author and, once sent, it cannot change. What the aid
makes is not that until the surgeon has read it and signed the summary; the record system files
each resource where it belongs (the answers, the scores, the PDF). A ``collection`` is a plain set
of resources with no such promise, which is what this is.

It holds, in order: the ``Questionnaire`` (``decision.output.fhir.questionnaire``), the
``QuestionnaireResponse`` of the answers, one ``Observation`` per score
(``decision.output.fhir.observations``), and a ``DocumentReference`` carrying the summary PDF
(base64, ``application/pdf``). There is no ``Patient`` resource: the aid does not know who the
patient is, so every ``subject`` is a placeholder reference, by type and words only, that the
record system replaces with its own patient when it files the bundle. The models are FHIR R4B
(``fhir.resources.R4B``); R4B changed none of these five resources from R4.
"""

from __future__ import annotations

import base64
import uuid
from datetime import UTC, date, datetime

from fhir.resources.R4B.bundle import Bundle

from decision.content import Content
from decision.output.fhir.items import specs
from decision.output.fhir.observations import observations
from decision.output.fhir.questionnaire import canonical, questionnaire
from decision.output.fhir.response import record_from_response, response_items
from decision.record import DecisionRecord, RecordError


def placeholder(content: Content) -> dict:
    """The subject of every resource: a Patient the record system fills in."""
    return {"type": "Patient", "display": content.pages["fhir.patient"]}


def build_bundle(record: DecisionRecord, content: Content, pdf: bytes, today: date | None = None,
                 pdf_lang: str | None = None) -> Bundle:
    """The visit as a validated Bundle; ``pdf`` is the summary (``decision.output.pdf.build_pdf``), in
    ``pdf_lang`` (by default the content's language): the attachment says which."""
    made_on = today or date.today()
    # An instant: now, or midnight UTC of the day given (tests pass a day, for the same output).
    now = datetime.now(UTC) if today is None else datetime(today.year, today.month, today.day, tzinfo=UTC)
    instant = now.isoformat(timespec="seconds")
    subject = placeholder(content)
    answers = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": canonical(content),
        "status": "completed" if record.decision_reached else "in-progress",
        "subject": subject,
        "authored": made_on.isoformat(),
        "item": response_items(record, specs(content)),
    }
    document = {
        "resourceType": "DocumentReference",
        "status": "current",
        "type": {"text": content.pages["fhir.document"]},
        "subject": subject,
        "date": instant,
        "content": [{"attachment": {"contentType": "application/pdf", "language": pdf_lang or content.lang,
                                    "data": base64.b64encode(pdf).decode("ascii"),
                                    "title": content.pages["fhir.document"], "creation": made_on.isoformat()}}],
    }
    resources = [questionnaire(content), answers, *observations(record, content, subject, made_on), document]
    return Bundle.model_validate({
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": instant,
        "entry": [{"fullUrl": f"urn:uuid:{uuid.uuid4()}", "resource": r} for r in resources],
    })


def bundle_json(record: DecisionRecord, content: Content, pdf: bytes, today: date | None = None,
                pdf_lang: str | None = None) -> str:
    """The Bundle as FHIR JSON text (what the command line writes and the clinic downloads)."""
    return build_bundle(record, content, pdf, today, pdf_lang).model_dump_json(indent=2)


def read_bundle(text: str | bytes, content: Content) -> tuple[DecisionRecord, bytes]:
    """The record and the PDF a bundle holds. Raises RecordError (one plain sentence) if it holds neither."""
    try:
        entries = [e["resource"] for e in Bundle.model_validate_json(text).model_dump(mode="json")["entry"]]
        response = next(r for r in entries if r["resourceType"] == "QuestionnaireResponse")
        document = next(r for r in entries if r["resourceType"] == "DocumentReference")
        pdf = base64.b64decode(document["content"][0]["attachment"]["data"], validate=True)
        return record_from_response(response.get("item", []), specs(content)), pdf
    except (ValueError, StopIteration, KeyError, IndexError, TypeError):
        raise RecordError("not_fhir") from None
