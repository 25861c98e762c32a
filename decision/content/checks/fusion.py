"""What check-content refuses on the fusion cards (fusion.yaml), so each card stays balanced
(issue 23: "fusion cards answer their own question, with harms for each choice on the card where
the evidence has them ... and the single-arm warning where it applies"):

- a card that counts a harm (a figure of kind "harm") and does not say whose harm it is: every harm
  figure on the card must be named by one of its choices' ``harms``;
- a card that counts a harm for one choice and none for another: each choice then names a harm of
  its own, or says in a whole sentence (``no_harm``) that our evidence counts none for it;
- a closed card that shows a harm for one choice and hides every harm of another: where the key
  figures hold a harm, they hold one for each choice that has harms;
- a number shown alone from its study beside numbers from other studies, with no warning: in each
  layer of a card (the key figures on the closed card; every figure behind "read more"), a figure
  whose source gives no other figure in that layer, while the layer holds figures from other
  sources, must have a ``single_arm`` warning on the card. A gap between two groups (kind "context")
  compares both arms of its study in one number, so it does not stand alone.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decision.content.catalogue import Content
    from decision.content.models.fusion import FusionQuestion


def fusion_problems(content: Content, figure_ids: set[str]) -> list[str]:
    problems: list[str] = []
    for q in content.fusion.questions:
        if any(f not in figure_ids for f in q.figures):
            continue  # an unknown figure is reported by the references check
        problems += _harm_problems(content, q) + _lone_figure_problems(content, q)
    return problems


def _harm_problems(content: Content, q: FusionQuestion) -> list[str]:
    where = f"fusion.yaml ({q.id})"
    harms = [f for f in q.figures if content.figure(f).kind == "harm"]
    named = {h for c in q.choices for h in c.harms}
    problems = [f"{where} choices: the harm {f} is on the card but no choice names it in its harms"
                for f in harms if f not in named]
    problems += [f"{where} choices: {h} is named as a harm but is not a figure of kind 'harm'"
                 for h in sorted(named) if h not in harms]
    if not harms:
        return problems
    for c in q.choices:
        if not c.harms and not c.no_harm.strip():
            problems.append(f"{where} choices ({c.name}): the card counts harms for another choice; name this "
                            "choice's harms, or say in no_harm that our evidence counts none for it")
    if any(f in harms for f in q.key_figures):
        for c in q.choices:
            if c.harms and not set(c.harms) & set(q.key_figures):
                problems.append(f"{where} key_figures: the closed card shows a harm for another choice "
                                f"but none of {c.name}'s ({', '.join(c.harms)})")
    return problems


def _lone_figure_problems(content: Content, q: FusionQuestion) -> list[str]:
    problems = []
    for layer, ids in (("key_figures", q.key_figures), ("figures", q.figures)):
        sources = Counter(content.figure(f).source for f in ids)
        if len(sources) < 2:
            continue
        for f in ids:
            figure = content.figure(f)
            if figure.kind != "context" and sources[figure.source] == 1 and not q.single_arm.get(f, "").strip():
                problems.append(f"fusion.yaml ({q.id}) {layer}: {f} stands alone from its study beside numbers "
                                "from other studies; give it a single_arm warning on the card")
    return problems
