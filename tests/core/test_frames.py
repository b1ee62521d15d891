"""Latest frame wins: one waiting frame at most, replacements counted as drops."""

from __future__ import annotations

import threading
import time

import numpy as np

from desktop_app.core.frames import Frame, LatestSlot


def frame(n: int) -> Frame:
    return Frame.of(n, np.zeros((2, 2, 3), np.uint8), time.perf_counter())


def test_newer_frame_replaces_the_waiting_one_and_counts_a_drop():
    slot = LatestSlot()
    assert slot.put(frame(1)) is False
    assert slot.put(frame(2)) is True
    assert slot.take().number == 2 and slot.take() is None
    assert slot.dropped == 1


def test_concurrent_producer_and_consumer_lose_nothing_but_counted_drops():
    slot, taken = LatestSlot(), []

    def produce():
        for n in range(1, 5001):
            slot.put(frame(n))

    producer = threading.Thread(target=produce)
    producer.start()
    while producer.is_alive():
        f = slot.take()
        if f is not None:
            taken.append(f.number)
    producer.join()
    last = slot.take()
    if last is not None:
        taken.append(last.number)
    assert taken == sorted(taken) and taken[-1] == 5000
    assert len(taken) + slot.dropped == 5000
