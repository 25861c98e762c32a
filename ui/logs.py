"""Structured logs: one JSON object per line on stdout, and never a patient's answer.

A hospital reads these (issue 19): the start (version, content version, a hash of the content
files), health changes, refused files by reason, errors, client messages the server ignored.
What never appears: anything a patient typed or ticked, a file's content, an exception's message
(it can quote the value that failed), a traceback, a raw request path. An error is one line: the
exception's type and the place in this project's code where it was raised.

Streamlit's own loggers write here too, in the same shape (ui/streamlit_patches.py routes them),
with the same rules: their request-facing messages lose their arguments (a path a client chose), and
control characters (a client's ANSI escapes) cannot reach the terminal raw.

Pure standard library: ``ui/save_open.py`` and ``ui/session.py`` call ``refused`` from inside a
run, and the tests read the lines without a server.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LOGGER = logging.getLogger("spine_aid")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_MAX_MESSAGE = 300
# Streamlit's loggers that answer requests: their arguments are what a client sent (a path, a
# component name), so only the message's fixed text is kept.
_REQUEST_FACING = ("streamlit.web.server", "uvicorn", "websockets")


def event(name: str, level: int = logging.INFO, **fields: Any) -> None:
    """Log one event: a fixed name and a few fields chosen by our code (never patient input)."""
    LOGGER.log(level, name, extra={"aid_fields": fields})


def _where(tb) -> str:
    """The innermost place in this project's code in a traceback (else the innermost at all)."""
    frames = traceback.extract_tb(tb) if tb is not None else []
    ours = [f for f in frames if Path(f.filename).resolve().is_relative_to(ROOT)]
    if not (ours or frames):
        return ""
    frame = (ours or frames)[-1]
    path = Path(frame.filename).resolve()
    name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
    return f"{name}:{frame.lineno}"


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, event, and the event's own fields."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
        }
        if record.name == LOGGER.name or record.name.startswith(LOGGER.name + "."):
            out["event"] = str(record.msg)
            out.update(getattr(record, "aid_fields", {}))
        else:
            if record.name.startswith(_REQUEST_FACING):
                text = str(record.msg).replace("%s", "…").replace("%r", "…").replace("%d", "…")
            else:
                try:
                    text = record.getMessage()
                except (TypeError, ValueError):  # a bad format string in a log call: keep the template
                    text = str(record.msg)
            out["event"] = "log"
            out["message"] = _CONTROL.sub(" ", text)[:_MAX_MESSAGE]
        if record.exc_info and record.exc_info[0] is not None:
            # The type and the place only: the message can quote a patient's value.
            out["error"] = record.exc_info[0].__name__
            out["where"] = _where(record.exc_info[2])
        return json.dumps(out, ensure_ascii=True, default=str)


def handler() -> logging.Handler:
    """The one handler every logger of the server writes through (stdout)."""
    h = logging.StreamHandler(sys.stdout)
    h.setFormatter(JsonFormatter())
    return h


HANDLER = handler()


def configure() -> None:
    """Our logger to stdout as JSON, once per process."""
    if HANDLER not in LOGGER.handlers:
        LOGGER.addHandler(HANDLER)
    LOGGER.setLevel(logging.INFO)
    LOGGER.propagate = False


# A refused file or tab copy by reason: a code from the kind of refusal, never the file's content.
_REASONS = (
    ("too large", "too_large"),
    ("not readable JSON", "not_json"),
    ("nests deeper", "too_deep"),
    ("number longer", "long_number"),
    ("does not hold a set of answers", "not_a_record"),
    ("no schema_version", "no_version"),
    ("unknown schema_version", "unknown_version"),
    ("wrong name", "wrong_name"),
    ("wrong value", "wrong_value"),
)


def reason_code(exc: BaseException) -> str:
    """A short code for why a record was refused (the message itself stays with the patient)."""
    text = str(exc)
    for needle, code in _REASONS:
        if needle in text:
            return code
    return type(exc).__name__


def refused(source: str, exc: BaseException) -> None:
    """A save file (``source="file"``) or the tab's copy (``"tab_copy"``) was refused."""
    event("record_refused", logging.WARNING, source=source, reason=reason_code(exc))
