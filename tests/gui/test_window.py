"""The window end to end: drops, paste, folders, model switches, bad input, presenter, settings."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QLabel

from desktop_app.core import paths
from desktop_app.core.settings import AppSettings
from desktop_app.gui.settings_store import SettingsStore
from tests.gui.helpers import drop, photo_folder, settled
from tests.model_factory import build_classifier

CATS = {"tiger cat", "Egyptian cat", "tabby", "Persian cat", "Siamese cat"}


def test_dropped_photo_is_ranked(make_window, qtbot, photos):
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 10_000):
        drop(window, [photos["coffee"]])
    top = window.chart.predictions
    assert top[0].label == "espresso" and len(top) == 5
    assert window.view.has_image()
    assert "CPU" in window.badge.pill.text()


def test_the_window_and_classify_give_the_same_answer_for_a_camera_sized_photo(make_window, qtbot, photos, tmp_path):
    """The window ranked its reduced copy of a 4000 px photo and ``classify`` the full decode:
    Egyptian cat first in one, tiger cat in the other. Both now rank the same copy."""
    import json
    import subprocess
    import sys

    import cv2

    big = tmp_path / "chelsea_4000.jpg"
    image = cv2.imread(str(photos["chelsea"]))
    cv2.imwrite(str(big), cv2.resize(image, (4000, 2661), interpolation=cv2.INTER_CUBIC))
    run = subprocess.run([sys.executable, "-m", "desktop_app", "classify", str(big), "--json"],
                         capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert run.returncode == 0, run.stderr
    cli = [(p["label"], p["probability"]) for p in json.loads(run.stdout)["results"][0]["top"]]
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 10_000):
        drop(window, [big])
    shown = [(p.label, p.probability) for p in window.chart.predictions]
    assert [label for label, _ in shown] == [label for label, _ in cli]
    assert np.allclose([p for _, p in shown], [p for _, p in cli], atol=1e-5)


def test_dropped_folder_fills_the_results_and_exports_csv(make_window, qtbot, photos, tmp_path):
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 20_000):
        drop(window, [photos["coffee"].parent])
    results = window.results.results
    assert [Path(r.path).name for r in results] == ["chelsea.jpg", "coffee.jpg", "grace_hopper.jpg"]
    assert window.results.isVisible() and window.results.progress.value() == 3
    split = window.views.picture_split  # a quarter of the height, not the one row a splitter gives
    assert window.results.height() >= 0.2 * sum(split.sizes())
    window.results.table.setCurrentCell(1, 0)  # stepping through shows that picture's ranking
    assert window.chart.predictions[0].label == "espresso"
    out = tmp_path / "results.csv"
    window.export_csv(str(out))
    with out.open(encoding="utf-8-sig", newline="") as handle:  # with the BOM Excel needs
        rows = list(csv.DictReader(handle))
    assert [r["label_1"] for r in rows][1:] == ["espresso", "military uniform"]
    assert rows[0]["label_1"] in CATS


def test_an_empty_folder_is_not_said_to_have_subfolders(make_window, tmp_path):
    window = make_window()
    (tmp_path / "empty").mkdir()
    (tmp_path / "albums" / "2024").mkdir(parents=True)
    drop(window, [tmp_path / "empty"])
    assert window.statusBar().currentMessage() == "No pictures in that folder"
    drop(window, [tmp_path / "albums"])
    assert window.statusBar().currentMessage() == "No pictures in that folder (its subfolders are not opened)"


def test_a_failed_picture_in_a_folder_keeps_its_whole_reason_in_a_tooltip(make_window, qtbot, photos, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a_broken.jpg").write_bytes(b"not a jpeg at all")
    (folder / "coffee.jpg").write_bytes(photos["coffee"].read_bytes())
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 20_000):
        drop(window, [folder])
    table = window.results.table
    assert table.rowCount() == 2 and table.item(1, 1).text() == "espresso"
    reason = table.item(0, 1)  # the column is narrower than a reason: the tooltip has it whole
    assert "not a picture format" in reason.text() and reason.toolTip() == reason.text()


def test_the_part_the_model_sees_is_outlined(make_window, qtbot, photos):
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 10_000):
        drop(window, [photos["grace_hopper"]])  # a portrait: the centre crop cuts top and bottom
    x, y, w, h = window.view.model_region
    assert y > 0 and y + h < 1 and w == pytest.approx(0.874, abs=0.01)
    combo = window.controls.preset_combos["resize"]
    with settled(qtbot, window.service.worker.job_finished, 10_000):
        combo.setCurrentIndex(combo.findData("stretch"))
        combo.activated.emit(combo.currentIndex())
    assert window.view.model_region == (0.0, 0.0, 1.0, 1.0)  # the whole picture: nothing outlined


def test_unreadable_file_is_a_message_not_a_crash(make_window, qtbot, tmp_path, photos):
    window = make_window()
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8 not really a jpeg")
    with settled(qtbot, window.service.worker.job_finished, 10_000):
        drop(window, [bad])
    assert "broken.jpg" in window.statusBar().currentMessage()
    with settled(qtbot, window.service.worker.job_finished, 10_000):
        drop(window, [photos["coffee"]])  # and the app keeps working
    assert window.chart.predictions[0].label == "espresso"


def test_dropped_model_switches_and_a_broken_one_is_refused(make_window, qtbot, tmp_path):
    window = make_window()
    tiny = build_classifier(tmp_path / "tiny.onnx", classes=10, layout="NHWC")
    with settled(qtbot, window.service.worker.model_loaded, 10_000) as loaded:
        drop(window, [tiny])
    assert loaded.args[0].description.input.layout == "NHWC"
    assert "tiny" in window.model_info.text()
    junk = tmp_path / "junk.onnx"
    junk.write_bytes(b"nonsense")
    with settled(qtbot, window.service.worker.model_failed, 10_000):
        drop(window, [junk])
    qtbot.waitUntil(lambda: "could not be used" in window.statusBar().currentMessage())
    assert window.settings.model_path == str(tiny)  # still running the model that worked
    with settled(qtbot, window.service.worker.job_finished, 10_000):
        drop(window, [tmp_path.parent / "missing.png", Path(__file__).parent.parent / "data" / "coffee.jpg"])
    assert window.chart.predictions[0].label.startswith("class ")  # the tiny model has no labels
    with settled(qtbot, window.service.worker.model_failed, 10_000):
        drop(window, [junk])
    qtbot.waitUntil(lambda: "could not be used" in window.statusBar().currentMessage())
    with settled(qtbot, window.service.worker.model_loaded, 10_000):
        window.use_bundled_model()  # another model, which works: the refusal no longer holds
    assert "could not be used" not in window.statusBar().currentMessage()


def test_paste_an_image_from_the_clipboard(make_window, qtbot, photos):
    window = make_window()
    QGuiApplication.clipboard().setImage(QImage(str(photos["coffee"])))
    with settled(qtbot, window.service.worker.job_finished, 10_000):
        window.paste()
    assert window.chart.predictions[0].label == "espresso"


def test_a_pasted_picture_with_transparency_is_ranked_as_the_same_png_dropped(make_window, qtbot, photos, tmp_path):
    """Pasting a picture with transparent areas ranked garbage rows (the RGB888 conversion was
    read after its source was released), and differently from run to run."""
    from PySide6.QtGui import QColor, QPainter

    window = make_window()
    picture = QImage(400, 300, QImage.Format.Format_ARGB32)
    picture.fill(QColor(0, 0, 0, 0))
    painter = QPainter(picture)
    painter.drawImage(100, 50, QImage(str(photos["chelsea"])).scaled(200, 200))
    painter.end()
    png = tmp_path / "cut_out.png"
    picture.save(str(png))
    with settled(qtbot, window.service.worker.job_finished, 10_000):
        drop(window, [png])
    dropped = window.pictures.entries[0].image
    expected = [(p.label, round(p.probability, 5)) for p in window.chart.predictions]
    for _ in range(5):
        QGuiApplication.clipboard().setImage(picture)
        with settled(qtbot, window.service.worker.job_finished, 10_000):
            window.paste()
        pasted = window.pictures.entries[0].image
        assert pasted.shape == dropped.shape and np.array_equal(pasted, dropped)  # on white, like the file
        assert [(p.label, round(p.probability, 5)) for p in window.chart.predictions] == expected


def test_paste_says_what_the_clipboard_holds(make_window, qtbot, photos):
    """An empty clipboard raised an uncaught exception; a browser's "copy image" (the picture and
    its web address) and a web address alone did nothing, silently."""
    from PySide6.QtCore import QMimeData, QUrl

    window = make_window()
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    window.paste()
    assert window.statusBar().currentMessage() == "The clipboard holds no picture"
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/coffee.jpg")])
    clipboard.setMimeData(web)
    window.paste()
    assert "Only files on this computer" in window.statusBar().currentMessage()
    both = QMimeData()
    both.setUrls([QUrl("https://example.org/coffee.jpg")])
    both.setImageData(QImage(str(photos["coffee"])))
    clipboard.setMimeData(both)
    with settled(qtbot, window.service.worker.job_finished, 10_000):
        window.paste()
    assert window.chart.predictions[0].label == "espresso"
    clipboard.clear()  # the clipboard owns these QMimeData: left to the exit, they crashed it


def test_preprocessing_switch_reclassifies_and_marks_the_model_default(make_window, qtbot, photos):
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 10_000):
        drop(window, [photos["coffee"]])
    assert window.controls.default_marker.text() == "✓ Model default"
    combo = window.controls.preset_combos["channel_order"]
    assert combo.currentText() == "rgb (model)"
    with settled(qtbot, window.service.worker.job_finished, 10_000):
        combo.setCurrentIndex(combo.findData("bgr"))
        combo.activated.emit(combo.currentIndex())
    assert window.settings.channel_order == "bgr"
    assert "Changed" in window.controls.default_marker.text()
    assert "BGR" in window.model_info.text()
    with settled(qtbot, window.service.worker.job_finished, 10_000):
        window.controls.reset_preprocessing.click()
    assert window.settings.channel_order is None and window.chart.predictions[0].label == "espresso"


def test_presenter_mode_and_shortcuts(make_window, qtbot):
    window = make_window()
    desk_badge = window.view._badge_font().pointSizeF()
    window.set_presenter(True, fullscreen=False)
    assert not window.controls_scroll.isVisible() and not window.menuBar().isVisible()
    assert window.chart.font_scale > 2
    # The hint names no hidden panel and no key that does nothing there; the badge is stage-sized.
    assert "left" not in window.view.placeholder and "F11" not in window.view.placeholder
    assert "Esc" in window.view.placeholder
    assert window.view._badge_font().pointSizeF() > 1.4 * desk_badge
    qtbot.keyClick(window, Qt.Key.Key_Space)  # nothing live: a "Frozen" badge would be a lie
    assert not window.frozen and window.view.badge == "" and "a picture is already still" in window.feedback.current
    mirrored = window.settings.mirror
    qtbot.keyClick(window, Qt.Key.Key_M)
    assert window.settings.mirror is (not mirrored)
    assert "The camera will be shown" in window.feedback.current  # nothing on screen changes: it says so
    window.feedback.status("On stage a message floats over the picture")
    toast = window.view.findChild(QLabel, "stageToast")
    assert toast.isVisible() and not window.statusBar().isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.presenter and window.controls_scroll.isVisible()
    assert not toast.isVisible() and window.statusBar().isVisible()
    assert window.statusBar().currentMessage() == "On stage a message floats over the picture"
    assert "F11" in window.view.placeholder and window.view._badge_font().pointSizeF() == desk_badge


def test_a_message_wider_than_the_window_ends_in_an_ellipsis_and_is_whole_in_its_tooltip(make_window, qtbot):
    """Qt's status bar cut a long message off mid-letter at the window's edge, with no way to read
    the rest (a model's path in an error, in a narrow window)."""
    window = make_window()
    window.resize(800, 600)  # as narrow as the window goes (about 1000 px)
    message = ("C:\\Users\\someone\\OneDrive - A Company With A Long Name\\Documents\\Conference talks\\"
               "2026\\ONNX Runtime demo\\models\\mobilenetv2-12.onnx is not an ONNX model, or the file is damaged")
    window.feedback.error(message)
    bar = window.statusBar()
    qtbot.waitUntil(lambda: bar.width() < bar.fontMetrics().horizontalAdvance(message))
    shown = bar.shown_text()
    assert bar.currentMessage() == message  # elided only where it is painted
    assert shown.endswith("…") and bar.fontMetrics().horizontalAdvance(shown) < bar.width()
    assert bar.toolTip() == message
    assert not bar.grab().isNull()  # it paints
    window.resize(2400, 600)
    qtbot.waitUntil(lambda: bar.shown_text() == message)
    assert bar.toolTip() == ""  # nothing hidden, nothing to hover for
    window.statusBar().clearMessage()
    assert bar.toolTip() == ""


def many_photos(photos: dict, folder: Path, count: int) -> Path:
    """A folder of ``count`` copies of the test photos: long enough to act while it is ranked."""
    import shutil

    folder.mkdir()
    for i in range(count):
        source = list(photos.values())[i % 3]
        shutil.copyfile(source, folder / f"{i:02d}_{source.name}")
    return folder


def test_esc_during_a_re_rank_leaves_presenter_mode_and_keeps_the_folder(make_window, qtbot, photos, tmp_path):
    """Esc after a top-k change on stage stopped the automatic re-rank instead, and every picture
    it had not re-ranked yet was dropped from the set, the list and a later CSV."""
    window = make_window()
    folder = many_photos(photos, tmp_path / "many", 60)
    with settled(qtbot, window.service.worker.job_finished, 60_000):
        drop(window, [folder])
    window.set_presenter(True, fullscreen=False)
    window.controls.top_k.setValue(3)
    qtbot.waitUntil(lambda: window.pictures.running, timeout=10_000)  # the re-rank under top-3
    assert not window.results.cancel.isEnabled()  # nor stopped by its button: the same loss
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.presenter
    qtbot.waitUntil(lambda: not window.pictures.running, timeout=60_000)
    assert window.pictures.count == 60 and len(window.results.results) == 60
    assert all(len(r.classification.top) == 3 for r in window.results.results)


def test_esc_during_a_re_rank_in_the_normal_window_says_why_it_goes_on(make_window, qtbot, photos, tmp_path):
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 60_000):
        drop(window, [many_photos(photos, tmp_path / "many", 60)])
    window.controls.top_k.setValue(3)
    qtbot.waitUntil(lambda: window.pictures.running, timeout=10_000)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.statusBar().currentMessage().startswith("The pictures are ranked again")
    qtbot.waitUntil(lambda: not window.pictures.running, timeout=60_000)
    assert window.pictures.count == 60


