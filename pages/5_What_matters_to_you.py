"""Being built."""

import streamlit as st

from ui import frame

content, record = frame.open_page("values")
st.title(content.pages["nav.values"])
frame.close_page(content)
