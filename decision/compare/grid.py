"""The Compare page's grids and paired pictures, as small escaped HTML (pure; no streamlit).

Layer 1 of the comparison (issue 11): one table per diagnosis, outcomes as rows and the
diagnosis's options as columns, each cell a key number; a second small table of the practical
issues. Layer 2: one outcome's arms as icon arrays side by side. Every string that comes from
content is escaped, so no text becomes markup. Benefit and harm rows differ in colour *and* in
a word (``template.kinds.*.word``), never colour alone. Option names never break inside a word
(each word of a header is kept whole); on a narrow screen the grids stack, a block per row with
each number labelled with its option, so nothing scrolls sideways. A gap row's cell covers only the columns of
the arms it compares (issue 23); "not counted" is said in words at the grid's own size.
"""

from __future__ import annotations

from html import escape

from decision.compare.comparison import RowView
from decision.compare.icon_array import GOOD, HARM, LATER, icon_array_svg
from decision.compare.overview import Overview, OverviewCell
from decision.content import Comparison, Content
from decision.content.wording import arm_figure, format_number

# Which family each kind belongs to, for its colour (the words are in content).
_TONE = {"benefit": "good", "harm": "harm", "another_operation": "harm", "operation_later": "later"}

CSS = ("""
.aid-grid-box{overflow-x:auto;margin:0 0 .75rem 0}
.aid-grid{border-collapse:collapse;width:100%;line-height:1.25;font-size:.9em}
.aid-grid th,.aid-grid td{border-bottom:1px solid #d5dde3;padding:.25rem .4rem;text-align:left;vertical-align:top}
.aid-grid thead th{word-break:keep-all;hyphens:none;border-bottom:2px solid #8a96a3}.aid-grid .w{white-space:nowrap}
.aid-grid th[scope=row]{font-weight:600;min-width:11rem}
.aid-overview{table-layout:fixed}.aid-overview thead th:first-child{width:46%}
.aid-grid td.num{white-space:nowrap;font-weight:700}
.aid-grid td.none,.aid-grid td.with{color:#1f2933;font-weight:400}
.aid-grid td.num .sub{display:block;font-weight:400;color:#1f2933;white-space:normal}
.aid-grid .good{color:GOOD}.aid-grid .harm{color:HARM}.aid-grid .later{color:LATER}
.aid-grid .kind{display:inline-block;font-size:.72em;font-weight:700;border-radius:.3rem;padding:0 .35rem;
margin-right:.35rem;white-space:nowrap}
.aid-grid .kind.good{background:#e3edf5}.aid-grid .kind.harm{background:#fbe9dd}
.aid-grid .kind.later{background:#efe9f6}
.aid-grid .detail{font-size:.8em;font-weight:400;color:#525c69;margin-left:.4rem}
.aid-grid td.gap{font-weight:600}
@media (max-width:640px){
.aid-grid thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.aid-grid tr{display:block;border-bottom:1px solid #d5dde3;padding:.35rem 0}
.aid-grid th[scope=row],.aid-overview th[scope=row]{display:block;width:auto;min-width:0;border:0;padding:0 0 .15rem 0}
.aid-grid td{display:block;border:0;padding:.05rem 0}
.aid-grid td[data-option]::before{content:attr(data-option) ": ";font-weight:400;color:#525c69;white-space:nowrap}
.aid-overview td.num{display:inline-block;margin-right:1rem;white-space:nowrap}
}
.aid-pair{display:flex;flex-wrap:wrap;gap:12px 28px;margin:.25rem 0 .5rem 0}
.aid-pair figure{margin:0;width:170px}
.aid-pair figcaption{font-weight:700;white-space:nowrap;word-break:keep-all}
.aid-pair .none{width:170px;height:170px;display:flex;align-items:center;justify-content:center;text-align:center;
border:1px dashed #8a96a3;color:#525c69;font-size:.85em;padding:.5rem;box-sizing:border-box}
""".replace("GOOD", GOOD).replace("HARM", HARM).replace("LATER", LATER))


def tone(kind: str) -> str:
    return _TONE[kind]


def _e(text: str) -> str:
    return escape(" ".join(str(text).split()))


