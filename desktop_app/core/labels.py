"""Class labels: plain text (``n02124075 Egyptian cat`` or ``Egyptian cat`` per line) or JSON."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import LabelsError

_WNID = re.compile(r"^n\d{8}$")


@dataclass(frozen=True)
class Labels:
    """Names in class-index order, with WordNet ids where the file gives them."""

    names: tuple[str, ...]
    wnids: tuple[str | None, ...]
    path: str

    def __len__(self) -> int:
        return len(self.names)

    def name(self, index: int) -> str:
        return self.names[index] if 0 <= index < len(self.names) else f"class {index}"

    def wnid(self, index: int) -> str | None:
        return self.wnids[index] if 0 <= index < len(self.wnids) else None


def load_labels(path: str | Path) -> Labels:
    """Read a label file; raise :class:`LabelsError` with the reason if it is unusable."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise LabelsError.of("labels.unreadable", name=path.name, detail=exc) from exc
    pairs = _parse_json(text, path) if path.suffix.lower() == ".json" else _parse_lines(text)
    if not pairs:
        raise LabelsError.of("labels.empty", name=path.name)
    wnids, names = zip(*pairs)
    return Labels(names=tuple(names), wnids=tuple(wnids), path=str(path))


def _parse_lines(text: str) -> list[tuple[str | None, str]]:
    pairs = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        head, _, rest = line.partition(" ")
        pairs.append((head, rest.strip()) if _WNID.match(head) and rest.strip() else (None, line))
    return pairs


def _parse_json(text: str, path: Path) -> list[tuple[str | None, str]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LabelsError(f"Label file {path.name} is not valid JSON: {exc}") from exc
    if isinstance(data, dict):  # {"0": "tench"} or Keras' {"0": ["n01440764", "tench"]}
        try:
            data = [data[key] for key in sorted(data, key=int)]
        except ValueError as exc:
            raise LabelsError(f"Label file {path.name}: keys must be class indices") from exc
    if not isinstance(data, list):
        raise LabelsError(f"Label file {path.name}: expected a list of names")
    return [_json_entry(item) for item in data]


def _json_entry(item) -> tuple[str | None, str]:
    if isinstance(item, (list, tuple)) and len(item) == 2:
        return str(item[0]), str(item[1])
    return None, str(item)
