"""Live sources: a video file as the camera, worker round trips, closing while busy, failures."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from desktop_app.core.sources import CameraInfo, camera_backend
from desktop_app.core.thread_priority import current_nice
from desktop_app.gui.feedback import StageToast
from tests.core.test_thread_priority import nice_of
from tests.gui.helpers import drop, settled


def test_video_file_plays_as_a_camera(make_window, qtbot, video_file):
    window = make_window()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000) as result:
        window.start_video(str(video_file))
    live = result.args[0]
    assert live.source_id == window.capture.source_id and live.frame_number >= 1
    qtbot.waitUntil(lambda: window.stats.frames_inferred >= 20, timeout=15_000)
    assert window.chart.predictions and window.view.frames_painted >= 10
    assert window.stats.source_fps == 30.0
    window.refresh_readout()
    assert "Video" in window.latency.text() and "fps" in window.latency.text()  # a video says so, not "Camera"


def test_results_of_an_old_source_are_ignored(make_window, qtbot, video_file):
    window = make_window()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    window.live.set_frozen(True)
    frozen_top = window.chart.predictions
    qtbot.wait(300)  # frames keep arriving from the file but neither view nor chart changes
    assert window.chart.predictions == frozen_top
    window.live.set_frozen(False)
    old_source = window.capture.source_id
    window.start_video(str(video_file))  # once the file is known to play (checked off the GUI thread)
    qtbot.waitUntil(lambda: window.capture.source_id > old_source, timeout=5_000)


def test_closing_while_capturing_and_inferring_stops_within_a_second(make_window, qtbot, video_file):
    window = make_window()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    capture_thread = window.capture.capture_thread
    started = time.perf_counter()
    window.close()
    assert time.perf_counter() - started < 1.0
    assert window.worker_stopped and not capture_thread.is_alive()


def test_a_camera_that_cannot_open_is_a_message(make_window, qtbot):
    window = make_window()
    ghost = CameraInfo("Ghost camera", 97, camera_backend())
    with settled(qtbot, window.capture.source_failed, 15_000):
        window.start_camera(ghost)
    assert "Ghost camera" in window.statusBar().currentMessage()
    assert window.isVisible()


class _Sender(QObject):
    wake = Signal()


class _Echo(QObject):
    echoed = Signal(object)

    @Slot()
    def on_wake(self):
        self.echoed.emit(("result", 1))


def test_queued_signals_across_threads_survive_a_stress_run(qtbot):
    """Guards the PySide6 pin: 6.12.0 crashes here within seconds (refcount corruption)."""
    thread = QThread()
    echo = _Echo()
    echo.moveToThread(thread)
    thread.start()
    sender = _Sender()
    sender.wake.connect(echo.on_wake)
    received = []
    echo.echoed.connect(lambda r: received.append(r))
    emits = 6000  # bounded, so the worker's queue drains and the thread can stop

    def hammer():  # a plain Python thread, like the capture thread
        for _ in range(emits):
            sender.wake.emit()
            time.sleep(0.0001)

    python_thread = threading.Thread(target=hammer, daemon=True)
    python_thread.start()
    timer = QTimer()
    timer.timeout.connect(sender.wake.emit)  # and the GUI thread at the same time
    timer.start(1)
    qtbot.waitUntil(lambda: not python_thread.is_alive(), timeout=30_000)
    timer.stop()
    qtbot.waitUntil(lambda: len(received) >= emits, timeout=30_000)
    sender.wake.disconnect(echo.on_wake)
    thread.quit()
    assert thread.wait(10_000)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's")
def test_threads_that_run_python_keep_the_guis_priority(make_window, qtbot, video_file):
    """A lowered thread holding the GIL behind a CPU hog stalls the GUI: the capture and inference
    threads run at the GUI's priority (only ONNX Runtime's pool threads are lowered)."""
    window = make_window()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    gui = current_nice()
    capture = window.capture.capture_thread
    assert capture is not None and capture.native_id is not None
    names = {int(tid): Path(f"/proc/self/task/{tid}/comm").read_text().strip() for tid in os.listdir("/proc/self/task")}
    inference = sorted(nice_of(tid) for tid, name in names.items() if name == "inference")  # the QThread's name
    # The inference thread itself (threads it starts share its name: tests/core checks the pool's).
    assert nice_of(capture.native_id) == gui and inference[0] == gui


def test_freezing_ranks_the_frame_on_screen(make_window, qtbot, video_file):
    """The capture thread runs ahead of the screen: when the view freezes, the worker's mailbox may
    hold a newer frame than the one shown. The chart must still end up on the shown frame's own
    ranking, not an older frame's."""
    import dataclasses

    from desktop_app.core.jobs import Job

    window = make_window()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    qtbot.waitUntil(lambda: window.stats.frames_inferred >= 5, timeout=15_000)
    release = threading.Event()

    class Hold(Job):  # keeps the worker busy while the mailbox is set up
        kind = "hold"

        def run(self, context):
            release.wait(10)

    window.service.run_job(Hold())
    shown = window.live.shown_frame
    newer = dataclasses.replace(shown, number=shown.number + 1000)  # what the capture thread sent next
    window.service.submit(newer)
    window.live.set_frozen(True)
    results = []
    window.live.result_shown.connect(results.append)
    release.set()
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert window.chart.predictions == results[-1].top


