"""Issue 21: no record at an address a stranger can compute, and none left after it is done.

Against a live server started as README starts it (``tests/test_server.py``'s ``Server``), with
websocket clients that speak to it as a browser tab does (``benchmarks/load.py``'s ``Session``),
and plain HTTP GETs with no cookie, as the attack made them. The browser half (the file saved
from the sidebar opens; the PDF downloads) is ``tests/browser/test_save_and_load.py``.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from datetime import date

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.runtime.memory_media_file_storage import _calculate_file_id

from benchmarks.load import Session, connect
from decision.output.pdf import build_pdf
from decision.record import DecisionRecord, parse_record
from tests.test_server import Server, _get


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = Server(tmp_path_factory.mktemp("downloads"))
    yield s
    s.stop()


def _media_address(data: bytes, mimetype: str, file_name: str) -> str:
    """Where Streamlit's memory storage serves these bytes: the hash the attack computed."""
    ext = {"application/json": ".json", "application/pdf": ".pdf"}[mimetype]
    return f"/media/{_calculate_file_id(data, mimetype, file_name)}{ext}"


class Patient(Session):
    """A tab, as in benchmarks/load.py, that also keeps what the page sent it: the record, the
    save button's file, and the download buttons' deferred ids (by label)."""

    kept: str | None = None
    save: dict | None = None
    session_id: str = ""  # Streamlit tells each tab its session's id, and the tab names it in requests
    buttons: dict[str, str]
    deferred: dict[str, str]
    addresses: dict[str, str]  # a download button's /media address, when it has one (label -> url)

    def note_component(self, component) -> None:
        super().note_component(component)
        data = json.loads(component.json) if component.json else {}
        if isinstance(data, dict) and isinstance(data.get("kept"), str):
            self.kept = json.loads(data["kept"])["record"]
        if isinstance(data, dict) and data.get("op") == "save":
            self.save = data

    async def run(self, ws, page_hash, widget_states=None, timeout=60.0):
        # Listen to the same messages as Session.run, and note buttons on the way.
        original = ws.recv

        async def recv():
            raw = await original()
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            if fwd.WhichOneof("type") == "new_session":
                self.session_id = fwd.new_session.initialize.session_id
            if fwd.WhichOneof("type") == "delta":
                element = fwd.delta.new_element
                kind = element.WhichOneof("type")
                if kind == "download_button":
                    self.deferred[element.download_button.label] = element.download_button.deferred_file_id
                    self.addresses[element.download_button.label] = element.download_button.url
                elif kind == "button":
                    self.buttons[element.button.label] = element.button.id
            return raw

        ws.recv = recv
        try:
            return await super().run(ws, page_hash, widget_states, timeout)
        finally:
            ws.recv = original

    def page(self, name: str) -> str:
        return next(h for path, h in self.pages if path.lower().endswith(name))


def _patient(url: str) -> Patient:
    p = Patient(url)
    p.buttons, p.deferred, p.addresses = {}, {}, {}
    return p


async def _start(p: Patient, ws, ticks: list[str]) -> None:
    await p.visit(ws, "Start", "")
    states = [WidgetState(id=p.widgets[label], bool_value=True) for label in ticks]
    await p.visit(ws, "Start (ticked)", p.page_hash or p.main_hash, states)


async def _ask_for_file(ws, p: Patient, placeholder: str) -> ForwardMsg:
    """What a browser sends when its PDF button is clicked (naming its own session, which Streamlit
    checks against the websocket's), and the server's answer."""
    msg = BackMsg()
    msg.backend_operation_request.session_id = p.session_id
    request_id = uuid.uuid4().hex
    msg.backend_operation_request.request_id = request_id
    msg.backend_operation_request.deferred_file.file_id = placeholder
    await ws.send(msg.SerializeToString())
    deadline = time.monotonic() + 120
    while True:
        fwd = ForwardMsg()
        fwd.ParseFromString(await asyncio.wait_for(ws.recv(), deadline - time.monotonic()))
        if fwd.WhichOneof("type") == "backend_operation_response" and \
                fwd.backend_operation_response.request_id == request_id:
            return fwd


PDF = "Download the summary (PDF)"


def _save_address(p: Patient, content) -> str:
    """The save file's address: the one the page was given, if any (Streamlit's download button
    had one), else the one a stranger computes from the record's bytes."""
    given = p.addresses.get(content.pages["frame.save"])
    if given:
        return given
    assert p.kept is not None
    name = f"spine-decision-record-{date.today().isoformat()}.json"
    return _media_address(parse_record(p.kept).to_json().encode(), "application/json", name)


