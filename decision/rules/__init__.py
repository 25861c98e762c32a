"""The verdicts: the red-flag screen and the readiness check.

- ``red_flags``: the safety screen, which level (emergency, urgent, soon) the ticked signs call for, and why;
- ``readiness``: whether the care so far matches what guidelines and insurers ask for before the
  operation being considered, and whether an operation is still needed (``assess``);
- ``readiness_parts``: the four parts of that check (care, has it helped, limits, the surgeon's part).

The rules themselves are data, each with whose rule it is and its sources: ``content/red_flags.yaml``
and ``content/readiness.yaml``. These modules only apply them. This package uses
``decision.content`` and ``decision.record`` only.
"""
