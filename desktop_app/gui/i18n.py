"""English and Traditional Chinese through Qt's translation system (.ts sources, .qm compiled)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ..core import paths
from ..core.settings import LANGUAGES

_installed: QTranslator | None = None


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

    Installing a translator sends LanguageChange to every widget, which then retranslates itself.
    """
    global _installed
    language = language if language in LANGUAGES else system_language()
    app = QCoreApplication.instance()
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    if language == "en":
        return "en"
    translator = QTranslator(app)
    if translator.load(f"synset_{language}", str(paths.translations_dir())):
        app.installTranslator(translator)
        _installed = translator
        return language
    return "en"
