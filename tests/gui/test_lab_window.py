"""The pitfalls lab on the window: a dropped photo ranked both ways, presenter keys, live frames,
the command line's --lab, snapshots in both languages and in presenter mode."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from desktop_app.core.pitfalls import PITFALLS
from desktop_app.core.settings import AppSettings
from desktop_app.gui import pitfall_texts
from tests.gui.helpers import drop, settled, unloaded_window
from tests.model_factory import build_classifier

ROOT = Path(__file__).resolve().parents[2]


def test_pitfall_texts_mirror_the_core():
    assert {p.id: p.title for p in PITFALLS} == pitfall_texts.TITLES
    assert {p.id: p.caption for p in PITFALLS} == pitfall_texts.CAPTIONS
    fitting = {p.id: p.caption_when_shape_fits for p in PITFALLS if p.caption_when_shape_fits}
    assert fitting == pitfall_texts.CAPTIONS_WHEN_SHAPE_FITS


def test_a_dropped_photo_side_by_side_and_the_presenter_keys(make_window, qtbot, photos):
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["chelsea"]])
    panel = window.views.lab
    with settled(qtbot, window.lab.result_shown, 15_000):
        qtbot.keyClick(window, Qt.Key.Key_B)  # a clicker's "blank" key switches the lab on
    assert window.lab.active and panel.isVisible() and not window.chart.isVisible()
    result = panel.result
    assert result.pitfall.id == "swap-channels" and result.winner.label == "tiger cat"
    assert panel.wrong_chart.predictions[0].label == "Egyptian cat"
    assert "tiger cat gets 20." in panel.wrong_note.text() and "blue where there is red" in panel.caption.text()
    with settled(qtbot, window.lab.result_shown, 15_000):
        qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert panel.result.pitfall.id == "hwc-as-chw" and panel.pitfalls.currentData() == "hwc-as-chw"
    with settled(qtbot, window.lab.result_shown, 15_000):
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ShiftModifier)
    assert panel.result.pitfall.id == "swap-channels"
    panel.raw.setChecked(True)  # raw logits on the chart
    assert panel.correct_chart.predictions[0].probability > 1
    qtbot.keyClick(window, Qt.Key.Key_L)
    assert not window.lab.active and window.chart.isVisible() and not panel.isVisible()


def test_a_picture_the_lab_cannot_rank_says_why(make_window, qtbot, photos, tmp_path):
    # The model ranks the photo its own way; fed raw 0–255 pixels (norm-raw) it answers NaN.
    model = build_classifier(tmp_path / "sqrt.onnx", nan_above=10.0)
    window = make_window(AppSettings(language="en", model_path=str(model)))
    with settled(qtbot, window.pictures.result_shown, 15_000):
        drop(window, [photos["chelsea"]])
    assert window.chart.predictions
    window.statusBar().clearMessage()
    with settled(qtbot, window.service.worker.job_failed, 15_000):
        window.lab.start("norm-raw")
    assert "not a number" in window.statusBar().currentMessage()
    assert window.lab.active  # another pitfall can still be picked


def test_live_frames_are_ranked_both_ways(make_window, qtbot, video_file):
    window = make_window()
    window.lab.start("norm-raw")
    with settled(qtbot, window.lab.result_shown, 20_000):
        window.start_video(str(video_file))
    qtbot.waitUntil(lambda: window.stats.lab_results >= 10, timeout=20_000)
    result = window.views.lab.result
    assert result.pitfall.id == "norm-raw" and result.wrong.winner_probability < result.correct.winner_probability
    assert window.service.worker.fitter is None  # the lab fits each frame its own two ways
    window.lab.stop()
    qtbot.waitUntil(lambda: window.service.worker.fitter is not None, timeout=10_000)  # the capture thread fits again


def app(*args, timeout: int = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "desktop_app", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=timeout)


def test_lab_refuses_the_models_own_setting_with_exit_2(tmp_path):
    run = app("tests/data/chelsea.jpg", "--lab", "resize-center-crop", "--snapshot", tmp_path / "x.png",
              "--settings-file", tmp_path / "s.ini")
    assert run.returncode == 2
    assert run.stderr.strip().splitlines()[-1].startswith("synset: error: 'resize-center-crop' is this model's own")
    unknown = app("--lab", "upside-down", "--settings-file", tmp_path / "s.ini")
    assert unknown.returncode == 2 and "invalid choice" in unknown.stderr


@pytest.mark.parametrize("extra", [("--lang", "en"), ("--lang", "zh_TW"), ("--lang", "en", "--presenter")],
                         ids=["english", "chinese", "presenter"])
def test_snapshot_of_the_lab(tmp_path, extra):
    # 1280×720: a projector's size, where the lab has the least room. It must not grow the window.
    shot = tmp_path / "lab.png"
    run = app("tests/data/coffee.jpg", "--lab", "swap-channels", "--snapshot", shot, "--window-size", "1280x720",
              "--settings-file", tmp_path / "s.ini", *extra)
    assert run.returncode == 0, run.stdout + run.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 720)


def rows_apart(chart) -> bool:
    """Each ranked row's name, percentage and bar lie above the next row's, inside the chart."""
    rows = chart._rows
    inside = all(row.track.bottom() <= chart.height() for row in rows)
    return inside and all(a.track.bottom() < b.label_rect.top() for a, b in itertools.pairwise(rows))


@pytest.mark.parametrize("presenter", [False, True])
def test_the_lab_at_1280x720_keeps_every_row_readable(make_window, qtbot, photos, presenter):
    window = make_window()
    window.resize(1280, 720)
    if presenter:
        window.set_presenter(True, fullscreen=False)
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["coffee"]])
    with settled(qtbot, window.lab.result_shown, 15_000):
        window.lab.start("swap-channels")
    qtbot.wait(50)  # the layout settles
    panel = window.views.lab
    assert (window.width(), window.height()) == (1280, 720)
    for chart in (panel.correct_chart, panel.wrong_chart):
        assert rows_apart(chart)
    # On stage each ranking shows its top 3, so that two fit a 720p sidebar in type that reads
    # from the back of a room (its winner at more than 11.9 pt, the smallest five rows left)
    rows = 3 if presenter else 5
    assert len(panel.correct_chart._rows) == rows and len(panel.wrong_chart._rows) == rows
    if presenter:
        assert panel.correct_chart.winner_point_size > 16
        window.set_presenter(False)
        assert len(panel.wrong_chart._rows) == 5  # the normal window: every row asked for
        window.set_presenter(True, fullscreen=False)
    views = window.views  # only the height may scroll: nothing is cut off at the right
    assert views.sidebar.width() <= views.sidebar_scroll.viewport().width()
    # On stage the model's details step aside for the rankings and the caption; they come back.
    assert window.model_info.isVisible() is not presenter and panel.caption.isVisible()
    window.lab.stop()
    assert window.model_info.isVisible() and window.latency.isVisible()
    assert panel.seen_title.wordWrap()


def test_a_timed_live_run_in_the_lab_reports_its_rates(tmp_path, video_file):
    stats = tmp_path / "stats.json"
    run = app("--camera", video_file, "--lab", "swap-channels", "--run-seconds", "3", "--stats-json", stats,
              "--settings-file", tmp_path / "s.ini")
    assert run.returncode == 0, run.stdout + run.stderr
    document = json.loads(stats.read_text())
    assert document["lab_results"] > 0 and document["frames_captured"] > 0
    stalls = document["gui_stall_ms"]  # probed every 10 ms on the GUI thread during the run
    assert set(stalls) == {"p99", "max"} and 0 <= stalls["p99"] <= stalls["max"] == document["gui_max_stall_ms"]
    timeline = list(document["startup_ms"])  # the start-up milestones, in the order they happened
    assert timeline.index("imports") < timeline.index("window_shown") < timeline.index("first_result")
    assert document["startup_ms"]["first_result"] <= document["first_result_ms"] + 1


def test_the_inspector_shows_the_running_model(make_window, qtbot):
    window = make_window()
    with settled(qtbot, window.service.worker.job_progress, 15_000):
        qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    dialog = window.inspector
    assert dialog.isVisible() and dialog.report["name"] == "EfficientNet-Lite0"
    text = dialog.text.toPlainText()
    assert "zero-central — sidecar" in text and "[batch, 3, 224, 224] float32" in text
    assert "Runs on\nCPU" in text  # as the badge names it, not "cpu"
    assert "Layout\nNCHW" in text
    assert "Normalisation (normalize)" in text  # the window's name, and the sidecar's key
    # The sidecar's long notes line made the whole page scroll sideways; it wraps now
    assert "resized bicubically" in text and dialog.text.horizontalScrollBar().maximum() == 0
    window.set_language("zh_TW")
    assert "模型檢視器" in dialog.windowTitle() or dialog.windowTitle()  # retranslated with the window
    assert "正規化 (normalize)" in dialog.text.toPlainText()
    assert dialog.text.horizontalScrollBar().maximum() == 0
    dialog.close()


def test_the_inspector_says_its_facts_in_chinese_too(make_window, qtbot, tmp_path):
    """In Chinese its warnings and output kind stayed English, and a background class at 0 (which
    ``inspect`` names) was not mentioned."""
    window = make_window()
    window.set_language("zh_TW")
    (tmp_path / "bg").mkdir()
    background = build_classifier(tmp_path / "bg" / "bg.onnx", classes=1001)
    (tmp_path / "bg" / "bg.labels.txt").write_text("\n".join(f"name {i}" for i in range(1000)), encoding="utf-8")
    unlabelled = build_classifier(tmp_path / "ten.onnx", classes=10)
    for model, expected, english in ((background, "1001（第 0 類為背景類別）", "background"),
                                     (unlabelled, "此模型的 10 個類別沒有標籤", "No labels")):
        with settled(qtbot, window.service.worker.model_loaded, 15_000):
            drop(window, [model])
        with settled(qtbot, window.service.worker.job_progress, 15_000):
            window.inspect_model()
        text = window.inspector.text.toPlainText()
        assert expected in text and english not in text, text
        assert "logits → softmax" in text  # the output's kind, as the model panel says it
    window.inspector.close()


def test_the_inspector_says_why_it_cannot_describe_a_model(make_window, qtbot, tmp_path):
    import shutil

    from desktop_app.core import paths

    bundled = paths.default_model_path()
    for source in (bundled, bundled.with_suffix(".json")):
        shutil.copy(source, tmp_path / source.name)
    window = make_window()
    with settled(qtbot, window.service.worker.model_loaded, 15_000):
        window.open_model(str(tmp_path / bundled.name))
    (tmp_path / bundled.name).unlink()  # moved or deleted while it runs (the session keeps running)
    with settled(qtbot, window.service.worker.job_failed, 15_000):
        qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert "Cannot load the model" in window.statusBar().currentMessage() and not window.inspector.isVisible()


def test_the_benchmark_page_pauses_live_ranking_and_exports_json(make_window, qtbot, video_file, tmp_path):
    window = make_window()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    events = []
    worker = window.service.worker
    worker.prediction_ready.connect(lambda *_: events.append("live"))
    worker.job_progress.connect(lambda *_: events.append("bench"))
    worker.job_finished.connect(lambda *_: events.append("done"))  # all on the worker thread, in order
    window.show_bench()
    with settled(qtbot, worker.job_finished, 60_000):
        window.run_bench(iterations=5)
    page = window.bench
    assert [(r["provider"], r["intra_op_threads"]) for r in page.rows][-1][0] == "cpu"
    assert page.table.rowCount() == len(page.rows) >= 2  # CPU with one thread and with every core
    first = events.index("bench")
    assert "live" not in events[first:events.index("done")]  # paused while it ran
    out = page.export_json(str(tmp_path / "bench.json"))
    document = json.loads(Path(out).read_text())
    assert document["iterations"] == 5 and document["results"][0]["raw_inference_ms"]["p50"] > 0
    qtbot.waitUntil(lambda: "live" in events[first:], timeout=15_000)  # and resumed after


def test_a_benchmark_that_fails_says_why_in_its_dialog(make_window, qtbot, tmp_path):
    """It stood at "0 of 2" with no word; the reason was in the status bar, behind the dialog."""
    window = make_window()
    model = build_classifier(tmp_path / "gone.onnx", classes=10)
    with settled(qtbot, window.service.worker.model_loaded, 15_000):
        drop(window, [model])
    model.unlink()  # moved away while it runs: the benchmark's fresh sessions cannot load it
    window.show_bench()
    with settled(qtbot, window.service.worker.job_failed, 30_000):
        window.run_bench(iterations=3)
    page = window.bench
    assert page.error.isVisible() and "gone.onnx" in page.error.text()
    assert page.start.isEnabled() and not page.stop.isEnabled()
    page.close()


def test_a_benchmark_row_that_fell_back_says_so_in_the_windows_language(make_window, qtbot):
    """CUDA and DirectML listed but not working gave three rows all named "CPU ×1", and the reason
    stayed English in Chinese, cut off at the dialog's edge."""
    from types import SimpleNamespace

    from desktop_app.core.bench import BenchProviders
    from desktop_app.core.providers import ProviderChoice

    window = make_window()
    window.set_language("zh_TW")
    job = BenchProviders(str(window.state.shown.description.path), iterations=3)
    row = job._one(ProviderChoice("cuda"), SimpleNamespace(cancelled=lambda: False))  # not in this build
    assert (row["requested"], row["provider"]) == ("cuda", "cpu")
    page = window.bench
    page.begin(1, "model.onnx", 3)
    page.add(row)
    page.finish()
    assert page.table.item(0, 0).text() == "CUDA → CPU"
    reason = page.table.item(0, 6)
    assert "CPU" in reason.text() and any("\u4e00" <= c <= "\u9fff" for c in reason.text()), reason.text()
    assert reason.toolTip() == reason.text() and page.table.item(0, 5).text().endswith("×")
    assert "fallback" not in page.document["results"][0]  # the JSON keeps its plain text reason
    assert page.document["results"][0]["fallback_reason"]


