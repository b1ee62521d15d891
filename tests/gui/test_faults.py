"""Faults the window survives without losing anything: sources that vanish, model files that
change, a provider that fails mid-run, places that cannot be written, a folder of 10,000 files,
and closing the window in the middle of each."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import numpy as np
import psutil
import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from desktop_app.core.settings import AppSettings
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.settings_store import SettingsStore
from desktop_app.gui.worker import InferenceService
from tests.fake_device import ALL_PROVIDERS, fake_factory
from tests.gui.helpers import drop, settled
from tests.model_factory import build_classifier


def close_quickly(window) -> None:
    started = time.perf_counter()
    window.close()
    assert time.perf_counter() - started < 1.0 and window.worker_stopped


@pytest.fixture
def playing(make_window, qtbot, video_file, tmp_path):
    """A window playing its own copy of the demo video."""
    copy = tmp_path / "playing.mp4"
    shutil.copyfile(video_file, copy)
    window = make_window()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(copy))
    qtbot.waitUntil(lambda: window.stats.frames_inferred >= 5, timeout=15_000)
    return window, copy


def test_a_video_truncated_while_playing_ends_with_a_message(playing, qtbot):
    window, video = playing
    with settled(qtbot, window.capture.source_failed, 15_000):
        os.truncate(video, 0)
    assert "playing.mp4" in window.statusBar().currentMessage()
    assert window.isVisible() and window.chart.predictions  # the last ranking is still shown
    close_quickly(window)


def test_a_video_deleted_while_playing_plays_on_from_the_open_file(playing, qtbot):
    window, video = playing
    video.unlink()
    before = window.stats.frames_inferred
    qtbot.waitUntil(lambda: window.stats.frames_inferred >= before + 20, timeout=15_000)
    close_quickly(window)


def test_the_model_file_deleted_or_replaced_while_running(make_window, qtbot, tmp_path, video_file):
    window = make_window()
    model = build_classifier(tmp_path / "tiny.onnx", classes=10)
    with settled(qtbot, window.service.worker.model_loaded, 15_000):
        drop(window, [model])
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    model.unlink()  # the session holds the model: frames go on
    before = window.stats.frames_inferred
    qtbot.waitUntil(lambda: window.stats.frames_inferred >= before + 10, timeout=15_000)
    combo = window.controls.preset_combos["channel_order"]
    with settled(qtbot, window.service.worker.model_loaded, 15_000):  # same session, new preprocessing
        combo.setCurrentIndex(combo.findData("bgr"))
        combo.activated.emit(combo.currentIndex())
    model.write_text("replaced by something that is not a model")
    with settled(qtbot, window.service.worker.model_failed, 15_000):
        window.open_model(str(model))
    assert "tiny.onnx is not an ONNX model" in window.statusBar().currentMessage()
    before = window.stats.frames_inferred
    qtbot.waitUntil(lambda: window.stats.frames_inferred >= before + 10, timeout=15_000)  # the old one runs on
    assert window.chart.predictions[0].label.startswith("class ")
    close_quickly(window)


def test_a_provider_failing_mid_run_moves_to_cpu_and_says_why(qtbot, settings_path, video_file):
    service = InferenceService(engine_options={
        "session_factory": fake_factory(fail_run_from={"CUDAExecutionProvider": 40}), "available": ALL_PROVIDERS})
    window = MainWindow(AppSettings(language="en", provider="cuda"), SettingsStore(settings_path), service)
    window.automated = True
    qtbot.addWidget(window)
    window.show()
    with settled(qtbot, service.worker.model_loaded, 30_000) as loaded:
        window.start()
    assert loaded.args[0].provider == "cuda"
    with settled(qtbot, service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    qtbot.waitUntil(lambda: "CPU" in window.badge.pill.text(), timeout=20_000)
    assert "CUDA failed during inference (887A0005)" in window.badge.reason.text()
    before = window.stats.frames_inferred
    qtbot.waitUntil(lambda: window.stats.frames_inferred >= before + 10, timeout=15_000)
    close_quickly(window)


def test_csv_and_screenshot_to_a_place_that_cannot_be_written(make_window, qtbot, photos, tmp_path):
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 20_000):
        drop(window, [photos["coffee"].parent])
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    window.export_csv(str(blocker / "results.csv"))
    assert "Could not save" in window.statusBar().currentMessage()
    assert not window.save_screenshot(str(blocker / "shot.png"))
    assert "Could not save" in window.statusBar().currentMessage()
    good = tmp_path / "results.csv"
    window.export_csv(str(good))
    assert good.read_text(encoding="utf-8").count("\n") == 4 and not list(tmp_path.glob(".*.tmp"))
    close_quickly(window)


def test_settings_that_are_corrupt_or_cannot_be_written(qtbot, tmp_path):
    corrupt = tmp_path / "corrupt.ini"
    corrupt.write_bytes(b"[app]\nmodel_path=5\ntop_k=\"many\"\nmirror=[[[\n\x00\xff\xfe garbage\nprovider={\n")
    settings = SettingsStore(str(corrupt)).load()
    assert settings == AppSettings()  # every bad value falls back to its default
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    assert SettingsStore(str(blocked / "settings.ini")).save(AppSettings(top_k=3)) is False


def test_a_folder_of_10000_files_shows_progress_and_stops_on_esc(make_window, qtbot, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    rng = np.random.default_rng(0)
    for i in range(10_000):
        Image.fromarray(rng.integers(0, 255, (12, 12, 3), dtype=np.uint8)).save(folder / f"{i:05d}.png")
    window = make_window()
    rss = psutil.Process().memory_info().rss
    drop(window, [folder])
    assert window.results.progress.maximum() == 10_000
    qtbot.waitUntil(lambda: len(window.results.results) >= 30, timeout=20_000)
    assert window.results.progress.value() >= 30
    with settled(qtbot, window.service.worker.job_finished, 2_000):
        QTest.keyClick(window, Qt.Key.Key_Escape)
    ranked = len(window.results.results)
    assert 30 <= ranked < 10_000 and "Stopped after" in window.statusBar().currentMessage()
    assert psutil.Process().memory_info().rss - rss < 200 * 2**20
    # What was ranked before Esc is the set now: another top-k ranks those again, not 10,000.
    ranked = len(window.results.results)
    with settled(qtbot, window.service.worker.job_finished, 20_000):
        window.state.change(top_k=3)
    assert window.pictures.count == ranked and len(window.results.results) == ranked
    assert window.results.progress.maximum() == ranked and len(window.results.results[0].classification.top) == 3
    drop(window, [folder])  # again, and close the window in the middle of it
    qtbot.waitUntil(lambda: len(window.results.results) >= 5, timeout=20_000)
    close_quickly(window)


def test_closing_while_a_large_picture_decodes(make_window, qtbot, tmp_path):
    big = tmp_path / "big.png"
    Image.new("RGB", (9000, 9000), (30, 60, 90)).save(big, compress_level=1)
    window = make_window()
    drop(window, [big, big])
    qtbot.wait(150)  # the decode is under way
    close_quickly(window)


FULL_DISK = r"""
import resource, signal, sys
from desktop_app.core.settings import AppSettings
from desktop_app.gui.settings_store import SettingsStore
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
ok = SettingsStore(sys.argv[1]).save(AppSettings(model_path="/" + "m" * 4000 + ".onnx", top_k=7))
print("saved" if ok else "refused")
"""


def test_a_full_disk_while_saving_leaves_the_previous_settings_whole(tmp_path):
    """The disk fills up (a file-size limit stands in for it): the save fails, the old file stays."""
    import subprocess
    import sys

    path = tmp_path / "settings.ini"
    assert SettingsStore(str(path)).save(AppSettings(top_k=3, mirror=False))
    before = path.read_bytes()
    run = subprocess.run([sys.executable, "-c", FULL_DISK, str(path), str(len(before) + 100)],
                         capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "refused", run.stderr
    assert path.read_bytes() == before
    assert SettingsStore(str(path)).load() == AppSettings(top_k=3, mirror=False)


@pytest.mark.parametrize("until", [("--snapshot", "x.png"), ("--run-seconds", "1")], ids=["snapshot", "timed"])
def test_an_unattended_run_whose_camera_is_missing_ends_at_once(tmp_path, until):
    """A failure before the event loop starts (the camera argument matches nothing) used to be
    ignored by Qt's exit(), and the run never ended: a CI job would hang."""
    import subprocess
    import sys

    args = ["--camera", str(tmp_path / "missing.mp4"), until[0], str(tmp_path / until[1]) if until[0] ==
            "--snapshot" else until[1], "--settings-file", str(tmp_path / "s.ini")]
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 1 and time.perf_counter() - started < 30
    assert "synset: error: no camera or video matches" in run.stderr and "Traceback" not in run.stderr


