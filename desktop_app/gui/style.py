"""Style sheets: the everyday look, and presenter mode (large, high contrast, dark)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ..core import paths

NORMAL = """
QLabel#providerPill { border-radius: 10px; padding: 4px 12px; font-weight: bold; color: white; background: #57606a; }
QLabel#providerPill[kind="cpu"] { background: #2da44e; }
QLabel#providerPill[kind="cuda"], QLabel#providerPill[kind="directml"] { background: #1f6feb; }
QLabel#providerPill[kind="fallback"] { background: #bf8700; }
QLabel#fallbackReason { color: #9a6700; }
QLabel#modelWarning { color: #b35900; }
QLabel#defaultMarker { color: #1a7f37; }
QLabel#defaultMarker[overridden="true"] { color: #a84300; font-weight: bold; }
QLabel#latency { color: #424a53; }
QLabel#labHeading { font-weight: bold; }
QLabel#labSideTitle { font-weight: bold; color: #1b1f24; }
QLabel#labCaption { color: #a84300; font-style: italic; }
QLabel#labCaption[cjk="true"] { font-style: normal; }
QLabel#labNote { font-weight: bold; }
"""

# Every rule is scoped to the window's own widgets (#central; the status bar is hidden on stage): the window's sheet
# cascades to every child, dialogs included, and a message box's labels in near-white on its light
# background could not be read. The combo is drawn whole (frame, arrow, list): once a style sheet
# gives it a background, the native arrow is gone, so the arrow is a shipped picture.
_PRESENTER = NORMAL + """
QMainWindow, QWidget#central, QWidget#sidebar { background: #0d1117; }
#central QLabel { color: #f0f6fc; }
#central QLabel#providerPill { font-size: 22pt; padding: 8px 22px; border-radius: 20px; }
#central QLabel#fallbackReason { color: #ffb000; font-size: 18pt; }
#central QLabel#modelWarning { color: #ffb000; font-size: 18pt; }
#central QLabel#modelInfo { font-size: 16pt; color: #c9d1d9; }
#central QLabel#latency { font-size: 16pt; color: #c9d1d9; }
#central QLabel#modelInfo[compact="true"], #central QLabel#latency[compact="true"] { font-size: 12pt; }
#central QLabel#stageToast { color: #f0f6fc; background: rgba(22, 27, 34, 235); font-size: 18pt;
    border: 1px solid #484f58; border-radius: 10px; padding: 10px 18px; }
#central QLabel#modelWarning[compact="true"], #central QLabel#fallbackReason[compact="true"] { font-size: 13pt; }
#central QWidget#labPanel QLabel { font-size: 16pt; }
#central QWidget#labPanel QLabel#labHeading, #central QWidget#labPanel QLabel#labSideTitle,
#central QWidget#labPanel QLabel#labNote, #central QWidget#labPanel QLabel#labCaption { font-size: 18pt; }
#central QWidget#labPanel QLabel#labSideTitle { color: #f0f6fc; }
#central QWidget#labPanel QLabel#labCaption { color: #ffb000; }
#central QWidget#labPanel QLabel#labNote { font-weight: bold; }
#central QWidget#labPanel[compact="true"] QLabel { font-size: 13pt; }
#central QWidget#labPanel[compact="true"] QLabel#labHeading,
#central QWidget#labPanel[compact="true"] QLabel#labSideTitle,
#central QWidget#labPanel[compact="true"] QLabel#labNote,
#central QWidget#labPanel[compact="true"] QLabel#labCaption { font-size: 14pt; }
#central QWidget#labPanel[compact="true"] QComboBox { font-size: 13pt; }
#central QComboBox { font-size: 16pt; color: #f0f6fc; background: #161b22; border: 1px solid #484f58;
    border-radius: 6px; padding: 2px 8px; }
#central QComboBox:focus { border-color: #58a6ff; }
#central QComboBox::drop-down { border: none; width: 28px; }
#central QComboBox::down-arrow { image: url("@ARROW@"); width: 14px; height: 9px; }
#central QComboBox QAbstractItemView { color: #f0f6fc; background: #161b22; border: 1px solid #484f58;
    selection-color: #ffffff; selection-background-color: #1f6feb; outline: none; }
#central QScrollBar:vertical { background: #0d1117; width: 12px; margin: 0; }
#central QScrollBar::handle:vertical { background: #30363d; border-radius: 6px; min-height: 32px; }
#central QScrollBar::add-line:vertical, #central QScrollBar::sub-line:vertical { height: 0; }
#central QScrollBar::add-page:vertical, #central QScrollBar::sub-page:vertical { background: none; }
"""



def presenter_sheet() -> str:
    """The presenter sheet, with the path of the combo's arrow filled in (quoted: an installed app
    lives under "Program Files", with a space)."""
    arrow = paths.resources_dir() / "icons" / "down-arrow-light.svg"
    return _PRESENTER.replace("@ARROW@", arrow.as_posix())


PRESENTER_FONT_SCALE = 2.4
PRESENTER_VIEW_TEXT_SCALE = 1.6  # the picture's placeholder and "Frozen" badge
PRESENTER_LAB_FONT_SCALE = 2.2  # two rankings of three rows share the height (less where they do not fit)


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
