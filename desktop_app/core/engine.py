"""One ONNX Runtime session on the execution provider that really works, with fallback to CPU.

Not thread-safe by design: an engine is created, proved and run on one thread (the inference
worker, or the CLI's main thread). ``session.run`` releases the GIL; session creation may not.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import onnxruntime as ort
import psutil

from .errors import InferenceError, ModelError
from .messages import Message, fallback_text, message
from .providers import DISPLAY_NAMES, PlanStep, ProviderChoice, kind_of, plan

SessionFactory = Callable[[str, ort.SessionOptions, Sequence], object]
_HRESULT = re.compile(r"\b(?:0x)?(8[0-9A-Fa-f]{7})\b")


def create_session(path: str, options: ort.SessionOptions, providers: Sequence) -> ort.InferenceSession:
    """The real factory; tests pass their own to simulate providers that fail."""
    with warnings.catch_warnings():  # "provider not available": reported as our fallback reason
        warnings.simplefilter("ignore", UserWarning)
        return ort.InferenceSession(path, sess_options=options, providers=list(providers))


def short_reason(exc: BaseException) -> str:
    """A one-line reason: the HRESULT code when there is one (DirectML), else the first line."""
    text = str(exc).strip() or type(exc).__name__
    code = _HRESULT.search(text)
    if code:
        return code.group(1).upper()
    line = text.splitlines()[0]
    line = re.sub(r"^\[ONNXRuntimeError\] : \d+ : \w+ : ", "", line)
    return line if len(line) <= 160 else line[:157] + "…"


def default_threads() -> int:
    """Intra-op threads: every physical core but one, which the capture thread and the GUI need.

    Measured here (2 cores, live 30 fps video): one ORT thread gives the same live inference time
    as two (6.4 vs 6.3 ms p50) because the second core is busy decoding and painting anyway.
    """
    cores = psutil.cpu_count(logical=False) or os.cpu_count() or 2
    return max(1, cores - 1)


def session_options(kind: str, threads: int | None = None) -> ort.SessionOptions:
    options = ort.SessionOptions()
    options.log_severity_level = 3  # ORT's own warnings are replaced by our fallback reasons
    options.intra_op_num_threads = threads or default_threads()
    # No busy-waiting between runs: on a 2-core laptop a spinning pool thread takes the core that
    # the capture thread and the GUI need, and a live feed gains nothing from it (frames arrive
    # every 33 ms). Costs ~0.5 ms per run here; see README "Performance".
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    if kind == "directml":  # DirectML supports neither memory patterns nor parallel execution
        options.enable_mem_pattern = False
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    return options


class InferenceEngine:
    """Creates the session plan by plan, proves each with a warm-up run, and keeps the first that works."""

    def __init__(
        self,
        model_path: str | Path,
        choice: ProviderChoice = ProviderChoice(),
        session_factory: SessionFactory = create_session,
        available: list[str] | None = None,
    ):
        self.model_path = str(model_path)
        self.choice = choice
        self._factory = session_factory
        self._available = ort.get_available_providers() if available is None else available
        self._session = None
        self._binding = None  # (key, IOBinding) for run_into
        self.provider = "cpu"
        self.fallback: tuple[Message, ...] = ()  # what failed before the provider that runs

    @property
    def fallback_reason(self) -> str | None:
        """In English, e.g. "DirectML failed (887A0005) — running on CPU"; None without a fallback."""
        return fallback_text(self.fallback, self.provider_display)

    @property
    def session(self):
        return self._session

    @property
    def provider_display(self) -> str:
        return DISPLAY_NAMES.get(self.provider, self.provider)

    def start(self, prove: Callable[[object], object]) -> object:
        """Try each plan step; ``prove(session)`` must run the model once. Returns its result.

        A :class:`ModelError` from ``prove`` (the model itself is unusable) stops at once; any
        other exception moves on to the next provider. Raises :class:`ModelError` if none works.
        """
        steps, note = plan(self.choice, self._available)
        reasons = [note] if note else []
        last_error = None
        for step in steps:
            try:
                session, result = self._try(step, prove)
            except ModelError:
                raise
            except Exception as exc:  # ORT's EP errors are not RuntimeError: catch them all
                reasons.append(_failure(step, exc))
                last_error = exc
                continue
            self._adopt(session, step.kind, reasons)
            return result
        raise ModelError.of("model.cannot_load", detail=short_reason(last_error)) from last_error

    def run_into(self, input_name: str, tensor: np.ndarray, output_name: str, out: np.ndarray) -> np.ndarray:
        """One input, one output written into ``out``, through an IOBinding bound to these buffers.

        Per frame this skips building input OrtValues and allocating the output; the binding refers
        to the arrays' memory, so refilling ``tensor`` in place is seen by the next run.
        """

        def bound_run(session) -> np.ndarray:
            session.run_with_iobinding(self._bound(input_name, tensor, output_name, out))
            return out

        return self._with_fallback(bound_run)

    def _with_fallback(self, call):
        try:
            return call(self._session)
        except Exception as exc:  # ORT's EP errors are not RuntimeError
            if self.provider == "cpu":
                raise InferenceError.of("inference.failed", detail=short_reason(exc)) from exc
            reason = message("provider.failed_in_run", provider=self.provider_display, detail=short_reason(exc))
        self._rebuild_on_cpu(reason)
        try:
            return call(self._session)
        except Exception as exc:
            raise InferenceError.of("inference.failed_again", detail=short_reason(exc)) from exc

    def _bound(self, input_name, tensor, output_name, out):
        # The key holds the objects themselves: identity checks are cheap and never confused by a
        # freed buffer whose address was reused.
        key = (self._session, input_name, tensor, output_name, out)
        cached = self._binding
        if cached is None or any(a is not b for a, b in zip(cached[0], key)):
            binding = self._session.io_binding()
            binding.bind_cpu_input(input_name, tensor)
            binding.bind_output(output_name, "cpu", 0, out.dtype, list(out.shape), out.ctypes.data)
            self._binding = cached = (key, binding)
        return cached[1]

    def _try(self, step: PlanStep, prove):
        if step.kind == "cuda":
            _preload_cuda_libraries()
        session = self._factory(self.model_path, session_options(step.kind, self.choice.threads), step.providers)
        actual = kind_of(session.get_providers()[0])
        if actual != step.kind:
            raise _NotInitialised(DISPLAY_NAMES.get(actual, actual))
        return session, prove(session)

    def _adopt(self, session, kind: str, reasons: list[Message]) -> None:
        self._session = session
        self.provider = kind
        self.fallback = tuple(reasons)

    def _rebuild_on_cpu(self, reason: Message) -> None:
        options = session_options("cpu", self.choice.threads)
        try:
            self._session = self._factory(self.model_path, options, (("CPUExecutionProvider", {}),))
        except Exception as exc:
            raise InferenceError.of("inference.failed", detail=short_reason(exc)) from exc
        self.provider = "cpu"
        self.fallback = (reason,)


class _NotInitialised(Exception):
    """ONNX Runtime silently dropped the provider (missing libraries, no device)."""


def _failure(step: PlanStep, exc: BaseException) -> Message:
    if isinstance(exc, _NotInitialised):
        return message("provider.not_initialised", provider=step.display, actual=exc.args[0])
    return message("provider.failed", provider=step.display, detail=short_reason(exc))


def _preload_cuda_libraries() -> None:
    # With the onnxruntime-gpu[cuda,cudnn] extras the CUDA/cuDNN DLLs come from pip, not a toolkit.
    preload = getattr(ort, "preload_dlls", None)
    if preload is None:
        return
    try:
        preload()
    except Exception:  # a missing library shows up as the provider failing to initialise
        pass
