"""The app's own server, started exactly as README says (``streamlit run app.py``), no proxy.

Issue 19 item 3 and the server-side findings of issue 21: no outbound connection at start (nor
when a foreign origin knocks), a truthful ``/healthz`` (503 on broken content, with the version,
without the problem), ``/_stcore/metrics`` 404, the security headers on every answer, no foreign
origin trusted, a client's ``clear_cache`` ignored, and JSON logs on stdout.

Outbound attempts are seen by a Python audit hook installed in the server process (a
``sitecustomize`` on its PYTHONPATH): every ``socket.getaddrinfo`` of a name and every
``socket.connect`` to an address that is not this machine's loopback is written to a file. This
sees the attempt itself, whatever the network does with it (no DNS, a firewall, no route).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import websockets

from decision.content import CONTENT_DIR

ROOT = Path(__file__).resolve().parent.parent
START_SECONDS = 180

AUDIT_HOOK = textwrap.dedent('''
    import ipaddress, os, sys

    _LOG = os.environ["AID_EGRESS_LOG"]
    _LOCAL_NAMES = {None, "", "localhost", b"localhost"}

    def _local(host):
        if host in _LOCAL_NAMES:
            return True
        if isinstance(host, bytes):
            host = host.decode("ascii", "replace")
        try:
            ip = ipaddress.ip_address(str(host).split("%")[0])
        except ValueError:
            return False  # a name to resolve: a lookup that could leave the machine
        return ip.is_loopback or ip.is_unspecified

    def _hook(event, args):
        if event == "socket.getaddrinfo" and not _local(args[0]):
            _write(f"getaddrinfo {args[0]!r}")
        elif event == "socket.connect" and isinstance(args[1], tuple) and not _local(args[1][0]):
            _write(f"connect {args[1]!r}")

    def _write(line):
        with open(_LOG, "a") as f:
            f.write(line + "\\n")

    sys.addaudithook(_hook)
''')


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, headers: dict | None = None) -> tuple[int, str, Any]:
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.read().decode("utf-8", "replace"), resp.headers
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace"), exc.headers


class Server:
    """``streamlit run app.py`` as README runs it (plus a free port), stdout and stderr kept."""

    def __init__(self, tmp: Path, env: dict | None = None) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        hook_dir = tmp / "hook"
        hook_dir.mkdir(exist_ok=True)
        (hook_dir / "sitecustomize.py").write_text(AUDIT_HOOK)
        self.egress = tmp / "egress.log"
        self.egress.write_text("")
        self.stdout = tmp / "stdout.log"
        self.stderr = tmp / "stderr.log"
        full_env = {**os.environ, "PYTHONPATH": str(hook_dir), "AID_EGRESS_LOG": str(self.egress), **(env or {})}
        cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(self.port)]
        with open(self.stdout, "w") as out, open(self.stderr, "w") as err:
            self.proc = subprocess.Popen(cmd, cwd=ROOT, env=full_env, stdout=out, stderr=err)
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                if _get(self.url + "/_stcore/health")[0] == 200:
                    break
            except OSError:
                pass
            if self.proc.poll() is not None:
                raise AssertionError(f"server exited: {self.stderr.read_text()[-2000:]}")
            if time.monotonic() > deadline:
                raise AssertionError("server did not start")
            time.sleep(0.25)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def log_lines(self) -> list[dict]:
        lines = [line for line in self.stdout.read_text().splitlines() if line.strip()]
        return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = Server(tmp_path_factory.mktemp("server"))
    yield s
    s.stop()


# ---------------------------------------------------------------- no egress


def _knock_from(url: str, origin: str) -> bool:
    """Open the app's websocket with another site's Origin header; True if it was accepted."""

    async def knock() -> bool:
        try:
            async with websockets.connect(url.replace("http://", "ws://") + "/_stcore/stream",
                                          subprotocols=["streamlit"], origin=origin, open_timeout=30):
                return True
        except websockets.exceptions.InvalidStatus:
            return False

    return asyncio.run(knock())


def test_no_outbound_connection_at_start_nor_when_a_foreign_origin_knocks(server):
    assert _get(server.url + "/")[0] == 200
    # A foreign origin is refused; checking it must not send Streamlit to the internet for this
    # machine's address (it did: a UDP socket to 8.8.8.8, then checkip.amazonaws.com).
    assert _knock_from(server.url, "https://evil.example") is False
    assert _knock_from(server.url, "https://aid.streamlit.app") is False
    attempts = server.egress.read_text().splitlines()
    assert attempts == [], f"outbound attempts from the server: {attempts}"


# ---------------------------------------------------------------- health, metrics, headers


def test_healthz_says_ok_and_the_version(server):
    from importlib.metadata import version

    status, body, headers = _get(server.url + "/healthz")
    assert status == 200
    assert json.loads(body) == {"status": "ok", "version": version("spine-aid")}
    assert headers["Cache-Control"] == "no-store"


def test_metrics_answer_404_from_the_app_itself(server):
    for path in ("/_stcore/metrics", "/_stcore/metrics/", "/_stcore/metrics?families=session_events_total"):
        status, body, _ = _get(server.url + path)
        assert status == 404, path
        assert "session" not in body and "cache" not in body


@pytest.mark.parametrize("path", ["/", "/healthz", "/_stcore/health", "/_stcore/host-config", "/no-such-page",
                                  "/_stcore/bidi-components/spine-aid.tab_store/tab_store.js"])
def test_every_answer_carries_the_security_headers(server, path):
    _, _, headers = _get(server.url + path)
    csp = headers.get("Content-Security-Policy", "")
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert headers.get("X-Content-Type-Options") == "nosniff"
    assert headers.get("Referrer-Policy") == "no-referrer"
    assert headers.get("X-Frame-Options") == "DENY"


def test_no_foreign_origin_is_trusted(server):
    status, body, _ = _get(server.url + "/_stcore/host-config")
    assert status == 200 and json.loads(body)["allowedOrigins"] == []  # no parent page may steer it
    _, _, headers = _get(server.url + "/_stcore/health", {"Origin": "https://evil.example"})
    assert headers.get("Access-Control-Allow-Origin") in (None, "")


# ---------------------------------------------------------------- a client cannot clear the cache


def test_a_clients_clear_cache_message_does_not_empty_every_users_cache(server, content):
    """The process's boot id lives in ``st.cache_resource`` (ui/tab_store.py) and travels in every
    write to the tab: another client's ``clear_cache`` used to make a new one (so every tab that
    reloaded was told the server had restarted). Message order on one websocket makes this
    timing-free: the attacker's next run ends only after its clear_cache was handled."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    from benchmarks.load import Session, connect

    class Patient(Session):
        boots: list[str]

        def note_component(self, component) -> None:
            super().note_component(component)
            data = json.loads(component.json) if component.json else {}
            if isinstance(data, dict) and isinstance(data.get("kept"), str):
                self.boots.append(json.loads(data["kept"])["boot"])

    async def scene() -> tuple[list[str], list[str]]:
        patient = Patient(server.url)
        patient.boots = []
        async with connect(server.url, 60) as ws:
            await patient.visit(ws, "Start", "")
            ticked = [WidgetState(id=patient.widgets[content.red_flags.none_apply], bool_value=True)]
            await patient.visit(ws, "Start (ticked)", patient.page_hash or patient.main_hash, ticked)
            before = list(patient.boots)
            attacker = Session(server.url)
            async with connect(server.url, 60) as aws:
                await attacker.visit(aws, "Start", "")
                clear = BackMsg()
                clear.clear_cache = True
                await aws.send(clear.SerializeToString())
                await attacker.visit(aws, "Start again", attacker.page_hash or attacker.main_hash)
            await patient.visit(ws, "Start (again)", patient.page_hash or patient.main_hash, ticked)
            return before, patient.boots[len(before):]

    before, after = asyncio.run(scene())
    assert before and after, (before, after)
    assert set(after) == set(before), "the cache was cleared by another client"
    ignored = [e for e in server.log_lines() if e.get("event") == "client_message_ignored"]
    assert {"type": "clear_cache"}.items() <= ignored[-1].items()


