"""The right answer on every provider, and providers proven by their answers.

Runs without a GPU: the fake device providers in ``fake_device`` keep the real memory semantics
(inputs copied when handed over), which is what a per-frame path bound once gets wrong.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from desktop_app.core import engine as engine_module
from desktop_app.core import proof
from desktop_app.core.classifier import Classifier
from desktop_app.core.decode import decode_file
from desktop_app.core.providers import ProviderChoice
from desktop_app.core.runners import HostRunner
from tests.fake_device import ALL_PROVIDERS, another_picture, assert_same_answer, fake_factory, one_shot_answer

DEVICES = ["cuda", "directml"]


@pytest.fixture(scope="module")
def cpu():
    return Classifier.load(choice=ProviderChoice("cpu"))


@pytest.fixture(scope="module")
def pictures(photos):
    return {name: decode_file(path) for name, path in photos.items()}


@pytest.mark.parametrize("kind", DEVICES)
def test_each_picture_gets_its_own_answer_on_a_device(kind, cpu, photos, pictures):
    device = Classifier.load(choice=ProviderChoice(kind), session_factory=fake_factory(), available=ALL_PROVIDERS)
    assert device.engine.provider == kind and device.engine.fallback_reason is None
    # Files, then live frames (BGR, as a camera sends them), one after another through one classifier.
    for name, path in photos.items():
        assert_same_answer(device.classify_file(path).top, one_shot_answer(cpu, pictures[name]))
    for picture in [*pictures.values(), *pictures.values()]:
        frame = np.ascontiguousarray(picture[:, :, ::-1])
        assert_same_answer(device.classify(frame, "bgr").top, one_shot_answer(cpu, frame, "bgr"))
    assert device.engine.provider == kind  # still on the device: nothing fell back to CPU meanwhile
    tops = {device.classify_file(path).top[0].index for path in photos.values()}
    assert len(tops) == 3


def test_a_provider_that_answers_wrongly_is_refused(photos):
    make = fake_factory(corrupt={"CUDAExecutionProvider": another_picture})
    classifier = Classifier.load(choice=ProviderChoice("cuda"), session_factory=make, available=ALL_PROVIDERS)
    engine = classifier.engine
    assert engine.provider == "cpu"
    assert engine.fallback_reason.startswith("CUDA gave answers that differ from CPU (Δp ")
    assert engine.fallback_reason.endswith("— running on CPU")
    assert make.created == ["CUDAExecutionProvider", "CPUExecutionProvider"]  # the reference is reused
    assert "cat" in classifier.classify_file(photos["chelsea"]).top[0].label


def test_auto_moves_past_a_wrong_provider_to_the_next(photos):
    make = fake_factory(corrupt={"DmlExecutionProvider": lambda out: out * np.float32(np.nan)})
    classifier = Classifier.load(session_factory=make, available=ALL_PROVIDERS)
    assert classifier.engine.provider == "cuda"
    assert classifier.engine.fallback_reason == (
        "DirectML gave answers that differ from CPU (answers not finite) — running on CUDA")


def test_the_proof_refuses_a_per_frame_path_that_binds_the_input_once(monkeypatch):
    """The bug this guards against: a binding made once feeds a device the first picture for ever."""
    monkeypatch.setattr(engine_module, "runner_for", lambda session, kind: HostRunner(session))
    classifier = Classifier.load(choice=ProviderChoice("cuda"), session_factory=fake_factory(),
                                 available=ALL_PROVIDERS)
    assert classifier.engine.provider == "cpu"
    reason = classifier.engine.fallback_reason
    assert reason.startswith("CUDA gave answers that differ from CPU (Δp ")
    assert float(reason.split("Δp ")[1][:4]) > 0.5


def test_compare_accepts_near_ties_and_refuses_other_pictures(cpu):
    a, b = (one_shot_probabilities(cpu, picture) for picture in proof.proof_pictures())
    assert proof.compare(a, a).ok
    other = proof.compare(b, a)
    assert not other.ok and other.max_dp > 0.9  # the two proof photos: tolerance is far below this
    swapped = a.copy()
    top = np.argsort(-a)[:5]
    swapped[[top[3], top[4]]] = a[[top[4], top[3]]]  # ranks 4 and 5 differ by less than the tolerance
    assert abs(a[top[3]] - a[top[4]]) <= proof.TOLERANCE and proof.compare(swapped, a).ok
    noisy = a + np.float32(0.05) * (np.arange(a.size) == top[0])
    assert proof.compare(noisy, a).detail == "Δp 0.05"
    nan = a.copy()
    nan[7] = np.nan
    assert proof.compare(nan, a).detail == "answers not finite" and math.isnan(proof.worst(
        [proof.compare(a, a), proof.compare(nan, a)]).max_dp)


def one_shot_probabilities(classifier, picture):
    d = classifier.description
    tensor = classifier.preprocessor(picture, "rgb")
    raw = classifier.engine.session.run([d.output.name], {d.input.name: tensor})[0]
    return classifier.postprocessor.probabilities(raw)


@pytest.mark.parametrize("pitfall_id", ["swap-channels", "hwc-as-chw", "wrong-size", "double-softmax"])
def test_the_lab_gives_cpu_answers_on_a_device(pitfall_id, pictures):
    """The lab's two sides go through the device's per-frame path too: photos in a row, each side
    as a CPU lab ranks it."""
    from desktop_app.core.lab import Lab

    cpu = Lab(Classifier.load(choice=ProviderChoice("cpu")), pitfall_id)
    device_classifier = Classifier.load(choice=ProviderChoice("cuda"), session_factory=fake_factory(),
                                        available=ALL_PROVIDERS)
    device = Lab(device_classifier, pitfall_id)
    for picture in [*pictures.values(), *pictures.values()]:
        got, expected = device.run(picture), cpu.run(picture)
        assert_same_answer(got.correct.top, expected.correct.top)
        assert_same_answer(got.wrong.top, expected.wrong.top)
    assert device_classifier.engine.provider == "cuda"
