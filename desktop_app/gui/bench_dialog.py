"""The provider benchmark page: ``bench`` on every installed provider, side by side.

GUI thread. The measuring is a :class:`BenchProviders` job on the one inference worker (live
ranking pauses meanwhile: two benchmarks on two cores would measure each other); this dialog starts
and stops it, shows each provider as it finishes, and exports the JSON document.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.files import write_atomic
from ..core.providers import DISPLAY_NAMES
from .dialogs import ask_save_path, file_filter
from .messages import describe_fallback

COLUMNS = 7


class BenchChart(QWidget):
    """p50 bars per provider: raw inference and frame → top-k, side by side (p95 as a whisker)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.rows: list[dict] = []
        self.legend = ("", "")

    def set_rows(self, rows: list[dict]) -> None:
        self.rows = list(rows)
        self.update()

    def paintEvent(self, event) -> None:
        if not self.rows:
            return
        painter = QPainter(self)
        peak = max(max(r["raw_inference_ms"]["p95"], r["pipeline_ms"]["p95"]) for r in self.rows) or 1.0
        label_w, row_h = 150.0, (self.height() - 24) / len(self.rows)
        width = self.width() - label_w - 84  # the slowest p95 whisker ends here, 10 px before its value
        colours = (QColor("#1f6feb"), QColor("#8aa4c0"))
        for i, row in enumerate(self.rows):
            top = 20 + i * row_h
            painter.setPen(self.palette().windowText().color())
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(QRectF(0, top, label_w - 6, row_h), right, _name(row))
            for j, key in enumerate(("raw_inference_ms", "pipeline_ms")):
                bar_top = top + row_h * (0.15 + 0.38 * j)
                values = row[key]
                painter.fillRect(QRectF(label_w, bar_top, width * values["p50"] / peak, row_h * 0.32), colours[j])
                painter.drawLine(int(label_w + width * values["p95"] / peak), int(bar_top),
                                 int(label_w + width * values["p95"] / peak), int(bar_top + row_h * 0.32))
                painter.drawText(QRectF(label_w + width + 10, bar_top - 2, 72, row_h * 0.36),
                                 Qt.AlignmentFlag.AlignLeft, f"{values['p50']:.1f} ms")
        for j, text in enumerate(self.legend):
            painter.fillRect(QRectF(label_w + j * 200, 4, 12, 12), colours[j])
            painter.drawText(QRectF(label_w + j * 200 + 16, 0, 180, 18), Qt.AlignmentFlag.AlignLeft, text)
        painter.end()


