"""The aid as an installed project, so that Streamlit serves the tab store's script from a file.

Streamlit finds a component's asset folder only through an installed distribution: it looks for
a ``pyproject.toml`` with ``[tool.streamlit.component]`` beside (or just above) the package whose
import name is the project's name. README's install commands install this repository in editable
mode (``pip install --no-deps --no-build-isolation -e .``), and this package is what that name
resolves to. It holds no code: ``static/`` is the asset folder (``ui/tab_store.py`` explains the
script in it), and nothing else is ever served.
"""
