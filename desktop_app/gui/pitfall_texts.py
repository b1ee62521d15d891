"""The pitfalls' titles and captions in the user's language: the same English as
``desktop_app.core.pitfalls``, marked for Qt's translation tools (a test keeps the two identical)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..core.pitfalls import Pitfall

TITLES = {
    "swap-channels": QT_TRANSLATE_NOOP("Pitfalls", "Channels swapped (BGR ↔ RGB)"),
    "hwc-as-chw": QT_TRANSLATE_NOOP("Pitfalls", "HWC memory fed as CHW"),
    "norm-imagenet": QT_TRANSLATE_NOOP("Pitfalls", "ImageNet mean/std normalisation"),
    "norm-zero-based": QT_TRANSLATE_NOOP("Pitfalls", "Divided by 255 (0…1)"),
    "norm-zero-central": QT_TRANSLATE_NOOP("Pitfalls", "(x − 127.5) / 127.5 (−1…1)"),
    "norm-raw": QT_TRANSLATE_NOOP("Pitfalls", "No normalisation (0…255)"),
    "no-softmax": QT_TRANSLATE_NOOP("Pitfalls", "Logits shown without softmax"),
    "double-softmax": QT_TRANSLATE_NOOP("Pitfalls", "Softmax applied twice"),
    "resize-stretch": QT_TRANSLATE_NOOP("Pitfalls", "Stretched to a square"),
    "resize-center-crop": QT_TRANSLATE_NOOP("Pitfalls", "Centre crop"),
    "resize-letterbox": QT_TRANSLATE_NOOP("Pitfalls", "Letterboxed"),
    "wrong-size": QT_TRANSLATE_NOOP("Pitfalls", "Wrong input size"),
}
CAPTIONS = {
    "swap-channels": QT_TRANSLATE_NOOP("Pitfalls", "The model saw blue where there is red."),
    "hwc-as-chw": QT_TRANSLATE_NOOP("Pitfalls", "Pixels reshaped without a transpose: the model saw stripes of interleaved colours."),
    "norm-imagenet": QT_TRANSLATE_NOOP("Pitfalls", "Values scaled with ImageNet's mean and deviation, not the range this model was trained on."),
    "norm-zero-based": QT_TRANSLATE_NOOP("Pitfalls", "Values 0…1 where the model expects another range: the picture looks washed out to it."),
    "norm-zero-central": QT_TRANSLATE_NOOP("Pitfalls", "Values −1…1 where the model expects another range."),
    "norm-raw": QT_TRANSLATE_NOOP("Pitfalls", "Raw pixel values 0…255: every number the model sees is far too large."),
    "no-softmax": QT_TRANSLATE_NOOP("Pitfalls", "The order is right, but the numbers are raw scores, not probabilities."),
    "double-softmax": QT_TRANSLATE_NOOP("Pitfalls", "The order is right, but every probability is squashed towards 1 / classes."),
    "resize-stretch": QT_TRANSLATE_NOOP("Pitfalls", "The whole picture squashed to a square: shapes are distorted."),
    "resize-center-crop": QT_TRANSLATE_NOOP("Pitfalls", "Only the middle of the picture was kept."),
    "resize-letterbox": QT_TRANSLATE_NOOP("Pitfalls", "Grey bars were added around the picture: the subject is smaller."),
    "wrong-size": QT_TRANSLATE_NOOP("Pitfalls", "Resized for an input half the size and copied into the corner: the model saw a small picture in a black frame."),
}

CAPTIONS_WHEN_SHAPE_FITS = {
    "resize-stretch": QT_TRANSLATE_NOOP(
        "Pitfalls", "This picture already has the input's shape: nothing is squashed, and the whole picture is kept."),
    "resize-letterbox": QT_TRANSLATE_NOOP(
        "Pitfalls", "This picture already has the input's shape: no grey bars were needed, and the whole picture is kept."),
}


def title(pitfall: Pitfall) -> str:
    return QCoreApplication.translate("Pitfalls", str(TITLES.get(pitfall.id, pitfall.title)))


def caption(pitfall: Pitfall, shape_fits: bool = False) -> str:
    """What went wrong; ``shape_fits``: for a picture that already has the input's shape."""
    if shape_fits and pitfall.caption_when_shape_fits:
        text = CAPTIONS_WHEN_SHAPE_FITS.get(pitfall.id, pitfall.caption_when_shape_fits)
    else:
        text = CAPTIONS.get(pitfall.id, pitfall.caption)
    return QCoreApplication.translate("Pitfalls", str(text))
