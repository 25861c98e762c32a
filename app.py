"""The entry point: the walk's pages, in order, under their titles from content.

Every page is a small module in ``pages/`` that draws itself (``pages/0_Start.py`` is the start
page and its safety screen). Streamlit draws the page list in the sidebar from this one call:
no element per link on each run (issue 13), and the page objects are made once per process
(``ui/navigation.py``).
"""

import streamlit as st

from ui import frame, navigation

content, _ = frame.content_or_error()
st.navigation(navigation.navigation_pages(content), position="sidebar", expanded=True).run()
