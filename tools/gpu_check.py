#!/usr/bin/env python3
"""Check an accelerator by its answers and its speed, as one JSON document.

Run from a checkout, on the machine with the GPU (no window, no PySide6 needed)::

    python tools/gpu_check.py --provider cuda --out gpu-check.json

1. The three test photos go through the per-frame path on the chosen provider, as dropped files
   and as a stream of live BGR frames (each photo twice, one after another), and each answer is
   compared with a one-shot CPU answer: same top-5, every class probability within the tolerance
   of ``desktop_app.core.proof``.
2. ``bench`` on the provider and on CPU, in one process.
3. ``--experiments``: the per-frame strategies a device could use, timed side by side (raw
   ``session.run``, a new IOBinding per run, a device OrtValue refreshed with ``update_inplace``).

Exit 0 when the provider is the one asked for and every answer agrees with CPU, else 1.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import shutil
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.core.bench import run_bench, webcam_frame  # noqa: E402
from desktop_app.core.classifier import Classifier  # noqa: E402
from desktop_app.core.display import read_picture  # noqa: E402
from desktop_app.core.proof import TOLERANCE, compare  # noqa: E402
from desktop_app.core.providers import KINDS, ProviderChoice, installed_flavours  # noqa: E402
from desktop_app.core.stats import percentiles  # noqa: E402

PHOTOS = [ROOT / "tests" / "data" / f"{name}.jpg" for name in ("chelsea", "coffee", "grace_hopper")]


def main(argv: list[str] | None = None, engine_options: dict | None = None) -> int:
    """``engine_options`` (session_factory, available) lets the tests run this on a fake device."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provider", choices=[k for k in KINDS if k != "auto"], default="cuda")
    parser.add_argument("--device-id", type=int)
    parser.add_argument("--iterations", type=int, default=300, help="bench iterations per provider")
    parser.add_argument("--experiments", action="store_true", help="time per-frame strategies too")
    parser.add_argument("--out", type=Path, help="write the JSON here (default: stdout)")
    args = parser.parse_args(argv)

    cpu = Classifier.load(choice=ProviderChoice("cpu"))
    device = Classifier.load(choice=ProviderChoice(args.provider, args.device_id), **(engine_options or {}))
    answers = [check_photo(device, cpu, path) for path in PHOTOS]
    report = {
        "environment": environment(),
        "requested": args.provider,
        "provider": device.engine.provider,
        "fallback_reason": device.engine.fallback_reason,
        "tolerance": TOLERANCE,
        "photos": answers,
        "bench": {device.engine.provider: run_bench(device, args.iterations)},
    }
    if device.engine.provider != "cpu":
        report["bench"]["cpu"] = run_bench(cpu, args.iterations)
    if args.experiments:
        report["per_frame_strategies_ms"] = strategies(device, args.iterations)
    report["passed"] = device.engine.provider == args.provider and all(a["agrees"] for a in answers)
    text = json.dumps(report, indent=2, ensure_ascii=False, allow_nan=False)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text if not args.out else f"{'passed' if report['passed'] else 'FAILED'}: {args.out}")
    return 0 if report["passed"] else 1


def check_photo(device: Classifier, cpu: Classifier, path: Path) -> dict:
    """The photo as a file, then as two live BGR frames, each compared with a one-shot CPU answer."""
    picture = read_picture(path)  # as classify_file reads it
    frame = np.ascontiguousarray(picture[:, :, ::-1])
    runs = [("file", device.classify_file(path), picture, "rgb")]
    for _ in range(2):
        runs.append(("frame", device.classify(frame, "bgr"), frame, "bgr"))
    checks = []
    for how, result, image, order in runs:
        expected_p = one_shot_probabilities(cpu, image, order)
        got_p = device.postprocessor.probabilities(device_raw(device, image, order))
        agreement = compare(got_p, expected_p)
        expected_top = cpu.postprocessor.rank(expected_p)
        checks.append({
            "path": how,
            "top5": [[p.label, round(p.probability, 4)] for p in result.top],
            "cpu_top5": [[p.label, round(p.probability, 4)] for p in expected_top],
            "same_top5": [p.index for p in result.top] == [p.index for p in expected_top],
            "max_dp": None if math.isnan(agreement.max_dp) else round(agreement.max_dp, 6),
            "agrees": agreement.ok,  # top-5 the same but for near ties, every Δp within the tolerance
            "provider": result.provider,
        })
    return {"photo": path.name, "checks": checks, "agrees": all(c["agrees"] for c in checks)}


def device_raw(classifier: Classifier, image: np.ndarray, order: str) -> np.ndarray:
    """The raw output of the per-frame path (the provider's runner) for ``image``."""
    return classifier.run(classifier.preprocessor(image, order)).copy()


def one_shot_probabilities(cpu: Classifier, image: np.ndarray, order: str) -> np.ndarray:
    d = cpu.description
    raw = cpu.engine.session.run([d.output.name], {d.input.name: cpu.preprocessor(image, order)})[0]
    return cpu.postprocessor.probabilities(raw)


def strategies(classifier: Classifier, iterations: int) -> dict:
    """Per-frame strategies on this session, interleaved so that noise falls on all alike."""
    import onnxruntime as ort

    d = classifier.description
    session = classifier.engine.session
    tensor = classifier.preprocessor(webcam_frame(), "bgr")
    names = (d.input.name, d.output.name)
    runs = {"session_run_numpy": lambda: session.run([names[1]], {names[0]: tensor})[0]}

    def bind_per_run():
        binding = session.io_binding()
        binding.bind_cpu_input(names[0], tensor)
        binding.bind_output(names[1], "cpu")
        session.run_with_iobinding(binding)
        return binding.copy_outputs_to_cpu()[0]

    runs["iobinding_new_per_run"] = bind_per_run
    if classifier.engine.provider == "cuda":
        value = ort.OrtValue.ortvalue_from_numpy(tensor, "cuda", 0)
        binding = session.io_binding()
        binding.bind_ortvalue_input(names[0], value)
        binding.bind_output(names[1], "cpu")

        def update_inplace():
            value.update_inplace(tensor)
            session.run_with_iobinding(binding)
            return binding.copy_outputs_to_cpu()[0]

        runs["device_ortvalue_update_inplace"] = update_inplace
    times = {name: [] for name in runs}
    for i in range(iterations + 10):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            if i >= 10:
                times[name].append((time.perf_counter() - start) * 1e3)
    return {name: percentiles(values) for name, values in times.items()}


def environment() -> dict:
    import cv2
    import onnxruntime as ort

    gpu = None
    if shutil.which("nvidia-smi"):
        query = ["nvidia-smi", "--query-gpu=name,driver_version,memory.total", "--format=csv,noheader"]
        gpu = subprocess.run(query, capture_output=True, text=True, timeout=30).stdout.strip() or None
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "onnxruntime": ort.__version__,
        "onnxruntime_flavours": dict(installed_flavours()),
        "available_providers": ort.get_available_providers(),
        "numpy": np.__version__,
        "opencv": cv2.__version__,
        "synset": _version(),
        "gpu": gpu,
    }


def _version() -> str | None:
    try:
        return metadata.version("synset")
    except metadata.PackageNotFoundError:
        return None


if __name__ == "__main__":
    sys.exit(main())
