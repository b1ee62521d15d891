"""The side panel: source, model, provider, top-k, preprocessing and display switches.

Emits what the user chose (values, never indexes); programmatic updates use ``show_*`` methods
and emit nothing, so there are no feedback loops.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.preprocessing import (
    CHANNEL_ORDERS,
    NORMALIZE_PRESETS,
    RESIZE_POLICIES,
    SOURCE_MODEL,
    PreprocessConfig,
    PreprocessOverrides,
)
from ..core.providers import DISPLAY_NAMES
from ..core.settings import MAX_TOP_K, AppSettings
from ..core.sources import CameraInfo
from .style import set_style_property
from .wheel_guard import guard_value_controls

RESOLUTIONS = ((640, 480), (1280, 720), (1920, 1080))
_PRESET_FIELDS = ("normalize", "channel_order", "resize")


class ControlsPanel(QWidget):
    camera_chosen = Signal(object)  # CameraInfo
    video_requested = Signal()
    resolution_chosen = Signal(tuple)
    mirror_toggled = Signal(bool)
    freeze_toggled = Signal(bool)
    model_requested = Signal()
    labels_requested = Signal()
    provider_chosen = Signal(str, object)  # kind, device id or None
    top_k_chosen = Signal(int)
    preprocessing_chosen = Signal(object)  # PreprocessOverrides
    smoothing_toggled = Signal(bool)
    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("controls")
        self._overrides = PreprocessOverrides()
        self._model_config: PreprocessConfig | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_source())
        layout.addWidget(self._build_model())
        layout.addWidget(self._build_preprocessing())
        layout.addWidget(self._build_display())
        layout.addStretch(1)
        for form in self.findChildren(QFormLayout):
            _name_fields(form)
        self._wheel_guard = guard_value_controls(self)  # the panel scrolls: a passing wheel changes nothing
        self.retranslate()

    # ---- construction -------------------------------------------------------------------------
    def _build_source(self) -> QGroupBox:
        self.source_box = QGroupBox()
        form = QFormLayout(self.source_box)
        self.camera = QComboBox()
        self.camera.activated.connect(self._on_camera_activated)
        self.resolution = QComboBox()
        for w, h in RESOLUTIONS:
            self.resolution.addItem(f"{w} × {h}", (w, h))
        self.resolution.activated.connect(lambda i: self.resolution_chosen.emit(self.resolution.itemData(i)))
        self.video = QPushButton()
        self.video.clicked.connect(self.video_requested)
        self.mirror = QCheckBox()
        self.mirror.toggled.connect(self.mirror_toggled)
        self.freeze = QPushButton()
        self.freeze.setCheckable(True)
        self.freeze.toggled.connect(self.freeze_toggled)
        self.camera_label, self.resolution_label = QLabel(), QLabel()
        form.addRow(self.camera_label, self.camera)
        form.addRow(self.resolution_label, self.resolution)
        form.addRow(self.video)
        row = QHBoxLayout()
        row.addWidget(self.mirror)
        row.addWidget(self.freeze)
        form.addRow(row)
        return self.source_box

    def _build_model(self) -> QGroupBox:
        self.model_box = QGroupBox()
        form = QFormLayout(self.model_box)
        buttons = QHBoxLayout()
        self.open_model, self.open_labels = QPushButton(), QPushButton()
        self.open_model.clicked.connect(self.model_requested)
        self.open_labels.clicked.connect(self.labels_requested)
        buttons.addWidget(self.open_model)
        buttons.addWidget(self.open_labels)
        form.addRow(buttons)
        self.provider = QComboBox()
        self.provider.activated.connect(self._emit_provider)
        self.adapter = QSpinBox()
        self.adapter.setRange(0, 7)
        self.adapter.valueChanged.connect(self._emit_provider)
        self.top_k = QSpinBox()
        self.top_k.setRange(1, MAX_TOP_K)
        self.top_k.valueChanged.connect(self.top_k_chosen)
        self.provider_label, self.adapter_label, self.top_k_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.provider_label, self.provider)
        form.addRow(self.adapter_label, self.adapter)
        form.addRow(self.top_k_label, self.top_k)
        return self.model_box

    def _build_preprocessing(self) -> QGroupBox:
        self.pre_box = QGroupBox()
        form = QFormLayout(self.pre_box)
        self.preset_combos: dict[str, QComboBox] = {}
        self.preset_labels: dict[str, QLabel] = {}
        for name, values in zip(_PRESET_FIELDS, (NORMALIZE_PRESETS, CHANNEL_ORDERS, RESIZE_POLICIES), strict=True):
            combo = QComboBox()
            for value in values:
                combo.addItem(value, value)
            combo.activated.connect(lambda _i, n=name: self._on_preset_activated(n))
            self.preset_combos[name] = combo
            self.preset_labels[name] = QLabel()
            form.addRow(self.preset_labels[name], combo)
        self.default_marker = QLabel()
        self.default_marker.setObjectName("defaultMarker")
        self.default_marker.setWordWrap(True)  # "Changed from the model default" + button widened the panel
        self.reset_preprocessing = QPushButton()
        self.reset_preprocessing.clicked.connect(lambda: self._set_overrides(PreprocessOverrides()))
        row = QHBoxLayout()
        row.addWidget(self.default_marker, 1)
        row.addWidget(self.reset_preprocessing)
        form.addRow(row)
        return self.pre_box

    def _build_display(self) -> QGroupBox:
        self.display_box = QGroupBox()
        form = QFormLayout(self.display_box)
        self.smoothing = QCheckBox()
        self.smoothing.toggled.connect(self.smoothing_toggled)
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("繁體中文", "zh_TW")
        self.language.activated.connect(lambda i: self.language_chosen.emit(self.language.itemData(i)))
        self.language_label = QLabel()
        form.addRow(self.smoothing)
        form.addRow(self.language_label, self.language)
        return self.display_box

    # ---- text -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.source_box.setTitle(self.tr("Source"))
        self.camera_label.setText(self.tr("Camera"))
        self.resolution_label.setText(self.tr("Resolution"))
        self.video.setText(self.tr("Play a video file instead…"))
        self.mirror.setText(self.tr("Mirror (M)"))
        self.freeze.setText(self.tr("Freeze (Space)"))
        self.model_box.setTitle(self.tr("Model"))
        self.open_model.setText(self.tr("Open model…"))
        self.open_labels.setText(self.tr("Open labels…"))
        self.provider_label.setText(self.tr("Run on"))
        self.adapter_label.setText(self.tr("GPU adapter"))
        self.top_k_label.setText(self.tr("Top-k"))
        self.pre_box.setTitle(self.tr("Preprocessing"))
        self.preset_labels["normalize"].setText(self.tr("Normalisation"))
        self.preset_labels["channel_order"].setText(self.tr("Channel order"))
        self.preset_labels["resize"].setText(self.tr("Resize"))
        self.reset_preprocessing.setText(self.tr("Use model default"))
        self.display_box.setTitle(self.tr("Display"))
        self.smoothing.setText(self.tr("Smooth the bars"))
        self.language_label.setText(self.tr("Language"))
        if self.provider.count():
            self.provider.setItemText(0, self.tr("Auto (best that works)"))
        if self._model_config is not None:
            for name, combo in self.preset_combos.items():
                self._mark_default(combo, getattr(self._model_config, name))
        self._show_marker()
        self._relabel_empty_camera_list()

    # ---- programmatic state (no signals) ------------------------------------------------------
    def show_settings(self, settings: AppSettings) -> None:
        with _Quiet(self):
            self._select(self.resolution, tuple(settings.resolution))
            self.mirror.setChecked(settings.mirror)
            self.top_k.setValue(settings.top_k)
            self.smoothing.setChecked(settings.smoothing)
            self.adapter.setValue(settings.device_id or 0)
            self._overrides = settings.overrides
            self._select(self.provider, settings.provider)

    def show_language(self, language: str) -> None:
        with _Quiet(self):
            self._select(self.language, language)

    def show_providers(self, kinds: tuple[str, ...], current: str) -> None:
        with _Quiet(self):
            self.provider.clear()
            self.provider.addItem(self.tr("Auto (best that works)"), "auto")
            for kind in kinds:
                self.provider.addItem(DISPLAY_NAMES[kind], kind)
            if current != "auto" and current not in kinds:
                # The saved choice is not in this ONNX Runtime (settings from a GPU machine): show
                # it as chosen and missing, as the badge's fallback says, rather than "Auto".
                self.provider.addItem(self.tr("%1 (not installed)").replace("%1", DISPLAY_NAMES.get(current, current)),
                                      current)
            self._select(self.provider, current)
        self._update_adapter_visibility()

    def show_model_preprocessing(self, config: PreprocessConfig, defaults: PreprocessConfig,
                                 overrides: PreprocessOverrides) -> None:
        """Select the values in force and mark the model's own (``defaults``) in each list."""
        self._model_config, self._overrides = defaults, overrides
        # A uint8 input fixes the normalisation (raw pixels): nothing to choose, and it says why.
        fixed = config.sources.get("normalize") == SOURCE_MODEL
        normalize = self.preset_combos["normalize"]
        normalize.setEnabled(not fixed)
        normalize.setToolTip(self.tr("This model takes raw 8-bit pixels: they are never normalised") if fixed else "")
        with _Quiet(self):
            for name, combo in self.preset_combos.items():
                self._mark_default(combo, getattr(defaults, name))
                self._select(combo, getattr(config, name))
        self._show_marker()

    def _mark_default(self, combo: QComboBox, default: str) -> None:
        for i in range(combo.count()):
            value = combo.itemData(i)
            text = value if value != default else self.tr("%1 (model)").replace("%1", value)
            combo.setItemText(i, text)

    def show_cameras(self, cameras: list[CameraInfo], current: CameraInfo | str | None) -> None:
        """List ``cameras`` and select ``current`` (the camera, or a saved name: its first match).
        Cameras of the same name are numbered: "USB Camera", "USB Camera (2)"."""
        with _Quiet(self):
            self.camera.clear()
            seen: dict[str, int] = {}
            for camera in cameras:
                seen[camera.label] = seen.get(camera.label, 0) + 1
                text = camera.label if seen[camera.label] == 1 else f"{camera.label} ({seen[camera.label]})"
                self.camera.addItem(text, camera)
            self.camera.setEnabled(bool(cameras))
            matches = (i for i, c in enumerate(cameras) if current in (c, c.name))
            self.camera.setCurrentIndex(next(matches, -1))
        self._relabel_empty_camera_list()

    def show_frozen(self, frozen: bool) -> None:
        with _Quiet(self):
            self.freeze.setChecked(frozen)

    def show_mirror(self, mirrored: bool) -> None:
        with _Quiet(self):
            self.mirror.setChecked(mirrored)

    # ---- user actions ------------------------------------------------------------------------
    def _on_camera_activated(self, index: int) -> None:
        camera = self.camera.itemData(index)
        if camera is not None:
            self.camera_chosen.emit(camera)

    def _emit_provider(self, *_args) -> None:
        self._update_adapter_visibility()
        kind = self.provider.currentData() or "auto"
        device = self.adapter.value() if kind in ("directml", "cuda") else None
        self.provider_chosen.emit(kind, device)

    def _on_preset_activated(self, name: str) -> None:
        value = self.preset_combos[name].currentData()
        model_value = getattr(self._model_config, name, None)
        overrides = dict(vars(self._overrides))
        # Picking the model's own value again clears the override (back to "model default").
        overrides[name] = None if value == model_value else value
        self._set_overrides(PreprocessOverrides(**overrides))

    def _set_overrides(self, overrides: PreprocessOverrides) -> None:
        self._overrides = overrides
        self._show_marker()
        self.preprocessing_chosen.emit(overrides)

    def _show_marker(self) -> None:
        default = not self._overrides.as_dict()
        self.default_marker.setText(self.tr("✓ Model default") if default
                                    else self.tr("Changed from the model default"))
        set_style_property(self.default_marker, "overridden", not default)
        self.reset_preprocessing.setEnabled(not default)

    def _update_adapter_visibility(self) -> None:
        gpu = self.provider.currentData() in ("directml", "cuda")
        self.adapter.setVisible(gpu)
        self.adapter_label.setVisible(gpu)

    def _relabel_empty_camera_list(self) -> None:
        if self.camera.count() == 0:
            self.camera.setPlaceholderText(self.tr("No camera found"))
        else:
            self.camera.setPlaceholderText(self.tr("Pick a camera"))

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        # Compare in Python: findData() cannot match tuples or CameraInfo through QVariant.
        for index in range(combo.count()):
            if combo.itemData(index) == value:
                combo.setCurrentIndex(index)
                return


class _Quiet:
    """Block the panel's signals while it is updated from code."""

    def __init__(self, panel: QWidget):
        self._widgets = panel.findChildren(QWidget)

    def __enter__(self):
        self._blocked = [w.blockSignals(True) for w in self._widgets]

    def __exit__(self, *exc):
        for widget, was in zip(self._widgets, self._blocked, strict=True):
            widget.blockSignals(was)


def _name_fields(form: QFormLayout) -> None:
    """Each row's label becomes its field's buddy: a screen reader then names the list "Camera"
    or "Top-k" (it read a bare "combo box")."""
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        name = label.widget() if label is not None else None
        widget = field.widget() if field is not None else None
        if isinstance(name, QLabel) and widget is not None:
            name.setBuddy(widget)