def test_two_cameras_of_the_same_name_are_told_apart(make_window, qtbot):
    window = make_window()
    watcher = window.live.cameras
    watcher.stop()
    qtbot.waitUntil(lambda: watcher._busy.acquire(blocking=False))  # no listing is still running
    watcher._busy.release()
    twins = [CameraInfo("USB Camera", 97, camera_backend()), CameraInfo("USB Camera", 98, camera_backend())]
    watcher.cameras = twins
    combo = window.controls.camera
    started = []
    for _ in range(3):  # C, C, C: the first, the second, the first again
        window.live.next_camera()
        started.append(window.capture.spec.camera)
        assert combo.currentData() == started[-1]
    assert started == [twins[0], twins[1], twins[0]]
    assert [combo.itemText(i) for i in range(combo.count())] == ["USB Camera", "USB Camera (2)"]


def test_a_video_that_cannot_play_leaves_the_playing_one_alone(make_window, qtbot, video_file, tmp_path):
    """Dropping a damaged video stopped the one on screen, to show only an error."""
    window = make_window()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    playing = window.capture.source_id
    damaged = tmp_path / "damaged.mp4"
    damaged.write_bytes(b"not a video")
    with settled(qtbot, window.live.refused, 10_000):
        window.open_paths([str(damaged)])
    assert "damaged.mp4 could not be opened" in window.feedback.current
    inferred = window.stats.frames_inferred
    qtbot.waitUntil(lambda: window.stats.frames_inferred >= inferred + 5, timeout=10_000)
    assert window.capture.source_id == playing and window.capture.running


def test_a_picture_stays_on_screen_when_a_video_cannot_play(make_window, qtbot, tmp_path, photos):
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        window.open_paths([str(photos["chelsea"])])
    shown = window.chart.predictions
    assert shown
    damaged = tmp_path / "damaged.mp4"
    damaged.write_bytes(b"not a video")
    with settled(qtbot, window.live.refused, 10_000):
        window.open_paths([str(damaged)])
    assert window.chart.predictions == shown and window.results.results


def test_freezing_a_video_pauses_it_where_it_was(make_window, qtbot, video_file):
    """Freeze held the frame on screen while the file played on underneath: unfrozen, it jumped
    ahead, and the readout kept showing an inference rate while nothing was ranked."""
    window = make_window()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    qtbot.waitUntil(lambda: window.stats.frames_inferred >= 5, timeout=15_000)
    qtbot.waitUntil(lambda: window.feedback.current.startswith("Playing"), timeout=5_000)
    window.live.set_frozen(True)
    assert not window.feedback.current.startswith("Playing")  # not "Playing … at 30 fps" beside "Frozen"
    assert window.stats.inference_fps() == 0.0  # nothing is ranked from now on: no 3 s decay
    qtbot.wait(100)  # a read under way when it froze still ends
    held = window.capture.frames_captured
    qtbot.wait(500)
    assert window.capture.frames_captured == held  # 15 frames at 30 fps had it played on
    window.live.set_frozen(False)
    qtbot.waitUntil(lambda: window.capture.frames_captured >= held + 5, timeout=5_000)


