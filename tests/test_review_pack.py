"""The review pack (issue 25, item 3): every comparison, figure and rule in content, each with its source.

The pack is counted against the content itself: a comparison, figure or rule added to content and
missing from the pack fails here. It is one self-contained HTML file (nothing fetched), every value
escaped, and it says plainly where the content does not record the evidence section.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from decision.content import CONTENT_DIR, content_fingerprint, load_content
from decision.output.review_pack import build_review_pack
from decision.output.review_pack.comments import read_notes
from decision.output.review_pack.sources import NOT_RECORDED

ROOT = Path(__file__).resolve().parent.parent


class Rows(HTMLParser):
    """The text of each table row that has an id, and every tag and attribute seen."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, str] = {}
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self._row: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}
        if tag == "tr" and dict(attrs).get("id"):
            self._row = dict(attrs)["id"]
            self.rows[self._row] = ""

    def handle_endtag(self, tag):
        if tag == "tr":
            self._row = None

    def handle_data(self, data):
        if self._row:
            self.rows[self._row] += data + " "


@pytest.fixture(scope="module")
def pack() -> str:
    return build_review_pack(load_content(), CONTENT_DIR)


@pytest.fixture(scope="module")
def rows(pack) -> Rows:
    parsed = Rows()
    parsed.feed(pack)
    return parsed


def readiness_rule_ids(content) -> set[str]:
    """Every readiness rule, counted from content here rather than from the pack's own list."""
    r = content.readiness
    ids = {f"readiness.not_counting.{kind}" for kind in r.not_counting}
    ids |= {f"readiness.{part}" for part in ("categories", "early_pain", "span", "medicines_unsuitable", "helped",
                                             "limits", "surgeon", "not_judged", "nicotine")}
    for p in r.policies:
        pid = f"readiness.policy.{p.procedure}.{'+'.join(p.diagnoses)}"
        ids |= {pid} | {f"{pid}.{req.id}" for req in p.requirements}
    return ids


def ids_with(rows: Rows, prefix: str) -> list[str]:
    return [i.removeprefix(prefix) for i in rows.rows if i.startswith(prefix)]


def test_the_pack_lists_every_comparison_figure_and_rule(content, rows):
    comparisons = ids_with(rows, "comparison-")
    assert sorted(comparisons) == sorted(c.id for c in content.comparisons)
    assert len(comparisons) == len(content.comparisons) == 65
    assert sorted(ids_with(rows, "figure-")) == sorted(f.id for f in content.figures)
    red = ids_with(rows, "rule-red_flags.")
    assert sorted(red) == sorted(r.id for r in content.red_flags.rules)
    readiness = ids_with(rows, "rule-readiness.")
    assert len(readiness) == len(set(readiness)), "a readiness rule id appears twice"
    assert {f"readiness.{i}" for i in readiness} == readiness_rule_ids(content)


def test_each_comparison_row_has_its_arms_population_time_frame_design_label_and_source(content, rows):
    for c in content.comparisons:
        text = " ".join(rows.rows[f"comparison-{c.id}"].split())
        source = content.source(c.source)
        for part in (c.population, c.time_frame, f"({c.design})", f"{c.label}:", f"[{c.source}]",
                     " ".join(source.citation.split()), *(arm.outcome for arm in c.arms.values())):
            assert " ".join(part.split()) in text, (c.id, part)
        for arm in c.arms.values():
            for value in (arm.per_100, arm.points, arm.low, arm.high):
                if value is not None:
                    assert f"{value:g}" in text, (c.id, value)


def test_the_evidence_section_is_the_files_note_or_plainly_not_recorded(rows):
    notes = read_notes((CONTENT_DIR / "figures" / "comparisons.yaml").read_text(encoding="utf-8"))
    assert "OE 1.2" in notes.of("comparisons", "peul_recovered_1y")
    assert "OE 1.2, Peul 2007" in rows.rows["comparison-peul_recovered_1y"]
    # This entry has no note of its own in the file: the pack must not borrow its neighbour's.
    assert notes.of("comparisons", "stenosis_wound_infection") == ""
    wound = " ".join(rows.rows["comparison-stenosis_wound_infection"].split())
    assert NOT_RECORDED in wound and "Deyo" not in wound and "https://" in wound  # source id, citation and URL
    # A choice the aid made where the evidence left the level open is marked for the reviewer.
    cancer = rows.rows["rule-red_flags.cancer_with_nerve_signs"]
    assert "FOR CLINICAL REVIEW" in cancer and "The aid made a choice here" in cancer
    assert "NR section 2" in rows.rows["rule-red_flags.cauda_equina"]
    assert "NR 1.4" in rows.rows["rule-readiness.policy.fusion.chronic_low_back_pain"]
    exercise = "rule-readiness.policy.microdiscectomy.disc_herniation.active_exercise_6_weeks"
    assert "this aid's choice" in rows.rows[exercise]


