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
    assert colour(marker) == "#a84300"
    set_style_property(marker, "overridden", False)
    assert colour(marker) == "#1a7f37"
    window.hide()  # presenter mode hides the sidebar; a change meanwhile still shows afterwards
    set_style_property(marker, "overridden", True)
    window.show()
    qtbot.waitExposed(window)
    assert colour(marker) == "#a84300"


def test_the_provider_pill_is_recoloured_for_each_provider(qtbot):
    from desktop_app.gui.info_panel import ProviderBadge

    window = QWidget()
    window.setStyleSheet(NORMAL)
    badge = ProviderBadge()
    QVBoxLayout(window).addWidget(badge)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    def background() -> str:
        return badge.pill.grab().toImage().pixelColor(badge.pill.width() // 2, 2).name()

    assert background() == "#57606a"  # loading
    for provider, fallback, expected in (("cpu", (), "#2da44e"), ("cuda", (), "#1f6feb"),
                                         ("cpu", ("failed",), "#bf8700"), ("cpu", (), "#2da44e")):
        badge.set_provider(provider, fallback)
        assert background() == expected, provider


def test_the_warning_orange_reads_on_the_light_window():
    """The lab's caption and the overridden marker are small text: WCAG AA asks 4.5:1. #bc4c00 gave
    4.38:1 on the window's #efefef."""
    from PySide6.QtGui import QColor

    from tests.gui.test_window import contrast

    assert "#a84300" in NORMAL and "#bc4c00" not in NORMAL
    assert contrast(QColor("#a84300"), QColor("#efefef")) >= 4.5
