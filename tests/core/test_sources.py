"""Sources without Qt: the check a video file passes before it replaces what plays, and names."""

from __future__ import annotations

from desktop_app.core.sources import CameraInfo, SourceSpec, camera_backend, probe_video, resolve_camera_argument
from tests.video_factory import grey_video


def test_a_video_that_plays_passes_the_probe(video_file):
    assert probe_video(str(video_file)) is None


def test_a_damaged_missing_or_empty_video_is_refused_with_its_reason(tmp_path):
    damaged = tmp_path / "damaged.mp4"
    damaged.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"garbage" * 100)
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    assert "damaged.mp4 could not be opened" in str(probe_video(str(damaged)))
    assert "empty.mp4" in str(probe_video(str(empty)))
    assert probe_video(str(tmp_path / "gone.mp4")) is not None


def test_a_nameless_camera_is_not_called_camera_camera():
    """``--camera 0`` with no camera listed said "Camera 'Camera 0' could not be opened"."""
    spec = resolve_camera_argument("0", [])
    assert spec is not None and spec.camera is not None
    assert spec.label == "Camera 0" and spec.name_in_messages == "0"
    named = SourceSpec(camera=CameraInfo("Integrated Webcam", 0, camera_backend()))
    assert named.name_in_messages == named.label == "Integrated Webcam"


def test_a_video_with_a_chinese_name_plays(video_file, tmp_path):
    """Presenters name files in Chinese; on Windows such a name is opened by its short 8.3 alias."""
    import shutil

    named = tmp_path / "示範影片.mp4"
    shutil.copyfile(video_file, named)
    assert probe_video(str(named)) is None


def test_a_paused_slideshow_goes_on_with_the_next_slide_not_the_one_after(tmp_path):
    """The thread reads a slide, then waits for its time: paused then, the slide was delivered to
    a frozen view (and dropped there), so the slideshow skipped it when the view thawed."""
    import time

    from desktop_app.core.sources import CaptureThread

    path = grey_video(tmp_path / "slides.avi", 4.0, (slide * 25 for slide in range(10)))
    delivered: list[tuple[bool, int]] = []  # (paused when delivered, slide)
    thread = CaptureThread(SourceSpec(video_path=str(path)), 1, on_frame=lambda frame: delivered.append(
        (thread.paused, round(float(frame.image.mean()) / 25))), on_error=print)
    thread.start()
    try:
        time.sleep(0.6)  # slides 0, 1, 2 (every 0.25 s), and slide 3 read and waiting for its time
        thread.paused = True
        time.sleep(0.8)
        thread.paused = False
        time.sleep(0.6)
    finally:
        thread.stop()
        thread.join(2)
    slides = [slide for _, slide in delivered]
    assert not any(paused for paused, _ in delivered)
    assert slides == list(range(len(slides))) and len(slides) >= 5


def test_a_paused_slide_keeps_the_time_it_had_left(tmp_path):
    """Resumed, the next slide came at once: the slide on screen lost the rest of its time."""
    import time

    from desktop_app.core.sources import CaptureThread

    path = grey_video(tmp_path / "slides.avi", 2.0, (slide * 40 for slide in range(6)))
    arrivals: list[float] = []
    thread = CaptureThread(SourceSpec(video_path=str(path)), 1, on_frame=lambda _frame: arrivals.append(
        time.perf_counter()), on_error=print)
    thread.start()
    try:
        deadline = time.perf_counter() + 5
        while len(arrivals) < 2 and time.perf_counter() < deadline:
            time.sleep(0.005)
        time.sleep(0.05)  # 0.05 s into the second slide's 0.5 s
        thread.paused = True
        time.sleep(0.4)
        shown = len(arrivals)
        thread.paused = False
        resumed = time.perf_counter()
        while len(arrivals) == shown and time.perf_counter() < resumed + 3:
            time.sleep(0.005)
    finally:
        thread.stop()
        thread.join(2)
    assert len(arrivals) > shown and arrivals[shown] - resumed > 0.25  # ~0.45 s left of its 0.5 s


def test_an_empty_video_file_says_it_is_empty(tmp_path):
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    assert str(probe_video(str(empty))) == "Video empty.mp4: the file is empty (0 bytes)"


def test_a_video_whose_frames_are_over_the_pixel_limit_is_refused_before_it_plays(tmp_path, monkeypatch):
    """Pictures had a pixel limit and videos none: a 5 MB 16000×8000 file took 1.5 GB to play.
    The limit is lowered here (a frame over 100 MP is too heavy to write in a test)."""
    import time

    from desktop_app.core import sources

    path = grey_video(tmp_path / "wide.avi", 10, [0])
    assert probe_video(str(path)) is None
    monkeypatch.setattr(sources, "MAX_PIXELS", 64 * 48 - 1)
    said = "Video wide.avi: its frames are 64×48, 0 MP, over the 0 MP limit"
    assert str(probe_video(str(path))) == said
    errors, frames = [], []
    thread = sources.CaptureThread(SourceSpec(video_path=str(path)), 1, frames.append, errors.append)
    thread.start()
    thread.join(10)
    time.sleep(0.1)
    assert [str(e) for e in errors] == [said] and not frames
