"""The per-frame runner: on CPU each buffer pair is bound once, even with two classifiers sharing a
session (a side-by-side comparison), and refilled buffers are seen by every run."""

from __future__ import annotations

import numpy as np

from desktop_app.core.classifier import Classifier
from desktop_app.core.engine import create_session
from desktop_app.core.providers import ProviderChoice
from tests.model_factory import build_classifier


class CountingSession:
    def __init__(self, real):
        self._real, self.bindings = real, 0

    def io_binding(self):
        self.bindings += 1
        return self._real.io_binding()

    def __getattr__(self, name):
        return getattr(self._real, name)


def test_two_classifiers_sharing_a_session_bind_once_each(tmp_path):
    sessions = []

    def counting(path, options, providers):
        sessions.append(CountingSession(create_session(path, options, providers)))
        return sessions[-1]

    model = build_classifier(tmp_path / "m.onnx", classes=10)
    own = Classifier.load(model, choice=ProviderChoice("cpu"), session_factory=counting)
    swapped = own.reconfigured()  # same session, its own buffers
    red, blue = np.zeros((32, 32, 3), np.uint8), np.zeros((32, 32, 3), np.uint8)
    red[..., 0], blue[..., 2] = 255, 255
    bound_at_load = sessions[0].bindings
    for _ in range(20):
        assert own.classify(red).top[0].index == 0
        assert swapped.classify(blue).top[0].index == 2
    assert len(sessions) == 1 and sessions[0].bindings - bound_at_load <= 1  # the second classifier's pair


def test_a_binding_in_use_outlives_a_stream_of_fresh_buffers(tmp_path):
    """The lab's wrong side feeds a fresh tensor every frame for some pitfalls (wrong size, HWC as
    CHW): the oldest binding went first, so the own side's, used every frame, was made again and
    again. The least recently used goes first."""
    from desktop_app.core.runners import HostRunner

    model = build_classifier(tmp_path / "m.onnx", classes=10)
    session = CountingSession(create_session(str(model), _options(), ["CPUExecutionProvider"]))
    runner = HostRunner(session)
    kept, out = np.zeros((1, 3, 224, 224), np.float32), np.zeros((1, 10), np.float32)
    fresh_out = np.zeros((1, 10), np.float32)
    for _ in range(10):
        runner.run("image", kept, "logits", out)
        runner.run("image", np.ones((1, 3, 224, 224), np.float32), "logits", fresh_out)
    assert session.bindings == 11  # the kept pair once, each fresh tensor once


def _options():
    from desktop_app.core.engine import session_options

    return session_options("cpu", threads=1)