def test_a_frozen_frame_shows_its_own_ranking_with_smoothing_on(make_window, qtbot, video_file):
    """Smoothed with the frames before it, a frozen frame's chart blended in other scenes' classes,
    and every re-rank of the same still frame moved it again."""
    from desktop_app.core.classifier import Classifier

    window = make_window()
    window.controls.smoothing.setChecked(True)
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    qtbot.waitUntil(lambda: window.stats.frames_inferred >= 30, timeout=15_000)
    results = []
    window.live.result_shown.connect(results.append)
    window.live.set_frozen(True)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    shown = window.live.shown_frame
    own = Classifier.load().classify(shown.image, shown.pixel_order).top
    assert [(p.label, round(p.probability, 5)) for p in window.chart.predictions] == \
        [(p.label, round(p.probability, 5)) for p in own]


def test_pictures_take_the_freeze_and_the_playing_message_with_the_video(make_window, qtbot, video_file, photos):
    """The Frozen badge stayed over a dropped picture, and "Playing demo.mp4 at 30 fps" under it."""
    window = make_window()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    qtbot.waitUntil(lambda: window.feedback.current.startswith("Playing"), timeout=5_000)
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["coffee"]])
    assert not window.feedback.current.startswith("Playing")
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    window.live.set_frozen(True)
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["coffee"]])
    assert not window.frozen and window.view.badge == "" and not window.controls.freeze.isChecked()


def test_a_model_slower_than_the_camera_does_not_hold_back_what_is_asked_of_it(make_window, qtbot, video_file):
    """Every frame queued a wake-up on the worker. A model slower than the camera used up fewer than
    came, so a model switch or a job waited behind a backlog that only grew (33 s after 15 s of a
    42 ms model). One wake-up per waiting frame: what is asked next waits for one frame at most."""
    from desktop_app.core.jobs import Job

    window = make_window()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    worker = window.service.worker
    classifier = worker._classifier
    ranked = classifier.classify

    def slowly(*args, **kwargs):  # worker thread: a model that takes 70 ms, for a 30 fps video
        time.sleep(0.07)
        return ranked(*args, **kwargs)

    classifier.classify = slowly
    qtbot.waitUntil(lambda: window.service.frames_submitted > worker.frames_taken + 20, timeout=15_000)

    class CountFrames(Job):
        kind = "count"

        def run(self, context):  # worker thread
            context.report(worker.frames_taken)

    with settled(qtbot, worker.job_progress, 15_000) as progress:
        asked_at = worker.frames_taken
        window.service.run_job(CountFrames())
    classifier.classify = ranked
    assert progress.args[1] - asked_at <= 2, (asked_at, progress.args[1])


@pytest.mark.parametrize("between", ["another source", "the lab on and off"])
def test_smoothing_starts_afresh_for_another_source_and_after_the_lab(make_window, qtbot, photos, between):
    """Smoothing blended the frames of the previous video into a new one's: a coffee video's first
    frame ranked "espresso 33 %, tiger cat 26 %" after a video of a cat (unsmoothed: espresso 95 %)."""
    from desktop_app.core.decode import decode_file
    from desktop_app.core.frames import Frame

    window = make_window()
    service, worker = window.service, window.service.worker
    with settled(qtbot, worker.job_finished, 15_000):
        drop(window, [photos["chelsea"]])  # the model has loaded
    service.set_smoothing(True)
    cat = np.ascontiguousarray(decode_file(photos["chelsea"])[:, :, ::-1])
    cup = np.ascontiguousarray(decode_file(photos["coffee"])[:, :, ::-1])

    def ranked(image, source_id: int):
        with settled(qtbot, worker.prediction_ready, 15_000) as result:
            service.submit(Frame.of(1, image.copy(), time.perf_counter(), source_id=source_id))
        return result.args[0].classification.top[0]

    for _ in range(10):
        assert ranked(cat, 901).label == "tiger cat"
    if between == "the lab on and off":
        service.set_lab("swap-channels")
        service.set_lab(None)
        source = 901
    else:
        source = 902
    first = ranked(cup, source)
    assert first.label == "espresso" and first.probability > 0.9, first


