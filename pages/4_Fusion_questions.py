"""Being built."""

import streamlit as st

from ui import frame

content, record = frame.open_page("fusion")
st.title(content.pages["nav.fusion"])
frame.close_page(content)
