"""The core's messages in the user's language: the same English templates, marked for Qt's
translation tools (a test keeps this table identical to ``desktop_app.core.messages``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..core.messages import Message

TRANSLATABLE = {
    "image.not_found": QT_TRANSLATE_NOOP("Errors", "{name}: file not found"),
    "image.is_folder": QT_TRANSLATE_NOOP("Errors", "{name}: is a folder, not a picture"),
    "image.permission": QT_TRANSLATE_NOOP("Errors", "{name}: permission denied"),
    "image.unknown_format": QT_TRANSLATE_NOOP("Errors", "{name}: not a picture format this app can read"),
    "image.bomb": QT_TRANSLATE_NOOP("Errors", "{name}: too many pixels ({detail})"),
    "image.too_large": QT_TRANSLATE_NOOP("Errors", "{name}: {width}×{height} is {megapixels} MP, over the {limit} MP limit (a decompression bomb or a scan far larger than needed)"),
    "image.empty": QT_TRANSLATE_NOOP("Errors", "{name}: the picture is empty (0 pixels)"),
    "image.no_bytes": QT_TRANSLATE_NOOP("Errors", "{name}: the file is empty (0 bytes)"),
    "image.damaged": QT_TRANSLATE_NOOP("Errors", "{name}: damaged or truncated picture ({detail})"),
    "image.cannot_open": QT_TRANSLATE_NOOP("Errors", "{name}: cannot be opened ({detail})"),
    "model.not_found": QT_TRANSLATE_NOOP("Errors", "Model file not found: {path}"),
    "model.none": QT_TRANSLATE_NOOP("Errors", "No model is loaded yet"),
    "model.cannot_load": QT_TRANSLATE_NOOP("Errors", "Cannot load the model: {detail}"),
    "model.is_folder": QT_TRANSLATE_NOOP("Errors", "{name} is a folder, not a model file"),
    "model.not_onnx": QT_TRANSLATE_NOOP("Errors", "{name} is not an ONNX model, or the file is damaged"),
    "model.inputs": QT_TRANSLATE_NOOP("Errors", "The model has {count} inputs ({names}); an image classifier takes exactly one"),
    "model.rank": QT_TRANSLATE_NOOP("Errors", "Input '{name}' has shape {shape}; an image input has 4 dimensions (batch, channels, height, width or batch, height, width, channels)"),
    "model.channels": QT_TRANSLATE_NOOP("Errors", "Input '{name}' has shape {shape}: no axis of 3 colour channels (expected [N,3,H,W] or [N,H,W,3])"),
    "model.element_type": QT_TRANSLATE_NOOP("Errors", "Input '{name}' is {type}; supported element types are float32, float16 and uint8"),
    "labels.unreadable": QT_TRANSLATE_NOOP("Errors", "Cannot read labels {name}: {detail}"),
    "labels.is_folder": QT_TRANSLATE_NOOP("Errors", "{name} is a folder, not a label file"),
    "labels.empty": QT_TRANSLATE_NOOP("Errors", "Label file {name} holds no labels"),
    "labels.none": QT_TRANSLATE_NOOP("Errors", "No labels for this model's classes ({classes}): showing class numbers"),
    "labels.count_mismatch": QT_TRANSLATE_NOOP("Errors", "The labels have {names} names but the model has {classes} classes: names may not match their classes (a class without a name shows as \"class N\")"),
    "labels.one_extra": QT_TRANSLATE_NOOP("Errors", "The labels have one name more than the model has classes ({names} for {classes}): if the first is a background class the model does not have, every name is one class off"),
    "labels.encoding": QT_TRANSLATE_NOOP("Errors", "Label file {name} is not UTF-8 text: save it as UTF-8"),
    "file.not_regular": QT_TRANSLATE_NOOP("Errors", "{name}: not a regular file (a pipe, device or socket): refused"),
    "file.too_large": QT_TRANSLATE_NOOP("Errors", "{name}: {size} is over the {limit} limit"),
    "bundle.outside": QT_TRANSLATE_NOOP("Errors", "'{name}' is outside the model's folder {folder}: refused (a model may only read files in its own folder)"),
    "bundle.missing": QT_TRANSLATE_NOOP("Errors", "'{name}', named by the model, is missing"),
    "inference.not_finite": QT_TRANSLATE_NOOP("Errors", "The model's output for this picture is not a number (NaN or infinity): no ranking"),
    "inference.failed": QT_TRANSLATE_NOOP("Errors", "Inference failed on CPU: {detail}"),
    "inference.failed_again": QT_TRANSLATE_NOOP("Errors", "Inference failed on CPU too: {detail}"),
    "provider.failed": QT_TRANSLATE_NOOP("Errors", "{provider} failed ({detail})"),
    "provider.flavour_conflict": QT_TRANSLATE_NOOP("Errors", "Several ONNX Runtime packages are installed ({listed}); they overwrite each other's files and a provider may silently vanish. Fix: pip uninstall -y {names} && pip install {keep}"),
    "provider.not_initialised": QT_TRANSLATE_NOOP("Errors", "{provider} could not be initialised"),
    "provider.not_initialised_because": QT_TRANSLATE_NOOP("Errors", "{provider} could not be initialised ({detail})"),
    "provider.wrong_answers": QT_TRANSLATE_NOOP("Errors", "{provider} gave answers that differ from CPU ({detail})"),
    "provider.failed_in_run": QT_TRANSLATE_NOOP("Errors", "{provider} failed during inference ({detail})"),
    "provider.missing_cuda": QT_TRANSLATE_NOOP("Errors", "CUDA is not in this ONNX Runtime build ({flavours}); swap in onnxruntime-gpu (see README)"),
    "provider.missing_directml": QT_TRANSLATE_NOOP("Errors", "DirectML is not in this ONNX Runtime build ({flavours}); install onnxruntime-directml on Windows"),
    "provider.running_on": QT_TRANSLATE_NOOP("Errors", " — running on {provider}"),
    "pitfall.unknown": QT_TRANSLATE_NOOP("Errors", "Unknown pitfall '{id}'; one of: {ids}"),
    "pitfall.already_probabilities": QT_TRANSLATE_NOOP("Errors", "'{id}' changes nothing here: this model's output already is probabilities"),
    "pitfall.raw_pixels": QT_TRANSLATE_NOOP("Errors", "'{id}' changes nothing here: this model takes raw 8-bit pixels"),
    "pitfall.own_setting": QT_TRANSLATE_NOOP("Errors", "'{id}' is this model's own {field} ({value}): pick another pitfall"),
    "labels.not_json": QT_TRANSLATE_NOOP("Errors", "Label file {name} is not valid JSON: {detail}"),
    "labels.not_a_list": QT_TRANSLATE_NOOP("Errors", "Label file {name}: expected a list of names"),
    "labels.keys_not_indices": QT_TRANSLATE_NOOP("Errors", "Label file {name}: keys must be class indices"),
    "labels.entry_without_name": QT_TRANSLATE_NOOP("Errors", "Label file {name}: an entry is an object without a name (looked for {keys})"),
    "labels.index_range": QT_TRANSLATE_NOOP("Errors", "Label file {name}: class indices must be 0..{last}"),
    "sidecar.unreadable": QT_TRANSLATE_NOOP("Errors", "Cannot read the model's sidecar {name}: {detail}"),
    "sidecar.not_object": QT_TRANSLATE_NOOP("Errors", "The model's sidecar {name} is not a JSON object"),
    "sidecar.preprocessing_not_object": QT_TRANSLATE_NOOP("Errors", "The sidecar's 'preprocessing' must be a JSON object"),
    "sidecar.labels_not_name": QT_TRANSLATE_NOOP("Errors", "The sidecar's 'labels' must be a file name"),
    "preprocessing.raw_pixels": QT_TRANSLATE_NOOP(
        "Errors", "This model takes raw 8-bit pixels: the normalisation {normalize} is not applied"),
    "sidecar.not_text": QT_TRANSLATE_NOOP("Errors", "The model's sidecar {name}: '{field}' must be text"),
    "model.output_not_found": QT_TRANSLATE_NOOP(
        "Errors", "The sidecar names the output '{name}', but the model's outputs are: {names}"),
    "metadata.not_json": QT_TRANSLATE_NOOP("Errors", "The model's '{key}' metadata is not valid JSON: {detail}"),
    "preprocessing.input_size": QT_TRANSLATE_NOOP("Errors", "The {source}'s input_size {size} must be [height, width] in pixels, 1..{largest}"),
    "preprocessing.not_allowed": QT_TRANSLATE_NOOP("Errors", "The {source}'s preprocessing {name} '{value}' is not one of {allowed}"),
    "preprocessing.crop_fraction": QT_TRANSLATE_NOOP("Errors", "The {source}'s crop_fraction {value} must be a number in 0.1..1"),
    "model.no_outputs": QT_TRANSLATE_NOOP("Errors", "The model has no outputs"),
    "model.output_type": QT_TRANSLATE_NOOP("Errors", "Output '{name}' is {type}, not a tensor of class scores"),
    "model.output_shape": QT_TRANSLATE_NOOP("Errors", "Output '{name}' has shape {shape}, not one score per class"),
    "model.detection": QT_TRANSLATE_NOOP("Errors", "This looks like an object detector (its outputs include boxes: {names}), not an image classifier: it cannot be ranked"),
    "model.one_score": QT_TRANSLATE_NOOP("Errors", "Output '{name}' has shape {shape}: one score per picture, not one per class, cannot be ranked (a softmax over one class is always 100%)"),
    "model.input_too_large": QT_TRANSLATE_NOOP("Errors", "Input '{name}' has shape {shape}: larger than this app feeds (at most {batch} pictures of {side}×{side} pixels)"),
    "camera.open_failed": QT_TRANSLATE_NOOP("Errors", "Camera '{name}' could not be opened (busy, unplugged or unsupported)"),
    "camera.stopped": QT_TRANSLATE_NOOP("Errors", "Camera '{name}' stopped delivering frames (unplugged?)"),
    "video.open_failed": QT_TRANSLATE_NOOP("Errors", "Video {name} could not be opened (no video in it, an unsupported format, or damaged)"),
    "video.no_frames": QT_TRANSLATE_NOOP("Errors", "Video {name} has no readable frames"),
    "video.too_large": QT_TRANSLATE_NOOP("Errors", "Video {name}: its frames are {width}×{height}, {megapixels} MP, over the {limit} MP limit"),
    "video.no_bytes": QT_TRANSLATE_NOOP("Errors", "Video {name}: the file is empty (0 bytes)"),
    "video.stopped": QT_TRANSLATE_NOOP("Errors", "Video {name} stopped: the file was changed or removed while playing"),
}


def describe(problem) -> str:
    """A :class:`Message`, or an error built from one, in the current language; else its text."""
    found = problem if isinstance(problem, Message) else getattr(problem, "message", None)
    if not isinstance(found, Message) or found.code not in TRANSLATABLE:
        return str(problem)
    return QCoreApplication.translate("Errors", str(TRANSLATABLE[found.code])).format(**found.values)


def describe_fallback(parts: tuple[Message, ...], provider: str) -> str:
    """"DirectML failed (887A0005) — running on CPU", translated part by part."""
    if not parts:
        return ""
    return describe_failures(parts) + describe(Message("provider.running_on", (("provider", provider),)))


def describe_failures(parts: tuple[Message, ...]) -> str:
    """"DirectML failed (887A0005)": what failed, without what runs instead."""
    return QCoreApplication.translate("Errors", "; ").join(map(describe, parts))


_BREAK_AFTER = "_-./\\"
_LONGEST_RUN = 16  # characters without a break opportunity before one is made


def wrappable(text: str) -> str:
    """``text`` with invisible break opportunities (U+200B) in long runs without a space, for a
    message that wraps instead of eliding: a long file name, centred, was cut at both ends
    ("cture_with_a_long_name_from_the_phone_IMG_2026112"). After ``_ - . / \\`` where a long
    run has them, else every :data:`_LONGEST_RUN` characters."""
    words = []
    for word in text.split(" "):
        if len(word) <= _LONGEST_RUN:
            words.append(word)
            continue
        pieces, run = [], 0
        for char in word:
            pieces.append(char)
            run += 1
            if char in _BREAK_AFTER or run >= _LONGEST_RUN:
                pieces.append("\u200b")
                run = 0
        words.append("".join(pieces).rstrip("\u200b"))
    return " ".join(words)
