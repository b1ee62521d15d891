"""Live counters and latencies: what the readout shows and ``--stats-json`` writes.

Owned by the GUI thread (it receives every event); only plain numbers go in.
"""

from __future__ import annotations

import time
from collections import deque

import psutil

from .stats import percentiles

STAGE_NAMES = ("decode", "preprocess", "inference", "postprocess")  # as Classification.timings_ms names them


WINDOW = 1800  # the last minute at 30 fps: percentiles cover a whole timed run of up to 60 s
RATE_HORIZON_S = 3.0  # the rates cover this much of the recent past
RATE_POINTS = 16  # the camera rate: a 4 Hz readout's samples over more than the horizon
STALL_WINDOW = 6000  # GUI stall probes: the last minute at 100 Hz


class LiveStats:
    """Frame counters, latency windows, camera and inference rates, GUI stalls and memory."""

    def __init__(self, window: int = WINDOW):
        self._window = window
        self._process = psutil.Process()
        self.reset_window()

    def reset_window(self) -> None:
        """Start measuring afresh (a new source, or the first frame of a timed run)."""
        window = self._window
        self.frames_captured = 0
        self.frames_shown = 0
        self.frames_inferred = 0
        self.frames_dropped = 0
        self.lab_results = 0  # live frames ranked both ways in the pitfalls lab
        self.source_fps = 0.0
        self.gui_max_stall_ms = 0.0
        self._stalls: deque[float] = deque(maxlen=STALL_WINDOW)
        self._capture_to_result: deque[float] = deque(maxlen=window)
        self._stages: dict[str, deque[float]] = {name: deque(maxlen=window) for name in STAGE_NAMES}
        # (when the source delivered its newest frame, frames delivered so far), one per new count
        self._delivered: deque[tuple[float, int]] = deque(maxlen=RATE_POINTS)
        self._inferred_at: deque[float] = deque(maxlen=90)
        self.rss_start_mb = self.rss_peak_mb = self.rss_mb()

    def restart_rates(self) -> None:
        """The view froze or thawed, or live ranking paused (a benchmark): the rates measure afresh.
        Frozen, nothing is ranked (0 at once, not a 3 s decay); after a pause, the pause must not
        count ("Camera 2.9 fps" after a thaw, "Inference 39 fps" after a benchmark)."""
        self._delivered.clear()
        self._inferred_at.clear()

    def forget_stages(self) -> None:
        """Another model (or its settings) ranks from now on: the stage medians and latencies were
        another model's ("Inference 9.8 ms" stayed on screen for a model ten times slower)."""
        for values in self._stages.values():
            values.clear()
        self._capture_to_result.clear()

    def rss_mb(self) -> float:
        return round(self._process.memory_info().rss / 2**20, 1)

    def sample_rss(self) -> float:
        """Resident memory now, remembering the peak (sampled at 10 Hz during a timed run)."""
        now = self.rss_mb()
        self.rss_peak_mb = max(self.rss_peak_mb, now)
        return now

    def source_delivered(self, frames: int, newest_at: float | None = None) -> None:
        """How many frames the source (the capture thread) has delivered so far, and when it
        delivered the newest: sampled on the readout timer, so the camera rate counts what the
        camera sent, not what was painted. Timed by the frames, not by the 4 Hz samples: counted
        over the samples' 2.75 s, a 1 fps camera read 0.73 or 1.09 by turns."""
        self.frames_captured = frames
        if frames == 0 or (self._delivered and self._delivered[-1][1] == frames):
            return  # nothing delivered yet (no time to go by), or nothing new since the last sample
        if self._delivered and self._delivered[-1][1] > frames:
            self._delivered.clear()  # another source, counting from 0
        self._delivered.append((time.perf_counter() if newest_at is None else newest_at, frames))

    def result_received(self, captured_at: float, stages_ms: dict[str, float], now: float | None = None) -> None:
        now = time.perf_counter() if now is None else now
        self.frames_inferred += 1
        self._inferred_at.append(now)
        self._capture_to_result.append((now - captured_at) * 1e3)
        self.stages_received(stages_ms)

    def lab_result_received(self, captured_at: float, now: float | None = None) -> None:
        """A live frame ranked both ways (the lab's own timings are not stage timings)."""
        now = time.perf_counter() if now is None else now
        self.lab_results += 1
        self._inferred_at.append(now)
        self._capture_to_result.append((now - captured_at) * 1e3)

    def stages_received(self, stages_ms: dict[str, float]) -> None:
        """Stage timings of any result (a picture file has no capture-to-result latency)."""
        for name, value in stages_ms.items():
            # A picture ranked again from memory (or pasted) was not decoded: its 0.0 ms read as a
            # measurement ("Decode 0.0 ms") and pulled the median down.
            if name in self._stages and not (name == "decode" and value == 0.0):
                self._stages[name].append(value)

    def stage_count(self, name: str) -> int:
        """How many timings of stage ``name`` are in the window."""
        return len(self._stages[name])

    def has_results(self) -> bool:
        return any(self._stages["inference"])

    def gui_stall(self, stall_ms: float) -> None:
        """One probe of the GUI thread: how much later than asked its timer fired (ms)."""
        self.gui_max_stall_ms = max(self.gui_max_stall_ms, stall_ms)
        self._stalls.append(stall_ms)

    def gui_stalls(self) -> dict[str, float]:
        """p99 over the last minute's probes, max over the whole run."""
        return percentiles(self._stalls, (99,)) | {"max": round(self.gui_max_stall_ms, 3)}

    def stage_p50(self) -> dict[str, float]:
        return {name: percentiles(values, (50,))["p50"] for name, values in self._stages.items()}

    def summary(self, name: str) -> dict[str, float]:
        values = self._capture_to_result if name == "capture_to_result" else self._stages[name]
        return percentiles(values)

    def camera_fps(self, now: float | None = None) -> float:
        """Frames per second the source delivered over the last few seconds; it falls to 0 when
        the source stops sending (as the inference rate does)."""
        return _rate(self._delivered, time.perf_counter() if now is None else now)

    def inference_fps(self, now: float | None = None) -> float:
        """Results per second over the last few seconds: it falls to 0 when nothing is ranked
        (a frozen view), where the rate of the last 90 results stayed on screen."""
        points = [(stamp, count) for count, stamp in enumerate(self._inferred_at)]
        return _rate(points, time.perf_counter() if now is None else now)

    def to_json(self) -> dict:
        """The ``--stats-json`` contract. What was not measured (no frame ranked, fewer than two
        frames for a rate) is null: a 0.0 ms latency read as a real, and perfect, figure."""
        stages = {name: (p50 if self._stages[name] else None) for name, p50 in self.stage_p50().items()}
        return {
            "source_fps": round(self.source_fps, 3) if self.source_fps else None,  # no source: a run of pictures
            "frames_captured": self.frames_captured,
            "frames_shown": self.frames_shown,
            "frames_inferred": self.frames_inferred,
            "frames_dropped": self.frames_dropped,
            "capture_to_result_ms": _measured(self.summary("capture_to_result"), self._capture_to_result),
            "inference_ms": _measured(self.summary("inference"), self._stages["inference"]),
            "gui_max_stall_ms": round(self.gui_max_stall_ms, 3),
            "gui_stall_ms": self.gui_stalls(),
            "rss_mb": {"start": self.rss_start_mb, "end": self.sample_rss(), "peak": self.rss_peak_mb},
            "stages_ms_p50": stages,
            "camera_fps": round(self.camera_fps(), 2) if len(self._delivered) >= 2 else None,
            "inference_fps": round(self.inference_fps(), 2) if len(self._inferred_at) >= 2 else None,
            "lab_results": self.lab_results,
        }


def _measured(summary: dict[str, float], samples) -> dict[str, float | None]:
    return {name: (value if len(samples) else None) for name, value in summary.items()}


def _rate(points, now: float) -> float:
    """Events per second from ``(time of an event, events so far)`` points, oldest first, over
    the last :data:`RATE_HORIZON_S` before the newest (at least its last interval, so a slow
    source, one result every 4 s, still reads 0.25). Time since the newest beyond one usual
    interval counts too, so a frozen view's rate falls, and reads 0 once nothing came for the
    horizon (or two intervals)."""
    if len(points) < 2:
        return 0.0
    last, total = points[-1]
    recent = [point for point in points if point[0] > last - RATE_HORIZON_S]
    if len(recent) < 2:
        recent = [points[-2], points[-1]]
    first, before = recent[0]
    span, events = last - first, total - before
    if span <= 0 or events <= 0:
        return 0.0
    interval, gap = span / events, max(0.0, now - last)
    if gap > max(RATE_HORIZON_S, 2 * interval):
        return 0.0
    return events / (span + max(0.0, gap - interval))
