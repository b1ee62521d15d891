"""Errors the core raises with a message fit to show a user as it is (no traceback needed)."""

from __future__ import annotations

from .messages import Message, message


class SynsetError(Exception):
    """Base of the errors whose message is the whole explanation.

    Built from a :class:`Message` (``SomeError.of(code, **params)``) the error keeps it, so the
    window can translate it; built from a plain string it is shown as it is.
    """

    def __init__(self, text: str | Message):
        self.message = text if isinstance(text, Message) else None
        super().__init__(str(text))

    @classmethod
    def of(cls, code: str, **params) -> SynsetError:
        return cls(message(code, **params))


class ModelError(SynsetError):
    """The ONNX file cannot be used as an image classifier; the message says why."""


class ImageError(SynsetError):
    """A picture could not be read; the message names the file and the reason."""


class LabelsError(SynsetError):
    """A label file could not be read or does not fit the model."""


class InferenceError(SynsetError):
    """Inference failed on every execution provider, CPU included."""
