"""The domain of the lumbar spine decision aid: pure Python, no streamlit."""
