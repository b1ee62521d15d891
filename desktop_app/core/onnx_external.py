"""Which external-data files an ONNX model names, read from its protobuf without the onnx package.

ONNX tensors may keep their weights in other files (``TensorProto.external_data``, key
``location``). The bundle policy must see those names before ONNX Runtime follows them. The onnx
package would list them too, but it would add ~20 MB to the installer and a full parse of the model
to every start for one list of file names; protobuf's wire format is simple enough to walk here, only
along the messages that can hold tensors. Models without external data (nearly all) are recognised
by a byte search and never parsed.
"""

from __future__ import annotations

import mmap
from pathlib import Path

from .errors import ModelError

# Message → {field number: message it holds}, from onnx.proto (only the paths to TensorProto).
_MODEL, _GRAPH, _NODE, _ATTRIBUTE, _TENSOR, _SPARSE, _FUNCTION, _TRAINING, _ENTRY = range(9)
_SCHEMA = {
    _MODEL: {7: _GRAPH, 20: _TRAINING, 25: _FUNCTION},
    _TRAINING: {1: _GRAPH, 2: _GRAPH},
    _GRAPH: {1: _NODE, 5: _TENSOR, 15: _SPARSE},
    _FUNCTION: {7: _NODE},
    _NODE: {5: _ATTRIBUTE},
    _ATTRIBUTE: {5: _TENSOR, 6: _GRAPH, 10: _TENSOR, 11: _GRAPH, 22: _SPARSE, 23: _SPARSE},
    _SPARSE: {1: _TENSOR, 2: _TENSOR},
    _TENSOR: {13: _ENTRY},
}
_MARKER = b"\x0a\x08location"  # StringStringEntryProto.key == "location", as it is encoded


def external_data_locations(path: str | Path) -> list[str]:
    """Every distinct ``location`` the model's tensors name, in order of appearance."""
    with open(path, "rb") as handle:
        if handle.seek(0, 2) == 0:
            return []
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            if mapped.find(_MARKER) < 0:
                return []
        handle.seek(0)
        data = handle.read()  # a model with external data keeps its weights elsewhere: small
    found: list[str] = []
    try:
        _walk(memoryview(data), 0, len(data), _MODEL, found)
    except (IndexError, ValueError, UnicodeDecodeError) as exc:
        raise ModelError.of("model.cannot_load", detail="not a valid ONNX file") from exc
    return list(dict.fromkeys(found))


def _walk(data: memoryview, start: int, end: int, kind: int, found: list[str]) -> None:
    if kind == _ENTRY:
        fields = {number: bytes(data[a:b]) for number, a, b in _fields(data, start, end)}
        if fields.get(1) == b"location" and 2 in fields:
            found.append(fields[2].decode("utf-8"))
        return
    children = _SCHEMA[kind]
    for number, a, b in _fields(data, start, end):
        child = children.get(number)
        if child is not None:
            _walk(data, a, b, child, found)


def _fields(data: memoryview, pos: int, end: int):
    """(field number, start, end) of each length-delimited field; other wire types are skipped."""
    while pos < end:
        key, pos = _varint(data, pos)
        wire = key & 7
        if wire == 0:
            _, pos = _varint(data, pos)
        elif wire == 1:
            pos += 8
        elif wire == 5:
            pos += 4
        elif wire == 2:
            length, pos = _varint(data, pos)
            if pos + length > end:
                raise ValueError("field runs past its message")
            yield key >> 3, pos, pos + length
            pos += length
        else:
            raise ValueError(f"wire type {wire}")
    if pos != end:
        raise ValueError("message overruns")


def _varint(data: memoryview, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7
        if shift > 63:
            raise ValueError("varint too long")
