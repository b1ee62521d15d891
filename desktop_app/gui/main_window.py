"""The main window: composes the state, the views and the sessions, and wires them together.

Everything here runs on the GUI thread. Heavy work (inference, model loading, decoding, camera
opening) happens on the worker or capture threads; results arrive as queued signals. State lives in
:class:`AppState` (settings, the model shown); live sources in :class:`LiveSession`; pictures in
:class:`PictureSession`. The window itself only forwards user commands and shows what they report.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QByteArray, QTimer, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QMessageBox

from .. import APP_NAME
from ..core import paths
from ..core.dropped import sort_paths
from ..core.errors import SynsetError
from ..core.files import write_atomic
from ..core.jobs import LoadedModel
from ..core.labels import load_labels
from ..core.live_stats import LiveStats
from ..core.messages import Message
from ..core.preprocessing import PreprocessOverrides
from ..core.providers import DISPLAY_NAMES
from ..core.settings import LANGUAGES, AppSettings
from ..core.startup import mark
from . import dialogs, style
from .app_state import AppState
from .feedback import ElidingStatusBar, Feedback, Said, StageToast
from .i18n import install_language
from .key_guard import guard_controls
from .lab import LabSession
from .live import LiveSession
from .menus import build_menus, retranslate_menus
from .messages import describe
from .model_tools import ModelTools
from .pictures import PictureSession, png_bytes
from .settings_store import SettingsStore
from .topk_chart import LIGHT, PRESENTER
from .views import build_views
from .worker import InferenceService

READOUT_MS = 250  # 4 Hz: numbers that change slower than they can be read
COMPACT_STAGE_HEIGHT = 900  # window height (px) below which presenter mode is a small stage
SAVE_DELAY_MS = 1000  # settings are written this long after the last change


class MainWindow(QMainWindow):
    first_result_shown = Signal()

    def __init__(self, settings: AppSettings, store: SettingsStore, service: InferenceService):
        super().__init__()
        self.store, self.service = store, service
        self.state = AppState(settings, self)
        self.language = "en"
        self.stats = LiveStats()
        self.presenter = False
        self.worker_stopped = False
        self._shown_result = False
        self._refusal: str | None = None  # the last "model could not be used" message
        self._labels_asked: str | None = None  # a label file opened, until the model shows it
        self._model_path_shown: str | None = None
        self.saves_settings = True  # False for an unattended run (--snapshot, --run-seconds)
        self.views = build_views(self)
        self.views.picture_split.set_results_share(store.load_results_share())
        self.setStatusBar(ElidingStatusBar(self))
        self.feedback = Feedback(self.statusBar(), self, StageToast(self.views.view))
        self.live = LiveSession(service, self.state, self.views, self.stats, self.feedback, self)
        self.pictures = PictureSession(service, self.state, self.views, self.stats, self.feedback, self)
        self.lab = LabSession(service, self.state, self.views.lab, self.live, self.stats, self.feedback,
                              self.views.seen, self)
        self.tools = ModelTools(service, self.state, self.feedback, self)
        self.tools.bench_ended.connect(self.stats.restart_rates)  # 39 fps read for a 30 fps camera after it
        self.menus = build_menus(self)
        dialogs.remember_folders(settings.last_folder, self._remember_folder)
        self._key_guard = guard_controls(self, lambda: self.presenter)  # Space presses a focused button
        self.setStyleSheet(style.NORMAL)
        self.readout = QTimer(self)
        self.readout.setInterval(READOUT_MS)
        self.readout.timeout.connect(self.refresh_readout)
        # Settings are written a moment after each change, not only on close: a crash, a kill or
        # a forced logout loses nothing. One write per burst of changes (a held arrow key).
        self._save_soon = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_soon.timeout.connect(self.save_settings)
        # The normal window's place, kept as it moves (also while on stage, full screen): saved
        # with the settings, so that neither a kill nor quitting on stage loses it.
        self._normal_geometry: QByteArray | None = None
        self._wire()
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_NAME)
        self.resize(1440, 880)

    def _wire(self) -> None:
        state, worker, live, pictures = self.state, self.service.worker, self.live, self.pictures
        state.model_requested.connect(self._on_state_model_requested)
        state.model_shown.connect(self._on_state_model_shown)
        state.model_refused.connect(self._on_state_model_refused)
        state.provider_shown.connect(self._on_state_provider_shown)
        state.no_model.connect(self.badge.set_no_model)
        state.settings_restored.connect(self.controls.show_settings)
        state.settings_changed.connect(self._save_soon.start)
        self.views.picture_split.splitterMoved.connect(self._save_soon.start)  # the results' height
        worker.model_loaded.connect(state.on_model_loaded)
        worker.model_failed.connect(state.on_model_failed)
        worker.provider_changed.connect(state.on_provider_changed)
        # A slot of the window, not a lambda: a lambda runs in the thread of the object that emits,
        # and the worker lives on the inference thread (the status bar was written from there).
        live.starting.connect(pictures.clear)
        pictures.started.connect(live.stop)
        pictures.paths_pasted.connect(self.open_paths)
        live.result_shown.connect(self._on_result_shown)
        pictures.result_shown.connect(self._on_result_shown)
        pictures.result_shown.connect(lambda _result: self.refresh_readout())  # not "waiting" for 250 ms
        lab = self.lab
        lab.result_shown.connect(self._on_result_shown)
        lab.toggled.connect(lambda on: self.views.show_lab(on, self.presenter))
        pictures.picture_shown.connect(lab.picture_shown)
        live.starting.connect(lab.live_started)
        state.model_shown.connect(lab.model_shown)
        state.model_refused.connect(lab.model_refused)
        state.no_model.connect(lab.model_refused)
        c = self.controls
        c.camera_chosen.connect(live.start_camera)
        c.video_requested.connect(live.choose_video)
        c.resolution_chosen.connect(live.restart_with_resolution)
        c.mirror_toggled.connect(live.set_mirror)
        c.freeze_toggled.connect(live.set_frozen)
        c.model_requested.connect(self.choose_model)
        c.labels_requested.connect(self.choose_labels)
        c.provider_chosen.connect(self._on_controls_provider)
        c.top_k_chosen.connect(lambda k: state.change(top_k=k))
        c.preprocessing_chosen.connect(self._on_controls_preprocessing)
        c.smoothing_toggled.connect(self._on_controls_smoothing)
        c.language_chosen.connect(self.set_language)

    # ---- the views, by name (menus, automation and tests use them) ------------------------
    @property
    def view(self):
        return self.views.view

    @property
    def chart(self):
        return self.views.chart

    @property
    def badge(self):
        return self.views.badge

    @property
    def model_info(self):
        return self.views.model_info

    @property
    def latency(self):
        return self.views.latency

    @property
    def controls(self):
        return self.views.controls

    @property
    def results(self):
        return self.views.results

    @property
    def controls_scroll(self):
        return self.views.controls_scroll

    @property
    def settings(self) -> AppSettings:
        return self.state.settings

    @property
    def automated(self) -> bool:
        return self.feedback.automated

    @automated.setter
    def automated(self, value: bool) -> None:
        self.feedback.automated = value  # no modal dialogs in unattended runs and tests

    @property
    def capture(self):
        return self.live.capture

    @property
    def frozen(self) -> bool:
        return self.live.frozen

    # ---- start -------------------------------------------------------------------------------
    def start(self) -> None:
        """After show(): apply settings, load the model, watch cameras."""
        self.controls.show_settings(self.settings)
        self.service.set_smoothing(self.settings.smoothing)
        self.state.request_model()
        self.live.cameras.start()
        self.readout.start()
        self.retranslate()

    def start_video(self, path: str) -> None:
        self.live.start_video(path)

    def start_camera(self, camera) -> None:
        self.live.start_camera(camera)

    def keep_on_save(self, **saved) -> None:
        self.state.keep_on_save(**saved)

    # ---- language ---------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        self.language = install_language(language)
        self.state.change(language=language)
        self.controls.show_language(self.language)
        self.retranslate()  # now, not when the posted LanguageChange event arrives

    def next_language(self) -> None:
        """The other language (Ctrl+Shift+L): a presenter switches on stage, where the list is hidden."""
        languages = list(LANGUAGES)
        current = self.language if self.language in languages else languages[0]
        self.set_language(languages[(languages.index(current) + 1) % len(languages)])

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        retranslate_menus(self.menus)
        self._set_placeholder()
        self.view.set_badge(self.tr("Frozen") if self.frozen else "")
        self.chart.empty_text = self.tr("No prediction yet")
        self.chart.setAccessibleName(self.tr("Ranking"))
        self.chart.describe()  # "No prediction yet", in the new language
        self.view.setAccessibleName(self.tr("Picture"))
        for widget in (self.controls, self.badge, self.model_info, self.latency, self.results, self.views.lab):
            widget.retranslate()
        self.tools.retranslate()
        self.lab.retranslate()  # after the lab's panel: the large view takes its titles
        self.feedback.retranslate()
        self.view.update()
        self.chart.update()

    def _set_placeholder(self) -> None:
        if self.presenter:  # the controls are hidden on stage: only keys help there
            self.view.placeholder = self.tr(
                "Drop pictures, a folder or an .onnx model here.\n"
                "Ctrl+O opens pictures, C the next camera, Esc leaves presenter mode."
            )
        else:
            self.view.placeholder = self.tr(
                "Drop pictures, a folder or an .onnx model here — or pick a camera on the left.\n"
                "Ctrl+O opens pictures, Ctrl+V pastes one, F11 is presenter mode."
            )
        self.view.update()

    # ---- model ------------------------------------------------------------------------------
    def open_model(self, path: str | None, keep_labels: bool = False, labels_follow: bool = False) -> None:
        """Open the model at ``path`` (None: the bundled one) with its own labels and preprocessing;
        ``keep_labels``: the user's label file stays (the model has the same classes). A label file
        that goes is named in the status bar (``labels_follow``: another comes with the model)."""
        self._drop_refusal()
        self.badge.set_provider(None)
        labels = self.settings.labels_path
        self.state.open_model(path, labels_path=labels if keep_labels else None)
        if labels and not keep_labels and not labels_follow:
            self.show_status(lambda: self.tr("The model's own labels now, not %1 (it named the last model's classes)")
                             .replace("%1", Path(labels).name))

    def use_fast_model(self) -> None:
        """The bundled model's int8 variant: about twice as fast on a CPU (see README). It has the
        same classes: a label file of the user's (Chinese names, say) stays."""
        self.open_model(str(paths.int8_model_path()), keep_labels=True)

    def use_bundled_model(self) -> None:
        self.open_model(None, keep_labels=True)

    def open_labels(self, path: str) -> None:
        self._drop_refusal()
        self._labels_asked = path
        self.state.change(labels_path=path)

    def _labels_fit(self, path: str) -> bool:
        """A .txt dropped with pictures is taken as labels only if it names this model's classes:
        a notes.txt selected with a folder's photos became the labels ("shopping list 1.3%").
        Alone, any label file is taken (with a warning if its count is off)."""
        shown = self.state.shown
        if shown is None:
            return True  # no model yet to compare with
        d = shown.description
        classes = d.classes - 1 if d.background_class else d.classes
        try:
            names = len(load_labels(path))
        except SynsetError as exc:
            reason = describe(exc)
        else:
            if names == classes:
                return True
            reason = (self.tr("%1 names for this model's %2 classes").replace("%1", str(names))
                      .replace("%2", str(classes)))
        self.show_status(self.tr("%1 was not taken as labels: %2 (drop it alone to use it anyway)")
                         .replace("%1", Path(path).name).replace("%2", reason))
        return False

    def _remember_folder(self, folder: str) -> None:
        """A file dialog was left in ``folder``: the next one opens there, also after a restart."""
        self.state.change(last_folder=folder)

    def _drop_refusal(self) -> None:
        """The user opens another model or labels: why the last ones were refused no longer holds
        (it stayed 16 s beside the model that then ran). A fallback the app makes itself keeps it."""
        if self._refusal is not None:
            self.feedback.clear(self._refusal)
            self._refusal = None

    @Slot(object)
    def _on_state_model_requested(self, request) -> None:
        # A picture job queued on the worker would delay the switch: stop it; the pictures are
        # ranked again, from memory, when the model reports back. A benchmark of a model or
        # provider being left stops too: the switch waited for all of it, with nothing said (7 s
        # here for two CPU plans; longer with every accelerator in the plan). A change of labels,
        # top-k or preprocessing keeps the session, and the benchmark runs on.
        self.service.cancel("pictures")
        shown = self.state.shown
        if shown is None or not request.same_session(shown.request):
            self.tools.stop_bench_for_another_model()
        else:
            self.tools.say_a_change_waits()
        self.service.load(request)

    @Slot(object)
    def _on_state_model_shown(self, loaded: LoadedModel) -> None:
        if self._labels_asked is not None and loaded.description.labels_path == self._labels_asked:
            # Said: an earlier "notes.txt was not taken as labels" stayed up after it was taken.
            labels = Path(self._labels_asked).name
            self.show_status(lambda: self.tr("Labels from %1").replace("%1", labels))
        self._labels_asked = None
        if self.presenter and self._model_path_shown not in (None, loaded.description.path):
            # On stage the model's details step aside: a switch (the fast variant, mid-lab) said nothing
            self.show_status(lambda: self.tr("Now running %1").replace("%1", loaded.description.name))
        self._model_path_shown = loaded.description.path
        self.stats.forget_stages()
        self.latency.show_stats(self.stats, self.capture.running, self._playing_video())
        self.badge.set_provider(loaded.provider, loaded.fallback)
        self.badge.set_warnings(loaded.description.warnings)
        self.model_info.set_description(loaded.description)
        self.controls.show_providers(loaded.installed_providers, self.settings.provider)
        self.controls.show_model_preprocessing(loaded.description.preprocessing, loaded.model_defaults,
                                               self.settings.overrides)
        if self.view.image_size:
            self.views.outline_model_region(loaded.description, *self.view.image_size)
        if self.pictures.entries and not self.capture.running:
            self.pictures.rank_again()  # the change, on the same pictures, without reading them again
        self.live.rank_frozen_frame()

    @Slot(object)
    def _on_state_model_refused(self, error) -> None:
        labels = isinstance(error, Message) and error.code.startswith("labels.")  # the model itself runs on
        template = (self.tr("The label file could not be used: %1") if labels
                    else self.tr("The model could not be used: %1"))
        self._refusal = template.replace("%1", describe(error))
        self.show_error(self._refusal, dialog=True)

    @Slot(str, object)
    def _on_state_provider_shown(self, provider: str, fallback) -> None:
        """The session moved to another provider mid-run (a GPU failed): the badge says so."""
        self.badge.set_provider(provider, fallback)
        self.show_error(self.badge.reason.text())

    def _on_result_shown(self, _classification) -> None:
        if not self._shown_result:
            mark("first_result")
            self._shown_result = True
            self.first_result_shown.emit()

    # ---- pictures ---------------------------------------------------------------------------
    def open_paths(self, paths: list[str]) -> None:
        """A model switches the model, a label file the labels, a video plays as the camera;
        pictures and folders are ranked one by one."""
        dropped = sort_paths(paths)
        for model in dropped.models[-1:]:
            self.open_model(model, labels_follow=bool(dropped.labels))
        for labels in dropped.labels[-1:]:
            if (dropped.pictures or dropped.videos) and not dropped.models and not self._labels_fit(labels):
                continue
            self.open_labels(labels)
        if dropped.missing:
            missing = ", ".join(Path(p).name for p in dropped.missing)
            self.show_error(lambda: self.tr("Not found: %1").replace("%1", missing))
        if dropped.nested_folders and not dropped.pictures:
            self.show_error(lambda: self.tr("No pictures in that folder (its subfolders are not opened)"))
        elif dropped.empty_folders and not dropped.pictures:
            self.show_error(lambda: self.tr("No pictures in that folder"))
        if dropped.pictures:
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
        self.live.set_mirror(mirrored)

    def toggle_mirror(self) -> None:
        self.live.set_mirror(not self.settings.mirror)

    def next_camera(self) -> None:
        self.live.next_camera()

    def choose_video(self) -> None:
        self.live.choose_video()

    def set_presenter(self, on: bool, fullscreen: bool = True) -> None:
        self.presenter = on
        self.controls_scroll.setVisible(not on)
        self.pictures.set_presenter(on)
        self.menuBar().setVisible(not on)
        self.setStyleSheet(style.presenter_sheet() if on else style.NORMAL)
        self.chart.set_presentation(PRESENTER if on else LIGHT, style.PRESENTER_FONT_SCALE if on else 1.0)
        self.views.lab.set_presentation(PRESENTER if on else LIGHT, style.PRESENTER_LAB_FONT_SCALE if on else 1.0, on)
        self.views.show_lab(self.lab.active, on)
        self.badge.set_stage(on)
        self.latency.reserve_live_lines(on)
        for name in ("next_picture", "previous_picture"):
            self.menus.actions[name].setEnabled(on)
        self._fit_stage()
        self.statusBar().setVisible(not on)  # on stage, messages float over the picture instead
        self.feedback.set_stage(on)
        self.view.background = PRESENTER.background if on else LIGHT.text.darker(300)
        self.view.set_text_scale(style.PRESENTER_VIEW_TEXT_SCALE if on else 1.0)
        self._set_placeholder()  # it names other keys on stage
        # Once the new style is applied (it is, on the next turn of the event loop): the columns'
        # shares as if shown afresh
        QTimer.singleShot(0, self, self.views.refit)  # not after the window is gone
        if on and fullscreen:
            self.showFullScreen()
        elif not on and self.isFullScreen():
            self.showNormal()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_stage()
        self._keep_geometry()

    def moveEvent(self, event) -> None:
        super().moveEvent(event)
        self._keep_geometry()

    def _keep_geometry(self) -> None:
        if self.presenter or self.isFullScreen() or self.isMinimized() or not self.isVisible():
            return
        self._normal_geometry = self.saveGeometry()
        if self.saves_settings:
            self._save_soon.start()

    def _playing_video(self) -> bool:
        spec = self.capture.spec
        return bool(self.capture.running and spec is not None and spec.video_path)

    def _fit_stage(self) -> None:
        """GUI thread. On a small stage (a 720p or 768p projector) the ranking is what the audience
        reads: the model's details, the latency read-out and the lab's text drop to a smaller size,
        so that the rankings keep more of the height and the lab's caption stays in view."""
        compact = self.presenter and self.height() < COMPACT_STAGE_HEIGHT
        for detail in (self.model_info, self.latency, self.views.lab, self.badge.warning, self.badge.reason):
            style.set_style_property(detail, "compact", compact)

    def toggle_presenter(self) -> None:
        self.set_presenter(not self.presenter)

    def leave_presenter(self) -> None:
        if self.presenter:
            self.set_presenter(False)

    def inspect_model(self) -> None:
        self.tools.inspect()

    def show_bench(self) -> None:
        self.tools.show_bench()

    def run_bench(self, iterations: int = 100) -> None:
        self.tools.run_bench(iterations)

    def toggle_lab(self) -> None:
        self.lab.toggle()

    def toggle_seen(self) -> None:
        self.lab.toggle_seen()

    def next_pitfall(self) -> None:
        self.lab.step(+1)

    def previous_pitfall(self) -> None:
        self.lab.step(-1)

    def page_down(self) -> None:
        """A clicker's Page Down: the next pitfall. On stage, outside the lab, with a folder
        shown, the next picture: the clicker is a presenter's only way through the photos."""
        if not (self.presenter and not self.lab.active and self.pictures.step(+1)):
            self.lab.step(+1)

    def page_up(self) -> None:
        if not (self.presenter and not self.lab.active and self.pictures.step(-1)):
            self.lab.step(-1)

    def next_picture(self) -> None:
        """↓ or → on stage (enabled there only): the next picture of the folder, whose list is hidden."""
        self._step_pictures(+1)

    def previous_picture(self) -> None:
        self._step_pictures(-1)

    def _step_pictures(self, delta: int) -> None:
        if not self.pictures.step(delta):  # a key that did nothing said nothing either
            self.show_status(lambda: self.tr("The arrow keys step through a folder of pictures; none is open"))

    def escape(self) -> None:
        """Esc: stop a picture job the user started first (the long work a user wants to end),
        else leave presenter mode. A re-rank after a settings change is not stopped: stopping it
        keeps only what it re-ranked so far, and the rest of the folder would be gone."""
        if self.pictures.running and self.pictures.user_started:
            self.pictures.stop()
        elif self.presenter:
            self.leave_presenter()
        elif self.pictures.running:  # else Esc did nothing and said nothing
            self.show_status(lambda: self.tr("The pictures are ranked again with the new settings; that is not "
                                     "stopped, or the rest of the folder would be lost"))

    def _on_controls_provider(self, kind: str, device_id) -> None:
        self.badge.set_provider(None)
        self.state.change(provider=kind, device_id=device_id)

    def _on_controls_preprocessing(self, overrides: PreprocessOverrides) -> None:
        self.state.change(normalize=overrides.normalize, channel_order=overrides.channel_order,
                          resize=overrides.resize)

    def _on_controls_smoothing(self, enabled: bool) -> None:
        self.state.change(smoothing=enabled)
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
        self.show_status(lambda: self.tr("Saved %1").replace("%1", path))
        return True

    def show_about(self) -> None:
        QMessageBox.about(self, APP_NAME, self.about_text())

    def about_text(self) -> str:
        """What runs, by version (the first thing asked when a GPU misbehaves), and the licences."""
        import platform
        import sys

        from PySide6 import __version__ as pyside_version

        from .. import __version__

        shown = self.state.shown
        lines = [
            self.tr("%1 %2 — see what a camera or a picture contains.").replace("%1", APP_NAME)
            .replace("%2", __version__),
            "",
            _runtime_line(self.tr("ONNX Runtime %1 (%2)"), sys.modules.get("onnxruntime")),
            self.tr("Running on: %1").replace("%1", DISPLAY_NAMES.get(shown.provider, shown.provider))
            if shown is not None else "",
            f"Qt {pyside_version}, Python {platform.python_version()}",
            "",
            self.tr("Synset is Apache-2.0 licensed; the bundled EfficientNet-Lite0 weights are Apache-2.0 "
                    "(README: Licences and provenance)."),
        ]
        return "<br>".join(html.escape(line) for line in lines)

    # ---- feedback ---------------------------------------------------------------------------
    def show_error(self, message: Said, dialog: bool = False) -> None:
        self.feedback.error(message, dialog)

    def show_status(self, message: Said) -> None:
        self.feedback.status(message)

    def refresh_readout(self) -> None:
        """Readout timer (4 Hz): counters sampled from their owners, text laid out once."""
        self.stats.frames_dropped = self.service.frames_dropped
        self.stats.frames_shown = self.view.frames_painted
        if self.capture.running:
            self.stats.source_delivered(*self.capture.delivered)
        self.latency.show_stats(self.stats, self.capture.running, self._playing_video())

    # ---- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        if self.pictures.open_mime(event.mimeData()):
            event.acceptProposedAction()

    # ---- shutdown ---------------------------------------------------------------------------
    def save_settings(self) -> bool:
        """Write the settings now (GUI thread); if the file cannot be written, the status bar says
        so (the previous file stays whole) and False is returned."""
        if not self.saves_settings:
            return True
        saved = self.store.save(self.state.to_save())
        if self._normal_geometry is not None:
            saved = self.store.save_geometry(self._normal_geometry) and saved
        saved = self.store.save_results_share(self.views.picture_split.results_share) and saved
        if not saved:
            file_name = self.store.file_name
            self.feedback.error(lambda: self.tr("Could not save the settings to %1").replace("%1", file_name))
        return saved

    def closeEvent(self, event) -> None:
        """Stop camera, stop worker (bounded wait), then save settings."""
        self.readout.stop()
        self.live.cameras.stop()
        self.live.stop(wait=True)
        self.worker_stopped = self.service.shutdown()
        self._keep_geometry()
        self._save_soon.stop()
        self.save_settings()
        super().closeEvent(event)

    # The inspector and the benchmark page, by name (tests and automation use them).
    @property
    def inspector(self):
        return self.tools.inspector

    @property
    def bench(self):
        return self.tools.bench


def _runtime_line(template: str, ort) -> str:
    """"ONNX Runtime 1.32.0 (CPU, Azure)": the version and what it lists. Read from the module the
    worker imported (never imported here: on Windows it must load before Qt, at start)."""
    if ort is None:
        return template.replace("%1", "—").replace("%2", "—")
    listed = ", ".join(name.removesuffix("ExecutionProvider") for name in ort.get_available_providers())
    return template.replace("%1", ort.__version__).replace("%2", listed)
