"""The one entry point: ``streamlit run app.py`` (README, the image's CMD, every test server).

This file plays two parts, and ``__name__`` tells which:

- ``streamlit run app.py`` first imports it as a module (``app``), finds the ``st.App`` below and
  serves it: Streamlit's server plus ``/healthz``, the security headers, metrics closed, JSON logs
  and the rest of ``ui/server.py``. So there is no way to run the aid without them.
- Then, for every page run, Streamlit executes it as the script (``__main__``): the walk's pages,
  in order, under their titles from content. Every page is a small module in ``pages/`` that draws
  itself (``pages/0_Start.py`` is the start page and its safety screen). Streamlit draws the page
  list in the sidebar from this one call: no element per link on each run (issue 13), and the page
  objects are made once per process (``ui/navigation.py``).
"""

import streamlit as st

if __name__ == "__main__":
    from ui import frame, language, navigation

    lang = language.current()
    content, _ = frame.content_or_error(lang)
    st.navigation(navigation.navigation_pages(content), position="sidebar", expanded=True).run()
else:
    from ui import server

    server.start()
    app = st.App(__file__, routes=server.ROUTES, middleware=server.MIDDLEWARE)
