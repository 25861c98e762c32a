"""``ui/`` mirrors what it draws (issue 22): no module of it grows past the limits ``decision/`` keeps
(tests/test_architecture.py: 300 lines a module, 150 a class, 60 a function).

``ui/frame.py`` reached 347 lines and ``ui/server.py`` 356; they were cut by what they draw or do
(README, "How it is built"). The next thing the frame draws goes into its own module beside it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_architecture import _sizes

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("path", sorted((ROOT / "ui").glob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_ui_module_grows_too_big(path):
    too_big = [f"{name}: {lines} lines (limit {limit})" for name, lines, limit in _sizes(path) if lines > limit]
    assert not too_big, f"{path.relative_to(ROOT)} has grown past the size limits:\n" + "\n".join(too_big)
