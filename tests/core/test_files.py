"""Files written whole or not at all; video files that are not regular files are refused."""

from __future__ import annotations

import os
import subprocess
import sys

from desktop_app.core.sources import CaptureThread, SourceSpec
from tests.video_factory import grey_video

FULL_DISK = r"""
import resource, signal, sys
from desktop_app.core.files import write_atomic
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))
try:
    write_atomic(sys.argv[1], b"new " * 10_000)
except OSError as exc:
    print("refused", exc.strerror)
"""


def test_write_atomic_leaves_the_old_file_when_the_disk_is_full(tmp_path):
    target = tmp_path / "results.csv"
    target.write_bytes(b"old table\n")
    run = subprocess.run([sys.executable, "-c", FULL_DISK, str(target)], capture_output=True, text=True, timeout=60)
    assert run.stdout.startswith("refused"), run.stderr
    assert target.read_bytes() == b"old table\n" and sorted(os.listdir(tmp_path)) == ["results.csv"]


def test_a_pipe_given_as_a_video_is_refused_without_blocking(tmp_path):
    pipe = tmp_path / "camera.mp4"
    os.mkfifo(pipe)
    errors, frames = [], []
    thread = CaptureThread(SourceSpec(video_path=str(pipe)), 1, frames.append, errors.append)
    thread.start()
    thread.join(5)
    assert not thread.is_alive() and not frames
    assert str(errors[0]) == "camera.mp4: not a regular file (a pipe, device or socket): refused"


def test_a_folder_given_as_a_model_or_labels_says_so(tmp_path):
    import pytest

    from desktop_app.core.classifier import Classifier
    from desktop_app.core.errors import LabelsError, ModelError
    from desktop_app.core.labels import load_labels

    folder = tmp_path / "models"
    folder.mkdir()
    with pytest.raises(ModelError, match="models is a folder, not a model file"):
        Classifier.load(folder)
    with pytest.raises(LabelsError, match="models is a folder, not a label file"):
        load_labels(folder)


def test_the_csv_opens_in_a_spreadsheet_as_written(tmp_path):
    import csv

    from desktop_app.core.classifier import Classification
    from desktop_app.core.export import write_csv
    from desktop_app.core.postprocess import Prediction

    # A label file from someone else may hold a formula; a Chinese name needs the BOM in Excel.
    top = (Prediction(3, "=HYPERLINK(\"http://x\")", None, 0.75), Prediction(1, "-1 pitch", "n1", 0.25))
    rows = [("/photos/貓.jpg", Classification(top, {}, "cpu", None)), ("@home.jpg", "壞掉：不是圖片")]
    out = tmp_path / "results.csv"
    write_csv(out, rows, top_k=2)
    assert out.read_bytes().startswith(b"\xef\xbb\xbfimage,label_1,")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert table[0]["image"] == "/photos/貓.jpg" and table[0]["label_1"] == "'=HYPERLINK(\"http://x\")"
    assert table[0]["label_2"] == "'-1 pitch" and table[0]["probability_1"] == "0.750000"
    assert table[1]["image"] == "'@home.jpg" and table[1]["error"] == "壞掉：不是圖片" and table[1]["label_1"] == ""


def test_a_one_frame_video_loops_instead_of_saying_it_was_changed(tmp_path):
    """A one-frame MPEG-4 file reads nothing after a seek back to its start: the app said "the
    file was changed or removed while playing" after its first frame. Then it was opened again for
    every frame, and deleting it stopped the video. Its frame is held and shown on."""
    import time


    path = grey_video(tmp_path / "still.mp4", 30, [128], fourcc="mp4v")
    errors, frames = [], []
    thread = CaptureThread(SourceSpec(video_path=str(path)), 1, frames.append, errors.append)
    thread.start()
    deadline = time.monotonic() + 10
    while len(frames) < 5 and not errors and time.monotonic() < deadline:
        time.sleep(0.02)
    path.unlink()
    seen = len(frames)
    while len(frames) < seen + 5 and not errors and time.monotonic() < deadline:
        time.sleep(0.02)
    thread.stop()
    thread.join(5)
    assert not errors and len(frames) >= seen + 5
    assert all(f.image.shape == (48, 64, 3) for f in frames)


