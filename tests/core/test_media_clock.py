"""When a video file's frames are due: at their timestamps, skipped when late, paused with the view."""

from __future__ import annotations

from desktop_app.core.media_clock import MediaClock

PERIOD = 1 / 30


def test_frames_are_due_at_their_timestamps_from_the_first_shown():
    clock = MediaClock(PERIOD)
    times = [clock.due(ms, now=100.0) for ms in (500, 533.3, 566.7, 766.7)]  # a stream starting at 0.5 s
    assert [round(t - 100.0, 4) for t in times] == [0.0, 0.0333, 0.0667, 0.2667]


def test_a_timestamp_that_does_not_move_on_counts_as_one_frame_after_the_last():
    clock = MediaClock(PERIOD)
    due = [clock.due(0.0, now=10.0) for _ in range(3)]  # a backend without timestamps gives 0
    assert [round(t - 10.0, 4) for t in due] == [0.0, 0.0333, 0.0667]
    assert round(clock.due(33.3, now=10.0) - 10.0, 4) == 0.1  # backwards: a frame on as well


def test_a_long_slide_keeps_its_time_and_a_damaged_jump_waits_a_minute_at_most():
    """A 12 s slide was cut to one frame (33 ms): every gap over 10 s counted as a frame."""
    clock = MediaClock(PERIOD)
    clock.due(0.0, now=0.0)
    assert round(clock.due(12_000.0, now=0.0), 4) == 12.0
    assert round(clock.due(3_600_000.0 + 12_000.0, now=0.0), 4) == 72.0  # an hour's jump: a minute


def test_a_pause_moves_the_clock_on():
    clock = MediaClock(PERIOD)
    clock.shown(clock.due(0.0, now=0.0), 0.0, now=0.0)
    second = clock.due(33.3, now=0.0)
    clock.shown(second, second + 5.0, now=second + 5.0)  # frozen for five seconds before it showed
    assert round(clock.due(66.7, now=5.04) - 5.0667, 4) == 0.0  # a frame after it, not five seconds late


def test_late_frames_are_skipped_but_one_is_shown_every_half_second():
    clock = MediaClock(PERIOD)
    clock.shown(clock.due(0.0, now=0.0), 0.0, now=0.0)
    assert not clock.skip_next(now=0.05)  # on time
    assert clock.skip_next(now=0.2)  # the next frame was due at 0.033: late by 0.17 s
    clock.skipped(33.3)
    clock.skipped(66.7)
    assert clock.skip_next(now=0.45)
    assert not clock.skip_next(now=0.55)  # nothing shown for half a second: show this one


def test_a_slideshow_is_not_skipped_for_a_small_delay():
    clock = MediaClock(2.0)  # 0.5 fps
    clock.shown(clock.due(0.0, now=0.0), 0.0, now=0.0)
    assert not clock.skip_next(now=2.3)  # 0.3 s late: the next slide is still shown


def test_after_a_rewind_the_first_frame_comes_a_frame_after_the_last():
    clock = MediaClock(PERIOD)
    for ms in (0.0, 33.3, 66.7):
        due = clock.due(ms, now=1.0)
        clock.shown(due, due, now=due)
    clock.rewound()
    assert round(clock.due(0.0, now=9.0) - (1.0 + 0.0667 + PERIOD), 4) == 0.0
