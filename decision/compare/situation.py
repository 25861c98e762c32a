"""Things that change your chances, for the options in view, and the note for back pain (issue 24 item 3).

One place decides what the Compare page, the Summary and the PDF say: which options are in view
(those set side by side that the diagnosis offers, else all it offers), each one's factors from
``content/situation.yaml`` in order (sourced statements or a plain silence), and whether the
patient's worst pain is the back while an operation done mainly for leg pain is in view
(the record's operation, or an option in view). Words come from content; nothing here draws.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from decision.content import Content
from decision.content.models import Statement


@dataclass(frozen=True)
class FactorLine:
    """One factor for one option: its name and the sentences to show (one per statement, or the silence)."""

    factor: str  # the factor's name, e.g. "Smoking"
    sentences: tuple[str, ...]  # each statement's text, with the secondary-report words after a V2 one
    sources: tuple[str, ...]  # source ids, in order, once each
    silent: bool


@dataclass(frozen=True)
class OptionSituation:
    option_id: str
    name: str
    lines: tuple[FactorLine, ...]


def options_in_view(content: Content, diagnosis: str | None, compared: Iterable[str] = ()) -> tuple[str, ...]:
    """The diagnosis's options that are set side by side, in the template's order; all of them if none is."""
    if not diagnosis or diagnosis not in content.diagnosis_by_id:
        return ()
    offered = content.decision_for(diagnosis).options
    picked = set(compared)
    return tuple(o for o in offered if o in picked) or tuple(offered)


def _sentence(content: Content, statement: Statement) -> str:
    return f"{statement.text} {content.situation.label_v2}" if statement.label == "V2" else statement.text


def situation_for(content: Content, diagnosis: str | None, options: Iterable[str]) -> tuple[OptionSituation, ...]:
    """Each option's factors for the diagnosis, in the template's order (options it has no entry for: none)."""
    s = content.situation
    entries = {str(d): e for d, e in s.options_by_diagnosis.items()}.get(diagnosis or "", {})
    wanted = set(options)
    out: list[OptionSituation] = []
    for option_id in content.template.option_order:
        factors = entries.get(option_id)
        if option_id not in wanted or factors is None:
            continue
        lines = []
        for factor, entry in factors.entries():
            if entry.silent:
                lines.append(FactorLine(s.factors[factor], (entry.silent,), (), True))
                continue
            sources = tuple(dict.fromkeys(src for st in entry.says for src in st.sources))
            lines.append(FactorLine(s.factors[factor], tuple(_sentence(content, st) for st in entry.says), sources,
                                    False))
        out.append(OptionSituation(option_id, content.option(option_id).name, tuple(lines)))
    return tuple(out)


def back_pain_notes(content: Content, worst_pain: str | None,
                    in_view: Iterable[str]) -> tuple[tuple[str, Statement], ...]:
    """(operation, note) to show when the worst pain is the back: one per operation in view that has one."""
    if worst_pain != "back":
        return ()
    notes = content.situation.back_pain.notes
    seen = set(in_view)
    return tuple((o, notes[o]) for o in content.template.option_order if o in seen and o in notes)


def note_sentence(content: Content, statement: Statement) -> str:
    """A note's words, with the secondary-report words after it where it is V2."""
    return _sentence(content, statement)