def test_a_focused_control_keeps_the_plain_keys_it_uses(make_window, qtbot, photos, tmp_path):
    """Space on a focused check box froze the view instead of ticking it, "b" typed in the channel
    order list opened the lab instead of choosing bgr, Page Down in the results list opened the
    lab instead of paging it, and Tab could not leave the list."""
    window = make_window()
    window.activateWindow()
    mirror = window.controls.mirror
    mirror.setFocus()
    qtbot.waitUntil(mirror.hasFocus)
    ticked = mirror.isChecked()
    qtbot.keyClick(mirror, Qt.Key.Key_Space)
    assert mirror.isChecked() is (not ticked) and window.settings.mirror is (not ticked)
    combo = window.controls.preset_combos["channel_order"]
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    with settled(qtbot, window.service.worker.model_loaded, 10_000):
        qtbot.keyClicks(combo, "b")
    assert window.settings.channel_order == "bgr" and not window.lab.active
    with settled(qtbot, window.service.worker.job_finished, 20_000):
        drop(window, [photo_folder(photos, tmp_path / "folder")])
    table = window.results.table
    qtbot.waitUntil(table.hasFocus)  # the new list has the focus: ↑/↓ walk it at once
    qtbot.keyClick(table, Qt.Key.Key_PageDown)
    assert not window.lab.active and table.currentRow() == 2
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.mouseClick(window.view, Qt.MouseButton.LeftButton)  # a click on the picture: the keys act again
    assert not combo.hasFocus()
    window.set_presenter(True, fullscreen=False)  # on stage the keys are the presenter's
    window.views.lab.pitfalls.setFocus()
    qtbot.keyClick(window.views.lab.pitfalls, Qt.Key.Key_L)
    assert window.lab.active


