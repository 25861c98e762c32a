"""Load benchmark: many sessions at once against a live server, beside a bare page (not a test).

    .venv/bin/python benchmarks/load.py [--sessions 1 10 25 50] [--budget 240]

It starts two servers on free loopback ports, ``streamlit run app.py`` and a bare one-button
page, with the same settings, and speaks Streamlit's own websocket protocol to them, the way
a browser does (``/_stcore/stream``, protobuf ``BackMsg`` up, ``ForwardMsg`` down). For each N
it opens N sessions at once; each session passes the safety screen and then visits every page
of the app in turn with no think time (the bare sessions rerun their page as often). A visit is
timed from the message sent to the server's "script finished"; the browser's own drawing time
is not in it (benchmarks/clicks.py measures that in Chromium).

It prints, for each N: p50 and p95 per page and over the walk, the same for the bare page, their
ratio, the server's CPU time per rerun (from /proc, user + system, divided by reruns) and its
resident memory (RSS) after the walk; at N = 1 also the bytes the server sent per page visit.

Everything is bounded: each phase stops after ``--budget`` seconds (sessions not finished by
then are counted and reported as unfinished, never waited for), and each visit times out after
``--visit-timeout`` seconds. Only 127.0.0.1 is ever contacted.

``--url`` (with ``--pid``) measures an already running server instead of starting one; the bare
page is still started here.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection

ROOT = Path(__file__).resolve().parent.parent
BARE = "import streamlit as st\nst.button('x')\n"
TARGETS = {"p95": 2.0, "cpu": 2.0, "rss_mib": 150.0, "bytes": 20.0}
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


# ---------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
            return r.read().strip() == b"ok"
    except OSError:
        return False


@dataclass
class Server:
    name: str
    url: str
    pid: int
    proc: subprocess.Popen | None = None

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime, stime

    def rss_mib(self) -> float:
        pages = int(Path(f"/proc/{self.pid}/statm").read_text().split()[1])
        return pages * PAGE_SIZE / 2**20

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start_server(name: str, script: str, cwd: Path, log_dir: Path) -> Server:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true",
           "--browser.gatherUsageStats", "false"]
    with open(log_dir / f"{name}.log", "w") as log:  # the server keeps its own copy of the file
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while not healthy(url):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise SystemExit(f"{name} server did not start; see {log_dir / (name + '.log')}")
        time.sleep(0.25)
    return Server(name, url, proc.pid, proc)


# ---------------------------------------------------------------- one browser-like session


class CountingConnection(ClientConnection):
    """A websocket client that counts the bytes that arrive on its TCP connection (the wire)."""

    wire = 0

    def data_received(self, data: bytes) -> None:
        self.wire += len(data)
        super().data_received(data)


def connect(url: str, timeout: float):
    # Like a browser: asks for permessage-deflate (websockets does by default), no pings.
    return websockets.connect(ws_url(url), subprotocols=["streamlit"], max_size=None, open_timeout=timeout,
                              ping_interval=None, create_connection=CountingConnection)


@dataclass
class Visit:
    page: str
    ms: float
    nbytes: int  # websocket payload, after decompression
    ok: bool
    wire: int = 0  # bytes on the TCP connection meanwhile (compressed frames and their headers)


@dataclass
class Session:
    url: str
    visits: list[Visit] = field(default_factory=list)
    pages: list[tuple[str, str]] = field(default_factory=list)  # (url_pathname, hash)
    widgets: dict[str, str] = field(default_factory=dict)  # checkbox label -> widget id
    main_hash: str = ""
    query: str = ""
    gate: str = ""  # the safety gate's text: a page that shows it was not really visited
    gated: bool = False
    asked_by: str | None = None  # the tab store's component id while it waits for the tab's answer
    page_hash: str = ""  # the page that ran last (from the 'navigation' message)

    def note_component(self, component) -> None:
        try:
            data = json.loads(component.json) if component.json else {}
        except ValueError:
            data = {}
        if isinstance(data, dict) and data.get("op") == "read":
            self.asked_by = component.id
        elif isinstance(data, dict) and data.get("op") in ("write", "clear"):
            self.asked_by = None

    def tab_answer(self) -> BackMsg:
        """The trigger a new tab's store sends: it keeps nothing yet."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        payload = [{"event": "kept", "value": {"kept": None, "cleared_elsewhere": False, "available": True,
                                                "attempt": 1}}]
        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.page_script_hash = self.page_hash or self.main_hash
        msg.rerun_script.widget_states.widgets.append(
            WidgetState(id=f"$$STREAMLIT_INTERNAL_KEY_{self.asked_by}__events", json_trigger_value=json.dumps(payload)))
        self.asked_by = None
        return msg

    async def visit(self, ws, page: str, page_hash: str, widget_states: list | None = None,
                    timeout: float = 60.0) -> None:
        before = ws.wire
        self.gated = False
        ms, nbytes, ok = await self.run(ws, page_hash, widget_states, timeout)
        self.visits.append(Visit(page, ms, nbytes, ok and not self.gated, ws.wire - before))

    async def run(self, ws, page_hash: str, widget_states: list | None = None,
                  timeout: float = 60.0) -> tuple[float, int, bool]:
        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.page_script_hash = page_hash
        for state in widget_states or []:
            msg.rerun_script.widget_states.widgets.append(state)
        start = time.perf_counter()
        await ws.send(msg.SerializeToString())
        nbytes = 0
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return (time.perf_counter() - start) * 1000, nbytes, False
            raw = await asyncio.wait_for(ws.recv(), left)
            nbytes += len(raw)
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "new_session":
                ns = fwd.new_session
                self.main_hash = ns.main_script_hash
                self.pages = [(p.url_pathname, p.page_script_hash) for p in ns.app_pages]
            elif kind == "navigation":
                # The page that ran, as the browser knows it, and the page list (app.py's st.navigation).
                nav = fwd.navigation
                self.page_hash = nav.page_script_hash
                if len(nav.app_pages) > len(self.pages):
                    self.pages = [(p.url_pathname, p.page_script_hash) for p in nav.app_pages]
            elif kind == "page_info_changed":
                self.query = fwd.page_info_changed.query_string
            elif kind == "delta" and fwd.delta.new_element.WhichOneof("type") == "checkbox":
                box = fwd.delta.new_element.checkbox
                self.widgets[box.label] = box.id
            elif kind == "delta" and fwd.delta.new_element.WhichOneof("type") == "bidi_component":
                self.note_component(fwd.delta.new_element.bidi_component)
            elif kind == "delta" and fwd.delta.new_element.WhichOneof("type") == "alert":
                self.gated = self.gated or (self.gate and fwd.delta.new_element.alert.body == self.gate)
            elif kind == "script_finished":
                status = fwd.script_finished
                if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue  # a callback asked for another run; wait for that one
                if self.asked_by is not None:
                    # The page drew nothing but asked the tab for the record it keeps (ui/tab_store.py):
                    # answer as a new browser tab does (nothing kept), and time the run that follows
                    # as part of this visit, as a patient would wait for it.
                    await ws.send(self.tab_answer().SerializeToString())
                    continue
                return (time.perf_counter() - start) * 1000, nbytes, status == ForwardMsg.FINISHED_SUCCESSFULLY


