"""How long the walk is, page by page, in Chromium (not a test; the budgets are held by
tests/browser/test_length_budgets.py).

    .venv/bin/python benchmarks/length.py [--diagnosis degenerative_spondylolisthesis] [--clinic]
                                          [--width 1280 --height 900] [--screenshots DIR]

Starts ``streamlit run app.py`` on a free loopback port, opens a record that has only the safety
screen answered and the diagnosis named, walks Start to Summary from the sidebar, and prints each
page's height (``stMain``'s scrollHeight, px) and visible words (``stMain``'s innerText; text in a
closed "read more" is not visible and is not counted).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from load import start_server  # noqa: E402
from walk_lengths import measure_walk, open_record, record_with_diagnosis, set_clinic  # noqa: E402

from decision.content import load_content  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--diagnosis", action="append", help="one or more; default: all four")
    ap.add_argument("--clinic", action="store_true")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=900)
    ap.add_argument("--screenshots", type=Path)
    args = ap.parse_args()
    content = load_content()
    diagnoses = args.diagnosis or [d.id for d in content.template.diagnoses if d.options]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        server = start_server("app", "app.py", ROOT, tmp)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                for dx in diagnoses:
                    ctx = browser.new_context(viewport={"width": args.width, "height": args.height})
                    page = ctx.new_page()
                    open_record(page, server.url, record_with_diagnosis(dx), tmp)
                    if args.clinic:
                        set_clinic(page, True)
                    lengths = measure_walk(page, content.pages)
                    mode = "clinic" if args.clinic else "home"
                    print(f"\n{dx} ({mode}, {args.width}x{args.height})")
                    print(f"{'page':<16}{'height px':>10}{'words':>8}")
                    for pl in lengths:
                        print(f"{pl.key[4:]:<16}{pl.height:>10}{pl.words:>8}")
                        if args.screenshots and pl.key in ("nav.compare", "nav.fusion"):
                            pass
                    print(f"{'total':<16}{sum(p.height for p in lengths):>10}{sum(p.words for p in lengths):>8}")
                    ctx.close()
                browser.close()
        finally:
            server.proc.terminate()
            server.proc.wait(timeout=10)


if __name__ == "__main__":
    main()