# ---------------------------------------------------------------- logs


def test_the_start_is_logged_as_one_json_line_with_version_and_content(server):
    start = next(e for e in server.log_lines() if e.get("event") == "start")
    assert start["content_valid"] is True and start["content_version"]
    assert start["languages"][0] == "en" and set(start["languages"]) <= {"en", "es"}  # what is offered (issue 26)
    assert len(start["content_hash"]) == 64 and start["version"]


def test_a_missing_component_asset_logs_one_line_without_the_raw_path(server):
    evil = "/_stcore/bidi-components/spine-aid.tab_store/zz%1b%5b31mREDPATH.js"
    assert _get(server.url + evil)[0] == 404
    time.sleep(0.5)  # let the line reach the file (not a timing assertion)
    text = server.stdout.read_text() + server.stderr.read_text()
    assert "REDPATH" not in text and "\x1b" not in text and "Traceback" not in text
    assert any("component asset" in e.get("message", "") for e in server.log_lines())


# ---------------------------------------------------------------- broken content, README's run


def _broken_copy(tmp: Path) -> Path:
    copy = tmp / "content"
    shutil.copytree(CONTENT_DIR, copy)
    path = copy / "figures" / "comparisons.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("per_100: 95}", "per_100: lots}", 1), encoding="utf-8")
    return copy