def ws_url(url: str) -> str:
    return url.replace("http://", "ws://") + "/_stcore/stream"


async def app_walk(url: str, none_label: str, timeout: float, gate: str = "") -> Session:
    """Start page, tick "none of these apply", then every page of the sidebar in turn.

    A visit that shows the safety gate instead of the page counts as not finished successfully.
    """
    s = Session(url, gate=gate)
    async with connect(url, timeout) as ws:
        await s.visit(ws, "Start (first load)", "", timeout=timeout)
        box = s.widgets.get(none_label)
        if box is None:
            raise RuntimeError("the safety screen's 'none apply' checkbox was not found")
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        ticked = [WidgetState(id=box, bool_value=True)]
        start_hash = s.page_hash or s.main_hash
        await s.visit(ws, "Start (tick: none apply)", start_hash, ticked, timeout=timeout)
        for path, page_hash in s.pages:
            if page_hash in (s.main_hash, start_hash) or not path:
                continue
            await s.visit(ws, path or "Start", page_hash, timeout=timeout)
    return s


async def bare_walk(url: str, reruns: int, timeout: float) -> Session:
    s = Session(url)
    async with connect(url, timeout) as ws:
        for i in range(reruns):
            await s.visit(ws, "bare", s.main_hash if i else "", timeout=timeout)
    return s


async def phase(make, n: int, budget: float) -> tuple[list[Session], int, float]:
    """N sessions at once; returns the finished ones, how many did not finish, wall seconds."""
    start = time.monotonic()
    tasks = [asyncio.create_task(make()) for _ in range(n)]
    done, pending = await asyncio.wait(tasks, timeout=budget)
    for t in pending:
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    sessions = [t.result() for t in done if not t.exception()]
    errors = [t.exception() for t in done if t.exception()]
    for e in errors[:3]:
        print(f"    a session failed: {type(e).__name__}: {e}")
    return sessions, len(pending) + len(errors), time.monotonic() - start


