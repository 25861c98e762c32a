"""The aid itself (``meta.yaml``, ``glossary.yaml``): its name, version and review dates, authors,
funding and conflicts, purpose, how its evidence was found, and the glossary of plain meanings.
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from decision.content.models.base import Frozen

# The IPDAS criteria the content can prove or disprove, computed (decision.compare.self_check)
IpdasCheck = Literal["balance", "same_frame", "ranges", "cited"]


class IpdasRow(Frozen):
    """One row of the About page's IPDAS self-check: a criterion, where the aid meets it, and how far.
    A row that names a ``computed`` check shows what the content proves instead of what is written."""

    criterion: str
    where: str
    met: Literal["yes", "partly", "no"]  # said in words by pages' about.met_<met>
    computed: IpdasCheck | None = None


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
    ipdas: tuple[IpdasRow, ...] = ()

    @model_validator(mode="after")
    def _each_check_once(self) -> Meta:
        computed = [row.computed for row in self.ipdas if row.computed]
        if len(computed) != len(set(computed)):
            raise ValueError("ipdas: a computed check can replace only one row")
        return self


class GlossaryTerm(Frozen):
    term: str
    meaning: str