def test_ten_rows_on_stage_at_1280x720_fit_without_overlapping(make_window, qtbot, photos):
    window = make_window(AppSettings(language="en", top_k=10))
    window.resize(1280, 720)
    window.set_presenter(True, fullscreen=False)
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["chelsea"]])
    qtbot.wait(50)
    assert (window.width(), window.height()) == (1280, 720)
    assert len(window.chart._rows) == 10 and rows_apart(window.chart)
    assert not window.views.sidebar_scroll.verticalScrollBar().isVisible()  # the font shrank instead
    assert window.views.sidebar.width() <= window.views.sidebar_scroll.viewport().width()


def test_on_stage_the_pitfall_list_steps_aside_for_the_rankings(make_window, qtbot):
    """The presenter's keys choose the pitfall on stage; the list took a row of the sidebar's height
    and cut the title that the second ranking's title shows whole ("Channels swapped (BG…")."""
    window = make_window()
    window.lab.start("swap-channels")
    panel = window.views.lab
    qtbot.waitUntil(panel.pitfalls.isVisible, timeout=5_000)
    window.set_presenter(True, fullscreen=False)
    assert not panel.pitfalls.isVisible() and not panel.heading.isVisible()
    assert panel.wrong_title.text() == "Channels swapped (BGR ↔ RGB)"
    window.set_presenter(False)
    assert panel.pitfalls.isVisible()


