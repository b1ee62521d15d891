"""Ranking pictures (dropped files, a folder, a pasted picture) as a job on the inference worker.

Each picture is decoded once, at display size, and kept: a display-sized copy is what the window
shows and what is ranked, so when the model or its preprocessing changes the same copies are ranked
again without reading a file (a folder of 12 MP photos keeps 3.7 MB per picture, not 36 MB).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace

import numpy as np

from .decode import DecodeCancelled
from .display import read_picture
from .errors import SynsetError
from .jobs import FileResult, Job, JobCancelled, JobContext
from .messages import Message, message

log = logging.getLogger("synset")


@dataclass(frozen=True)
class PictureEntry:
    """One picture of a job: a file still to read, or a kept copy already in memory."""

    index: int
    name: str  # the path, or a name such as "Pasted picture"
    image: np.ndarray | None = None  # read-only, display-sized
    error: Message | str | None = None  # could not be read: stays an error, never read again

    @property
    def needs_reading(self) -> bool:
        return self.image is None and self.error is None


class RankPictures(Job):
    """Rank every entry in order: read those not yet in memory, rank all with the running model."""

    kind = "pictures"

    def __init__(self, entries: list[PictureEntry]):
        self.entries = tuple(entries)

    def run(self, context: JobContext) -> int:
        """Worker thread. Returns how many pictures were ranked before the end or a cancel."""
        total, done = len(self.entries), 0
        for entry in self.entries:
            if context.cancelled():
                raise JobCancelled()
            context.report(self._rank(entry, total, context))
            done += 1
            context.yield_to_live()
        return done

    def _rank(self, entry: PictureEntry, total: int, context: JobContext) -> FileResult:
        started = time.perf_counter()
        image, error = entry.image, entry.error
        if entry.needs_reading:
            image, error = _read(entry.name, context)
        decode_ms = (time.perf_counter() - started) * 1e3 if entry.needs_reading else 0.0
        result = FileResult(entry.index, total, entry.name, None, error, image, context.generation)
        if error is not None:
            return result
        if context.classifier is None or image is None:
            return replace(result, error=message("model.none"))
        try:
            return replace(result, classification=context.classifier.classify(image, "rgb", decode_ms=decode_ms))
        except Exception as exc:  # the picture stays in memory: another model may rank it
            return replace(result, error=problem(exc))


def _read(path: str, context: JobContext) -> tuple[np.ndarray | None, Message | str | None]:
    try:
        return read_picture(path, cancelled=context.cancelled), None
    except DecodeCancelled:
        raise JobCancelled() from None
    except Exception as exc:
        return None, problem(exc)


def entry_of(result: FileResult) -> PictureEntry:
    """What a finished result keeps for the next ranking: the copy in memory, or its read error."""
    unreadable = result.image is None
    return PictureEntry(result.index, result.path, result.image, result.error if unreadable else None)


def problem(exc: Exception) -> Message | str:
    """What crosses to the GUI thread: the error's message, never the exception object."""
    if isinstance(exc, SynsetError):
        return exc.message or str(exc)
    log.exception("Unexpected error on the inference worker")
    return f"{type(exc).__name__}: {exc}"


class LabPicture(Job):
    """The pitfalls lab on one picture in memory (a dropped photo, a frozen frame)."""

    kind = "lab"

    def __init__(self, image: np.ndarray, pixel_order: str = "rgb"):
        self.image, self.pixel_order = image, pixel_order

    def run(self, context: JobContext) -> None:
        """Worker thread: report the lab's result, if the lab is on."""
        if context.lab is not None:
            context.report(context.lab.run(self.image, self.pixel_order))
