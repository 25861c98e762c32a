"""What Streamlit itself costs per element, on a live server (not a test).

    .venv/bin/python benchmarks/floor.py [--elements 2 10 25 50] [--sessions 1 10 50] [--no-clicks]

The app's speed targets (issue 13) compare it with a bare one-button page. This prints the same
figures as ``load.py`` for plain pages of K elements (a button, the count of its clicks, and K - 2
short ``st.markdown`` lines), with no app code at all: the server's CPU time per rerun, p50/p95 per
rerun, the bytes of one visit, and (as ``clicks.py`` measures it, in Chromium) click to settled.
The app's pages send about 30 to 55 elements each; a plain page of that many elements shows how far
the framework alone is from the one-button page, and so how far any page of that size can get.

Each page runs on its own ``streamlit run`` on a free loopback port, with the app's config.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import clicks  # click to settled in Chromium, as benchmarks/clicks.py measures it
import load  # the websocket session and the figures of benchmarks/load.py

ROOT = Path(__file__).resolve().parent.parent


def plain_page(k: int) -> str:
    """K elements: clicks.py's bare page (a button and its count, so a click changes the page)
    and K - 2 lines of text."""
    lines = "".join(f"st.markdown('Line {i} of a plain page, a sentence of ordinary length.')\n" for i in range(k - 2))
    return clicks.BARE_CLICK + lines


def click_ms(url: str, repeats: int) -> float:
    """Median click to settled on the page's button, in Chromium (benchmarks/clicks.py)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=clicks.CHROMIUM, args=clicks.ARGS)
        page, _ = clicks.opened(browser, url)
        page.wait_for_timeout(500)
        times = [clicks.click_and_settle(page, "[data-testid='stButton'] button") for _ in range(repeats)]
        browser.close()
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--elements", type=int, nargs="+", default=[2, 10, 25, 50])
    ap.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 50])
    ap.add_argument("--reruns", type=int, default=11, help="reruns per session (the app's walk is 11 visits)")
    ap.add_argument("--budget", type=float, default=120)
    ap.add_argument("--no-clicks", action="store_true", help="leave out click to settled in Chromium")
    ap.add_argument("--repeats", type=int, default=9, help="clicks per page in Chromium")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="spine-aid-floor-"))
    servers: list[load.Server] = []
    print("Plain pages of K elements on live servers on 127.0.0.1 (no app code; think time 0)")
    print("  (ratios are to the smallest page, K = 2: clicks.py's bare page, one button and its count)")
    print(f"  {'K':>3} {'N':>4} {'CPU/rerun ms':>13} {'ratio':>7} {'p50 ms':>8} {'p95 ms':>8} {'ratio':>7} "
          f"{'wire KB':>8}")
    try:
        base: dict[int, tuple[float, float]] = {}
        first_click = 0.0
        for k in args.elements:
            folder = tmp / f"k{k}"
            (folder / ".streamlit").mkdir(parents=True)
            shutil.copy(ROOT / ".streamlit" / "config.toml", folder / ".streamlit" / "config.toml")
            (folder / "page.py").write_text(plain_page(k))
            server = load.start_server(f"plain-{k}", "page.py", folder, tmp)
            servers.append(server)
            asyncio.run(load.bare_walk(server.url, 3, 30))  # warm
            for n in args.sessions:
                m = load.measure(server, partial(load.bare_walk, server.url, args.reruns, 60), n, args.budget)
                times = [v.ms for v in m["visits"]]
                cpu, p95 = m["cpu_ms_per_rerun"], load.pct(times, 95)
                base.setdefault(n, (cpu, p95))
                wire = m["visits"][0].wire / 1024 if m["visits"] else float("nan")
                print(f"  {k:>3} {n:>4} {cpu:>13.1f} {cpu / base[n][0]:>6.1f}x {load.pct(times, 50):>8.0f} {p95:>8.0f} "
                      f"{p95 / base[n][1]:>6.1f}x {wire:>8.1f}", flush=True)
            if not args.no_clicks:
                ms = click_ms(server.url, args.repeats)
                first_click = first_click or ms
                print(f"  {k:>3}  click to settled in Chromium: median {ms:.0f} ms ({ms / first_click:.1f}x)",
                      flush=True)
            server.stop()
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
