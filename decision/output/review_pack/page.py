"""The review pack's HTML: one self-contained, printable page, every value escaped.

Nothing is fetched: the style is inline, there are no scripts, fonts, images or links to load, so
the file opens the same on a hospital PC with no network and prints as it shows (tables repeat
their header on each printed page; a row is not split across pages).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

CSS = """
body { font-family: Georgia, 'Times New Roman', serif; font-size: 11pt; line-height: 1.35; color: #111;
       margin: 2em auto; max-width: 75em; padding: 0 1em; }
h1 { font-size: 20pt; margin-bottom: 0.2em; }
h2 { font-size: 15pt; border-bottom: 2px solid #333; margin-top: 2em; }
h3 { font-size: 12pt; margin-top: 1.4em; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1.2em; }
th, td { border: 1px solid #777; padding: 0.25em 0.4em; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; }
table.numbers, table.rules { table-layout: fixed; }
th { background: #e8e8e8; }
td.num { white-space: nowrap; }
.missing { font-style: italic; color: #7a1f00; }
.note { font-size: 10pt; }
.box { border: 2px solid #333; padding: 0.5em 0.8em; margin: 1em 0; }
.sign td { height: 3em; }
table.numbers th:nth-child(1) { width: 14%; } table.numbers th:nth-child(2) { width: 24%; }
table.numbers th:nth-child(3) { width: 18%; } table.numbers th:nth-child(4) { width: 7%; }
table.numbers th:nth-child(5) { width: 19%; } table.numbers th:nth-child(6) { width: 18%; }
table.rules th:nth-child(1) { width: 14%; } table.rules th:nth-child(2) { width: 28%; }
table.rules th:nth-child(3) { width: 12%; } table.rules th:nth-child(4) { width: 22%; }
table.rules th:nth-child(5) { width: 24%; }
td code { word-break: break-all; }
code { font-family: 'Courier New', monospace; font-size: 9.5pt; word-break: break-all; }
@media print {
  body { margin: 0; max-width: none; font-size: 9.5pt; }
  h2 { break-before: page; }
  h2.first { break-before: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
"""


class Html(str):
    """Markup built here from escaped parts: never escaped again."""


def esc(value: object) -> Html:
    """A value as text in the page: escaped, whitespace folded; ``Html`` passes through as built."""
    if isinstance(value, Html):
        return value
    return Html(escape(" ".join(str(value).split()), quote=True))


def tag(name: str, *children: object, cls: str = "", id: str = "") -> Html:
    attrs = (f' class="{escape(cls)}"' if cls else "") + (f' id="{escape(id)}"' if id else "")
    return Html(f"<{name}{attrs}>" + "".join(esc(c) for c in children) + f"</{name}>")


def lines(*parts: object) -> Html:
    """Several values in one cell, one per line (empty ones left out)."""
    return Html("<br>".join(esc(p) for p in parts if p not in ("", None)))


def join(*parts: object) -> Html:
    """Values side by side in one piece of markup, each escaped unless already built."""
    return Html("".join(esc(p) for p in parts))


def pre(text: str) -> Html:
    """Text kept as written, line by line (escaped, not folded)."""
    return Html(f"<pre><code>{escape(text)}</code></pre>")


def missing(text: str) -> Html:
    return tag("span", text, cls="missing")


def table(header: Sequence[str], rows: Iterable[Sequence[object]], *, ids: Sequence[str] | None = None,
          cls: str = "") -> Html:
    head = "".join(tag("th", h) for h in header)
    body = []
    for n, row in enumerate(rows):
        row_id = ids[n] if ids is not None else ""
        body.append(tag("tr", *(tag("td", cell) for cell in row), id=row_id))
    return Html(f'<table{f" class={chr(34)}{escape(cls)}{chr(34)}" if cls else ""}>'
                f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def section(title: str, *body: object, first: bool = False, id: str = "") -> Html:
    return Html(tag("h2", title, cls="first" if first else "", id=id) + "".join(esc(b) for b in body))


def paragraph(*parts: object, cls: str = "") -> Html:
    return tag("p", *parts, cls=cls)


def document(title: str, body: Iterable[Html]) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{esc(title)}</title><style>{CSS}</style></head><body>"
            + "".join(body) + "</body></html>\n")
