"""Build the frozen app from packaging/synset.spec and prove it runs: self-test, classify, and the window.

Slow (one PyInstaller build per session, ~15 s warm to ~2 min cold on 2 cores): marked ``packaging`` and run with
``pytest -m packaging tests/packaging``. Skipped when PyInstaller is not installed (``pip install ".[package]"``).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

pytest.importorskip("PyInstaller",
                    reason="PyInstaller is not installed: pip install '.[package]' to build the frozen app")

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "synset.spec"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
BUILD_TIMEOUT_S = 600
RUN_TIMEOUT_S = 120

# Any of these in a frozen run's output means a module, library or Qt plug-in did not make it into the bundle.
FAILURE_MARKERS = (
    "Traceback",
    "ModuleNotFoundError",
    "ImportError",
    "Could not load the Qt platform plugin",
    "qt.qpa.plugin",
    "Failed to execute script",
)
# ImageNet's domestic-cat classes (tabby, tiger cat, Persian, Siamese, Egyptian cat).
CAT_WNIDS = ("n02123045", "n02123159", "n02123394", "n02123597", "n02124075")
PROVIDERS = ("CPU", "DirectML", "CUDA")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """``dist/Synset`` of one fresh build into a temporary folder."""
    base = tmp_path_factory.mktemp("frozen")
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm",
        "--distpath", str(base / "dist"), "--workpath", str(base / "build"), str(SPEC),
    ]
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        pytest.fail(f"PyInstaller build took over {BUILD_TIMEOUT_S} s")
    if done.returncode != 0:
        pytest.fail(f"PyInstaller build failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-6000:]}")
    folder = base / "dist" / "Synset"
    assert folder.is_dir(), f"no one-folder bundle at {folder}"
    return folder


def _run(exe: Path, *args: str, scratch: Path, cwd: Path | None = None,
         env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run headless from ``cwd`` (default ``scratch``), with the window's settings kept in ``scratch``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}  # no help from the source tree
    env.update(env_extra or {})
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["SYNSET_SETTINGS_FILE"] = str(scratch / "settings.ini")  # never the user's own settings
    try:
        return subprocess.run(
            [str(exe), *args], cwd=cwd or scratch, env=env, capture_output=True, text=True, encoding="utf-8",
            errors="replace", timeout=RUN_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{exe.name} {' '.join(args)} did not finish within {RUN_TIMEOUT_S} s")


def _installed(distribution: str) -> bool:
    try:
        metadata.distribution(distribution)
    except metadata.PackageNotFoundError:
        return False
    return True


def _assert_clean(done: subprocess.CompletedProcess, what: str) -> str:
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"{what} exited {done.returncode}:\n{output}"
    for marker in FAILURE_MARKERS:
        assert marker not in output, f"{what} printed {marker!r}:\n{output}"
    return output


def test_bundle_layout(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert (bundle / f"synset-cli{EXE_SUFFIX}").is_file()
    assert (bundle / f"Synset{EXE_SUFFIX}").is_file()
    assert (internal / "models" / "efficientnet-lite0.onnx").is_file()
    assert (internal / "models" / "efficientnet-lite0.json").is_file()
    assert (internal / "resources" / "labels" / "imagenet-1k.txt").is_file()
    assert (internal / "resources" / "samples" / "chelsea.jpg").is_file()
    # Presenter mode draws its combo's arrow from an SVG: the picture and Qt's SVG reader must ship.
    assert (internal / "resources" / "icons" / "down-arrow-light.svg").is_file()
    assert list(internal.rglob("*imageformats/*qsvg*")), "Qt's SVG image plug-in is not in the bundle"
    capi = internal / "onnxruntime" / "capi"
    # The provider bridge ORT loads at run time (onnxruntime_providers_shared.dll / libonnxruntime_providers_shared.so).
    assert list(capi.glob("*onnxruntime_providers_shared*")), f"ONNX Runtime's provider bridge is not in {capi}"
    if sys.platform == "win32" and _installed("onnxruntime-directml"):
        assert (capi / "DirectML.dll").is_file(), f"DirectML.dll is not in {capi}"
    # Only the Qt translations the app has a UI language for, and none of the excluded Qt modules.
    qm = {p.name for p in internal.rglob("PySide6/**/translations/*.qm")}
    assert qm <= {"qt_en.qm", "qtbase_en.qm", "qt_zh_TW.qm", "qtbase_zh_TW.qm"}, sorted(qm)
    assert not list((internal / "PySide6").glob("QtNetwork*")), "QtNetwork should be excluded"
    assert not (internal / "tkinter").exists()
    assert not (internal / "torch").exists(), "torch came in through onnxruntime.transformers"
    # The licences travel with the binaries: Synset's own, Qt's LGPL, and every bundled distribution's notices.
    licenses = internal / "licenses"
    assert {"LICENSE", "LGPL-3.0.txt", "GPL-3.0.txt"} <= {p.name for p in licenses.iterdir()}, licenses
    notices = (licenses / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    for name in ("PySide6", "onnxruntime", "numpy", "opencv-python", "pillow"):
        assert re.search(rf"^{name}[-_a-z]* \d", notices, re.IGNORECASE | re.MULTILINE), name


def test_frozen_self_test(bundle: Path, tmp_path: Path) -> None:
    # A UTF-8 locale that is not "C": there Python would switch UTF-8 mode on by itself, whatever the bundle says.
    locale = {} if sys.platform == "win32" else {"LC_ALL": "C.UTF-8"}
    done = _run(bundle / f"synset-cli{EXE_SUFFIX}", "--self-test", scratch=tmp_path, env_extra=locale)
    output = _assert_clean(done, "synset-cli --self-test")
    # The spec's "X utf8_mode=1" left the mode off: output in a pipe on Windows lost every non-ASCII letter.
    assert "UTF-8 mode on" in output, output
    assert "self-test passed" in output, output
    assert any(wnid in output for wnid in CAT_WNIDS), f"the sample photo was not classified as a cat:\n{output}"
    assert re.search(rf" on ({'|'.join(PROVIDERS)})\b", output), f"no provider named:\n{output}"
    assert "platform plugin 'offscreen' loaded" in output, output


def test_frozen_classify_json(bundle: Path, tmp_path: Path) -> None:
    photo = ROOT / "tests" / "data" / "coffee.jpg"
    done = _run(bundle / f"synset-cli{EXE_SUFFIX}", "classify", str(photo), "--json", scratch=tmp_path)
    _assert_clean(done, "synset-cli classify --json")
    document = json.loads(done.stdout)
    assert document["provider"], document
    best = document["results"][0]["top"][0]
    assert best["label"] == "espresso", best
    # The model came from inside the bundle, not from the source tree.
    assert Path(document["model"]["path"]).resolve().is_relative_to(bundle.resolve()), document["model"]["path"]


def test_frozen_gui_snapshot(bundle: Path, tmp_path: Path) -> None:
    if not (ROOT / "desktop_app" / "gui" / "app.py").is_file():
        pytest.skip("desktop_app/gui/app.py does not exist yet: no window to snapshot")
    snapshot = tmp_path / "s.png"
    photo = str(ROOT / "tests" / "data" / "coffee.jpg")  # a picture to classify: the snapshot waits for a result
    done = _run(bundle / f"Synset{EXE_SUFFIX}", photo, "--snapshot", str(snapshot), scratch=tmp_path)
    if done.returncode != 0:
        # Tell a packaging problem from an app problem: does the same command work from source?
        source = _run(Path(sys.executable), "-m", "desktop_app", photo, "--snapshot", str(tmp_path / "source.png"),
                      scratch=tmp_path, cwd=ROOT)
        if source.returncode != 0:
            pytest.skip(
                "the window's --snapshot fails from source too, so this is an app problem, not a packaging one "
                f"(tests/gui covers it): {(source.stdout + source.stderr).strip().splitlines()[:1]}"
            )
    _assert_clean(done, "Synset --snapshot")
    assert snapshot.is_file() and snapshot.stat().st_size > 0, "no snapshot written"
    assert snapshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "the snapshot is not a PNG"