def test_healthz_answers_503_on_broken_content_under_readmes_run(tmp_path):
    s = Server(tmp_path, env={"SPINE_AID_CONTENT": str(_broken_copy(tmp_path))})
    try:
        assert _get(s.url + "/_stcore/health")[:2] == (200, "ok")  # Streamlit's own check is fooled
        status, body, _ = _get(s.url + "/healthz")
        assert status == 503
        assert json.loads(body)["status"] == "unhealthy" and "version" in json.loads(body)
        assert "comparisons" not in body and "per_100" not in body  # no detail for the public
        events = s.log_lines()
        assert any(e.get("event") == "start" and e["content_valid"] is False for e in events)
        assert any(e.get("event") == "health" and e["status"] == "unhealthy" for e in events)
    finally:
        s.stop()


def test_in_strict_mode_broken_content_does_not_start(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(_free_port())],
        cwd=ROOT, env={**os.environ, "SPINE_AID_CONTENT": str(_broken_copy(tmp_path)), "SPINE_AID_STRICT": "1"},
        capture_output=True, text=True, timeout=START_SECONDS, check=False,
    )
    assert done.returncode != 0
    assert "Not starting" in done.stderr and "figures/comparisons.yaml" in done.stderr


# ---------------------------------------------------------------- one client's rerun flood


def test_a_flood_of_reruns_is_merged_and_the_last_answer_still_counts(server, content):
    """Over the per-session bound (ui/streamlit_patches.py), rerun requests are merged, not dropped: of 60
    requests sent at once, only the last ticks "none of these apply", and the record ends ticked.
    The bound's effect on another patient is measured in benchmarks/flood.py."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    from benchmarks.load import Session, connect
    from decision.record import parse_record

    async def scene() -> tuple[float, bool]:
        s = Session(server.url)
        async with connect(server.url, 60) as ws:
            await s.visit(ws, "Start", "")
            box = s.widgets[content.red_flags.none_apply]
            page = s.page_hash or s.main_hash
            began = time.monotonic()
            for i in range(60):
                msg = BackMsg()
                msg.rerun_script.query_string = s.query
                msg.rerun_script.page_script_hash = page
                msg.rerun_script.widget_states.widgets.append(WidgetState(id=box, bool_value=(i == 59)))
                await ws.send(msg.SerializeToString())
            sent_in = time.monotonic() - began
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                fwd = ForwardMsg()
                fwd.ParseFromString(await asyncio.wait_for(ws.recv(), deadline - time.monotonic()))
                if fwd.WhichOneof("type") == "delta" and fwd.delta.new_element.WhichOneof("type") == "bidi_component":
                    data = json.loads(fwd.delta.new_element.bidi_component.json or "{}")
                    if isinstance(data.get("kept"), str):
                        record = parse_record(json.loads(data["kept"])["record"])
                        if record.safety_screen_done:
                            return sent_in, True
            return sent_in, False

    sent_in, ticked = asyncio.run(scene())
    if sent_in > 2.0:
        pytest.skip(f"the 60 requests took {sent_in:.1f} s to send: no flood to bound")
    assert ticked, "the last request's answer was lost"
    assert any(e.get("event") == "reruns_merged" for e in server.log_lines())