def test_the_error_of_a_broken_picture_goes_when_a_good_one_is_shown(make_window, qtbot, photos, tmp_path):
    """Clicking a broken picture, then a good one, left "broken.jpg: damaged…" in the status bar
    for 16 s under the good picture's ranking."""
    folder = photo_folder(photos, tmp_path / "folder")
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a jpeg" * 10)
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 20_000):
        drop(window, [folder])
    names = [Path(r.path).name for r in window.results.results]
    window.results.table.setCurrentCell(names.index("chelsea.jpg"), 0)
    window.results.table.setCurrentCell(names.index("broken.jpg"), 0)
    assert "broken.jpg" in window.statusBar().currentMessage()
    row = window.results.table.item(names.index("broken.jpg"), 1).text()
    assert row.startswith("Error: ") and "broken.jpg" not in row  # its row names it already
    window.results.table.setCurrentCell(names.index("coffee.jpg"), 0)
    assert window.chart.predictions[0].label == "espresso"
    assert "broken.jpg" not in window.statusBar().currentMessage()


def test_a_csv_saved_while_a_folder_is_still_ranked_says_it_is_partial(make_window, qtbot, photos, tmp_path):
    window = make_window()
    folder = many_photos(photos, tmp_path / "many", 60)
    drop(window, [folder])
    qtbot.waitUntil(lambda: len(window.results.results) >= 3, timeout=20_000)
    out = tmp_path / "part.csv"
    window.export_csv(str(out))
    assert window.pictures.running  # still ranking as it saved
    rows = out.read_text(encoding="utf-8-sig").splitlines()[1:]
    assert f"{len(rows)} of 60 pictures, the rest are still being ranked" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not window.pictures.running, timeout=60_000)


def luminance(colour) -> float:
    """WCAG relative luminance of a QColor."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(a, b) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_a_message_box_stays_readable_in_presenter_mode(make_window, qtbot):
    """The presenter sheet is the window's, and a window's sheet reaches its dialogs: its near-white
    text once went onto the message box's light background."""
    from PySide6.QtWidgets import QLabel, QMessageBox

    window = make_window()
    window.set_presenter(True, fullscreen=False)
    box = QMessageBox(QMessageBox.Icon.Warning, "Synset", "This file is not a picture Synset can read",
                      QMessageBox.StandardButton.Ok, window)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    label = next(label for label in box.findChildren(QLabel) if "picture" in label.text())
    text = label.palette().color(label.foregroundRole())
    background = box.grab().toImage().pixelColor(box.width() - 3, 3)
    assert contrast(text, background) >= 4.5, (text.name(), background.name())
    box.close()


def test_on_a_1024x768_stage_names_stay_whole_and_the_details_step_back(make_window, qtbot, photos):
    """An older projector: the ranking's type shrinks until a usual name fits the sidebar (it was
    cut to "tiger …" at 2.4×), and the model's details take a smaller size than on a 1080p stage."""
    from desktop_app.core.postprocess import Prediction

    window = make_window()
    window.set_presenter(True, fullscreen=False)
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.height() == 1080, timeout=5_000)
    stage_size = window.model_info.font().pointSizeF()
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.height() == 768, timeout=5_000)
    names = ("golden retriever", "tiger cat", "Egyptian cat", "window screen", "lynx")
    window.chart.set_predictions(tuple(Prediction(i, name, None, 0.2) for i, name in enumerate(names)))
    assert [row.label for row in window.chart._rows] == list(names)
    assert window.chart._winner_font.pointSizeF() > 1.5 * window.model_info.font().pointSizeF()
    assert window.model_info.font().pointSizeF() < stage_size == 16
    window.set_presenter(False)
    assert window.model_info.font().pointSizeF() < 16


@pytest.mark.parametrize("language", ["en", "zh_TW"])
def test_the_latency_read_out_wraps_only_between_its_items(make_window, qtbot, photos, language):
    """A narrow sidebar once broke "9.3 ms" into "9.3" and "ms", or started a line with "·"."""
    window = make_window()
    window.set_language(language)  # the settings' language is installed by app.main, not the window
    with settled(qtbot, window.service.worker.job_finished, 10_000):
        drop(window, [photos["coffee"]])
    window.refresh_readout()
    text = window.latency.text()
    assert "\u00a0ms" in text and " ms" not in text and " ·" not in text, text