def test_the_lab_key_pressed_while_the_model_loads_opens_the_lab_once_it_is_ready(qtbot, settings_path):
    """Pressed before the model had loaded, L once said "this model shows none of the pitfalls"."""
    window = unloaded_window(qtbot, settings_path)
    try:
        with settled(qtbot, window.service.worker.model_loaded, 30_000):
            window.start()
            window.toggle_lab()  # what L does
            assert not window.lab.active
            assert "once the model is ready" in window.statusBar().currentMessage()
        qtbot.waitUntil(lambda: window.lab.active, timeout=5_000)
        assert window.views.lab.isVisible() and window.lab.pitfall_id == PITFALLS[0].id
        assert window.statusBar().currentMessage() == ""  # it no longer holds
        assert window.views.lab.caption.text()  # the pitfall's caption before its first result
        window.toggle_lab()
        assert not window.lab.active
    finally:
        window.close()


@pytest.mark.parametrize("fell_back", [False, True], ids=["", "fell-back"])
@pytest.mark.parametrize("language", ["en", "zh_TW"])
def test_on_a_720p_stage_every_pitfall_shows_its_caption_without_scrolling(make_window, qtbot, photos, language,
                                                                           fell_back):
    """The caption is the lab's punchline. At 1280x720 in presenter mode it was cut off below the
    sidebar's fold (Chinese, and the three-line "wrong input size" caption in English), and again
    under the two lines of a fallback's reason, with a scroll bar on a keyboard-only stage."""
    from desktop_app.core.messages import Message

    window = make_window()
    window.set_language(language)  # the settings' language is installed by app.main, not the window
    window.resize(1280, 720)
    window.set_presenter(True, fullscreen=False)
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["chelsea"]])
    if fell_back:  # what the badge shows after DirectML failed (the worker's answer, given directly)
        window.badge.set_provider("cpu", (Message("provider.failed", (("provider", "DirectML"),
                                                                      ("detail", "887A0005"))),))
        assert window.badge.reason.isVisible() and "887A0005" in window.badge.reason.text()
    panel, scroll = window.views.lab, window.views.sidebar_scroll
    for pitfall in window.lab._available:
        with settled(qtbot, window.lab.result_shown, 15_000):
            window.lab.start(pitfall.id) if not window.lab.active else window.lab.set_pitfall(pitfall.id)
        qtbot.wait(30)  # the layout settles
        caption = panel.caption.mapTo(scroll.viewport(), panel.caption.rect().bottomLeft())
        assert panel.caption.text() and caption.y() <= scroll.viewport().height(), pitfall.id
        assert not scroll.verticalScrollBar().isVisible(), pitfall.id
        assert rows_apart(panel.correct_chart) and rows_apart(panel.wrong_chart), pitfall.id
        window.feedback.error("A message on stage floats over the picture: the layout does not move")
        qtbot.wait(30)
        toast = window.views.view.findChild(QLabel, "stageToast")
        assert not scroll.verticalScrollBar().isVisible() and toast.isVisible(), pitfall.id
        if language == "zh_TW":
            assert any("\u4e00" <= c <= "\u9fff" for c in panel.caption.text()), pitfall.id