class BenchDialog(QDialog):
    start_requested = Signal()
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.resize(820, 520)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.progress = QProgressBar()
        self.error = QLabel()  # why the run stopped: the status bar is behind this dialog
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.table = QTableWidget(0, COLUMNS)
        self.table.verticalHeader().hide()  # row numbers say nothing here: the provider names each row
        self.table.horizontalHeader().setStretchLastSection(True)  # the fallback reason takes the width left
        self.chart = BenchChart()
        self.start, self.stop, self.export = QPushButton(), QPushButton(), QPushButton()
        self.start.clicked.connect(self.start_requested)
        self.stop.clicked.connect(self.stop_requested)
        self.export.clicked.connect(lambda: self.export_json())
        buttons = QHBoxLayout()
        for button in (self.start, self.stop, self.export):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        for widget in (self.note, self.progress, self.error, self.chart, self.table):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.document: dict | None = None
        self.rows: list[dict] = []
        self._model, self._iterations = "", 0
        self.set_running(False)
        self.retranslate()

    def reject(self) -> None:
        """Esc or the close button: a run stops with the dialog (it went on unseen, with live
        ranking paused and nothing on screen to stop it)."""
        if self.stop.isEnabled():
            self.stop_requested.emit()
        super().reject()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Benchmark the providers"))
        self.note.setText(self.tr("Raw inference on a ready tensor, and a 1280×720 camera frame to the top-k, on every "
                                  "installed provider and on CPU with one thread and with every core. Live ranking "
                                  "pauses while it runs."))
        self.start.setText(self.tr("Run"))
        self.stop.setText(self.tr("Stop"))
        self.export.setText(self.tr("Export JSON…"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Provider"), self.tr("Threads"), self.tr("Load ms"), self.tr("Raw p50 / p95 ms"),
            self.tr("Frame → top-k p50 / p95 ms"), self.tr("Overhead"), self.tr("Fell back")])
        self.chart.legend = (self.tr("raw inference (p50, p95 line)"), self.tr("frame → top-k (p50, p95 line)"))
        self.chart.setAccessibleName(self.tr("Benchmark chart"))
        self._describe_chart()

    def begin(self, total: int, model: str, iterations: int) -> None:
        self.rows, self.document = [], None
        self.error.hide()
        self._model, self._iterations = model, iterations
        self.table.setRowCount(0)
        self.chart.set_rows([])
        self._describe_chart()
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.set_running(True)

    def add(self, row: dict) -> None:
        self.rows.append(row)
        r = self.table.rowCount()
        self.table.insertRow(r)
        raw, pipe = row["raw_inference_ms"], row["pipeline_ms"]
        fallback = row.get("fallback") or ()
        fell_back = (describe_fallback(tuple(fallback), DISPLAY_NAMES.get(row["provider"], row["provider"]))
                     if fallback else row.get("fallback_reason") or "")
        cells = (_name(row, with_threads=False), row["intra_op_threads"], f"{row['load_ms']:.0f}",
                 f"{raw['p50']:.2f} / {raw['p95']:.2f}", f"{pipe['p50']:.2f} / {pipe['p95']:.2f}",
                 f"{row['overhead_ratio']:.3f}×", fell_back)
        for c, value in enumerate(cells):
            item = QTableWidgetItem(str(value))
            item.setToolTip(str(value))  # a reason is wider than the dialog
            self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.chart.set_rows(self.rows)
        self._describe_chart()
        self.progress.setValue(len(self.rows))

    def _describe_chart(self) -> None:
        """The painted bars as text, for a screen reader: "CPU ×1: raw 4.7 ms, frame → top-k 5.2 ms"."""
        template = self.tr("%1: raw %2 ms, frame → top-k %3 ms")
        self.chart.setAccessibleDescription("; ".join(
            template.replace("%1", _name(row)).replace("%2", f"{row['raw_inference_ms']['p50']:.1f}")
            .replace("%3", f"{row['pipeline_ms']['p50']:.1f}") for row in self.rows))
        self.chart.update()

    def finish(self) -> None:
        """The job ended (done or stopped): what was measured can be exported."""
        if self.rows:
            rows = [{key: value for key, value in row.items() if key != "fallback"} for row in self.rows]
            self.document = {"model": self._model, "iterations": self._iterations, "results": rows}
        self.set_running(False)

    def fail(self, reason: str) -> None:
        """The run failed: say why here (it stood at "0 of 2" with the reason behind the dialog)."""
        self.error.setText(reason)
        self.error.show()
        self.finish()

    def set_running(self, running: bool) -> None:
        self.start.setEnabled(not running)
        self.stop.setEnabled(running)
        self.export.setEnabled(not running and bool(self.rows))

    def export_json(self, path: str | None = None) -> str | None:
        """Write the results (what the ``bench --json`` of each provider says); the path or None."""
        if self.document is None:
            return None
        if path is None:
            path = ask_save_path(self, self.tr("Export the benchmark"), "synset-bench.json",
                                 file_filter(self.tr("JSON files"), [".json"]))  # in the last folder
        if not path:
            return None
        write_atomic(path, (json.dumps(self.document, indent=2, allow_nan=False) + "\n").encode("utf-8"))
        return path


def _name(row: dict, with_threads: bool = True) -> str:
    """"CPU ×1", or "CUDA → CPU ×1" for a provider asked for that fell back: three rows read
    "CPU ×1" when CUDA and DirectML were listed but did not work."""
    name = DISPLAY_NAMES.get(row["provider"], row["provider"])
    if row["provider"] == "cpu" and with_threads:
        name = f"{name} ×{row['intra_op_threads']}"
    requested = row.get("requested")
    if requested and requested not in ("auto", row["provider"]):
        name = f"{DISPLAY_NAMES.get(requested, requested)} → {name}"
    return name
