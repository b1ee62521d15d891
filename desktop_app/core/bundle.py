"""The policy for untrusted model bundles: a model reads only its own folder.

A model downloaded with its sidecar, labels and external weights is a bundle someone else made. It
may name other files (``"labels": "../../etc/hostname"``, external data at ``/home/you/.ssh/...``, a
symlink out of the folder); Synset would read them and show their content as class names. So the
model, its sidecar, its external data and its label files are read only from inside the model's
folder, after resolving symlinks; anything else is refused with the reason. This does not rely on
the ONNX Runtime version (≥ 1.24 refuses external data outside the folder too; older ones read it).

A label file the user names explicitly (``--labels``, Ctrl+L, a drop) is the user's choice and may
live anywhere; it is still opened only as a bounded regular file (:mod:`desktop_app.core.files`).
"""

from __future__ import annotations

from pathlib import Path

from .errors import ModelError
from .files import MAX_EXTERNAL_DATA_BYTES, MAX_MODEL_BYTES, check_regular
from .onnx_proto import external_data_locations


def model_folder(model_path: Path) -> Path:
    """The folder the bundle may read: the model's folder as the user named it, links resolved."""
    return Path(model_path).absolute().parent.resolve()


def inside(model_path: Path, named: str | Path) -> Path:
    """``named`` (relative to the model's folder) resolved; :class:`ModelError` if it leaves it."""
    folder = model_folder(model_path)
    candidate = Path(named)
    resolved = (candidate if candidate.is_absolute() else folder / candidate).resolve()
    if not resolved.is_relative_to(folder):
        raise ModelError.of("bundle.outside", name=str(named), folder=str(folder))
    return resolved


def check_model_bundle(model_path: Path) -> None:
    """Before ONNX Runtime opens anything: the model is a bounded regular file inside its folder, and
    every external-data file it names is one too. :class:`ModelError` with the reason otherwise."""
    path = inside(model_path, Path(model_path).absolute().name)
    try:
        check_regular(path, MAX_MODEL_BYTES, ModelError)
        locations = external_data_locations(path)
    except IsADirectoryError as exc:
        raise ModelError.of("model.is_folder", name=path.name) from exc
    except OSError as exc:
        raise ModelError.of("model.cannot_load", detail=exc.strerror or exc) from exc
    total = 0
    for location in locations:
        data = inside(model_path, location)
        try:
            total += check_regular(data, MAX_EXTERNAL_DATA_BYTES, ModelError).st_size
        except FileNotFoundError as exc:
            raise ModelError.of("bundle.missing", name=location) from exc
    if total > MAX_EXTERNAL_DATA_BYTES:
        raise ModelError.of("file.too_large", name="external data", size=f"{total >> 30} GB",
                            limit=f"{MAX_EXTERNAL_DATA_BYTES >> 30} GB")
