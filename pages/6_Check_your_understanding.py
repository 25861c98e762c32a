"""Being built."""

import streamlit as st

from ui import frame

content, record = frame.open_page("quiz")
st.title(content.pages["nav.quiz"])
frame.close_page(content)
