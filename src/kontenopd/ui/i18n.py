"""Interface language: Bahasa Indonesia (the source language of the UI strings) by default,
English through assets/i18n/kontenopd_en.qm. Qt ships no Indonesian translation of its own
dialogs, so assets/i18n/qt_id.qm carries the strings of Qt's dialogs and menus we use.

Regenerate after changing UI strings:  python tools/i18n_update.py
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator

from ..core.paths import assets_dir

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"
_FILES = {"id": ("qt_id",), "en": ("kontenopd_en",)}
TRANSLATOR_NAME = "kontenopd-translator"


def i18n_dir() -> Path:
    return assets_dir() / "i18n"


def install_language(language: str) -> str:
    """Install the translators for ``language`` (replacing earlier ones); returns the code
    actually used. Widgets receive a LanguageChange event and retranslate themselves."""
    app = QCoreApplication.instance()
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    # The translators are children of the application (found by name, never kept in a
    # module-level list that would outlive it).
    for translator in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(translator)
        shiboken6.delete(translator)
    for name in _FILES[language]:
        translator = QTranslator(app)
        translator.setObjectName(TRANSLATOR_NAME)
        if translator.load(str(i18n_dir() / f"{name}.qm")):
            app.installTranslator(translator)
        else:
            shiboken6.delete(translator)
    locale = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia) if language == "id" \
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    QLocale.setDefault(locale)
    # Widgets get their LanguageChange events now, not at the next turn of the event loop.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return language
