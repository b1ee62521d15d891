"""The window keeps working after things go wrong: failed switches, a missing saved model, bad
command lines, a source that cannot open."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.settings import AppSettings
from tests.gui.helpers import drop, settled, unloaded_window
from tests.model_factory import build_classifier

ROOT = Path(__file__).resolve().parents[2]


def test_a_failed_label_switch_keeps_the_model_that_runs(make_window, qtbot, tmp_path, video_file):
    window = make_window()
    tiny = build_classifier(tmp_path / "tiny.onnx", classes=10)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with settled(qtbot, window.service.worker.model_failed, 10_000):
        drop(window, [tiny, empty])  # the model loads, then its labels fail
    assert window.settings.model_path == str(tiny) and window.settings.labels_path is None
    assert "tiny" in window.model_info.text()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    qtbot.waitUntil(lambda: window.chart.predictions and window.chart.predictions[0].label.startswith("class "))


def test_a_saved_model_that_is_gone_falls_back_to_the_bundled_one(make_window, qtbot):
    window = make_window(AppSettings(language="en", model_path="/nowhere/moved.onnx"))
    qtbot.waitUntil(lambda: window.settings.model_path is None and "EfficientNet" in window.model_info.text())
    assert "Running on" in window.badge.pill.text()
    # The choice stays saved (a USB stick not plugged in), until the user picks another model.
    assert window.state.to_save().model_path == "/nowhere/moved.onnx"
    window.use_bundled_model()
    assert window.state.to_save().model_path is None


def test_a_saved_label_file_that_is_gone_keeps_the_model_running_with_its_own_labels(make_window, qtbot, tmp_path):
    """No model loaded at all, and the badge said none could be."""
    window = make_window(AppSettings(language="en", labels_path=str(tmp_path / "on_a_usb_stick.txt")))
    qtbot.waitUntil(lambda: window.settings.labels_path is None and "EfficientNet" in window.model_info.text())
    assert "Running on" in window.badge.pill.text()
    assert "on_a_usb_stick.txt" in window.statusBar().currentMessage()  # why the labels are not used
    saved = window.state.to_save()
    assert saved.labels_path == str(tmp_path / "on_a_usb_stick.txt")  # kept until the user picks others
    mine = tmp_path / "mine.txt"
    mine.write_text("\n".join(f"name {i}" for i in range(1000)), encoding="utf-8")
    with settled(qtbot, window.service.worker.model_loaded, 10_000):
        window.open_labels(str(mine))
    assert window.state.to_save().labels_path == str(mine)  # the missing file came back on every start


def test_a_picture_given_while_a_saved_model_fails_waits_for_the_bundled_one(qtbot, settings_path, photos):
    """The picture was ranked between the saved model's failure and the bundled model: the window
    blanked it and said "No model is loaded yet" for 16 s, while the bundled model's ranking of it
    was on screen and the reason the saved model failed was gone from the status bar."""
    window = unloaded_window(qtbot, settings_path, AppSettings(language="en", model_path="/nowhere/moved.onnx"))
    try:
        window.start()
        drop(window, [photos["coffee"]])  # queued behind the failing load, before the bundled one
        qtbot.waitUntil(lambda: bool(window.chart.predictions), timeout=30_000)
        assert window.chart.predictions[0].label == "espresso" and window.view.has_image()
        message = window.statusBar().currentMessage()
        assert "No model is loaded yet" not in message and "moved.onnx" in message
    finally:
        window.close()


def test_a_saved_provider_that_is_not_installed_is_shown_as_chosen_and_missing(make_window, qtbot):
    """Settings from a GPU machine: the badge said CUDA fell back while "Run on" read "Auto"."""
    window = make_window(AppSettings(language="en", provider="cuda"))
    combo = window.controls.provider
    assert combo.currentData() == "cuda" and combo.currentText() == "CUDA (not installed)"
    assert "CUDA" in window.badge.reason.text()
    with settled(qtbot, window.service.worker.model_loaded, 10_000):
        combo.setCurrentIndex(combo.findData("auto"))
        combo.activated.emit(combo.currentIndex())
    assert window.settings.provider == "auto" and combo.findData("cuda") == -1  # gone once not chosen


def test_each_picture_is_shown_once(make_window, qtbot, photos):
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 10_000):
        drop(window, [photos["coffee"]])
    assert window.stats.stage_count("inference") == 1


def test_a_frozen_frame_is_ranked_again_when_preprocessing_changes(make_window, qtbot, video_file):
    window = make_window()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    qtbot.waitUntil(lambda: window.stats.frames_inferred >= 3)
    window.live.set_frozen(True)
    qtbot.wait(200)
    before = window.chart.predictions
    frozen_number = window.live.shown_frame.number
    combo = window.controls.preset_combos["channel_order"]
    with settled(qtbot, window.service.worker.prediction_ready, 15_000) as again:
        combo.setCurrentIndex(combo.findData("bgr"))
        combo.activated.emit(combo.currentIndex())
    assert again.args[0].frame_number == frozen_number
    assert window.chart.predictions != before  # the same picture, ranked with swapped channels


def synset(*args: str, timeout: int = 90) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop_app", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, timeout=timeout, env={**__import__("os").environ,
                                                                     "QT_QPA_PLATFORM": "offscreen"})


def test_a_live_run_on_a_source_that_cannot_open_ends_with_an_error(tmp_path):
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"not a video")
    run = synset("--camera", broken, "--run-seconds", "1", "--settings-file", tmp_path / "s.ini")
    # One line on stderr, also while the worker captures file descriptor 2 to create the session.
    assert run.returncode == 1 and run.stdout == "" and run.stderr.strip().splitlines() == [
        "synset: error: Video broken.mp4 could not be opened (no video in it, an unsupported format, or damaged)"]


def test_a_bad_window_size_is_a_usage_error(tmp_path):
    run = synset("--window-size", "big", "--snapshot", tmp_path / "x.png", "--settings-file", tmp_path / "s.ini")
    assert run.returncode == 2 and "WIDTHxHEIGHT" in run.stderr


@pytest.mark.parametrize("seconds", ["inf", "nan", "0", "1e10"])  # 0 was a window that never ended
def test_a_run_length_out_of_range_is_a_usage_error(tmp_path, seconds):
    run = synset("--run-seconds", seconds, "--settings-file", tmp_path / "s.ini")
    assert run.returncode == 2 and run.stderr.strip().splitlines() == [
        f"synset: error: argument --run-seconds: {seconds} is outside 0 < S <= 86400"]


def test_a_model_given_on_the_command_line_is_for_that_run_only(tmp_path, photos):
    from desktop_app.gui.settings_store import SettingsStore

    tiny = build_classifier(tmp_path / "tiny.onnx", classes=10)
    settings = tmp_path / "s.ini"
    run = synset(photos["coffee"], "--model", tiny, "--snapshot", tmp_path / "x.png", "--settings-file", settings)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "x.png").stat().st_size > 10_000
    assert SettingsStore(str(settings)).load().model_path is None


def test_model_requests_replaced_while_queued_are_skipped(qtbot):
    """Four provider changes in a row (a held arrow key): the worker builds the one it had already
    begun and the last; the others never get a session or a reply."""
    from desktop_app.core.jobs import ModelRequest
    from desktop_app.core.preprocessing import PreprocessOverrides
    from desktop_app.core.providers import ProviderChoice
    from desktop_app.gui.worker import InferenceService

    service = InferenceService()
    try:
        replies: list[int] = []
        service.worker.model_loaded.connect(lambda loaded: replies.append(loaded.generation))
        service.worker.model_failed.connect(lambda generation, _error: replies.append(generation))
        with qtbot.waitSignal(service.worker.model_loaded, timeout=30_000,
                              check_params_cb=lambda loaded: loaded.generation == 4) as last:
            for generation, threads in enumerate((1, 2, 3, 4), start=1):  # four different sessions
                service.load(ModelRequest(generation, None, None, PreprocessOverrides(),
                                          ProviderChoice("cpu", threads=threads), 5))
        assert last.args[0].description.name == "EfficientNet-Lite0"
        qtbot.wait(200)  # nothing else arrives later
        # The worker may reach a request before the next one is sent (it runs beside this thread),
        # so which one it had begun varies; never more than that one and the last.
        assert replies[-1] == 4 and len(replies) <= 2 and replies == sorted(replies)
    finally:
        assert service.shutdown()


def test_a_failed_inference_is_told_on_the_gui_thread(make_window, qtbot, tmp_path, video_file):
    """The inference thread reports a frame it could not rank (a model of your own answering NaN);
    the status bar must be written on the GUI thread, never from the inference thread."""
    import threading

    window = make_window()
    on_gui_thread = []
    original = window.feedback.error
    window.feedback.error = lambda message, dialog=False: (
        on_gui_thread.append(threading.current_thread() is threading.main_thread()), original(message, dialog))
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    nan_model = build_classifier(tmp_path / "nan.onnx", classes=10, nan_above=-1.0)
    window.open_model(str(nan_model))
    qtbot.waitUntil(lambda: len(on_gui_thread) >= 5, timeout=20_000)
    assert all(on_gui_thread) and "not a number" in window.statusBar().currentMessage()


def test_pictures_and_a_camera_in_one_unattended_run_are_a_usage_error(tmp_path, video_file):
    """The camera replaced the pictures: the run said "pictures_ranked": 0 and exited 0."""
    run = synset("tests/data/coffee.jpg", "--camera", video_file, "--run-seconds", "1", "--settings-file",
                 tmp_path / "s.ini")
    assert run.returncode == 2 and run.stderr.strip() == (
        "synset: error: pictures (or a video) and --camera: give one or the other")
