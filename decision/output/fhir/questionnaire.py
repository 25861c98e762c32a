"""The ``Questionnaire`` the aid's answers are given against, generated from content on the fly.

Generated, not shipped as a file: it is a function of the content, so it can never be out of date
with the pages, and every bundle carries the one its answers were given against. Its canonical
``url`` is fixed; its ``version`` is the content version, so a record system can store one copy per
content version and match each QuestionnaireResponse to it (``questionnaire`` is ``url|version``).
``status`` is ``draft``: the content has not yet had a clinician's sign-off (About says so).
"""

from __future__ import annotations

from decision.content import Content
from decision.output.fhir.items import Spec, specs

# A fixed URN, uuid5(NAMESPACE_URL, "lumbar-spine-decision-aid/questionnaire"), not a web address:
# the aid has no server of its own to name.
QUESTIONNAIRE_URL = "urn:uuid:70cacf77-5de2-5ba3-82cb-d5f536d34490"


def canonical(content: Content) -> str:
    return f"{QUESTIONNAIRE_URL}|{content.meta.content_version}"


def questionnaire(content: Content) -> dict:
    """The Questionnaire resource, as FHIR JSON (validated with the bundle)."""
    m = content.meta
    return {
        "resourceType": "Questionnaire",
        "url": QUESTIONNAIRE_URL,
        "version": m.content_version,
        "name": "LumbarSpineDecisionAid",
        "title": content.pages["fhir.questionnaire_title"].format(name=m.name),
        "status": "draft",
        "subjectType": ["Patient"],
        "item": [_item(s) for s in specs(content)],
    }


def _item(spec: Spec) -> dict:
    item: dict = {"linkId": spec.link_id, "text": spec.text, "type": spec.kind}
    if spec.repeats:
        item["repeats"] = True
    if spec.options:
        item["answerOption"] = [{"valueCoding": {"code": code, "display": words}} for code, words in spec.options]
    if spec.children:
        item["item"] = [_item(c) for c in spec.children]
    return item
