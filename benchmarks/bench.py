"""How fast is the app? A script that prints figures (not a test).

    .venv/bin/python benchmarks/bench.py [--runs 15]

For every page it times the median rerun (AppTest: the whole script, from widgets to the
message the browser would get) and compares it with a bare one-button Streamlit page, which
stands for Streamlit's own fixed cost per rerun. It also times loading the content and, once
they exist, building the summary PDF. Absolute times depend on the machine; the ratio to the
bare page is the figure to watch.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.chdir(ROOT)

import streamlit  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from decision.content import load_content  # noqa: E402
from decision.record import DecisionRecord  # noqa: E402

APP = str(ROOT / "app.py")
PAGES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))  # app.py routes to them
BARE = "import streamlit as st\nst.button('x')"
LIMIT = 10  # the heaviest page should rerun within this many times the bare page
WARMUP = 3
TIMEOUT = 60


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def bare_page() -> AppTest:
    at = AppTest.from_string(BARE, default_timeout=TIMEOUT)
    for _ in range(WARMUP):
        at.run()
    return at


def page_ms(page: str, record: DecisionRecord, runs: int, bare: AppTest) -> tuple[float, float, str]:
    """Median rerun times of ``page`` (with ``record``) and of the bare page, and any exception.

    The two are run in turn (page, bare, page, bare, ...), so both medians come from the same
    moments: on a shared machine the load changes from minute to minute, and the ratio of two
    medians taken together is much steadier than either time alone.
    """
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["record"] = record
    at.session_state["clinic_mode"] = False
    at.run()
    at.switch_page(page).run()
    for _ in range(WARMUP - 1):
        at.run()
    page_times, bare_times = [], []
    for _ in range(runs):
        page_times.append(timed(at.run))
        bare_times.append(timed(bare.run))
    error = at.exception[0].value if at.exception else ""
    return statistics.median(page_times), statistics.median(bare_times), error


def optional_full_record(content):
    try:
        from tests.records import full_record
    except Exception as exc:  # another helper may still be writing it
        return None, f"tests.records.full_record not available yet ({type(exc).__name__}: {exc})"
    try:
        return full_record(content), ""
    except Exception as exc:
        return None, f"full_record() failed: {type(exc).__name__}: {exc}"


def main() -> int:
    # AppTest writes session state from outside a script run; Streamlit warns each time.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda r: "missing ScriptRunContext" not in r.getMessage()
    )
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed reruns per page (after a warm-up)")
    args = parser.parse_args()
    runs = args.runs

    print("Machine")
    print(f"  cpus: {os.cpu_count()}  platform: {platform.platform()}  machine: {platform.machine()}")
    print(f"  python {platform.python_version()}  streamlit {streamlit.__version__}")
    print(f"  runs per page: {runs} (median; {WARMUP} warm-up runs first)")
    print("What AppTest cannot see: it never runs Streamlit's post-run garbage collection")
    print("(runner.postScriptGC), sends nothing over a websocket, loads no browser, and runs one session")
    print("at a time. Those costs dominated the live server (issue 13); benchmarks/load.py measures them")
    print("on a live server, benchmarks/clicks.py in Chromium. The times below are script time only.")
    print()

    # ---- content
    load_ms = median_ms(load_content, 5)
    content = load_content()
    print(f"Content load (decision.content.load_content, median of 5): {load_ms:.1f} ms")
    print("  (loaded once per server process: ui/frame.py caches it with st.cache_resource)")
    print()

    # ---- one icon array (compare, fusion and summary draw dozens per rerun)
    try:
        from decision.compare.icon_array import icon_array_svg

        figure = content.figures[0]
        icon_ms = median_ms(lambda: icon_array_svg.__wrapped__(figure), 20)
        print(f"One icon array (decision.compare.icon_array.icon_array_svg, inline SVG, uncached, median of 20): "
              f"{icon_ms:.2f} ms, {len(icon_array_svg(figure))} bytes")
    except Exception as exc:
        print(f"One icon array: could not time it ({type(exc).__name__}: {exc})")
    print()

    # ---- pages
    full, full_note = optional_full_record(content)
    records = {"safety done": DecisionRecord(safety_screen_done=True)}
    if full is not None:
        records["full record"] = full

    bare = bare_page()
    print("Median rerun time per page; 'bare' is the one-button page timed in turn with it;")
    print("'x bare' is the ratio of the two medians.")
    header = f"{'page':<38}" + "".join(f"{name + ' ms':>16}{'bare ms':>9}{'x bare':>8}" for name in records)
    print(header)
    print("-" * len(header))
    worst = (0.0, "", "")
    errors = []
    all_bare = []
    for page in PAGES:
        line = f"{page:<38}"
        for name, record in records.items():
            ms, bare_ms, error = page_ms(page, record.model_copy(deep=True), runs, bare)
            all_bare.append(bare_ms)
            ratio = ms / bare_ms
            line += f"{ms:>16.1f}{bare_ms:>9.1f}{ratio:>7.1f}x"
            if error:
                errors.append(f"{page} ({name}): {error}")
            if ratio > worst[0]:
                worst = (ratio, page, name)
        print(line)
    print()
    print(f"Bare one-button page (AppTest.from_string): {min(all_bare):.1f} to {max(all_bare):.1f} ms "
          f"per rerun over the table (the machine's load changed by that much).")
    if full is None:
        print(f"Full-record column: not available yet ({full_note})")
    verdict = "WITHIN" if worst[0] <= LIMIT else "NOT within"
    print(f"Heaviest page: {worst[1]} ({worst[2]}) at {worst[0]:.1f}x the bare page: "
          f"{verdict} {LIMIT}x the bare page.")
    if errors:
        print("Pages that raised an exception (their times are not meaningful):")
        for e in errors:
            print(f"  {e}")
    print()

    # ---- PDF
    try:
        from decision.output.pdf import build_pdf
    except Exception as exc:
        print(f"PDF build: not available yet (decision.output.pdf.build_pdf: {type(exc).__name__}: {exc})")
    else:
        if full is None:
            print(f"PDF build: not available yet ({full_note})")
        else:
            try:
                size = len(build_pdf(full, content))  # warm-up (fonts, first layout)
                pdf_ms = median_ms(lambda: build_pdf(full, content), 10)
                print(f"PDF build (decision.output.pdf.build_pdf, full record, median of 10): {pdf_ms:.1f} ms, "
                      f"{size / 1024:.0f} KB")
            except Exception as exc:
                print(f"PDF build: failed ({type(exc).__name__}: {exc})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
