"""What check-content refuses about the things that change a patient's chances (``situation.yaml``).

Refused, each with the file and field named:

- a diagnosis with options (template.yaml, ``diagnoses.*.options``) that has no entry, or an option
  of it with no entry: every option the patient can see has its factors, sourced or silent (the
  model itself refuses a factor left out, or an entry neither sourced nor silent);
- an entry for an option the diagnosis does not offer (it would never be shown);
- a statement, or a note for back pain, citing a source not in bibliography/.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from decision.content.checks.references import check_refs

if TYPE_CHECKING:
    from decision.content.catalogue import Content

FILE = "situation.yaml"


def situation_problems(content: Content, source_ids: set[str]) -> list[str]:
    """Every option of every diagnosis has its entry; every source named exists."""
    s = content.situation
    problems: list[str] = []
    for decision in content.template.diagnoses:
        given = s.options_by_diagnosis.get(decision.id, {})
        for option_id in decision.options:
            if option_id not in given:
                problems.append(f"{FILE}, field options_by_diagnosis.{decision.id}.{option_id}: missing; every "
                                "option of the diagnosis needs its things that change your chances (sourced or silent)")
        for option_id in given:
            if option_id not in decision.options:
                problems.append(f"{FILE}, field options_by_diagnosis.{decision.id}.{option_id}: the diagnosis "
                                "does not offer this option (template.yaml)")
    for diagnosis, options in s.options_by_diagnosis.items():
        for option_id, factors in options.items():
            for factor, entry in factors.entries():
                for i, statement in enumerate(entry.says):
                    where = f"{FILE}, field options_by_diagnosis.{diagnosis}.{option_id}.{factor}.says.{i}.sources"
                    problems += check_refs(where, statement.sources, source_ids)
    shared = [*s.shared_statements.items(), *((k, st) for k, e in s.shared_entries.items() for st in e.says)]
    for key, statement in shared:
        problems += check_refs(f"{FILE}, field shared.{key}.sources", statement.sources, source_ids)
    for option_id, note in s.back_pain.notes.items():
        problems += check_refs(f"{FILE}, field back_pain.notes.{option_id}.sources", note.sources, source_ids)
    return problems
