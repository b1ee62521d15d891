"""Errors the core raises with a message fit to show a user as it is (no traceback needed)."""


class SynsetError(Exception):
    """Base of the errors whose message is the whole explanation."""


class ModelError(SynsetError):
    """The ONNX file cannot be used as an image classifier; the message says why."""


class ImageError(SynsetError):
    """A picture could not be read; the message names the file and the reason."""


class LabelsError(SynsetError):
    """A label file could not be read or does not fit the model."""


class InferenceError(SynsetError):
    """Inference failed on every execution provider, CPU included."""