def test_no_save_file_at_the_address_a_stranger_computes_for_each_one_sign_record(server, content):
    """The attack: with no cookie, compute the /media address of the save file of every record
    with one sign ticked (Streamlit's own hash of bytes, type and file name), and ask for each.
    A live session has ticked one sign. Nothing may answer."""
    flag = next(f for f in content.red_flags.flags if f.id == "bladder_problems")
    name = f"spine-decision-record-{date.today().isoformat()}.json"

    async def scene() -> tuple[str | None, dict | None]:
        p = _patient(server.url)
        async with connect(server.url, 60) as ws:
            await _start(p, ws, [flag.question])
            answers = [_get(server.url + _media_address(
                DecisionRecord(red_flags=[f.id], safety_screen_done=True).to_json().encode(), "application/json", name))
                for f in content.red_flags.flags]
            assert p.kept is not None
            live = parse_record(p.kept)
            # The guess is right: the live session's record is the candidate for its sign.
            assert live == DecisionRecord(red_flags=[flag.id], safety_screen_done=True)
            assert [code for code, _, _ in answers] == [404] * len(answers), \
                f"a stranger fetched a save file: {[code for code, _, _ in answers]}"
            return p.kept, p.save

    _, save = asyncio.run(scene())
    # The page sends the file with its button (made in the browser), and it opens.
    assert save is not None and save["name"] == name
    assert parse_record(save["file"]).red_flags == [flag.id]


def test_a_pdf_has_no_address_a_stranger_computes_and_runs_only_for_its_session(server, content):
    """The PDF is made on click (Streamlit's deferred download). A stranger who rebuilds the same
    PDF (same record, same day) and hashes it finds nothing; another session that sends this
    session's button id gets no file; the session itself gets its PDF."""

    async def scene() -> None:
        p = _patient(server.url)
        async with connect(server.url, 60) as ws:
            await _start(p, ws, [content.red_flags.none_apply])
            await p.visit(ws, "Summary", p.page("summary"))
            placeholder = p.deferred[PDF]
            assert placeholder

            stranger = _patient(server.url)
            async with connect(server.url, 60) as sws:
                await stranger.visit(sws, "Start", "")
                assert stranger.session_id and stranger.session_id != p.session_id
                answer = (await _ask_for_file(sws, stranger, placeholder)).backend_operation_response
                assert answer.error_msg and not answer.deferred_file.url, "another session ran this session's PDF"

            first = (await _ask_for_file(ws, p, placeholder)).backend_operation_response
            second = (await _ask_for_file(ws, p, placeholder)).backend_operation_response
            assert first.deferred_file.url and second.deferred_file.url, first.error_msg
            code, _, _ = _get(server.url + first.deferred_file.url)
            assert code == 200
            assert first.deferred_file.url != second.deferred_file.url, "two PDFs of one record share an address"

            assert p.kept is not None
            rebuilt = build_pdf(parse_record(p.kept), content)
            name = f"spine-decision-summary-record-{date.today().isoformat()}.pdf"
            code, _, _ = _get(server.url + _media_address(rebuilt, "application/pdf", name))
            assert code == 404, "a stranger rebuilt the PDF and fetched it"

    asyncio.run(scene())


def test_after_finish_and_clear_nothing_of_the_record_answers(server, content):
    """The addresses of the save file and of the PDF answer 404 as soon as the run that "Finish
    and clear" starts has ended (no sweep to wait for)."""

    async def scene() -> None:
        p = _patient(server.url)
        async with connect(server.url, 60) as ws:
            await _start(p, ws, [content.red_flags.none_apply])
            await p.visit(ws, "Summary", p.page("summary"))
            url = (await _ask_for_file(ws, p, p.deferred[PDF])).backend_operation_response.deferred_file.url
            assert url and _get(server.url + url)[0] == 200
            save = _save_address(p, content)
            finish = p.buttons[content.pages["frame.finish"]]
            await p.visit(ws, "Finish and clear", p.page_hash, [WidgetState(id=finish, trigger_value=True)])
            assert _get(server.url + url)[0] == 200, "the first click only asks"
            yes = p.buttons[content.pages["frame.clear_yes"]]
            await p.visit(ws, "Yes, clear everything", p.page_hash, [WidgetState(id=yes, trigger_value=True)])
            assert _get(server.url + url)[0] == 404, "the PDF stayed after Finish and clear"
            assert _get(server.url + save)[0] == 404, "the save file stayed after Finish and clear"

    asyncio.run(scene())


def test_when_the_tab_goes_the_pdf_goes(server, content):
    """A closed (or reloaded) tab's websocket closes; its session's PDFs are deleted then, not
    when Streamlit ends the session 2 minutes later. The server handles the close on its own
    schedule, so this waits for it (up to 60 s; it took well under a second here)."""

    async def scene() -> tuple[str, str]:
        p = _patient(server.url)
        async with connect(server.url, 60) as ws:
            await _start(p, ws, [content.red_flags.none_apply])
            await p.visit(ws, "Summary", p.page("summary"))
            url = (await _ask_for_file(ws, p, p.deferred[PDF])).backend_operation_response.deferred_file.url
            assert url and _get(server.url + url)[0] == 200
            return url, _save_address(p, content)

    urls = asyncio.run(scene())
    deadline = time.monotonic() + 60
    while any(_get(server.url + u)[0] != 404 for u in urls) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [_get(server.url + u)[0] for u in urls] == [404, 404], "the PDF or the save file stayed after its tab closed"