def test_a_chinese_counter_word_stays_with_its_number():
    from desktop_app.gui.info_panel import _unbroken

    line = _unbroken("攝影機 %1 fps · 推論 %2 fps · 捨棄 %3 個影格")
    assert line.replace("\u2060", "") == (  # word joiners keep each word whole (the next test)
        "攝影機\u00a0%1\u00a0fps\u00a0· 推論\u00a0%2\u00a0fps\u00a0· 捨棄\u00a0%3\u00a0個影格")


def test_a_chinese_word_in_the_read_out_is_never_split(qtbot):
    """Chinese may break between any two ideographs: "後處理" (postprocess) was split into "後處"
    and "理" at the end of a line, which no non-breaking space prevents."""
    from PySide6.QtGui import QTextDocument, QTextOption

    from desktop_app.gui.info_panel import _unbroken

    text = _unbroken("解碼 %1 ms · 前處理 %2 ms · 推論 %3 ms · 後處理 %4 ms")
    for i, value in enumerate(("0.0", "0.3", "10.1", "0.2"), start=1):
        text = text.replace(f"%{i}", value)
    document = QTextDocument()
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)  # as a word-wrapping QLabel lays it out
    document.setDefaultTextOption(option)
    document.setPlainText(text)
    items = {item.strip() for item in text.split("· ")}
    for width in range(60, 420, 5):
        document.setTextWidth(width)
        document.size()  # lays it out
        layout = document.firstBlock().layout()
        lines = [text[line.textStart(): line.textStart() + line.textLength()].strip()
                 for line in (layout.lineAt(i) for i in range(layout.lineCount()))]
        for line in lines:  # whole items only, with their separator
            assert all(item.strip().rstrip("·").strip() in items for item in line.split("· ")), (width, lines)


def test_file_dialogs_open_where_the_last_one_was_left_also_after_a_restart(make_window, qtbot, photos, monkeypatch,
                                                                            tmp_path, settings_path):
    """Every dialog opened in the app's working folder, far from the user's pictures, every time."""
    from PySide6.QtWidgets import QFileDialog

    starts: list[str] = []

    def open_pictures(parent, title, start, filters):
        starts.append(start)
        return [str(photos["coffee"])], ""

    def cancel(parent, title, start, filters):
        starts.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_pictures)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", cancel)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", cancel)
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 10_000):
        window.choose_pictures()
    window.choose_model()
    window.save_screenshot()
    folder = str(photos["coffee"].parent)
    assert starts[1:] == [folder, str(Path(folder) / "synset.png")]
    window.close()
    assert SettingsStore(settings_path).load().last_folder == folder
    again = make_window(SettingsStore(settings_path).load())
    again.choose_labels()
    assert starts[-1] == folder


def test_a_preprocessing_override_does_not_widen_the_side_panel(make_window, qtbot):
    """At 1280×800 "Changed from the model default" and its button made the panel scroll sideways,
    cutting "Freeze (Space)" and "Open labels…" off."""
    window = make_window(AppSettings(language="en", channel_order="bgr"))
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: "Changed" in window.controls.default_marker.text())
    qtbot.wait(50)  # the layout settles
    assert not window.controls_scroll.horizontalScrollBar().isVisible()


def test_the_normalisation_of_a_uint8_model_cannot_be_chosen(make_window, qtbot, tmp_path):
    """Picking imagenet showed "Changed from the model default" beside "raw (model)", and nothing changed."""
    window = make_window()
    combo = window.controls.preset_combos["normalize"]
    assert combo.isEnabled()
    with settled(qtbot, window.service.worker.model_loaded, 10_000):
        drop(window, [build_classifier(tmp_path / "u8.onnx", dtype="uint8", classes=10)])
    assert not combo.isEnabled() and "raw 8-bit pixels" in combo.toolTip()
    with settled(qtbot, window.service.worker.model_loaded, 10_000):
        window.use_bundled_model()
    assert combo.isEnabled() and combo.toolTip() == ""


def test_the_about_box_says_what_runs_by_version(make_window):
    """It was one line of tagline: no ONNX Runtime version, no provider, no licences."""
    import onnxruntime

    window = make_window()
    text = window.about_text()
    assert f"ONNX Runtime {onnxruntime.__version__} (" in text and "CPU" in text
    assert "Running on: CPU" in text and "Qt " in text and "Apache-2.0" in text


def test_a_screen_reader_can_name_the_controls_and_read_the_ranking(make_window, qtbot, photos):
    """The painted bars had no text for assistive technology, and every list read as a bare
    "combo box": nothing said which was the camera, the provider or the top-k."""
    from PySide6.QtGui import QAccessible

    def read(widget, what=QAccessible.Text.Name):
        return QAccessible.queryAccessibleInterface(widget).text(what)

    window = make_window()
    controls = window.controls
    assert read(controls.top_k) == "Top-k"
    # A list's name is its label on Windows; on Linux it is its text, and the label is related to
    # it as its "labelled by" (both come from the label's buddy).
    for label, field in ((controls.camera_label, controls.camera), (controls.provider_label, controls.provider),
                         (controls.preset_labels["channel_order"], controls.preset_combos["channel_order"])):
        assert label.buddy() is field
    assert read(window.chart) == "Ranking"
    assert read(window.chart, QAccessible.Text.Description) == "No prediction yet"
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["coffee"]])
    spoken = read(window.chart, QAccessible.Text.Description)
    top = window.chart.predictions[0]
    assert spoken.startswith(f"{top.label} {top.probability * 100:.1f}%; ")
    assert spoken.count("; ") == len(window.chart.predictions) - 1
    window.toggle_lab()
    lab = window.views.lab
    assert read(lab.correct_chart) == "The model's own preprocessing" and lab.heading.buddy() is lab.pitfalls


