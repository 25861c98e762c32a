"""Reading the inline SVG drawings in tests: people counted from the drawn rectangles' areas."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from decision.compare.icon_array import CELL

NS = ""  # inline SVG in HTML needs no xmlns; the builders leave it out


def svgs(html: str) -> list[ET.Element]:
    """Every <svg> in a piece of HTML (the builders emit well-formed XML)."""
    root = ET.fromstring(f"<div>{html}</div>")
    return [el for el in root.iter() if el.tag == "svg"]


def people(svg: ET.Element) -> dict[str, int]:
    """People drawn as affected and as unaffected, from the area each kind of rectangle covers."""
    counts = {"affected": 0, "unaffected": 0}
    for rect in svg.iter(f"{NS}rect"):
        kind = {"a": "affected", "u": "unaffected"}.get(rect.get("data-p") or "")
        if kind:
            area = float(rect.get("width")) * float(rect.get("height"))
            counts[kind] += round(area / (CELL * CELL))
    return counts


def drawings(at) -> list[str]:
    """The markup of every drawing on an AppTest page (ui/figures.py sends them as markdown)."""
    return [m.value for m in at.markdown
            if m.value.lstrip().startswith(("<svg", "<div class=\"icon-arrays\"", "<div class=\"key-numbers\"",
                                            "<div class=\"aid-pair\""))]


def page_svgs(at, kind: str) -> list[ET.Element]:
    """Every <svg> of one kind ('icon-array', 'spine-drawing') on an AppTest page."""
    return [s for d in drawings(at) for s in svgs(d) if s.get("class") == kind]


def arrays_in(at) -> list[dict[str, int]]:
    """People per icon array on an AppTest page."""
    return [people(s) for s in page_svgs(at, "icon-array")]


def parts(svg: ET.Element, kind: str) -> list[str]:
    """Names of the spine drawing's parts of one kind ('fused', 'adjacent', 'disc', ...)."""
    return [el.get("data-part").split(":", 1)[1] for el in svg.iter()
            if (el.get("data-part") or "").startswith(kind + ":")]
