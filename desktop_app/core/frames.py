"""Frames and the latest-frame-wins mailbox between capture and inference.

A :class:`Frame` is immutable: its pixel array is marked read-only, so any thread may read it and
nobody can change it under another. The mailbox holds at most one waiting frame: a newer frame
replaces it and the replaced one is counted as dropped.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Frame:
    """One picture from a source. ``image`` is HxWx3 uint8 in ``pixel_order``; never written to."""

    number: int
    image: np.ndarray
    captured_at: float  # time.perf_counter() when it left the source
    source_id: int = 0  # which source run produced it: results for an older one are stale
    pixel_order: str = "bgr"
    decode_ms: float = 0.0  # time the source spent decoding it

    @staticmethod
    def of(number: int, image: np.ndarray, captured_at: float, source_id: int = 0,
           pixel_order: str = "bgr", decode_ms: float = 0.0) -> Frame:
        image.flags.writeable = False
        return Frame(number, image, captured_at, source_id, pixel_order, decode_ms)


class LatestSlot:
    """Thread-safe one-place mailbox: ``put`` from the producer (the capture thread), ``take``
    from the consumer (the inference worker, or the GUI for display copies)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._item = None
        self.dropped = 0  # replaced by a newer item before anyone took it
        self.cleared = 0  # thrown away on purpose (a model switch, a source stopped)

    def put(self, item) -> bool:
        """Leave ``item``; returns True if it replaced (dropped) a waiting one."""
        with self._lock:
            replaced = self._item is not None
            if replaced:
                self.dropped += 1
            self._item = item
            return replaced

    def take(self):
        with self._lock:
            item, self._item = self._item, None
            return item

    def clear(self) -> None:
        with self._lock:
            if self._item is not None:
                self.cleared += 1
            self._item = None