def test_the_pack_has_the_reading_level_per_file_and_a_table_to_sign(content, pack):
    for file in ("figures/", "readiness.yaml", "red_flags.yaml", "pages.yaml", "options/fusion"):
        assert f"<code>{file}</code>" in pack
    assert "No clinician has signed off this version of the content." in pack
    assert content_fingerprint(CONTENT_DIR) in pack and "Signature" in pack


def test_the_pack_is_self_contained(rows, pack):
    assert rows.tags <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "br", "strong",
                         "span", "code", "pre", "table", "thead", "tbody", "tr", "th", "td"}
    assert rows.attributes <= {"charset", "lang", "class", "id"}  # no src, href, style or on* attribute
    assert not re.search(r"url\(|@import|@font-face|https?://[^<\s]*\.(?:css|js|woff2?)", pack.split("</style>")[0])


def test_content_text_and_notes_are_escaped(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    path = root / "figures" / "comparisons.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  # OE 1.2, Peul 2007:", "  # <script>alert('note')</script> OE 1.2, Peul 2007:", 1)
    text = text.replace("(283 people)", "(283 people) <img src=x onerror=alert(1)> & more", 1)
    path.write_text(text, encoding="utf-8")
    pack = build_review_pack(load_content(root), root)
    assert "<script" not in pack and "<img" not in pack
    assert "&lt;script&gt;alert(&#x27;note&#x27;)&lt;/script&gt;" in pack
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; more" in pack


def test_the_command_writes_the_pack_and_refuses_a_bad_path_in_one_line(tmp_path):
    out = tmp_path / "pack.html"
    done = subprocess.run([sys.executable, "-m", "decision", "review-pack", "-o", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    bad = subprocess.run([sys.executable, "-m", "decision", "review-pack", "-o", str(tmp_path / "no" / "x.html")],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1 and "Could not write" in bad.stderr


NOTES = """\
# header of the file
intro: x
items:
  # note of a
  - id: a
    text: >-
      # not a comment: inside a block
      key: not a key either
    # note of b's field
    b: 1
  - id: c
    value: 2
# note of policies
policies:
- procedure: fusion
  # inside the item
  min_weeks: 6
  "yes": quoted
  # ---------------- a ruler, not a note
  # note of the list
  sources:
    - one
"""


def test_notes_are_found_by_path():
    notes = read_notes(NOTES)
    assert notes.header == "header of the file"
    assert notes.of("intro") == ""
    assert notes.of("items", "a") == "note of a"
    assert notes.of("items", "a", "b") == "note of b's field"
    assert notes.of("items", "c") == ""
    assert notes.of("policies") == "note of policies"
    assert notes.of("policies", "0", "min_weeks") == "inside the item"
    assert notes.of("policies", "0", "sources") == "note of the list"
    assert notes.within("policies", "0") == ["inside the item", "note of the list"]
    assert all("not a" not in text for text in notes.by_path.values())


def test_a_signed_copy_says_so_in_the_pack(tmp_path):
    import yaml

    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    content = load_content(root)
    entry = {"role": "Consultant spine surgeon", "date": "2026-12-07", "scope": "The whole pack",
             "content_version": content.meta.content_version, "content_hash": content_fingerprint(root)}
    (root / "signoff.yaml").write_text(yaml.safe_dump({"signoffs": [entry]}), encoding="utf-8")
    pack = build_review_pack(content, root)
    assert "Signed off for this content." in pack
    assert "Signed off: this content was signed off on 2026-12-07 by Consultant spine surgeon" in pack
    assert "No clinician has signed off" not in pack