def test_every_view_a_screen_reader_meets_has_a_name_and_tab_stops_only_where_focus_shows(make_window, qtbot,
                                                                                          photos, tmp_path):
    """The results list, what the model sees, the benchmark's bars had no name; the latency read
    out Chinese with word joiners inside its words; Tab stopped on two invisible scroll areas."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QScrollArea

    def read(widget, what=QAccessible.Text.Name):
        return QAccessible.queryAccessibleInterface(widget).text(what)

    window = make_window()
    window.set_language("zh_TW")
    with settled(qtbot, window.service.worker.job_finished, 30_000):
        drop(window, [photo_folder(photos, tmp_path / "folder")])
    assert read(window.results.table) == "結果"
    spoken = read(window.latency)
    assert "解碼" in spoken and "\u2060" not in spoken and "\u2060" in window.latency.text()
    assert all(area.focusPolicy() == Qt.FocusPolicy.NoFocus for area in window.findChildren(QScrollArea))
    with settled(qtbot, window.lab.result_shown, 15_000):
        window.toggle_lab()
    lab = window.views.lab
    assert read(lab.correct_seen) == "模型以自己的前處理看到的" and read(lab.wrong_seen) == "模型在陷阱下看到的"
    window.toggle_seen()
    assert read(window.views.seen) == "模型看到的，兩種方式"
    assert read(window.views.seen, QAccessible.Text.Description).startswith("模型自己的前處理; ")
    page = window.bench
    page.begin(1, "model.onnx", 3)
    page.add({"provider": "cpu", "intra_op_threads": 1, "load_ms": 90.0, "overhead_ratio": 1.08,
              "raw_inference_ms": {"p50": 4.71, "p95": 5.0}, "pipeline_ms": {"p50": 5.24, "p95": 6.0}})
    assert read(page.chart) == "基準測試圖表"
    assert read(page.chart, QAccessible.Text.Description) == "CPU ×1：純推論 4.7 ms，畫面 → top-k 5.2 ms"


def test_closing_the_benchmark_stops_it(make_window, qtbot, photos):
    """Esc hid the dialog and the benchmark ran on unseen, live ranking paused, with nothing on
    screen to stop it."""
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["chelsea"]])
    finished = []
    window.service.worker.job_finished.connect(lambda job_id, completed: finished.append(completed))
    window.show_bench()
    with settled(qtbot, window.service.worker.job_progress, 60_000):  # the first provider's row: it runs
        window.run_bench(iterations=200)
    qtbot.keyClick(window.bench, Qt.Key.Key_Escape)
    assert not window.bench.isVisible()
    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
    assert finished == [False] and window.feedback.current == "Benchmark stopped"


def test_on_stage_the_fast_and_accurate_models_have_keys(make_window, qtbot):
    """The menus are hidden on stage: the int8 variant could not be chosen there at all. Quit was
    Qt's standard key, which is none on Windows."""
    window = make_window()
    assert window.menus.actions["quit"].shortcut().toString() == "Ctrl+Q"
    assert window.menus.actions["about"].shortcut().toString() == "F1"
    window.set_presenter(True, fullscreen=False)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.language == "zh_TW" and window.controls.source_box.title() == "來源"
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.language == "en"
    window.set_presenter(False, fullscreen=False)
    qtbot.waitUntil(lambda: window.state.shown is not None, timeout=15_000)
    window.set_presenter(True, fullscreen=False)
    window.activateWindow()
    with settled(qtbot, window.service.worker.model_loaded, 30_000):
        qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.state.shown.description.path == str(paths.int8_model_path())
    with settled(qtbot, window.service.worker.model_loaded, 30_000):
        qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.state.shown.description.path == str(paths.default_model_path())


def test_settings_persist_as_values(make_window, qtbot, settings_path):
    window = make_window()
    window.controls.top_k.setValue(3)
    with settled(qtbot, window.service.worker.model_loaded, 10_000):
        window.controls.provider_chosen.emit("cpu", None)
    window.set_language("zh_TW")
    window.close()
    saved = SettingsStore(settings_path).load()
    assert (saved.top_k, saved.provider, saved.language) == (3, "cpu", "zh_TW")
    assert SettingsStore(settings_path).load_geometry() is not None


