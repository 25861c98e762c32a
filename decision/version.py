"""The app's release version, as installed (pyproject.toml's ``version``), for About, the PDF and /healthz."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "spine-aid"


def app_version() -> str:
    """The installed version of this project, e.g. "1.0.0"; "unknown" when the checkout is not installed.

    README's install commands install the checkout itself (``pip install --no-deps --no-build-isolation -e .``),
    so the metadata is pyproject.toml's version as of that install: reinstall after changing it.
    """
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "unknown"
