"""English and Traditional Chinese through Qt's translation system (.ts sources, .qm compiled)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..core import paths
from ..core.settings import LANGUAGES

_installed: list[QTranslator] = []


def system_language() -> str:
    """zh_TW for Traditional Chinese locales (Taiwan, Hong Kong, Macau, zh_Hant), else English."""
    locale = QLocale.system()
    if locale.language() == QLocale.Language.Chinese and (
        locale.script() == QLocale.Script.TraditionalChineseScript
        or locale.territory() in (QLocale.Country.Taiwan, QLocale.Country.HongKong, QLocale.Country.Macau)
    ):
        return "zh_TW"
    return "en"


def install_language(language: str | None) -> str:
    """Load the translation for ``language`` (None: the system's) and return the one in force.

    Ours, plus Qt's own (``qtbase``: standard buttons, file dialogs, context menus) when Qt ships
    it. Installing a translator also posts LanguageChange to every widget.
    """
    language = language if language in LANGUAGES else system_language()
    app = QCoreApplication.instance()
    if app is None:  # no application yet: nothing to translate
        return "en"
    while _installed:
        app.removeTranslator(_installed.pop())
    if language == "en":
        return "en"
    ours = QTranslator(app)
    if not ours.load(f"synset_{language}", str(paths.translations_dir())):
        return "en"
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    return language
