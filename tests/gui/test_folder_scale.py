"""Folder mode that scales: 60 twelve-megapixel JPEGs rank under 600 MB, and a preprocessing switch
ranks the pictures again from memory without reading a file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.gui.helpers import drop, photo_folder, settled

ROOT = Path(__file__).resolve().parents[2]
MEMORY_BAR_MB = 600


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory) -> Path:
    """60 different 4000×3000 JPEGs: the test photos, scaled up, shifted and tinted one by one."""
    folder = tmp_path_factory.mktemp("big")
    base = np.asarray(Image.open(ROOT / "tests" / "data" / "coffee.jpg").convert("RGB").resize((4000, 3000)))
    for i in range(60):
        picture = np.roll(base, shift=i * 53, axis=1)
        picture = np.clip(picture.astype(np.int16) + (i % 7) * 6 - 18, 0, 255).astype(np.uint8)
        Image.fromarray(picture).save(folder / f"photo{i:02d}.jpg", quality=85)
    return folder


PEAK = r"""
import resource, subprocess, sys
run = subprocess.run(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)  # KiB on Linux: the app's true peak
sys.exit(run.returncode)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss in KiB is Linux's")
def test_sixty_12_megapixel_photos_rank_under_600_mb(big_folder, tmp_path):
    stats = tmp_path / "stats.json"
    app = [sys.executable, "-m", "desktop_app", str(big_folder), "--run-seconds", "300", "--stats-json", str(stats),
           "--settings-file", str(tmp_path / "s.ini"), "--window-size", "1280x720"]
    run = subprocess.run([sys.executable, "-c", PEAK, *app], capture_output=True, text=True, cwd=ROOT,
                         timeout=600, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stdout + run.stderr
    document = json.loads(stats.read_text())
    peak_mb = int(run.stdout.strip().splitlines()[-1]) / 1024
    assert document["pictures_ranked"] == 60
    assert document["rss_mb"]["peak"] < MEMORY_BAR_MB and peak_mb < MEMORY_BAR_MB, (peak_mb, document["rss_mb"])
    assert document["first_result_ms"] > 0


def test_a_preprocessing_switch_ranks_again_without_reading_a_file(make_window, qtbot, photos, tmp_path):
    folder = photo_folder(photos, tmp_path / "three")
    window = make_window()
    with settled(qtbot, window.service.worker.job_finished, 20_000):
        drop(window, [folder])
    first = [r.classification.top[0].label for r in window.results.results]
    reads = []
    auditing = [True]

    def count_reads(event, args):
        if auditing[0] and event == "open" and str(args[0]).startswith(str(folder)):
            reads.append(args[0])

    sys.addaudithook(count_reads)
    try:
        combo = window.controls.preset_combos["channel_order"]
        with settled(qtbot, window.service.worker.job_finished, 20_000):
            combo.setCurrentIndex(combo.findData("bgr"))
            combo.activated.emit(combo.currentIndex())
    finally:
        auditing[0] = False  # an audit hook cannot be removed: make it inert
    again = [r.classification.top[0].label for r in window.results.results]
    assert reads == [] and len(again) == 3
    assert again != first  # the same pictures, ranked with swapped channels
