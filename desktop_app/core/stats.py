"""Latency statistics: percentiles over a bounded window of recent samples."""

from __future__ import annotations

from collections import deque

import numpy as np


def percentiles(samples, qs=(50, 95)) -> dict[str, float]:
    """{"p50": ..., "p95": ...} in the samples' unit; zeros when there are none."""
    values = np.asarray(list(samples), dtype=np.float64)
    if values.size == 0:
        return {f"p{q}": 0.0 for q in qs}
    return {f"p{q}": round(float(np.percentile(values, q)), 3) for q in qs}


class RollingStats:
    """The last ``window`` samples of a named series (ms), for a live readout."""

    def __init__(self, window: int = 120):
        self._samples: dict[str, deque] = {}
        self._window = window

    def add(self, name: str, value: float) -> None:
        self._samples.setdefault(name, deque(maxlen=self._window)).append(value)

    def median(self, name: str) -> float:
        return percentiles(self._samples.get(name, ()), (50,))["p50"]

    def summary(self, name: str) -> dict[str, float]:
        return percentiles(self._samples.get(name, ()))

    def clear(self) -> None:
        self._samples.clear()
