"""Being built."""

import streamlit as st

from ui import frame

content, record = frame.open_page("about")
st.title(content.pages["nav.about"])
frame.close_page(content)
