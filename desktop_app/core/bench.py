"""Benchmark: raw ``session.run`` on a ready tensor vs the full path from a webcam frame to top-k.

All are measured in one process, interleaved iteration by iteration, so machine noise hits them
alike and the ratios are meaningful even on a busy 2-core machine:

- ``overhead_ratio``: one frame through the whole path on one thread (its latency).
- ``live_overhead_ratio``: the path as the live window runs it. The capture thread fits each frame
  to the model's size (:meth:`Frame.fitted_by`) while the inference thread ranks the previous one;
  this is the inference thread's time per frame, which sets the live frame rate.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import cv2
import numpy as np

from . import paths
from .classifier import Classifier
from .decode import decode_file
from .engine import default_threads, physical_cores
from .frames import Frame
from .jobs import Job, JobCancelled, JobContext
from .providers import ProviderChoice, installed_kinds
from .stats import percentiles

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

FRAME_SIZE = (1280, 720)  # what a webcam delivers: 720p BGR uint8


def webcam_frame() -> np.ndarray:
    """The bundled sample photo as a 1280×720 BGR frame (real content, webcam layout)."""
    rgb = decode_file(paths.sample_photo_path())
    frame = cv2.resize(rgb, FRAME_SIZE, interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(frame[:, :, ::-1])


def run_bench(classifier: Classifier, iterations: int = 200, warmup: int = 10,
              cancelled: Callable[[], bool] | None = None) -> dict:
    """Interleave raw inference, the one-thread path and the live path; return the JSON contract's
    document. ``cancelled`` is asked every iteration (:class:`JobCancelled` when it says so)."""
    from concurrent.futures import ThreadPoolExecutor  # here: the window imports this module at start

    with ThreadPoolExecutor(1, thread_name_prefix="capture") as capture:
        return _run_bench(classifier, iterations, warmup, cancelled, capture)


def _run_bench(classifier: Classifier, iterations: int, warmup: int, cancelled: Callable[[], bool] | None,
               capture: ThreadPoolExecutor) -> dict:
    frame = webcam_frame()
    live_frame = Frame.of(0, frame.copy(), time.perf_counter())
    description = classifier.description
    tensor = classifier.preprocessor(frame, "bgr")
    session = classifier.engine.session
    feed = {description.input.name: tensor}
    outputs = [description.output.name]
    raw_ms, pipeline_ms, live_ms = [], [], []
    stages: dict[str, list[float]] = {name: [] for name in ("preprocess", "inference", "postprocess")}
    steps: dict[str, list[float]] = {"fit": [], "to_tensor": []}
    preprocessor = classifier.preprocessor
    fitting = capture.submit(live_frame.fitted_by, preprocessor)
    for i in range(warmup + iterations):
        if cancelled is not None and cancelled():
            raise JobCancelled()
        # Alternate which goes first so that cache and clock effects fall on both alike.
        if i % 2:
            result, pipe = _timed(classifier.classify, frame, "bgr")
            _, raw = _timed(session.run, outputs, feed)
        else:
            _, raw = _timed(session.run, outputs, feed)
            result, pipe = _timed(classifier.classify, frame, "bgr")
        # The live path: take the frame the capture thread fitted, hand it the next one, rank.
        start = time.perf_counter()
        fitted = fitting.result()
        fitting = capture.submit(live_frame.fitted_by, preprocessor)
        classifier.classify(fitted.image, "bgr", fitted=fitted.fitted)
        live = (time.perf_counter() - start) * 1e3
        fitting.result()  # the raw run that follows must not share the cores with it
        if i % 2 == 0:
            # The preprocessing's two steps, right after an inference as in the frame path (an
            # inference leaves the caches cold: each step then costs several times its warm
            # cost). A last run cools them again: the next pipeline must not find them warm.
            session.run(outputs, feed)
            fitted_image, fit = _timed(preprocessor.fit, frame)
            _, to_tensor = _timed(preprocessor.to_tensor, fitted_image, "bgr", tensor)
            session.run(outputs, feed)
            if i >= warmup:
                steps["fit"].append(fit)
                steps["to_tensor"].append(to_tensor)
        if i < warmup:
            continue
        raw_ms.append(raw)
        pipeline_ms.append(pipe)
        live_ms.append(live)
        for name in stages:
            stages[name].append(result.timings_ms[name])
    raw, pipeline, live_path = percentiles(raw_ms), percentiles(pipeline_ms), percentiles(live_ms)
    return {
        "provider": classifier.engine.provider,
        "fallback_reason": classifier.engine.fallback_reason,
        "model": description.name,
        "iterations": iterations,
        "intra_op_threads": classifier.engine.choice.threads or default_threads(),
        "frame": {"width": FRAME_SIZE[0], "height": FRAME_SIZE[1], "pixel_order": "bgr"},
        "raw_inference_ms": raw,
        "pipeline_ms": pipeline,
        "stages_ms": {name: percentiles(values) for name, values in stages.items()},
        "preprocess_steps_ms": {name: percentiles(values) for name, values in steps.items()},
        "overhead_ratio": _ratio(pipeline, raw),
        "live_ms": live_path,
        "live_overhead_ratio": _ratio(live_path, raw),
    }


def _ratio(path: dict, raw: dict) -> float | None:
    return round(path["p50"] / raw["p50"], 4) if raw["p50"] else None


def compare_raw(classifier: Classifier, other: Classifier, iterations: int = 200, warmup: int = 10) -> dict:
    """Raw ``session.run`` of two models on the same webcam frame, interleaved iteration by iteration
    (each on its own tensor, prepared once): which is faster on this machine, and by how much."""
    frame = webcam_frame()
    runs = []
    for c in (classifier, other):
        d = c.description
        runs.append((c.engine.session, [d.output.name], {d.input.name: c.preprocessor(frame, "bgr")}))
    times: list[list[float]] = [[], []]
    for i in range(warmup + iterations):
        order = (0, 1) if i % 2 else (1, 0)
        for which in order:
            session, outputs, feed = runs[which]
            _, ms = _timed(session.run, outputs, feed)
            if i >= warmup:
                times[which].append(ms)
    mine, theirs = percentiles(times[0]), percentiles(times[1])
    return {
        "model": classifier.description.name,
        "compare_model": other.description.name,
        "raw_inference_ms": mine,
        "compare_raw_inference_ms": theirs,
        "speedup": round(mine["p50"] / theirs["p50"], 3) if theirs["p50"] else None,
    }


def _timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return result, (time.perf_counter() - start) * 1e3


def bench_plan(kinds: list[str] | tuple[str, ...]) -> list[ProviderChoice]:
    """What the benchmark page compares: every installed accelerator (``kinds`` as
    :func:`installed_kinds` names them), then CPU with one thread and with every physical core."""
    plan = [ProviderChoice(kind) for kind in kinds if kind != "cpu"]
    cores = physical_cores()
    plan.append(ProviderChoice("cpu", threads=1))
    if cores > 1:
        plan.append(ProviderChoice("cpu", threads=cores))
    return plan


class BenchProviders(Job):
    """``bench`` on every provider of :func:`bench_plan`, one progress item per provider.

    Runs on the one inference worker and never lets a live frame through: live ranking pauses
    (frames are dropped and counted) so that the figures are not the live path's leftovers.
    """

    kind = "bench"

    def __init__(self, model_path: str, iterations: int = 100, available: list[str] | None = None,
                 overrides=None):
        self.model_path, self.iterations, self.overrides = model_path, iterations, overrides
        self.available = available

    def run(self, context: JobContext) -> dict:
        import onnxruntime as ort

        available = self.available if self.available is not None else ort.get_available_providers()
        results = []
        for choice in bench_plan(installed_kinds(available)):
            if context.cancelled():
                raise JobCancelled()
            results.append(self._one(choice, context))
            context.report(results[-1])
        return {"model": self.model_path, "iterations": self.iterations, "results": results}

    def _one(self, choice: ProviderChoice, context: JobContext) -> dict:
        started = time.perf_counter()
        classifier = Classifier.load(self.model_path, overrides=self.overrides, choice=choice)
        load_ms = (time.perf_counter() - started) * 1e3
        report = run_bench(classifier, self.iterations, cancelled=context.cancelled)
        report["requested"] = choice.kind
        report["intra_op_threads"] = choice.threads or default_threads()
        report["load_ms"] = round(load_ms, 1)
        report["fallback"] = classifier.engine.fallback  # messages, for the window (not in its JSON)
        return report