def test_a_live_frame_that_cannot_be_ranked_takes_the_earlier_bars_away(make_window, qtbot, photos):
    """The chart kept an earlier frame's ranking beside "not a number… no ranking" (also for a frozen
    frame); a failure of another source's frame was said as if it were about this one."""
    from desktop_app.core.decode import decode_file
    from desktop_app.core.errors import InferenceError
    from desktop_app.core.frames import Frame

    window = make_window()
    service, worker = window.service, window.service.worker
    with settled(qtbot, worker.job_finished, 15_000):
        drop(window, [photos["chelsea"]])
    cat = np.ascontiguousarray(decode_file(photos["chelsea"])[:, :, ::-1])
    classifier = worker._classifier
    ranked, failing = classifier.classify, []

    def classify(*args, **kwargs):  # worker thread
        if failing:
            raise InferenceError.of("inference.not_finite")
        return ranked(*args, **kwargs)

    classifier.classify = classify
    source = window.capture.source_id

    def submitted(number: int, source_id: int, signal):
        with settled(qtbot, signal, 15_000):
            service.submit(Frame.of(number, cat.copy(), time.perf_counter(), source_id=source_id))

    submitted(1, source, worker.prediction_ready)
    assert window.chart.predictions[0].label == "tiger cat"
    failing.append(True)
    window.feedback.status("")
    submitted(2, source + 7, worker.inference_failed)  # another source's frame: not about this one
    assert window.chart.predictions and "not a number" not in window.feedback.current
    submitted(3, source, worker.inference_failed)
    assert window.chart.predictions == () and "not a number" in window.feedback.current
    classifier.classify = ranked


def test_on_stage_the_ranking_keeps_its_size_when_a_video_replaces_a_picture(make_window, qtbot, photos,
                                                                             video_file):
    """The live read-out's two extra lines took the ranking's height: its rows closed up and its bars
    thinned when a video started, and grew back for a picture. A video's rate was called "Camera"."""
    window = make_window()
    window.resize(1280, 720)
    window.set_presenter(True, fullscreen=False)
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        drop(window, [photos["chelsea"]])
    qtbot.wait(30)  # the layout settles
    picture = window.chart.height()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    qtbot.waitUntil(lambda: window.stats.frames_inferred >= 5, timeout=15_000)
    window.refresh_readout()
    qtbot.wait(30)
    assert "Video" in window.latency.text() and "Camera" not in window.latency.text()
    assert window.chart.height() == picture


def test_a_failed_frame_that_raced_a_freeze_has_the_frozen_one_ranked(make_window, qtbot, video_file):
    """A frame that came as the view froze took the frozen one's place in the worker's mailbox; its
    result had the frozen frame ranked, its failure did not, and the frozen frame never was."""
    from desktop_app.core.jobs import LiveFailure
    from desktop_app.core.messages import message

    window = make_window()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    live = window.live
    qtbot.waitUntil(lambda: live.shown_frame is not None, timeout=5_000)
    live.set_frozen(True)
    shown, submitted = live.shown_frame, []
    window.service.submit = lambda frame: submitted.append((frame.number, frame.still))
    raced = LiveFailure(window.state.shown.generation, shown.number + 1, window.capture.source_id,
                        message("inference.not_finite"))
    live._on_worker_inference_failed(raced)
    assert submitted == [(shown.number, True)] and "not a number" not in window.feedback.current


def test_a_failed_live_frame_in_the_lab_takes_the_labs_rankings_away(make_window, qtbot, video_file):
    from desktop_app.core.errors import InferenceError

    window = make_window()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    with settled(qtbot, window.lab.result_shown, 15_000):
        window.lab.start("swap-channels")
    assert window.views.lab.result is not None
    worker = window.service.worker

    def fails(*_args, **_kwargs):  # worker thread
        raise InferenceError.of("inference.not_finite")

    worker._lab.run = fails
    with settled(qtbot, worker.inference_failed, 15_000):
        pass
    qtbot.waitUntil(lambda: window.views.lab.result is None, timeout=5_000)
    assert "not a number" in window.feedback.current
    assert window.views.lab.correct_note.text() == "This frame could not be ranked"


