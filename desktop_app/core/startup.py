"""A start-up timeline: milliseconds from process start to each milestone, for ``--stats-json``.

Any thread may mark (a dict store under the GIL); the first mark of a name wins.
"""

from __future__ import annotations

import os
import sys
import time

import psutil

_MARKS: dict[str, float] = {}


def process_age_s() -> float:
    """Seconds since this process started, as the operating system counts it.

    On Linux psutil's create_time adds the boot time in whole seconds (up to 1 s off); the process's
    start in clock ticks since boot against CLOCK_BOOTTIME is exact to a tick (10 ms).
    """
    if sys.platform.startswith("linux"):
        try:
            with open("/proc/self/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
            started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22 of stat(5)
            return time.clock_gettime(time.CLOCK_BOOTTIME) - started
        except (OSError, ValueError, IndexError):
            pass
    return time.time() - psutil.Process().create_time()


def mark(name: str) -> None:
    """Record ``name`` now, once (later calls cost a dict lookup: some come with every frame)."""
    if name not in _MARKS:
        _MARKS.setdefault(name, round(process_age_s() * 1e3, 1))


def timeline() -> dict[str, float]:
    """Milestones in the order they happened: {name: ms since process start}."""
    return dict(sorted(_MARKS.items(), key=lambda item: item[1]))
