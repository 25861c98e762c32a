"""The scores as FHIR ``Observation``s: the Oswestry score, the two pain ratings, SURE before and after.

Codes: only codes known for certain are used, and none is made up.

- Pain ratings: LOINC 72514-3, "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
  once for back pain and once for leg pain; ``bodySite`` says which, in words (no body-site code).
- Oswestry Disability Index: not coded. No LOINC code for its total could be checked when this was
  written (no look-up was possible), so the Observation carries the words only (``code.text``); a
  record system can map it to its own code.
- SURE test before and after the visit: not coded (no code known for certain), words only.
- Every one has category ``survey`` (HL7 observation-category).

An Observation is written only for a score the patient gave: a pain rating answered, an Oswestry
score the aid could compute, a SURE test with all four answers (an unfinished one is not scored,
as on screen).
"""

from __future__ import annotations

from datetime import date

from decision.content import Content
from decision.deliberation import SURE_MAX, sure_score
from decision.record import DecisionRecord
from decision.record.oswestry import oswestry_score

LOINC = "http://loinc.org"
PAIN_LOINC = ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
CATEGORY = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "survey", "display": "Survey"}]}
UCUM = "http://unitsofmeasure.org"


def observations(record: DecisionRecord, content: Content, subject: dict, made_on: date) -> list[dict]:
    """The Observation resources (FHIR JSON) for ``record``'s scores."""
    p = content.pages
    out: list[dict] = []

    def add(code: dict, value: dict, **extra) -> None:
        out.append({"resourceType": "Observation", "status": "final", "category": [CATEGORY], "code": code,
                    "subject": subject, "effectiveDateTime": made_on.isoformat(), **value, **extra})

    pain = {"coding": [{"system": LOINC, "code": PAIN_LOINC[0], "display": PAIN_LOINC[1]}]}
    if record.pain_back is not None:
        add({**pain, "text": p["fhir.pain_back"]}, {"valueInteger": record.pain_back},
            bodySite={"text": p["fhir.site_back"]})
    if record.pain_leg is not None:
        add({**pain, "text": p["fhir.pain_leg"]}, {"valueInteger": record.pain_leg},
            bodySite={"text": p["fhir.site_leg"]})
    odi = oswestry_score(record.oswestry, content.scores)
    if odi:
        add({"text": p["fhir.oswestry"]},
            {"valueQuantity": {"value": odi.percent, "unit": "%", "system": UCUM, "code": "%"}})
    for answers, key in ((record.sure.before, p["fhir.sure_before"]), (record.sure.after, p["fhir.sure_after"])):
        score = sure_score(answers)
        if score.complete:
            add({"text": key}, {"valueInteger": score.score},
                referenceRange=[{"low": {"value": 0}, "high": {"value": SURE_MAX}}])
    return out
