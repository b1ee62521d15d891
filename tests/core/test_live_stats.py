"""The live readout's rates: what they measure, and that they fall when nothing comes."""

from __future__ import annotations

import pytest

from desktop_app.core.live_stats import RATE_HORIZON_S, LiveStats

STAGES = {"decode": 1.0, "preprocess": 0.5, "inference": 10.0, "postprocess": 0.2}


def _ranked_at_30_fps(stats: LiveStats, seconds: float, start: float = 100.0) -> float:
    t = start
    for i in range(int(seconds * 30)):
        t = start + i / 30
        stats.result_received(t - 0.012, STAGES, now=t)
    return t


def test_the_inference_rate_is_the_rate_results_came_at():
    stats = LiveStats()
    last = _ranked_at_30_fps(stats, 5)
    assert stats.inference_fps(now=last) == pytest.approx(30, rel=0.02)
    early = LiveStats()
    last = _ranked_at_30_fps(early, 0.5)  # a start: what came so far, not 0 and not a burst
    assert early.inference_fps(now=last) == pytest.approx(30, rel=0.02)


def test_the_inference_rate_falls_to_zero_while_nothing_is_ranked():
    """A frozen view ranks nothing: the readout kept the last 90 results' 30 fps for ever."""
    stats = LiveStats()
    last = _ranked_at_30_fps(stats, 5)
    halfway = stats.inference_fps(now=last + RATE_HORIZON_S / 2)
    assert 10 < halfway < 21
    assert stats.inference_fps(now=last + RATE_HORIZON_S + 0.1) == 0.0


def test_a_picture_not_decoded_is_not_a_decode_of_0_ms():
    """Ranked again from memory, a picture has no decode: "Decode 0.0 ms" read as a measurement."""
    stats = LiveStats()
    stats.stages_received(STAGES | {"decode": 0.0})
    assert stats.stage_count("decode") == 0 and stats.to_json()["stages_ms_p50"]["decode"] is None
    stats.stages_received(STAGES)
    assert stats.stage_p50()["decode"] == 1.0


@pytest.mark.parametrize("per_second", [1.0, 0.5, 0.25])
def test_a_slow_source_reads_its_rate_not_0(per_second):
    """A big model on a CPU, the lab, a slideshow: one result every 4 s read 0, and a stats file
    wrote 0.0 as if measured."""
    stats = LiveStats()
    for i in range(12):
        stats.result_received(100 + i / per_second - 0.01, STAGES, now=100 + i / per_second)
    last = 100 + 11 / per_second
    for since in (0.0, 0.4 / per_second, 0.9 / per_second):  # between two results, as the readout samples
        assert stats.inference_fps(now=last + since) == pytest.approx(per_second, rel=0.01)


def test_rates_restart_when_the_view_freezes_or_thaws():
    stats = LiveStats()
    last = _ranked_at_30_fps(stats, 5)
    stats.source_delivered(150, newest_at=last - 0.25)
    stats.source_delivered(157, newest_at=last)
    stats.restart_rates()  # frozen: nothing is ranked from now on, at once
    assert stats.inference_fps(now=last + 0.1) == 0.0 and stats.camera_fps() == 0.0


@pytest.mark.parametrize("per_second", [30.0, 1.0])
def test_the_camera_rate_is_timed_by_its_frames_not_by_the_readout(per_second):
    """The readout samples the capture thread's count at 4 Hz. Counted over those samples' span, a
    1 fps camera read 0.73 and 1.09 by turns; timed by when the frames came, it reads 1.0."""
    stats = LiveStats()
    period = 1 / per_second
    for tick in range(40):  # 10 s of 4 Hz samples, each between two frames
        now = 100 + tick * 0.25 + 0.013
        frames = int((now - 100) / period) + 1
        stats.source_delivered(frames, newest_at=100 + (frames - 1) * period)
        if tick >= 12:
            assert stats.camera_fps(now=now) == pytest.approx(per_second, rel=0.01)


def test_the_camera_rate_falls_to_zero_when_the_camera_stops_sending():
    stats = LiveStats()
    for frames in range(2, 152, 7):  # a 30 fps camera, sampled at about 4 Hz
        stats.source_delivered(frames, newest_at=100 + frames / 30)
    last = 100 + 149 / 30
    assert stats.camera_fps(now=last) == pytest.approx(30, rel=0.01)
    assert 10 < stats.camera_fps(now=last + RATE_HORIZON_S / 2) < 21
    assert stats.camera_fps(now=last + RATE_HORIZON_S + 0.1) == 0.0
    stats.source_delivered(3, newest_at=last + 4)  # another source, counting afresh
    stats.source_delivered(4, newest_at=last + 4 + 1 / 30)
    assert stats.camera_fps(now=last + 4 + 1 / 30) == pytest.approx(30, rel=0.01)


def test_a_source_that_has_delivered_nothing_yet_is_no_point_of_its_rate():
    """The capture thread's (0 frames, at time 0.0) was a point: the first rate divided by the uptime."""
    stats = LiveStats()
    stats.source_delivered(0, newest_at=0.0)
    stats.source_delivered(1, newest_at=500.0)
    assert stats.camera_fps(now=500.0) == 0.0 and stats.to_json()["camera_fps"] is None
    stats.source_delivered(31, newest_at=501.0)
    assert stats.camera_fps(now=501.0) == pytest.approx(30)
