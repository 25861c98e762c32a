"""How long does loading the content take, in English and in a translation? Figures printed, not asserted.

    .venv/bin/python benchmarks/content_languages.py [--runs 7]

English is timed on content/ as it is. A translation is timed on a copy of content/ with a complete
pseudo-Spanish catalogue made by the tests' fake translator (no Spanish is written yet): loading it
reads the English, then every file again with the Spanish set in, then validates it all once more.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from decision.content import CONTENT_DIR, load_content  # noqa: E402
from decision.content.translation.__main__ import main as translation_main  # noqa: E402
from tests.test_translation import _fill  # noqa: E402


def _time(runs: int, load) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        load()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    load_content()  # imports and first-use costs out of the figures
    low, mid = _time(runs, load_content)
    print(f"English (content/):           min {low:.3f} s, median {mid:.3f} s over {runs} loads")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "content"
        shutil.copytree(CONTENT_DIR, root)
        translation_main(["extract", "--lang", "es", "--root", str(root)])
        _fill(root)
        low, mid = _time(runs, lambda: load_content(root, "es"))
        print(f"Spanish (pseudo catalogue):   min {low:.3f} s, median {mid:.3f} s over {runs} loads")


if __name__ == "__main__":
    main()
