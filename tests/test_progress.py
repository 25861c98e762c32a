"""Progress in words on every page of the walk: "Step 3 of 9: Your care so far" (issue 24).

The count is the walk's, Start to Summary, taken from the page list (ui/navigation.py): About is
not a step, and a page added to the walk (or after it, like a clinic page) moves the count itself.
"""

from __future__ import annotations

import html
import re

import pytest

from tests.conftest import app_at, assert_no_exception
from ui import navigation
from ui.navigation import PAGES, WALK, PageInfo, _walk, walk_step

WALK_KEYS = ("start", "your_back", "care", "compare", "fusion", "values", "quiz", "leaning", "summary")


def _progress_lines(at) -> list[str]:
    found = [re.fullmatch(r'<p class="aid-progress">(.*)</p>', h.value) for h in at.html]
    return [html.unescape(m.group(1)) for m in found if m]


def test_the_walk_is_start_to_summary_in_the_sidebar_order():
    assert tuple(p.key for p in WALK) == WALK_KEYS
    assert walk_step("start") == (1, 9) and walk_step("care") == (3, 9) and walk_step("summary") == (9, 9)
    assert walk_step("about") is None


def test_the_count_comes_from_the_page_list_not_a_constant():
    extra_inside = (*PAGES[:3], PageInfo("extra", "pages/x.py"), *PAGES[3:])
    assert len(_walk(extra_inside)) == len(WALK) + 1
    after = PAGES.index(navigation.PAGE_BY_KEY["summary"]) + 1
    extra_after = (*PAGES[:after], PageInfo("visit", "pages/v.py"), *PAGES[after:])
    assert _walk(extra_after) == WALK


@pytest.mark.parametrize("info", WALK, ids=lambda i: i.key)
def test_every_walk_page_says_which_step_it_is_in_words(content, info):
    at = app_at(info.path)
    assert_no_exception(at)
    step, total = walk_step(info.key)
    expected = f"Step {step} of {total}: {content.pages['nav.' + info.key]}"
    assert _progress_lines(at) == [expected]
    assert expected == content.pages["frame.progress"].format(step=step, total=total,
                                                             title=content.pages["nav." + info.key])


def test_care_so_far_is_step_3_of_9(content):
    at = app_at("pages/2_Your_care_so_far.py")
    assert _progress_lines(at) == ["Step 3 of 9: Your care so far"]


def test_about_is_not_a_step():
    at = app_at(navigation.PAGE_BY_KEY["about"].path)
    assert_no_exception(at)
    assert _progress_lines(at) == []
