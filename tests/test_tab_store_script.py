"""The tab store's script is a file our own server serves, not ~7 KB inside every run's message.

Issue 13 (bytes per page visit): the element that mounts the store is sent at the end of every
run of every page. It names ``spine_aid/static/tab_store.js`` (a component asset declared in
pyproject.toml) and carries none of its code. tests/browser/test_tab_store_script.py checks that a
browser really fetches it from this server and that it works.
"""

from __future__ import annotations

import re

from streamlit.components.v2.manifest_scanner import scan_component_manifests

from tests.conftest import ROOT, app_at, assert_no_exception
from ui import tab_store

SCRIPT = ROOT / "spine_aid" / "static" / tab_store.SCRIPT


def test_the_installed_manifest_is_this_checkouts():
    # Streamlit reads the asset folder from the installed project; a stale install from another
    # checkout (or none: `pip install --no-deps --no-build-isolation -e .` was not run) would serve another file.
    found = {m.name: (m, root) for m, root in scan_component_manifests()}
    assert "spine-aid" in found, "the project is not installed: pip install --no-deps --no-build-isolation -e ."
    manifest, root = found["spine-aid"]
    assert root.resolve() == (ROOT / "spine_aid").resolve()
    [component] = manifest.components
    assert f"{manifest.name}.{component.name}" == tab_store.NAME
    assert component.resolve_asset_root(root) == SCRIPT.parent.resolve()


def test_each_runs_message_names_the_script_and_carries_none_of_it():
    at = app_at("pages/1_Your_back.py")
    at.text_input(key="w:initials").input("JQ").run()
    assert_no_exception(at)
    # Two elements run the script: the store, and the save button (tab_store.save_button).
    [element] = [e for e in at.get("bidi_component") if '"op": "save"' not in e.proto.json]
    proto = element.proto
    assert proto.component_name == tab_store.NAME
    assert proto.js_source_path == tab_store.SCRIPT
    assert proto.js_content == ""
    sent = proto.SerializeToString()
    for line in ("function holdClicksUntilTypingIsIn()", "new BroadcastChannel(CHANNEL)", "export default function"):
        assert line in SCRIPT.read_text()
        assert line.encode() not in sent, line
    # What is left is the record and a few names: well under the script's own size.
    assert len(sent) < SCRIPT.stat().st_size / 2, len(sent)


def test_the_script_asks_no_other_host_and_keeps_the_same_storage_key():
    js = SCRIPT.read_text()
    assert not re.search(r"https?:|//[a-z0-9.-]+\.[a-z]{2,}/|\bimport\s*\(|\bfetch\s*\(", js, re.I)
    assert f'const STORAGE_KEY = "{tab_store.STORAGE_KEY}";' in js
