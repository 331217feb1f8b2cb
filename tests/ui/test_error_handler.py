"""A bug never shows a traceback: it is logged and reported in one friendly message."""

import sys


def test_unexpected_errors_are_logged_and_reported(qapp, app_paths, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from kontenopd.ui.app import install_error_handler

    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda *args: shown.append(args[2])))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_error_handler(app_paths)
    try:
        raise ValueError("contoh bug")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    log = app_paths.data / "kontenopd-error.log"
    assert "ValueError: contoh bug" in log.read_text(encoding="utf-8")
    assert "Traceback" in log.read_text(encoding="utf-8")
    assert len(shown) == 1
    assert "contoh bug" in shown[0] and str(log) in shown[0]
    assert "Traceback" not in shown[0]
