"""The window's views, created and laid out in one place: controls | picture (results below) |
ranking, badge, read-outs. ``build_views`` returns them as one typed object."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMainWindow, QScrollArea, QSplitter, QVBoxLayout, QWidget

from ..core.classifier import ModelDescription
from ..core.preprocess import region_for
from .controls import ControlsPanel
from .frame_view import FrameView
from .info_panel import LatencyPanel, ModelInfoLabel, ProviderBadge
from .lab_panel import LabPanel
from .results_panel import ResultsPanel
from .seen_view import SeenView
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
    picture_split: PictureSplit  # the picture above, a folder's results below
    seen: SeenView  # over the picture: what the model saw, large (V in the lab)

    def show_results(self, visible: bool) -> None:
        """Show or hide a folder's results below the picture. Shown anew, they get a quarter of
        the height the user last gave them (a quarter at first): a splitter gives a widget that
        was hidden only its minimum (one row)."""
        appearing = visible and self.results.isHidden()
        self.results.setVisible(visible)
        if appearing:
            self.picture_split.give_results_their_share()
            self.results.table.setFocus()  # ↑/↓ walk the new list at once, without a click first

    def show_lab(self, on: bool, presenter: bool = False) -> None:
        """The lab instead of the chart. On stage the lab keeps the height for its two rankings
        and caption: the model's details and the latency read-out step aside (Ctrl+I has them)."""
        self.chart.setVisible(not on)
        self.lab.setVisible(on)
        for detail in (self.model_info, self.latency):
            detail.setVisible(not (on and presenter))
        self.refit()

    def refit(self) -> None:
        """The columns take their shares afresh. The scroll area kept the size hint of what it held
        before: with the lab opened in the normal window, the stage came back with its sidebar 585
        px wide instead of 502 (the picture smaller, the ranking's type another size)."""
        for widget in (self.sidebar, self.sidebar_scroll, self.picture_split):
            widget.updateGeometry()

    def outline_model_region(self, description: ModelDescription | None, width: int, height: int) -> None:
        """Outline on the picture what the model's resize policy keeps (e.g. the centre crop)."""
        if description is None or width <= 0 or height <= 0:
            return
        x, y, w, h = region_for(width, height, description.preprocessing).source
        self.view.set_model_region((x / width, y / height, w / width, h / height))


class PictureSplit(QSplitter):
    """The picture above a folder's results. Remembers the results' share of the height as the
    user drags the handle, so that the next folder (and, saved, the next start) gets it back.
    GUI thread."""

    DEFAULT_SHARE = 0.25
    SHARES = (0.1, 0.9)  # a saved share outside this is an edited file: the default instead

    def __init__(self):
        super().__init__(Qt.Orientation.Vertical)
        self.results_share = self.DEFAULT_SHARE
        self.splitterMoved.connect(self._on_moved)

    def set_results_share(self, share: float | None) -> None:
        low, high = self.SHARES
        self.results_share = share if share is not None and low <= share <= high else self.DEFAULT_SHARE

    def give_results_their_share(self) -> None:
        total = sum(self.sizes()) or self.height()
        results = round(total * self.results_share)
        self.setSizes([total - results, results])

    def _on_moved(self, _pos: int, _index: int) -> None:
        picture, results = self.sizes()
        if results > 0 and picture + results > 0:
            low, high = self.SHARES
            self.results_share = min(high, max(low, results / (picture + results)))


class VerticalScroll(QScrollArea):
    """A frameless scroll area that only scrolls vertically: as wide as its widget needs (plus the
    scroll bar), so that only a height that runs short scrolls; the width is laid out as before."""

    def __init__(self, widget: QWidget):
        super().__init__()
        self._inner = widget
        self.setWidget(widget)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # an invisible Tab stop; Tab to a control scrolls to it

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        inner = self._inner.minimumSizeHint().expandedTo(self._inner.minimumSize())  # its layout's or its own
        return QSize(inner.width() + self.verticalScrollBar().sizeHint().width(), 0)


def build_views(window: QMainWindow) -> Views:
    """Create the views and lay them out as ``window``'s central widget."""
    controls = ControlsPanel()
    scroll = QScrollArea()
    scroll.setWidget(controls)
    scroll.setWidgetResizable(True)
    scroll.setMinimumWidth(320)
    scroll.setMaximumWidth(380)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # idem: no focus mark, no name; its controls take Tab
    sidebar = QWidget()
    picture = PictureSplit()
    view = FrameView()
    seen = SeenView(view)
    view.resized.connect(lambda _size: seen.cover())
    views = Views(view, TopKChart(), ProviderBadge(), ModelInfoLabel(), LatencyPanel(), controls,
                  ResultsPanel(), scroll, sidebar, VerticalScroll(sidebar), LabPanel(), picture, seen)
    views.results.hide()
    views.lab.hide()
    picture.addWidget(views.view)
    picture.addWidget(views.results)
    picture.setStretchFactor(0, 3)
    picture.setStretchFactor(1, 1)
    views.sidebar.setObjectName("sidebar")
    side = QVBoxLayout(views.sidebar)
    for widget, stretch in ((views.badge, 0), (views.chart, 1), (views.lab, 1), (views.model_info, 0),
                            (views.latency, 0)):
        side.addWidget(widget, stretch)
    # Controls 320 + picture 300 + sidebar 340 (+ its scroll bar and the margins) fit a 1024-pixel
    # screen, as an older projector has.
    views.sidebar.setMinimumWidth(340)
    central = QWidget()
    central.setObjectName("central")
    row = QHBoxLayout(central)
    row.addWidget(scroll)
    row.addWidget(picture, 3)
    row.addWidget(views.sidebar_scroll, 2)
    window.setCentralWidget(central)
    return views