def test_a_long_pitfall_title_is_elided_in_the_combo(qtbot):
    from desktop_app.gui.lab_panel import ElidingComboBox

    combo = ElidingComboBox()
    qtbot.addWidget(combo)
    combo.addItem("Channels swapped (BGR ↔ RGB) and a great deal more")
    combo.resize(160, combo.sizeHint().height())
    combo.show()
    shown = combo.shown_text()
    assert shown.endswith("…") and combo.fontMetrics().horizontalAdvance(shown) < 160
    combo.resize(900, combo.height())
    assert combo.shown_text() == combo.currentText()


def test_the_caption_is_italic_in_english_and_upright_in_chinese(make_window, qtbot):
    window = make_window()
    window.lab.start("swap-channels")
    caption = window.views.lab.caption
    qtbot.waitUntil(caption.isVisible, timeout=5_000)
    assert caption.font().italic()
    window.set_language("zh_TW")  # a slanted ideograph is a distortion, not an italic
    assert not caption.font().italic()
    window.set_language("en")
    assert caption.font().italic()


@pytest.mark.parametrize("step", ["next_pitfall", "previous_pitfall"])
def test_the_pitfall_keys_pressed_while_the_model_loads_open_the_lab_once_it_is_ready(qtbot, settings_path, step):
    """P and Page Down (Page Up) did nothing while the model loaded, with no word why."""
    window = unloaded_window(qtbot, settings_path)
    try:
        with settled(qtbot, window.service.worker.model_loaded, 30_000):
            window.start()
            getattr(window, step)()
            assert "once the model is ready" in window.statusBar().currentMessage()
        qtbot.waitUntil(lambda: window.lab.active, timeout=5_000)
        assert window.views.lab.isVisible() and window.lab.pitfall_id in {p.id for p in PITFALLS}
        getattr(window, step)()  # once open, the same key steps through the pitfalls
        qtbot.waitUntil(lambda: window.lab.pitfall_id != PITFALLS[0].id, timeout=5_000)
    finally:
        window.close()


