"""Provider planning and the fallback the user sees: at creation, silently dropped, and mid-stream."""

from __future__ import annotations

import numpy as np
import pytest
from model_factory import build_classifier

from desktop_app.core.classifier import Classifier
from desktop_app.core.engine import create_session, short_reason
from desktop_app.core.providers import ProviderChoice, flavour_conflict, plan

ALL = ["DmlExecutionProvider", "CUDAExecutionProvider", "CPUExecutionProvider"]


class EPFail(Exception):
    """Like onnxruntime's own EP errors: an Exception, not a RuntimeError."""


class PretendGpuSession:
    """A real CPU session that claims to run on a GPU provider and can fail on its nth run."""

    def __init__(self, real, provider: str, fail_from_run: int | None):
        self._real, self._provider, self._fail_from, self.runs = real, provider, fail_from_run, 0

    def get_providers(self):
        return [self._provider, "CPUExecutionProvider"]

    def run(self, names, feed):
        self._count()
        return self._real.run(names, feed)

    def run_with_iobinding(self, binding):
        self._count()
        return self._real.run_with_iobinding(binding)

    def _count(self):
        self.runs += 1
        if self._fail_from is not None and self.runs >= self._fail_from:
            raise EPFail("DmlExecutionProvider::Run failed: 887A0005 The GPU device instance has been suspended")

    def __getattr__(self, name):
        return getattr(self._real, name)


def factory(fail_create: set[str] = frozenset(), fail_run_from: dict[str, int] | None = None):
    created = []

    def make(path, options, providers):
        first = providers[0][0]
        created.append(first)
        if first in fail_create:
            raise EPFail(f"{first}: the parameter is incorrect (80070057)")
        real = create_session(path, options, [("CPUExecutionProvider", {})])
        if first == "CPUExecutionProvider":
            return real
        return PretendGpuSession(real, first, (fail_run_from or {}).get(first))

    make.created = created
    return make


@pytest.fixture
def model(tmp_path):
    return build_classifier(tmp_path / "m.onnx", classes=10)


def test_plan_order_and_forced_choices():
    steps, note = plan(ProviderChoice(), ALL)
    assert [s.kind for s in steps] == ["directml", "cuda", "cpu"] and note is None
    steps, _ = plan(ProviderChoice("directml", 1), ALL)
    assert [s.kind for s in steps] == ["directml", "cpu"]
    assert steps[0].providers[0] == ("DmlExecutionProvider", {"device_id": 1})
    steps, note = plan(ProviderChoice("cuda"), ["CPUExecutionProvider"])
    assert [s.kind for s in steps] == ["cpu"] and "CUDA is not in this ONNX Runtime build" in str(note)


def test_auto_takes_the_first_provider_that_proves_itself(model):
    make = factory()
    classifier = Classifier.load(model, session_factory=make, available=ALL)
    assert classifier.engine.provider == "directml" and classifier.engine.fallback_reason is None
    assert make.created == ["DmlExecutionProvider"]


def test_failure_at_creation_falls_back_with_the_reason(model):
    make = factory(fail_create={"DmlExecutionProvider", "CUDAExecutionProvider"})
    classifier = Classifier.load(model, session_factory=make, available=ALL)
    engine = classifier.engine
    assert engine.provider == "cpu"
    assert engine.fallback_reason == "DirectML failed (80070057); CUDA failed (80070057) — running on CPU"
    result = classifier.classify(np.zeros((20, 20, 3), np.uint8))
    assert result.provider == "cpu" and result.fallback_reason == engine.fallback_reason


def test_failure_at_warm_up_moves_on(model):
    make = factory(fail_run_from={"DmlExecutionProvider": 1})
    classifier = Classifier.load(model, session_factory=make, available=ALL)
    assert classifier.engine.provider == "cuda"
    assert classifier.engine.fallback_reason == "DirectML failed (887A0005) — running on CUDA"


def test_failure_mid_stream_rebuilds_on_cpu_and_retries_once(model):
    make = factory(fail_run_from={"DmlExecutionProvider": 3})  # both warm-up runs pass, first frame fails
    classifier = Classifier.load(model, choice=ProviderChoice("directml"), session_factory=make, available=ALL)
    assert classifier.engine.provider == "directml"
    red = np.zeros((20, 20, 3), np.uint8)
    red[..., 0] = 255
    result = classifier.classify(red)
    assert result.top[0].index == 0  # the retried frame still gets its answer
    assert result.provider == "cpu"
    assert result.fallback_reason == "DirectML failed during inference (887A0005) — running on CPU"


def test_provider_listed_but_not_working_is_caught_by_checking_the_session(model):
    # Real ONNX Runtime: a CPU-only build asked for CUDA warns and quietly runs on CPU.
    classifier = Classifier.load(model, choice=ProviderChoice("cuda"), available=ALL)
    assert classifier.engine.provider == "cpu"
    assert classifier.engine.fallback_reason.startswith("CUDA could not be initialised")


def test_forcing_a_provider_that_is_not_installed_says_how_to_fix(model):
    classifier = Classifier.load(model, choice=ProviderChoice("cuda"), available=["CPUExecutionProvider"])
    assert "swap in onnxruntime-gpu" in classifier.engine.fallback_reason


def test_two_flavours_installed_is_explained():
    message = flavour_conflict([("onnxruntime", "1.32.0"), ("onnxruntime-gpu", "1.31.1")])
    assert "overwrite each other" in message
    assert "pip uninstall -y onnxruntime onnxruntime-gpu && pip install onnxruntime-gpu" in message
    assert flavour_conflict([("onnxruntime", "1.32.0")]) is None


def test_short_reason_prefers_the_hresult():
    assert short_reason(EPFail("blah 0x887A0005 device removed")) == "887A0005"
    assert short_reason(ValueError("first line\nsecond")) == "first line"
