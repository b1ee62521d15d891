"""The talk's preprocessing pitfalls, by their contract ids, with what each one does wrong.

Each pitfall turns the model's own preprocessing (or post-processing) into a wrong one. A pitfall
that would change nothing for this model (the model's own normalisation, say) is refused with a
reason. The ids are a command-line contract (``--lab PITFALL``): keep them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .errors import SynsetError
from .postprocess import PROBABILITIES
from .preprocessing import PreprocessConfig


class PitfallError(SynsetError):
    """This pitfall cannot be shown with this model (it would be the model's own setting)."""


@dataclass(frozen=True)
class Pitfall:
    id: str
    title: str  # as the talk names it
    caption: str  # one plain-language line: what went wrong
    kind: str  # "preprocess" (another PreprocessConfig), "layout", "size", "postprocess"
    field: str | None = None  # the PreprocessConfig field a "preprocess" pitfall sets
    value: str | None = None
    # What a picture that already has the input's shape gets (a square one for a square input):
    # it is neither squashed nor padded, so "shapes are distorted" would be untrue.
    caption_when_shape_fits: str | None = None


PITFALLS: tuple[Pitfall, ...] = (
    Pitfall("swap-channels", "Channels swapped (BGR ↔ RGB)",
            "The model saw blue where there is red.", "preprocess", "channel_order"),
    Pitfall("hwc-as-chw", "HWC memory fed as CHW",
            "Pixels reshaped without a transpose: the model saw stripes of interleaved colours.", "layout"),
    Pitfall("norm-imagenet", "ImageNet mean/std normalisation",
            "Values scaled with ImageNet's mean and deviation, not the range this model was trained on.",
            "preprocess", "normalize", "imagenet"),
    Pitfall("norm-zero-based", "Divided by 255 (0…1)",
            "Values 0…1 where the model expects another range: the picture looks washed out to it.",
            "preprocess", "normalize", "zero-based"),
    Pitfall("norm-zero-central", "(x − 127.5) / 127.5 (−1…1)",
            "Values −1…1 where the model expects another range.", "preprocess", "normalize", "zero-central"),
    Pitfall("norm-raw", "No normalisation (0…255)",
            "Raw pixel values 0…255: every number the model sees is far too large.", "preprocess", "normalize", "raw"),
    Pitfall("no-softmax", "Logits shown without softmax",
            "The order is right, but the numbers are raw scores, not probabilities.", "postprocess"),
    Pitfall("double-softmax", "Softmax applied twice",
            "The order is right, but every probability is squashed towards 1 / classes.", "postprocess"),
    Pitfall("resize-stretch", "Stretched to a square",
            "The whole picture squashed to a square: shapes are distorted.", "preprocess", "resize", "stretch",
            "This picture already has the input's shape: nothing is squashed, and the whole picture is kept."),
    Pitfall("resize-center-crop", "Centre crop",
            "Only the middle of the picture was kept.", "preprocess", "resize", "center-crop"),
    Pitfall("resize-letterbox", "Letterboxed",
            "Grey bars were added around the picture: the subject is smaller.", "preprocess", "resize", "letterbox",
            "This picture already has the input's shape: no grey bars were needed, and the whole picture is kept."),
    Pitfall("wrong-size", "Wrong input size",
            "Resized for an input half the size and copied into the corner: the model saw a small picture "
            "in a black frame.", "size"),
)
PITFALL_IDS = tuple(p.id for p in PITFALLS)
_BY_ID = {p.id: p for p in PITFALLS}


def pitfall(pitfall_id: str) -> Pitfall:
    try:
        return _BY_ID[pitfall_id]
    except KeyError:
        raise PitfallError.of("pitfall.unknown", id=pitfall_id, ids=", ".join(PITFALL_IDS)) from None


def wrong_config(chosen: Pitfall, own: PreprocessConfig, output_kind: str, dtype: str) -> PreprocessConfig:
    """The preprocessing the wrong side uses; :class:`PitfallError` if it is the model's own."""
    if chosen.kind == "postprocess":
        if chosen.id == "no-softmax" and output_kind == PROBABILITIES:
            raise PitfallError.of("pitfall.already_probabilities", id=chosen.id)
        return own
    if chosen.kind != "preprocess":
        return own
    if chosen.field == "channel_order":
        return replace(own, channel_order="bgr" if own.channel_order == "rgb" else "rgb")
    if chosen.field == "normalize" and dtype == "uint8":
        raise PitfallError.of("pitfall.raw_pixels", id=chosen.id)
    if getattr(own, chosen.field or "") == chosen.value:
        raise PitfallError.of("pitfall.own_setting", id=chosen.id, field=chosen.field, value=chosen.value)
    value = chosen.value or ""
    return replace(own, normalize=value) if chosen.field == "normalize" else replace(own, resize=value)


def usable(own: PreprocessConfig, output_kind: str, dtype: str) -> tuple[Pitfall, ...]:
    """The pitfalls that show something wrong with this model, in the talk's order."""
    found = []
    for candidate in PITFALLS:
        try:
            wrong_config(candidate, own, output_kind, dtype)
        except PitfallError:
            continue
        found.append(candidate)
    return tuple(found)
