"""Entry point for frozen builds (PyInstaller): the GUI, or the CLI when given arguments.

Order matters: ``multiprocessing.freeze_support()`` runs first, before any of the app is
imported. The export's process pool uses the "spawn" start method, which in a frozen app
starts this executable again with the worker's arguments; freeze_support turns that start
into a worker (and exits when it is done) instead of a second copy of the app.

``KONTENOPD_SMOKE_QUIT_MS`` (used by packaging/smoke.py only): after the main window has
been shown, wait that many milliseconds, print one ``smoke: window ...`` line to stdout (and
append it to the file ``KONTENOPD_SMOKE_LOG`` names: a windowed Windows build has no stdout)
and close every dialog and the window, so a headless test can start the real GUI and see it
quit cleanly.
"""

from __future__ import annotations

import multiprocessing
import os
import sys

SMOKE_ENV = "KONTENOPD_SMOKE_QUIT_MS"
SMOKE_LOG_ENV = "KONTENOPD_SMOKE_LOG"


def _usable_streams() -> None:
    """A windowed Windows build has no console: sys.stdout and sys.stderr are None there, and
    the first ``sys.stderr.write`` would raise. Send them to the null device instead."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def _install_smoke_quit(delay_ms: int) -> None:
    """Wrap kontenopd.ui.app.start_window so the shown window closes itself after
    ``delay_ms`` (dialogs such as the first-start wizard are rejected first)."""
    from kontenopd.ui import app as ui_app  # noqa: PLC0415 - only for the smoke test

    original = ui_app.start_window

    def start_window(*args: object, **kwargs: object) -> object:
        window = original(*args, **kwargs)  # type: ignore[arg-type]
        from PySide6.QtCore import QTimer  # noqa: PLC0415
        from PySide6.QtWidgets import QApplication, QDialog  # noqa: PLC0415

        def close_all() -> None:
            line = f"smoke: window {window.windowTitle()!r} shown={window.isVisible()}"
            print(line, flush=True)
            log = os.environ.get(SMOKE_LOG_ENV)
            if log:
                with open(log, "a", encoding="utf-8") as out:
                    out.write(line + "\n")
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QDialog) and widget.isVisible():
                    widget.reject()
            window.close()
            if window.isVisible():  # a dialog was still on the way: try again
                QTimer.singleShot(200, close_all)

        QTimer.singleShot(delay_ms, close_all)
        return window

    ui_app.start_window = start_window


def run() -> int:
    multiprocessing.freeze_support()  # a spawned export worker stops here (see above)
    _usable_streams()
    delay = os.environ.get(SMOKE_ENV)
    if delay:
        _install_smoke_quit(int(delay))
    from kontenopd.cli import main  # noqa: PLC0415 - after freeze_support, on purpose

    return main(exit_fast=True)


if __name__ == "__main__":
    sys.exit(run())
