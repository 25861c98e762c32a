"""Issue 24: the values fit's compact table, with a reason opened, passes the automated WCAG checks
(axe) for a fully answered record; its rows have row headers (th scope="row")."""

import pytest

from tests.browser.test_accessibility import assert_accessible
from tests.browser.walk_lengths import answered_record, go, open_record, settle

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("diagnosis", ["degenerative_spondylolisthesis", "disc_herniation"])
def test_the_values_table_and_its_reasons_pass_the_automated_wcag_checks(visit, content, tmp_path, diagnosis):
    page = visit.page
    open_record(page, visit.base_url, answered_record(diagnosis, content), tmp_path)
    go(page, content.pages["nav.values"])
    settle(page)
    assert page.locator("table.values-fit th[scope=row]").count() >= 1
    page.get_by_text(content.pages["values.why_title"], exact=True).first.click()  # the reasons, for every option
    settle(page)
    assert_accessible(page, "values with table")
