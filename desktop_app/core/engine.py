"""One ONNX Runtime session on the execution provider that really works, with fallback to CPU.

Not thread-safe by design: an engine is created, proved and run on one thread (the inference
worker, or the CLI's main thread). ``session.run`` releases the GIL; session creation may not.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import psutil

from .errors import InferenceError, ModelError
from .files import native_path
from .messages import Message, fallback_text, message
from .ort_output import captured_output
from .proof import Agreement, Proof, compare, worst
from .providers import DISPLAY_NAMES, PlanStep, ProviderChoice, kind_of, plan
from .runners import FrameRunner, runner_for
from .thread_priority import made_on_compute_thread

if TYPE_CHECKING:
    import onnxruntime as ort

# onnxruntime is imported where a session is made, not with this module: the window imports the
# engine, and ONNX Runtime's ~100 ms import then happens on the inference thread while the window
# shows (except on Windows, where desktop_app.__main__ imports it before Qt; see there).
SessionFactory = Callable[[str, "ort.SessionOptions", Sequence], object]
_CPU_ONLY: tuple[tuple[str, dict], ...] = (("CPUExecutionProvider", {}),)
_SOURCE_LOCATION = re.compile(r"(?<!\S)\S+\.(?:cc|cpp|h):\d+ ")  # at the start or after a prefix
# What a signature may carry after its parameters: "const", a lambda's name ("::<lambda()>"), a
# template's arguments ("[with ERRTYPE = cudaError; …]"), in any order.
_SIGNATURE_TAIL = re.compile(r"^(?:\s*(?:const\b|::<lambda\(.*?\)>|\[with [^\]]*\]))*")
_HRESULT = re.compile(r"\b(?:0x)?(8[0-9A-Fa-f]{7})\b")


def create_session(path: str, options: ort.SessionOptions, providers: Sequence) -> ort.InferenceSession:
    """The real factory; tests pass their own to simulate providers that fail.

    ``enable_fallback=0``: a provider that fails to start raises instead of ONNX Runtime printing
    an "EP Error" block and quietly retrying on CPU; the engine tries its next plan step itself.
    """
    import onnxruntime as ort

    path = native_path(path)  # a Chinese user name in the install folder (see native_path)
    # Made on a lowered thread so that ONNX Runtime's pool threads, started with the session, yield
    # to the GUI; the inference thread that runs it keeps the GUI's priority (it holds the GIL).
    return made_on_compute_thread(
        lambda: ort.InferenceSession(path, sess_options=options, providers=list(providers), enable_fallback=0))


# How ONNX Runtime says a file is no model at all (any bytes, an empty or a cut-off file): the user
# gets that in plain words, not the runtime's "Load model from <path> failed:Protobuf parsing failed".
_NOT_A_MODEL = ("INVALID_PROTOBUF", "No graph was found in the protobuf")


def short_reason(exc: BaseException) -> str:
    """A one-line reason: the HRESULT code when there is one (DirectML), else the first line."""
    text = str(exc).strip() or type(exc).__name__
    code = _HRESULT.search(text)
    if code:
        return code.group(1).upper()
    line = text.splitlines()[0]
    line = re.split(r"\[ONNXRuntimeError\] : \d+ : \w+ : ", line)[-1]
    line = re.sub(r"^Load model from .*? failed:", "", line)  # the window names the model already
    # ORT's C++ checks read "/src/file.cc:71 <signature> <condition> was false. <message>", and
    # its other errors "/src/model.cc:256 ns::Model::Model(<arguments>) <message>": the message
    # alone, or the reason ("Unsupported model IR version: 99") was cut off behind the signature.
    location = _SOURCE_LOCATION.search(line)
    if location:
        rest = line[location.end():]
        line = rest.split(" was false. ", 1)[1] if " was false. " in rest else _after_signature(rest)
    return line if len(line) <= 500 else line[:497] + "…"


def _after_signature(text: str) -> str:
    """What follows a C++ function signature at the start of ``text`` (its parentheses matched)."""
    start = text.find("(")
    depth = 0
    for i in range(max(start, 0), len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if start >= 0 and depth == 0:
            rest = _SIGNATURE_TAIL.sub("", text[i + 1:]).strip()
            return rest or text
    return text


def physical_cores() -> int:
    return psutil.cpu_count(logical=False) or os.cpu_count() or 2


def default_threads() -> int:
    """Intra-op threads: every physical core but one, which the capture thread and the GUI need.

    Measured here (2 cores, live 30 fps video): one ORT thread gives the same live inference time
    as two (6.4 vs 6.3 ms p50) because the second core is busy decoding and painting anyway.
    """
    return max(1, physical_cores() - 1)


def session_options(kind: str, threads: int | None = None) -> ort.SessionOptions:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 4  # ORT's session log off: its errors are raised to us and said our way
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
    """Creates the session plan by plan, proves each by its answers, and keeps the first that works."""

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
        # What this ONNX Runtime build offers (compiled in, not proven to work)
        if available is None:
            import onnxruntime as ort

            available = ort.get_available_providers()
        self.available = list(available)
        self._session = None
        self._runner: FrameRunner | None = None
        self._reference = None  # a CPU session, while device answers are being checked
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

    def start(self, prove: Callable[[object, FrameRunner], Proof]) -> Proof:
        """Try each plan step until a provider proves itself by its answers; returns its proof.

        ``prove(session, runner)`` reads the model and runs the per-frame path (through ``runner``)
        on the proof pictures. Its answers are then compared with a one-shot CPU run on the same
        tensors (:mod:`desktop_app.core.proof`). A :class:`ModelError` from ``prove`` (the model
        itself is unusable) stops at once; any other failure, wrong answers included, moves on to
        the next provider. Raises :class:`ModelError` if none works.
        """
        steps, note = plan(self.choice, self.available)
        reasons = [note] if note else []
        last_error = None
        try:
            for step in steps:
                try:
                    session, runner, proof = self._try(step, prove)
                except ModelError:
                    raise
                except Exception as exc:  # ORT's EP errors are not RuntimeError: catch them all
                    reasons.append(_failure(step, exc))
                    last_error = exc
                    continue
                self._adopt(session, runner, step.kind, reasons)
                return proof
        finally:
            self._reference = None  # the CPU reference session is only needed to prove
        if last_error is not None and any(sign in str(last_error) for sign in _NOT_A_MODEL):
            raise ModelError.of("model.not_onnx", name=Path(self.model_path).name) from last_error
        detail = short_reason(last_error) if last_error else "no execution provider to try"
        raise ModelError.of("model.cannot_load", detail=detail) from last_error

    def run_into(self, input_name: str, tensor: np.ndarray, output_name: str, out: np.ndarray) -> np.ndarray:
        """The per-frame path: one input, one output, right on every provider (see runners).

        On CPU the output is written into ``out`` and ``tensor`` may be refilled in place between
        calls; on a device the output is a fresh array. Use the return value.
        """
        return self._with_fallback(lambda runner: runner.run(input_name, tensor, output_name, out))

    def _with_fallback(self, call):
        try:
            return call(self._runner)
        except Exception as exc:  # ORT's EP errors are not RuntimeError
            if self.provider == "cpu":
                raise InferenceError.of("inference.failed", detail=short_reason(exc)) from exc
            reason = message("provider.failed_in_run", provider=self.provider_display, detail=short_reason(exc))
        self._rebuild_on_cpu(reason)
        try:
            return call(self._runner)
        except Exception as exc:
            raise InferenceError.of("inference.failed_again", detail=short_reason(exc)) from exc

    def _try(self, step: PlanStep, prove):
        session = self._create(step)
        runner = runner_for(session, step.kind)
        proof = prove(session, runner)
        reference = session if step.kind == "cpu" else self._reference_session()
        agreement = _agreement(proof, reference)
        if not agreement.ok:
            raise _WrongAnswers(agreement.detail)
        return session, runner, proof

    def _create(self, step: PlanStep):
        """A session for ``step`` that really runs on its provider."""
        if step.kind == "cpu" and self._reference is not None:
            return self._reference  # already made to check a device provider's answers
        session, printed = self._new_session(step.kind, step.providers)
        actual = kind_of(session.get_providers()[0])
        if actual != step.kind:
            raise _NotInitialised(DISPLAY_NAMES.get(actual, actual), printed.first_error())
        return session

    def _reference_session(self):
        """The CPU session that a device provider's answers are checked against (made once)."""
        if self._reference is None:
            self._reference, _ = self._new_session("cpu", _CPU_ONLY)
        return self._reference

    def _new_session(self, kind: str, providers: Sequence):
        """Create a session with ONNX Runtime's own prints captured (see ort_output)."""
        options = session_options(kind, self.choice.threads)
        with captured_output() as printed:
            if kind == "cuda":
                _preload_cuda_libraries()
            session = self._factory(self.model_path, options, providers)
        # ONNX Runtime's own fallback would move a failing run to CPU behind our back (the badge
        # still saying CUDA) and print an "EP Error" block; ours rebuilds on CPU and says why.
        disable = getattr(session, "disable_fallback", None)
        if disable is not None:
            disable()
        return session, printed

    def _adopt(self, session, runner: FrameRunner, kind: str, reasons: list[Message]) -> None:
        self._session = session
        self._runner = runner
        self.provider = kind
        self.fallback = tuple(reasons)

    def _rebuild_on_cpu(self, reason: Message) -> None:
        try:
            session, _ = self._new_session("cpu", _CPU_ONLY)
        except Exception as exc:
            raise InferenceError.of("inference.failed", detail=short_reason(exc)) from exc
        self._adopt(session, runner_for(session, "cpu"), "cpu", [reason])


