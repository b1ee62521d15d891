"""The core's user-facing messages: English templates by code.

The core stays Qt-free and speaks English (the CLI, logs, CSV); a :class:`Message` keeps its code
and parameters so the window can show it in the user's language (``desktop_app.gui.messages``).
"""

from __future__ import annotations

from dataclasses import dataclass

TEMPLATES = {
    "image.not_found": "{name}: file not found",
    "image.is_folder": "{name}: is a folder, not a picture",
    "image.permission": "{name}: permission denied",
    "image.unknown_format": "{name}: not a picture format this app can read",
    "image.bomb": "{name}: too many pixels ({detail})",
    "image.too_large": "{name}: {width}×{height} is {megapixels} MP, over the {limit} MP limit "
                       "(a decompression bomb or a scan far larger than needed)",
    "image.empty": "{name}: the picture is empty (0 pixels)",
    "image.no_bytes": "{name}: the file is empty (0 bytes)",
    "image.damaged": "{name}: damaged or truncated picture ({detail})",
    "image.cannot_open": "{name}: cannot be opened ({detail})",
    "model.not_found": "Model file not found: {path}",
    "model.none": "No model is loaded yet",
    "model.cannot_load": "Cannot load the model: {detail}",
    "model.is_folder": "{name} is a folder, not a model file",
    "model.not_onnx": "{name} is not an ONNX model, or the file is damaged",
    "model.inputs": "The model has {count} inputs ({names}); an image classifier takes exactly one",
    "model.rank": "Input '{name}' has shape {shape}; an image input has 4 dimensions "
                  "(batch, channels, height, width or batch, height, width, channels)",
    "model.channels": "Input '{name}' has shape {shape}: no axis of 3 colour channels "
                      "(expected [N,3,H,W] or [N,H,W,3])",
    "model.element_type": "Input '{name}' is {type}; supported element types are float32, float16 and uint8",
    "labels.unreadable": "Cannot read labels {name}: {detail}",
    "labels.is_folder": "{name} is a folder, not a label file",
    "labels.empty": "Label file {name} holds no labels",
    "labels.none": "No labels for this model's classes ({classes}): showing class numbers",
    "labels.count_mismatch": "The labels have {names} names but the model has {classes} classes: names may not "
                             "match their classes (a class without a name shows as \"class N\")",
    "labels.one_extra": "The labels have one name more than the model has classes ({names} for {classes}): if "
                        "the first is a background class the model does not have, every name is one class off",
    "labels.not_json": "Label file {name} is not valid JSON: {detail}",
    "labels.not_a_list": "Label file {name}: expected a list of names",
    "labels.keys_not_indices": "Label file {name}: keys must be class indices",
    "labels.entry_without_name": "Label file {name}: an entry is an object without a name (looked for {keys})",
    "labels.index_range": "Label file {name}: class indices must be 0..{last}",
    "labels.encoding": "Label file {name} is not UTF-8 text: save it as UTF-8",
    "file.not_regular": "{name}: not a regular file (a pipe, device or socket): refused",
    "file.too_large": "{name}: {size} is over the {limit} limit",
    "bundle.outside": "'{name}' is outside the model's folder {folder}: refused "
                      "(a model may only read files in its own folder)",
    "bundle.missing": "'{name}', named by the model, is missing",
    "inference.not_finite": "The model's output for this picture is not a number (NaN or infinity): no ranking",
    "inference.failed": "Inference failed on CPU: {detail}",
    "inference.failed_again": "Inference failed on CPU too: {detail}",
    "provider.failed": "{provider} failed ({detail})",
    "provider.flavour_conflict": "Several ONNX Runtime packages are installed ({listed}); they overwrite each "
                                 "other's files and a provider may silently vanish. Fix: pip uninstall -y "
                                 "{names} && pip install {keep}",
    # What runs instead follows as " — running on CPU": "ONNX Runtime fell back to CPU" said it twice.
    "provider.not_initialised": "{provider} could not be initialised",
    "provider.not_initialised_because": "{provider} could not be initialised ({detail})",
    "provider.wrong_answers": "{provider} gave answers that differ from CPU ({detail})",
    "provider.failed_in_run": "{provider} failed during inference ({detail})",
    "provider.missing_cuda": "CUDA is not in this ONNX Runtime build ({flavours}); "
                             "swap in onnxruntime-gpu (see README)",
    "provider.missing_directml": "DirectML is not in this ONNX Runtime build ({flavours}); "
                                 "install onnxruntime-directml on Windows",
    "provider.running_on": " — running on {provider}",
    "pitfall.unknown": "Unknown pitfall '{id}'; one of: {ids}",
    "pitfall.already_probabilities": "'{id}' changes nothing here: this model's output already is probabilities",
    "pitfall.raw_pixels": "'{id}' changes nothing here: this model takes raw 8-bit pixels",
    "pitfall.own_setting": "'{id}' is this model's own {field} ({value}): pick another pitfall",
    "sidecar.unreadable": "Cannot read the model's sidecar {name}: {detail}",
    "sidecar.not_object": "The model's sidecar {name} is not a JSON object",
    "sidecar.preprocessing_not_object": "The sidecar's 'preprocessing' must be a JSON object",
    "sidecar.labels_not_name": "The sidecar's 'labels' must be a file name",
    "preprocessing.raw_pixels": "This model takes raw 8-bit pixels: the normalisation {normalize} is not applied",
    "sidecar.not_text": "The model's sidecar {name}: '{field}' must be text",
    "model.output_not_found": "The sidecar names the output '{name}', but the model's outputs are: {names}",
    "metadata.not_json": "The model's '{key}' metadata is not valid JSON: {detail}",
    "preprocessing.input_size": "The {source}'s input_size {size} must be [height, width] in pixels, 1..{largest}",
    "preprocessing.not_allowed": "The {source}'s preprocessing {name} '{value}' is not one of {allowed}",
    "preprocessing.crop_fraction": "The {source}'s crop_fraction {value} must be a number in 0.1..1",
    "model.no_outputs": "The model has no outputs",
    "model.output_type": "Output '{name}' is {type}, not a tensor of class scores",
    "model.output_shape": "Output '{name}' has shape {shape}, not one score per class",
    "model.detection": "This looks like an object detector (its outputs include boxes: {names}), not an "
                       "image classifier: it cannot be ranked",
    "model.one_score": "Output '{name}' has shape {shape}: one score per picture, not one per class, "
                       "cannot be ranked (a softmax over one class is always 100%)",
    "model.input_too_large": "Input '{name}' has shape {shape}: larger than this app feeds (at most {batch} "
                             "pictures of {side}×{side} pixels)",
    "camera.open_failed": "Camera '{name}' could not be opened (busy, unplugged or unsupported)",
    "camera.stopped": "Camera '{name}' stopped delivering frames (unplugged?)",
    "video.open_failed": "Video {name} could not be opened (no video in it, an unsupported format, or damaged)",
    "video.no_frames": "Video {name} has no readable frames",
    "video.too_large": "Video {name}: its frames are {width}×{height}, {megapixels} MP, over the {limit} MP limit",
    "video.no_bytes": "Video {name}: the file is empty (0 bytes)",
    "video.stopped": "Video {name} stopped: the file was changed or removed while playing",
}


@dataclass(frozen=True)
class Message:
    """A message by code with its parameters (as text); ``str()`` gives the English."""

    code: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def values(self) -> dict[str, str]:
        return dict(self.params)

    def __str__(self) -> str:
        return TEMPLATES[self.code].format(**self.values)


def message(code: str, **params) -> Message:
    if code not in TEMPLATES:
        raise KeyError(code)
    return Message(code, tuple((key, str(value)) for key, value in params.items()))


def without_name(text: str, name: str) -> str:
    """An error about file ``name`` without the "name: " it starts with, where a row or a line
    names the file already ("broken.jpg: broken.jpg: damaged…"). English or Chinese colon."""
    for colon in (": ", "："):
        if text.startswith(name + colon):
            return text[len(name) + len(colon):]
    return text


def fallback_text(parts: tuple[Message, ...], provider: str) -> str | None:
    """The English fallback reason: what failed, then what runs (None when nothing failed)."""
    if not parts:
        return None
    return "; ".join(map(str, parts)) + str(message("provider.running_on", provider=provider))