def test_an_unattended_run_leaves_the_users_settings_as_they_were(tmp_path):
    """A snapshot with a model named among the paths saved it: every later start ranked with that
    model ("name968 94.9%" for an espresso), and the run's window size was saved too."""
    import subprocess
    import sys

    settings = tmp_path / "s.ini"
    SettingsStore(str(settings)).save(AppSettings(top_k=3))
    before = settings.read_bytes()
    model = build_classifier(tmp_path / "ten.onnx", classes=10)
    labels = tmp_path / "names.txt"
    labels.write_text("\n".join(f"name {i}" for i in range(10)))
    run = subprocess.run([sys.executable, "-m", "desktop_app", str(model), str(labels), "tests/data/coffee.jpg",
                          "--snapshot", str(tmp_path / "x.png"), "--window-size", "1280x720",
                          "--settings-file", str(settings)],
                         capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "x.png").stat().st_size > 0
    assert settings.read_bytes() == before


def test_a_model_and_labels_named_on_the_command_line_are_for_that_run(tmp_path):
    from desktop_app.gui.app import files_for_this_run

    for name in ("net.onnx", "names.txt", "cat.jpg"):
        (tmp_path / name).write_bytes(b"x")
    paths = [str(tmp_path / n) for n in ("cat.jpg", "net.onnx", "names.txt")]
    model, labels, rest = files_for_this_run(None, paths)
    assert (model, labels, rest) == (paths[1], paths[2], [paths[0]])
    assert files_for_this_run("other.onnx", [paths[0]]) == ("other.onnx", None, [paths[0]])


