"""Being built."""

import streamlit as st

from ui import frame

content, record = frame.open_page("leaning")
st.title(content.pages["nav.leaning"])
frame.close_page(content)
