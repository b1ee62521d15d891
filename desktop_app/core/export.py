"""CSV export of a folder's results."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .classifier import Classification
from .files import write_atomic


def write_csv(path: str | Path, rows: list[tuple[str, Classification | str]], top_k: int) -> None:
    """One row per picture: path, then (label, wnid, probability) for each rank, or the error.
    ``OSError`` if the file cannot be written (nothing is left half-written)."""
    header = ["image"]
    for rank in range(1, top_k + 1):
        header += [f"label_{rank}", f"wnid_{rank}", f"probability_{rank}"]
    header.append("error")
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(header)
    for image, result in rows:
        writer.writerow(_row(image, result, top_k))
    write_atomic(path, text.getvalue().encode("utf-8"))  # a full disk leaves the old file, not half a table


def _row(image: str, result: Classification | str, top_k: int) -> list:
    cells: list = [image]
    predictions = result.top if isinstance(result, Classification) else ()
    for rank in range(top_k):
        if rank < len(predictions):
            p = predictions[rank]
            cells += [p.label, p.wnid or "", f"{p.probability:.6f}"]
        else:
            cells += ["", "", ""]
    cells.append(result if isinstance(result, str) else "")
    return cells
