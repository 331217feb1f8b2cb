"""Fixtures for the GUI tests: a real MainWindow over an isolated home, renders run
synchronously (SyncRunner) so every assertion sees the finished preview."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


@dataclass
class Shown:
    """One modal dialog a test caused: which kind, its title and text, the answer given."""

    kind: str  # question, warning, information, critical, about, file, exec
    title: str
    text: str
    answer: Any = None


@dataclass
class _Expected:
    kind: str
    match: str
    answer: Any
    times: int | None  # None: any number of times


class Dialogs:
    """Every modal dialog a test shows must be declared first, with the answer to give:

        dialogs.expect("warning", match="rusak")
        dialogs.expect("question", match="Timpa", answer=QMessageBox.StandardButton.No)

    An undeclared dialog is answered with the harmless choice (No / Cancel / no file) and
    fails the test at teardown, naming it: a dialog a user would see is behaviour to assert,
    never something a fixture waves through.
    """

    def __init__(self) -> None:
        self.shown: list[Shown] = []
        self.unexpected: list[Shown] = []
        self._expected: list[_Expected] = []

    def expect(self, kind: str, match: str = "", answer: Any = None,
               times: int | None = 1) -> None:
        from PySide6.QtWidgets import QMessageBox

        if answer is None and kind in ("question", "warning", "information", "critical"):
            answer = QMessageBox.StandardButton.Yes if kind == "question" else \
                QMessageBox.StandardButton.Ok
        self._expected.append(_Expected(kind, match, answer, times))

    def of(self, kind: str) -> list[Shown]:
        return [s for s in self.shown if s.kind == kind]

    def _answer(self, kind: str, title: str, text: str, refusal: Any) -> Any:
        shown = Shown(kind, title, text)
        self.shown.append(shown)
        for exp in reversed(self._expected):  # the latest declaration wins
            if exp.kind == kind and exp.times != 0 and re.search(exp.match, f"{title}\n{text}"):
                if exp.times is not None:
                    exp.times -= 1
                shown.answer = exp.answer
                return exp.answer
        shown.answer = refusal
        self.unexpected.append(shown)
        return refusal

    def check(self) -> None:
        if self.unexpected:
            lines = [f"{s.kind}: {s.title!r} {s.text[:160]!r}" for s in self.unexpected]
            pytest.fail("dialog(s) the test did not declare:\n" + "\n".join(lines),
                        pytrace=False)
        missing = [e for e in self._expected if e.times not in (0, None)]
        if missing:
            pytest.fail("declared dialog(s) never shown: " + ", ".join(
                f"{e.kind} ~ {e.match!r}" for e in missing), pytrace=False)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


@pytest.fixture(autouse=True)
def dialogs(monkeypatch) -> Dialogs:
    """Modal boxes, file dialogs and QDialog.exec would hang an offscreen run; here each one
    is answered from the test's declarations (see :class:`Dialogs`)."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    box = Dialogs()
    no = QMessageBox.StandardButton.No

    def message(kind: str, refusal: Any):
        def show(_parent, title="", text="", *args, **kwargs):
            return box._answer(kind, _text(title), _text(text), refusal)
        return staticmethod(show)

    monkeypatch.setattr(QMessageBox, "question", message("question", no))
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, message(kind, QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "about", message("about", None))

    def files(name: str, refusal: Any):
        def show(_parent=None, caption="", *args, **kwargs):
            return box._answer("file", f"{name}: {_text(caption)}", "", refusal)
        return staticmethod(show)

    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, files(name, ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", files("getOpenFileNames", ([], "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", files("getExistingDirectory", ""))

    def exec_(self):
        return box._answer("exec", type(self).__name__, _text(self.windowTitle()),
                           QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QDialog, "exec", exec_)
    yield box
    box.check()


@pytest.fixture
def window(qtbot, app_paths, settings, library, language, dialogs):
    """The main window at 1366x768. At teardown it is closed the way a user closes it; if
    the test left unsaved changes, that close asks "Simpan perubahan?" once, and only that
    question, declared here after the test body, is answered (Jangan Simpan)."""
    from PySide6.QtWidgets import QMessageBox

    from kontenopd.ui.mainwindow import MainWindow
    from kontenopd.ui.tasks import SyncRunner

    # Not qtbot.addWidget: pytest-qt closes registered widgets before fixtures tear down,
    # i.e. before the declaration below could be made.
    win = MainWindow(app_paths, settings, library=library, runner=SyncRunner())
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    # (any number of times: a test may have patched the prompt away, or closed already)
    dialogs.expect("question", match="Simpan perubahan",
                   answer=QMessageBox.StandardButton.Discard, times=None)
    win.close()
    win.deleteLater()
    qtbot.wait(0)


@pytest.fixture
def own_profile(window, real_profile):
    """The window switched to a real OPD profile kept in its store (the first start made a
    demo one): what a user who filled in the welcome dialog works with. Exporting needs it."""
    saved = window.store.save(real_profile)
    window.use_profile(saved)
    return saved


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


@pytest.fixture
def asked() -> list[str]:
    """The start folder of every folder dialog shown."""
    return []


@pytest.fixture
def out_dir(tmp_path, monkeypatch, asked) -> Path:
    target = tmp_path / "hasil ekspor"
    target.mkdir()

    def choose(parent, title, start, *args, **kwargs):
        asked.append(start)
        return str(target)

    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose))
    return target


@pytest.fixture
def opened(monkeypatch) -> list[Path]:
    calls: list[Path] = []
    from kontenopd.ui.panels import queue_panel

    monkeypatch.setattr(queue_panel, "open_folder", lambda path: calls.append(path) or True)
    return calls


class HeldRunner:
    """A worker thread that has not got to its jobs yet: they wait, in order, until the test
    lets them run (``finish``), e.g. a save or a face detection that ends after the user
    moved on."""

    def __init__(self) -> None:
        self.jobs = []

    def run(self, func, callback, priority=0, *, progress=None, task=None):
        self.jobs.append((func, callback))
        return task

    def finish(self) -> None:
        while self.jobs:
            func, callback = self.jobs.pop(0)
            try:
                result, error = func(), None
            except Exception as exc:
                result, error = None, exc
            callback(result, error)

    def wait(self, msecs=0) -> bool:
        self.finish()
        return True
