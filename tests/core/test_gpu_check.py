"""tools/gpu_check.py: the GPU check anyone with a GPU runs, exercised here on CPU and a fake device."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.fake_device import ALL_PROVIDERS, fake_factory
from tools import gpu_check

ROOT = Path(__file__).resolve().parents[2]


def test_on_a_fake_cuda_device_every_photo_agrees_with_cpu(tmp_path):
    out = tmp_path / "check.json"
    options = {"session_factory": fake_factory(), "available": ALL_PROVIDERS}
    assert gpu_check.main(["--provider", "cuda", "--iterations", "5", "--out", str(out)], options) == 0
    report = json.loads(out.read_text())
    assert report["passed"] and report["provider"] == "cuda" and report["fallback_reason"] is None
    assert [p["photo"] for p in report["photos"]] == ["chelsea.jpg", "coffee.jpg", "grace_hopper.jpg"]
    checks = [c for p in report["photos"] for c in p["checks"]]
    assert len(checks) == 9 and all(c["agrees"] and c["provider"] == "cuda" for c in checks)
    assert {"cuda", "cpu"} == set(report["bench"])
    assert report["photos"][1]["checks"][0]["top5"][0][0] == "espresso"


def test_without_the_provider_it_fails_with_the_reason():
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "gpu_check.py"), "--provider", "cuda",
                          "--iterations", "3"], capture_output=True, text=True, timeout=120)
    report = json.loads(run.stdout)
    assert run.returncode == 1 and not report["passed"] and report["provider"] == "cpu"
    assert "CUDA is not in this ONNX Runtime build" in report["fallback_reason"]
    assert all(p["agrees"] for p in report["photos"])  # CPU itself still answers right
