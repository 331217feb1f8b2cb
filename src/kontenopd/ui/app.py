"""Start-up: the QApplication, style, language, profiles, templates and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ..core.paths import AppPaths
from . import i18n


def settings_for(paths: AppPaths) -> QSettings:
    """Settings in an INI file under the app's config folder (never the registry default)."""
    return QSettings(str(paths.config / "kontenopd.ini"), QSettings.Format.IniFormat)


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(["kontenopd", *(argv or [])])
    app.setApplicationName("KontenOPD")
    app.setOrganizationName("KontenOPD")
    app.setApplicationDisplayName("KontenOPD")
    app.setStyle("Fusion")  # the same look on every PC; follows the system light/dark mode
    return app


def main(argv: list[str]) -> int:
    """Open the desktop app. ``argv`` may hold a .kontenopd file (opened once drafts exist)."""
    app = make_app()
    paths = AppPaths.default()
    settings = settings_for(paths)
    i18n.install_language(str(settings.value("language", i18n.DEFAULT_LANGUAGE)))
    from .mainwindow import MainWindow  # noqa: PLC0415 - after the translators are in

    window = MainWindow(paths, settings)
    window.show()
    window.first_start_if_needed()
    _ = [Path(a) for a in argv if a.endswith(".kontenopd")]  # draft files: issue 5
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
