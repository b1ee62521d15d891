"""Execution providers: which are installed, which to try in what order, and flavour conflicts.

``onnxruntime.get_available_providers()`` lists what is compiled in, not what works; the engine
proves each plan with a warm-up run (see :mod:`desktop_app.core.engine`).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata

from .messages import Message, message

KINDS = ("auto", "directml", "cuda", "cpu")
ORT_NAMES = {
    "directml": "DmlExecutionProvider",
    "cuda": "CUDAExecutionProvider",
    "cpu": "CPUExecutionProvider",
}
DISPLAY_NAMES = {"directml": "DirectML", "cuda": "CUDA", "cpu": "CPU"}
_KIND_OF = {ort_name: kind for kind, ort_name in ORT_NAMES.items()}

# Every distribution that installs the same ``onnxruntime`` package folder.
ORT_FLAVOURS = (
    "onnxruntime",
    "onnxruntime-gpu",
    "onnxruntime-directml",
    "onnxruntime-windowsml",
    "onnxruntime-openvino",
    "onnxruntime-qnn",
    "onnxruntime-training",
)


@dataclass(frozen=True)
class ProviderChoice:
    """What the user asked for: a kind from :data:`KINDS`, for DirectML/CUDA an adapter or device
    index, and the CPU threads per run (None: every physical core but one)."""

    kind: str = "auto"
    device_id: int | None = None
    threads: int | None = None


@dataclass(frozen=True)
class PlanStep:
    """One provider to try: its kind and the ONNX Runtime provider list to create a session with."""

    kind: str
    providers: tuple  # ("Name", {options}) pairs, CPU last for nodes the EP cannot run

    @property
    def display(self) -> str:
        return DISPLAY_NAMES[self.kind]


def kind_of(ort_name: str) -> str:
    return _KIND_OF.get(ort_name, ort_name)


def installed_kinds(available: list[str]) -> list[str]:
    """The provider kinds this ONNX Runtime build offers, best first (CPU always last)."""
    return [kind for kind in ("directml", "cuda") if ORT_NAMES[kind] in available] + ["cpu"]


def plan(choice: ProviderChoice, available: list[str]) -> tuple[list[PlanStep], Message | None]:
    """Steps to try in order, and a note when the requested provider is not even installed."""
    kinds = installed_kinds(available)
    note = None
    if choice.kind in ("directml", "cuda"):
        if choice.kind in kinds:
            kinds = [choice.kind, "cpu"]
        else:
            note = _missing_note(choice.kind)
            kinds = ["cpu"]
    elif choice.kind == "cpu":
        kinds = ["cpu"]
    return [_step(kind, choice.device_id) for kind in kinds], note


def _step(kind: str, device_id: int | None) -> PlanStep:
    cpu: tuple[str, dict] = (ORT_NAMES["cpu"], {})
    if kind == "cpu":
        return PlanStep(kind, (cpu,))
    options: dict = {"device_id": device_id} if device_id is not None else {}
    return PlanStep(kind, ((ORT_NAMES[kind], options), cpu))


def _missing_note(kind: str) -> Message:
    flavours = ", ".join(f"{name} {version}" for name, version in installed_flavours()) or "none"
    return message(f"provider.missing_{kind}", flavours=flavours)


def installed_flavours() -> list[tuple[str, str]]:
    """(distribution, version) for every ONNX Runtime flavour installed in this environment."""
    found = []
    for name in ORT_FLAVOURS:
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            continue
    return found


def flavour_conflict(flavours: list[tuple[str, str]] | None = None) -> Message | None:
    """A message with the fix when two flavours overwrite each other, else None."""
    flavours = installed_flavours() if flavours is None else flavours
    if len(flavours) < 2:
        return None
    names = [name for name, _ in flavours]
    listed = ", ".join(f"{name} {version}" for name, version in flavours)
    keep = next((n for n in names if n != "onnxruntime"), names[0])
    return message("provider.flavour_conflict", listed=listed, names=" ".join(names), keep=keep)
