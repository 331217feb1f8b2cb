"""The questions and file pickers of draft files
(:mod:`kontenopd.ui.controllers.draft_files`): "Simpan perubahan?" (:class:`UnsavedChangesDialog`)
and Buka / Simpan Sebagai
(:class:`DraftFileDialogs`). Each exposes classmethods returning the user's choice, so tests
can patch them (STYLE.md rule 7)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from ...core.io.draft_file import SUFFIX

FILE_FILTER_SUFFIXES = ("*" + SUFFIX,)

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


class _Relabel(QObject):
    """Gives a message box's Discard button our own text when the box is shown."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QMessageBox):
            button = watched.button(QMessageBox.StandardButton.Discard)
            if button is not None:
                button.setText(self.text)
        return False


class UnsavedChangesDialog:
    """"Simpan perubahan?" with Simpan / Jangan Simpan / Batal."""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> str:
        """Returns ``"save"``, ``"discard"`` or ``"cancel"`` (Esc / closing the box)."""
        relabel = _Relabel(QCoreApplication.translate("UnsavedChangesDialog",
                                                      "Jangan Simpan"))
        app = QApplication.instance()
        app.installEventFilter(relabel)
        try:
            answer = QMessageBox.question(
                parent, QCoreApplication.translate("UnsavedChangesDialog", "Simpan perubahan?"),
                QCoreApplication.translate(
                    "UnsavedChangesDialog",
                    "Perubahan pada “{name}” belum disimpan. Simpan dulu?").format(
                    name=name),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save)
        finally:
            app.removeEventFilter(relabel)
        if answer == QMessageBox.StandardButton.Save:
            return SAVE
        if answer in (QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Yes):
            return DISCARD  # (Yes: "yes, let the changes go", from an automated answer)
        return CANCEL  # Batal, Esc, closing the box: keep the work


class DraftFileDialogs:
    """The file pickers, as classmethods so tests can patch them."""

    @classmethod
    def _filter(cls) -> str:
        return QCoreApplication.translate(
            "DraftFileDialogs", "Draf KontenOPD ({patterns});;Semua berkas (*)").format(
            patterns=" ".join(FILE_FILTER_SUFFIXES))

    @classmethod
    def open_path(cls, parent: QWidget | None, folder: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("DraftFileDialogs", "Buka draf"), folder,
            cls._filter())
        return Path(path) if path else None

    @classmethod
    def save_path(cls, parent: QWidget | None, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("DraftFileDialogs", "Simpan draf sebagai"),
            suggested, cls._filter())
        return Path(path) if path else None
