"""Thread priorities: threads that run Python keep the GUI's priority (a lowered one holding the GIL
would stall the GUI); ONNX Runtime's pool threads, which never take the GIL, are lowered. Linux
semantics: one nice value per thread."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import onnxruntime  # noqa: F401  (imported first: the threads an import starts are not the session's)
import pytest

from desktop_app.core import paths
from desktop_app.core.engine import create_session, session_options
from desktop_app.core.live_stats import LiveStats
from desktop_app.core.thread_priority import COMPUTE, current_nice, made_on_compute_thread, set_current_thread

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's")


def nice_of(tid: int) -> int:
    fields = Path(f"/proc/self/task/{tid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[16])  # field 19 of stat(5)


def tasks() -> set[int]:
    return {int(name) for name in os.listdir("/proc/self/task")}


def in_thread(fn):
    out = {}
    thread = threading.Thread(target=lambda: out.setdefault("value", fn()))
    thread.start()
    thread.join()
    return out["value"]


@linux
def test_the_compute_role_lowers_only_its_own_thread():
    base = current_nice()
    assert in_thread(lambda: (set_current_thread(COMPUTE), current_nice())) == (True, min(19, base + 5))
    assert current_nice() == base  # the calling (GUI) thread is untouched


@linux
def test_switched_off_leaves_the_thread_as_it_is(monkeypatch):
    monkeypatch.setenv("SYNSET_THREAD_PRIORITIES", "0")
    base = current_nice()
    assert in_thread(lambda: (set_current_thread(COMPUTE), current_nice())) == (False, base)


@linux
def test_onnx_runtime_pool_threads_are_lowered_and_the_inference_thread_is_not():
    base = current_nice()
    before = tasks()

    def make_session():  # on a thread standing for the inference thread
        session = create_session(str(paths.default_model_path()), session_options("cpu", threads=3),
                                 [("CPUExecutionProvider", {})])
        made = tasks() - before - {threading.get_native_id()}  # ONNX Runtime's own threads
        return session, {tid: nice_of(tid) for tid in made}, current_nice()

    session, pool, caller = in_thread(make_session)
    assert len(pool) >= 2, pool  # the intra-op pool, alive as long as the session
    assert set(pool.values()) == {min(19, base + 5)} and caller == base
    del session


def test_what_the_compute_thread_makes_or_raises_reaches_the_caller():
    assert made_on_compute_thread(lambda: threading.get_native_id()) != threading.get_native_id() or \
        not sys.platform.startswith("linux")
    with pytest.raises(KeyError, match="boom"):
        made_on_compute_thread(lambda: {}["boom"])


def test_gui_stalls_report_p99_over_probes_and_the_runs_max():
    stats = LiveStats()
    for stall in [1.0] * 990 + [20.0] * 10:
        stats.gui_stall(stall)
    stats.gui_stall(45.0)
    document = stats.to_json()
    assert document["gui_stall_ms"]["max"] == 45.0 == document["gui_max_stall_ms"]
    assert 1.0 < document["gui_stall_ms"]["p99"] <= 20.0
    stats.reset_window()
    assert stats.to_json()["gui_stall_ms"] == {"p99": 0.0, "max": 0.0}


def test_what_was_not_measured_is_null_not_zero():
    """A run that ranked no frame reported latencies of 0.0 ms, as if measured (and perfect)."""
    stats = LiveStats()
    document = stats.to_json()
    assert document["inference_ms"] == {"p50": None, "p95": None} == document["capture_to_result_ms"]
    assert document["camera_fps"] is None and document["inference_fps"] is None
    assert all(value is None for value in document["stages_ms_p50"].values())
    assert document["frames_inferred"] == 0  # a count is a count: zero
