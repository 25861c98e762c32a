"""Being built."""

import streamlit as st

from ui import frame

content, record = frame.open_page("summary")
st.title(content.pages["nav.summary"])
frame.close_page(content)
