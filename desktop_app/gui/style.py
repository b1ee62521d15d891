"""Style sheets: the everyday look, and presenter mode (large, high contrast, dark)."""

from __future__ import annotations

from PySide6.QtCore import Qt

NORMAL = """
QLabel#providerPill { border-radius: 10px; padding: 4px 12px; font-weight: bold; color: white; background: #57606a; }
QLabel#providerPill[kind="cpu"] { background: #2da44e; }
QLabel#providerPill[kind="cuda"], QLabel#providerPill[kind="directml"] { background: #1f6feb; }
QLabel#providerPill[kind="fallback"] { background: #bf8700; }
QLabel#fallbackReason { color: #9a6700; }
QLabel#modelWarning { color: #b35900; }
QLabel#defaultMarker { color: #1a7f37; }
QLabel#defaultMarker[overridden="true"] { color: #bc4c00; font-weight: bold; }
QLabel#latency { color: #424a53; }
QLabel#labHeading { font-weight: bold; }
QLabel#labSideTitle { font-weight: bold; color: #1b1f24; }
QLabel#labCaption { color: #bc4c00; font-style: italic; }
QLabel#labNote { font-weight: bold; }
"""

PRESENTER = NORMAL + """
QMainWindow, QWidget#central, QWidget#sidebar { background: #0d1117; }
QLabel { color: #f0f6fc; }
QLabel#providerPill { font-size: 22pt; padding: 8px 22px; border-radius: 20px; }
QLabel#fallbackReason { color: #ffb000; font-size: 18pt; }
QLabel#modelWarning { color: #ffb000; font-size: 18pt; }
QLabel#modelInfo { font-size: 16pt; color: #c9d1d9; }
QLabel#latency { font-size: 16pt; color: #c9d1d9; }
QStatusBar { color: #f0f6fc; font-size: 14pt; }
QLabel#labHeading { font-size: 18pt; }
QLabel#labSideTitle { font-size: 18pt; color: #f0f6fc; }
QLabel#labCaption { font-size: 18pt; color: #ffb000; }
QWidget#labPanel QLabel { font-size: 16pt; }
QWidget#labPanel QComboBox { font-size: 16pt; }
QWidget#labPanel QLabel#labNote { font-size: 18pt; font-weight: bold; }
QScrollBar:vertical { background: #0d1117; width: 12px; margin: 0; }
QScrollBar::handle:vertical { background: #30363d; border-radius: 6px; min-height: 32px; }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }
"""

PRESENTER_FONT_SCALE = 2.4
PRESENTER_LAB_FONT_SCALE = 1.7  # two rankings share the height


def set_style_property(widget, name: str, value) -> None:
    """Set a property that the style sheets select on, and restyle the widget if it changed.

    GUI thread. A widget never polished yet (not shown so far) is styled when it first shows:
    restyling it now would only cost start-up time (the first ``style()`` call from Python builds
    QStyle's Python enums, ~8 ms here). One polished before, even if hidden now, is restyled.
    """
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        return
    own = widget.styleSheet()
    if own:
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        return
    # Setting the widget's own (empty) sheet and clearing it again restyles it in C++ (0.5 ms).
    # style().unpolish/polish would too, but the provider pill first changes while the live view
    # runs, and there the first style() call from Python stalled the GUI for 7 ms (see above).
    widget.setStyleSheet("* {}")
    widget.setStyleSheet("")
