"""The question asked once when an opened draft carries a profile this PC does not have (a
colleague's draft): use the draft's profile (and keep it in the profile list), switch the
draft to one of my profiles, or Batal: the draft keeps its own identity, nothing is saved."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ...core.model.records import Profile
from ..style import muted_color
from ..widgets import message_header
from .profile_dialog import profile_name, profile_title


class DraftProfileDialog(QDialog):
    """exec() returns one of the three codes below; Esc and closing the box are KEEP."""

    KEEP, USE_DRAFT, SWITCH = 0, 1, 2  # QDialog result codes (0 = Rejected)

    def __init__(self, draft_profile: Profile, mine: list[Profile], current_id: str = "",
                 name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft_profile = draft_profile
        self.mine = mine
        self.name = name
        top, self.heading, self.intro = message_header(
            self, QStyle.StandardPixmap.SP_MessageBoxQuestion)
        self.use_note = QLabel()
        self.use_note.setWordWrap(True)
        self.switch_label = QLabel()
        self.combo = QComboBox()
        for profile in mine:
            self.combo.addItem(profile_name(profile), profile.id)
        index = self.combo.findData(current_id)
        self.combo.setCurrentIndex(max(0, index))
        self.keep_note = QLabel()
        self.keep_note.setWordWrap(True)
        self.use_button = QPushButton()
        self.use_button.setDefault(True)
        self.switch_button = QPushButton()
        self.switch_button.setEnabled(bool(mine))
        self.combo.setEnabled(bool(mine))
        self.cancel_button = QPushButton()
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.switch_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.use_button.clicked.connect(lambda: self.done(self.USE_DRAFT))
        self.switch_button.clicked.connect(lambda: self.done(self.SWITCH))
        self.cancel_button.clicked.connect(self.reject)
        switch_row = QHBoxLayout()
        switch_row.addWidget(self.switch_label)
        switch_row.addWidget(self.combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.use_note)
        layout.addLayout(switch_row)
        layout.addWidget(self.keep_note)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(560, 280)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Profil draf"))
        self.heading.setText(self.tr("Draf ini memakai profil yang belum ada di komputer ini"))
        intro = self.tr("Draf “{name}” dibuat dengan profil <b>{profile}</b>.") if self.name \
            else self.tr("Draf ini dibuat dengan profil <b>{profile}</b>.")
        self.intro.setText(intro.format(name=self.name.replace("<", "&lt;"),
                                        profile=profile_title(self.draft_profile)
                                        .replace("<", "&lt;")))
        muted = f"color: {muted_color(self)}"
        self.use_note.setText(self.tr(
            "“Pakai profil draf” menyimpan profil ini ke daftar profil Anda dan memakainya."))
        self.switch_label.setText(self.tr("Atau ganti ke profil saya:"))
        self.keep_note.setText(self.tr(
            "“Batal”: draf tetap memakai identitasnya sendiri, tanpa disimpan sebagai profil."))
        for label in (self.use_note, self.keep_note):
            label.setStyleSheet(muted)
        self.use_button.setText(self.tr("Pakai profil draf"))
        self.switch_button.setText(self.tr("Ganti ke profil saya"))
        self.cancel_button.setText(self.tr("Batal"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def chosen(self) -> Profile | None:
        """The profile of mine picked in the list."""
        profile_id = self.combo.currentData()
        return next((p for p in self.mine if p.id == profile_id), None)

    @classmethod
    def ask(cls, parent: QWidget | None, draft_profile: Profile, mine: list[Profile],
            current_id: str = "", name: str = "") -> tuple[int, Profile | None]:
        """Returns (USE_DRAFT, None), (SWITCH, one of ``mine``) or (KEEP, None)."""
        dialog = cls(draft_profile, mine, current_id, name, parent)
        try:
            result = dialog.exec()
            try:
                code = int(getattr(result, "value", result))
            except (TypeError, ValueError):
                code = cls.KEEP
            if code == cls.USE_DRAFT:
                return cls.USE_DRAFT, None
            if code == cls.SWITCH and dialog.chosen() is not None:
                return cls.SWITCH, dialog.chosen()
            return cls.KEEP, None
        finally:
            dialog.deleteLater()
