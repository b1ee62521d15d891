#!/usr/bin/env python3
"""How long the frame path's first step (fitting a 720p frame) takes after the CPU did something else.

    python tools/fit_after_idle.py [--model M] [--rounds 150] [--out fit.json]

Each round fits the bench's 720p frame once to warm it, then waits (nothing; a busy loop that
touches no memory for 0.5–10 ms; or one ``session.run``), then times a second fit. The order of the
waits is the same every round, so each one follows a fit. If a busy loop that touches nothing makes
the fit as slow as an inference does, the caches were emptied by whatever else shares them (other
virtual machines on this host, for instance), not by the model: no change to the path can bring the
cost below the "after a busy loop" figure on that machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.core.bench import webcam_frame  # noqa: E402
from desktop_app.core.classifier import Classifier  # noqa: E402
from desktop_app.core.errors import SynsetError  # noqa: E402
from desktop_app.core.stats import percentiles  # noqa: E402
from tools.report import emit  # noqa: E402

BUSY_MS = (0.5, 1.0, 2.0, 5.0, 10.0)


def busy(ms: float) -> None:
    """Keep this core busy for ``ms`` without touching memory beyond a few variables."""
    end = time.perf_counter() + ms / 1e3
    while time.perf_counter() < end:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="ONNX model (default: the bundled one)")
    parser.add_argument("--rounds", type=int, default=150)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error(f"--rounds must be at least 1, not {args.rounds}")
    try:
        classifier = Classifier.load(args.model) if args.model else Classifier.load()
    except SynsetError as exc:
        print(f"fit_after_idle: {exc}", file=sys.stderr)
        return 2
    preprocessor, d = classifier.preprocessor, classifier.description
    frame = webcam_frame()
    session, outputs = classifier.engine.session, [d.output.name]
    feed = {d.input.name: preprocessor(frame, "bgr")}
    waits = {"nothing": lambda: None}
    waits |= {f"busy {ms:g} ms": (lambda ms=ms: busy(ms)) for ms in BUSY_MS}
    waits["session.run"] = lambda: session.run(outputs, feed)
    fit_ms: dict[str, list[float]] = {name: [] for name in waits}
    raw_ms = []
    for _ in range(args.rounds):
        for name, wait in waits.items():
            preprocessor.fit(frame)
            started = time.perf_counter()
            wait()
            waited = time.perf_counter()
            preprocessor.fit(frame)
            fit_ms[name].append((time.perf_counter() - waited) * 1e3)
            if name == "session.run":
                raw_ms.append((waited - started) * 1e3)
    emit({
        "model": d.name,
        "rounds": args.rounds,
        "raw_inference_ms": percentiles(raw_ms),
        "fit_ms_after": {name: percentiles(values) for name, values in fit_ms.items()},
    }, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