# ---------------------------------------------------------------- figures


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def measure(server: Server, make, n: int, budget: float) -> dict:
    cpu0 = server.cpu_seconds()
    sessions, unfinished, wall = asyncio.run(phase(make, n, budget))
    cpu = server.cpu_seconds() - cpu0
    visits = [v for s in sessions for v in s.visits]
    reruns = len(visits)
    return {
        "sessions": sessions, "visits": visits, "unfinished": unfinished, "wall": wall,
        "cpu_ms_per_rerun": cpu * 1000 / reruns if reruns else float("nan"),
        "rss": server.rss_mib(), "failed": sum(not v.ok for v in visits),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 25, 50])
    ap.add_argument("--budget", type=float, default=240, help="seconds per phase before it is cut off")
    ap.add_argument("--visit-timeout", type=float, default=120)
    ap.add_argument("--url", help="an already running app (127.0.0.1 only)")
    ap.add_argument("--pid", type=int, help="its process id (for CPU and RSS)")
    args = ap.parse_args()
    if args.url and not args.url.startswith(("http://127.0.0.1:", "http://localhost:")):
        raise SystemExit("load tests run against 127.0.0.1 only")

    sys.path.insert(0, str(ROOT))
    from decision.content import load_content

    loaded = load_content()
    none_label, gate = loaded.red_flags.none_apply, loaded.pages["start.safety_gate"]

    tmp = Path(tempfile.mkdtemp(prefix="spine-aid-load-"))
    bare_dir = tmp / "bare"
    bare_dir.mkdir()
    (bare_dir / ".streamlit").mkdir()
    (bare_dir / ".streamlit" / "config.toml").write_text((ROOT / ".streamlit" / "config.toml").read_text())
    (bare_dir / "bare.py").write_text(BARE)
    servers = []
    try:
        if args.url:
            if not args.pid:
                raise SystemExit("--url needs --pid (CPU and RSS are read from /proc)")
            app = Server("app", args.url.rstrip("/"), args.pid)
        else:
            app = start_server("app", "app.py", ROOT, tmp)
            servers.append(app)
        bare = start_server("bare", "bare.py", bare_dir, tmp)
        servers.append(bare)

        load = os.getloadavg()
        print("Load benchmark: websocket sessions against live servers on 127.0.0.1")
        print(f"  cpus: {os.cpu_count()}  load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}  "
              f"python {platform.python_version()}")
        print(f"  app {app.url} (pid {app.pid})   bare one-button page {bare.url} (pid {bare.pid})")
        print(f"  idle RSS: app {app.rss_mib():.0f} MiB, bare {bare.rss_mib():.0f} MiB")
        print("  a visit = message sent to 'script finished' received; think time 0; "
              f"budget {args.budget:.0f} s per phase")
        print()

        timeout = args.visit_timeout
        # One walk of each, unmeasured: the first visit of each page imports modules and fills
        # caches once per process. A running server is warm; its first patient pays this once.
        cold = asyncio.run(app_walk(app.url, none_label, timeout, gate))
        asyncio.run(bare_walk(bare.url, 3, timeout))
        print("Cold first walk (one session, before the measured phases; paid once per process):")
        print("  " + ", ".join(f"{v.page} {v.ms:.0f} ms" for v in cold.visits))
        if not all(v.ok for v in cold.visits):
            stuck = [v.page for v in cold.visits if not v.ok]
            raise SystemExit(f"the walk did not get past the safety screen: {stuck}")
        print(f"  RSS after it: app {app.rss_mib():.0f} MiB, bare {bare.rss_mib():.0f} MiB")
        print()
        per_page_bytes: dict[str, tuple[int, int]] = {}
        bare_bytes = bare_rerun = (1, 1)
        summary = []
        rss_after_first_walk = None
        for n in args.sessions:
            one = n == 1
            a = measure(app, lambda: app_walk(app.url, none_label, timeout, gate), n, args.budget)
            walk_len = max((len(s.visits) for s in a["sessions"]), default=11)
            b = measure(bare, partial(bare_walk, bare.url, walk_len, timeout), n, args.budget)
            if rss_after_first_walk is None:
                rss_after_first_walk = a["rss"]
            app_ms = [v.ms for v in a["visits"]]
            bare_ms = [v.ms for v in b["visits"]]
            print(f"N = {n} sessions at once: app {len(a['visits'])} visits in {a['wall']:.1f} s, "
                  f"bare {len(b['visits'])} in {b['wall']:.1f} s"
                  + (f"; UNFINISHED sessions: app {a['unfinished']}, bare {b['unfinished']} (budget)"
                     if a["unfinished"] or b["unfinished"] else "")
                  + (f"; visits not finished successfully: app {a['failed']}, bare {b['failed']}"
                     if a["failed"] or b["failed"] else ""))
            bp50, bp95 = pct(bare_ms, 50), pct(bare_ms, 95)
            print(f"  {'page':<40}{'p50 ms':>9}{'p95 ms':>9}{'p95 x bare':>12}")
            pages: dict[str, list[float]] = {}
            for v in a["visits"]:
                pages.setdefault(v.page, []).append(v.ms)
            for page, times in pages.items():
                print(f"  {page:<40}{pct(times, 50):>9.0f}{pct(times, 95):>9.0f}{pct(times, 95) / bp95:>11.1f}x")
            ap50, ap95 = pct(app_ms, 50), pct(app_ms, 95)
            worst = max((pct(t, 95) for t in pages.values()), default=float("nan"))
            print(f"  {'whole walk (app)':<40}{ap50:>9.0f}{ap95:>9.0f}{ap95 / bp95:>11.1f}x")
            print(f"  {'bare page':<40}{bp50:>9.0f}{bp95:>9.0f}")
            cpu_ratio = a["cpu_ms_per_rerun"] / b["cpu_ms_per_rerun"]
            print(f"  server CPU per rerun: app {a['cpu_ms_per_rerun']:.1f} ms, bare {b['cpu_ms_per_rerun']:.1f} ms "
                  f"({cpu_ratio:.1f}x)")
            print(f"  RSS after this phase: app {a['rss']:.0f} MiB, bare {b['rss']:.0f} MiB")
            print()
            summary.append((n, ap50, ap95, bp50, bp95, worst / bp95, cpu_ratio, a["rss"]))
            if one and a["sessions"] and b["sessions"]:
                for v in a["sessions"][0].visits:
                    per_page_bytes[v.page] = (v.nbytes, v.wire)
                # A visit to the bare page is its first load (the app's page visits each carry a
                # new_session message too); its reruns are printed for reference.
                bv = b["sessions"][0].visits
                bare_bytes = (bv[0].nbytes, bv[0].wire)
                bare_rerun = (statistics.median(v.nbytes for v in bv[1:]), statistics.median(v.wire for v in bv[1:]))

        if not per_page_bytes:
            raise SystemExit("bytes per visit are measured in the N = 1 phase; include 1 in --sessions")
        print("Bytes per page visit (one session; static files not counted). 'payload': the websocket")
        print("messages after decompression; 'wire': the bytes that arrived on the TCP connection")
        print("(compressed frames with their headers, as a browser receives them).")
        print(f"  {'page':<40}{'payload KB':>11}{'x bare':>8}{'wire KB':>9}{'x bare':>8}")
        for page, (nbytes, wire) in per_page_bytes.items():
            print(f"  {page:<40}{nbytes / 1024:>11.1f}{nbytes / bare_bytes[0]:>7.1f}x{wire / 1024:>9.1f}"
                  f"{wire / max(bare_bytes[1], 1):>7.1f}x")
        print(f"  {'bare page (a visit: its first load)':<40}"
              f"{bare_bytes[0] / 1024:>11.1f}{'':>8}{bare_bytes[1] / 1024:>9.1f}")
        print(f"  {'bare page (a rerun, for reference)':<40}"
              f"{bare_rerun[0] / 1024:>11.1f}{'':>8}{bare_rerun[1] / 1024:>9.1f}")
        print()
        visits_only = [(p, b) for p, b in per_page_bytes.items() if "first load" not in p]
        worst_payload = max(b[0] for _, b in visits_only) / bare_bytes[0]
        worst_wire = max(b[1] for _, b in visits_only) / max(bare_bytes[1], 1)
        print("Targets (issue 13)")
        print(f"  {'N':>3}{'app p50/p95':>16}{'bare p50/p95':>16}{'worst page p95 x bare':>24}"
              f"{'CPU x bare':>12}{'RSS MiB':>9}")
        for n, ap50, ap95, bp50, bp95, ratio, cpu_ratio, rss in summary:
            print(f"  {n:>3}{ap50:>8.0f}/{ap95:<7.0f}{bp50:>8.0f}/{bp95:<7.0f}"
                  f"{ratio:>23.1f}x{cpu_ratio:>11.1f}x{rss:>9.0f}")
        verdicts = [
            ("p95 within 2x bare at every N (worst page)", all(r[5] <= TARGETS["p95"] for r in summary)),
            ("server CPU per rerun within 2x bare", all(r[6] <= TARGETS["cpu"] for r in summary)),
            (f"RSS after a full walk under 150 MiB (after the first walk: {rss_after_first_walk:.0f} MiB; "
             f"after all: {summary[-1][7]:.0f} MiB)", rss_after_first_walk is not None and rss_after_first_walk < 150),
            (f"bytes per page visit within 20x bare, on the wire (worst {worst_wire:.1f}x; "
             f"payload {worst_payload:.1f}x)", worst_wire <= TARGETS["bytes"]),
        ]
        for text, ok in verdicts:
            print(f"  {'MET    ' if ok else 'NOT MET'} {text}")
        load = os.getloadavg()
        print(f"  load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
              "(other processes on the machine share the CPU; the ratios are the figures to compare)")
    finally:
        for s in servers:
            s.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