def test_the_lab_key_pressed_twice_while_the_model_loads_opens_nothing(qtbot, settings_path):
    window = unloaded_window(qtbot, settings_path)
    try:
        with settled(qtbot, window.service.worker.model_loaded, 30_000):
            window.start()
            window.toggle_lab()
            window.toggle_lab()  # changed their mind: the promise is taken back, and its message
            assert window.statusBar().currentMessage() == ""
        qtbot.wait(100)
        assert not window.lab.active and not window.views.lab.isVisible()
    finally:
        window.close()


def _broken_picture(tmp_path: Path) -> Path:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not a jpeg" * 10)
    return broken


def test_a_broken_picture_dropped_during_the_live_lab_clears_its_rankings(make_window, qtbot, video_file, tmp_path):
    """Only the error was on screen, but the lab went on showing the last live frame's rankings."""
    window = make_window()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    window.toggle_lab()
    qtbot.waitUntil(lambda: window.views.lab.result is not None, timeout=15_000)
    drop(window, [_broken_picture(tmp_path)])
    qtbot.waitUntil(lambda: not window.pictures.running, timeout=15_000)
    qtbot.wait(500)  # any live result still on its way has arrived
    assert window.view.image_size is None and window.views.lab.result is None


def test_the_next_pitfall_after_a_broken_picture_ranks_nothing(make_window, qtbot, photos, tmp_path):
    """P after an unreadable picture ranked the previous picture, no longer on screen."""
    window = make_window()
    window.toggle_lab()
    drop(window, [photos["coffee"]])
    qtbot.waitUntil(lambda: window.views.lab.result is not None, timeout=15_000)
    drop(window, [_broken_picture(tmp_path)])
    qtbot.waitUntil(lambda: not window.pictures.running, timeout=15_000)
    window.next_pitfall()
    qtbot.wait(1500)
    assert window.view.image_size is None and window.views.lab.result is None


def test_leaving_the_lab_on_a_frozen_frame_ranks_it_under_the_current_settings(make_window, qtbot, video_file):
    """Top-k changed while the lab showed a frozen frame: back on the chart, the old top-5 stayed."""
    window = make_window()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    qtbot.waitUntil(lambda: window.stats.frames_inferred >= 5, timeout=15_000)
    window.toggle_lab()
    qtbot.waitUntil(lambda: window.views.lab.result is not None, timeout=15_000)
    window.toggle_frozen()
    with settled(qtbot, window.service.worker.model_loaded, 15_000):
        window.controls.top_k.setValue(3)
    qtbot.wait(300)
    window.toggle_lab()
    qtbot.waitUntil(lambda: len(window.chart.predictions) == 3, timeout=10_000)
    assert window.chart.isVisible() and window.frozen


