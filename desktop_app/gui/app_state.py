"""The window's one owner of state: the settings, and which model is shown.

Views and sessions never write settings themselves: they call :meth:`AppState.change` and observe
the signals. A change to a field that decides how pictures are ranked asks for a model load
(``model_requested``); the worker's answer comes back through :meth:`on_model_loaded` /
:meth:`on_model_failed`, decided by the Qt-free :class:`~desktop_app.core.model_switch.ModelSwitch`.
GUI thread only.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal, Slot

from ..core.jobs import LoadedModel
from ..core.messages import Message
from ..core.model_switch import MODEL_FIELDS, ModelSwitch, fresh_model
from ..core.settings import AppSettings


class AppState(QObject):
    settings_changed = Signal(object)  # AppSettings, after any change
    settings_restored = Signal(object)  # AppSettings put back after a failed switch: controls show them
    model_requested = Signal(object)  # ModelRequest for the worker
    model_shown = Signal(object)  # LoadedModel the window now shows (new, or restored)
    model_refused = Signal(object)  # why a switch failed (Message or text); the previous one runs on
    provider_shown = Signal(str, object)  # provider, fallback: the shown model moved provider mid-run
    no_model = Signal()  # nothing can be loaded, not even the bundled model

    def __init__(self, settings: AppSettings, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings
        self._switch = ModelSwitch()
        self._keep_on_save: dict = {}
        self._kept_after_failure = False  # the kept values are what failed to open (not --model's)

    @property
    def settings(self) -> AppSettings:
        return self._settings

    @property
    def shown(self) -> LoadedModel | None:
        """The model the window shows (its description, preprocessing, provider)."""
        return self._switch.shown

    def is_current(self, generation: int) -> bool:
        """Whether a result of model generation ``generation`` may be shown."""
        return self._switch.is_current(generation)

    def change(self, reload: bool = False, **changes) -> None:
        """The one way to change settings. Fields that decide the ranking (model, labels, provider,
        preprocessing, top-k) request a model load; ``reload`` reads the model file again."""
        if "model_path" in changes:
            self._keep_on_save = {}  # the user picked a model in the window: save that one
        elif self._kept_after_failure and "labels_path" in changes:
            # After a fallback the user picks labels for the model that runs: save what runs now.
            # The missing label file came back on every start, and the user's choice was lost.
            self._keep_on_save = {}
        self._kept_after_failure = self._kept_after_failure and bool(self._keep_on_save)
        self._settings = replace(self._settings, **changes)
        self.settings_changed.emit(self._settings)
        if reload or any(name in MODEL_FIELDS for name in changes):
            self.request_model(reload)

    def open_model(self, path: str | None, labels_path: str | None = None) -> None:
        """Open the model at ``path`` (None: the bundled one) as it comes, reading its file again;
        with its own labels unless ``labels_path`` is given."""
        self.change(reload=True, **(fresh_model(path) | {"labels_path": labels_path}))

    def request_model(self, reload: bool = False) -> None:
        self.model_requested.emit(self._switch.request(self._settings, reload))

    def keep_on_save(self, **saved) -> None:
        """Settings given on the command line for this run: save these values instead, unless the
        user picks another model in the window."""
        self._keep_on_save, self._kept_after_failure = saved, False

    def to_save(self) -> AppSettings:
        return replace(self._settings, **self._keep_on_save)

    @Slot(object)
    def on_model_loaded(self, loaded: LoadedModel) -> None:
        if self._switch.loaded(loaded):
            self.model_shown.emit(loaded)

    @Slot(int, object)
    def on_model_failed(self, generation: int, error) -> None:
        labels_failed = isinstance(error, Message) and error.code.startswith("labels.")
        outcome = self._switch.failed(generation, self._settings, labels_failed)
        if outcome.action == "ignore":
            return
        self.model_refused.emit(error)
        if outcome.action == "restore" and outcome.settings is not None:  # the last model that worked runs on
            self._settings = outcome.settings
            self.settings_changed.emit(self._settings)
            self.settings_restored.emit(self._settings)
            self.model_shown.emit(outcome.model)
        elif outcome.action in ("own_labels", "bundled"):
            # What to start with could not be opened (moved, or on a USB stick not plugged in):
            # run the model with its own labels, or the bundled one, but keep that choice saved
            # until the user picks another.
            kept = {name: getattr(self._settings, name) for name in fresh_model(None)} | self._keep_on_save
            if outcome.action == "own_labels":
                self.change(labels_path=None)
            else:
                self.open_model(None)
            self._keep_on_save, self._kept_after_failure = kept, True
        else:
            self.no_model.emit()

    @Slot(str, object)
    def on_provider_changed(self, provider: str, fallback) -> None:
        shown = self._switch.provider_changed(provider, tuple(fallback))
        if shown is not None:
            self.provider_shown.emit(provider, tuple(fallback))