def _name(text: str) -> str:
    """An option's name for a column header: it may wrap between its words, never inside one
    (not even at the hyphen of "Non-operative")."""
    return " ".join(f'<span class="w">{escape(word)}</span>' for word in str(text).split())


def _cell_html(cell: OverviewCell, name: str, t: str) -> str:
    """One cell: a number (with its subgroup), a gap over its arms, a pointer to the gap, or the
    words for "not counted", every one at the grid's own size (issue 23)."""
    if cell.role == "none":
        return f'<td class="none" data-option="{_e(name)}">{_e(cell.text)}</td>'
    if cell.role == "gap_other":
        return f'<td class="with" data-option="{_e(name)}">{_e(cell.text)}</td>'
    if cell.role == "gap":
        span = f' colspan="{cell.span}"' if cell.span > 1 else ""
        return f'<td class="gap {t}"{span}>{_e(cell.text)}</td>'  # its words name both groups
    sub = f' <span class="sub">{_e(cell.subgroup)}</span>' if cell.subgroup else ""
    return f'<td class="num {t}" data-option="{_e(name)}">{_e(cell.text)}{sub}</td>'


def overview_html(content: Content, view: Overview) -> str:
    """The overview grid: a row per key comparison, a column per option of the diagnosis. A gap
    row's cell covers only the columns of the two arms it compares (``Overview`` lays them out)."""
    names = {o: content.option(o).name for o in view.options}
    head = f'<th scope="col">{_e(content.pages["compare.outcome_col"])}</th>' + "".join(
        f'<th scope="col">{_name(n)}</th>' for n in names.values())
    body = []
    for row in view.rows:
        c = row.comparison
        t = tone(c.kind)
        details = [row.detail] + ([content.pages["compare.v2_short"]] if c.label == "V2" else [])
        # Spaces between the parts: a screen reader (and a copy of the text) reads "Good result
        # Pain score at 2 years", not "Good resultPain scoreat 2 years"; the layout is unchanged.
        label = (f'<span class="kind {t}">{_e(row.kind_word)}</span> {_e(c.outcome)} '
                 f'<span class="detail">{" · ".join(_e(d) for d in details)}</span>')
        cells = "".join(_cell_html(cell, names[cell.option_id], t) for cell in row.cells)
        body.append(f'<tr data-comparison="{_e(c.id)}"><th scope="row">{label}</th>{cells}</tr>')
    return (f'<div class="aid-grid-box"><table class="aid-grid aid-overview"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')


def practical_html(content: Content, rows: tuple[RowView, ...]) -> str:
    """The practical grid: the day, the stay, work and driving, a line per option."""
    if not rows:
        return ""
    names = [option.name for option, _ in rows[0].cells]
    head = '<th scope="col"></th>' + "".join(f'<th scope="col">{_name(n)}</th>' for n in names)
    body = "".join(
        f'<tr><th scope="row">{_e(r.row.title)}</th>'
        + "".join(f'<td data-option="{_e(option.name)}">{_e(text)}</td>' for option, text in r.cells) + "</tr>"
        for r in rows)
    return (f'<div class="aid-grid-box"><table class="aid-grid aid-practical"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def paired_arrays_html(content: Content, comparison: Comparison, options: tuple[str, ...]) -> str:
    """One outcome's arms as icon arrays side by side, each under its option's name; an option the
    study did not count gets a dashed box that says so, never a made-up zero. Measure people only."""
    parts = []
    for oid in options:
        figure = arm_figure(comparison, oid) if oid in comparison.arms else None
        if figure is None:
            words = content.pages["compare.card_not_counted"]
            parts.append(f'<figure><figcaption>{_name(content.option(oid).name)}</figcaption>'
                         f'<div class="none">{_e(words)}</div></figure>')
            continue
        number = format_number(figure.per_100, content.words).split(" (")[0]
        parts.append(f"<figure><figcaption>{_name(content.option(oid).name)}</figcaption>"
                     f"{icon_array_svg(figure, content.words, title=number)}</figure>")
    return f'<div class="aid-pair">{"".join(parts)}</div>'

