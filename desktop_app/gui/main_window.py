"""The main window: composes the views and wires them to the worker, capture and settings.

Everything here runs on the GUI thread. Heavy work (inference, model loading, decoding, camera
opening) happens on the worker or capture threads; results arrive as queued signals.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..core.decode import is_image_path
from ..core.export import write_csv
from ..core.frames import Frame
from ..core.live_stats import LiveStats
from ..core.preprocessing import PreprocessOverrides
from ..core.settings import AppSettings
from ..core.sources import CameraInfo, SourceSpec, is_video_path
from . import style
from .capture import CameraWatcher, CaptureController
from .controls import ControlsPanel
from .frame_view import FrameView
from .i18n import install_language
from .info_panel import LatencyPanel, ModelInfoLabel, ProviderBadge
from .menus import build_menus
from .results_panel import ResultsPanel
from .settings_store import SettingsStore
from .topk_chart import LIGHT, PRESENTER, TopKChart
from .worker import FileResult, InferenceService, LiveResult, LoadedModel, ModelRequest

READOUT_MS = 250  # 4 Hz: numbers that change slower than they can be read
STATUS_MS = 8000
LABEL_SUFFIXES = (".txt", ".json", ".labels")


class MainWindow(QMainWindow):
    first_result_shown = Signal()
    live_started = Signal()

    def __init__(self, settings: AppSettings, store: SettingsStore, service: InferenceService):
        super().__init__()
        self.settings, self.store, self.service = settings, store, service
        self.language = "en"
        self.stats = LiveStats()
        self.presenter = False
        self.frozen = False
        self.automated = False  # set for --snapshot/--run-seconds: no modal dialogs
        self._generation = 0
        self._job = 0
        self._pictures: list[str] = []
        self._loaded: LoadedModel | None = None
        self._shown_result = False
        self.capture = CaptureController(service.submit, self)
        self.cameras = CameraWatcher(self)
        self._build()
        self._wire()
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_NAME)
        self.resize(1440, 880)

    # ---- construction -----------------------------------------------------------------------
    def _build(self) -> None:
        self.view = FrameView()
        self.chart = TopKChart()
        self.badge = ProviderBadge()
        self.model_info = ModelInfoLabel()
        self.latency = LatencyPanel()
        self.controls = ControlsPanel()
        self.results = ResultsPanel()
        self.results.hide()
        self.controls_scroll = QScrollArea()
        self.controls_scroll.setWidget(self.controls)
        self.controls_scroll.setWidgetResizable(True)
        self.controls_scroll.setMinimumWidth(320)
        self.controls_scroll.setMaximumWidth(380)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.view)
        left.addWidget(self.results)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        self.sidebar = QWidget()
        self.sidebar.setObjectName("sidebar")
        side = QVBoxLayout(self.sidebar)
        side.addWidget(self.badge)
        side.addWidget(self.chart, 1)
        side.addWidget(self.model_info)
        side.addWidget(self.latency)
        self.sidebar.setMinimumWidth(380)
        central = QWidget()
        central.setObjectName("central")
        row = QHBoxLayout(central)
        row.addWidget(self.controls_scroll)
        row.addWidget(left, 3)
        row.addWidget(self.sidebar, 2)
        self.setCentralWidget(central)
        self.actions = build_menus(self)
        self.setStyleSheet(style.NORMAL)
        self.readout = QTimer(self)
        self.readout.setInterval(READOUT_MS)
        self.readout.timeout.connect(self._refresh_readout)

    def _wire(self) -> None:
        worker = self.service.worker
        worker.model_loaded.connect(self._on_worker_model_loaded)
        worker.model_failed.connect(self._on_worker_model_failed)
        worker.prediction_ready.connect(self._on_worker_prediction_ready)
        worker.file_classified.connect(self._on_worker_file_classified)
        worker.files_finished.connect(self._on_worker_files_finished)
        worker.inference_failed.connect(self._on_worker_inference_failed)
        self.capture.frame_ready.connect(self._on_capture_frame_ready)
        self.capture.source_opened.connect(self._on_capture_source_opened)
        self.capture.source_failed.connect(self._on_capture_source_failed)
        self.cameras.cameras_changed.connect(self._on_cameras_changed)
        self.view.resized.connect(self._on_view_resized)
        c = self.controls
        c.camera_chosen.connect(self.start_camera)
        c.video_requested.connect(self.choose_video)
        c.resolution_chosen.connect(self._on_controls_resolution)
        c.mirror_toggled.connect(self.set_mirror)
        c.freeze_toggled.connect(self.set_frozen)
        c.model_requested.connect(self.choose_model)
        c.labels_requested.connect(self.choose_labels)
        c.provider_chosen.connect(self._on_controls_provider)
        c.top_k_chosen.connect(lambda k: self._update_settings(top_k=k))
        c.preprocessing_chosen.connect(self._on_controls_preprocessing)
        c.smoothing_toggled.connect(self._on_controls_smoothing)
        c.language_chosen.connect(self.set_language)
        self.results.result_selected.connect(self._show_file_result)
        self.results.export_requested.connect(self.export_csv)
        self.results.cancel_requested.connect(self.service.cancel_files)

    def start(self) -> None:
        """After show(): apply settings, load the model, watch cameras."""
        self.controls.show_settings(self.settings)
        self.service.set_smoothing(self.settings.smoothing)
        self.request_model()
        self.cameras.start()
        self.readout.start()
        self.retranslate()

    # ---- language ---------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        self.language = install_language(language)
        self.settings = replace(self.settings, language=language)
        self.controls.show_language(self.language)

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        from .menus import retranslate_menus

        retranslate_menus(self)
        self.view.placeholder = self.tr(
            "Drop pictures, a folder or an .onnx model here — or pick a camera on the left.\n"
            "Ctrl+O opens pictures, Ctrl+V pastes one, F11 is presenter mode."
        )
        self.view.set_badge(self.tr("Frozen") if self.frozen else "")
        self.chart.empty_text = self.tr("No prediction yet")
        for widget in (self.controls, self.badge, self.model_info, self.latency, self.results):
            widget.retranslate()
        self.view.update()
        self.chart.update()

    # ---- model ------------------------------------------------------------------------------
    def request_model(self) -> None:
        self._generation += 1
        s = self.settings
        self.service.load(ModelRequest(self._generation, s.model_path, s.labels_path, s.overrides,
                                       s.provider_choice, s.top_k))

    def _update_settings(self, **changes) -> None:
        self.settings = replace(self.settings, **changes)
        self.request_model()

    def open_model(self, path: str) -> None:
        self.badge.set_provider(None, None)
        self._update_settings(model_path=path, labels_path=None, normalize=None, channel_order=None, resize=None)

    def open_labels(self, path: str) -> None:
        self._update_settings(labels_path=path)

    @Slot(object)
    def _on_worker_model_loaded(self, loaded: LoadedModel) -> None:
        if loaded.generation != self._generation:
            return  # a newer request is on its way
        self._loaded = loaded
        self.badge.set_provider(loaded.provider, loaded.fallback_reason)
        self.model_info.set_description(loaded.description)
        self.controls.show_providers(loaded.installed_providers, self.settings.provider)
        self.controls.show_model_preprocessing(loaded.description.preprocessing, loaded.model_defaults,
                                               self.settings.overrides)
        if self._pictures and not self.capture.running:
            self._classify_pictures(self._pictures, keep_selection=True)  # show the change on the same picture

    @Slot(int, str)
    def _on_worker_model_failed(self, generation: int, reason: str) -> None:
        if generation != self._generation:
            return
        self.show_error(self.tr("The model could not be used: %1").replace("%1", reason), dialog=True)
        loaded = self._loaded
        if loaded is None:
            self.badge.set_provider(None, None)
            return
        # The worker keeps running the last model that worked: make the settings say so again.
        self._generation = loaded.generation
        self.settings = replace(self.settings, **loaded.settings_fields)
        self.badge.set_provider(loaded.provider, loaded.fallback_reason)
        self.controls.show_settings(self.settings)
        self.controls.show_model_preprocessing(loaded.description.preprocessing, loaded.model_defaults,
                                               self.settings.overrides)

    @Slot(str)
    def _on_worker_inference_failed(self, reason: str) -> None:
        self.show_error(reason)

    # ---- pictures ---------------------------------------------------------------------------
    def open_paths(self, paths: list[str]) -> None:
        """Sort dropped/opened paths: a model switches the model, a label file the labels, a video
        plays as the camera; pictures and folders are classified one by one."""
        pictures, ignored = [], []
        for path in paths:
            p = Path(path)
            if p.suffix.lower() == ".onnx":
                self.open_model(str(p))
            elif p.suffix.lower() in LABEL_SUFFIXES and p.is_file():
                self.open_labels(str(p))
            elif is_video_path(p):
                self.start_video(str(p))
            elif p.is_dir():
                pictures += sorted(str(f) for f in p.iterdir() if f.is_file() and is_image_path(f))
            elif p.is_file():
                pictures.append(str(p))
            else:
                ignored.append(p.name)
        if ignored:
            self.show_error(self.tr("Not found: %1").replace("%1", ", ".join(ignored)))
        if pictures:
            self.stop_live()
            self._classify_pictures(pictures)
        elif any(Path(p).is_dir() for p in paths):
            self.show_error(self.tr("No pictures in that folder"))

    def _classify_pictures(self, pictures: list[str], keep_selection: bool = False) -> None:
        self._pictures = pictures
        current = self.results.table.currentRow() if keep_selection else 0
        self._job = self.service.classify_files(pictures)
        self._reselect = max(0, current)
        self.results.setVisible(len(pictures) > 1)
        self.results.start(len(pictures))

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime.hasUrls():
            self.open_paths([u.toLocalFile() for u in mime.urls() if u.isLocalFile()])
        elif mime.hasImage():
            image = QGuiApplication.clipboard().image().convertToFormat(QImage.Format.Format_RGB888)
            array = _qimage_to_rgb(image)
            self.stop_live()
            self._pictures = []
            self.results.hide()
            self._job = self.service.classify_array(self.tr("Pasted picture"), array)
        else:
            self.show_error(self.tr("The clipboard holds no picture"))

    @Slot(object)
    def _on_worker_file_classified(self, result: FileResult) -> None:
        if result.job_id != self._job:
            return
        self.results.add(result)
        if result.index == getattr(self, "_reselect", 0) or len(self._pictures) <= 1:
            if result.index != 0:
                self.results.table.setCurrentCell(result.index, 0)
            self._show_file_result(result)

    @Slot(int)
    def _on_worker_files_finished(self, job_id: int) -> None:
        if job_id == self._job:
            self.results.finish()
            errors = sum(1 for r in self.results.results if r.error)
            if errors and len(self._pictures) > 1:
                self.show_error(self.tr("%1 of %2 pictures could not be read").replace("%1", str(errors))
                                .replace("%2", str(len(self.results.results))))

    def _show_file_result(self, result: FileResult) -> None:
        if result.error:
            self.view.set_image(None)
            self.chart.set_predictions(())
            self.show_error(result.error)
            return
        self.view.set_mirrored(False)  # a photo is shown as it is; only a live camera is mirrored
        self.view.set_image(result.image, "rgb", key=("file", result.job_id, result.index))
        self.chart.set_predictions(result.classification.top)
        timings = result.classification.timings_ms
        self.stats.stages_received(timings | {"capture": timings.get("decode", 0.0)})
        self._note_provider(result.classification)
        self._result_shown()

    # ---- live sources -----------------------------------------------------------------------
    def start_camera(self, camera: CameraInfo) -> None:
        self.settings = replace(self.settings, camera=camera.name)
        self._start_source(SourceSpec(camera=camera, resolution=self.settings.resolution))

    def start_video(self, path: str) -> None:
        self._start_source(SourceSpec(video_path=path))

    def _start_source(self, spec: SourceSpec) -> None:
        self.service.cancel_files()
        self._pictures = []
        self.results.hide()
        self.set_frozen(False)
        self.stats.reset_window()
        self.capture.start(spec)
        self.statusBar().showMessage(self.tr("Opening %1…").replace("%1", spec.label), STATUS_MS)

    def stop_live(self) -> None:
        self.capture.stop(wait=False)

    def next_camera(self) -> None:
        cameras = self.cameras.cameras
        if not cameras:
            self.show_error(self.tr("No camera found"))
            return
        current = self.capture.spec.camera.name if self.capture.spec and self.capture.spec.camera else None
        names = [c.name for c in cameras]
        index = (names.index(current) + 1) % len(cameras) if current in names else 0
        self.start_camera(cameras[index])
        self.controls.show_cameras(cameras, cameras[index].name)

    def choose_video(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Play a video file"), "",
                                              self.tr("Videos (*.mp4 *.avi *.mov *.mkv *.webm *.m4v *.wmv)"))
        if path:
            self.start_video(path)

    @Slot(object, object)
    def _on_capture_frame_ready(self, frame: Frame, display: np.ndarray) -> None:
        if frame.source_id != self.capture.source_id or self.frozen:
            return
        first = self.stats.frames_captured == 0
        self.stats.frame_captured(frame.captured_at)
        self.view.set_image(display, frame.pixel_order, key=(frame.source_id, frame.number))
        if first:
            self.view.set_mirrored(self.settings.mirror and self._live_is_camera())
            self.live_started.emit()

    @Slot(int, float)
    def _on_capture_source_opened(self, source_id: int, fps: float) -> None:
        if source_id == self.capture.source_id:
            self.stats.source_fps = fps
            self.statusBar().showMessage(self.tr("Playing %1 at %2 fps").replace("%1", self.capture.spec.label)
                                         .replace("%2", f"{fps:.0f}"), STATUS_MS)

    @Slot(int, str)
    def _on_capture_source_failed(self, source_id: int, reason: str) -> None:
        if source_id == self.capture.source_id:
            self.show_error(reason)

    @Slot(object)
    def _on_worker_prediction_ready(self, result: LiveResult) -> None:
        if result.generation != self._generation or result.source_id != self.capture.source_id or self.frozen:
            return  # stale: another model, another source, or frozen meanwhile
        timings = result.classification.timings_ms | {"capture": result.decode_ms}
        self.stats.result_received(result.captured_at, timings)
        self.chart.set_predictions(result.classification.top)
        self._note_provider(result.classification)
        self._result_shown()

    @Slot(list)
    def _on_cameras_changed(self, cameras: list) -> None:
        self.controls.show_cameras(cameras, self.settings.camera)
        spec = self.capture.spec
        if spec and spec.camera and spec.camera.name not in [c.name for c in cameras] and cameras is not None:
            self.show_error(self.tr("Camera '%1' was unplugged").replace("%1", spec.camera.label))

    def _on_view_resized(self, size: QSize) -> None:
        self.capture.display_size = (max(1, size.width()), max(1, size.height()))

    # ---- switches ---------------------------------------------------------------------------
    def set_frozen(self, frozen: bool) -> None:
        self.frozen = frozen
        self.capture.frozen = frozen
        self.view.set_badge(self.tr("Frozen") if frozen else "")
        self.controls.show_frozen(frozen)

    def toggle_frozen(self) -> None:
        self.set_frozen(not self.frozen)

    def set_mirror(self, mirrored: bool) -> None:
        self.settings = replace(self.settings, mirror=mirrored)
        self.view.set_mirrored(mirrored and self._live_is_camera())
        self.controls.show_mirror(mirrored)

    def _live_is_camera(self) -> bool:
        spec = self.capture.spec
        return self.capture.running and spec is not None and spec.camera is not None

    def toggle_mirror(self) -> None:
        self.set_mirror(not self.settings.mirror)

    def set_presenter(self, on: bool, fullscreen: bool = True) -> None:
        self.presenter = on
        self.controls_scroll.setVisible(not on)
        self.results.setVisible(not on and len(self._pictures) > 1)
        self.menuBar().setVisible(not on)
        self.setStyleSheet(style.PRESENTER if on else style.NORMAL)
        self.chart.set_presentation(PRESENTER if on else LIGHT, style.PRESENTER_FONT_SCALE if on else 1.0)
        self.view.background = PRESENTER.background if on else LIGHT.text.darker(300)
        if on and fullscreen:
            self.showFullScreen()
        elif not on and self.isFullScreen():
            self.showNormal()

    def toggle_presenter(self) -> None:
        self.set_presenter(not self.presenter)

    def leave_presenter(self) -> None:
        if self.presenter:
            self.set_presenter(False)

    def _on_controls_resolution(self, resolution: tuple) -> None:
        self.settings = replace(self.settings, resolution=tuple(resolution))
        spec = self.capture.spec
        if spec and spec.camera:
            self._start_source(replace(spec, resolution=tuple(resolution)))

    def _on_controls_provider(self, kind: str, device_id) -> None:
        self.badge.set_provider(None, None)
        self._update_settings(provider=kind, device_id=device_id)

    def _on_controls_preprocessing(self, overrides: PreprocessOverrides) -> None:
        self._update_settings(normalize=overrides.normalize, channel_order=overrides.channel_order,
                              resize=overrides.resize)

    def _on_controls_smoothing(self, enabled: bool) -> None:
        self.settings = replace(self.settings, smoothing=enabled)
        self.service.set_smoothing(enabled)

    # ---- dialogs and files ------------------------------------------------------------------
    def choose_pictures(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Open pictures"), "",
                                                self.tr("Pictures (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp)"))
        if paths:
            self.open_paths(paths)

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Open a folder of pictures"))
        if path:
            self.open_paths([path])

    def choose_model(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open an ONNX classifier"), "",
                                              self.tr("ONNX models (*.onnx)"))
        if path:
            self.open_model(path)

    def choose_labels(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a label file"), "",
                                              self.tr("Labels (*.txt *.json)"))
        if path:
            self.open_labels(path)

    def save_screenshot(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save screenshot"), "synset.png",
                                                  self.tr("PNG pictures (*.png)"))
            if not path:
                return False
        ok = self.grab().save(path, "PNG")
        if ok:
            self.statusBar().showMessage(self.tr("Saved %1").replace("%1", path), STATUS_MS)
        else:
            self.show_error(self.tr("Could not save %1").replace("%1", path))
        return ok

    def export_csv(self, path: str | None = None) -> None:
        rows = [(r.path, r.classification or r.error) for r in self.results.results]
        if not rows:
            self.show_error(self.tr("Nothing to export yet"))
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export results"), "synset-results.csv",
                                                  self.tr("CSV files (*.csv)"))
            if not path:
                return
        try:
            write_csv(path, rows, self.settings.top_k)
        except OSError as exc:
            self.show_error(self.tr("Could not save %1").replace("%1", f"{path}: {exc.strerror}"))
            return
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", path), STATUS_MS)

    def show_about(self) -> None:
        from .. import __version__

        QMessageBox.about(self, APP_NAME, self.tr("%1 %2 — see what a camera or a picture contains.")
                          .replace("%1", APP_NAME).replace("%2", __version__))

    # ---- feedback ---------------------------------------------------------------------------
    def show_error(self, message: str, dialog: bool = False) -> None:
        self.statusBar().showMessage(message, STATUS_MS * 2)
        if dialog and self.isVisible() and not self.automated:
            QMessageBox.warning(self, APP_NAME, message)

    def _note_provider(self, classification) -> None:
        loaded = self._loaded
        if loaded and (classification.provider, classification.fallback_reason) != (loaded.provider, loaded.fallback_reason):
            self._loaded = replace(loaded, provider=classification.provider, fallback_reason=classification.fallback_reason)
            self.badge.set_provider(classification.provider, classification.fallback_reason)
            self.show_error(classification.fallback_reason or "")

    def _result_shown(self) -> None:
        if not self._shown_result:
            self._shown_result = True
            self.first_result_shown.emit()

    def _refresh_readout(self) -> None:
        self.stats.frames_dropped = self.service.frames_dropped
        self.stats.frames_shown = self.view.frames_painted
        self.latency.show_stats(self.stats, self.capture.running)

    # ---- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        mime = event.mimeData()
        local = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if local:
            self.open_paths(local)
            event.acceptProposedAction()
        elif mime.hasUrls():
            self.show_error(self.tr("Only files on this computer can be opened (nothing is downloaded)"))

    # ---- shutdown ---------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        """Stop camera, stop worker (bounded wait), then save settings."""
        self.readout.stop()
        self.cameras.stop()
        self.capture.stop(wait=True)
        self.worker_stopped = self.service.shutdown()
        self.store.save(self.settings)
        if not self.presenter:
            self.store.save_geometry(self.saveGeometry())
        super().closeEvent(event)


def _qimage_to_rgb(image: QImage) -> np.ndarray:
    width, height = image.width(), image.height()
    buffer = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    rows = buffer.reshape(height, image.bytesPerLine())[:, : width * 3]
    return np.ascontiguousarray(rows.reshape(height, width, 3))