def test_with_overrides_saved_the_lab_still_shows_the_models_own_side(make_window, qtbot, photos):
    """A saved channel order bgr made "The model's own preprocessing" show the swapped answer."""
    window = make_window(AppSettings(language="en", channel_order="bgr", normalize="imagenet"))
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["chelsea"]])
    panel = window.views.lab
    offered = [panel.pitfalls.itemData(i) for i in range(panel.pitfalls.count())]
    assert "norm-imagenet" in offered and "norm-zero-central" not in offered
    with settled(qtbot, window.lab.result_shown, 15_000):
        window.lab.start("swap-channels")
    assert panel.result.winner.label == "tiger cat"  # as classify says, with the model's own settings
    assert panel.wrong_chart.predictions[0].label == "Egyptian cat"


def test_softmax_twice_shows_the_order_in_its_numbers(make_window, qtbot, photos):
    """Under "Softmax applied twice" every row read "0.1%": the order the caption speaks of was not
    in the numbers."""
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["chelsea"]])
    with settled(qtbot, window.lab.result_shown, 15_000):
        window.lab.start("double-softmax")
    rows = window.views.lab.wrong_chart.accessibleDescription().split("; ")
    values = [row.rsplit(" ", 1)[1] for row in rows]
    assert all(v.endswith("%") and len(v.split(".")[1]) == 3 for v in values)  # "0.15%": two decimals
    assert len(set(values)) > 1


def test_a_pitfall_that_changes_nothing_or_helps_says_so(make_window, qtbot, photos):
    """Where a pitfall raised the right answer (stretch on grace_hopper: 25.8 % → 44.9 %) or left it
    as it was, the note read as a loss all the same."""
    from dataclasses import replace

    window = make_window()
    panel = window.views.lab
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["grace_hopper"]])
    with settled(qtbot, window.lab.result_shown, 15_000):
        window.lab.start("resize-stretch")
    result = panel.result
    assert result.wrong.winner_probability > result.correct.winner_probability
    assert panel.wrong_note.text().endswith("here: more, for this picture")
    unchanged = replace(result, wrong=replace(result.wrong, winner_probability=result.correct.winner_probability))
    panel.show_result(unchanged)
    assert panel.wrong_note.text().endswith("here too: no change for this picture")


def test_a_square_picture_letterboxed_is_not_said_to_get_grey_bars(make_window, qtbot, photos, tmp_path):
    from PIL import Image

    square = tmp_path / "square.jpg"
    with Image.open(photos["coffee"]) as photo:
        photo.crop((0, 0, 341, 341)).save(square)
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [square])
    panel = window.views.lab
    with settled(qtbot, window.lab.result_shown, 15_000):
        window.lab.start("resize-letterbox")
    assert "no grey bars were needed" in panel.caption.text()
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["coffee"]])
    qtbot.waitUntil(lambda: "Grey bars were added" in panel.caption.text(), timeout=15_000)


@pytest.mark.parametrize("language", ["en", "zh_TW"])
def test_on_stage_the_rankings_keep_their_size_from_pitfall_to_pitfall(make_window, qtbot, photos, language):
    """The rankings shrank for a three-line caption and grew back for a short one: on a 720p
    projector the type jumped at every click of the presenter's remote."""
    window = make_window()
    window.set_language(language)
    window.resize(1280, 720)
    window.set_presenter(True, fullscreen=False)
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["chelsea"]])
    panel, sizes = window.views.lab, {}
    for pitfall in window.lab._available:
        with settled(qtbot, window.lab.result_shown, 15_000):
            window.lab.start(pitfall.id) if not window.lab.active else window.lab.set_pitfall(pitfall.id)
        qtbot.wait(30)  # the layout settles
        sizes[pitfall.id] = (panel.correct_chart.winner_point_size, panel.wrong_chart.winner_point_size)
    assert len(set(sizes.values())) == 1, sizes