def test_a_variable_frame_rate_video_plays_each_frame_at_its_time():
    """A phone's video: 30 fps, then 5 fps when the light drops. Played at the file's nominal
    30 fps, its 5 fps second passed in 0.17 s."""
    import time
    from pathlib import Path

    arrived: list[float] = []
    path = Path(__file__).parents[1] / "data" / "vfr-30-then-5fps.mkv"
    errors: list = []
    thread = CaptureThread(SourceSpec(video_path=str(path)), 1, lambda f: arrived.append(time.perf_counter()),
                           errors.append)
    thread.start()
    deadline = time.monotonic() + 15
    while len(arrived) < 36 and not errors and time.monotonic() < deadline:
        time.sleep(0.02)
    thread.stop()
    thread.join(5)
    assert not errors and len(arrived) >= 36
    slow_second = arrived[35] - arrived[30]  # 1000 → 1800 ms, then the loop's first frame a frame later
    assert 0.6 < slow_second < 1.3, slow_second
    assert arrived[30] - arrived[0] < 1.5  # the 30 fps second


def test_a_video_that_cannot_be_shown_in_time_skips_frames_to_keep_its_time(tmp_path):
    """A 4K or 120 fps file on a busy laptop played in slow motion (58 fps of a 120 fps file) while
    saying "at 120 fps". Here whatever takes the frames needs 0.1 s for each: a 30 fps file keeps
    its time by skipping frames, as a camera drops them."""
    import time


    path = grey_video(tmp_path / "thirty.avi", 30, range(90))
    errors, frames = [], []

    def slow(frame):
        frames.append(frame)
        time.sleep(0.1)

    thread = CaptureThread(SourceSpec(video_path=str(path)), 1, slow, errors.append)
    thread.start()
    time.sleep(2.0)
    thread.stop()
    thread.join(5)
    assert not errors and 10 <= len(frames) <= 22
    played = len(frames) + thread.frames_skipped  # the file's frames gone by: about 2 s of them
    assert 45 <= played <= 75, (len(frames), thread.frames_skipped)


def test_a_slideshow_video_plays_at_its_own_rate(tmp_path):
    """A 0.5 fps file played (and was reported) at 30 fps: a ten-second slideshow looped in 0.3 s."""
    import time


    path = grey_video(tmp_path / "slides.avi", 0.5, (0, 255))
    errors, frames = [], []
    thread = CaptureThread(SourceSpec(video_path=str(path)), 1, frames.append, errors.append)
    thread.start()
    time.sleep(1.0)
    thread.stop()
    thread.join(5)
    assert not errors and thread.source_fps == 0.5 and len(frames) == 1


def test_phone_and_camcorder_videos_are_videos():
    from desktop_app.core.sources import VIDEO_SUFFIXES

    assert {".3gp", ".ts", ".mts", ".m2ts"} <= VIDEO_SUFFIXES


class _ShortNames:
    """Windows' GetShortPathNameW, emulated: a long name outside ASCII has the short name it was
    given (None: the volume keeps no short names, as the call then returns 0)."""

    def __init__(self, names: dict[str, str | None]):
        self.kernel32 = self
        self.names = names

    def GetShortPathNameW(self, path, buffer, size):  # noqa: N802 (Windows' name)
        short = self.names.get(path)
        if short is None:
            return 0
        buffer.value = short
        return len(short)


