"""An ONNX model's protobuf, read as far as Synset needs without the onnx package: which
external-data files it names, its header (IR version, producer, opsets), and which operator
computes an output (a sigmoid's scores are not logits).

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


def model_header(path: str | Path) -> dict:
    """``{"ir_version", "producer", "producer_version", "domain", "model_version", "doc",
    "opsets": {domain: version}}`` from the top-level fields; the graph is skipped, not read."""
    with open(path, "rb") as handle:
        if handle.seek(0, 2) == 0:
            raise ModelError.of("model.cannot_load", detail="the file is empty")
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            try:
                return _header(mapped)
            except (IndexError, ValueError, UnicodeDecodeError) as exc:
                raise ModelError.of("model.cannot_load", detail="not a valid ONNX file") from exc


_RESHAPING = {"Identity", "Reshape", "Flatten", "Squeeze", "Unsqueeze"}  # values pass unchanged


def output_operator(path: str | Path, output: str) -> str | None:
    """The operator type that computes ``output`` in the main graph, looking through operators that
    only reshape ("Sigmoid" for a multi-label head); None if the file cannot be read that far."""
    try:
        with open(path, "rb") as handle:
            if handle.seek(0, 2) == 0:
                return None
            with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
                producers = _producers(memoryview(mapped))
    except (OSError, IndexError, ValueError, UnicodeDecodeError):
        return None
    name = output
    for _ in range(len(producers) + 1):  # a chain of reshapes, never a cycle
        op_type, first_input = producers.get(name, (None, None))
        if op_type not in _RESHAPING or first_input is None:
            return op_type
        name = first_input
    return None


def _producers(data: memoryview) -> dict[str, tuple[str, str | None]]:
    """Output name → (operator type, its first input) for every node of the main graph."""
    producers: dict[str, tuple[str, str | None]] = {}
    try:
        for number, start, end in _fields(data, 0, len(data)):
            if number != 7:  # ModelProto.graph
                continue
            for field, node_start, node_end in _fields(data, start, end):
                if field != 1:  # GraphProto.node
                    continue
                node: dict[int, list[str]] = {1: [], 2: [], 4: []}  # NodeProto: input, output, op_type
                for n, a, b in _fields(data, node_start, node_end):
                    if n in node:
                        node[n].append(bytes(data[a:b]).decode("utf-8"))
                op_type, first_input = "".join(node[4]), node[1][0] if node[1] else None
                for out in node[2]:
                    producers[out] = (op_type, first_input)
    finally:
        data.release()
    return producers


_HEADER_STRINGS = {2: "producer", 3: "producer_version", 4: "domain", 6: "doc"}
_HEADER_NUMBERS = {1: "ir_version", 5: "model_version"}


def _header(data) -> dict:
    header: dict = {"ir_version": None, "producer": "", "producer_version": "", "domain": "",
                    "model_version": None, "doc": "", "opsets": {}}
    for number, wire, value in _all_fields(data, 0, len(data)):
        if wire == 0 and number in _HEADER_NUMBERS:
            header[_HEADER_NUMBERS[number]] = value
        elif wire == 2 and number in _HEADER_STRINGS:
            header[_HEADER_STRINGS[number]] = bytes(data[value[0]:value[1]]).decode("utf-8")
        elif wire == 2 and number == 8:  # OperatorSetIdProto: domain = 1, version = 2
            fields = {n: v for n, _w, v in _all_fields(data, *value)}
            domain = bytes(data[fields[1][0]:fields[1][1]]).decode("utf-8") if 1 in fields else ""
            header["opsets"][domain or "ai.onnx"] = fields.get(2)
    return header


def _all_fields(data, pos: int, end: int):
    """(field number, wire type, value) of every field: varints as ints, length-delimited fields as
    (start, end) offsets, fixed-size ones skipped (value None)."""
    while pos < end:
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(data, pos)
            yield number, wire, value
        elif wire == 2:
            length, pos = _varint(data, pos)
            if pos + length > end:
                raise ValueError("field runs past its message")
            yield number, wire, (pos, pos + length)
            pos += length
        elif wire in (1, 5):
            pos += 8 if wire == 1 else 4
            yield number, wire, None
        else:
            raise ValueError(f"wire type {wire}")


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
    for number, wire, value in _all_fields(data, pos, end):
        if wire == 2:
            yield number, value[0], value[1]


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
