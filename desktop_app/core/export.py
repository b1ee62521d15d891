"""CSV export of a folder's results, for spreadsheets first.

UTF-8 with a byte-order mark: without it, Excel (opening the file by double-click) reads it in the
system's code page and a Chinese file name or message turns to mojibake. Text that a spreadsheet
would run as a formula (a cell starting with = + - @, a tab or a return: a picture or a label file
from someone else may be named so) gets a leading apostrophe, as OWASP advises; numbers are
written as they are.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .classifier import Classification
from .files import write_atomic


def write_csv(path: str | Path, rows: list[tuple[str, Classification | str]], top_k: int) -> None:
    """One row per picture: path, then (label, wnid, probability) for each rank, or the error
    (UTF-8 with a BOM; formula-like text guarded, see the module's note).
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
    write_atomic(path, text.getvalue().encode("utf-8-sig"))  # a full disk leaves the old file, not half a table


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(value: str) -> str:
    """A text cell no spreadsheet runs as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _row(image: str, result: Classification | str, top_k: int) -> list:
    cells: list = [as_text(image)]
    predictions = result.top if isinstance(result, Classification) else ()
    for rank in range(top_k):
        if rank < len(predictions):
            p = predictions[rank]
            cells += [as_text(p.label), as_text(p.wnid or ""), f"{p.probability:.6f}"]
        else:
            cells += ["", "", ""]
    cells.append(as_text(result) if isinstance(result, str) else "")
    return cells
