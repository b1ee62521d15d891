"""Qt adapter over the core's capture thread and camera list: plain callbacks become signals."""

from __future__ import annotations

import contextlib
import threading
import time

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from ..core.display import for_screen
from ..core.frames import Frame, LatestSlot
from ..core.sources import CameraInfo, CaptureThread, SourceSpec, list_cameras, probe_video
from ..core.startup import mark

CAMERA_POLL_MS = 3000
STOP_WAIT_S = 0.5


def _emit(signal, *args) -> None:
    """Emit from a plain Python thread; at shutdown the receiving Qt object may already be gone."""
    with contextlib.suppress(RuntimeError):  # "Internal C++ object already deleted"
        signal.emit(*args)


class CaptureController(QObject):
    """Starts/stops the capture thread. Frames go straight to inference from the capture thread
    (no hop through the GUI); a display-sized copy waits in a one-place mailbox for the GUI, so a
    busy GUI thread skips frames instead of queueing them."""

    frame_ready = Signal()  # a frame waits in the display mailbox: take_display()
    source_opened = Signal(int, float)  # source id, frames per second
    source_failed = Signal(int, object)  # source id, Message
    probed = Signal(int, str, object)  # probe number, video path, Message (None: it plays)

    def __init__(self, submit, parent: QObject | None = None):
        super().__init__(parent)
        self._submit = submit
        self._thread: CaptureThread | None = None
        self._source_id = 0
        self._display = LatestSlot()
        self._frozen = False  # read on the capture thread; a bool store is atomic
        self._probes = 0
        self._probe_threads: list[threading.Thread] = []  # all still running are joined at stop
        self.display_size = (960, 540)  # set by the GUI when the view resizes

    @property
    def frozen(self) -> bool:
        return self._frozen

    @frozen.setter
    def frozen(self, frozen: bool) -> None:
        """Frames are held back; a video file also pauses, to resume where it was."""
        self._frozen = frozen
        if self._thread is not None:
            self._thread.paused = frozen

    @property
    def source_id(self) -> int:
        return self._source_id

    @property
    def spec(self) -> SourceSpec | None:
        return self._thread.spec if self._thread else None

    @property
    def source_fps(self) -> float:
        return self._thread.source_fps if self._thread else 0.0

    @property
    def frames_captured(self) -> int:
        return self._thread.frames_captured if self._thread else 0

    @property
    def frames_skipped(self) -> int:
        """A video file's frames skipped to keep its time (see MediaClock)."""
        return self._thread.frames_skipped if self._thread else 0

    @property
    def delivered(self) -> tuple[int, float]:
        """(frames delivered, when the newest left the source), read together."""
        return self._thread.delivered if self._thread else (0, 0.0)

    @property
    def capture_thread(self) -> CaptureThread | None:
        """The running capture thread (to check that stopping really ends it)."""
        return self._thread

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, spec: SourceSpec) -> int:
        """Stop the current source and open ``spec``. The new thread first waits for the old one
        to release the device (a camera cannot be opened twice), off the GUI thread."""
        previous = self._thread
        self.stop(wait=False)
        self._source_id += 1
        sid = self._source_id
        self._display.clear()
        self._thread = CaptureThread(
            spec,
            sid,
            on_frame=self._on_frame,
            on_error=lambda problem: _emit(self.source_failed, sid, problem),
            on_opened=lambda fps: _emit(self.source_opened, sid, fps),
            previous=previous,
        )
        self._thread.paused = self._frozen
        self._thread.start()
        return sid

    def probe(self, path: str) -> int:
        """Check, off the GUI thread, that a video file plays (:func:`probe_video`) before it
        replaces the source; ``probed`` answers with the number returned here."""
        self._probes += 1
        number = self._probes
        # Kept, to be waited for on stop: a process that exits while the thread is inside OpenCV
        # can abort ("FATAL: exception not rethrown", exit 134).
        thread = threading.Thread(target=lambda: _emit(self.probed, number, path, probe_video(path)),
                                  name="video-probe", daemon=True)
        thread.start()
        # Every probe still inside OpenCV is waited for at exit, not only the last one: a process
        # that exits while one runs may abort.
        self._probe_threads = [t for t in self._probe_threads if t.is_alive()] + [thread]
        return number

    def stop(self, wait: bool = True) -> None:
        if wait:
            deadline = time.monotonic() + STOP_WAIT_S
            for probe in self._probe_threads:
                probe.join(max(0.0, deadline - time.monotonic()))
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._source_id += 1  # whatever the stopped source still has queued is now stale
        thread.stop()
        if wait:
            thread.join(STOP_WAIT_S)

    def take_display(self) -> tuple[Frame, np.ndarray] | None:
        """GUI thread: the newest frame and its display-sized copy, if one is waiting."""
        return self._display.take()

    def _on_frame(self, frame: Frame) -> None:
        """Capture thread: hand on the frame; make the copy the window paints while it is hot in cache."""
        if self._frozen or frame.source_id != self._source_id:
            return
        self._submit(frame)
        if not self._display.put((frame, for_screen(frame.image, frame.pixel_order, self.display_size))):
            _emit(self.frame_ready)  # the mailbox was empty: tell the GUI once


class CameraWatcher(QObject):
    """Polls the camera list off the GUI thread and reports changes (hot-plug)."""

    cameras_changed = Signal(list)  # list[CameraInfo]

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.cameras: list[CameraInfo] = []
        self._busy = threading.Lock()
        self._timer = QTimer(self)
        self._timer.setInterval(CAMERA_POLL_MS)
        self._timer.timeout.connect(self.refresh)

    def start(self) -> None:
        self.refresh()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def refresh(self) -> None:
        if self._busy.acquire(blocking=False):
            threading.Thread(target=self._poll, name="camera-list", daemon=True).start()

    def _poll(self) -> None:
        mark("camera_enumeration_started")
        try:
            cameras = list_cameras()
        finally:
            self._busy.release()
        mark("camera_enumeration_done")
        if cameras != self.cameras:
            self.cameras = cameras
            _emit(self.cameras_changed, cameras)