def _window_run(*args, stdout=None, timeout=120):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "desktop_app", *map(str, args)], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, timeout=timeout,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_a_timed_run_over_unreadable_pictures_counts_none_ranked_and_fails(tmp_path):
    """Four unreadable files were counted as four pictures ranked, and the run exited 0."""
    import json
    import subprocess

    folder = tmp_path / "bad"
    folder.mkdir()
    for i in range(4):
        (folder / f"broken{i}.jpg").write_bytes(b"not a picture")
    stats = tmp_path / "s.json"
    run = _window_run(folder, "--run-seconds", "20", "--stats-json", stats, "--settings-file", tmp_path / "s.ini",
                      stdout=subprocess.DEVNULL)
    assert run.returncode == 1 and "synset: error: none of the 4 pictures could be ranked" in run.stderr
    document = json.loads(stats.read_text())
    assert (document["pictures_ranked"], document["pictures_failed"]) == (0, 4)


def test_a_timed_run_whose_reader_leaves_ends_quietly_at_once(tmp_path):
    """`… --run-seconds 1 --stats-json s.json | true`: a BrokenPipeError traceback, then a 60 s
    hang and "the live run did not start or finish in time"."""
    import subprocess
    import sys

    read, write = os.pipe()
    os.close(read)  # the reader has left before the run ends
    started = time.perf_counter()
    try:
        run = subprocess.run([sys.executable, "-m", "desktop_app", "tests/data/chelsea.jpg", "--run-seconds", "1",
                              "--stats-json", str(tmp_path / "s.json"), "--settings-file", str(tmp_path / "s.ini")],
                             stdout=write, stderr=subprocess.PIPE, text=True, timeout=120,
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    finally:
        os.close(write)
    assert run.returncode == 141 and time.perf_counter() - started < 30
    assert "Traceback" not in run.stderr and "BrokenPipe" not in run.stderr


@pytest.mark.parametrize("case, reason", [("missing", "file not found: "), ("empty", "empty.jpg: the file is empty"),
                                          ("folder", "no pictures in ")])
def test_a_snapshot_of_nothing_readable_fails_at_once_with_the_reason(tmp_path, case, reason):
    """A missing or empty picture waited 60 s, then said "no result within 60 s; snapshot not taken"."""
    path = {"missing": tmp_path / "gone.jpg", "empty": tmp_path / "empty.jpg", "folder": tmp_path / "nothing"}[case]
    if case == "empty":
        path.write_bytes(b"")
    elif case == "folder":
        path.mkdir()
    started = time.perf_counter()
    run = _window_run(path, "--snapshot", tmp_path / "x.png", "--settings-file", tmp_path / "s.ini")
    assert run.returncode == 1 and time.perf_counter() - started < 30
    assert f"synset: error: {reason}" in run.stderr and not (tmp_path / "x.png").exists()


def test_an_empty_camera_argument_is_a_usage_error(tmp_path):
    """`--camera "$CAM"` with the variable unset waited 64 s for a camera it never named."""
    run = _window_run("--camera", "", "--run-seconds", "1", "--settings-file", tmp_path / "s.ini", timeout=60)
    assert run.returncode == 2 and "not an empty string" in run.stderr


def test_an_unattended_run_with_a_model_it_cannot_use_is_a_usage_error(tmp_path):
    """The snapshot was taken with the bundled model instead, and the run exited 0."""
    model = tmp_path / "fake.onnx"
    model.write_text("not a model")
    run = _window_run("tests/data/chelsea.jpg", "--model", model, "--snapshot", tmp_path / "x.png",
                      "--settings-file", tmp_path / "s.ini")
    assert run.returncode == 2 and "fake.onnx is not an ONNX model" in run.stderr
    assert not (tmp_path / "x.png").exists()


def test_a_timed_run_keeps_its_figures_when_the_video_fails_or_the_folder_is_new(tmp_path, video_file):
    """The statistics of a finished run were thrown away when the --stats-json folder did not
    exist yet, and those of a run whose video failed half-way were never written."""
    import json
    import shutil
    import subprocess
    import threading

    stats = tmp_path / "new" / "folder" / "s.json"
    run = _window_run("--camera", video_file, "--run-seconds", "1", "--stats-json", stats,
                      "--settings-file", tmp_path / "s.ini", stdout=subprocess.PIPE)
    assert run.returncode == 0, run.stderr
    document = json.loads(stats.read_text())
    assert document["frames_inferred"] > 0 and json.loads(run.stdout)["frames_inferred"] > 0
    # Counted from the same frame: 121 shown of 120 captured, when the source ran ahead as it started.
    assert 0 < document["frames_shown"] <= document["frames_captured"]
    # The rate counts up to the newest frame: from the last 4 Hz sample, up to 0.25 s old, it read
    # 8 % low over 3 s (27.6 fps of a file delivered at 30) and more in a 1 s run.
    assert abs(document["camera_fps"] - document["frames_captured"]) < 0.07 * document["frames_captured"], document
    victim = tmp_path / "victim.mp4"
    shutil.copyfile(video_file, victim)
    truncate = threading.Timer(6.0, lambda: os.truncate(victim, 0))  # well inside the 20 s run
    truncate.start()
    try:
        run = _window_run("--camera", victim, "--run-seconds", "20", "--stats-json", tmp_path / "v.json",
                          "--settings-file", tmp_path / "s.ini", stdout=subprocess.PIPE)
    finally:
        truncate.cancel()
    assert run.returncode == 1 and "victim.mp4 stopped" in run.stderr
    assert json.loads((tmp_path / "v.json").read_text())["frames_captured"] > 0


def test_a_refused_model_shows_one_dialog_that_does_not_hold_up_the_window(make_window, qtbot, tmp_path):
    """The refusal was a blocking dialog: behind it the badge said "Loading model…" until it was
    closed, while the old model ranked on; each refused drop stacked another dialog."""
    window = make_window()
    window.automated = False  # as a user's window: dialogs shown
    broken = tmp_path / "broken.onnx"
    broken.write_text("not a model")
    for _ in range(2):
        with settled(qtbot, window.service.worker.model_failed, 15_000):
            drop(window, [broken])
        qtbot.waitUntil(lambda: window.feedback.dialog is not None and window.feedback.dialog.isVisible())
        assert window.badge.pill.text() == "Running on CPU"  # the model that runs, while the dialog is open
    dialogs = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert len(dialogs) == 1 and "broken.onnx is not an ONNX model" in dialogs[0].text()
    dialogs[0].accept()
    qtbot.waitUntil(lambda: window.feedback.dialog is None)


def test_a_window_size_below_the_least_says_what_it_got(tmp_path):
    run = _window_run("tests/data/chelsea.jpg", "--snapshot", tmp_path / "x.png", "--window-size", "320x240",
                      "--settings-file", tmp_path / "s.ini")
    assert run.returncode == 0 and "synset: warning: the window cannot be 320x240; it is " in run.stderr


def test_a_timed_run_of_pictures_reports_every_picture_and_no_live_frames(tmp_path, photos):
    """A folder run's inference_ms came from the one picture on screen, and it said 1 frame shown of
    0 captured."""
    import json
    import subprocess

    folder = tmp_path / "pictures"
    folder.mkdir()
    for i in range(3):
        for name, path in photos.items():
            (folder / f"{i}_{name}.jpg").write_bytes(path.read_bytes())
    stats = tmp_path / "s.json"
    run = _window_run(folder, "--run-seconds", "30", "--stats-json", stats, "--settings-file", tmp_path / "s.ini",
                      stdout=subprocess.DEVNULL)
    assert run.returncode == 0, run.stderr
    document = json.loads(stats.read_text())
    assert document["pictures_ranked"] == 9
    assert (document["frames_shown"], document["frames_captured"]) == (0, 0)
    assert document["inference_ms"]["p50"] != document["inference_ms"]["p95"]  # nine timings, not one


DAMAGED_START = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop_app.gui import app
from desktop_app.gui.main_window import MainWindow

qt = QApplication([sys.argv[0]])
def look():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    print("shown:", window.statusBar().currentMessage())
    window.controls.top_k.setValue(4)  # a change, saved at once on close
    window.close()
QTimer.singleShot(1500, look)
sys.exit(app.main(["--settings-file", sys.argv[1]]))
"""


def test_a_damaged_settings_file_is_kept_aside_said_once_and_saves_cleanly(tmp_path):
    """Qt keeps the first error it met for good: after a damaged file had been read, every save
    said "Could not save the settings", though each was written, and the start said nothing."""
    import subprocess
    import sys

    settings = tmp_path / "s.ini"
    damaged = b"[app]\ntop_k=7\nmirror=false\n[window\n\x00\x01"
    settings.write_bytes(damaged)
    run = subprocess.run([sys.executable, "-c", DAMAGED_START, str(settings)], capture_output=True, text=True,
                         timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr
    assert (f"shown: The settings file {settings} was damaged: what could be read is used, and the file is kept "
            f"as {settings}.unreadable") in run.stdout
    assert (tmp_path / "s.ini.unreadable").read_bytes() == damaged  # nothing lost
    store = SettingsStore(str(settings))
    assert store.load() == AppSettings(top_k=4, mirror=False) and store.set_aside is None
    assert store.save(AppSettings(top_k=5)) is True


def test_what_a_damaged_file_held_is_written_afresh_and_an_earlier_copy_is_kept(qtbot, tmp_path):
    """Its window place and results height were dropped (only the app's values were read before
    the file was swapped), and a second damaged file overwrote the first one kept aside."""
    from PySide6.QtCore import QByteArray

    settings = tmp_path / "s.ini"
    store = SettingsStore(str(settings))
    store.save(AppSettings(top_k=7))
    store.save_geometry(QByteArray(b"\x01\xd9\xd0\xcb place"))
    store.save_results_share(0.4)
    good = settings.read_bytes()
    (tmp_path / "s.ini.unreadable").write_bytes(b"an earlier one")
    settings.write_bytes(good + b"[window\n\x00\x01")
    again = SettingsStore(str(settings))
    assert again.load() == AppSettings(top_k=7) and again.set_aside == str(tmp_path / "s.ini.unreadable-2")
    assert (tmp_path / "s.ini.unreadable").read_bytes() == b"an earlier one"
    fresh = SettingsStore(str(settings))  # written at once: a kill now loses nothing
    assert fresh.load() == AppSettings(top_k=7) and fresh.set_aside is None
    assert fresh.load_geometry() == QByteArray(b"\x01\xd9\xd0\xcb place") and fresh.load_results_share() == 0.4


FALLBACK = r"""
import sys
from PySide6.QtCore import QCoreApplication
from desktop_app.core.settings import AppSettings
from desktop_app.gui.settings_store import SettingsStore
app = QCoreApplication([])
store = SettingsStore()
print(store.load().top_k, store.set_aside)
"""


def test_a_damaged_file_of_someone_elses_is_not_taken_for_the_users(tmp_path):
    """Qt also reads ~/.config/Synset.ini (a fallback Synset never writes): a damaged one moved
    the user's good file aside at every start."""
    import subprocess
    import sys

    config = tmp_path / "config"
    (config / "Synset").mkdir(parents=True)
    (config / "Synset" / "Synset.ini").write_text("[app]\ntop_k=7\n")
    (config / "Synset.ini").write_bytes(b"[app\n\x00\x01 someone else's")
    run = subprocess.run([sys.executable, "-c", FALLBACK], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "XDG_CONFIG_HOME": str(config), "QT_QPA_PLATFORM": "offscreen"})
    assert run.stdout.split() == ["7", "None"], run.stderr
    assert sorted(p.name for p in (config / "Synset").iterdir()) == ["Synset.ini"]


