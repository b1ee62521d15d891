"""Latency statistics: percentiles of samples."""

from __future__ import annotations


def percentiles(samples, qs=(50, 95)) -> dict[str, float]:
    """{"p50": ..., "p95": ...} in the samples' unit (whole percents 1–99); zeros when there are none.

    Linear interpolation between the closest ranks, numpy's default method, by the standard
    library: the window's 4 Hz readout calls this on the GUI thread, and numpy.percentile's first
    call imports numpy.ma (9–11 ms, measured as a stall of the live view).
    """
    import statistics  # here: its import (fractions, decimal) would cost every start 4 ms

    values = [float(v) for v in samples]
    if len(values) < 2:
        only = values[0] if values else 0.0
        return {f"p{q}": round(only, 3) for q in qs}
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {f"p{q}": round(cuts[q - 1], 3) for q in qs}
