"""One frame through a session: the per-frame path, right on every execution provider.

Which runner a session gets is decided by the provider the session really runs on
(``session.get_providers()[0]``), never by what was asked for. Runners live on the engine's thread.

- CPU: an IOBinding refers to the reused input and output buffers' memory, so refilling the input in
  place is seen by the next run and nothing is allocated per frame.
- A device provider (CUDA, DirectML) copies a bound CPU input to device memory *when it is bound*: a
  binding made once would feed the first frame for ever. There the input goes with each call
  (``session.run`` copies it to the device then) and the output comes back as a fresh array. Measured
  on an H100 (EfficientNet-Lite0, batch 1, p50) this costs what a device OrtValue refreshed with
  ``update_inplace`` costs (1.625 vs 1.626 ms), and it works for every device provider, DirectML
  included, whose OrtValues the Python API cannot create in every ONNX Runtime version.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

_MAX_BINDINGS = 4  # a few classifiers may share one session (settings switches, side by side)


class FrameRunner(Protocol):
    def run(self, input_name: str, tensor: np.ndarray, output_name: str, out: np.ndarray) -> np.ndarray:
        """Run ``tensor``; return the output (written into ``out`` where the provider allows)."""


class HostRunner:
    """CPU sessions: one IOBinding per (input buffer, output buffer) pair, made once and reused."""

    def __init__(self, session):
        self._session = session
        self._bindings: dict[tuple, tuple] = {}  # key → (tensor, out, binding): keeps ids alive

    def run(self, input_name: str, tensor: np.ndarray, output_name: str, out: np.ndarray) -> np.ndarray:
        self._session.run_with_iobinding(self._binding(input_name, tensor, output_name, out))
        return out

    def _binding(self, input_name, tensor, output_name, out):
        # Keyed by the buffers' identity; the entry holds the buffers, so an id is never reused
        # while its binding is cached.
        key = (input_name, id(tensor), output_name, id(out))
        entry = self._bindings.pop(key, None)  # and put back last: the least recently used goes first
        if entry is not None:
            self._bindings[key] = entry
        else:
            binding = self._session.io_binding()
            binding.bind_cpu_input(input_name, tensor)
            binding.bind_output(output_name, "cpu", 0, out.dtype, list(out.shape), out.ctypes.data)
            if len(self._bindings) >= _MAX_BINDINGS:
                self._bindings.pop(next(iter(self._bindings)))
            entry = self._bindings[key] = (tensor, out, binding)
        return entry[2]


class DeviceRunner:
    """Device sessions: the input is handed over with every call, so every frame is the one seen."""

    def __init__(self, session):
        self._session = session

    def run(self, input_name: str, tensor: np.ndarray, output_name: str, out: np.ndarray) -> np.ndarray:
        return self._session.run([output_name], {input_name: tensor})[0]


def runner_for(session, kind: str) -> FrameRunner:
    """The runner for a session whose real provider is ``kind`` ("cpu", "cuda", "directml", ...)."""
    return HostRunner(session) if kind == "cpu" else DeviceRunner(session)
