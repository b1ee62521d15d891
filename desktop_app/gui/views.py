"""The window's views, created and laid out in one place: controls | picture (results below) |
ranking, badge, read-outs. ``build_views`` returns them as one typed object."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMainWindow, QScrollArea, QSplitter, QVBoxLayout, QWidget

from ..core.classifier import ModelDescription
from ..core.preprocess import region_for
from .controls import ControlsPanel
from .frame_view import FrameView
from .info_panel import LatencyPanel, ModelInfoLabel, ProviderBadge
from .lab_panel import LabPanel
from .results_panel import ResultsPanel
from .topk_chart import TopKChart


@dataclass(frozen=True)
class Views:
    view: FrameView
    chart: TopKChart
    badge: ProviderBadge
    model_info: ModelInfoLabel
    latency: LatencyPanel
    controls: ControlsPanel
    results: ResultsPanel
    controls_scroll: QScrollArea
    sidebar: QWidget
    sidebar_scroll: QScrollArea  # a window too small for the rankings scrolls, never overlaps or grows
    lab: LabPanel  # replaces the chart while the pitfalls lab is on

    def show_lab(self, on: bool) -> None:
        self.chart.setVisible(not on)
        self.lab.setVisible(on)

    def outline_model_region(self, description: ModelDescription | None, width: int, height: int) -> None:
        """Outline on the picture what the model's resize policy keeps (e.g. the centre crop)."""
        if description is None or width <= 0 or height <= 0:
            return
        x, y, w, h = region_for(width, height, description.preprocessing).source
        self.view.set_model_region((x / width, y / height, w / width, h / height))


def _scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that sizes it to fit and scrolls it only vertically."""
    scroll = QScrollArea()
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroll


def build_views(window: QMainWindow) -> Views:
    """Create the views and lay them out as ``window``'s central widget."""
    controls = ControlsPanel()
    scroll = _scrolling(controls)
    scroll.setMinimumWidth(320)
    scroll.setMaximumWidth(380)
    sidebar = QWidget()
    views = Views(FrameView(), TopKChart(), ProviderBadge(), ModelInfoLabel(), LatencyPanel(), controls,
                  ResultsPanel(), scroll, sidebar, _scrolling(sidebar), LabPanel())
    views.results.hide()
    views.lab.hide()
    picture = QSplitter(Qt.Orientation.Vertical)
    picture.addWidget(views.view)
    picture.addWidget(views.results)
    picture.setStretchFactor(0, 3)
    picture.setStretchFactor(1, 1)
    views.sidebar.setObjectName("sidebar")
    side = QVBoxLayout(views.sidebar)
    for widget, stretch in ((views.badge, 0), (views.chart, 1), (views.lab, 1), (views.model_info, 0),
                            (views.latency, 0)):
        side.addWidget(widget, stretch)
    views.sidebar.setMinimumWidth(380)
    bar = views.sidebar_scroll.verticalScrollBar().sizeHint().width()
    views.sidebar_scroll.setMinimumWidth(380 + bar)
    central = QWidget()
    central.setObjectName("central")
    row = QHBoxLayout(central)
    row.addWidget(scroll)
    row.addWidget(picture, 3)
    row.addWidget(views.sidebar_scroll, 2)
    window.setCentralWidget(central)
    return views
