"""The walk a patient reads, every question answered: each page's words, screens, inputs and SMOG
grade, in Chromium (not a test; issue 24's budgets are printed and, once the cut lands, held by
tests/browser/test_length_budgets.py).

    .venv/bin/python benchmarks/walk.py [--diagnosis degenerative_spondylolisthesis ...]
                                        [--out test-artifacts/walk-lengths.json]

Starts ``streamlit run app.py`` on a free loopback port. For each diagnosis it opens the fully
answered save file (``tests/browser/walk_lengths.answered_record``), walks Start to Summary from
the sidebar, and measures each page as ``tests/browser/walk_lengths.py`` says (words and SMOG of
``stMain``'s visible text, height in px and in screens of the window's height, inputs), twice: at
home at 1280 x 900 and in clinic at 1280 x 800. "Read more" layers stay closed. Prints a table per
diagnosis and mode and writes every figure to the JSON file: the "before" and "after" of issue 24,
measured the same way.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from length import ARGS, CHROMIUM  # noqa: E402
from load import start_server  # noqa: E402
from walk_lengths import (  # noqa: E402
    ANSWERED_WALK_SCREENS as WALK_SCREENS,
    ANSWERED_WALK_WORDS as WALK_WORDS,
    PAGE_SCREENS,
    PAGE_SMOG,
    answered_record,
    measure_walk,
    open_record,
    set_clinic,
)

from decision.content import load_content  # noqa: E402

MODES = (("home", 1280, 900), ("clinic", 1280, 800))


def table(rows: list[dict], title: str) -> str:
    out = [title, f"{'page':<10}{'words':>7}{'px':>7}{'screens':>9}{'inputs':>8}{'SMOG':>6}"]
    for r in rows:
        out.append(f"{r['key'][4:]:<10}{r['words']:>7}{r['height']:>7}{r['screens']:>9.1f}{r['inputs']:>8}{r['smog']:>6.1f}")
    out.append(f"{'walk':<10}{sum(r['words'] for r in rows):>7}{sum(r['height'] for r in rows):>7}"
               f"{sum(r['screens'] for r in rows):>9.1f}{sum(r['inputs'] for r in rows):>8}"
               f"{max(r['smog'] for r in rows):>6.1f} (max)")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--diagnosis", action="append", help="one or more; default: every diagnosis with options")
    ap.add_argument("--out", type=Path, default=ROOT / "test-artifacts" / "walk-lengths.json")
    ap.add_argument("--text", type=Path, help="a folder: write each page's visible text there, to see what to cut")
    ap.add_argument("--mode", choices=[m[0] for m in MODES], action="append", help="default: both")
    args = ap.parse_args()
    content = load_content()
    diagnoses = args.diagnosis or [d.id for d in content.template.diagnoses if d.options]
    figures: dict = {"measured": datetime.now(UTC).isoformat(timespec="seconds"),
                     "budgets_at_home": {"walk_words": WALK_WORDS, "walk_screens": WALK_SCREENS,
                                         "page_screens": PAGE_SCREENS, "page_smog": PAGE_SMOG},
                     "walks": []}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        server = start_server("app", "app.py", ROOT, tmp)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                for dx in diagnoses:
                    for mode, width, height in MODES:
                        if args.mode and mode not in args.mode:
                            continue
                        ctx = browser.new_context(viewport={"width": width, "height": height})
                        page = ctx.new_page()
                        open_record(page, server.url, answered_record(dx, content), tmp)
                        if mode == "clinic":
                            set_clinic(page, True)
                        measured = measure_walk(page, content.pages)
                        rows = [{k: v for k, v in asdict(pl).items() if k != "text"} for pl in measured]
                        if args.text:
                            args.text.mkdir(parents=True, exist_ok=True)
                            for pl in measured:
                                (args.text / f"{dx}.{mode}.{pl.key[4:]}.txt").write_text(pl.text)
                        ctx.close()
                        print("\n" + table(rows, f"{dx}, every question answered ({mode}, {width}x{height})"),
                              flush=True)
                        figures["walks"].append({"diagnosis": dx, "mode": mode, "width": width, "height": height,
                                                 "pages": rows,
                                                 "words": sum(r["words"] for r in rows),
                                                 "screens": round(sum(r["screens"] for r in rows), 1),
                                                 "inputs": sum(r["inputs"] for r in rows)})
                browser.close()
        finally:
            server.proc.terminate()
            server.proc.wait(timeout=10)
    args.out.parent.mkdir(exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2) + "\n")
    print(f"\nWritten to {args.out}")


if __name__ == "__main__":
    main()
