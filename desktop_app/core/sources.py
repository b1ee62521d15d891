"""Frame sources without Qt: cameras picked by name, and video files that stand in for a camera.

A :class:`CaptureThread` reads from a source on its own thread and hands each frame to a plain
callback; errors go to another callback as one-line messages. The GUI adapts both to signals.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import cv2

from .decode import MAX_PIXELS
from .errors import SynsetError
from .files import MAX_VIDEO_BYTES, check_regular, native_path
from .frames import Frame
from .media_clock import MediaClock
from .messages import Message, message

VIDEO_SUFFIXES = frozenset({".mp4", ".avi", ".mov", ".mkv", ".webm", ".m4v", ".wmv", ".mpg", ".mpeg", ".3gp",
                            ".ts", ".mts", ".m2ts", ".flv", ".ogv"})  # phones' and camcorders' too
# The frame rates a file may play at: a slideshow at 0.5 fps played at 30 (and said so), as did a
# 1000 fps clip. Outside this (0, NaN: unknown) a file plays at 30.
FILE_FPS_RANGE = (0.01, 1000.0)
MAX_READ_FAILURES = 15  # consecutive failed reads before a camera counts as gone (~0.5 s)
DEFAULT_RESOLUTION = (1280, 720)
PREVIOUS_RELEASE_S = 3.0  # a camera read blocks at most about a frame; a hung driver gets this long


@dataclass(frozen=True)
class CameraInfo:
    """A camera as the system names it, with the index/backend OpenCV opens it by."""

    name: str
    index: int
    backend: int
    path: str | None = None

    @property
    def label(self) -> str:
        return self.name or f"Camera {self.index}"

    @property
    def name_in_messages(self) -> str:
        """What "Camera '…'" quotes: a nameless camera's index ("Camera 'Camera 0'" doubled)."""
        return self.name or str(self.index)


@dataclass(frozen=True)
class SourceSpec:
    """What to open: a camera (by info) or a video file (by path)."""

    camera: CameraInfo | None = None
    video_path: str | None = None
    resolution: tuple[int, int] = DEFAULT_RESOLUTION

    @property
    def label(self) -> str:
        return self.camera.label if self.camera else Path(self.video_path or "").name

    @property
    def name_in_messages(self) -> str:
        return self.camera.name_in_messages if self.camera else self.label


def camera_backend() -> int:
    if sys.platform == "win32":
        return cv2.CAP_MSMF
    if sys.platform == "darwin":
        return cv2.CAP_AVFOUNDATION
    return cv2.CAP_V4L2


def list_cameras() -> list[CameraInfo]:
    """Cameras with their friendly names (cv2-enumerate-cameras); [] if enumeration fails."""
    try:
        from cv2_enumerate_cameras import enumerate_cameras

        found = enumerate_cameras(camera_backend())
    except Exception:  # no permission, no backend, missing system library: simply no cameras
        return []
    return [CameraInfo(c.name or "", int(c.index), int(c.backend), c.path) for c in found]


def is_video_path(path: str | Path) -> bool:
    return Path(path).suffix.lower() in VIDEO_SUFFIXES


def resolve_camera_argument(argument: str, cameras: list[CameraInfo]) -> SourceSpec | None:
    """``--camera NAME|INDEX|FILE`` → what to open, or None if nothing matches."""
    if Path(argument).is_file():
        return SourceSpec(video_path=str(Path(argument).resolve()))
    if argument.isdigit():  # an index, even if some camera's name starts with digits ("1080p …")
        index = int(argument)
        match = next((c for c in cameras if c.index == index), None)
        return SourceSpec(camera=match or CameraInfo("", index, camera_backend()))
    exact = [c for c in cameras if c.name == argument]
    prefix = [c for c in cameras if c.name.lower().startswith(argument.lower())]
    found = (exact or prefix)[:1]
    return SourceSpec(camera=found[0]) if found else None


