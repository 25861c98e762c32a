"""Your care so far after issue 24's cut: what stays in view and what waits in a closed layer.

In view: the verdict and what it means ("this does not mean you should have it"), every line not
met, what the surgeon must confirm, the notes that weigh on the choice, the parts in place named in
one line, and the nicotine question. In closed layers: each line with whose rule it is, care that
never counts, the nicotine numbers with their "seen only in a review" label beside them.
"""

from __future__ import annotations

from decision.record import DecisionRecord
from decision.rules.readiness import assess
from tests.browser.walk_lengths import answered_record
from tests.conftest import app_at, assert_no_exception
from tests.test_sources_out_of_text import _visible

CARE = "pages/2_Your_care_so_far.py"


def _open(diagnosis: str, content, **update):
    record = DecisionRecord.model_validate(answered_record(diagnosis, content)).model_copy(update=update)
    at = app_at(CARE, record)
    assert_no_exception(at)
    return at, record


def _layer_text(at, label: str) -> str:
    found = [e for e in at.expander if e.label == label]
    assert len(found) == 1, label
    return " ".join(m.value for m in found[0].markdown) + " " + " ".join(c.value for c in found[0].caption)


def test_lines_not_met_stay_in_view_and_whose_rule_waits_in_the_layer(content):
    at, record = _open("chronic_low_back_pain", content)
    result = assess(record, content)
    assert result.status == "not_yet"
    shown = " ".join(_visible(at.main))
    missing = [line for part in result.parts for line in part.missing]
    met = [line for part in result.parts for line in part.met]
    assert missing and met
    for line in missing:
        assert line in shown  # every line NOT met, in view
    for note in content.policy("fusion", "chronic_low_back_pain").notes:
        assert note in shown  # UK guidance's word against fusion, in view beside the verdict
    for line in met:
        assert line not in shown  # met lines are named compactly...
    in_place = [p.title for p in result.parts if p.met and not p.missing]
    assert content.pages["care.in_place"].format(parts=" · ".join(in_place)) in shown
    layer = _layer_text(at, content.pages["care.whose_rules_title"])
    for line in (*met, *missing):
        assert line in layer  # ...and said in full, with whose rule it is, in the layer
    nerve = content.readiness.not_counting["nerve_pain_medication"].reason
    assert nerve in layer and nerve not in shown
    assert content.readiness.messages["disclaimer"] in layer
    assert shown.count(content.readiness.messages["disclaimer"]) == 0  # said once


def test_a_met_result_says_what_it_does_not_mean_in_view(content):
    at, record = _open("degenerative_spondylolisthesis", content)
    assert assess(record, content).status == "criteria_met"
    shown = " ".join(_visible(at.main))
    assert content.readiness.messages["met"] in shown  # "This does not mean you should have it."
    assert content.readiness.status_titles["criteria_met"] in [i.value.strip("*") for i in at.info]


def test_what_the_surgeon_must_confirm_stays_in_view(content):
    from decision.record import Clinical

    at, record = _open("spinal_stenosis", content, clinical=Clinical())
    result = assess(record, content)
    assert result.surgeon_to_confirm
    shown = " ".join(_visible(at.main))
    for line in result.surgeon_to_confirm:
        assert line in shown


def test_the_nicotine_numbers_keep_their_review_label_in_their_layer(content):
    at, _ = _open("degenerative_spondylolisthesis", content)
    nicotine = content.readiness.nicotine
    shown = " ".join(_visible(at.main))
    assert at.radio(key="w:nicotine").label == nicotine.question  # the question stays, outside any layer
    assert not any(r.key == "w:nicotine" for e in at.expander for r in e.radio)
    assert nicotine.why not in shown
    layer = _layer_text(at, content.pages["care.nicotine_why_title"])
    assert nicotine.why in layer
    assert content.pages["care.label_v2"] in layer  # the V2 label goes with its number


def test_an_unticked_treatment_asks_nothing_more(content):
    at, record = _open("disc_herniation", content)
    ticked = {t.kind for t in record.treatments}
    unticked = [k for k in content.program.treatment_names if k not in ticked]
    keys = {w.key for w in at.number_input} | {w.key for w in at.selectbox}
    for kind in unticked:
        assert not any(k.endswith((f"weeks:{kind}", f"helped:{kind}")) for k in keys)
    for kind in ticked:
        assert any(k.endswith(f"weeks:{kind}") for k in keys) and any(k.endswith(f"helped:{kind}") for k in keys)
