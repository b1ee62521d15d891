"""A fake device execution provider with the real semantics, for machines without a GPU.

A real ONNX Runtime CPU session does the arithmetic; what the fake adds is where the data lives.
On a device provider (CUDA, DirectML) tensors live in device memory, which is a *copy* made when the
data is handed over: at ``bind_cpu_input`` time for an IOBinding, at call time for ``run``. Refilling
a host array afterwards changes nothing the device sees. Outputs come back to host memory when a run
ends. A CPU-only suite without this once passed while the GPU path gave every picture one answer.
"""

from __future__ import annotations

import ctypes

import numpy as np

from desktop_app.core.engine import create_session


class EPFail(Exception):
    """Like onnxruntime's own EP errors: an Exception, not a RuntimeError."""


class FakeDeviceSession:
    """A CPU session behind a device provider's name and memory semantics.

    ``fail_from_run``: the nth run (1-based) and every later one raise, as a removed GPU does.
    ``corrupt``: applied to every output, for a provider that runs but answers wrongly.
    """

    def __init__(self, real, provider: str, fail_from_run: int | None = None, corrupt=None):
        self._real, self.provider = real, provider
        self._fail_from, self._corrupt = fail_from_run, corrupt
        self.runs = 0
        self.fallback_disabled = False

    def get_providers(self):
        return [self.provider, "CPUExecutionProvider"]

    def disable_fallback(self):
        self.fallback_disabled = True

    def run(self, output_names, input_feed, run_options=None):
        self._count()
        on_device = {name: np.array(value, copy=True) for name, value in input_feed.items()}
        return [self._answer(value) for value in self._real.run(output_names, on_device)]

    def io_binding(self):
        return FakeDeviceBinding()

    def run_with_iobinding(self, binding, run_options=None):
        self._count()
        names = list(binding.outputs)
        results = self._real.run(names, dict(binding.inputs))
        binding.receive([self._answer(value) for value in results])

    def _answer(self, value: np.ndarray) -> np.ndarray:
        return value if self._corrupt is None else self._corrupt(value)

    def _count(self):
        self.runs += 1
        if self._fail_from is not None and self.runs >= self._fail_from:
            raise EPFail("DmlExecutionProvider::Run failed: 887A0005 The GPU device instance has been suspended")

    def __getattr__(self, name):  # get_inputs, get_outputs, get_modelmeta: the model is the same
        return getattr(self._real, name)


class FakeDeviceBinding:
    """IOBinding on a device: inputs are copied when bound; outputs bound to host memory are
    written there when a run ends; unbound-memory outputs stay on the device until copied."""

    def __init__(self):
        self.inputs: dict[str, np.ndarray] = {}
        self.outputs: dict[str, tuple | None] = {}
        self._device_outputs: list[np.ndarray] = []

    def bind_cpu_input(self, name, array):
        self.inputs[name] = np.array(array, copy=True)  # host → device, now

    def bind_ortvalue_input(self, name, ortvalue):
        self.inputs[name] = np.array(ortvalue.numpy(), copy=True)

    def bind_output(self, name, device_type="cpu", device_id=0, element_type=None, shape=None, buffer_ptr=None):
        self.outputs[name] = (np.dtype(element_type), tuple(shape), buffer_ptr) if buffer_ptr else None

    def receive(self, results: list[np.ndarray]) -> None:
        self._device_outputs = [np.array(value, copy=True) for value in results]
        for target, value in zip(self.outputs.values(), self._device_outputs, strict=True):
            if target is not None:  # device → host memory the caller bound
                dtype, shape, pointer = target
                host = np.ascontiguousarray(value.reshape(shape), dtype=dtype)
                ctypes.memmove(pointer, host.ctypes.data, host.nbytes)

    def copy_outputs_to_cpu(self):
        return [value.copy() for value in self._device_outputs]


def fake_factory(providers_that_fail: frozenset = frozenset(), fail_run_from: dict[str, int] | None = None,
                 corrupt: dict | None = None):
    """A session factory for the engine: CPU is real; any other provider is a fake device.

    Records each session's first provider in ``.created``.
    """
    created = []

    def make(path, options, providers):
        first = providers[0][0]
        created.append(first)
        if first in providers_that_fail:
            raise EPFail(f"{first}: the parameter is incorrect (80070057)")
        real = create_session(path, options, [("CPUExecutionProvider", {})])
        if first == "CPUExecutionProvider":
            return real
        return FakeDeviceSession(real, first, (fail_run_from or {}).get(first), (corrupt or {}).get(first))

    make.created = created
    return make


def another_picture(value: np.ndarray) -> np.ndarray:
    """A wrong answer: the class scores shifted by one (what a mislabelled output would give)."""
    return np.roll(value, 1, axis=-1)


def one_shot_answer(cpu_classifier, image: np.ndarray, pixel_order: str = "rgb"):
    """The reference: a fresh tensor through a plain ``session.run`` on CPU, ranked (no binding,
    no reused buffer)."""
    d = cpu_classifier.description
    tensor = cpu_classifier.preprocessor(image, pixel_order)
    raw = cpu_classifier.engine.session.run([d.output.name], {d.input.name: tensor})[0]
    return cpu_classifier.postprocessor(raw)


def assert_same_answer(got, expected, tolerance: float = 1e-4) -> None:
    assert [p.index for p in got] == [p.index for p in expected]
    for mine, theirs in zip(got, expected, strict=True):
        assert abs(mine.probability - theirs.probability) <= tolerance


ALL_PROVIDERS = ["DmlExecutionProvider", "CUDAExecutionProvider", "CPUExecutionProvider"]
