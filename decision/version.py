"""The app's release version, as installed (pyproject.toml's ``version``), for About, the PDF and /healthz."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "spine-aid"


def app_version() -> str:
    """The installed version of this project, e.g. "1.0.0"; "unknown" when the checkout is not installed.

    requirements.txt installs the checkout itself (``-e .``), so the metadata is pyproject.toml's
    version as of the last ``pip install``: reinstall after changing it.
    """
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "unknown"
