"""The measuring tools the README quotes run and write what it quotes (no timing is asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_fit_after_idle_reports_each_wait(tmp_path):
    out = tmp_path / "fit.json"
    done = subprocess.run([sys.executable, "tools/fit_after_idle.py", "--rounds", "2", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["model"] == "EfficientNet-Lite0" and report["rounds"] == 2
    waits = report["fit_ms_after"]
    assert list(waits) == ["nothing", "busy 0.5 ms", "busy 1 ms", "busy 2 ms", "busy 5 ms", "busy 10 ms", "session.run"]
    assert all(w["p50"] > 0 for w in waits.values()) and report["raw_inference_ms"]["p50"] > 0
