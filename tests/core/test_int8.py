"""The shipped int8 variant: it loads like any model, ranks the test photos as fp32 does, and
bench --compare times it beside fp32 (figures in the README, not asserted here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from desktop_app.core import paths
from desktop_app.core.classifier import Classifier
from desktop_app.core.providers import ProviderChoice

ROOT = Path(__file__).resolve().parents[2]


def test_int8_ranks_the_photos_like_fp32(photos):
    fp32 = Classifier.load(choice=ProviderChoice("cpu"))
    int8 = Classifier.load(paths.int8_model_path(), choice=ProviderChoice("cpu"))
    assert int8.description.name == "EfficientNet-Lite0 (int8)"
    assert int8.description.preprocessing == fp32.description.preprocessing  # the same sidecar settings
    assert "QDQ" in int8.sidecar["quantization"] and int8.metadata["license"] == "Apache-2.0"
    for path in photos.values():
        a, b = fp32.classify_file(path).top, int8.classify_file(path).top
        assert a[0].index == b[0].index and len({p.index for p in a} & {p.index for p in b}) >= 4


def test_bench_compare_reports_both_models():
    run = subprocess.run([sys.executable, "-m", "desktop_app", "bench", "--iterations", "5", "--threads", "1",
                          "--compare", str(paths.int8_model_path()), "--json"],
                         capture_output=True, text=True, cwd=ROOT, timeout=180)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    compare = report["compare"]
    assert compare["compare_model"] == "EfficientNet-Lite0 (int8)" and compare["speedup"] > 0
    assert {"p50", "p95"} <= set(compare["compare_raw_inference_ms"]) and report["overhead_ratio"] > 0
