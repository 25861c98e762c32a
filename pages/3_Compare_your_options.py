"""Being built."""

import streamlit as st

from ui import frame

content, record = frame.open_page("compare")
st.title(content.pages["nav.compare"])
frame.close_page(content)
