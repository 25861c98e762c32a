"""Save and open are on the page itself, not only in the sidebar (issue 24, item 5).

On a phone the sidebar hides behind ``»``, while the words said "in the sidebar". Every page now
ends with "Save or open your answers", the same two controls on the same record
(ui/save_open.py); the words name that place. The browser half, at a phone's width, is
tests/browser/test_save_and_load.py.
"""

from __future__ import annotations

from decision.content.page_strings import TAB_NOTICES
from decision.record import DecisionRecord
from tests.conftest import app_at, assert_no_exception

SAVED = DecisionRecord(safety_screen_done=True, diagnosis="disc_herniation", patient_initials="KL").to_json()


def _expander(at, title):
    return [e for e in at.main.expander if e.label == title]


def test_every_page_ends_with_save_and_open(content):
    at = app_at()
    title = content.pages["frame.save_open_title"]
    for page in ("pages/0_Start.py", "pages/1_Your_back.py", "pages/8_Summary.py", "pages/9_About.py"):
        at.switch_page(page).run()
        assert_no_exception(at)
        [foot] = _expander(at, title)
        assert foot.get("file_uploader")[0].label == content.pages["frame.open"], page
        assert at.sidebar.get("file_uploader"), "the sidebar keeps its own"


def test_a_file_opened_on_the_page_opens_the_one_record_and_says_so_there(content):
    at = app_at("pages/1_Your_back.py")
    at.file_uploader(key="load_record_page").upload("answers.json", SAVED.encode(), "application/json").run()
    assert_no_exception(at)
    rec = at.session_state["record"]
    assert (rec.diagnosis, rec.patient_initials) == ("disc_herniation", "KL")
    assert at.text_input(key="w1:initials").value == "KL"
    opened = content.pages["frame.opened"]
    assert [s.value.replace("\\", "") for s in at.main.success] == [opened]
    assert not at.sidebar.success
    # The same file is not opened again on the next run (a new opening would renew every input's key).
    at.run()
    assert_no_exception(at)
    assert at.session_state["widget_generation"] == 1


def test_the_words_name_the_place_on_the_page(content):
    title = content.pages["frame.save_open_title"]
    for notice in TAB_NOTICES:
        text = content.pages[f"tab_store.{notice}"]
        assert "sidebar" not in text.lower(), notice
    for key in ("tab_store.unreadable", "tab_store.unavailable", "summary.save_file"):
        assert f'"{title}"' in content.pages[key].replace("\n", " "), key
        assert "sidebar" not in content.pages[key].lower(), key