def test_v_shows_what_the_model_saw_large_over_the_picture(make_window, qtbot, photos):
    """On stage the lab's tensor strips step aside for the rankings: V shows both fed tensors where
    the picture is, and follows the pitfall."""
    window = make_window()
    window.set_presenter(True, fullscreen=False)
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["chelsea"]])
    seen = window.views.seen
    qtbot.keyClick(window, Qt.Key.Key_V)
    assert not seen.isVisible() and "press L" in window.feedback.current
    with settled(qtbot, window.lab.result_shown, 15_000):
        qtbot.keyClick(window, Qt.Key.Key_L)
    qtbot.keyClick(window, Qt.Key.Key_V)
    assert seen.isVisible() and seen.geometry() == window.view.rect()
    assert seen.titles == ("The model's own preprocessing", "Channels swapped (BGR ↔ RGB)")
    shown = seen.grab().toImage()
    assert shown.width() == window.view.width()
    with settled(qtbot, window.lab.result_shown, 15_000):
        qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert seen.titles[1] == "HWC memory fed as CHW"
    qtbot.keyClick(window, Qt.Key.Key_V)
    assert not seen.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_V)
    qtbot.keyClick(window, Qt.Key.Key_L)  # the lab off: the picture again
    assert not seen.isVisible()
    with settled(qtbot, window.lab.result_shown, 15_000):  # a clicker's "blank" and back: V is remembered
        qtbot.keyClick(window, Qt.Key.Key_B)
    assert seen.isVisible()
    for pitfall in ("no-softmax", "swap-channels"):  # a mistake after the model: the same input, said so
        with settled(qtbot, window.lab.result_shown, 15_000):
            window.lab.set_pitfall(pitfall)
        assert ("made with the model's output" in seen.note) is (pitfall == "no-softmax")


def test_the_large_view_follows_an_unreadable_picture_the_language_and_a_freeze(make_window, qtbot, photos,
                                                                                  tmp_path, video_file):
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["chelsea"]])
    with settled(qtbot, window.lab.result_shown, 15_000):
        window.lab.start("swap-channels")
    seen, view = window.views.seen, window.view
    window.feedback.set_stage(True)
    window.feedback.error("A message already over the picture stays above the large view")
    window.toggle_seen()
    toast = view.findChild(QLabel, "stageToast")
    assert view.children().index(toast) > view.children().index(seen)  # later children paint on top
    window.set_language("zh_TW")  # the titles too, not only the panel beside them
    assert seen.titles == ("模型自己的前處理", window.views.lab.wrong_title.text())
    window.set_language("en")
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"xx")
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [broken])
    assert seen.isVisible() and seen.titles == ()  # not the last picture's tensors, large
    assert "broken.jpg" in view.reason
    # not "Waiting for a picture or a camera frame" beside a picture that is there
    assert window.views.lab.correct_note.text() == "This picture could not be read"
    window.set_language("zh_TW")  # said in the language of the moment, not kept in English
    assert window.views.lab.correct_note.text() == "這張圖片無法讀取"
    window.set_language("en")
    with settled(qtbot, window.lab.result_shown, 15_000):
        window.start_video(str(video_file))
    window.live.set_frozen(True)
    # "Frozen" shows over the large view too, in its own corner: at the picture's corner it covered
    # the second tensor's title ("HWC memory fe[Frozen] CHW")
    corner = view._badge_rect.translated(seen.width() - 12 - view._badge_rect.right(), 12 - view._badge_rect.top())
    badge = seen.grab().toImage().pixelColor(corner.center())
    assert badge.red() > 150 and badge.green() < 100


def test_a_pitfall_that_becomes_the_new_models_own_gives_way_to_one_it_shows(make_window, qtbot, photos,
                                                                             tmp_path):
    """The lab closed, after saying twice that norm-imagenet is the model's own, and did not come back."""
    plain = build_classifier(tmp_path / "plain.onnx")  # its own normalisation: ImageNet mean/std
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["chelsea"]])
    with settled(qtbot, window.lab.result_shown, 15_000):
        window.lab.start("norm-imagenet")
    refusals = []
    window.lab.refused.connect(lambda *args: refusals.append(args))
    with settled(qtbot, window.lab.result_shown, 15_000):
        window.open_model(str(plain))
    qtbot.wait(200)  # the worker's refusal of the old pitfall, if any, has arrived
    assert window.lab.active and window.lab.pitfall_id == "swap-channels" and not refusals
    assert window.statusBar().currentMessage() == (
        "This model does not show ImageNet mean/std normalisation; the lab shows Channels swapped (BGR ↔ RGB)")
    with settled(qtbot, window.lab.result_shown, 15_000):
        qtbot.keyClick(window, Qt.Key.Key_PageDown)  # another pitfall: "the lab shows …" no longer holds
    assert window.statusBar().currentMessage() == ""


