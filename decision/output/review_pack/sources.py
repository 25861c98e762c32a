"""What the pack says about where a number or rule comes from: its source, and the evidence note in the file."""

from __future__ import annotations

from pathlib import Path

from decision.content import Content, Source
from decision.output.review_pack.comments import Notes, names_a_section, read_notes
from decision.output.review_pack.page import Html, lines, missing

NOT_RECORDED = ("Not recorded: the content does not say which section of the evidence this comes from. "
                "Check it against the source.")
NO_SECTION = "(This note names no numbered section of the evidence.)"
LABELS = {"V1": "V1: seen in the primary source", "V2": "V2: seen only in a secondary report"}


def url_of(source: Source) -> str:
    if source.url:
        return source.url
    if source.doi:
        return f"https://doi.org/{source.doi}"
    if source.pmid:
        return f"https://pubmed.ncbi.nlm.nih.gov/{source.pmid}/"
    return ""


def source_cell(content: Content, source_ids: tuple[str, ...] | list[str]) -> Html:
    """Each source: its id, its citation and its URL (the URL made from the DOI or PMID if none is given)."""
    parts: list[object] = []
    for sid in source_ids:
        source = content.source_by_id.get(sid)
        if source is None:
            parts += [f"[{sid}]", missing("not in the bibliography")]
            continue
        url = url_of(source)
        # The citation ends with the URL when it has no DOI or PMID; otherwise the URL is made from them.
        parts += [f"[{sid}] {source.citation}",
                  "" if url and url in source.citation else f"URL: {url}" if url else missing("No URL recorded.")]
    return lines(*parts)


def evidence_cell(note: str, file: str) -> Html:
    """The note written above the entry in its file, as written; or plainly that there is none."""
    if not note:
        return missing(NOT_RECORDED)
    return lines(f"From the note above this entry in content/{file}:", note,
                 "" if names_a_section(note) else NO_SECTION)


def file_notes(root: Path, pattern: str) -> dict[str, Notes]:
    """The notes of each content file matching ``pattern`` (e.g. "figures/*.yaml"), by its path in content/."""
    return {path.relative_to(root).as_posix(): read_notes(path.read_text(encoding="utf-8"))
            for path in sorted(root.glob(pattern))}


def notes_by_id(notes: dict[str, Notes], key: str) -> dict[str, tuple[str, str]]:
    """Each list entry of ``key`` (e.g. "comparisons") by id: (its file, the note above it)."""
    found: dict[str, tuple[str, str]] = {}
    for file, n in notes.items():
        for path in n.items:
            if len(path) == 2 and path[0] == key:
                found[path[1]] = (file, n.by_path.get(path, ""))
    return found
