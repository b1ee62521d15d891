"""Results of a dropped folder: progress, a list to step through, CSV export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.jobs import FileResult
from ..core.messages import without_name
from .messages import describe


class ResultsPanel(QWidget):
    result_selected = Signal(object)  # FileResult
    export_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.results: list[FileResult] = []
        self.table = QTableWidget(0, 3)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (↑/↓ walk it); it walked the cells
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentCellChanged.connect(self._on_current_changed)
        self.progress = QProgressBar()
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.cancel_requested)
        self.export = QPushButton()
        self.export.clicked.connect(self.export_requested)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel)
        row.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Picture"), self.tr("Top class"), self.tr("Probability")])
        self.table.setAccessibleName(self.tr("Results"))
        self.cancel.setText(self.tr("Stop"))
        self.export.setText(self.tr("Export CSV…"))
        self.progress.setFormat(self.tr("%v of %m pictures"))
        for row, result in enumerate(self.results):
            item = self.table.item(row, 1)
            if result.error and item is not None:
                item.setText(self._error_text(result))

    def start(self, total: int) -> None:
        self.results = []
        self.table.setRowCount(0)
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.cancel.setEnabled(True)
        self.export.setEnabled(False)

    def add(self, result: FileResult) -> None:
        self.results.append(result)
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(Path(result.path).name)
        name.setToolTip(result.path)
        self.table.setItem(row, 0, name)
        if result.classification is not None:
            best = result.classification.top[0]
            label, probability = best.label, f"{best.probability * 100:.1f}%"
        else:
            label, probability = self._error_text(result), ""
        answer = QTableWidgetItem(label)
        answer.setToolTip(label)  # a reason is longer than the column
        self.table.setItem(row, 1, answer)
        item = QTableWidgetItem(probability)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 2, item)
        self.progress.setValue(len(self.results))
        self.export.setEnabled(True)

    def finish(self) -> None:
        self.cancel.setEnabled(False)

    def _error_text(self, result: FileResult) -> str:
        """The row's reason: its first column names the picture already."""
        reason = without_name(describe(result.error), Path(result.path).name)
        return self.tr("Error: %1").replace("%1", reason)

    def _on_current_changed(self, row: int, *_args) -> None:
        if 0 <= row < len(self.results):
            self.result_selected.emit(self.results[row])
