"""Latency statistics: percentiles of samples."""

from __future__ import annotations

import numpy as np


def percentiles(samples, qs=(50, 95)) -> dict[str, float]:
    """{"p50": ..., "p95": ...} in the samples' unit; zeros when there are none."""
    values = np.asarray(list(samples), dtype=np.float64)
    if values.size == 0:
        return {f"p{q}": 0.0 for q in qs}
    return {f"p{q}": round(float(np.percentile(values, q)), 3) for q in qs}