class CaptureThread(threading.Thread):
    """Reads frames until stopped. Video files loop in real time (:class:`MediaClock`).

    Runs on its own (non-Qt) thread; ``on_frame`` and ``on_error`` are called on that thread and
    must only hand data on (the GUI's adapter emits queued signals).
    """

    def __init__(self, spec: SourceSpec, source_id: int, on_frame: Callable[[Frame], None],
                 on_error: Callable[[Message], None], on_opened: Callable[[float], None] | None = None,
                 previous: threading.Thread | None = None):
        super().__init__(name=f"capture-{source_id}", daemon=True)
        self._previous = previous  # a source being stopped: it must release the device first
        self.spec = spec
        self.source_id = source_id
        self._on_frame, self._on_error, self._on_opened = on_frame, on_error, on_opened
        self._stopping = threading.Event()
        # A frozen view pauses a video file (it resumes where it was); a camera cannot pause.
        self._paused = False  # set by the GUI thread (``paused``), read here: a bool store is atomic
        self._wake = threading.Event()  # a pause, a resume or a stop ends the wait for a frame's time
        # (frames delivered, perf_counter when the newest left): one tuple, so that the GUI
        # thread reads a count and its time together
        self.delivered: tuple[int, float] = (0, 0.0)
        self._frames_at_rewind = -1
        self._reopened = False  # since the last frame: a video file opened again to loop it
        self.source_fps = 0.0
        self.frames_skipped = 0  # a file's frames read but not shown, to keep up with its time
        self._frames_read = 0  # a file's frames read, shown or skipped

    @property
    def frames_captured(self) -> int:
        return self.delivered[0]

    @property
    def paused(self) -> bool:
        return self._paused

    @paused.setter
    def paused(self, paused: bool) -> None:
        self._paused = paused
        self._wake.set()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()

    def run(self) -> None:
        if self._previous is not None:
            self._previous.join(PREVIOUS_RELEASE_S)
            self._previous = None
        if self._stopping.is_set():
            return
        self._capture = self._open()
        if self._capture is None:
            return
        try:
            self._loop()
        finally:
            self._capture.release()

    def _open(self):
        spec = self.spec
        if spec.video_path:
            problem = _unreadable_video(spec.video_path)
            if problem is not None:  # a pipe would block the decoder's open() for ever
                self._on_error(problem)
                return None
            capture = open_video(spec.video_path)
        else:
            assert spec.camera is not None  # a spec names a camera or a video file
            capture = cv2.VideoCapture(spec.camera.index, spec.camera.backend)
            _configure_camera(capture, spec.resolution)
        if not capture.isOpened():
            capture.release()
            code = "video.open_failed" if spec.video_path else "camera.open_failed"
            self._on_error(message(code, name=spec.name_in_messages))
            return None
        too_large = _frames_too_large(capture, spec.name_in_messages) if spec.video_path else None
        if too_large is not None:
            capture.release()
            self._on_error(too_large)
            return None
        fps = capture.get(cv2.CAP_PROP_FPS)
        low, high = FILE_FPS_RANGE if spec.video_path else (1, 240)
        self.source_fps = fps if low <= fps <= high else 30.0
        if self._on_opened:
            self._on_opened(self.source_fps)
        return capture

    def _loop(self) -> None:
        if self.spec.video_path:
            self._play_file()
            return
        failures = 0
        while not self._stopping.is_set():
            ok, image, decode_ms = self._read(self._capture)
            if not ok or image is None:
                failures += 1
                if failures >= MAX_READ_FAILURES:
                    self._on_error(message("camera.stopped", name=self.spec.name_in_messages))
                    return
                time.sleep(0.03)
                continue
            failures = 0
            self._deliver(image, decode_ms)

    def _play_file(self) -> None:
        """A video file in real time, looped: each frame at its timestamp; late frames skipped (a
        camera drops them too). A file of one frame (a picture renamed .mp4, a one-frame clip) is
        read once and its frame shown on at the file's rate: it was opened again for every frame,
        and stopped playing when the file was deleted."""
        clock = MediaClock(1.0 / self.source_fps)
        held = None  # the one frame of a one-frame file
        read_since_rewind, last = 0, None
        while not self._stopping.is_set():
            # Never while paused: frozen, the file waits at the frame after the one on screen
            if held is None and not self._paused and clock.skip_next(time.perf_counter()) and self._capture.grab():
                clock.skipped(self._capture.get(cv2.CAP_PROP_POS_MSEC))
                self.frames_skipped += 1
                self._frames_read += 1
                read_since_rewind += 1
                continue
            if held is not None:
                ok, image, decode_ms = True, held, 0.0
            else:
                ok, image, decode_ms = self._read(self._capture)
            if not ok or image is None:
                if read_since_rewind == 1 and last is not None and self.frames_captured:
                    held = last
                    continue
                if not self._rewind():
                    return
                clock.rewound()
                read_since_rewind = 0
                continue
            read_since_rewind += 1
            self._frames_read += 1
            last = image
            position = self._capture.get(cv2.CAP_PROP_POS_MSEC) if held is None else 0.0
            due = clock.due(position, time.perf_counter())
            shown_due = self._pace(due)
            if shown_due is None:
                return
            clock.shown(due, shown_due, time.perf_counter())
            self._deliver(image, decode_ms)

    def _deliver(self, image, decode_ms: float) -> None:
        number, now = self.frames_captured + 1, time.perf_counter()
        self.delivered = (number, now)
        self._on_frame(Frame.of(number, image, now, self.source_id, decode_ms=decode_ms))

    def _read(self, capture):
        """(ok, image, decode ms). A camera's grab() waits for the next frame, so only its
        retrieve() (the decode) is timed; a file's read() is all decode."""
        if self.spec.video_path:
            start = time.perf_counter()
            ok, image = capture.read()
            return ok, image, (time.perf_counter() - start) * 1e3
        if not capture.grab():
            return False, None, 0.0
        start = time.perf_counter()
        ok, image = capture.retrieve()
        return ok, image, (time.perf_counter() - start) * 1e3

    def _pace(self, due: float) -> float | None:
        """Wait until a file's frame is due: when it was due in the end (later by a pause), or None
        if stopped meanwhile. A pause (a frozen view) holds the frame, and when it ends the frame on
        screen stays as long as it had left: a paused slideshow skipped a slide, then cut one short."""
        while not self._stopping.is_set():
            now = time.perf_counter()
            if self._paused:
                left = max(0.0, due - now)
                while self._paused and not self._stopping.is_set():
                    self._wake.wait()
                    self._wake.clear()  # the flags are read again after every wake
                due = time.perf_counter() + left
            elif now >= due:
                return due
            else:
                self._wake.wait(due - now)
                self._wake.clear()
        return None

    def _rewind(self) -> bool:
        """Loop a video file: seek to its start, else open it again. False (with an error) if it
        has no frames, or if even a new opening gave none (truncated or replaced while playing).

        Some files cannot seek back: a one-frame MPEG-4 file reads nothing after a seek to frame
        0 (and said "the file was changed or removed while playing"). A deleted file still seeks
        in the open file, so it plays on."""
        if self.frames_captured == 0:
            self._on_error(message("video.no_frames", name=self.spec.label))
            return False
        if self._frames_read != self._frames_at_rewind:  # frames came since the last rewind (shown or skipped)
            self._frames_at_rewind, self._reopened = self._frames_read, False
            if self._capture.set(cv2.CAP_PROP_POS_FRAMES, 0):
                return True
        if self._reopened:
            self._on_error(message("video.stopped", name=self.spec.label))
            return False
        self._reopened = True
        self._capture.release()
        path = self.spec.video_path
        assert path is not None  # only video files are rewound
        self._capture = open_video(path)
        if _unreadable_video(path) is not None or not self._capture.isOpened():
            self._on_error(message("video.stopped", name=self.spec.label))
            return False
        return True


