"""Fixtures for the GUI tests: a real MainWindow over an isolated home, renders run
synchronously (SyncRunner) so every assertion sees the finished preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from kontenopd.core.paths import AppPaths


@pytest.fixture
def app_paths(isolated_home: Path) -> AppPaths:
    return AppPaths.default()


@pytest.fixture
def settings(app_paths: AppPaths):
    from kontenopd.ui.app import settings_for

    return settings_for(app_paths)


@pytest.fixture
def language(qapp):
    from kontenopd.ui import i18n

    i18n.install_language("id")
    yield i18n
    i18n.install_language("id")


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):
    """A message box left open would hang the run: answer Yes / OK unless a test says else."""
    from PySide6.QtWidgets import QMessageBox

    shown = []

    def answer(*args, **kwargs):
        shown.append(args)
        return QMessageBox.StandardButton.Yes

    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(answer))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(answer))
    return shown


@pytest.fixture
def window(qtbot, app_paths, settings, library, language):
    from kontenopd.ui.mainwindow import MainWindow
    from kontenopd.ui.tasks import SyncRunner

    win = MainWindow(app_paths, settings, library=library, runner=SyncRunner())
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    """A 1600x900 photo with a left/right split, so focal moves change the pixels."""
    img = Image.new("RGB", (1600, 900), (200, 40, 40))
    img.paste((30, 60, 200), (800, 0, 1600, 900))
    for x in range(0, 1600, 100):
        img.paste((250, 250, 250), (x, 0, x + 10, 900))
    path = tmp_path / "foto kegiatan.jpg"
    img.save(path, quality=90)
    return path
