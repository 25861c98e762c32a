"""The clinical sign-off record: who reviewed which content, and whether it is still the content in use.

``content/signoff.yaml`` is a list, empty until a clinical lead signs: each entry gives the reviewer's
role (no name needed), the date, what they reviewed (scope), the content version (``meta.yaml``) and
the hash of the content (``content_fingerprint``, the same hash the server logs at start and
``/healthz`` reports). The file is read here, on its own, never through ``Content``: a broken or
hostile sign-off file can only make the aid claim less (no review), never stop it showing content.

The hash does not cover ``signoff.yaml`` itself (``content_files`` does not list it, and a test holds
that), so signing does not change what was signed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, ValidationError

from decision.content.load import content_dir, content_fingerprint, parse_yaml
from decision.content.models import Frozen

SIGNOFF_FILE = "signoff.yaml"
MAX_BYTES = 64 * 1024  # a sign-off record is a few lines per review; more is not one
# Plain words only: the role and scope are shown on the About page and in the review pack, so no
# markup characters, no braces, no control characters.
_PLAIN = r"^[^<>\[\]{}`*_#|\\$~\x00-\x1f\x7f-\x9f]+$"


class SignOff(Frozen):
    role: str = Field(min_length=2, max_length=120, pattern=_PLAIN)  # e.g. "Consultant spine surgeon"
    date: dt.date
    scope: str = Field(min_length=2, max_length=300, pattern=_PLAIN)  # what was reviewed
    content_version: str = Field(min_length=1, max_length=40, pattern=r"^[0-9A-Za-z.+-]+$")
    content_hash: str = Field(pattern=r"^[0-9a-f]{64}$")


class SignOffRecord(Frozen):
    signoffs: tuple[SignOff, ...] = Field(default=(), max_length=500)


class SignOffError(Exception):
    """A sign-off file that cannot be used. ``str()`` is one plain line that never echoes the file."""


def load_signoffs(root: Path | None = None) -> tuple[SignOff, ...]:
    """Every sign-off in ``signoff.yaml``, oldest first as written. No file: none. Raises SignOffError."""
    path = (Path(root) if root else content_dir()) / SIGNOFF_FILE
    if not path.is_file():
        return ()
    where = f"Content file {SIGNOFF_FILE}"
    if path.stat().st_size > MAX_BYTES:
        raise SignOffError(f"{where} is too large to be a sign-off record (the limit is 64 KB).")
    data = parse_yaml(path.read_bytes(), where, "a sign-off record", SignOffError)
    if data is None:
        return ()
    if not isinstance(data, dict):
        raise SignOffError(f"{where}: expected 'signoffs:' followed by a list.")
    try:
        return SignOffRecord.model_validate(data).signoffs
    except ValidationError as exc:
        raise SignOffError(f"{where}, {_where(exc)}.") from None


def _where(exc: ValidationError) -> str:
    """The entry and field of the first problem, in words, without the value (which may be hostile)."""
    first = exc.errors()[0]
    loc = first["loc"]
    if first["type"] == "extra_forbidden":
        return "a field the sign-off record does not know (use signoffs, role, date, scope, content_version, " \
               "content_hash)"
    if len(loc) < 2 or not isinstance(loc[1], int):
        return "field signoffs: expected a list of sign-offs"
    field = str(loc[2]) if len(loc) > 2 and loc[2] in SignOff.model_fields else "(entry)"
    needs = {
        "role": "a role in plain words (2 to 120 characters, no markup)",
        "scope": "what was reviewed, in plain words (2 to 300 characters, no markup)",
        "date": "a date written as YYYY-MM-DD",
        "content_version": "the content version from meta.yaml",
        "content_hash": "the 64-character content hash the review pack prints",
    }.get(field, "a mapping with role, date, scope, content_version and content_hash")
    return f"entry {loc[1] + 1}, field {field}: needs {needs}"


@dataclass(frozen=True)
class SignOffStatus:
    """Whether a clinician signed off the content in use (this version and this hash)."""

    version: str
    fingerprint: str
    signed: SignOff | None  # the latest sign-off of exactly this content, if any
    last: SignOff | None  # the latest sign-off of any content, if any
    problem: str | None  # the one plain line when signoff.yaml cannot be read

    @property
    def current(self) -> bool:
        return self.signed is not None

    def line(self) -> str:
        """check-content's line: the sign-off of this content, or the warning."""
        if self.signed is not None:
            return (f"Signed off: this content (version {self.version}) was signed off on "
                    f"{self.signed.date.isoformat()} by {self.signed.role}.")
        return self.warning() or ""

    def warning(self) -> str | None:
        """check-content's warning, or None when this content is signed off."""
        if self.problem:
            return f"Warning: {self.problem} It counts as no sign-off."
        if self.signed is not None:
            return None
        now = f"content version {self.version}, hash {self.fingerprint[:12]}"
        if self.last is None:
            return (f"Warning: no clinician has signed off this content ({now}): content/{SIGNOFF_FILE} has no "
                    "sign-off. Make the review pack with: python -m decision review-pack -o pack.html")
        return (f"Warning: the content changed after the last sign-off ({self.last.date.isoformat()}, content "
                f"version {self.last.content_version}, hash {self.last.content_hash[:12]}); no clinician has "
                f"signed off this content ({now}). Make the review pack with: "
                "python -m decision review-pack -o pack.html")


def sign_off_status(content_version: str, root: Path | str | None = None) -> SignOffStatus:
    """The sign-off of the content in ``root`` (default: the content in use), never raising."""
    root = Path(root) if root else None
    fingerprint = content_fingerprint(root)
    try:
        signoffs = load_signoffs(root)
    except (SignOffError, OSError) as exc:
        problem = str(exc) if isinstance(exc, SignOffError) else f"Content file {SIGNOFF_FILE} cannot be read."
        return SignOffStatus(content_version, fingerprint, None, None, problem)
    by_date = sorted(signoffs, key=lambda s: s.date)  # stable: the later entry wins on the same date
    matching = [s for s in by_date if s.content_version == content_version and s.content_hash == fingerprint]
    return SignOffStatus(content_version, fingerprint, matching[-1] if matching else None,
                         by_date[-1] if by_date else None, None)
