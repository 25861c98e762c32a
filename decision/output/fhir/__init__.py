"""The visit as HL7 FHIR R4 (issue 25): one ``Bundle`` a hospital's record system can file.

- ``items``: every question the pages ask, with its stable ``linkId``;
- ``questionnaire``: the ``Questionnaire`` drawn from them, generated from content;
- ``response``: the answers as a ``QuestionnaireResponse``, and back again without loss;
- ``observations``: the Oswestry score, the pain ratings and SURE as ``Observation``s (which codes);
- ``bundle``: the ``collection`` Bundle with the PDF in a ``DocumentReference`` (why a collection).

Outside code imports from here: ``from decision.output.fhir import bundle_json``.
"""

from __future__ import annotations

from decision.output.fhir.bundle import build_bundle, bundle_json, read_bundle
from decision.output.fhir.items import Spec, leaves, specs
from decision.output.fhir.questionnaire import QUESTIONNAIRE_URL, questionnaire

__all__ = ["QUESTIONNAIRE_URL", "Spec", "build_bundle", "bundle_json", "leaves", "questionnaire", "read_bundle",
           "specs"]
