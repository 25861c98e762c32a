"""Command line: ``python -m decision check-content | assess RECORD.json | compare RECORD.json |
summary RECORD.json -o OUT.pdf`` (``--text`` prints the words the PDF prints, line by line).

Errors print one plain line (no traceback) and exit with code 2 for a bad record file and 1
for invalid content.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from decision.content import ContentError, load_content
from decision.record import MAX_FILE_BYTES, RecordError, parse_record


def _one_line(text: str) -> str:
    """What reaches the terminal: one line of printable characters (no escape codes from a file or a path)."""
    return "".join(c if c.isprintable() else "?" for c in text)[:500]


def _read_record(path: str):
    file = Path(path)
    if not file.is_file():
        raise RecordError(f"There is no file at {_one_line(path)}.")
    if file.stat().st_size > MAX_FILE_BYTES:
        raise RecordError(
            f"This file is too large to be a saved record ({file.stat().st_size:,} bytes; the limit is 1 MB).")
    return parse_record(file.read_bytes())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m decision", description="Lumbar spine decision aid tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check-content", help="Validate every file in content/.")
    check.add_argument("--root", default=None, help="A content folder other than the built-in one.")
    assess_cmd = sub.add_parser("assess", help="Print the readiness result for a saved record, as JSON.")
    assess_cmd.add_argument("record")
    compare_cmd = sub.add_parser(
        "compare", help="Print what the comparison shows for a saved record's diagnosis, as JSON.")
    compare_cmd.add_argument("record")
    summary_cmd = sub.add_parser(
        "summary", help="Write the printable PDF summary of a saved record (-o), or print its text (--text).")
    summary_cmd.add_argument("record")
    summary_cmd.add_argument("-o", "--output")
    summary_cmd.add_argument("--text", action="store_true", help="Print the words the PDF prints, line by line.")
    args = parser.parse_args(argv)
    if args.command == "summary" and not (args.output or args.text):
        parser.error("summary needs -o OUT.pdf, --text, or both")

    try:
        content = load_content(Path(args.root)) if getattr(args, "root", None) else load_content()
    except ContentError as exc:
        print(f"Content is not valid: {exc}", file=sys.stderr)
        return 1
    if args.command == "check-content":
        print(f"Content is valid: {len(content.comparisons)} comparisons, {len(content.figures)} other figures, "
              f"{len(content.sources)} sources, {len(content.options)} options.")
        return 0
    try:
        record = _read_record(args.record)
    except RecordError as exc:
        print(_one_line(str(exc)), file=sys.stderr)
        return 2
    if args.command == "assess":
        from decision.rules.readiness import assess

        print(json.dumps(assess(record, content).as_json(), indent=2))
        return 0
    if args.command == "compare":
        from decision.compare.comparison import as_json, compare

        print(json.dumps(as_json(compare(content, record.diagnosis)), indent=2))
        return 0
    from decision.output.pdf import build_pdf, pdf_text

    if args.text:
        print(pdf_text(record, content))
        if not args.output:
            return 0
    try:
        Path(args.output).write_bytes(build_pdf(record, content))
    except OSError as exc:
        print(_one_line(f"Could not write {args.output}: {exc.strerror}."), file=sys.stderr)
        return 2
    print(f"Wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