def test_a_model_under_a_chinese_user_name_opens_by_its_short_name_on_windows(tmp_path, monkeypatch):
    """ONNX Runtime 1.24 on Windows fails to initialise a session whose path leaves the ANSI code
    page. The session is made from the short name: here only the short name exists, so the session
    opens only if that is what ONNX Runtime was given."""
    import ctypes
    import types

    import onnxruntime as ort
    import pytest

    from desktop_app.core import files
    from desktop_app.core.engine import create_session
    from tests.model_factory import build_classifier

    short = build_classifier(tmp_path / "MODEL~1.ONN", classes=4)
    long_name = str(tmp_path / "使用者" / "模型.onnx")
    elsewhere = str(tmp_path / "無短名" / "模型.onnx")
    monkeypatch.setattr(files, "sys", types.SimpleNamespace(platform="win32"))
    monkeypatch.setattr(ctypes, "windll", _ShortNames({long_name: str(short), elsewhere: None}), raising=False)

    assert files.native_path(long_name) == str(short)
    assert files.native_path(elsewhere) == elsewhere  # no short name: the path as it is
    assert files.native_path(str(short)) == str(short)  # ASCII: not looked up
    session = create_session(long_name, ort.SessionOptions(), ["CPUExecutionProvider"])
    assert session.get_inputs()[0].name
    with pytest.raises(Exception, match="NO_SUCHFILE|No such file|doesn't exist"):
        create_session(elsewhere, ort.SessionOptions(), ["CPUExecutionProvider"])


def test_a_short_name_that_is_not_ascii_either_is_not_used(monkeypatch):
    import ctypes
    import types

    from desktop_app.core import files

    monkeypatch.setattr(files, "sys", types.SimpleNamespace(platform="win32"))
    monkeypatch.setattr(ctypes, "windll", _ShortNames({"C:\\影片\\貓.mp4": "C:\\影片\\貓.mp4"}), raising=False)
    assert files.native_path("C:\\影片\\貓.mp4") == "C:\\影片\\貓.mp4"
    monkeypatch.setattr(files, "sys", types.SimpleNamespace(platform="linux"))
    assert files.native_path("/home/使用者/貓.mp4") == "/home/使用者/貓.mp4"


def test_a_short_looping_clip_far_behind_shows_each_loops_first_frame_and_plays_on(tmp_path):
    """A six-frame 120 fps clip, held up once for 0.3 s downstream: every frame of the next loops
    was skipped, so no loop delivered one, and the second such loop ended the video with "the
    file was changed or removed while playing"."""
    import time


    path = grey_video(tmp_path / "short120.avi", 120, (value * 40 for value in range(6)))
    errors, frames = [], []

    def hiccup(frame):
        frames.append(frame)
        if len(frames) == 5:
            time.sleep(0.3)  # the GIL held by an inference, a busy GUI

    thread = CaptureThread(SourceSpec(video_path=str(path)), 1, hiccup, errors.append)
    thread.start()
    time.sleep(1.5)
    alive = thread.is_alive()
    thread.stop()
    thread.join(5)
    assert alive and not errors and len(frames) > 30


def test_a_video_behind_its_time_goes_on_from_the_frozen_frame(tmp_path):
    """Frozen while behind (the lab on, a 4K file), the file went on skipping for up to half a
    second under the Frozen badge: resumed, it jumped a second or more ahead of the frozen frame."""
    import time


    path = grey_video(tmp_path / "counted.avi", 30, (index * 2 for index in range(120)))
    shown: list[int] = []

    def slow(frame):
        shown.append(round(float(frame.image.mean()) / 2))
        time.sleep(0.1)  # behind: frames are skipped to keep time

    thread = CaptureThread(SourceSpec(video_path=str(path)), 1, slow, [].append)
    thread.start()
    time.sleep(0.8)
    thread.paused = True
    time.sleep(0.15)  # a frame handed over as it froze is still taken
    frozen_at, skipped = shown[-1], thread.frames_skipped
    time.sleep(1.0)
    assert thread.frames_skipped == skipped and shown[-1] == frozen_at  # nothing moves while frozen
    thread.paused = False
    deadline = time.monotonic() + 5
    while shown[-1] == frozen_at and time.monotonic() < deadline:
        time.sleep(0.01)
    thread.stop()
    thread.join(5)
    assert skipped > 0 and shown[-1] - frozen_at <= 2, (frozen_at, shown[-1])
