"""The main window: composes the views and wires them to the worker, capture and settings.

Everything here runs on the GUI thread. Heavy work (inference, model loading, decoding, camera
opening) happens on the worker or capture threads; results arrive as queued signals.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QMessageBox

from .. import APP_NAME
from ..core.dropped import sort_paths
from ..core.files import write_atomic
from ..core.live_stats import LiveStats
from ..core.preprocess import region_for
from ..core.preprocessing import PreprocessOverrides
from ..core.settings import AppSettings
from . import dialogs, style
from .i18n import install_language
from .layout import build_views
from .live import LiveSession
from .menus import build_menus, retranslate_menus
from .messages import describe
from .pictures import PictureSession, png_bytes
from .settings_store import SettingsStore
from .topk_chart import LIGHT, PRESENTER
from .worker import InferenceService, LoadedModel, ModelRequest

READOUT_MS = 250  # 4 Hz: numbers that change slower than they can be read
STATUS_MS = 8000


class MainWindow(QMainWindow):
    first_result_shown = Signal()

    def __init__(self, settings: AppSettings, store: SettingsStore, service: InferenceService):
        super().__init__()
        self.settings, self.store, self.service = settings, store, service
        self.language = "en"
        self.stats = LiveStats()
        self.presenter = False
        self.automated = False  # set for --snapshot/--run-seconds: no modal dialogs
        self._generation = 0
        self._loaded: LoadedModel | None = None  # the model the window shows
        self._running: LoadedModel | None = None  # the model the worker runs (may be newer)
        self._keep_on_save: dict = {}
        self._shown_result = False
        self._build()
        self.live = LiveSession(self)
        self.pictures = PictureSession(self)
        self._wire()
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_NAME)
        self.resize(1440, 880)

    # ---- construction -----------------------------------------------------------------------
    def _build(self) -> None:
        build_views(self)
        self.actions = build_menus(self)
        self.setStyleSheet(style.NORMAL)
        self.readout = QTimer(self)
        self.readout.setInterval(READOUT_MS)
        self.readout.timeout.connect(self._refresh_readout)

    def _wire(self) -> None:
        worker = self.service.worker
        worker.model_loaded.connect(self._on_worker_model_loaded)
        worker.model_failed.connect(self._on_worker_model_failed)
        worker.inference_failed.connect(self._on_worker_inference_failed)
        c = self.controls
        c.camera_chosen.connect(self.live.start_camera)
        c.video_requested.connect(self.live.choose_video)
        c.resolution_chosen.connect(self._on_controls_resolution)
        c.mirror_toggled.connect(self.set_mirror)
        c.freeze_toggled.connect(self.live.set_frozen)
        c.model_requested.connect(self.choose_model)
        c.labels_requested.connect(self.choose_labels)
        c.provider_chosen.connect(self._on_controls_provider)
        c.top_k_chosen.connect(lambda k: self._update_settings(top_k=k))
        c.preprocessing_chosen.connect(self._on_controls_preprocessing)
        c.smoothing_toggled.connect(self._on_controls_smoothing)
        c.language_chosen.connect(self.set_language)

    # Shorthands used by menus, automation and tests.
    @property
    def capture(self):
        return self.live.capture

    @property
    def frozen(self) -> bool:
        return self.live.frozen

    def start_video(self, path: str) -> None:
        self.live.start_video(path)

    def start_camera(self, camera) -> None:
        self.live.start_camera(camera)

    def start(self) -> None:
        """After show(): apply settings, load the model, watch cameras."""
        self.controls.show_settings(self.settings)
        self.service.set_smoothing(self.settings.smoothing)
        self.request_model()
        self.live.cameras.start()
        self.readout.start()
        self.retranslate()

    # ---- language ---------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        self.language = install_language(language)
        self.settings = replace(self.settings, language=language)
        self.controls.show_language(self.language)
        self.retranslate()  # now, not when the posted LanguageChange event arrives

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
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
    def request_model(self, reload: bool = False) -> None:
        """``reload``: read the model file again even if it is the one running (opened anew)."""
        # A folder job queued on the worker would delay the switch: stop it; it is re-run with
        # the new settings when the model reports back.
        self.service.cancel_files()
        self._generation += 1
        s = self.settings
        self.service.load(ModelRequest(self._generation, s.model_path, s.labels_path, s.overrides,
                                       s.provider_choice, s.top_k, reload))

    def _update_settings(self, reload: bool = False, **changes) -> None:
        self.settings = replace(self.settings, **changes)
        self.request_model(reload)

    def keep_on_save(self, **saved) -> None:
        """Settings given on the command line for this run: save these values instead, unless
        the user picks another model in the window."""
        self._keep_on_save = saved

    def open_model(self, path: str) -> None:
        self._keep_on_save = {}
        self.badge.set_provider(None)
        self._update_settings(reload=True, model_path=path, labels_path=None, normalize=None, channel_order=None,
                              resize=None)

    def open_labels(self, path: str) -> None:
        self._update_settings(labels_path=path)

    @Slot(object)
    def _on_worker_model_loaded(self, loaded: LoadedModel) -> None:
        self._running = loaded
        if loaded.generation == self._generation:  # else a newer request is on its way
            self._show_model(loaded)

    def _show_model(self, loaded: LoadedModel) -> None:
        self._loaded = loaded
        self.badge.set_provider(loaded.provider, loaded.fallback)
        self.model_info.set_description(loaded.description)
        self.controls.show_providers(loaded.installed_providers, self.settings.provider)
        self.controls.show_model_preprocessing(loaded.description.preprocessing, loaded.model_defaults,
                                               self.settings.overrides)
        if self.view.image_size:
            self.outline_model_region(*self.view.image_size)
        if self.pictures.pictures and not self.capture.running:
            self.pictures.classify(self.pictures.pictures, keep_selection=True)  # the change, on the same picture
        self.live.model_changed()

    @Slot(int, object)
    def _on_worker_model_failed(self, generation: int, error) -> None:
        if generation != self._generation:
            return
        self.show_error(self.tr("The model could not be used: %1").replace("%1", describe(error)), dialog=True)
        running = self._running
        if running is not None:
            # The worker keeps running the last model that worked: make the window say so again.
            self._generation = running.generation
            self.settings = replace(self.settings, **running.settings_fields)
            self.controls.show_settings(self.settings)
            self._show_model(running)
        elif self.settings.model_path is not None:
            # Nothing loaded yet (a saved model that was moved, say): start on the bundled model.
            self._update_settings(model_path=None, labels_path=None, normalize=None, channel_order=None, resize=None)
        else:
            self.badge.set_no_model()

    @Slot(object)
    def _on_worker_inference_failed(self, error) -> None:
        self.show_error(describe(error))

    def is_current(self, generation: int) -> bool:
        return generation == self._generation

    # ---- pictures ---------------------------------------------------------------------------
    def open_paths(self, paths: list[str]) -> None:
        """A model switches the model, a label file the labels, a video plays as the camera;
        pictures and folders are classified one by one."""
        dropped = sort_paths(paths)
        for model in dropped.models[-1:]:
            self.open_model(model)
        for labels in dropped.labels[-1:]:
            self.open_labels(labels)
        if dropped.missing:
            self.show_error(self.tr("Not found: %1").replace("%1", ", ".join(Path(p).name for p in dropped.missing)))
        if dropped.empty_folders and not dropped.pictures:
            self.show_error(self.tr("No pictures in that folder"))
        if dropped.pictures:
            self.live.stop()
            self.pictures.classify(dropped.pictures)
        elif dropped.videos:
            self.live.start_video(dropped.videos[-1])

    def paste(self) -> None:
        self.pictures.paste()

    def export_csv(self, path: str | None = None) -> None:
        self.pictures.export_csv(path)



    # ---- switches ---------------------------------------------------------------------------
    def toggle_frozen(self) -> None:
        self.live.set_frozen(not self.live.frozen)

    def set_mirror(self, mirrored: bool) -> None:
        self.settings = replace(self.settings, mirror=mirrored)
        self.view.set_mirrored(mirrored and self.live.is_camera)
        self.controls.show_mirror(mirrored)

    def toggle_mirror(self) -> None:
        self.set_mirror(not self.settings.mirror)

    def next_camera(self) -> None:
        self.live.next_camera()

    def choose_video(self) -> None:
        self.live.choose_video()

    def set_presenter(self, on: bool, fullscreen: bool = True) -> None:
        self.presenter = on
        self.controls_scroll.setVisible(not on)
        self.results.setVisible(not on and len(self.pictures.pictures) > 1)
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

    def escape(self) -> None:
        """Esc: stop a running folder job first (the long work a user wants to end), else leave
        presenter mode."""
        if self.pictures.running:
            self.pictures.stop()
        else:
            self.leave_presenter()

    def _on_controls_resolution(self, resolution: tuple) -> None:
        self.settings = replace(self.settings, resolution=tuple(resolution))
        self.live.restart_with_resolution(tuple(resolution))

    def _on_controls_provider(self, kind: str, device_id) -> None:
        self.badge.set_provider(None)
        self._update_settings(provider=kind, device_id=device_id)

    def _on_controls_preprocessing(self, overrides: PreprocessOverrides) -> None:
        self._update_settings(normalize=overrides.normalize, channel_order=overrides.channel_order,
                              resize=overrides.resize)

    def _on_controls_smoothing(self, enabled: bool) -> None:
        self.settings = replace(self.settings, smoothing=enabled)
        self.service.set_smoothing(enabled)

    # ---- dialogs and files ------------------------------------------------------------------
    def choose_pictures(self) -> None:
        paths = dialogs.ask_pictures(self)
        if paths:
            self.open_paths(paths)

    def choose_folder(self) -> None:
        path = dialogs.ask_folder(self)
        if path:
            self.open_paths([path])

    def choose_model(self) -> None:
        path = dialogs.ask_model(self)
        if path:
            self.open_model(path)

    def choose_labels(self) -> None:
        path = dialogs.ask_labels(self)
        if path:
            self.open_labels(path)

    def save_screenshot(self, path: str | None = None) -> bool:
        path = path or dialogs.ask_screenshot_path(self)
        if not path:
            return False
        try:
            write_atomic(path, png_bytes(self.grab()))
        except OSError as exc:
            self.show_error(self.tr("Could not save %1").replace("%1", f"{path}: {exc.strerror or exc}"))
            return False
        self.show_status(self.tr("Saved %1").replace("%1", path))
        return True

    def show_about(self) -> None:
        from .. import __version__

        QMessageBox.about(self, APP_NAME, self.tr("%1 %2 — see what a camera or a picture contains.")
                          .replace("%1", APP_NAME).replace("%2", __version__))

    # ---- feedback ---------------------------------------------------------------------------
    def show_error(self, message: str, dialog: bool = False) -> None:
        self.statusBar().showMessage(message, STATUS_MS * 2)
        if dialog and self.isVisible() and not self.automated:
            QMessageBox.warning(self, APP_NAME, message)

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MS)

    def outline_model_region(self, width: int, height: int) -> None:
        """Outline on the picture what the model's resize policy keeps (e.g. the centre crop)."""
        if self._loaded is None:
            return
        region = region_for(width, height, self._loaded.description.preprocessing).source
        x, y, w, h = region
        self.view.set_model_region((x / width, y / height, w / width, h / height))

    def note_result(self, classification) -> None:
        """Every shown result: update the badge if the provider changed mid-stream (a GPU failed
        and the session was rebuilt on CPU), and announce the first result to automation."""
        loaded = self._loaded
        running = (classification.provider, classification.fallback)
        if loaded and running != (loaded.provider, loaded.fallback):
            self._loaded = replace(loaded, provider=running[0], fallback=running[1])
            self.badge.set_provider(*running)
            self.show_error(self.badge.reason.text())
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
        self.live.cameras.stop()
        self.live.stop(wait=True)
        self.worker_stopped = self.service.shutdown()
        self.store.save(replace(self.settings, **self._keep_on_save))
        if not self.presenter:
            self.store.save_geometry(self.saveGeometry())
        super().closeEvent(event)
