"""Start-up: the QApplication, style, language, profiles, templates and the main window."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ..core.paths import AppPaths
from . import i18n

if TYPE_CHECKING:
    from .mainwindow import MainWindow


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


def draft_arguments(argv: list[str]) -> list[str]:
    """The .kontenopd files among the arguments (a double-clicked draft arrives this way)."""
    return [a for a in argv if not a.startswith("-") and Path(a).suffix.lower() == ".kontenopd"]


def start_window(argv: list[str], paths: AppPaths | None = None,
                 settings: QSettings | None = None, **kwargs: object) -> MainWindow:
    """Build and show the main window, open a draft named in ``argv`` and offer drafts an
    earlier session left unsaved (crash, power loss). ``main`` then runs the event loop."""
    paths = paths or AppPaths.default()
    settings = settings or settings_for(paths)
    i18n.install_language(str(settings.value("language", i18n.DEFAULT_LANGUAGE)))
    from .mainwindow import MainWindow  # noqa: PLC0415 - after the translators are in

    window = MainWindow(paths, settings, **kwargs)  # type: ignore[arg-type]
    window.show()
    window.first_start_if_needed()
    window.files.startup(draft_arguments(argv))
    return window


def main(argv: list[str]) -> int:
    """Open the desktop app. ``argv`` may hold a .kontenopd file to open."""
    app = make_app()
    window = start_window(argv)
    code = app.exec()
    del window
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
