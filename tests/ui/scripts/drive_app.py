"""Start the real app (kontenopd.ui.app.main) and use it briefly, then quit.

Run by tests/ui/test_clean_exit.py in a fresh interpreter: it fills in and finishes the
first-start wizard if one opens, opens and closes the profile dialog, the Buka file dialog
and the About box, closes the main window and lets ``main`` return its exit code. Any dialog
it did not expect is reported on stderr and makes the run fail.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from kontenopd.ui import app as kapp

STEP_MS = 150


def main_window():
    from kontenopd.ui.mainwindow import MainWindow

    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))


def close_modal(kind: type) -> None:
    """Close the modal dialog that the previous step opened; it must be of ``kind``."""
    modal = QApplication.activeModalWidget()
    if not isinstance(modal, kind):
        print(f"drive_app: expected a {kind.__name__}, found {modal!r}", file=sys.stderr)
        QApplication.exit(3)
        return
    modal.reject()


def finish_wizard() -> None:
    """Type the two required names into the first-start wizard and finish it."""
    from kontenopd.ui.dialogs.wizard import FirstStartWizard

    wizard = QApplication.activeModalWidget()
    if not isinstance(wizard, FirstStartWizard):
        print(f"drive_app: expected the first-start wizard, found {wizard!r}", file=sys.stderr)
        QApplication.exit(3)
        return
    wizard.names.pemda_name.setText("Pemerintah Kabupaten Mojokerto")
    wizard.names.opd_name.setText("Dinas Komunikasi dan Informatika")
    wizard.accept()


def run_steps(steps: list) -> None:
    if not steps:
        return
    step, *rest = steps
    # A step that opens a modal dialog blocks until the dialog closes: schedule the next
    # step first, so it runs inside the dialog's own event loop.
    QTimer.singleShot(STEP_MS, lambda: run_steps(rest))
    step()


def start() -> None:
    window = main_window()
    steps = []
    if QApplication.activeModalWidget() is not None:  # first start: the welcome wizard
        steps.append(finish_wizard)
    steps += [
        window.edit_profiles,
        lambda: close_modal(QDialog),
        window.files.open_dialog,
        lambda: close_modal(QFileDialog),
        window.about,
        lambda: close_modal(QMessageBox),
        window.close,
    ]
    run_steps(steps)


if __name__ == "__main__":
    # The same QApplication main() would make (make_app reuses it); the timer starts once the
    # event loop runs, after main() has shown the window.
    kapp.make_app()
    QTimer.singleShot(400, start)
    sys.exit(kapp.main([]))