def test_the_results_keep_the_height_the_user_gave_them(make_window, qtbot, photos, tmp_path, settings_path):
    """A folder's results came back at a quarter of the height every time, also after a restart."""
    window = make_window()
    folder = photo_folder(photos, tmp_path / "f")
    with settled(qtbot, window.service.worker.job_finished, 30_000):
        drop(window, [folder])
    split = window.views.picture_split
    total = sum(split.sizes())
    split.moveSplitter(total // 2, 1)  # as a drag of the handle does
    assert abs(split.sizes()[1] / total - 0.5) < 0.05
    window.close()
    assert abs(SettingsStore(settings_path).load_results_share() - 0.5) < 0.05
    again = make_window()
    with settled(qtbot, again.service.worker.job_finished, 30_000):
        drop(again, [folder])
    sizes = again.views.picture_split.sizes()
    assert abs(sizes[1] / sum(sizes) - 0.5) < 0.05


def test_settings_are_written_soon_after_a_change_without_closing(make_window, qtbot, settings_path):
    """A crash or a kill loses nothing: every field is on disk a moment after it changed."""
    window = make_window()
    with settled(qtbot, window.service.worker.model_loaded, 10_000):
        window.state.change(mirror=False, smoothing=True, resolution=(640, 480), normalize="imagenet",
                            channel_order="bgr", resize="letterbox", top_k=4, language="zh_TW")
    wanted = window.state.to_save()
    assert wanted != AppSettings(language="en")
    qtbot.waitUntil(lambda: SettingsStore(settings_path).load() == wanted, timeout=5_000)


def test_the_windows_place_and_the_results_height_survive_a_kill_and_quitting_on_stage(make_window, qtbot, photos,
                                                                                       tmp_path, settings_path):
    """Both were saved only when the window closed, and the place not at all when it closed on
    stage: a kill, or quitting in presenter mode, brought back the old size."""
    window = make_window()
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: SettingsStore(settings_path).load_geometry() == window.saveGeometry(), timeout=5_000)
    normal = window.saveGeometry()
    with settled(qtbot, window.service.worker.job_finished, 30_000):
        drop(window, [photo_folder(photos, tmp_path / "f")])
    split = window.views.picture_split
    split.moveSplitter(sum(split.sizes()) // 2, 1)  # as a drag of the handle does
    qtbot.waitUntil(lambda: abs((SettingsStore(settings_path).load_results_share() or 0) - 0.5) < 0.05,
                    timeout=5_000)
    window.set_presenter(True, fullscreen=False)
    window.resize(1280, 720)
    window.close()
    assert SettingsStore(settings_path).load_geometry() == normal


def test_corrupt_settings_fall_back_to_defaults(settings_path):
    Path(settings_path).write_text("[app]\ntop_k=\"99\"\nprovider=\"\\\"quantum\\\"\"\nresolution=\"oops\"\n")
    assert SettingsStore(settings_path).load() == AppSettings()


def test_translation_switches_the_visible_text(make_window):
    window = make_window()
    window.set_language("zh_TW")
    assert window.controls.source_box.title() == "來源"
    assert window.menus.file.title().startswith("檔案")
    window.set_language("en")
    assert window.controls.source_box.title() == "Source"


@pytest.mark.parametrize("pixels", [np.zeros((50, 80, 3), np.uint8)])
def test_frozen_arrays_cannot_be_written(pixels):
    from desktop_app.core.frames import Frame

    frame = Frame.of(1, pixels, time.perf_counter())
    with pytest.raises(ValueError):
        frame.image[0, 0, 0] = 1


@pytest.mark.parametrize("order", ["bgr", "rgb"])
def test_a_live_frame_is_painted_in_its_own_colours(make_window, qtbot, order):
    """The capture thread hands the GUI Qt's own 32-bit layout (a plain copy to paint)."""
    from desktop_app.core.display import SCREEN_ORDER, for_screen

    window = make_window()
    view = window.views.view
    picture = np.zeros((720, 1280, 3), np.uint8)
    picture[..., 0 if order == "rgb" else 2] = 220  # red
    picture[..., 1] = 40
    w, h = view.width(), view.height()
    # A picture of another shape than the view, so that it leaves margins on two sides.
    wide = w / h < 1280 / 720
    band = picture[:200] if wide else picture[:, :200]
    margins = [(w // 2, 0), (w // 2, h - 1)] if wide else [(0, h // 2), (w - 1, h // 2)]
    for mirrored in (False, True):
        view.set_mirrored(mirrored)
        view.set_image(for_screen(band, order, (w, h)), SCREEN_ORDER)
        grabbed = view.grab().toImage()
        painted = grabbed.pixelColor(w // 2, h // 2)
        assert (painted.red(), painted.green(), painted.blue()) == (220, 40, 0)
        for x, y in margins:  # the margins are the view's background, not stale pixels
            assert grabbed.pixelColor(x, y) == view.background


def _wheel(widget, notches: int) -> bool:
    """Turn the wheel over ``widget``; whether it took the event. (A real wheel event that the
    widget leaves unaccepted goes on to its parent; a synthesized one stops, so that is not shown.)"""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    at = QPointF(widget.rect().center())
    event = QWheelEvent(at, widget.mapToGlobal(at), QPoint(0, 0), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_scrolling_the_panel_over_a_control_changes_nothing(make_window, qtbot):
    window = make_window()
    window.resize(1280, 400)  # the side panel now scrolls
    controls, bar = window.controls, window.controls_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == 0
    provider, top_k, requests = controls.provider.currentIndex(), controls.top_k.value(), []
    window.state.model_requested.connect(requests.append)
    for control in (controls.provider, controls.top_k, controls.adapter, *controls.preset_combos.values()):
        assert not _wheel(control, -3)  # left for the panel, which scrolls
    assert controls.provider.currentIndex() == provider and controls.top_k.value() == top_k
    assert requests == [] and window.settings.top_k == top_k
    assert _wheel(window.controls_scroll.viewport(), -3) and bar.value() > 0
    # Clicked (focused), a control takes the wheel as usual.
    window.activateWindow()
    controls.top_k.setFocus()
    qtbot.waitUntil(controls.top_k.hasFocus)
    assert _wheel(controls.top_k, 1)
    assert controls.top_k.value() == top_k + 1 and window.settings.top_k == top_k + 1


def test_a_model_names_itself_in_text_not_markup(qtbot):
    from dataclasses import replace

    from desktop_app.core.classifier import Classifier
    from desktop_app.gui.info_panel import ModelInfoLabel

    label = ModelInfoLabel()
    qtbot.addWidget(label)
    name = "<img src='/etc/passwd'><span style='font-size:400px'>x</span>"  # metadata is untrusted
    label.set_description(replace(Classifier.load().description, name=name))
    assert "&lt;img src=" in label.text() and "<img" not in label.text()


def test_a_folder_over_the_memory_budget_keeps_paths_and_reads_again(make_window, qtbot, photos, tmp_path,
                                                                      monkeypatch):
    from desktop_app.gui import pictures

    monkeypatch.setattr(pictures, "KEPT_BUDGET_BYTES", 1)  # only the first picture's copy is kept
    folder = photo_folder(photos, tmp_path / "photos")
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 20_000):
        drop(window, [folder])
    session, results = window.pictures, window.results.results
    assert [e.image is not None for e in session.entries] == [True, False, False]
    assert results[1].image is None and results[1].classification.top[0].label == "espresso"
    assert session.kept_bytes == session.entries[0].image.nbytes
    window.results.table.setCurrentCell(1, 0)  # shown: read again, with the ranking already made
    assert window.view.has_image() and window.chart.predictions[0].label == "espresso"
    # Ranked again after a change: the pictures not kept are read again.
    with settled(qtbot, window.service.worker.job_finished, 20_000):
        window.state.change(top_k=3)
    assert [len(r.classification.top) for r in window.results.results] == [3, 3, 3]
    assert [e.image is not None for e in session.entries] == [True, False, False]
    (folder / "grace_hopper.jpg").unlink()  # gone since it was ranked: selecting it says so
    window.results.table.setCurrentCell(2, 0)
    assert "grace_hopper.jpg" in window.statusBar().currentMessage()


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="XDG_DATA_HOME places the log")
def test_qt_and_opencv_messages_go_to_the_log_not_stderr(tmp_path, photos):
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("OPENCV_LOG_LEVEL", None)
    run = subprocess.run([sys.executable, "-m", "desktop_app", str(photos["chelsea"]), "--snapshot",
                          str(tmp_path / "s.png"), "--window-size", "1280x720", "--settings-file",
                          str(tmp_path / "s.ini")], capture_output=True, text=True, timeout=120, env=env,
                         cwd=Path(__file__).resolve().parents[2])
    assert run.returncode == 0 and run.stderr == ""
    logs = list((tmp_path / "data").rglob("synset.log"))
    # The offscreen platform warns on every window it shows: that warning is in the log instead.
    assert len(logs) == 1 and "Qt: This plugin does not support" in logs[0].read_text(encoding="utf-8")


def test_a_value_of_1000_percent_or_more_is_shown_whole(qtbot):
    from PySide6.QtGui import QFontMetrics

    from desktop_app.core.postprocess import Prediction
    from desktop_app.gui.topk_chart import TopKChart

    chart = TopKChart()  # the lab's "logits without softmax" shows scores as if probabilities
    qtbot.addWidget(chart)
    chart.resize(360, 300)
    chart.set_predictions((Prediction(0, "espresso", None, 11.353), Prediction(1, "cup", None, 0.5)))
    for rank, row in enumerate(chart._rows):
        font = chart._winner_font if rank == 0 else chart._base_font
        assert row.percent_rect.width() >= QFontMetrics(font).horizontalAdvance(row.percent)
        assert row.label_rect.right() <= row.percent_rect.left()
    assert chart._rows[0].percent == "1135.3%"


def test_the_window_fits_a_1024_pixel_screen_also_in_the_lab(make_window, qtbot, photos):
    window = make_window(AppSettings(language="zh_TW"))  # the longer labels
    window.resize(1024, 768)
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["coffee"]])
    with settled(qtbot, window.lab.result_shown, 15_000):
        window.lab.start("hwc-as-chw")
    qtbot.wait(50)
    assert window.minimumSizeHint().width() <= 1024 and window.width() == 1024
    assert window.views.sidebar.width() <= window.views.sidebar_scroll.viewport().width()


def test_a_folder_dropped_with_a_model_is_still_the_users_to_stop(make_window, qtbot, photos, tmp_path):
    """The model's arrival turned the folder's first ranking into a protected re-rank: Stop greyed
    out from the first row and Esc refused, so a large folder could only be left by quitting."""
    window = make_window()
    folder = many_photos(photos, tmp_path / "many", 120)
    with settled(qtbot, window.service.worker.model_loaded, 30_000):
        window.open_paths([str(paths.int8_model_path()), str(folder)])
    qtbot.waitUntil(lambda: window.pictures.running and len(window.results.results) >= 1, timeout=30_000)
    assert window.results.cancel.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.statusBar().currentMessage().startswith("Stopped after")
    assert not window.pictures.running and window.pictures.count < 120
    window.controls.top_k.setValue(3)  # the set is the user's now: a change re-ranks it, protected
    qtbot.waitUntil(lambda: window.pictures.running, timeout=10_000)
    assert not window.results.cancel.isEnabled()


def test_a_folder_whose_first_file_is_broken_opens_on_a_ranked_picture(make_window, qtbot, photos, tmp_path):
    """The broken first file was selected: the view said "Drop pictures here", the chart "No
    prediction yet", after the rest were ranked; a snapshot waited 60 s and failed."""
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a_broken.jpg").write_bytes(b"xx")
    for name, path in photos.items():
        (folder / f"{name}.jpg").write_bytes(path.read_bytes())
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 30_000):
        drop(window, [folder])
    assert window.results.table.currentRow() == 1 and window.chart.predictions
    assert window.view.has_image() and window.feedback.current == "1 of 4 pictures could not be read"
    window.results.table.setCurrentCell(0, 0)  # the broken one: its reason where the picture would be
    assert not window.view.has_image() and "a_broken.jpg" in window.view.reason
    assert "Drop pictures" not in window.view.reason
    window.results.table.setCurrentCell(2, 0)
    assert window.feedback.current == "1 of 4 pictures could not be read"  # not a blank status bar


