"""Start-up: the QApplication, style, language, profiles, templates and the main window."""

from __future__ import annotations

import sys
import traceback
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QMessageLogContext,
    QObject,
    QSettings,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from ..core.paths import AppPaths, fonts_dir
from . import i18n

if TYPE_CHECKING:
    from .mainwindow import MainWindow


QT_LOG_LIMIT = 1 << 20  # bytes; the Qt message log is rotated once past this


def settings_for(paths: AppPaths) -> QSettings:
    """Settings in an INI file under the app's config folder (never the registry default).

    Qt's own settings (the file dialogs' history and state, organisation "QtProject") are
    confined to the same folder too: without this Qt writes ``~/.config/QtProject.conf`` or
    the Windows registry even when ``KONTENOPD_HOME`` points elsewhere."""
    confine_qt_settings(paths)
    return QSettings(str(paths.config / "kontenopd.ini"), QSettings.Format.IniFormat)


def confine_qt_settings(paths: AppPaths) -> None:
    """Every QSettings made without an explicit file (Qt's included) lives under
    ``<config>/qt``. QFileDialog asks for the native format, which is an INI file on Linux
    and macOS (redirected here) but the registry on Windows, where Qt keeps its dialog
    history under HKCU\\Software\\QtProject whatever we set."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(paths.config / "qt"))


def route_qt_messages(paths: AppPaths) -> None:
    """Qt's diagnostics (platform-plugin notes, warnings) go to ``<data>/qt-messages.log``
    for bug reports instead of the terminal; critical and fatal ones go to stderr as well.
    ``main`` removes the handler again before the interpreter shuts down."""
    log = paths.data / "qt-messages.log"
    loud = (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)

    def handle(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        line = f"{datetime.now().isoformat(timespec='seconds')} {kind.name}: {message}\n"
        if kind in loud:
            sys.stderr.write(f"kontenopd: Qt: {message}\n")
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            if log.is_file() and log.stat().st_size > QT_LOG_LIMIT:
                log.replace(log.with_suffix(".log.1"))
            with log.open("a", encoding="utf-8") as out:
                out.write(line)
        except OSError:
            pass

    qInstallMessageHandler(handle)


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(["kontenopd", *(argv or [])])
    app.setApplicationName("KontenOPD")
    app.setOrganizationName("KontenOPD")
    # Wayland shells match the window to packaging/linux/id.go.kontenopd.KontenOPD.desktop
    QGuiApplication.setDesktopFileName("id.go.kontenopd.KontenOPD")
    app.setApplicationDisplayName("KontenOPD")
    app.setStyle("Fusion")  # the same look on every PC; follows the system light/dark mode
    install_emoji_font(app)
    return app


EMOJI_FONT = "NotoColorEmoji/NotoColorEmoji.ttf"  # under assets/fonts (OFL, UI only)


class _EmojiFallback(QObject):
    """Gives every text field and editor, as it is polished (before it is first shown),
    its font with the emoji family appended as the last fallback."""

    def __init__(self, family: str, parent: QObject) -> None:
        super().__init__(parent)
        self.family = family

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(
                watched, (QLineEdit, QPlainTextEdit, QTextEdit)):
            font = QFont(watched.font())
            # the real family behind an alias such as "Sans Serif": with the alias first,
            # characters the emoji font also has (space, digits) would come from it
            real = QFontInfo(font).family()
            families = [real, *(f for f in font.families() if f != real)]
            if self.family not in families:
                font.setFamilies([*families, self.family])
                watched.setFont(font)
        return False


def install_emoji_font(app: QApplication) -> str | None:
    """Make the bundled colour emoji font the fallback of the text fields and editors, so
    emoji typed into a field or a caption show as emoji, not boxes, where the PC has no
    emoji font. Only there: as the fallback of every widget its bitmap glyphs would size
    labels and buttons that show ✔ ⚠ ✖ marks. Once per application; returns the family
    name (None if the file is missing or unreadable)."""
    current = app.property("kontenopdEmojiFamily")
    if current:
        return str(current)
    font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / EMOJI_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    app.installEventFilter(_EmojiFallback(families[0], app))
    app.setProperty("kontenopdEmojiFamily", families[0])
    return families[0]


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
    """Open the desktop app. ``argv`` may hold a .kontenopd file to open.

    Shutdown is explicit so nothing Qt owns is left for the garbage collector during
    interpreter finalisation: the closed window (its panels, timers and thread pools were
    stopped in its closeEvent) is destroyed while the QApplication still exists, and the
    Python message handler is removed before Python starts tearing itself down."""
    app = make_app()
    paths = AppPaths.default()
    install_error_handler(paths)
    route_qt_messages(paths)
    try:
        window = start_window(argv, paths)
        code = app.exec()  # returns once the window has closed (closeEvent did the saving)
        shiboken6.delete(window)
        del window
    finally:
        qInstallMessageHandler(None)
        sys.excepthook = sys.__excepthook__
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
