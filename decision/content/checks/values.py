"""What check-content refuses about the values fit (deliberation.yaml, ``values``).

The fit of a reason is derived, never written: ``Values.fit`` reads what the source says about the
comparison the reason rests on (``values.findings``). One comparison therefore gives one option one
label, whatever the item. What this module refuses keeps the findings true to their comparisons and
the words true to the labels, each with the file and field named:

- a reason whose comparison is about a topic its item is not about;
- a comparison with two or more arms that a reason rests on, with no finding (what its source says);
- a finding for a comparison that is not in figures/, that no reason rests on, or that has one arm
  (one arm cannot favour one option over another);
- a finding that favours an option with no arm in its comparison;
- a finding that favours an option its own numbers do not favour: for a benefit the favoured arm
  must be higher, for a harm or more surgery lower, than every other arm; equal numbers favour no
  one; a gap must favour the same arm, with an interval that leaves out no difference;
- a finding that favours an option where the comparison's own words say the gap could be chance;
- a reason labelled "tends to fit" or "tends not to fit" whose words say the gap could be chance or
  that the options did about the same;
- a reason by what an option is (``by_what_it_is``) on an item not marked ``about_operation_itself``,
  an item so marked without one, or one whose words hold a number: its label follows from what an
  option is (``Values.fit_by_what_it_is``), so it has no study and no number; numbers stay in the
  reasons that rest on a comparison.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decision.content.catalogue import Content
    from decision.content.models import Comparison, ValueItem

FILE = "deliberation.yaml"

# Words that say a result is no clear difference: they cannot explain a label that claims one.
CHANCE_WORDS = (
    "due to chance", "too small to be sure", "not clearly", "about as well", "about the same",
    "about as many", "no clear difference",
)
# A number, in figures or in words: a reason by what an option is has none.
NUMBER = re.compile(r"\d|%|\b(half|halves|third|thirds|quarter|percent|per cent|in 100)\b", re.IGNORECASE)


def values_problems(content: Content) -> list[str]:
    """Every problem of the values fit, each naming deliberation.yaml and the field to fix."""
    values = content.deliberation.values
    comparisons = {c.id: c for c in content.comparisons}
    problems: list[str] = []
    used: set[str] = set()
    for item in values.items:
        problems += _by_what_it_is_problems(item)
        for n, r in enumerate(item.reasons):
            c = comparisons.get(r.comparison)
            if c is None:
                continue  # references.py names a comparison that is not in figures/
            used.add(c.id)
            where = f"{FILE}, field values.items.{item.id}.reasons.{n}"
            if c.topic not in item.topics:
                problems.append(f"{where}.comparison: '{c.id}' is about {c.topic}, which the item is not about "
                                f"(its topics: {', '.join(item.topics)})")
            if c.paired and c.id not in values.findings:
                problems.append(f"{where}.comparison: '{c.id}' has two or more arms but no entry in values.findings "
                                "saying what its source says about the difference")
            fit = values.fit(r.option, c.id)
            said = next((w for w in CHANCE_WORDS if w in r.why.lower()), None)
            if fit != "mixed" and said:
                problems.append(f"{where}.why: the fit is {fit} (from values.findings.{c.id}), but the words say "
                                f"'{said}'; a chance result or no clear difference is mixed")
    for cid, finding in values.findings.items():
        where = f"{FILE}, field values.findings.{cid}"
        c = comparisons.get(cid)
        if c is None:
            problems.append(f"{where}: '{cid}' is not a comparison in figures/")
            continue
        if cid not in used:
            problems.append(f"{where}: no reason rests on this comparison")
        if not c.paired:
            problems.append(f"{where}: '{cid}' has one arm, so it cannot favour one option over another; remove it")
            continue
        if finding.favours is not None:
            problems += [f"{where}.favours: {p}" for p in _favours_problems(c, finding.favours)]
    return problems


def _by_what_it_is_problems(item: ValueItem) -> list[str]:
    where = f"{FILE}, field values.items.{item.id}"
    whys = item.by_what_it_is
    if whys is None:
        if item.about_operation_itself:
            return [f"{where}.by_what_it_is: the item is marked about_operation_itself but gives no reason by "
                    "what an option is (no_operation, an_operation)"]
        return []
    if not item.about_operation_itself:
        return [f"{where}.by_what_it_is: a reason by what an option is needs an item about having an operation "
                "at all (about_operation_itself: true, one of the items the rule at the head of values names)"]
    return [f"{where}.by_what_it_is.{field}: '{m.group(0)}' is a number; a reason by what an option is has "
            "none (the numbers are in the reasons that rest on a comparison)"
            for field, why in (("no_operation", whys.no_operation), ("an_operation", whys.an_operation))
            if (m := NUMBER.search(why))]


def _favours_problems(c: Comparison, favours: str) -> list[str]:
    if favours not in c.arms:
        return [f"'{c.id}' has no arm for {favours}"]
    words = f"{c.caveat} {c.note}".lower()
    if "due to chance" in words:
        return [f"'{c.id}' says its gap could be due to chance, so it favours no option beyond chance"]
    if c.measure == "gap":
        assert c.gap is not None  # measure 'gap' has a gap (checked at load)
        if c.gap.favours != favours:
            return [f"'{c.id}' gives a gap favouring {c.gap.favours}, not {favours}"]
        if c.gap.low is not None and c.gap.low <= 0:
            return [f"the interval of '{c.id}' includes no difference"]
        return []
    numbers = {o: (a.per_100 if c.measure == "people" else a.points) for o, a in c.arms.items()}
    mine, others = numbers[favours], [v for o, v in numbers.items() if o != favours]
    if any(v == mine for v in others):
        return [f"'{c.id}' gives {mine:g} to {favours} and the same to another arm: one number cannot "
                "favour one option"]
    if c.measure == "people":
        fewer_is_better = c.kind != "benefit"
        if any((v < mine) if fewer_is_better else (v > mine) for v in others if v is not None and mine is not None):
            better = "fewer" if fewer_is_better else "more"
            return [f"'{c.id}' does not give {favours} {better} than every other arm"]
    return []
