"""ui/figures.py: drawings and tables go into the page as escaped, self-contained markup."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _table_app():
    from ui.figures import draw_table

    draw_table(["Name", "Note"], [["<b>x</b> **y**", "line one\n\nline two | z"], ["ok", 3]])


def test_a_table_escapes_every_cell_and_stays_one_html_block():
    at = AppTest.from_function(_table_app).run()
    assert not at.exception
    (md,) = [m.value for m in at.markdown]
    assert md.startswith('<table class="aid-table">') and md.endswith("</table>")
    assert "<b>" not in md and "&lt;b&gt;x&lt;/b&gt;" in md
    assert "\n" not in md  # no blank line, so markdown never applies inside the table
    assert md.count("<tr>") == 3 and "<th>Name</th>" in md and "<td>3</td>" in md
    assert not at.get("table")  # not st.table: no pandas in the server for this
