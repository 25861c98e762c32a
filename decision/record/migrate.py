"""Bringing a save file an older version of the aid wrote up to the current schema.

``migrate`` takes the file's parsed JSON (a dict, already checked against the file limits) and
returns it in the current shape, one version step at a time (1 → 2 → 3 → 4 → 5); the model then
validates the result as it would a new file. What each version added is in ``model``'s docstring;
why each step reads an old answer the way it does is said beside the step.
"""

from __future__ import annotations


def migrate(data: dict) -> dict:
    """Bring an older save file up to the current shape."""
    version = data.get("schema_version")
    if version == 1:
        # Version 1 held the readiness fields only, with no separate "screen answered" field: its
        # red_flags list was the screen's answer (an empty list meant "none apply"). Everything
        # added in version 2 has a default.
        data = {**data, "schema_version": 2}
        if "safety_screen_done" not in data:
            data["safety_screen_done"] = isinstance(data.get("red_flags"), list)
        version = 2
    if version == 2:
        # Version 3 adds nicotine use; a version 2 file was never asked, so it stays unanswered.
        # Version 2 also pre-selected "not_sure" and "none_yet" on arrival, so in a v2 file they
        # cannot be told from a skipped question. They become "not answered": the reading that
        # never prints an answer the patient may not have given. A missing key was the same default.
        data = dict(data)
        if data.get("diagnosis", "not_sure") == "not_sure":
            data["diagnosis"] = None
        if data.get("procedure", "none_yet") == "none_yet":
            data["procedure"] = None
        plan = data.get("fusion_plan")
        if isinstance(plan, dict):  # the plan's radios were pre-set to "undecided" in the same way
            # The notes are free text, kept as written, even a note that says "undecided" (issue 21).
            data["fusion_plan"] = {k: (None if v == "undecided" and k != "surgeon_notes" else v)
                                   for k, v in plan.items()}
        data["schema_version"] = 3
        version = 3
    if version == 3:
        # Version 4 adds care_weeks, medicines_unsuitable and clinical.imaging_matches. A version 3
        # file was never asked them: each stays unanswered (its default), never assumed.
        data = {**data, "schema_version": 4}
        version = 4
    if version == 4:
        # Version 5 adds the visit's fields: clinical.levels and clinical.next_step. A version 4
        # file was never asked them: each stays unanswered. Its proposal (an operation or
        # "none_yet") is one of the version 5 choices as it is.
        data = {**data, "schema_version": 5}
    return data
