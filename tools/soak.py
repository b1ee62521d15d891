#!/usr/bin/env python3
"""Soak the live window: N minutes on the demo video while switching models, providers,
preprocessing and language and dropping folders; memory, threads and handles sampled every second.

    python tools/soak.py --minutes 60 --out soak.json

Runs headless (Qt's offscreen platform unless QT_QPA_PLATFORM says otherwise). The report says
whether memory grew after warm-up (the first tenth of the run, at least 30 s) by less than 5 %,
whether any error reached the status bar or the crash log, and whether every frame the camera
handed over was ranked or counted as dropped. Exit 0 when all three hold.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import onnxruntime  # noqa: E402,F401  (before PySide6, as the app does on Windows)
import psutil  # noqa: E402
from make_demo_video import write_video  # noqa: E402
from PySide6.QtCore import QObject, QTimer, Slot  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app.core import paths  # noqa: E402
from desktop_app.core.memory import return_large_buffers_to_os  # noqa: E402
from desktop_app.core.settings import AppSettings  # noqa: E402
from desktop_app.gui.crash_log import CrashReporter, configure_logging  # noqa: E402
from desktop_app.gui.main_window import MainWindow  # noqa: E402
from desktop_app.gui.settings_store import SettingsStore  # noqa: E402
from desktop_app.gui.worker import InferenceService  # noqa: E402

GROWTH_LIMIT = 0.05
ACTION_EVERY_S = 5.0


class Soak(QObject):
    """Drives one window; every method runs on the GUI thread (Qt timers, queued signals: the
    soak is a QObject of the GUI thread, so the worker's signals reach its slots there)."""

    def __init__(self, window: MainWindow, workdir: Path, seconds: float):
        super().__init__()
        self.window, self.workdir, self.seconds = window, workdir, seconds
        self.video = str(write_video(workdir / "demo.mp4", seconds=10, fps=30))
        self.models = [None, str(_copy_model(workdir))]  # the bundled one, and a copy (a real reload)
        self.folder = _photo_folder(workdir)
        self.samples: list[dict] = []
        self.actions: dict[str, int] = {}
        self.errors: list[str] = []
        self.results = 0
        self.failures = 0
        self._step = 0
        self._process = psutil.Process()
        self._started = time.perf_counter()
        window.feedback.error = self._record_error(window.feedback.error)
        worker = window.service.worker
        worker.prediction_ready.connect(self._on_result)
        worker.inference_failed.connect(self._on_failure)
        worker.job_finished.connect(self._on_job_finished)

    def start(self) -> None:
        self.window.start_video(self.video)
        self._sampler = _repeat(1000, self._sample)
        self._actor = _repeat(int(ACTION_EVERY_S * 1000), self._act)
        QTimer.singleShot(int(self.seconds * 1000), self._finish)

    # ---- what the soak does -----------------------------------------------------------------
    def _act(self) -> None:
        actions = [self._switch_model, self._switch_preprocessing, self._switch_provider,
                   self._switch_language, self._drop_folder, self._switch_preprocessing]
        action = actions[self._step % len(actions)]
        self._step += 1
        self.actions[action.__name__.lstrip("_")] = self.actions.get(action.__name__.lstrip("_"), 0) + 1
        action()

    def _switch_model(self) -> None:
        current = self.window.settings.model_path
        self.window.open_model(self.models[1] if current != self.models[1] else str(paths.default_model_path()))

    def _switch_preprocessing(self) -> None:
        combos = self.window.controls.preset_combos
        name = ("normalize", "channel_order", "resize")[self._step % 3]
        combo = combos[name]
        combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())
        combo.activated.emit(combo.currentIndex())

    def _switch_provider(self) -> None:
        kind = "cpu" if self.window.settings.provider != "cpu" else "auto"
        self.window.controls.provider_chosen.emit(kind, None)

    def _switch_language(self) -> None:
        self.window.set_language("zh_TW" if self.window.language != "zh_TW" else "en")

    def _drop_folder(self) -> None:
        self.window.open_paths([str(self.folder)])  # stops the video; resumed when the folder is done

    @Slot(int, bool)
    def _on_job_finished(self, _job: int, _completed: bool) -> None:
        QTimer.singleShot(500, self._resume_video)

    def _resume_video(self) -> None:
        if not self.window.capture.running:
            self.window.start_video(self.video)

    # ---- what the soak watches --------------------------------------------------------------
    @Slot(object)
    def _on_result(self, _result) -> None:
        self.results += 1

    @Slot(object)
    def _on_failure(self, problem) -> None:
        self.failures += 1
        self.errors.append(str(problem))

    def _record_error(self, show_error):
        def record(message: str, dialog: bool = False) -> None:
            self.errors.append(message)
            show_error(message, dialog)
        return record

    def _sample(self) -> None:
        process = self._process
        handles = process.num_handles() if hasattr(process, "num_handles") else process.num_fds()
        self.samples.append({
            "t": round(time.perf_counter() - self._started, 1),
            "rss_mb": round(process.memory_info().rss / 2**20, 1),
            "threads": process.num_threads(),
            "handles": handles,
        })

    def _finish(self) -> None:
        self._actor.stop()
        self.window.live.stop(wait=True)
        QTimer.singleShot(1500, QApplication.instance().quit)  # let the last frames land

    def report(self) -> dict:
        service = self.window.service
        slot = service.slot
        waiting = 1 if slot.take() is not None else 0
        accounted = service.worker.frames_taken + slot.dropped + slot.cleared + waiting
        memory = _growth([s["rss_mb"] for s in self.samples], warmup=max(30, len(self.samples) // 10))
        report = {
            "minutes": round(self.seconds / 60, 2),
            "actions": self.actions,
            "frames": {"submitted": service.frames_submitted, "taken": service.worker.frames_taken,
                       "ranked_results": self.results, "failed": self.failures, "dropped": slot.dropped,
                       "cleared_on_switch": slot.cleared, "waiting_at_end": waiting,
                       "lost": service.frames_submitted - accounted},
            "memory": memory,
            "threads": _range([s["threads"] for s in self.samples]),
            "handles": _range([s["handles"] for s in self.samples]),
            "errors": self.errors[:50],
            "error_count": len(self.errors),
            "samples": self.samples,
        }
        report["passed"] = (memory["growth"] is not None and memory["growth"] < GROWTH_LIMIT and not self.errors
                            and report["frames"]["lost"] == 0 and self.results > 0)
        return report


def _growth(rss: list[float], warmup: int) -> dict:
    """Median RSS just after warm-up vs over the last tenth of the run."""
    settled = rss[warmup:]
    if len(settled) < 20:
        return {"growth": None, "note": "run too short to judge"}
    span = max(10, len(settled) // 10)
    early, late = statistics.median(settled[:span]), statistics.median(settled[-span:])
    return {"warmup_s": warmup, "after_warmup_mb": early, "end_mb": late, "peak_mb": max(rss),
            "growth": round((late - early) / early, 4)}


def _range(values: list[int]) -> dict:
    return {"min": min(values, default=0), "max": max(values, default=0), "end": values[-1] if values else 0}


def _repeat(ms: int, slot) -> QTimer:
    timer = QTimer()
    timer.timeout.connect(slot)
    timer.start(ms)
    return timer


def _copy_model(workdir: Path) -> Path:
    target = workdir / "model-copy" / "efficientnet-lite0-copy.onnx"
    target.parent.mkdir()
    shutil.copyfile(paths.default_model_path(), target)
    shutil.copyfile(paths.default_model_path().with_suffix(".json"), target.with_suffix(".json"))
    return target


def _photo_folder(workdir: Path) -> Path:
    folder = workdir / "photos"
    folder.mkdir()
    for photo in (ROOT / "tests" / "data").glob("*.jpg"):
        shutil.copyfile(photo, folder / photo.name)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument("--out", type=Path, default=Path("soak.json"))
    args = parser.parse_args(argv)
    return_large_buffers_to_os()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory(prefix="synset-soak-") as temporary:
        workdir = Path(temporary)
        reporter = CrashReporter(configure_logging(workdir / "logs"))
        reporter.install()
        service = InferenceService()
        window = MainWindow(AppSettings(language="en"), SettingsStore(str(workdir / "settings.ini")), service)
        window.automated = True
        window.language = "en"
        reporter.crashed.connect(lambda summary, _path: soak.errors.append(f"crash: {summary}"))
        window.resize(1280, 720)
        window.show()
        window.start()
        soak = Soak(window, workdir, args.minutes * 60)
        QTimer.singleShot(2000, soak.start)  # the model loads first
        app.exec()
        report = soak.report()
        window.close()
    args.out.write_text(json.dumps(report, indent=2, allow_nan=False) + "\n", encoding="utf-8")
    summary = {k: report[k] for k in ("minutes", "frames", "memory", "threads", "handles", "error_count", "passed")}
    print(json.dumps(summary))
    return 0 if report["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
