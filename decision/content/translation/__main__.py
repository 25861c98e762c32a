"""``python -m decision.content.translation extract|status|check --lang es [--root CONTENT]``.

- ``extract``: make or update ``content/<lang>/`` from the English (new fields untranslated, changed
  ones fuzzy, gone ones under ``~obsolete``), then print the count;
- ``status``: how many fields are translated, per file and in all;
- ``check``: what ``check-content`` refuses in the translation (exit 1 if anything).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from decision.content.load import ContentError, content_dir, load_content
from decision.content.translation import LANGUAGES
from decision.content.translation.catalogue import Tally, catalogue_files, extract, read_file, summary, tally
from decision.content.translation.fields import english_fields


def _status(content, root: Path, lang: str) -> list[Tally]:
    """Each file's count; an entry made from other English than today's is not counted as done."""
    fields = english_fields(content, root)
    tallies = []
    for rel in sorted(set(fields) | set(catalogue_files(root, lang))):
        entries, obsolete, _ = read_file(root, lang, rel)
        wanted = fields.get(rel, {})
        current = {k: e for k, e in entries.items() if k in wanted and e.en == wanted[k].text}
        tallies.append(tally(rel, current, obsolete, len(wanted)))
    return tallies


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m decision.content.translation",
                                     description="Make, count and check the translation of the content.")
    parser.add_argument("command", choices=("extract", "status", "check"))
    parser.add_argument("--lang", required=True, choices=LANGUAGES)
    parser.add_argument("--root", default=None, help="A content folder other than the built-in one.")
    args = parser.parse_args(argv)
    root = Path(args.root) if args.root else content_dir()
    try:
        content = load_content(root)
        if args.command == "extract":
            tallies = extract(english_fields(content, root), root, args.lang)
            print(f"Wrote {root / args.lang}/ ({len(tallies)} files).")
        elif args.command == "status":
            tallies = _status(content, root, args.lang)
            for t in tallies:
                print(f"  {args.lang}/{t.rel}: {t.done} of {t.total}" + (f", {t.fuzzy} to review" if t.fuzzy else "")
                      + (f", {t.obsolete} obsolete" if t.obsolete else ""))
        else:
            from decision.content.translation.checks import translation_problems

            problems, tallies = translation_problems(content, root, args.lang)
            for problem in problems:
                print(problem, file=sys.stderr)
            if problems:
                print(f"{summary(tallies, args.lang)} {len(problems)} problem(s).", file=sys.stderr)
                return 1
    except ContentError as exc:
        print(f"Content is not valid: {exc}", file=sys.stderr)
        return 1
    print(summary(tallies, args.lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
