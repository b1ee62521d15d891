"""A non-editable install carries the model, sidecar, labels and sample: build the real wheel and
run the app from it, away from the source checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(out)],
                         capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        pytest.fail(f"pip wheel failed: {run.stderr[-2000:]}")
    return next(out.glob("synset-*.whl"))


def test_wheel_contains_the_bundled_files(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "desktop_app/models/efficientnet-lite0.onnx",
        "desktop_app/models/efficientnet-lite0.json",
        "desktop_app/resources/labels/imagenet-1k.txt",
        "desktop_app/resources/samples/chelsea.jpg",
    ):
        assert required in names
    assert not any(n.startswith("tests/") for n in names)
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names), "the Apache-2.0 text is not in the wheel"


def test_app_runs_from_the_unpacked_wheel(wheel, tmp_path, photos):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = dict(os.environ, PYTHONPATH=str(site))
    run = subprocess.run([sys.executable, "-m", "desktop_app", "classify", str(photos["coffee"]), "--json"],
                         capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    document = json.loads(run.stdout)
    assert document["model"]["path"].startswith(str(site))
    assert document["results"][0]["top"][0]["label"] == "espresso"
