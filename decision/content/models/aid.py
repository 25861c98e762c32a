"""The aid itself (``meta.yaml``, ``glossary.yaml``): its name, version and review dates, authors,
funding and conflicts, purpose, how its evidence was found, and the glossary of plain meanings.
"""

from __future__ import annotations

from decision.content.models.base import Frozen


class Meta(Frozen):
    name: str
    content_version: str
    published: str
    last_review: str
    next_review: str
    authors: tuple[str, ...]
    funding: str
    conflicts: str
    update_policy: str
    evidence_method: str
    purpose: str
    not_for: tuple[str, ...]
    steps: tuple[str, ...]
    seed_source: str
    ipdas: tuple[dict[str, str], ...] = ()


class GlossaryTerm(Frozen):
    term: str
    meaning: str
