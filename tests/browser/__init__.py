"""Browser tests: a real Chromium against a real ``streamlit run`` server (marker: browser)."""
