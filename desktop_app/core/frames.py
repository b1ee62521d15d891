"""Frames and the latest-frame-wins mailbox between capture and inference.

A :class:`Frame` is immutable: its pixel array is marked read-only, so any thread may read it and
nobody can change it under another. The mailbox holds at most one waiting frame: a newer frame
replaces it and the replaced one is counted as dropped.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .preprocess import Preprocessor


@dataclass(frozen=True)
class Fitted:
    """A frame already cropped and resized for one preprocessor (its :meth:`Preprocessor.fit`): the
    worker uses it only if that preprocessor is still its own, else it fits the frame again."""

    preprocessor: Preprocessor
    image: np.ndarray  # HxWx3 uint8 at the model's input size
    ms: float  # time the fit took, on the thread that made it


@dataclass(frozen=True)
class Frame:
    """One picture from a source. ``image`` is HxWx3 uint8 in ``pixel_order``; never written to."""

    number: int
    image: np.ndarray
    captured_at: float  # time.perf_counter() when it left the source
    source_id: int = 0  # which source run produced it: results for an older one are stale
    pixel_order: str = "bgr"
    decode_ms: float = 0.0  # time the source spent decoding it
    fitted: Fitted | None = None  # the picture at the model's size, if the capture thread made it
    # A frozen frame, ranked again (a freeze, a settings change): its own ranking, not smoothed
    # with the frames before it (which blended other slides' classes into a still picture's chart).
    still: bool = False

    def fitted_by(self, preprocessor: Preprocessor | None) -> Frame:
        """This frame with its fit for ``preprocessor`` (itself if None). Runs on the capture thread,
        while the frame is still in that core's cache and the worker ranks the previous one: the
        crop and resize, most of the preprocessing, then costs the inference thread nothing."""
        if preprocessor is None:
            return self
        start = time.perf_counter()
        image = preprocessor.fit(self.image)
        return replace(self, fitted=Fitted(preprocessor, image, (time.perf_counter() - start) * 1e3))

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