class _NotInitialised(Exception):
    """ONNX Runtime silently dropped the provider (missing libraries, no device)."""

    def __init__(self, actual: str, detail: str | None):
        super().__init__(actual, detail)
        self.actual, self.detail = actual, detail


class _WrongAnswers(Exception):
    """The provider ran but its answers differ from CPU's; the argument says by how much."""


def _agreement(proof: Proof, reference) -> Agreement:
    """Compare the per-frame answers with a one-shot run of ``reference`` (a CPU session)."""
    expected = [
        proof.to_probabilities(reference.run([proof.output_name], {proof.input_name: tensor})[0])
        for tensor in proof.tensors
    ]
    return worst([compare(answer, cpu) for answer, cpu in zip(proof.answers, expected, strict=True)])


def _failure(step: PlanStep, exc: BaseException) -> Message:
    if isinstance(exc, _NotInitialised):
        if exc.detail:
            return message("provider.not_initialised_because", provider=step.display, actual=exc.actual,
                           detail=short_reason(RuntimeError(exc.detail)))
        return message("provider.not_initialised", provider=step.display, actual=exc.actual)
    if isinstance(exc, _WrongAnswers):
        return message("provider.wrong_answers", provider=step.display, detail=exc.args[0])
    return message("provider.failed", provider=step.display, detail=short_reason(exc))


def _preload_cuda_libraries() -> None:
    # With the onnxruntime-gpu[cuda,cudnn] extras the CUDA/cuDNN DLLs come from pip, not a toolkit.
    import onnxruntime as ort

    preload = getattr(ort, "preload_dlls", None)
    if preload is None:
        return
    with contextlib.suppress(Exception):  # a missing library shows as the provider failing to start
        preload()
