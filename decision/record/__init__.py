"""The patient's record: one ``DecisionRecord`` per session, the single source of truth.

- ``model``: the record's fields, their plausible spans and its schema version;
- ``limits``: what a save file and a text may hold (size, depth, lengths) and the initials rule;
- ``parse``: reading a save file that may be broken or hostile, with one plain message for any fault;
- ``migrate``: bringing a file an older version wrote up to the current schema;
- ``oswestry``: the Oswestry score of the patient's own answers.

Outside tools import ``decision.record.DecisionRecord`` and ``decision.record.parse_record``; those
names stay here. This package uses ``decision.content`` (for ids) and ``decision.text`` only.
"""

from __future__ import annotations

from decision.record.limits import INITIALS_PROBLEM, MAX_FILE_BYTES, MAX_STRING, initials_problem
from decision.record.model import (
    SCHEMA_VERSION,
    Clinical,
    DecisionReached,
    DecisionRecord,
    FusionPlan,
    NextStep,
    Oswestry,
    Procedure,
    Proposal,
    Sure,
    SureAnswers,
    Treatment,
    longer_than_symptoms,
    longest_treatment,
)
from decision.record.parse import RecordError, parse_record

__all__ = [
    "INITIALS_PROBLEM",
    "MAX_FILE_BYTES",
    "MAX_STRING",
    "SCHEMA_VERSION",
    "Clinical",
    "DecisionReached",
    "DecisionRecord",
    "FusionPlan",
    "NextStep",
    "Oswestry",
    "Procedure",
    "Proposal",
    "RecordError",
    "Sure",
    "SureAnswers",
    "Treatment",
    "initials_problem",
    "longer_than_symptoms",
    "longest_treatment",
    "parse_record",
]
