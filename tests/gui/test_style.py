"""Properties that style sheets select on: restyled when they change, even while hidden."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.gui.style import NORMAL, set_style_property


def colour(label: QLabel) -> str:
    return label.palette().color(label.foregroundRole()).name()


def test_the_marker_colour_follows_its_property_before_and_after_showing(qtbot):
    window = QWidget()
    window.setStyleSheet(NORMAL)
    marker = QLabel("model default")
    marker.setObjectName("defaultMarker")
    QVBoxLayout(window).addWidget(marker)
    qtbot.addWidget(window)
    set_style_property(marker, "overridden", True)  # before the first show: styled when shown
    window.show()
    qtbot.waitExposed(window)
    assert colour(marker) == "#bc4c00"
    set_style_property(marker, "overridden", False)
    assert colour(marker) == "#1a7f37"
    window.hide()  # presenter mode hides the sidebar; a change meanwhile still shows afterwards
    set_style_property(marker, "overridden", True)
    window.show()
    qtbot.waitExposed(window)
    assert colour(marker) == "#bc4c00"
