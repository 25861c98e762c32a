"""One client's rerun flood against another patient: the patient's p95 quiet and during the flood.

    .venv/bin/python benchmarks/flood.py [--rate 150] [--seconds 20] [--root OTHER_CHECKOUT]

Starts ``streamlit run app.py`` on a free loopback port (from ``--root``, default this checkout,
so the same script measures an older checkout for a before/after figure). A patient walks every
page over the websocket, as ``benchmarks/load.py`` does, for ``--seconds`` quiet and then for
``--seconds`` while a second client sends ``rerun_script`` at ``--rate`` per second (issue 21's
flood: 3,000 in 20 s) and reads whatever comes back. Prints p50/p95 of the patient's page visits
in both phases, how many reruns the flood sent, and the server's CPU time. Figures, not asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

import websockets

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.WidgetStates_pb2 import WidgetState  # noqa: E402

from benchmarks.load import Server, Session, connect, pct, start_server  # noqa: E402


async def patient(url: str, none_label: str, seconds: float) -> list[float]:
    """Walk every page again and again for ``seconds``; the ms of each visit."""
    s = Session(url)
    async with connect(url, 120) as ws:
        await s.visit(ws, "Start", "", timeout=120)
        start_hash = s.page_hash or s.main_hash
        ticked = [WidgetState(id=s.widgets[none_label], bool_value=True)]
        await s.visit(ws, "tick", start_hash, ticked, timeout=120)
        s.visits.clear()
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            for path, page_hash in s.pages:
                if page_hash in (s.main_hash, start_hash) or not path:
                    continue
                await s.visit(ws, path, page_hash, timeout=120)
                if time.monotonic() >= end:
                    break
    return [v.ms for v in s.visits]


async def flood(url: str, none_label: str, rate: float, seconds: float) -> int:
    """Past the safety screen like a patient, then ``rerun_script`` of the heaviest page (Compare)
    at ``rate`` per second for ``seconds``, reading and dropping the answers."""
    sent = 0
    s = Session(url)
    async with connect(url, 120) as ws:
        await s.visit(ws, "Start", "", timeout=120)
        ticked = [WidgetState(id=s.widgets[none_label], bool_value=True)]
        await s.visit(ws, "tick", s.page_hash or s.main_hash, ticked, timeout=120)
        compare = next(h for path, h in s.pages if "ompare" in path)

        async def drain() -> None:
            with contextlib.suppress(websockets.ConnectionClosed):
                async for _ in ws:
                    pass

        reader = asyncio.create_task(drain())
        msg = BackMsg()
        msg.rerun_script.query_string = s.query
        msg.rerun_script.page_script_hash = compare
        raw = msg.SerializeToString()
        start = time.monotonic()
        while time.monotonic() - start < seconds:
            await ws.send(raw)
            sent += 1
            behind = start + sent / rate - time.monotonic()
            if behind > 0:
                await asyncio.sleep(behind)
        reader.cancel()
    return sent


async def flooded(url: str, none_label: str, rate: float, seconds: float) -> tuple[list[float], int]:
    walk = asyncio.create_task(patient(url, none_label, seconds))
    await asyncio.sleep(1.0)  # the patient is under way first
    sent = await flood(url, none_label, rate, seconds)
    return await walk, sent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=150.0)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--root", default=str(ROOT), help="the checkout to serve (default: this one)")
    args = ap.parse_args()

    from decision.content import load_content

    none_label = load_content().red_flags.none_apply
    tmp = Path(tempfile.mkdtemp(prefix="spine-aid-flood-"))
    server: Server = start_server("app", "app.py", Path(args.root), tmp)
    try:
        print(f"Rerun flood: {args.root} on {server.url}; load {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores")
        cpu0 = server.cpu_seconds()
        quiet = asyncio.run(patient(server.url, none_label, args.seconds))
        cpu1 = server.cpu_seconds()
        during, sent = asyncio.run(flooded(server.url, none_label, args.rate, args.seconds))
        cpu2 = server.cpu_seconds()
        for name, ms, cpu in (("quiet", quiet, cpu1 - cpu0), ("flood", during, cpu2 - cpu1)):
            print(f"  {name:5}: {len(ms):4} visits  p50 {pct(ms, 50):7.0f} ms  p95 {pct(ms, 95):7.0f} ms  "
                  f"server CPU {cpu:5.1f} s")
        print(f"  the flood sent {sent} rerun requests ({sent / args.seconds:.0f}/s); "
              f"p95 during / quiet: {pct(during, 95) / max(pct(quiet, 95), 1e-9):.1f}x")
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
