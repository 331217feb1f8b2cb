"""Start-up: the QApplication, style, language, profiles, templates and the main window."""

from __future__ import annotations

import sys
import traceback
from datetime import datetime
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


def install_error_handler(paths: AppPaths) -> None:
    """An unexpected error (a bug) is written to a log file and reported in one friendly
    Indonesian message instead of a traceback; the app keeps running and autosave keeps
    the work."""

    def handle(kind: type[BaseException], error: BaseException, tb: object) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)  # type: ignore[arg-type]
            return
        log = paths.data / "kontenopd-error.log"
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            with log.open("a", encoding="utf-8") as handle_file:
                handle_file.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
                handle_file.write("".join(traceback.format_exception(kind, error, tb)))
        except OSError:
            pass
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

        QMessageBox.critical(
            QApplication.activeWindow(), QApplication.translate("App", "Kesalahan tak terduga"),
            QApplication.translate(
                "App", "Terjadi kesalahan tak terduga: {error}\n\nPekerjaan Anda tetap "
                "tersimpan otomatis. Rincian untuk pengembang ada di {log}.").format(
                    error=f"{kind.__name__}: {error}"[:300], log=log))

    sys.excepthook = handle


def main(argv: list[str]) -> int:
    """Open the desktop app. ``argv`` may hold a .kontenopd file to open."""
    app = make_app()
    install_error_handler(AppPaths.default())
    window = start_window(argv)
    code = app.exec()
    del window
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