def test_the_notes_keep_their_height_as_the_live_winner_changes(make_window, qtbot, photos):
    """The notes name the winner: on a live camera a long class name took two lines and a short
    one one, and the rankings on stage changed size with the camera's winner."""
    import dataclasses

    window = make_window()
    window.resize(1280, 720)
    window.set_presenter(True, fullscreen=False)
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["chelsea"]])
    with settled(qtbot, window.lab.result_shown, 15_000):
        qtbot.keyClick(window, Qt.Key.Key_L)
    panel = window.views.lab
    short = panel.result

    def shown(result):
        panel.show_result(result)
        qtbot.wait(30)  # the layout settles
        return (panel.wrong_note.height(), panel.correct_note.height(), panel.correct_chart.winner_point_size,
                panel.wrong_chart.winner_point_size)

    first = shown(short)
    name = "American Staffordshire terrier, Staffordshire terrier, American pit bull terrier"
    long_winner = dataclasses.replace(short, winner=dataclasses.replace(short.winner, label=name))
    grown = shown(long_winner)
    assert name in panel.wrong_note.text() and grown[0] > first[0]  # the long name wraps
    assert shown(short) == grown  # back to "tiger cat": nothing moves
    assert shown(long_winner) == grown
    panel.clear()  # no result: the notes start afresh
    assert shown(short) == first
    shown(long_winner)
    window.lab.live_started()  # another source: its winners, not the last one's
    assert shown(short) == first


def test_v_uses_the_room_it_has_and_keeps_stripes_even():
    """At 1280×720 a whole multiple left the tensors at 224 px in a 760 px view; under 2× they now
    take the room, smoothed (unsmoothed fractions made uneven bands of the stripes)."""
    from desktop_app.gui.seen_view import _shown_side

    assert _shown_side(350.7, 224) == (350.0, True)  # the 1280×720 stage: all the room, smoothed
    assert _shown_side(700.0, 224) == (672.0, False)  # 3×: each model pixel a sharp square
    assert _shown_side(448.0, 224) == (448.0, False)
    assert _shown_side(200.0, 384) == (200.0, True)  # a large input shrunk to fit


def test_logits_shown_as_percentages_are_not_said_to_be_more(make_window, qtbot, photos):
    """No softmax: "tiger cat gets 931.9% here: more, for this picture" compared a raw score with a
    probability, and every bar over 100 % was drawn full."""
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["chelsea"]])
    with settled(qtbot, window.lab.result_shown, 15_000):
        window.lab.start("no-softmax")
    panel = window.views.lab
    assert panel.wrong_note.text().startswith("tiger cat shows as ")
    assert panel.wrong_note.text().endswith("here: a raw score, not a probability")
    targets = [row.target for row in panel.wrong_chart._rows]
    assert targets[0] == 1.0 and all(a > b for a, b in itertools.pairwise(targets)), targets
    assert panel.wrong_chart._rows[0].percent.endswith("%")  # the lesson: the score shown as a percentage


def test_a_model_switch_stops_a_benchmark_of_the_model_it_leaves(make_window, qtbot, photos):
    """A switch asked for during a benchmark waited for all of it, with nothing said. A change that
    keeps the session (top-k here) lets it run on."""
    from desktop_app.core import paths

    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["chelsea"]])
    worker, finished = window.service.worker, []
    benches = window.tools

    def ended(job_id, completed):
        if job_id == benches._bench_job:
            finished.append(completed)

    worker.job_finished.connect(ended)
    with settled(qtbot, worker.job_progress, 60_000):  # the first provider's figures: it is running
        window.run_bench(iterations=40)
    window.state.change(top_k=3)  # the same session: the benchmark runs on, the change after it
    assert window.feedback.current == "The change applies once the benchmark is done"
    qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    assert finished == [True]
    finished.clear()
    with settled(qtbot, worker.job_progress, 60_000):
        window.run_bench(iterations=150)
    with settled(qtbot, worker.model_loaded, 30_000):
        drop(window, [paths.int8_model_path()])
    qtbot.waitUntil(lambda: bool(finished), timeout=5_000)
    assert finished == [False] and len(window.bench.rows) < 2  # stopped, not run to its end
    assert window.feedback.current == "Benchmark stopped: another model or provider was chosen"


def test_the_stage_is_laid_out_the_same_whatever_came_before(make_window, qtbot, photos):
    """With the lab opened in the normal window, the stage came back with its sidebar 585 px wide
    instead of 502: the picture smaller, and the ranking's type another size."""
    window = make_window()
    window.resize(1280, 720)
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["chelsea"]])

    def stage():
        window.set_presenter(True, fullscreen=False)
        qtbot.wait(50)  # the layout settles
        widths = (window.view.width(), window.views.sidebar_scroll.width())
        window.set_presenter(False)
        return widths

    first = stage()
    with settled(qtbot, window.lab.result_shown, 15_000):
        window.lab.start("swap-channels")
    qtbot.wait(50)
    with_lab = stage()
    window.lab.stop()
    assert with_lab == first and stage() == first