def test_a_file_whose_damage_shows_only_when_saving_is_not_reported_as_unsaved(tmp_path):
    settings = tmp_path / "s.ini"
    settings.write_bytes(b"[app]\nmodel_path=5\ntop_k=\"many\"\nmirror=[[[\n\x00\xff\xfe garbage\nprovider={\n")
    store = SettingsStore(str(settings))
    assert store.load(repair=False) == AppSettings()
    assert store.save(AppSettings(top_k=3)) is True and store.save(AppSettings(top_k=6)) is True
    assert SettingsStore(str(settings)).load().top_k == 6


@pytest.mark.parametrize("args", [
    ("--model", "models/efficientnet-lite0.onnx", "classify", "tests/data/chelsea.jpg"),
    ("clasify", "tests/data/chelsea.jpg"),
    ("tests/data/chelsea.jpg", "--snapshot", "x.png", "--run-seconds", "3"),
    ("tests/data/chelsea.jpg", "--run-seconds", "3", "--stats-json", ""),
    ("tests/data/chelsea.jpg", "--model", ""),
], ids=["command-late", "typo", "snapshot-and-run", "stats-json", "model"])
def test_what_a_script_gets_wrong_is_a_usage_error_not_a_window(args):
    """A command after options, or misspelt, opened the window and never returned; --snapshot
    with --run-seconds lost one of the two; an empty value used the default."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    run = subprocess.run([sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, timeout=60,
                         cwd=root, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 2 and run.stderr.startswith("synset: error: ") and run.stdout == "", run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_a_window_run_counts_a_missing_picture_as_failed_and_a_run_of_pictures_has_no_source_rate(tmp_path):
    import json
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    stats = tmp_path / "s.json"
    run = subprocess.run([sys.executable, "-m", "desktop_app", "tests/data/chelsea.jpg", str(tmp_path / "nope.jpg"),
                          "--run-seconds", "20", "--stats-json", str(stats),
                          "--settings-file", str(tmp_path / "s.ini")],
                         capture_output=True, text=True, timeout=120, cwd=root,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr
    assert "synset: warning: file not found: " in run.stderr
    document = json.loads(stats.read_text())
    assert (document["pictures_ranked"], document["pictures_failed"]) == (1, 1)
    assert document["source_fps"] is None


def test_a_missing_file_named_like_a_command_is_a_missing_picture():
    """'inspect.jpg' that is not there was refused as a misspelt command."""
    from desktop_app.gui.app import _misplaced_command

    assert _misplaced_command(["inspect.jpg", "photos/classify", "classify.png"]) is None
    assert _misplaced_command(["clasify"]) == "unknown command 'clasify' (did you mean classify?)"
    assert _misplaced_command(["tests"]) is None  # a folder that is there


def test_a_window_run_given_a_video_and_a_missing_picture_ranks_the_video_and_exits_0(tmp_path, video_file):
    """The missing picture, counted as failed, made the run say "none of the 1 pictures could be
    ranked" and exit 1 after ranking the video."""
    import json
    import subprocess
    import sys

    stats = tmp_path / "s.json"
    run = subprocess.run([sys.executable, "-m", "desktop_app", str(video_file), str(tmp_path / "nope.jpg"),
                          "--run-seconds", "2", "--stats-json", str(stats), "--settings-file", str(tmp_path / "s.ini")],
                         capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr
    assert json.loads(stats.read_text())["frames_inferred"] > 0


def test_an_unattended_run_ends_on_ctrl_c_and_on_output_it_cannot_write(tmp_path, video_file):
    """Ctrl+C was swallowed (the run went on to its end, exit 0); output to a full disk hung the
    run for ever (the error was lost in a Qt slot)."""
    import signal
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "desktop_app", "--camera", str(video_file), "--settings-file",
               str(tmp_path / "s.ini")]
    run = subprocess.Popen([*command, "--run-seconds", "60"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True, env=env)
    time.sleep(8)
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=30)
    assert run.returncode == 130 and err.strip().endswith("synset: interrupted"), err
    with open("/dev/full", "w") as full:
        ended = subprocess.run([*command, "--run-seconds", "1"], stdout=full, stderr=subprocess.PIPE, text=True,
                               timeout=90, env=env)
    assert ended.returncode == 1 and "synset: error: cannot write the output: No space left on device" in ended.stderr
