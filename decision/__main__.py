"""Command line: ``python -m decision check-content | assess RECORD.json | compare RECORD.json |
summary RECORD.json -o OUT.pdf [--text] [--lang es] [--chart-lang en] | note RECORD.json [--lang es] |
fhir RECORD.json -o BUNDLE.json [--lang es] | review-pack -o PACK.html`` (``--text`` prints the words
the PDF prints, line by line).

Languages (issue 26): ``summary --lang`` is the patient's language; ``--chart-lang`` adds page one again
in the chart's language at the end when it differs (the same language adds nothing). The note is for
the chart, so it stays English unless ``--lang`` asks for another (a clinic that keeps its charts in
Spanish). ``fhir --lang`` is the language of the PDF inside, for the patient's copy in the record
system; the chart page in English is added to it, and the bundle's own words (the questionnaire, the
document's title) stay English, the record system's language.

Errors print one plain line (no traceback) and exit with code 2 for a bad record file and 1
for invalid content.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from decision.content import Content, ContentError, load_content
from decision.content.locale_format import LANGUAGES
from decision.record import MAX_FILE_BYTES, DecisionRecord, RecordError, parse_record


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


def _translations_refused(content, root: str | None) -> bool:
    """Each translation catalogue there is (content/es/…) checked against the English; none, nothing said."""
    from decision.content import content_dir
    from decision.content.translation import LANGUAGES
    from decision.content.translation.catalogue import has_catalogue

    folder = Path(root) if root else content_dir()
    refused = False
    for lang in (lang for lang in LANGUAGES if has_catalogue(folder, lang)):
        from decision.content.translation.catalogue import summary
        from decision.content.translation.checks import translation_problems

        problems, tallies = translation_problems(content, folder, lang)
        for problem in problems:
            print(f"Translation is not valid: {_one_line(problem)}", file=sys.stderr)
        print(summary(tallies, lang) + (f" {len(problems)} problem(s)." if problems else ""),
              file=sys.stderr if problems else sys.stdout)
        refused = refused or bool(problems)
    return refused


def _check_content(content, root: str | None) -> int:
    print(f"Content is valid: {len(content.comparisons)} comparisons, {len(content.figures)} other figures, "
          f"{len(content.sources)} sources, {len(content.options)} options.")
    if _translations_refused(content, root):
        return 1
    from decision.content.signoff import sign_off_status  # a warning only: the exit code stays 0
    status = sign_off_status(content.meta.content_version, root)
    print(status.line(), file=sys.stdout if status.current else sys.stderr)
    return 0


def _language(value: str) -> str:
    """A language of this aid; anything else is refused in one line that does not repeat it."""
    if value not in LANGUAGES:
        raise argparse.ArgumentTypeError(f"not a language of this aid; choose one of {', '.join(LANGUAGES)}")
    return value


def _in(english: Content, lang: str) -> Content:
    """The content in ``lang``: the English already loaded, or the language asked for."""
    return english if lang == english.lang else load_content(lang=lang)


def _parser() -> argparse.ArgumentParser:
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
    summary_cmd.add_argument("--lang", type=_language, metavar="{en,es}", default="en",
                             help="The patient's language (default en).")
    summary_cmd.add_argument("--chart-lang", type=_language, metavar="{en,es}", default=None,
                             help="Add page 1 again in this language at the end, for the chart, when it differs.")
    note_cmd = sub.add_parser("note", help="Print the plain-text visit note of a saved record, for the chart.")
    note_cmd.add_argument("record")
    note_cmd.add_argument("--lang", type=_language, metavar="{en,es}", default="en",
                          help="The note's language (default en: the chart's).")
    fhir_cmd = sub.add_parser("fhir", help="Write the visit as an HL7 FHIR R4 Bundle (JSON), with the PDF inside.")
    fhir_cmd.add_argument("record")
    fhir_cmd.add_argument("-o", "--output", required=True)
    fhir_cmd.add_argument("--lang", type=_language, metavar="{en,es}", default="en",
                          help="The language of the PDF inside (default en); the chart page in English is added.")
    pack_cmd = sub.add_parser("review-pack", help="Write the clinical review pack of the content (HTML) to sign.")
    pack_cmd.add_argument("-o", "--output", required=True)
    pack_cmd.add_argument("--root", default=None, help="A content folder other than the built-in one.")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "summary" and not (args.output or args.text):
        parser.error("summary needs -o OUT.pdf, --text, or both")

    try:
        content = load_content(Path(args.root)) if getattr(args, "root", None) else load_content()
    except ContentError as exc:
        print(f"Content is not valid: {exc}", file=sys.stderr)
        return 1
    if args.command == "check-content":
        return _check_content(content, args.root)
    if args.command == "review-pack":
        from decision.output.review_pack import write_pack

        return write_pack(content, args.root, args.output)
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
    try:  # the English content is loaded above; another language is loaded only when asked for
        patient = _in(content, getattr(args, "lang", "en"))
        chart = _in(content, "en" if args.command == "fhir" else getattr(args, "chart_lang", None) or patient.lang)
    except ContentError as exc:
        print(f"Content is not valid: {exc}", file=sys.stderr)
        return 1
    return _printout(args, record, content, patient, chart)


def _printout(args: argparse.Namespace, record: DecisionRecord, english: Content, patient: Content,
              chart: Content) -> int:
    """The note, the summary (PDF or text) or the FHIR bundle: the patient's language, the chart's copy."""
    if args.command == "note":
        from decision.output.note import build_note

        sys.stdout.write(build_note(record, patient))
        return 0
    from decision.output.pdf import build_pdf, pdf_text

    if args.command == "summary" and args.text:
        print(pdf_text(record, patient, chart_content=chart))
        if not args.output:
            return 0
    data = build_pdf(record, patient, chart_content=chart)
    if args.command == "fhir":
        from decision.output.fhir import bundle_json

        data = bundle_json(record, english, data, pdf_lang=patient.lang).encode("utf-8")
    try:
        Path(args.output).write_bytes(data)
    except OSError as exc:
        print(_one_line(f"Could not write {args.output}: {exc.strerror}."), file=sys.stderr)
        return 2
    print(f"Wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
