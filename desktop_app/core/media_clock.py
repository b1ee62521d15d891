"""When each frame of a video file is due, so that a file stands in for a camera in real time.

A frame is due at its own timestamp (a phone's variable frame rate: a 5 fps stretch played six
times too fast at the file's nominal 30 fps), counted from when the first frame was shown. A file
whose frames come later than they are due (a 4K or 120 fps file on a busy laptop) skips frames to
keep time, as a camera drops them; it played in slow motion while saying "at 120 fps". Used by the
capture thread only; times are ``time.perf_counter()`` seconds.
"""

from __future__ import annotations

LATE_S = 0.1  # behind by more than this (or by a frame and a half, for a slow file): skip
SHOW_AT_LEAST_EVERY_S = 0.5  # however far behind, a frame is shown this often (no blank skipping)
MAX_GAP_S = 60.0  # a slide may stay this long; a longer jump (a damaged file's timestamps) waits this long


class MediaClock:
    def __init__(self, period: float):
        self.period = period  # from the file's frame rate: when timestamps are missing, and to skip
        self._base: float | None = None  # when media time 0 is due
        self._last_t: float | None = None  # the media time of the newest frame read
        self._last_due: float | None = None
        self._shown_at = 0.0
        self._next_base_due: float | None = None  # after a rewind: when the loop's first frame is due

    def due(self, position_ms: float, now: float) -> float:
        """When the frame just read is due. ``position_ms``: its timestamp as the decoder gives it
        (``CAP_PROP_POS_MSEC``); one that does not move on (0 from a backend that has none) counts
        as one frame after the last."""
        t = position_ms / 1000.0
        last = self._last_t
        if last is not None:
            # Backwards or standing still: a frame on. Forwards: as far as it goes, up to MAX_GAP_S.
            t = last + self.period if t <= last else last + min(t - last, max(MAX_GAP_S, 2 * self.period))
        self._last_t = t
        if self._base is None:  # the first frame: now, or after a rewind one frame after the last
            start = self._next_base_due if self._next_base_due is not None else now
            self._base, self._next_base_due = start - t, None
        self._last_due = self._base + t
        return self._last_due

    def shown(self, due: float, shown_due: float, now: float) -> None:
        """The frame due at ``due`` was shown; ``shown_due`` is when it was due in the end (later
        by a pause: the clock pauses with it)."""
        assert self._base is not None  # due() came first
        self._base += shown_due - due
        self._last_due = shown_due
        self._shown_at = now

    def skip_next(self, now: float) -> bool:
        """Whether the next frame is already too late to show (grab it without decoding colour).
        A loop's first frame is always shown: a short clip far behind skipped whole loops."""
        if self._last_due is None or self._base is None or now - self._shown_at > SHOW_AT_LEAST_EVERY_S:
            return False
        return now - (self._last_due + self.period) > max(LATE_S, 1.5 * self.period)

    def skipped(self, position_ms: float) -> None:
        """A frame was skipped: its timestamp moves the clock on as a shown frame's would."""
        self.due(position_ms, self._shown_at)

    def rewound(self) -> None:
        """The file starts again: its first frame is due a frame after the last one shown."""
        if self._last_due is not None:
            self._next_base_due = self._last_due + self.period
        self._base = self._last_t = None
