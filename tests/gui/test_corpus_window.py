"""The corpus of bad and odd inputs dropped on the window: each picture gets its result or its
error, each model and label file loads or is refused with a message, and the window keeps working."""

from __future__ import annotations

import os

import pytest

from desktop_app.core import paths as paths_module
from tests.corpus import build
from tests.gui.helpers import drop, settled


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build(tmp_path_factory.mktemp("corpus"))


def test_dropped_pictures_each_get_a_result_or_a_reason(make_window, qtbot, corpus):
    window = make_window()
    cases = [c for c in corpus if c.kind == "picture"]
    with settled(qtbot, window.service.worker.job_finished, 120_000):
        drop(window, [c.path for c in cases])
    shown = {r.path: r for r in window.results.results}
    listed = [c for c in cases if os.path.exists(c.path)]  # a dangling link is "Not found" at once
    assert len(shown) == len(listed)
    for case in listed:
        result = shown[str(case.path)]
        assert (result.classification is not None) == case.ok, (case.name, result.error)
        if result.image is not None:
            assert max(result.image.shape[:2]) <= 1280  # display-sized copies only
    assert "Not found" in window.statusBar().currentMessage() or window.results.isVisible()
    assert window.isVisible()


def test_dropped_models_and_labels_load_or_are_refused(make_window, qtbot, corpus):
    window = make_window()
    worker = window.service.worker
    for case in [c for c in corpus if c.kind == "model" and not c.path.is_dir()]:  # a folder: its pictures
        loaded = case.exit_code != 2
        with settled(qtbot, worker.model_loaded if loaded else worker.model_failed, 30_000):
            drop(window, [case.path])
        if not loaded:
            assert case.reason in window.statusBar().currentMessage(), case.name
    for case in [c for c in corpus if c.kind == "labels" and os.path.exists(c.path) and not c.path.is_dir()]:
        paths = [case.args[1] if case.args else paths_module.default_model_path(), case.path]
        signal = worker.model_failed if not case.ok else window.state.model_shown  # the newest request
        with settled(qtbot, signal, 30_000):
            drop(window, paths)
        if not case.ok:
            assert case.reason in window.statusBar().currentMessage(), case.name
        elif case.reason:  # a label file that does not fit: said on the badge
            assert case.reason in window.badge.warning.text() and window.badge.warning.isVisible(), case.name
            assert case.reason not in window.model_info.text(), case.name  # said once, not twice
    assert window.isVisible() and window.model_info.text()
