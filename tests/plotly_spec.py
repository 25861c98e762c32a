"""Reading plotly chart specs in tests: arrays may arrive packed as {"dtype", "bdata"}."""

from __future__ import annotations

import base64

import numpy as np


def values(array) -> list:
    """The numbers of a plotly data array, whether a plain list or a packed typed array."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=np.dtype(array["dtype"])).tolist()
    return list(array)


def panels(spec: dict) -> dict[str, int]:
    """People drawn per panel (x axis) of an icon-array chart spec."""
    counts: dict[str, int] = {}
    for trace in spec["data"]:
        axis = trace.get("xaxis", "x")
        counts[axis] = counts.get(axis, 0) + len(values(trace["x"]))
    return counts
