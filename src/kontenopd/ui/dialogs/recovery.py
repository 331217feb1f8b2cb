"""The start-up offer after a crash or power loss: the drafts an earlier session saved
automatically, with when they were saved; Pulihkan (recover), Buang (discard) or Nanti."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ...core.io.draft_file import read_thumbnail
from ...core.store.autosave import BrowserEntry
from ..panels.draft_browser import ENTRY_ROLE, ICON, format_when, to_icon
from ..widgets import message_header


class RecoveryDialog(QDialog):
    RECOVER, DISCARD, LATER = "recover", "discard", "later"

    def __init__(self, entries: list[BrowserEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = entries
        self.action = self.LATER
        top, self.heading, self.intro = message_header(
            self, QStyle.StandardPixmap.SP_MessageBoxInformation)
        self.heading.setObjectName("recoveryHeading")
        self.list = QListWidget()
        self.list.setIconSize(ICON)
        self.list.setSpacing(2)
        self.list.itemActivated.connect(lambda _item: self._finish(self.RECOVER))
        for entry in entries:  # newest first (AutosaveStore.recoverable)
            item = QListWidgetItem(to_icon(read_thumbnail(entry.path)), "")
            item.setData(ENTRY_ROLE, entry)
            item.setSizeHint(QSize(ICON.width() + 380, ICON.height() + 8))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.setVisible(len(entries) > 0)
        self.later_note = QLabel()
        self.later_note.setWordWrap(True)
        self.later_note.setObjectName("hint")
        self.recover_button = QPushButton()
        self.recover_button.setDefault(True)
        self.discard_button = QPushButton()
        self.later_button = QPushButton()
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.recover_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.recover_button.clicked.connect(lambda: self._finish(self.RECOVER))
        self.discard_button.clicked.connect(self._discard)
        self.later_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.later_note)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(600, 240 + min(len(entries), 3) * (ICON.height() + 12))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Pulihkan draf"))
        n = len(self.entries)
        self.heading.setText(self.tr("Ada draf yang belum sempat disimpan") if n == 1 else
                             self.tr("Ada {n} draf yang belum sempat disimpan").format(n=n))
        self.intro.setText(self.tr(
            "KontenOPD tertutup tanpa sempat menyimpan (misalnya listrik padam atau komputer "
            "mati). Isian Anda tersimpan otomatis dan bisa dipulihkan."))
        self.later_note.setText(self.tr(
            "“Nanti” menyimpannya untuk dibuka kapan saja lewat Berkas ▸ Draf…"))
        self.recover_button.setText(self.tr("Pulihkan"))
        self.discard_button.setText(self.tr("Buang"))
        self.later_button.setText(self.tr("Nanti"))
        for i in range(self.list.count()):
            item = self.list.item(i)
            entry: BrowserEntry = item.data(ENTRY_ROLE)
            where = self.tr("dari berkas {name}").format(name=entry.source.name) \
                if entry.source else self.tr("belum pernah disimpan ke berkas")
            item.setText(self.tr("{title}\nDisimpan otomatis {when} · {where}").format(
                title=entry.display_title, when=format_when(entry.saved_at), where=where))
            if entry.source:
                item.setToolTip(str(entry.source))

    def selected(self) -> BrowserEntry | None:
        item = self.list.currentItem()
        return item.data(ENTRY_ROLE) if item is not None else None

    def _finish(self, action: str) -> None:
        if self.selected() is None:
            return
        self.action = action
        self.accept()

    def _discard(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Buang draf?"),
            self.tr("Buang “{title}”? Isian yang belum disimpan ini akan hilang dan "
                    "tidak bisa dikembalikan.").format(title=entry.display_title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self._finish(self.DISCARD)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @classmethod
    def ask(cls, parent: QWidget | None, entries: list[BrowserEntry]
            ) -> tuple[str, BrowserEntry | None]:
        """Returns (RECOVER, entry), (DISCARD, entry) or (LATER, None)."""
        dialog = cls(entries, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return cls.LATER, None
            return dialog.action, dialog.selected()
        finally:
            dialog.deleteLater()
