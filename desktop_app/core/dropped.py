"""What a drop (or the command line) hands the app: sorted into models, labels, videos, pictures."""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path

from .decode import is_image_path
from .sources import is_video_path

MODEL_SUFFIXES = (".onnx",)
LABEL_SUFFIXES = (".txt", ".json", ".labels")
# A large model's weights beside it, as torch.onnx and onnx write them: dropped, its model opens
EXTERNAL_DATA_ENDINGS = (".onnx.data", ".onnx_data")


def path_argument(text: str) -> str:
    """A PATH on the command line: an empty one (``"$IMG"`` with IMG unset) ranked the current
    folder; it is a usage error instead."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty path (an unset variable?)")
    return text


@dataclass
class Dropped:
    models: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    videos: list[str] = field(default_factory=list)
    pictures: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    empty_folders: list[str] = field(default_factory=list)
    # Of those, the ones with folders inside: the window says that it does not open them.
    nested_folders: list[str] = field(default_factory=list)


def pictures_in(folder: Path) -> list[str]:
    """The pictures directly in ``folder``, in the order a file manager shows them ([] if it cannot
    be listed). Hidden files are left out: a macOS copy brings "._photo.jpg" beside each photo
    (its metadata, not a picture), which listed as an unreadable picture each."""
    try:
        found = [f for f in folder.iterdir() if not f.name.startswith(".") and f.is_file() and is_image_path(f)]
    except OSError:  # permission denied, vanished meanwhile
        return []
    return [str(f) for f in sorted(found, key=lambda f: natural_key(f.name))]


def has_subfolders(folder: Path) -> bool:
    try:
        return any(f.is_dir() and not f.name.startswith(".") for f in folder.iterdir())
    except OSError:
        return False


def natural_key(name: str) -> list:
    """Sort key: case-insensitive, numbers by value ("img2" before "img10", "a" before "B")."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name.casefold())]


def sort_paths(paths: list[str]) -> Dropped:
    """Folders expand to their pictures (sorted by name); anything else is judged by its suffix.
    A file with an unknown suffix is treated as a picture, so the decoder can say what is wrong."""
    dropped = Dropped()
    for path in map(Path, paths):
        suffix = path.suffix.lower()
        if path.is_dir():
            found = pictures_in(path)
            if found:
                dropped.pictures.extend(found)
            else:
                dropped.empty_folders.append(str(path))
                if has_subfolders(path):
                    dropped.nested_folders.append(str(path))
        elif not path.exists():
            dropped.missing.append(str(path))
        elif suffix in MODEL_SUFFIXES:
            dropped.models.append(str(path))
        elif (model := _model_of_external_data(path)) is not None:
            dropped.models.append(str(model))  # "not a picture format" before
        elif suffix in LABEL_SUFFIXES:
            dropped.labels.append(str(path))
        elif is_video_path(path):
            dropped.videos.append(str(path))
        else:
            dropped.pictures.append(str(path))
    dropped.models = list(dict.fromkeys(dropped.models))  # a model dropped with its data file: once
    # A model's sidecar dropped along with it is not a label file.
    sidecars = {str(Path(m).with_suffix(".json")) for m in dropped.models}
    dropped.labels = [p for p in dropped.labels if p not in sidecars]
    return dropped


def _model_of_external_data(path: Path) -> Path | None:
    """The model beside its external data file ("m.onnx.data" → "m.onnx"), if there is one."""
    name = path.name.lower()
    for ending in EXTERNAL_DATA_ENDINGS:
        if name.endswith(ending):
            model = path.with_name(path.name[: len(path.name) - len(ending)] + ".onnx")
            return model if model.is_file() else None
    return None
