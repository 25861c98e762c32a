"""The shape of each content file: frozen pydantic models, one module per kind of clinical content.

Each model checks one file's own fields; ``decision.content.catalogue`` assembles them into one
``Content`` and ``decision.content.checks`` checks the references between files. Every model is
re-exported here, so ``from decision.content.models import X`` needs no inner module name:

- ``base``: the shared ids and kinds, ``Frozen``, ``Source`` and ``Figure``;
- ``comparisons``: the numbers of "Compare your options" (``Comparison``, ``Arm``, ``Gap``);
- ``options``: the options, the template they fill, the decision per diagnosis, the program;
- ``fusion``: the fusion questions, another operation, the surgeon's plan;
- ``deliberation``: values, quiz, SURE, suggested questions, the scores;
- ``aid``: the aid's own facts (``Meta``) and the glossary;
- ``conditions``: what each diagnosis is, where the patient chooses it;
- ``red_flags`` and ``readiness``: the safety screen and the readiness rules (policy as data);
- ``situation``: the things that change a patient's chances, per option of each diagnosis.
"""

from __future__ import annotations

from decision.content.models.aid import (
    GlossaryTerm,
    Meta,
)
from decision.content.models.base import (
    Diagnosis,
    Figure,
    FigureKind,
    Frozen,
    Horizon,
    Label,
    OptionId,
    Source,
    TreatmentKind,
)
from decision.content.models.comparisons import (
    HARM_SIDE,
    SURGICAL,
    Arm,
    Comparison,
    ComparisonKind,
    Design,
    Gap,
    Topic,
)
from decision.content.models.conditions import (
    Condition,
    Conditions,
    DrawingKind,
    DrawingWord,
    SourcedNote,
)
from decision.content.models.deliberation import (
    ByWhatItIs,
    Deliberation,
    Finding,
    OswestryBand,
    Quiz,
    QuizChoice,
    QuizQuestion,
    Reason,
    Scores,
    SuggestedQuestion,
    Sure,
    SureItem,
    ValueItem,
    Values,
)
from decision.content.models.fusion import (
    Choice,
    Fusion,
    FusionQuestion,
    PlanField,
    PlanFieldId,
    Reoperation,
)
from decision.content.models.options import (
    OVERVIEW_MAX_ROWS,
    PRACTICAL_MAX_CHARS,
    Cell,
    DiagnosisDecision,
    KindHeading,
    Option,
    Program,
    ProgramPart,
    Row,
    Template,
)
from decision.content.models.readiness import (
    HelpedRule,
    Limits,
    MedicinesUnsuitable,
    Nicotine,
    NotCounting,
    Policy,
    Readiness,
    Requirement,
    Span,
    SurgeonPart,
    Waiver,
)
from decision.content.models.red_flags import (
    LEVEL_ORDER,
    Action,
    Level,
    RedFlag,
    RedFlagId,
    RedFlagRule,
    RedFlags,
)
from decision.content.models.situation import (
    FACTORS,
    SILENT_START,
    BackPain,
    FactorEntry,
    FactorId,
    Factors,
    Situation,
    Statement,
)

__all__ = [
    "FACTORS",
    "HARM_SIDE",
    "LEVEL_ORDER",
    "OVERVIEW_MAX_ROWS",
    "PRACTICAL_MAX_CHARS",
    "SILENT_START",
    "SURGICAL",
    "Action",
    "Arm",
    "BackPain",
    "ByWhatItIs",
    "Cell",
    "Choice",
    "Comparison",
    "ComparisonKind",
    "Condition",
    "Conditions",
    "Deliberation",
    "Design",
    "Diagnosis",
    "DiagnosisDecision",
    "DrawingKind",
    "DrawingWord",
    "FactorEntry",
    "FactorId",
    "Factors",
    "Figure",
    "FigureKind",
    "Finding",
    "Frozen",
    "Fusion",
    "FusionQuestion",
    "Gap",
    "GlossaryTerm",
    "HelpedRule",
    "Horizon",
    "KindHeading",
    "Label",
    "Level",
    "Limits",
    "MedicinesUnsuitable",
    "Meta",
    "Nicotine",
    "NotCounting",
    "Option",
    "OptionId",
    "OswestryBand",
    "PlanField",
    "PlanFieldId",
    "Policy",
    "Program",
    "ProgramPart",
    "Quiz",
    "QuizChoice",
    "QuizQuestion",
    "Readiness",
    "Reason",
    "RedFlag",
    "RedFlagId",
    "RedFlagRule",
    "RedFlags",
    "Reoperation",
    "Requirement",
    "Row",
    "Scores",
    "Situation",
    "Source",
    "SourcedNote",
    "Span",
    "Statement",
    "SuggestedQuestion",
    "Sure",
    "SureItem",
    "SurgeonPart",
    "Template",
    "Topic",
    "TreatmentKind",
    "ValueItem",
    "Values",
    "Waiver",
]