def test_a_text_file_dropped_with_pictures_is_not_taken_as_labels_unless_it_fits(make_window, qtbot, photos,
                                                                                   tmp_path):
    """Selecting a folder's files in a file manager brings its notes.txt along: it became the labels
    ("shopping list 1.3%")."""
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list\nmilk\n", encoding="utf-8")
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["coffee"], notes])
    assert window.settings.labels_path is None and window.chart.predictions[0].label == "espresso"
    assert window.feedback.current.startswith("notes.txt was not taken as labels: 2 names for this model's 1000")
    with settled(qtbot, window.service.worker.model_loaded, 15_000):
        drop(window, [notes])  # alone, as the message says: taken, and the message no longer stands
    qtbot.waitUntil(lambda: window.settings.labels_path == str(notes), timeout=5_000)
    assert window.feedback.current == "Labels from notes.txt"
    names = tmp_path / "names.txt"  # one that names the model's classes is taken
    names.write_text("".join(f"類別{i}\n" for i in range(1000)), encoding="utf-8")
    with settled(qtbot, window.service.worker.model_loaded, 15_000):
        drop(window, [photos["coffee"], names])
    assert window.settings.labels_path == str(names)


def test_a_label_file_that_cannot_be_used_is_not_called_a_model_that_cannot(make_window, qtbot, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    window = make_window()
    with settled(qtbot, window.state.model_refused, 15_000):
        window.open_labels(str(empty))
    assert window.statusBar().currentMessage().startswith("The label file could not be used: Label file empty.txt")


def test_the_fast_variant_keeps_the_users_labels_and_another_model_says_they_went(make_window, qtbot, tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("".join(f"類別{i}\n" for i in range(1000)), encoding="utf-8")
    window = make_window()
    with settled(qtbot, window.service.worker.model_loaded, 15_000):
        window.open_labels(str(names))
    with settled(qtbot, window.service.worker.model_loaded, 15_000):
        window.use_fast_model()
    assert window.settings.labels_path == str(names)
    assert window.state.shown.description.labels_path == str(names)
    with settled(qtbot, window.service.worker.model_loaded, 15_000):
        window.open_model(str(paths.default_model_path()))
    assert window.settings.labels_path is None
    assert "names.txt" in window.statusBar().currentMessage()


def test_live_rates_start_afresh_after_a_benchmark(make_window, qtbot):
    """Live ranking pauses while the benchmark runs: counted in, the rate read 39 fps for a 30 fps camera."""
    window = make_window()
    for _ in range(30):
        window.stats.result_received(time.perf_counter() - 0.01, {"inference": 10.0})
    assert window.stats.inference_fps() > 0
    with settled(qtbot, window.tools.bench_ended, 120_000):
        window.run_bench(iterations=2)
    assert window.stats.inference_fps() == 0.0


def test_a_long_file_name_on_stage_wraps_instead_of_losing_both_ends(make_window, qtbot):
    """Centred, a name without spaces was cut at both ends: "cture_with_a_long_name_from_the_phone_IMG_2026112"."""
    from desktop_app.gui.messages import wrappable

    assert wrappable("tiger cat") == "tiger cat"
    text = "a_long_name_IMG_20261128.jpg: damaged"
    assert wrappable(text).replace("\u200b", "") == text
    assert "IMG_\u200b2026" in wrappable("a_long_name_IMG_20261128.jpg")
    assert all(len(run) <= 16 for run in wrappable("x" * 50).split("\u200b"))
    window = make_window()
    window.resize(1280, 720)
    window.set_presenter(True, fullscreen=False)
    name = "a_damaged_picture_with_a_long_name_from_the_phone_IMG_20261128_101010.jpg"
    window.feedback.error(f"{name}: damaged or truncated picture")
    toast = window.view.findChild(QLabel, "stageToast")
    assert toast.isVisible() and toast.minimumSizeHint().width() <= window.view.width()
    assert toast.text().replace("\u200b", "") == f"{name}: damaged or truncated picture"
    window.feedback.clear(f"{name}: damaged or truncated picture")  # no longer true: it goes, as given
    assert not toast.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)


def test_on_stage_the_keys_step_through_a_folder(make_window, qtbot, photos, tmp_path):
    """On stage the results list is hidden: the presenter had to leave full screen to show the next
    photo, and the clicker's Page Down opened the lab instead."""
    from tests.gui.helpers import photo_folder

    window = make_window()
    folder = photo_folder(photos, tmp_path / "talk")
    with settled(qtbot, window.service.worker.job_finished, 30_000):
        drop(window, [folder])
    table = window.results.table
    assert table.rowCount() == 3 and table.currentRow() == 0
    window.set_presenter(True, fullscreen=False)
    qtbot.keyClick(window, Qt.Key.Key_Down)
    assert table.currentRow() == 1 and "Picture 2 of 3" in window.feedback.current
    shown = window.chart.predictions[0].label
    assert shown == window.results.results[1].classification.top[0].label
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # a clicker: the next picture, not the lab
    assert table.currentRow() == 2 and not window.lab.active
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert table.currentRow() == 2 and "The last picture" in window.feedback.current
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert table.currentRow() == 0
    with settled(qtbot, window.lab.result_shown, 15_000):
        qtbot.keyClick(window, Qt.Key.Key_B)  # in the lab Page Down is the next pitfall; ↓ the next picture
    with settled(qtbot, window.lab.result_shown, 15_000):
        qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.lab.pitfall_id == "hwc-as-chw" and table.currentRow() == 0
    with settled(qtbot, window.lab.result_shown, 15_000):
        qtbot.keyClick(window, Qt.Key.Key_Down)
    assert table.currentRow() == 1 and window.lab.pitfall_id == "hwc-as-chw"
    window.set_presenter(False)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the normal window: the list's own arrows, once
    assert table.currentRow() == 2


def test_on_stage_stepping_past_a_broken_picture_says_where_it_is(make_window, qtbot, photos, tmp_path):
    """Leaving a broken picture put the folder's summary up again over "Picture 3 of 4: name"."""
    from tests.gui.helpers import photo_folder

    window = make_window()
    folder = photo_folder(photos, tmp_path / "talk")
    (folder / "d_broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 broken")
    with settled(qtbot, window.service.worker.job_finished, 30_000):
        drop(window, [folder])
    window.set_presenter(True, fullscreen=False)
    table = window.results.table
    names = [r.path.rsplit("/", 1)[-1] for r in window.results.results]
    broken = names.index("d_broken.jpg")
    table.setCurrentCell(broken - 1, 0)
    qtbot.keyClick(window, Qt.Key.Key_Down)  # onto the broken one: its reason
    assert "d_broken.jpg" in window.feedback.current and "Picture" not in window.feedback.current
    qtbot.keyClick(window, Qt.Key.Key_Down)  # off it: where the talk is
    assert window.feedback.current == f"Picture {broken + 2} of 4: {names[broken + 1]}"


def test_the_latency_readout_forgets_the_model_it_no_longer_runs(make_window, qtbot, photos):
    """The stage medians stayed another model's after a switch ("Inference 9.8 ms" for a model ten
    times slower), until enough of the new one's results outvoted them."""
    from desktop_app.core import paths

    window = make_window()
    for _ in range(3):
        with settled(qtbot, window.service.worker.job_finished, 15_000):
            drop(window, [photos["chelsea"]])
    assert window.stats.stage_count("inference") == 3
    with settled(qtbot, window.service.worker.job_finished, 30_000):  # the picture, ranked again
        drop(window, [paths.int8_model_path()])
    assert window.stats.stage_count("inference") == 1  # the int8 model's own ranking only


def test_on_stage_the_frozen_badge_grows_with_the_screen_and_sits_on_the_picture(make_window, qtbot, photos):
    """It was the same 14 pt box at 720p and at 1080p, in the dark band above a wide picture."""
    window = make_window()
    window.set_presenter(True, fullscreen=False)
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["chelsea"]])
    view, sizes = window.view, []
    view.set_badge("Frozen")
    for size in ((1280, 720), (1920, 1080)):
        window.resize(*size)
        qtbot.wait(30)  # the layout settles
        sizes.append(view._badge_font().pointSizeF())
        assert view._target.contains(view._badge_rect), (view._target, view._badge_rect)
    assert sizes[1] > 1.3 * sizes[0]
    view.set_badge("")


