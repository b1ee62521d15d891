"""Widget tests: real widgets on Qt's offscreen platform, the real model, isolated settings."""

from __future__ import annotations

import gc

import pytest

from desktop_app.core.settings import AppSettings
from desktop_app.gui.i18n import install_language
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.settings_store import SettingsStore
from desktop_app.gui.worker import InferenceService
from tests.gui.helpers import settled

LOAD_TIMEOUT_MS = 30_000


@pytest.fixture
def settings_path(tmp_path):
    return str(tmp_path / "settings.ini")


@pytest.fixture
def make_window(qtbot, settings_path):
    """A shown main window whose model has loaded; closed (and its threads stopped) afterwards."""
    windows = []

    def make(settings: AppSettings | None = None) -> MainWindow:
        store = SettingsStore(settings_path)
        service = InferenceService()
        window = MainWindow(settings or AppSettings(language="en"), store, service)
        window.automated = True  # no modal dialogs in tests
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        with settled(qtbot, service.worker.model_loaded, LOAD_TIMEOUT_MS):
            window.start()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
    windows.clear()
    install_language("en")  # a test that switched to Chinese leaves the next one in English
    # Collect the closed windows' reference cycles here, on the GUI thread: left to chance, Python
    # may collect them on a capture thread of a later test, and Qt objects must die on their own.
    gc.collect()
