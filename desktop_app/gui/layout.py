"""Where the window's parts sit: controls | picture (results below) | ranking, badge, read-outs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QSplitter, QVBoxLayout, QWidget

from .controls import ControlsPanel
from .frame_view import FrameView
from .info_panel import LatencyPanel, ModelInfoLabel, ProviderBadge
from .results_panel import ResultsPanel
from .topk_chart import TopKChart


def build_views(window) -> None:
    """Create the views as attributes of ``window`` and lay them out as its central widget."""
    window.view = FrameView()
    window.chart = TopKChart()
    window.badge = ProviderBadge()
    window.model_info = ModelInfoLabel()
    window.latency = LatencyPanel()
    window.controls = ControlsPanel()
    window.results = ResultsPanel()
    window.results.hide()
    window.controls_scroll = QScrollArea()
    window.controls_scroll.setWidget(window.controls)
    window.controls_scroll.setWidgetResizable(True)
    window.controls_scroll.setMinimumWidth(320)
    window.controls_scroll.setMaximumWidth(380)
    picture = QSplitter(Qt.Orientation.Vertical)
    picture.addWidget(window.view)
    picture.addWidget(window.results)
    picture.setStretchFactor(0, 3)
    picture.setStretchFactor(1, 1)
    window.sidebar = QWidget()
    window.sidebar.setObjectName("sidebar")
    side = QVBoxLayout(window.sidebar)
    for widget, stretch in ((window.badge, 0), (window.chart, 1), (window.model_info, 0), (window.latency, 0)):
        side.addWidget(widget, stretch)
    window.sidebar.setMinimumWidth(380)
    central = QWidget()
    central.setObjectName("central")
    row = QHBoxLayout(central)
    row.addWidget(window.controls_scroll)
    row.addWidget(picture, 3)
    row.addWidget(window.sidebar, 2)
    window.setCentralWidget(central)