def test_a_name_mixing_latin_and_chinese_keeps_its_descenders(qtbot):
    """The CJK font's taller line pushed the Latin letters down, and clipped to the row's height
    their descenders were cut: "grey 灰色" read "qrev 灰色" (a config.json's id2label may be Chinese)."""
    from desktop_app.core.postprocess import Prediction
    from desktop_app.gui.topk_chart import TopKChart

    chart = TopKChart()
    qtbot.addWidget(chart)
    chart.resize(420, 300)
    chart.set_predictions((Prediction(0, "grey 灰色", None, 0.6), Prediction(1, "yellow jpg 黃色", None, 0.3)))
    chart.show()
    qtbot.waitExposed(chart)
    image = chart.grab().toImage()
    row = chart._rows[1]
    below = [image.pixelColor(x, y) for x in range(int(row.label_rect.left()), int(row.label_rect.left()) + 80)
             for y in range(int(row.label_rect.bottom()), int(row.track.top()))]
    assert any(pixel.lightness() < 160 for pixel in below), "the descenders of 'yellow jpg' were clipped"


def test_on_stage_a_model_switch_says_which_model_now_runs(make_window, qtbot, photos):
    """The model's details step aside on stage: switching to the fast variant mid-talk said nothing."""
    window = make_window()
    window.set_presenter(True, fullscreen=False)
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["chelsea"]])
    with settled(qtbot, window.service.worker.model_loaded, 30_000):
        window.use_fast_model()
    assert window.feedback.current == "Now running EfficientNet-Lite0 (int8)"


def test_a_folder_dropped_on_stage_says_how_many_pictures_follow(make_window, qtbot, photos, tmp_path):
    """The list is hidden on stage: the audience saw the first picture and nothing of the rest."""
    from tests.gui.helpers import photo_folder

    window = make_window()
    window.set_presenter(True, fullscreen=False)
    folder = photo_folder(photos, tmp_path / "talk")
    with settled(qtbot, window.service.worker.job_finished, 30_000):
        drop(window, [folder])
    first = window.results.results[0].path.rsplit("/", 1)[-1]
    assert window.feedback.current == f"Picture 1 of 3: {first}"
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["coffee"]])  # one picture: nothing to step through, and it says so
    qtbot.keyClick(window, Qt.Key.Key_Down)
    assert window.feedback.current == "The arrow keys step through a folder of pictures; none is open"


def test_on_stage_a_folder_opening_is_there_for_the_keys_and_announced_once_ranked(qtbot, settings_path, photos,
                                                                                 tmp_path):
    """Dropped while the model loaded, a folder was never announced (its first ranking was that of no
    model); an arrow key while it opened said that no folder was open."""
    from tests.gui.helpers import photo_folder, unloaded_window

    window = unloaded_window(qtbot, settings_path)
    try:
        window.set_presenter(True, fullscreen=False)
        folder = photo_folder(photos, tmp_path / "talk")
        window.start()  # the model loads
        drop(window, [folder])  # the folder comes before the model
        if window.results.table.rowCount() == 0:
            window.next_picture()  # what ↓ does on stage
            assert window.feedback.current == "Picture 1 of 3 is still being ranked"
        qtbot.waitUntil(lambda: window.feedback.current.startswith("Picture 1 of 3:"), timeout=60_000)
    finally:
        window.close()


def test_a_drop_that_finds_nothing_is_said_again_in_the_language_switched_to(make_window, qtbot):
    window = make_window()
    window.open_paths(["/nowhere/nope.jpg"])
    assert window.feedback.current == "Not found: nope.jpg"
    window.set_language("zh_TW")
    assert window.feedback.current != "Not found: nope.jpg" and "nope.jpg" in window.feedback.current
    assert any("\u4e00" <= c <= "\u9fff" for c in window.feedback.current)