def open_video(path: str):
    """A ``cv2.VideoCapture`` of a video file. On Windows a name outside ASCII (a Chinese file
    name) may not reach every OpenCV backend intact: :func:`native_path` gives its short name."""
    return cv2.VideoCapture(native_path(path))


def probe_video(path: str) -> Message | None:
    """Why a video file cannot be played, or None: it opens and gives a first frame. Checked
    before the file replaces what plays (a damaged file dropped stopped the video on screen).
    Any thread; it may take as long as the decoder's open."""
    problem = _unreadable_video(path)
    if problem is not None:
        return problem
    capture = open_video(path)
    try:
        if not capture.isOpened():
            return message("video.open_failed", name=Path(path).name)
        too_large = _frames_too_large(capture, Path(path).name)
        if too_large is not None:
            return too_large
        ok, image = capture.read()
        return None if ok and image is not None else message("video.no_frames", name=Path(path).name)
    finally:
        capture.release()


def _frames_too_large(capture, name: str) -> Message | None:
    """Frames over the pictures' pixel limit: a 5 MB 16000×8000 file took 1.5 GB to play."""
    width, height = int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)), int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT))
    if width * height <= MAX_PIXELS:
        return None
    return message("video.too_large", name=name, width=width, height=height,
                   megapixels=f"{width * height / 1e6:.0f}", limit=f"{MAX_PIXELS / 1e6:.0f}")


def _unreadable_video(path: str) -> Message | None:
    """Why a video file cannot be played, checked before the decoder opens it; None if it can."""
    try:
        info = check_regular(path, MAX_VIDEO_BYTES, SynsetError)
    except SynsetError as exc:
        return exc.message
    except OSError:
        return message("video.open_failed", name=Path(path).name)
    return message("video.no_bytes", name=Path(path).name) if info.st_size == 0 else None


def _configure_camera(capture, resolution: tuple[int, int]) -> None:
    # MJPG before the size: with DirectShow/V4L2 an uncompressed 720p stream collapses the frame rate.
    capture.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))
    capture.set(cv2.CAP_PROP_FRAME_WIDTH, resolution[0])
    capture.set(cv2.CAP_PROP_FRAME_HEIGHT, resolution[1])
    capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # newest frame, not a backlog
