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