def test_a_message_on_screen_is_said_again_in_the_language_switched_to(make_window, qtbot, video_file, tmp_path):
    """Switching to Chinese left "Playing demo.mp4 at 30 fps" (or an English error) on screen,
    on stage too, until it timed out; and a message said again must still go when it no longer
    holds (freeze takes "Playing …" away)."""
    window = make_window()
    window.set_presenter(True, fullscreen=False)
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    qtbot.waitUntil(lambda: window.feedback.current.startswith("Playing"), timeout=5_000)
    toast = window.findChild(StageToast)
    assert toast.isVisible() and toast.message.startswith("Playing")
    window.set_language("zh_TW")
    assert window.feedback.current == "正在播放 demo.mp4（30 fps）"
    assert toast.message == "正在播放 demo.mp4（30 fps）"
    window.live.set_frozen(True)
    assert not window.feedback.current.startswith("正在播放") and not toast.isVisible()
    window.live.set_frozen(False)
    window.set_language("en")
    window.state.change(top_k=3)
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    window.start_video(str(empty))
    qtbot.waitUntil(lambda: "0 bytes" in window.feedback.current, timeout=5_000)
    english = window.feedback.current
    window.set_language("zh_TW")
    assert window.feedback.current != english and "empty.mp4" in window.feedback.current
    assert any("\u4e00" <= c <= "\u9fff" for c in window.feedback.current)


def test_a_frozen_frame_ranked_again_is_no_live_figure_and_playing_is_said_again_on_resume(make_window, qtbot,
                                                                                           video_file):
    """Ranked again while frozen (a model switch), the frozen frame's frame-to-result counted the
    whole time frozen ("p50 9671 ms") and, just after the switch, its warm-up run was the only
    inference time shown (the fast model at "243 ms"). And "Playing …" never came back on resume."""
    window = make_window()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    qtbot.waitUntil(lambda: window.stats.frames_inferred >= 5, timeout=15_000)
    window.live.set_frozen(True)
    qtbot.wait(300)
    counted = window.stats.frames_inferred
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.state.change(top_k=3)  # the frozen frame is ranked again under it
    assert window.stats.frames_inferred == counted and len(window.chart.predictions) == 3
    window.live.set_frozen(False)
    assert window.feedback.current == "Playing demo.mp4 at 30 fps"


def test_leaving_a_frozen_video_for_pictures_keeps_what_was_said_about_them(make_window, qtbot, video_file, photos):
    """Unfreezing on the way out said "Playing …" again, over the "Not found" of the pictures
    that replaced the video, and then took it away: the status bar was left empty."""
    window = make_window()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    qtbot.waitUntil(lambda: window.feedback.current.startswith("Playing"), timeout=5_000)
    window.live.set_frozen(True)
    window.show_error("Something went wrong while frozen")
    window.live.set_frozen(False)
    assert window.feedback.current == "Something went wrong while frozen"  # not cut off by "Playing"
    window.live.set_frozen(True)
    with settled(qtbot, window.service.worker.job_finished, 15_000):
        window.open_paths([str(photos["chelsea"]), "/nowhere/nope.jpg"])
    assert window.feedback.current == "Not found: nope.jpg"


def test_the_lab_on_a_frozen_frame_ranked_again_is_no_live_figure(make_window, qtbot, video_file):
    window = make_window()
    with settled(qtbot, window.service.worker.prediction_ready, 15_000):
        window.start_video(str(video_file))
    with settled(qtbot, window.lab.result_shown, 15_000):
        window.toggle_lab()
    window.live.set_frozen(True)
    qtbot.wait(500)
    counted = window.stats.lab_results
    with settled(qtbot, window.lab.result_shown, 15_000):
        window.state.change(top_k=3)  # the frozen frame is ranked both ways again
    assert window.stats.lab_results == counted
