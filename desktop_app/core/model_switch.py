"""Which model the window asked for, which one it shows, and which one the worker really runs.

A switch can fail (a broken file, labels that cannot be read) while the worker keeps running the
previous model; requests overtake each other (the user flips three settings in a second). This
class keeps the three apart and says what to do when the worker reports back. No Qt: the window's
state object calls it on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .jobs import LoadedModel, ModelRequest
from .settings import AppSettings

MODEL_FIELDS = ("model_path", "labels_path", "provider", "device_id", "top_k", "normalize", "channel_order",
                "resize")


def fresh_model(path: str | None) -> dict[str, Any]:
    """The settings that open the model at ``path`` (None: the bundled one) as it comes: its own
    labels and its own preprocessing."""
    return {"model_path": path, "labels_path": None, "normalize": None, "channel_order": None, "resize": None}


@dataclass(frozen=True)
class Failure:
    """What to do after a failed switch.

    ``action``: "ignore" (an older request failed; a newer one is on its way), "restore" (show the
    model that still runs, and the settings it was loaded with), "own_labels" (nothing runs yet and
    the saved label file is gone: the same model with its own labels), "bundled" (nothing runs yet,
    e.g. a saved model that was moved: ask for the bundled model), or "none" (not even that works).
    """

    action: str
    settings: AppSettings | None = None
    model: LoadedModel | None = None


class ModelSwitch:
    def __init__(self):
        self.generation = 0
        self.shown: LoadedModel | None = None  # what the window shows
        self.running: LoadedModel | None = None  # what the worker runs (may be newer than shown)

    def request(self, settings: AppSettings, reload: bool = False) -> ModelRequest:
        """A new request for ``settings``; every result of an older one is stale from now on."""
        self.generation += 1
        return ModelRequest(self.generation, settings.model_path, settings.labels_path, settings.overrides,
                            settings.provider_choice, settings.top_k, reload)

    def is_current(self, generation: int) -> bool:
        return generation == self.generation

    def loaded(self, loaded: LoadedModel) -> bool:
        """The worker now runs ``loaded``; True if the window should show it (it is the newest)."""
        self.running = loaded
        if loaded.generation != self.generation:
            return False
        self.shown = loaded
        return True

    def failed(self, generation: int, settings: AppSettings, labels_failed: bool = False) -> Failure:
        """Request ``generation`` failed while the window's settings are ``settings``;
        ``labels_failed``: because of its label file (the model itself could be read)."""
        if generation != self.generation:
            return Failure("ignore")
        running = self.running
        if running is not None:
            self.generation = running.generation  # its results count again
            self.shown = running
            return Failure("restore", replace(settings, **running.settings_fields), running)
        if labels_failed and settings.labels_path is not None:
            return Failure("own_labels", replace(settings, labels_path=None))
        bundled = replace(settings, **fresh_model(None))
        if settings != bundled:
            return Failure("bundled", bundled)
        return Failure("none")

    def provider_changed(self, provider: str, fallback: tuple) -> LoadedModel | None:
        """The running session moved to another provider (a GPU failed mid-run): the shown model
        with the provider that really runs, or None if nothing changed for the window."""
        shown = self.shown
        if shown is None or (shown.provider, shown.fallback) == (provider, tuple(fallback)):
            return None
        self.shown = replace(shown, provider=provider, fallback=tuple(fallback))
        if self.running is not None and self.running.generation == shown.generation:
            self.running = self.shown
        return self.shown
