"""Class labels: plain text (``n02124075 Egyptian cat`` or ``Egyptian cat`` per line) or JSON.

Line n (or key n) is class n, always: a blank line or a missing key is a class without a name
("class N"), never a reason to move the next names up by one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import LabelsError
from .files import MAX_LABELS_BYTES, read_bytes

_WNID = re.compile(r"^n\d{8}$")
MAX_CLASSES = 1_000_000  # a JSON key beyond this is a mistake, not a class


@dataclass(frozen=True)
class Labels:
    """Names in class-index order, with WordNet ids where the file gives them."""

    names: tuple[str | None, ...]  # None: no name for this index
    wnids: tuple[str | None, ...]
    path: str

    def __len__(self) -> int:
        return len(self.names)

    def name(self, index: int) -> str:
        named = self.names[index] if 0 <= index < len(self.names) else None
        return named if named else f"class {index}"

    def wnid(self, index: int) -> str | None:
        return self.wnids[index] if 0 <= index < len(self.wnids) else None


def load_labels(path: str | Path) -> Labels:
    """Read a label file; raise :class:`LabelsError` with the reason if it is unusable."""
    path = Path(path)
    try:
        text = _decode(read_bytes(path, MAX_LABELS_BYTES, LabelsError))
    except IsADirectoryError as exc:
        raise LabelsError.of("labels.is_folder", name=path.name) from exc
    except OSError as exc:
        raise LabelsError.of("labels.unreadable", name=path.name, detail=exc.strerror or exc) from exc
    except UnicodeDecodeError as exc:
        raise LabelsError.of("labels.encoding", name=path.name) from exc
    pairs = _parse_json(text, path) if path.suffix.lower() == ".json" else _parse_lines(text)
    return _labels(pairs, path)


def model_config_labels(path: str | Path) -> Labels | None:
    """The ``id2label`` of a Hugging Face ``config.json``; None if the file has none (another
    program's config). :class:`LabelsError` if it cannot be read."""
    path = Path(path)
    try:
        data = json.loads(_decode(read_bytes(path, MAX_LABELS_BYTES, LabelsError)))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None
    if not (isinstance(data, dict) and isinstance(data.get("id2label"), dict)):
        return None
    return _labels(_sparse(data["id2label"], path), path)


def _labels(pairs: list[tuple[str | None, str | None]], path: Path) -> Labels:
    if not any(name for _, name in pairs):
        raise LabelsError.of("labels.empty", name=path.name)
    wnids, names = zip(*pairs, strict=True)
    return Labels(names=tuple(names), wnids=tuple(wnids), path=str(path))


def _decode(data: bytes) -> str:
    """UTF-8 (with or without a BOM), or UTF-16 with its BOM (Windows Notepad's "Unicode")."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def _parse_lines(text: str) -> list[tuple[str | None, str | None]]:
    lines = text.splitlines()
    while lines and not lines[-1].strip():  # a file's trailing newlines are not classes
        lines.pop()
    pairs: list[tuple[str | None, str | None]] = []
    for line in lines:
        line = line.strip()
        head, _, rest = line.partition(" ")
        if _WNID.match(head) and rest.strip():
            pairs.append((head, rest.strip()))
        else:
            pairs.append((None, line or None))
    return pairs


def _parse_json(text: str, path: Path) -> list[tuple[str | None, str | None]]:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise LabelsError.of("labels.not_json", name=path.name, detail=exc) from exc
    if isinstance(data, dict) and isinstance(data.get("id2label"), dict):
        data = data["id2label"]  # a Hugging Face config.json, beside the model it describes
    if isinstance(data, dict):  # {"0": "tench"} or Keras' {"0": ["n01440764", "tench"]}; keys are indices
        return _sparse(data, path)
    if not isinstance(data, list):
        raise LabelsError.of("labels.not_a_list", name=path.name)
    return [_json_entry(item, path) for item in data]


def _sparse(data: dict, path: Path) -> list[tuple[str | None, str | None]]:
    try:
        indexed = {int(key): value for key, value in data.items()}
    except ValueError as exc:
        raise LabelsError.of("labels.keys_not_indices", name=path.name) from exc
    if indexed and not 0 <= min(indexed) <= max(indexed) < MAX_CLASSES:
        raise LabelsError.of("labels.index_range", name=path.name, last=MAX_CLASSES - 1)
    pairs: list[tuple[str | None, str | None]] = [(None, None)] * (max(indexed) + 1 if indexed else 0)
    for index, value in indexed.items():
        pairs[index] = _json_entry(value, path)
    return pairs


_NAME_KEYS = ("name", "label", "class_name", "class")


def _json_entry(item, path: Path) -> tuple[str | None, str | None]:
    if isinstance(item, (list, tuple)) and len(item) == 2:
        return str(item[0]), str(item[1])
    if item is None:
        return None, None
    if isinstance(item, dict):  # [{"id": 0, "name": "tench"}]: its name, not "{'id': 0, 'name': 'tench'}"
        name = next((item[key] for key in _NAME_KEYS if isinstance(item.get(key), str)), None)
        if name is None:
            raise LabelsError.of("labels.entry_without_name", name=path.name, keys=", ".join(_NAME_KEYS))
        wnid = item.get("wnid")
        return (wnid if isinstance(wnid, str) else None), name
    return None, str(item)
