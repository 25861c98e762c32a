"""Being built."""

import streamlit as st

from ui import frame

content, record = frame.open_page("care")
st.title(content.pages["nav.care"])
frame.close_page(content)
