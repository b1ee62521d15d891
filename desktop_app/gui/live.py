"""Live sources on the window: a camera picked by name or a video file, frozen or mirrored.

GUI thread. Frames go from the capture thread straight to the worker's mailbox; the window only
receives a display-sized copy and the results.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QSize, Signal, Slot

from ..core.display import SCREEN_ORDER
from ..core.frames import Frame
from ..core.jobs import LiveFailure, LiveResult
from ..core.live_stats import LiveStats
from ..core.sources import CameraInfo, SourceSpec
from . import dialogs
from .app_state import AppState
from .capture import CameraWatcher, CaptureController
from .feedback import Feedback
from .messages import describe
from .views import Views
from .worker import InferenceService


class LiveSession(QObject):
    starting = Signal()  # a source is being opened: pictures make way
    started = Signal()  # the first frame of a source is on screen
    result_shown = Signal(object)  # Classification now on screen
    refused = Signal(object)  # a video file that cannot play (Message): what plays goes on
    frame_failed = Signal()  # the frame on screen could not be ranked: earlier rankings go

    def __init__(self, service: InferenceService, state: AppState, views: Views, stats: LiveStats,
                 feedback: Feedback, parent: QObject | None = None):
        super().__init__(parent)
        self._service, self._state, self._views, self._stats, self._feedback = service, state, views, stats, feedback
        self.frozen = False
        self._shown: Frame | None = None  # the frame on screen (kept to re-rank it while frozen)
        self._probe = 0  # the video file being checked before it plays (0: none)
        self._playing: str | None = None  # the "Playing … at … fps" message
        self._say_playing: Callable[[], str] | None = None  # what says it, in the language of the moment
        self.capture = CaptureController(service.submit, self)
        self.cameras = CameraWatcher(self)
        self.capture.frame_ready.connect(self._on_capture_frame_ready)
        self.capture.source_opened.connect(self._on_capture_source_opened)
        self.capture.source_failed.connect(self._on_capture_source_failed)
        self.capture.probed.connect(self._on_capture_probed)
        self.cameras.cameras_changed.connect(self._on_cameras_changed)
        service.worker.prediction_ready.connect(self._on_worker_prediction_ready)
        service.worker.inference_failed.connect(self._on_worker_inference_failed)
        views.view.resized.connect(self._on_view_resized)

    @property
    def is_camera(self) -> bool:
        spec = self.capture.spec
        return self.capture.running and spec is not None and spec.camera is not None

    @property
    def shown_frame(self) -> Frame | None:
        return self._shown

    def start_camera(self, camera: CameraInfo) -> None:
        self._state.change(camera=camera.name)
        self._start(SourceSpec(camera=camera, resolution=self._state.settings.resolution))

    def start_video(self, path: str) -> None:
        """Play a video file as the camera, once it is known to play: a damaged file leaves what
        is on screen (a picture, a camera, another video) as it was."""
        self._probe = self.capture.probe(path)
        label = SourceSpec(video_path=path).label
        self._feedback.status(lambda: self.tr("Opening %1…").replace("%1", label))

    def choose_video(self) -> None:
        path = dialogs.ask_video(self._views.view.window())
        if path:
            self.start_video(path)

    def restart_with_resolution(self, resolution: tuple[int, int]) -> None:
        width, height = resolution
        self._state.change(resolution=(width, height))
        spec = self.capture.spec
        if spec and spec.camera:
            self._start(replace(spec, resolution=(width, height)))

    def stop(self, wait: bool = False) -> None:
        """No live source any more (pictures took over, or the window closes): nothing to hold
        frozen (the badge stayed over a dropped picture) and nothing playing to announce."""
        self._probe = 0
        self._say_playing = None  # nothing to announce on the way out (it blanked an error after it)
        self.set_frozen(False)
        if self._playing is not None:
            self._feedback.clear(self._playing)
            self._playing = None
        self.capture.stop(wait=wait)

    def next_camera(self) -> None:
        cameras = self.cameras.cameras
        if not cameras:
            self._feedback.error(lambda: self.tr("No camera found"))
            return
        spec = self.capture.spec
        current = spec.camera if spec else None
        # The camera itself, not its name: two of the same model share one ("USB Camera").
        index = (cameras.index(current) + 1) % len(cameras) if current in cameras else 0
        self.start_camera(cameras[index])
        self._views.controls.show_cameras(cameras, cameras[index])

    def set_frozen(self, frozen: bool) -> None:
        if frozen and not self.capture.running:  # a picture is still already: nothing to hold
            self._views.controls.show_frozen(False)  # the button, if it was clicked, pops out
            self._feedback.status(lambda: self.tr("Freeze holds a live camera or video; a picture is already still"))
            return
        if frozen != self.frozen:
            self._stats.restart_rates()
        if frozen and self._playing is not None:  # "Playing demo.mp4 at 30 fps" beside "Frozen"
            self._feedback.clear(self._playing)
        elif not frozen and self.frozen and self._say_playing is not None and not self._feedback.current:
            self._playing = self._feedback.status(self._say_playing)  # and again when it plays on, over nothing
        self.frozen = frozen
        self.capture.frozen = frozen
        self._views.view.set_badge(self.tr("Frozen") if frozen else "")
        self._views.controls.show_frozen(frozen)
        # The frame on screen may never have been ranked: the capture thread runs ahead of the
        # screen, so a newer frame can have replaced it in the worker's one-place mailbox, and a
        # frozen view takes only its own frame's result. Rank it (at worst once more).
        self.rank_frozen_frame()

    def set_mirror(self, mirrored: bool) -> None:
        self._state.change(mirror=mirrored)
        self._views.view.set_mirrored(mirrored and self.is_camera)
        self._views.controls.show_mirror(mirrored)
        if not self.is_camera:  # nothing on screen changes (a picture or a video is never mirrored)
            self._feedback.status(lambda: self.tr("The camera will be shown mirrored") if mirrored
                                  else self.tr("The camera will be shown as it sees"))

    def rank_frozen_frame(self) -> None:
        """While frozen, rank the frozen frame (again): when the view freezes, and after a model or
        settings change (switch RGB/BGR or normalisation on a still picture and watch the ranking
        change; the lab's pitfall too)."""
        if self.frozen and self._shown is not None and self._shown.source_id == self.capture.source_id:
            self._service.submit(replace(self._shown, still=True))

    def _start(self, spec: SourceSpec) -> None:
        self._probe = 0  # a video still being checked no longer replaces this
        self._say_playing = None  # the new source says itself
        self.starting.emit()
        self.set_frozen(False)
        self._stats.reset_window()
        self.capture.start(spec)
        self._feedback.status(lambda: self.tr("Opening %1…").replace("%1", spec.label))

    @Slot()
    def _on_capture_frame_ready(self) -> None:
        waiting = self.capture.take_display()
        if waiting is None:
            return
        frame, display = waiting
        if frame.source_id != self.capture.source_id or self.frozen:
            return
        first = self._shown is None or self._shown.source_id != frame.source_id
        self._shown = frame
        view = self._views.view
        view.set_image(display, SCREEN_ORDER, key=(frame.source_id, frame.number))
        if first:
            view.set_mirrored(self._state.settings.mirror and self.is_camera)
            shown = self._state.shown
            self._views.outline_model_region(shown.description if shown else None, frame.image.shape[1],
                                             frame.image.shape[0])
            self.started.emit()

    @Slot(int, float)
    def _on_capture_source_opened(self, source_id: int, fps: float) -> None:
        spec = self.capture.spec
        if source_id == self.capture.source_id and spec is not None:
            self._stats.source_fps = fps
            label = spec.label
            self._say_playing = lambda: self.tr("Playing %1 at %2 fps").replace("%1", label).replace("%2", f"{fps:.3g}")
            self._playing = self._feedback.status(self._say_playing)

    @Slot(int, str, object)
    def _on_capture_probed(self, number: int, path: str, problem) -> None:
        if number != self._probe:
            return  # another source was asked for meanwhile
        if problem is not None:
            self._probe = 0
            self._feedback.error(lambda: describe(problem))
            self.refused.emit(problem)
            return
        self._start(SourceSpec(video_path=path))

    @Slot(int, object)
    def _on_capture_source_failed(self, source_id: int, problem) -> None:
        if source_id == self.capture.source_id:
            self._feedback.error(lambda: describe(problem))

    @Slot(object)
    def _on_worker_prediction_ready(self, result: LiveResult) -> None:
        if not self._state.is_current(result.generation) or result.source_id != self.capture.source_id:
            return  # stale: another model, or another source
        if self.frozen and (self._shown is None or result.frame_number != self._shown.number):
            # Only the frozen frame's own result shows. A frame the capture thread sent as the view
            # froze may have taken the frozen one's place in the worker's mailbox: rank it again.
            self.rank_frozen_frame()
            return
        if not self.frozen:
            # A frozen frame ranked again (another model, the lab's end) is no live figure: its
            # frame-to-result counted the whole time frozen ("p50 9671 ms"), and, just after a model
            # switch, its first run's warm-up was the only inference time shown (int8 "243 ms").
            self._stats.result_received(result.captured_at, result.classification.timings_ms)
        self._views.chart.set_predictions(result.classification.top)
        self.result_shown.emit(result.classification)

    @Slot(object)
    def _on_worker_inference_failed(self, failure: LiveFailure) -> None:
        """A live frame could not be ranked: said, and the chart no longer shows an earlier frame's
        bars beside it (a frozen frame showed a dark frame's ranking under "not a number")."""
        if not self._state.is_current(failure.generation) or failure.source_id != self.capture.source_id:
            return  # another model's or source's frame: not about what is on screen
        if self.frozen and (self._shown is None or failure.frame_number != self._shown.number):
            # A frame that came as the view froze took the frozen one's place in the worker's
            # mailbox and failed: rank the frozen one (as a result of such a frame does).
            self.rank_frozen_frame()
            return
        self._views.chart.set_predictions(())
        self.frame_failed.emit()  # and the lab's, when it is on
        self._feedback.error(lambda: describe(failure.problem))

    @Slot(list)
    def _on_cameras_changed(self, cameras: list) -> None:
        spec = self.capture.spec
        running = spec.camera if spec and spec.camera in cameras else None
        self._views.controls.show_cameras(cameras, running or self._state.settings.camera)
        if spec and spec.camera and spec.camera.name not in [c.name for c in cameras]:
            name = spec.camera.name_in_messages
            self._feedback.error(lambda: self.tr("Camera '%1' was unplugged").replace("%1", name))

    def _on_view_resized(self, size: QSize) -> None:
        self.capture.display_size = (max(1, size.width()), max(1, size.height()))
