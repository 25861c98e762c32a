"""Clinic only, on the Summary page: the visit note to copy into the chart, and the visit as FHIR.

The note is shown in ``st.code`` (plain text, never Markdown, with Streamlit's own copy button);
it is drawn from the Summary the page already built, so the screen, the PDF and the note agree.
The FHIR Bundle is built only on a click, like the PDF (``st.download_button(data=callable)``),
with a PDF of random /ID inside, so its bytes and its /media address cannot be guessed
(``ui/downloads.py``). Nothing is written to the server's disk.
"""

from __future__ import annotations

import secrets
from datetime import date
from functools import partial

import streamlit as st

from decision.content import Content
from decision.output.note import note_text
from decision.output.pdf import build_pdf
from decision.output.summary import Summary
from decision.record import DecisionRecord


def _bundle(record: DecisionRecord, content: Content) -> bytes:
    from decision.output.fhir import bundle_json  # fhir.resources loads only when a clinic asks for it

    pdf = build_pdf(record, content, unique_id=secrets.token_hex(16))
    return bundle_json(record, content, pdf).encode("utf-8")


def chart_exports(summary: Summary, record: DecisionRecord, content: Content, initials: str) -> None:
    """The note to copy, and the FHIR download."""
    p = content.pages
    with st.container(border=True, key="chart_note"):
        st.subheader(p["note.copy_title"])
        st.caption(p["note.copy_help"])
        st.code(note_text(summary, content), language=None, wrap_lines=True)
        st.download_button(
            p["fhir.download"],
            data=partial(_bundle, record, content),  # the session's record object, as the PDF's button
            file_name=f"spine-decision-visit-{initials}-{date.today().isoformat()}.fhir.json",
            mime="application/fhir+json",
            on_click="ignore",
            key="download_fhir",
            icon=":material/download:",
            help=p["fhir.download_help"],
        )
