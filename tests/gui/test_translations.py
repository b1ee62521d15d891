"""The Traditional Chinese translation: complete, in step with the code, compiled, and really shown.

The .ts/.qm are maintained with ``python tools/update_translations.py`` (``--check`` in CI).
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QGroupBox, QLabel, QMenu

ROOT = Path(__file__).resolve().parents[2]

# Sources deliberately the same in both languages (technical terms). Keep this short.
SAME_IN_BOTH = {"Top-k", "logits → softmax"}
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _load_tool():
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "tools" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


tool = _load_tool()
MESSAGES = tool.read_messages(tool.TS_FILE)


def _needs(name: str) -> None:
    if tool.tool_command(name) is None:
        pytest.skip(f"pyside6-{name} is not available to {sys.executable}; cannot run Qt's {name}")


# ---- (a) the .ts itself ------------------------------------------------------------------------
def test_every_message_is_translated_and_keeps_its_placeholders():
    assert MESSAGES, f"no messages in {tool.TS_FILE}"
    assert tool.problems(MESSAGES) == []
    for m in MESSAGES:
        assert tool.placeholders(m.source) == tool.placeholders(m.translation), m.where()
        assert m.source.count("\n") == m.translation.count("\n"), f"line breaks differ: {m.where()}"
        if m.source not in SAME_IN_BOTH:
            assert m.translation != m.source, f"left in English: {m.where()}"


def test_menu_mnemonics_follow_the_cjk_convention():
    """'&File' -> '檔案(&F)': the same letter, in parentheses after the text (before any '…')."""
    for m in MESSAGES:
        letter = re.search(r"&(\w)", m.source)
        if letter is None:
            continue
        assert re.search(rf"\(&{letter.group(1).upper()}\)(…)?$", m.translation), m.where()
        assert m.translation.count("&") == 1, m.where()


def test_file_dialog_filters_keep_their_patterns():
    """Qt reads the patterns from ASCII parentheses: they must survive translation unchanged."""
    for m in MESSAGES:
        patterns = re.search(r"\((\*\.[^)]*)\)$", m.source)
        if patterns:
            assert m.translation.endswith(f" ({patterns.group(1)})"), m.where()


def test_required_terms():
    by_source = {m.source: m.translation for m in MESSAGES}
    assert by_source["Source"] == "來源"
    assert by_source["&File"] == "檔案(&F)"


# ---- (b) in step with the code ---------------------------------------------------------------
def test_lupdate_finds_nothing_untranslated(tmp_path):
    _needs("lupdate")
    fresh = tmp_path / tool.TS_FILE.name
    shutil.copyfile(tool.TS_FILE, fresh)
    tool.lupdate(fresh)
    updated = tool.read_messages(fresh)
    known = {(m.context, m.source) for m in MESSAGES}
    new = [m.where() for m in updated if (m.context, m.source) not in known]
    assert new == [], "translatable strings missing from the .ts (run python tools/update_translations.py)"
    assert tool.problems(updated) == []


# ---- (c) the compiled file -------------------------------------------------------------------
def test_qm_is_compiled_from_the_current_ts(tmp_path):
    _needs("lrelease")
    fresh = tmp_path / tool.QM_FILE.name
    tool.lrelease(tool.TS_FILE, fresh)
    assert tool.QM_FILE.is_file(), f"missing {tool.QM_FILE}"
    assert tool.QM_FILE.read_bytes() == fresh.read_bytes(), "stale .qm: run python tools/update_translations.py"


# ---- (d) what the window shows ---------------------------------------------------------------
def _sample(window) -> dict[str, str]:
    c, r = window.controls, window.results
    texts = {
        "source box": c.source_box.title(),
        "model box": c.model_box.title(),
        "preprocessing box": c.pre_box.title(),
        "display box": c.display_box.title(),
        "file menu": window.menus.file.title(),
        "view menu": window.menus.view.title(),
        "help menu": window.menus.help.title(),
        "chart empty text": window.chart.empty_text,
        "view placeholder": window.view.placeholder,
        "provider badge": window.badge.pill.text(),
        "stop button": r.cancel.text(),
        "export button": r.export.text(),
    }
    for index, button in enumerate(c.findChildren(QAbstractButton)):
        texts[f"controls button {index} ({button.metaObject().className()})"] = button.text()
    for column in range(r.table.columnCount()):
        texts[f"results header {column}"] = r.table.horizontalHeaderItem(column).text()
    return texts


def _english_templates() -> list[tuple[str, re.Pattern]]:
    """Each English source, as a pattern that also matches it with its placeholders filled in."""
    templates = []
    for source in {m.source for m in MESSAGES} - SAME_IN_BOTH:
        pattern = re.sub(r"%(\d+|[vmp])", lambda _m: "\x00", source)
        pattern = re.escape(pattern).replace("\x00", ".*")
        templates.append((source, re.compile(pattern, re.DOTALL)))
    return templates


def _shown_texts(window) -> list[tuple[str, str]]:
    shown = []
    for label in window.findChildren(QLabel):
        shown.append((f"QLabel {label.objectName() or label.parent().metaObject().className()}", label.text()))
    for button in window.findChildren(QAbstractButton):
        shown.append((f"{button.metaObject().className()}", button.text()))
    for box in window.findChildren(QGroupBox):
        shown.append(("QGroupBox", box.title()))
    for menu in window.findChildren(QMenu):
        shown.append(("QMenu", menu.title()))
        shown += [("QAction", action.text()) for action in menu.actions()]
    shown += [(f"action {name}", action.text()) for name, action in window.menus.actions.items()]
    for combo in window.findChildren(QComboBox):
        shown.append(("QComboBox placeholder", combo.placeholderText()))
        shown += [("QComboBox item", combo.itemText(i)) for i in range(combo.count())]
    for column in range(window.results.table.columnCount()):
        shown.append(("results header", window.results.table.horizontalHeaderItem(column).text()))
    shown += [("chart", window.chart.empty_text), ("view", window.view.placeholder),
              ("progress", window.results.progress.format())]
    return [(where, text) for where, text in shown if text and text.strip()]


@pytest.fixture
def chinese_window(make_window):
    window = make_window()
    english = _sample(window)
    window.set_language("zh_TW")
    QApplication.processEvents()
    yield window, english
    window.set_language("en")  # the translator is process-wide: never leak it into other tests


def test_switching_to_chinese_translates_the_visible_widgets(chinese_window):
    window, english = chinese_window
    assert window.language == "zh_TW"
    chinese = _sample(window)
    for name, before in english.items():
        assert before, f"{name} is empty in English"
        after = chinese[name]
        assert after != before, f"{name} still reads {before!r}"
        assert CJK.search(after), f"{name} has no Chinese: {after!r}"
    assert window.badge.pill.text().startswith("在 ")


def test_no_widget_keeps_its_english_text(chinese_window):
    window, _english = chinese_window
    templates = _english_templates()
    left = []
    for where, text in _shown_texts(window):
        for line in re.split(r"<br\s*/?>", text):
            line = re.sub(r"<[^>]+>", "", line)
            for source, pattern in templates:
                if line == source or (pattern.fullmatch(line) and not CJK.search(line)):
                    left.append(f"{where}: {line!r} (source {source!r})")
    assert left == []


def test_strings_translated_outside_their_class_are_found(chinese_window):
    """app.py/automation.py call window.tr(); Qt looks those up under MainWindow."""
    window, _english = chinese_window
    assert CJK.search(window.tr("Unexpected error: %1 (details in %2)"))
    assert CJK.search(window.tr("No camera or video matches '%1'"))


def test_switching_back_restores_english(chinese_window):
    window, english = chinese_window
    window.set_language("en")
    QApplication.processEvents()
    assert _sample(window) == english
